"""The KPIs' part of Mijn werk (beheer.work): the KPIs a person owns that need a
measurement or are off track; for the managers, how many KPIs are in that state.

Actions on success factors are in the one action register (governance.work)."""

from datetime import date

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from beheer.work import WorkItem
from kpi import summary
from kpi.models import Kpi
from kpi.services import Status, kpi_rows


def _value(number, unit: str) -> str:
    text = number_format(number, use_l10n=True)
    return f"{text} {unit}".strip() if unit != "%" else f"{text}%"


def work_items(*, user, person, today: date) -> list[WorkItem]:
    """Three queries: the person's KPIs, their links to factors, their latest values."""
    if person is None:
        return []
    items = []
    for row in kpi_rows(today=today, kpis=Kpi.objects.filter(owner=person)):
        kpi = row.kpi
        if row.status == Status.NO_DATA:
            items.append(
                WorkItem(
                    kind="kpi-measurement",
                    title=_("Enter a measurement for %(kpi)s") % {"kpi": kpi.name},
                    url=kpi.get_absolute_url(),
                    detail=(
                        _("The latest value is of %(date)s; a newer one is due.")
                        % {"date": row.latest.date.strftime("%d-%m-%Y")}
                        if row.latest
                        else _("No value has been measured yet.")
                    ),
                    priority=3,
                )
            )
        elif row.status == Status.OFF_TRACK:
            items.append(
                WorkItem(
                    kind="kpi-off-track",
                    title=_("%(kpi)s is off track") % {"kpi": kpi.name},
                    url=kpi.get_absolute_url(),
                    detail=_("Latest value %(value)s, target %(target)s: agree what to do.")
                    % {
                        "value": _value(row.latest.value, kpi.unit),
                        "target": _value(kpi.target, kpi.unit),
                    },
                    priority=2,
                )
            )
    return items


def attention_items(*, today: date) -> list[WorkItem]:
    """KPIs off track and without recent data; one query."""
    url = reverse("kpi:dashboard")
    titles = {
        Status.OFF_TRACK: (_("KPIs off track"), 2),
        Status.NO_DATA: (_("KPIs without recent data"), 3),
    }
    return [
        WorkItem(
            kind=f"kpi-{status}",
            title=titles[status][0],
            url=url,
            count=count,
            priority=titles[status][1],
        )
        for status, _label, count in summary.kpi_status_counts(today=today)
        if status in titles and count
    ]
