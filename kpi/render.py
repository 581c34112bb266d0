"""HTML of the KPI overview's rows, built in Python.

Through the template engine the overview's rows (a status, two numbers, a
date and a sparkline each) cost several times the rest of the page. They are
built here once per change of the data and cached (views.dashboard); a filter
only picks rows and counts their statuses.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from html import escape  # as django.utils.html.escape, without its lazy-text wrapper

from django.template.defaultfilters import date as date_format
from django.urls import reverse
from django.utils.formats import get_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kpi import services
from kpi.models import Kpi

_CENTS = Decimal("0.01")


def _decimal_text(value: Decimal, places: int, separator: str) -> str:
    """`value` rounded to `places` decimals as floatformat shows it, with the
    language's decimal separator (no thousands separator, as in settings)."""
    value = value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    if not value:
        value = abs(value)  # "0", never "-0"
    return f"{value:f}".replace(".", separator)


@dataclass(frozen=True)
class OverviewRow:
    pk: int
    name: str
    status: str
    owner_user_id: int | None  # the login of the KPI's owner
    html: SafeString


@dataclass(frozen=True)
class Overview:
    rows: list[OverviewRow]  # every KPI, the most urgent first
    departments: list[services.Named]  # those with KPIs, for the filter


def overview(*, today: date) -> Overview:
    kpi_rows = services.kpi_overview(today=today)
    html = _RowHtml()
    departments = {row.kpi.department for row in kpi_rows if row.kpi.department}
    return Overview(
        [
            OverviewRow(
                row.kpi.pk,
                row.kpi.name,
                row.status,
                row.kpi.owner.user_id if row.kpi.owner else None,
                html.row(row),
            )
            for row in kpi_rows
        ],
        sorted(departments, key=lambda d: (d.name.casefold(), d.pk)),
    )


def status_html(status: str) -> str:
    label = escape(str(services.Status.LABELS[status]))
    return f'<span class="kpi-status status-{status}" data-status="{status}">{label}</span>'


class _RowHtml:
    """Builds rows in the active language; what every row shares (labels, the
    decimal separator, months) is looked up once, not per row."""

    def __init__(self):
        # The KPI's address around its key: one reverse() for every row.
        self.url_start, self.url_end = reverse("kpi:kpi", args=[987654321]).split("987654321")
        self.separator = get_format("DECIMAL_SEPARATOR")
        # Translated outside the f-strings, where gettext's extractor cannot see them.
        not_smart, has_left, no_values = _("not SMART"), _("has left"), _("no values")
        self.not_smart = f' <small class="badge badge-warning">{escape(not_smart)}</small>'
        self.has_left = f' <span class="badge badge-risk">{escape(has_left)}</span>'
        self.no_values = f"<small>{escape(no_values)}</small>"
        self.statuses = {status: status_html(status) for status in services.Status.LABELS}
        self.months: dict[tuple[int, int], str] = {}
        self.trends: dict[int, str] = {}

    def row(self, row: services.KpiRow) -> SafeString:
        kpi, latest = row.kpi, row.latest
        unit = escape(kpi.unit)
        if latest is not None:
            value = (
                f"{self.number(latest.value)} {unit}<br><small>"
                f'<time datetime="{latest.date.isoformat()}">{self.month(latest.date)}</time>'
                "</small>"
            )
        else:
            value = "—"
        if kpi.target is not None:
            sign = "≥" if kpi.direction == Kpi.Direction.HIGHER else "≤"
            target = f"{sign} {self.number(kpi.target)} {unit}"
        else:
            target = "—"
        owner = escape(kpi.owner.name) if kpi.owner is not None else "—"
        if row.owner_gone:
            owner += self.has_left
        url = f"{self.url_start}{kpi.pk}{self.url_end}"
        return mark_safe(  # noqa: S308 - every text from the data is escaped above
            f'<tr data-kpi="{kpi.pk}">'
            f'<th scope="row"><a href="{url}">{escape(kpi.name)}</a>'
            f"{self.not_smart if row.gaps else ''}</th>"
            f"<td>{self.statuses[row.status]}</td>"
            f'<td class="number">{value}</td>'
            f'<td class="number">{target}</td>'
            f"<td>{self.sparkline(row)}</td>"
            f"<td>{owner}</td>"
            "</tr>"
        )

    def number(self, value: Decimal) -> str:
        """As the template filter floatformat:"-2" shows it: two decimals, none
        for a whole number."""
        value = value.quantize(_CENTS, ROUND_HALF_UP)
        return _decimal_text(value, 0 if value == value.to_integral_value() else 2, self.separator)

    def month(self, day: date) -> str:
        key = (day.year, day.month)
        if key not in self.months:
            self.months[key] = escape(date_format(day, "M Y"))
        return self.months[key]

    def sparkline(self, row: services.KpiRow) -> str:
        if not row.recent:
            return self.no_values
        count = len(row.recent)
        if count not in self.trends:
            self.trends[count] = escape(
                ngettext(
                    "Trend of the latest %(count)s value",
                    "Trend of the latest %(count)s values",
                    count,
                )
                % {"count": count}
            )
        target = row.sparkline_target
        line = (
            f'<line x1="0" x2="100" y1="{target}" y2="{target}" class="sparkline-target"/>'
            if target is not None
            else ""
        )
        return (
            '<svg class="sparkline" viewBox="0 0 100 24" width="100" height="24" role="img" '
            f'aria-label="{self.trends[count]}">{line}'
            f'<polyline points="{row.sparkline}" fill="none"/></svg>'
        )


def channel_rows_html(mix: services.ChannelMix) -> SafeString:
    """The rows of the table of contacts per channel, the latest month first."""
    separator = get_format("DECIMAL_SEPARATOR")
    rows = []
    for month, values, share in reversed(mix.table):
        cells = "".join([f'<td class="number">{value}</td>' for value in values])
        share_text = _decimal_text(share, 1, separator) if share is not None else "—"
        rows.append(
            f'<tr><th scope="row">{month:%Y-%m}</th>{cells}'
            f'<td class="number">{share_text}%</td></tr>'
        )
    return mark_safe("".join(rows))  # noqa: S308 - numbers and dates only
