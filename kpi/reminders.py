"""The KPIs' part of the daily reminders (notifications.reminders): a KPI entered
by hand needs its next value before the last one stops speaking for it, i.e.
before the KPI would show "no recent data". Its owner hears a week ahead, the
day before and once it is overdue. KPIs computed from channel statistics or
wishes fill themselves and remind nobody."""

from datetime import date, timedelta
from types import SimpleNamespace

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kpi.models import Kpi
from kpi.services import STALE_AFTER_DAYS, recent_values, speaks_for
from notifications.reminders import Reminder, stage

_SUBJECTS = {
    "soon": _("A new value of %(kpi)s is due on %(date)s"),
    "tomorrow": _("A new value of %(kpi)s is due tomorrow"),
    "overdue": _("The value of %(kpi)s is out of date since %(date)s"),
}


def measurement_due(latest, frequency: str) -> date:
    """The day a KPI turns to "no recent data" without a newer value."""
    return speaks_for(latest, frequency) + timedelta(days=STALE_AFTER_DAYS[frequency] + 1)


def reminders(*, today: date) -> list[Reminder]:
    """Two queries: the owned KPIs entered by hand, and their latest values."""
    kpis = (
        Kpi.objects.filter(source=Kpi.Source.MANUAL, owner__user__is_active=True)
        .filter(owner__is_active=True)
        .filter(Q(owner__leaving_date__isnull=True) | Q(owner__leaving_date__gte=today))
        .select_related("owner")
    )
    # Oldest first: the last row is the latest value, as (kpi, date, value, period end).
    latest = {
        kpi_id: SimpleNamespace(date=rows[-1][1], period_end=rows[-1][3])
        for kpi_id, rows in recent_values(kpis).items()
        if rows
    }
    found = []
    for kpi in kpis:
        if kpi.pk not in latest:
            continue  # never measured: Mijn werk asks for a first value
        due = measurement_due(latest[kpi.pk], kpi.frequency)
        step = stage(due, today=today)
        if step is None:
            continue
        found.append(
            Reminder(
                kind="kpi-measurement-" + step,
                key=f"kpi-measurement:{kpi.pk}:{step}:{due.isoformat()}",
                recipients=(kpi.owner.user_id,),
                subject=_SUBJECTS[step],
                text=_(
                    "You own the KPI “%(kpi)s” (%(frequency)s). Enter its new value on the "
                    "KPI's page or upload it, so it does not show “no recent data”."
                ),
                url=kpi.get_absolute_url(),
                params={
                    "kpi": kpi.name,
                    "date": due.strftime("%d-%m-%Y"),
                    "frequency": kpi.get_frequency_display(),
                },
            )
        )
    return found
