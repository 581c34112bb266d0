"""The rules of the success-factor checklist and the KPIs.

- A factor's state is its latest review; a theme's progress counts the steps
  from "not present" (0) to "anchored" (3) of its factors.
- A KPI's status comes from its latest measurement: none, or one older than its
  frequency allows, is "no recent data"; otherwise the value is compared with
  the target in the KPI's direction, and a value beyond the target by no more
  than the tolerance is "at risk".
- A KPI may take its values from the channel statistics; those measurements are
  recomputed whenever volumes or the KPI change. Or from the wishes: the median
  lead time per period, recomputed when a wish goes into production.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from statistics import median
from typing import NamedTuple

from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery, Sum, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _

from beheer import data_versions
from kpi.models import Channel, ContactVolume, FactorReview, Kpi, Measurement, SuccessFactor, Theme

# A measurement is "recent" for this many days after the day it speaks for:
# one period plus a month's grace for the figures to come in.
STALE_AFTER_DAYS = {
    Kpi.Frequency.MONTHLY: 62,
    Kpi.Frequency.QUARTERLY: 123,
    Kpi.Frequency.YEARLY: 396,
}
SPARKLINE_POINTS = 12


class Status:
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"

    LABELS = {
        ON_TRACK: _("On track"),
        AT_RISK: _("At risk"),
        OFF_TRACK: _("Off track"),
        NO_DATA: _("No recent data"),
    }
    # The dashboard shows what needs attention first.
    URGENCY = {OFF_TRACK: 0, NO_DATA: 1, AT_RISK: 2, ON_TRACK: 3}
    ORDER = (OFF_TRACK, NO_DATA, AT_RISK, ON_TRACK)


def kpi_status(kpi: Kpi, latest, *, today: date) -> str:
    """`latest`: a Measurement, a Value or None."""
    if latest is None or kpi.target is None:
        return Status.NO_DATA
    if (today - speaks_for(latest, kpi.frequency)).days > STALE_AFTER_DAYS[kpi.frequency]:
        return Status.NO_DATA
    # How far the value falls short of the target; zero or less meets it.
    shortfall = (
        kpi.target - latest.value
        if kpi.direction == Kpi.Direction.HIGHER
        else latest.value - kpi.target
    )
    if shortfall <= 0:
        return Status.ON_TRACK
    if shortfall <= kpi.tolerance:
        return Status.AT_RISK
    return Status.OFF_TRACK


def speaks_for(measurement, frequency: str) -> date:
    """The last day a value speaks for: the end of its period. A value dated on
    the first day of a period of the KPI's frequency (2026-07-01 for a quarter)
    covers that period, even when no end was given."""
    if measurement.period_end:
        return measurement.period_end
    day = measurement.date
    if day.day == 1 and day == period_start(day, frequency):
        return _period_end(day, frequency)
    return day


# --- SMART -------------------------------------------------------------------

SMART_PARTS = {
    "measurable": _("Measurable: give a unit and a target."),
    "time_bound": _("Time-bound: give a deadline."),
    "owned": _("Owned: name an owner."),
    "linked": _("Linked: choose at least one success factor it serves."),
}


def smart_gaps(*, unit, target, deadline, owner, factor_count) -> list[str]:
    """The parts of SMART a KPI misses, as keys of SMART_PARTS."""
    gaps = []
    if not (unit or "").strip() or target is None:
        gaps.append("measurable")
    if deadline is None:
        gaps.append("time_bound")
    if owner is None:
        gaps.append("owned")
    if not factor_count:
        gaps.append("linked")
    return gaps


# --- Factors -------------------------------------------------------------------
#
# A review records where a factor stands; what must happen next is an action in
# the one action register (governance.Action, source "factor review"), linked to
# the review and the factor. governance sits above kpi (its selectors read the
# KPIs), so it is imported where it is used, not at the top of this module.


def _factor_actions(*, today: date, overdue_only: bool = False):
    """The open (or only the overdue) actions about success factors, the earliest
    due first; one query."""
    from governance.models import Action
    from governance.selectors import actions_listed

    actions = Action.objects.overdue(today) if overdue_only else Action.objects.unfinished()
    return list(actions_listed(actions.filter(success_factor__isnull=False)))


@dataclass
class FactorState:
    factor: SuccessFactor | None
    latest: FactorReview | None
    # The factor's open actions from the register, the earliest due first.
    actions: list = field(default_factory=list)

    @property
    def step(self) -> int:
        return self.latest.step if self.latest else 0


@dataclass
class ThemeProgress:
    theme: str
    label: str
    factors: list[FactorState]

    @property
    def percent(self) -> int:
        if not self.factors:
            return 0
        return round(sum(f.step for f in self.factors) * 100 / (3 * len(self.factors)))

    @property
    def status_counts(self) -> dict[str, int]:
        counts = defaultdict(int)
        for state in self.factors:
            counts[state.latest.status if state.latest else FactorReview.Status.NOT_PRESENT] += 1
        return dict(counts)


@dataclass
class Checklist:
    themes: list[ThemeProgress]
    # The overdue actions about factors (governance.Action), the earliest due first.
    overdue: list = field(default_factory=list)

    @property
    def percent(self) -> int:
        states = [s for t in self.themes for s in t.factors]
        if not states:
            return 0
        return round(sum(s.step for s in states) * 100 / (3 * len(states)))

    @property
    def total(self) -> int:
        return sum(len(t.factors) for t in self.themes)

    @property
    def reviewed(self) -> int:
        return sum(1 for t in self.themes for s in t.factors if s.latest)

    @property
    def in_place(self) -> int:
        """Factors present or anchored."""
        return sum(1 for t in self.themes for s in t.factors if s.step >= 2)


def factor_checklist(*, today: date) -> Checklist:
    """Every factor's latest review and open actions, grouped by theme; three queries."""
    latest_id = (
        FactorReview.objects.filter(factor=OuterRef("pk")).order_by("-date", "-id").values("id")[:1]
    )
    factors = list(SuccessFactor.objects.annotate(latest_id=Subquery(latest_id)))
    reviews = FactorReview.objects.select_related("owner").in_bulk(
        [f.latest_id for f in factors if f.latest_id]
    )
    actions = defaultdict(list)
    for action in _factor_actions(today=today):
        actions[action.success_factor_id].append(action)
    return _checklist(
        [(f.theme, FactorState(f, reviews.get(f.latest_id), actions[f.pk])) for f in factors],
        overdue=[a for per_factor in actions.values() for a in per_factor if a.is_overdue(today)],
    )


def factor_progress(*, today: date) -> Checklist:
    """factor_checklist's figures (each theme's progress, the overdue actions)
    for the KPI overview: the reviews read as their status only, the factors as
    their theme (FactorState.factor is None). Three plain queries: cheaper than
    a subquery per factor for the few dozen reviews a year brings."""
    latest: dict[int, FactorReview] = {}
    reviews = FactorReview.objects.order_by("factor_id", "-date", "-id").values_list(
        "factor_id", "status"
    )
    for factor_id, status in reviews:
        if factor_id not in latest:
            latest[factor_id] = FactorReview(status=status)
    factors = SuccessFactor.objects.order_by().values_list("pk", "theme")
    return _checklist(
        [(theme, FactorState(None, latest.get(pk))) for pk, theme in factors],
        overdue=_factor_actions(today=today, overdue_only=True),
    )


def _checklist(states: list[tuple[str, FactorState]], *, overdue: list) -> Checklist:
    themes = [
        ThemeProgress(value, label, [state for theme, state in states if theme == value])
        for value, label in Theme.choices
    ]
    return Checklist(themes, sorted(overdue, key=lambda action: action.due_date))


@transaction.atomic
def factor_review_record(
    *, factor: SuccessFactor, user, next_action: str = "", due_date=None, **fields
) -> FactorReview:
    """Record a review of `factor`; its next action, when given, goes into the
    action register, owned by the review's owner and linked to the review and
    the factor (so it shows on the factor's page, the owner's Mijn werk and
    the action list)."""
    from governance.models import Action
    from governance.services import action_create

    review = FactorReview.objects.create(factor=factor, recorded_by=user, **fields)
    if next_action.strip():
        action_create(
            source=Action.Source.FACTOR_REVIEW,
            title=next_action.strip(),
            owner=review.owner,
            due_date=due_date,
            concerns=[review, factor],
            user=user,
        )
    return review


# --- KPIs ------------------------------------------------------------------------


class Value(NamedTuple):
    """A measured value as the status and the sparkline read it: lighter than a
    Measurement instance, with the attributes the rules use."""

    date: date
    value: Decimal
    period_end: date | None


@dataclass
class KpiRow:
    kpi: Kpi  # or KpiFacts
    status: str
    latest: Value | None
    recent: list[Decimal]  # the latest values, oldest first, at most SPARKLINE_POINTS
    gaps: list[str]
    today: date

    @property
    def owner_gone(self) -> bool:
        """The owner left or is leaving today: the KPI needs a new one."""
        owner = self.kpi.owner
        return owner is not None and (
            not owner.is_active
            or (owner.leaving_date is not None and owner.leaving_date <= self.today)
        )

    @property
    def progress(self) -> int | None:
        """How far the latest value has come from the baseline to the target, in %."""
        kpi, latest = self.kpi, self.latest
        if latest is None or kpi.baseline is None or kpi.target is None:
            return None
        if kpi.target == kpi.baseline:
            return 100 if latest.value == kpi.target else None
        share = (latest.value - kpi.baseline) / (kpi.target - kpi.baseline) * 100
        return round(share)

    @property
    def status_label(self):
        return Status.LABELS[self.status]

    @cached_property
    def _sparkline(self) -> tuple[str, str | None]:
        return sparkline_geometry(self.recent, self.kpi.target)

    @property
    def sparkline(self) -> str:
        """SVG polyline points (100 x 24 box) of the recent values."""
        return self._sparkline[0]

    @property
    def sparkline_target(self) -> str | None:
        """The height of the target line in the same box."""
        return self._sparkline[1]


def sparkline_geometry(values: list[Decimal], target) -> tuple[str, str | None]:
    """The polyline points of `values` in a 100 x 24 box, and the height of the
    target line; as text with a plain "." decimal point: coordinates must never
    pass through a template's number formatting, which writes 2,5 in Dutch."""
    if not values:
        return "", None
    heights = [float(v) for v in values]
    scale = [*heights, float(target)] if target is not None else heights
    low, high = min(scale), max(scale)
    factor = 20 / ((high - low) or 1)
    step = 100 / max(len(values) - 1, 1)
    points = " ".join(
        [f"{i * step:.1f},{22 - (height - low) * factor:.1f}" for i, height in enumerate(heights)]
    )
    line = f"{22 - (float(target) - low) * factor:.1f}" if target is not None else None
    return points, line


def recent_values(kpis=None) -> dict[int, list[tuple]]:
    """The latest SPARKLINE_POINTS measurements of each KPI (of the queryset
    `kpis`, or of every KPI), oldest first, as (kpi id, date, value, end of
    the period): one query (a window per KPI), no model instances."""
    measurements = Measurement.objects.all()
    if kpis is not None:
        measurements = measurements.filter(kpi__in=kpis.values("pk"))
    ranked = (
        measurements.annotate(
            rank=Window(RowNumber(), partition_by=[F("kpi_id")], order_by=[F("date").desc()])
        )
        .filter(rank__lte=SPARKLINE_POINTS)
        .order_by("kpi_id", "date")
        .values_list("kpi_id", "date", "value", "period_end")
    )
    recent = defaultdict(list)
    for row in ranked:
        recent[row[0]].append(row)
    return recent


def _linked(kpis=None) -> set[int]:
    """The ids of the KPIs (of the queryset `kpis`) linked to a success factor.
    A query of its own: as an annotation (a count, or even Exists) it costs
    more to build and to plan than to run."""
    links = Kpi.factors.through.objects.all()
    if kpis is not None:
        links = links.filter(kpi__in=kpis.values("pk"))
    return set(links.values_list("kpi_id", flat=True))


def kpi_rows(*, today: date, kpis=None) -> list[KpiRow]:
    """Every KPI (of the queryset `kpis`) with its status and recent values,
    the most urgent first.

    Three queries whatever the number of KPIs and measurements: the KPIs with
    their owner, their links to factors and their latest measurements. A
    caller that shows more of a KPI selects those relations in `kpis`."""
    if kpis is None:
        kpis = Kpi.objects.all()
    instances = list(kpis.select_related("owner"))
    return _rows(instances, recent_values(kpis), _linked(kpis), today=today)


class Owner(NamedTuple):
    name: str
    is_active: bool
    leaving_date: date | None
    user_id: int | None

    def __str__(self):
        return self.name


class Named(NamedTuple):
    pk: int
    name: str

    def __str__(self):
        return self.name


class KpiFacts(NamedTuple):
    """A KPI as the overview reads it: values rather than an instance, under
    the names of Kpi's attributes that the rules and KpiRow read."""

    pk: int
    name: str
    unit: str
    direction: str
    baseline: Decimal | None
    target: Decimal | None
    tolerance: Decimal
    frequency: str
    deadline: date | None
    owner: Owner | None
    department: Named | None


def kpi_overview(*, today: date) -> list[KpiRow]:
    """kpi_rows of every KPI, each read as KpiFacts: the overview shows every
    KPI and nothing of them beyond these fields. Three queries."""
    values = Kpi.objects.order_by().values_list(
        *KpiFacts._fields[:-2],
        "owner_id",
        "owner__name",
        "owner__is_active",
        "owner__leaving_date",
        "owner__user_id",
        "department_id",
        "department__name",
    )
    kpis = [
        KpiFacts(
            *fields,
            Owner(name, active, leaving, user_id) if owner_id else None,
            Named(department_id, department) if department_id else None,
        )
        for *fields, owner_id, name, active, leaving, user_id, department_id, department in (values)
    ]
    return _rows(kpis, recent_values(), _linked(), today=today)


def _rows(kpis, recent: dict[int, list[tuple]], linked: set[int], *, today) -> list[KpiRow]:
    rows = []
    for kpi in kpis:
        measurements = recent.get(kpi.pk, ())
        latest = Value(*measurements[-1][1:]) if measurements else None
        rows.append(
            KpiRow(
                kpi=kpi,
                status=kpi_status(kpi, latest, today=today),
                latest=latest,
                recent=[value for _kpi, _date, value, _end in measurements],
                gaps=smart_gaps(
                    unit=kpi.unit,
                    target=kpi.target,
                    deadline=kpi.deadline,
                    owner=kpi.owner,
                    factor_count=int(kpi.pk in linked),
                ),
                today=today,
            )
        )
    rows.sort(key=lambda r: (Status.URGENCY[r.status], r.kpi.name.lower()))
    return rows


def status_counts(rows: list[KpiRow]) -> list[tuple[str, str, int]]:
    counts = defaultdict(int)
    for row in rows:
        counts[row.status] += 1
    return [(status, Status.LABELS[status], counts[status]) for status in Status.ORDER]


def measurement_record(
    *, kpi: Kpi, date, value, user, period_end=None, source="", note=""
) -> tuple[Measurement, bool]:
    """Record a value; a second value for the same date replaces the first."""
    measurement, created = Measurement.objects.update_or_create(
        kpi=kpi,
        date=date,
        defaults={
            "value": value,
            "period_end": period_end,
            "source": source,
            "note": note,
            "recorded_by": user,
            "from_channels": False,
        },
    )
    return measurement, created


# --- Dates -------------------------------------------------------------------------

# Measurements and volumes are dated within this window: a date outside it is a
# slip of the keyboard (the year 1000, 20266 for 2026), not a value to chart.
EARLIEST_DATE = date(2000, 1, 1)


def date_window(*, today: date) -> tuple[date, date]:
    """The first and the last date a measurement or volume may have: up to a year ahead."""
    try:
        last = today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        last = today.replace(year=today.year + 1, day=28)
    return EARLIEST_DATE, last


def date_problem(day: date, *, today: date, month: bool = False) -> str | None:
    """Why `day` is outside the window, or None when it is inside."""
    first, last = date_window(today=today)
    if first <= day <= last:
        return None
    if month:
        return _("Use a month from %(first)s up to and including %(last)s.") % {
            "first": f"{first:%Y-%m}",
            "last": f"{last:%Y-%m}",
        }
    return _("Use a date from %(first)s up to and including %(last)s.") % {
        "first": first.isoformat(),
        "last": last.isoformat(),
    }


# --- Channel statistics -------------------------------------------------------------


def period_start(month: date, frequency: str) -> date:
    if frequency == Kpi.Frequency.QUARTERLY:
        return date(month.year, (month.month - 1) // 3 * 3 + 1, 1)
    if frequency == Kpi.Frequency.YEARLY:
        return date(month.year, 1, 1)
    return date(month.year, month.month, 1)


MONTHS_PER_PERIOD = {Kpi.Frequency.MONTHLY: 1, Kpi.Frequency.QUARTERLY: 3, Kpi.Frequency.YEARLY: 12}


def monthly_contacts(*, service_process=None) -> dict[date, dict[int, int]]:
    """Contacts per month and channel id.

    Volumes may come as a channel's month total, per service process, or both;
    a month total counts when there is one, else the sum of its processes.
    With `service_process`, only that process's volumes count."""
    volumes = ContactVolume.objects.all()
    if service_process is not None:
        volumes = volumes.filter(service_process=service_process)
    rows = volumes.values("month", "channel_id").annotate(
        total=Sum("contacts", filter=Q(service_process__isnull=True)),
        by_process=Sum("contacts", filter=Q(service_process__isnull=False)),
    )
    months: dict[date, dict[int, int]] = defaultdict(dict)
    for row in rows:
        value = row["total"] if row["total"] is not None else row["by_process"]
        months[row["month"]][row["channel_id"]] = value or 0
    return dict(sorted(months.items()))


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def channel_values(kpi: Kpi, months: dict[date, dict[int, int]], digital: set[int]):
    """The KPI's value per complete period of its frequency, from monthly contacts."""
    periods: dict[date, list[dict[int, int]]] = defaultdict(list)
    for month, per_channel in months.items():
        periods[period_start(month, kpi.frequency)].append(per_channel)
    values = {}
    for start, month_rows in sorted(periods.items()):
        if len(month_rows) < MONTHS_PER_PERIOD[kpi.frequency]:
            continue  # a period still coming in would look like a drop
        total = sum(sum(row.values()) for row in month_rows)
        on_channel = sum(row.get(kpi.channel_id, 0) for row in month_rows)
        on_digital = sum(v for row in month_rows for c, v in row.items() if c in digital)
        value = {
            Kpi.Source.DIGITAL_SHARE: _percent(on_digital, total),
            Kpi.Source.CHANNEL_SHARE: _percent(on_channel, total),
            Kpi.Source.CHANNEL_CONTACTS: Decimal(on_channel),
            Kpi.Source.TOTAL_CONTACTS: Decimal(total),
        }[kpi.source]
        if value is not None:
            values[start] = value
    return values


@transaction.atomic
def recompute_channel_kpis(kpis=None) -> int:
    """Bring the measurements of KPIs that come from the channel statistics in
    line with the volumes: values that changed are updated in place, new periods
    added, periods without volumes any more removed. Values entered by hand for
    the same date are kept. Returns the number of measurements written."""
    if kpis is None:
        kpis = Kpi.objects.exclude(source__in=[Kpi.Source.MANUAL, Kpi.Source.CHANGE_LEAD_TIME])
    kpis = [k for k in kpis if k.from_channel_statistics]
    if not kpis:
        return 0
    digital = set(Channel.objects.filter(is_digital=True).values_list("id", flat=True))
    by_process = {}
    values = {}
    for kpi in kpis:
        if kpi.service_process_id not in by_process:
            by_process[kpi.service_process_id] = monthly_contacts(
                service_process=kpi.service_process
            )
        values[kpi.pk] = channel_values(kpi, by_process[kpi.service_process_id], digital)
    return _computed_values_save(kpis, values)


def _computed_values_save(kpis: list[Kpi], values: dict[int, dict[date, Decimal]]) -> int:
    """Make the computed measurements of `kpis` ({kpi id: {period start: value}})
    what `values` says: changed values updated in place, new periods added,
    periods without a value any more removed. Values entered by hand for the
    same date are kept. Returns the number of measurements written."""
    stored = {
        (m.kpi_id, m.date): m for m in Measurement.objects.filter(kpi__in=kpis).select_for_update()
    }
    wanted = set()
    created, updated = [], []
    for kpi in kpis:
        for start, value in values.get(kpi.pk, {}).items():
            wanted.add((kpi.pk, start))
            end = _period_end(start, kpi.frequency)
            current = stored.get((kpi.pk, start))
            if current is None:
                created.append(
                    Measurement(
                        kpi=kpi, date=start, period_end=end, value=value, from_channels=True
                    )
                )
            elif current.from_channels and (current.value, current.period_end) != (value, end):
                current.value, current.period_end = value, end
                updated.append(current)
    # Derived values are not history worth keeping: they follow their data, which
    # is why bulk writes (no history records) are used here.
    obsolete = [m.pk for key, m in stored.items() if m.from_channels and key not in wanted]
    if obsolete:  # rare: volumes were removed, a wish left production
        Measurement.objects.filter(pk__in=obsolete).delete()
    Measurement.objects.bulk_create(created, batch_size=1000)
    Measurement.objects.bulk_update(updated, ["value", "period_end"], batch_size=1000)
    if created or updated or obsolete:
        data_versions.changed("kpi")  # bulk writes send no signals
    return len(created) + len(updated)


@transaction.atomic
def month_volumes_save(*, month: date, volumes: dict) -> None:
    """Save one month's contacts per channel ({channel: contacts or None to keep});
    the KPIs measured from the channels follow."""
    for channel, contacts in volumes.items():
        if contacts is None:
            continue
        ContactVolume.objects.update_or_create(
            channel=channel, month=month, service_process=None, defaults={"contacts": contacts}
        )
    recompute_channel_kpis()


def kpi_source_changed(kpi: Kpi) -> None:
    """After a KPI is created or edited: one measured from the channels or the
    wishes follows them; one that is not any more drops the values they
    computed (values entered by hand stay either way)."""
    if kpi.from_wishes:
        recompute_lead_time_kpis([kpi])
    elif kpi.from_channels:
        recompute_channel_kpis([kpi])
    else:
        kpi.measurements.filter(from_channels=True).delete()


# --- Lead time of wishes ------------------------------------------------------------


def median_lead_times(pairs, *, frequency: str) -> dict[date, Decimal]:
    """Per period of `frequency` (by its first day), the median number of days
    from submitted to in production of the wishes that went live in it.
    `pairs`: (day submitted, day in production).

    Unlike the channel statistics, the period still running counts: a median
    of the wishes done so far does not drop the way a half month's total does,
    and the beheerteam sees the effect of what went live today."""
    periods: dict[date, list[int]] = defaultdict(list)
    for submitted, live in pairs:
        periods[period_start(live, frequency)].append((live - submitted).days)
    return {
        start: Decimal(str(median(days))).quantize(Decimal("0.01"), ROUND_HALF_UP)
        for start, days in sorted(periods.items())
    }


@transaction.atomic
def recompute_lead_time_kpis(kpis=None) -> int:
    """Bring the measurements of KPIs that come from the wishes in line with the
    wishes in production (of the KPI's component and service process, when it
    has them). Called by the services that move a wish into or out of
    production, and when a KPI's source changes. Returns the number written."""
    # The wishes live in `operations`, which builds on this app (service levels
    # link to KPIs, its services call this): imported here, not at the top, so
    # that kpi does not depend on it to load.
    from operations.selectors import lead_time_pairs

    if kpis is None:
        kpis = Kpi.objects.filter(source=Kpi.Source.CHANGE_LEAD_TIME)
    kpis = [k for k in kpis if k.from_wishes]
    if not kpis:
        return 0
    values = {
        kpi.pk: median_lead_times(
            lead_time_pairs(component=kpi.component_id, service_process=kpi.service_process_id),
            frequency=kpi.frequency,
        )
        for kpi in kpis
    }
    return _computed_values_save(kpis, values)


def _period_end(start: date, frequency: str) -> date:
    months = MONTHS_PER_PERIOD[frequency]
    year, month = divmod(start.month - 1 + months, 12)
    return date(start.year + year, month + 1, 1) - timedelta(days=1)


@dataclass
class ChannelMix:
    channels: list[Channel]
    months: list[date]
    # rows[i][j]: contacts of channels[j] in months[i]
    rows: list[list[int]]
    digital_share: list[Decimal | None]

    @property
    def table(self):
        return list(zip(self.months, self.rows, self.digital_share, strict=True))

    def chart_data(self) -> dict:
        return {
            "labels": [m.strftime("%Y-%m") for m in self.months],
            "channels": [
                {
                    "name": c.name,
                    "colour": c.colour,
                    "digital": c.is_digital,
                    "values": [row[i] for row in self.rows],
                }
                for i, c in enumerate(self.channels)
            ],
            "digital_share": [float(s) if s is not None else None for s in self.digital_share],
        }


def channel_mix(*, service_process=None) -> ChannelMix:
    channels = list(Channel.objects.all())
    months = monthly_contacts(service_process=service_process)
    digital = {c.pk for c in channels if c.is_digital}
    rows, shares = [], []
    for per_channel in months.values():
        rows.append([per_channel.get(c.pk, 0) for c in channels])
        on_digital = sum(v for c, v in per_channel.items() if c in digital)
        shares.append(_percent(on_digital, sum(per_channel.values())))
    return ChannelMix(channels, list(months), rows, shares)
