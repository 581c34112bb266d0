"""Reading wishes, releases, contracts and training.

Every function runs a fixed number of queries, whatever the amount of data.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Case, Count, F, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from beheer.models import Assignment, Component, Person, Role
from kpi.models import Kpi, Measurement
from operations.models import (
    ChangeRequest,
    ComponentGuide,
    Contract,
    Course,
    Release,
    ServiceLevel,
    TestItem,
    TrainingAttendance,
)
from operations.services import add_months, contract_term, notice_soon

S = ChangeRequest.Status

# --- Wishes ----------------------------------------------------------------------------------


def lead_time_pairs(*, component=None, service_process=None) -> list[tuple[date, date]]:
    """(day submitted, day in production) of every wish in production, of a
    component and a service process when given (objects or ids); one query."""
    wishes = ChangeRequest.objects.filter(status=S.IN_PRODUCTION, in_production_at__isnull=False)
    if component is not None:
        wishes = wishes.filter(component=component)
    if service_process is not None:
        wishes = wishes.filter(service_process=service_process)
    local = timezone.localtime
    return [
        (local(submitted).date(), local(live).date())
        for submitted, live in wishes.values_list("submitted_at", "in_production_at")
    ]


def requests_listed(wishes=None):
    """Wishes with everything a list or page shows of them, in one query."""
    if wishes is None:
        wishes = ChangeRequest.objects.all()
    return wishes.select_related(
        "component", "service_process", "release", "release__component", "submitted_by"
    )


# The backlog's own order: the flow's earlier steps first (what still needs
# work), then by priority (Must first, not yet prioritised last), urgency and age.
STATUS_RANK = Case(
    *[When(status=status, then=Value(rank)) for rank, status in enumerate(ChangeRequest.FLOW)],
    default=Value(len(ChangeRequest.FLOW)),
)
URGENCY_RANK = Case(
    When(urgency=ChangeRequest.Urgency.HIGH, then=Value(0)),
    When(urgency=ChangeRequest.Urgency.NORMAL, then=Value(1)),
    default=Value(2),
)


def backlog_order(wishes):
    return wishes.order_by(
        STATUS_RANK, F("priority").asc(nulls_last=True), URGENCY_RANK, "submitted_at", "id"
    )


@dataclass
class BoardColumn:
    status: str
    label: str
    cards: list[ChangeRequest]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.cards)


# A column shows this many cards; the backlog has the rest.
BOARD_CARDS = 25
# The columns of finished wishes show the last two months.
BOARD_RECENT_DAYS = 60


def board(*, wishes, today: date) -> list[BoardColumn]:
    """The wishes by status, one column per status, the most important on top;
    finished ones (in production, rejected) only when recent. Two queries."""
    since = timezone.make_aware(
        datetime.combine(today - timedelta(days=BOARD_RECENT_DAYS), time.min)
    )
    shown = wishes.filter(Q(status__in=ChangeRequest.OPEN) | Q(status_changed_at__gte=since))
    totals = dict(
        shown.order_by().values("status").annotate(n=Count("id")).values_list("status", "n")
    )
    ranked = (
        requests_listed(shown)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("status")],
                order_by=[
                    F("priority").asc(nulls_last=True),
                    F("submitted_at").asc(),
                    F("id").asc(),
                ],
            )
        )
        .filter(rank__lte=BOARD_CARDS)
        .order_by("rank")
    )
    cards = defaultdict(list)
    for wish in ranked:
        cards[wish.status].append(wish)
    return [
        BoardColumn(status, label, cards[status], totals.get(status, 0))
        for status, label in S.choices
    ]


def request_counts_by_component() -> dict[int, dict[str, int]]:
    """Per component the number of open wishes and of those waiting for triage."""
    rows = (
        ChangeRequest.objects.filter(status__in=ChangeRequest.OPEN)
        .values("component")
        .annotate(
            open=Count("id"),
            waiting=Count("id", filter=Q(status=S.SUBMITTED, needs_information=False)),
        )
    )
    return {row["component"]: row for row in rows}


def waiting_for_triage(*, component_ids) -> list[ChangeRequest]:
    """Submitted wishes not waiting for their submitter, of these components
    (None: all), oldest first; one query."""
    wishes = ChangeRequest.objects.filter(status=S.SUBMITTED, needs_information=False)
    if component_ids is not None:
        wishes = wishes.filter(component__in=component_ids)
    return list(wishes.select_related("component").order_by("submitted_at", "id"))


# --- Releases -----------------------------------------------------------------------------


def releases_listed(releases=None):
    """Releases with their component and supplier, and the counts a list shows."""
    if releases is None:
        releases = Release.objects.all()
    return releases.select_related("component", "component__supplier").annotate(
        wish_count=Count("change_requests", distinct=True),
        test_count=Count("test_items", distinct=True),
        passed_count=Count(
            "test_items", filter=Q(test_items__result=TestItem.Result.PASSED), distinct=True
        ),
        failed_count=Count(
            "test_items", filter=Q(test_items__result=TestItem.Result.FAILED), distinct=True
        ),
    )


@dataclass
class CalendarMonth:
    month: date
    releases: list[Release]


def release_calendar(*, today: date, months_back: int = 3, months_ahead: int = 9):
    """The releases of every component by month, from a few months back to
    most of a year ahead; one query."""
    first = _month_add(today.replace(day=1), -months_back)
    last = _month_add(today.replace(day=1), months_ahead + 1)
    releases = list(
        releases_listed(
            Release.objects.filter(
                Q(actual_date__gte=first, actual_date__lt=last)
                | Q(actual_date__isnull=True, planned_date__gte=first, planned_date__lt=last)
            )
        )
    )
    releases.sort(key=lambda r: (r.date, r.component.name, r.version))
    by_month = defaultdict(list)
    for release in releases:
        by_month[release.date.replace(day=1)].append(release)
    months = []
    month = first
    while month < last:
        months.append(CalendarMonth(month, by_month.get(month, [])))
        month = _month_add(month, 1)
    return months


def _month_add(month: date, count: int) -> date:
    year, index = divmod(month.month - 1 + count, 12)
    return date(month.year + year, index + 1, 1)


def test_items_of_person(*, person: Person | None) -> list[TestItem]:
    """The open test items assigned to a person (not passed yet, release still
    open), the earliest release first; one query."""
    if person is None:
        return []
    return list(
        TestItem.objects.filter(tester=person)
        .exclude(result=TestItem.Result.PASSED)
        .filter(release__status__in=[Release.Status.PLANNED, Release.Status.IN_TEST])
        .select_related("release", "release__component")
        .order_by("release__planned_date", "id")
    )


# --- Contracts and service levels ---------------------------------------------------------


@dataclass
class ContractRow:
    contract: Contract
    term_end: date | None
    notice_by: date | None
    flagged: bool
    today: date

    @property
    def notice_passed(self) -> bool:
        return self.notice_by is not None and self.notice_by < self.today

    @property
    def ended(self) -> bool:
        return self.term_end is not None and self.term_end < self.today

    @property
    def days_to_notice(self) -> int | None:
        return (self.notice_by - self.today).days if self.notice_by else None


def contract_row(contract: Contract, *, today: date) -> ContractRow:
    term_end, last_day = contract_term(
        end_date=contract.end_date,
        notice_months=contract.notice_months,
        renewal_months=contract.renewal_months,
        today=today,
    )
    return ContractRow(contract, term_end, last_day, notice_soon(last_day, today=today), today)


def contract_rows(contracts=None, *, today: date) -> list[ContractRow]:
    """Contracts with their notice dates; three queries (with components and departments)."""
    if contracts is None:
        contracts = Contract.objects.all()
    contracts = contracts.select_related("supplier").prefetch_related("components", "departments")
    return [contract_row(c, today=today) for c in contracts]


def contracts_to_give_notice(*, today: date) -> list[ContractRow]:
    """Contracts whose last day to give notice falls within the warning window."""
    rows = [row for row in contract_rows(today=today) if row.flagged]
    return sorted(rows, key=lambda row: row.notice_by)


@dataclass
class LevelRow:
    level: ServiceLevel
    measured: Measurement | None

    @property
    def higher_is_better(self) -> bool:
        kind = self.level.kind
        if kind == ServiceLevel.Kind.AVAILABILITY:
            return True
        if kind in (ServiceLevel.Kind.RESPONSE, ServiceLevel.Kind.RESOLUTION):
            return False
        kpi = self.level.kpi
        return kpi is None or kpi.direction == Kpi.Direction.HIGHER

    @property
    def met(self) -> bool | None:
        """Whether the latest measured value meets the agreement; None without one."""
        if self.measured is None:
            return None
        value, agreed = self.measured.value, self.level.agreed_value
        return value >= agreed if self.higher_is_better else value <= agreed


def level_rows(levels) -> list[LevelRow]:
    """Service levels with the latest value of their KPI; two queries."""
    levels = list(levels.select_related("component", "kpi", "contract"))
    kpi_ids = {level.kpi_id for level in levels if level.kpi_id}
    latest = (
        {
            m.kpi_id: m
            for m in Measurement.objects.filter(kpi__in=kpi_ids)
            .annotate(
                rank=Window(RowNumber(), partition_by=[F("kpi_id")], order_by=[F("date").desc()])
            )
            .filter(rank=1)
        }
        if kpi_ids
        else {}
    )
    return [LevelRow(level, latest.get(level.kpi_id)) for level in levels]


# --- Training -------------------------------------------------------------------------------


def needed_by(course: Course, role: Role, required_role_ids: set[int]) -> bool:
    """Whether `role` needs `course`: named on the course, or of the course's
    kind of role (for a course of a component: of that component, or of none)."""
    if role.pk in required_role_ids:
        return True
    return bool(
        course.required_for_kind
        and role.kind == course.required_for_kind
        and (course.component_id is None or role.component_id in (None, course.component_id))
    )


@dataclass
class Requirements:
    """Which active course each role needs: read once, asked many times."""

    courses: list[Course]
    roles_of_course: dict[int, set[int]]

    def for_role(self, role: Role) -> list[Course]:
        return [c for c in self.courses if needed_by(c, role, self.roles_of_course[c.pk])]


def requirements() -> Requirements:
    """Two queries: the active courses, and which roles each names."""
    courses = list(Course.objects.filter(is_active=True).select_related("component"))
    named = defaultdict(set)
    for course_id, role_id in Course.required_for_roles.through.objects.filter(
        course__in=[c.pk for c in courses]
    ).values_list("course_id", "role_id"):
        named[course_id].add(role_id)
    return Requirements(courses, {c.pk: named[c.pk] for c in courses})


def attended_courses(person_ids=None) -> dict[int, dict[int, date]]:
    """{person id: {course id: the first day they attended it}}; one query."""
    attendances = TrainingAttendance.objects.filter(attended=True)
    if person_ids is not None:
        attendances = attendances.filter(person__in=person_ids)
    had: dict[int, dict[int, date]] = defaultdict(dict)
    for person_id, course_id, day in attendances.values_list(
        "person_id", "session__course_id", "session__date"
    ).order_by("session__date"):
        had[person_id].setdefault(course_id, day)
    return had


@dataclass
class TrainingGap:
    person: Person
    assignment: Assignment
    missing: list[Course]

    @property
    def role(self) -> Role:
        return self.assignment.role


def training_gaps(*, today: date) -> list[TrainingGap]:
    """Who holds a role today (as holder or deputy) without a training the
    role needs, by person; four queries."""
    needs = requirements()
    assignments = list(
        Assignment.objects.current(today)
        .filter(person__is_active=True)
        .exclude(person__leaving_date__lt=today)
        .select_related("person", "role", "role__component")
        .order_by("person__name", "role__name")
    )
    had = attended_courses()
    gaps = []
    for assignment in assignments:
        missing = [
            course
            for course in needs.for_role(assignment.role)
            if course.pk not in had.get(assignment.person_id, {})
        ]
        if missing:
            gaps.append(TrainingGap(assignment.person, assignment, missing))
    return gaps


@dataclass
class SecondTrainingDue:
    person: Person
    component: Component | None
    first: Course
    first_on: date
    today: date

    @property
    def months_ago(self) -> int:
        return (self.today.year - self.first_on.year) * 12 + self.today.month - self.first_on.month


DEFAULT_SECOND_AFTER_MONTHS = 6


def second_training_due(*, today: date, months: int = DEFAULT_SECOND_AFTER_MONTHS):
    """Who had their first (basic) training of a component more than `months`
    ago and no second one (advanced or refresher) of that component since;
    people still working here, the longest waiting first. Two queries."""
    cutoff = add_months(today, -months)
    rows = (
        TrainingAttendance.objects.filter(attended=True, person__is_active=True)
        .exclude(person__leaving_date__lt=today)
        .filter(session__course__kind__in=[Course.Kind.BASIC, *Course.SECOND])
        .select_related("person", "session__course", "session__course__component")
        .order_by("session__date")
    )
    firsts: dict[tuple, tuple] = {}
    seconds: dict[tuple, date] = {}
    for row in rows:
        course = row.session.course
        key = (row.person_id, course.component_id)
        if course.kind == Course.Kind.BASIC:
            firsts.setdefault(key, (row.person, course, row.session.date))
        else:
            seconds[key] = row.session.date  # the latest, coming last
    due = [
        SecondTrainingDue(person, course.component, course, first_on, today)
        for key, (person, course, first_on) in firsts.items()
        if first_on <= cutoff and seconds.get(key, date.min) < first_on
    ]
    due.sort(key=lambda d: (d.first_on, d.person.name))
    return due


@dataclass
class PersonTraining:
    """What a person had and still needs, for the role card."""

    attended: list[TrainingAttendance]
    coming: list[TrainingAttendance]
    missing: list[Course]


def person_training(*, person: Person, roles, today: date) -> PersonTraining:
    """The trainings a person attended and is registered for, and the courses
    their roles need that they have not had; four queries."""
    attendances = list(
        person.training_attendances.select_related(
            "session", "session__course", "session__course__component"
        ).order_by("-session__date")
    )
    attended = [a for a in attendances if a.attended]
    coming = [a for a in attendances if a.attended is None and a.session.date >= today]
    had = {a.session.course_id for a in attended}
    needs = requirements()
    missing = {}
    for role in roles:
        for course in needs.for_role(role):
            if course.pk not in had:
                missing[course.pk] = course
    return PersonTraining(attended, coming, list(missing.values()))


def guides_for(components) -> list[ComponentGuide]:
    """The quick references of these components (of every component when there
    are none: a new colleague without a role gets them all); one query."""
    guides = ComponentGuide.objects.select_related("component")
    ids = [c.pk for c in components]
    if ids:
        guides = guides.filter(component__in=ids)
    return list(guides)
