"""Success factors and KPIs in numbers, for the dashboard: the counts of the
KPI pages from two small queries instead of every KPI row with its sparkline.

The rules stay in kpi.services (kpi_status, the factor steps); only the reading
is lighter. tests/beheer/test_dashboard.py compares the numbers with the pages'.
"""

from datetime import date
from types import SimpleNamespace

from django.db.models import OuterRef, Subquery

from kpi.models import FactorReview, Kpi, Measurement, SuccessFactor, Theme
from kpi.services import Status, kpi_status


def factor_counts() -> tuple[int, int]:
    """(factors, factors present or anchored): services.factor_checklist's
    `total` and `in_place`, from each factor's latest review."""
    latest_status = (
        FactorReview.objects.filter(factor=OuterRef("pk"))
        .order_by("-date", "-id")
        .values("status")[:1]
    )
    statuses = list(
        SuccessFactor.objects.filter(theme__in=Theme.values)
        .annotate(latest_status=Subquery(latest_status))
        .values_list("latest_status", flat=True)
    )
    present = FactorReview.STEPS[FactorReview.Status.PRESENT]
    in_place = sum(1 for status in statuses if status and FactorReview.STEPS[status] >= present)
    return len(statuses), in_place


def kpi_status_counts(*, today: date) -> list[tuple[str, str, int]]:
    """(status, label, number of KPIs) in Status.ORDER: services.status_counts
    of services.kpi_rows, with each KPI's latest measurement read in the query."""
    latest = Measurement.objects.filter(kpi=OuterRef("pk")).order_by("-date")[:1]
    kpis = Kpi.objects.annotate(
        latest_date=Subquery(latest.values("date")),
        latest_value=Subquery(latest.values("value")),
        latest_period_end=Subquery(latest.values("period_end")),
    ).values_list(
        "target",
        "tolerance",
        "direction",
        "frequency",
        "latest_date",
        "latest_value",
        "latest_period_end",
    )
    counts = dict.fromkeys(Status.ORDER, 0)
    for target, tolerance, direction, frequency, day, value, period_end in kpis:
        kpi = SimpleNamespace(
            target=target, tolerance=tolerance, direction=direction, frequency=frequency
        )
        measurement = SimpleNamespace(date=day, value=value, period_end=period_end) if day else None
        counts[kpi_status(kpi, measurement, today=today)] += 1
    return [(status, Status.LABELS[status], counts[status]) for status in Status.ORDER]
