"""Reading the governance cycle, and what the agenda proposal reads of the
other modules (read-only, through their own rules or cheap queries here).

Every function runs a fixed number of queries, whatever the amount of data.
"""

from dataclasses import dataclass, field
from datetime import date, time

from django.db.models import Count, F, Max, OuterRef, Q, Subquery, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from beheer.models import Assignment, Component, Person
from governance.models import Action, Decision, Forum, Meeting
from kpi.models import Kpi, Measurement
from kpi.services import Status as KpiStatus
from kpi.services import kpi_status
from matrix.models import Activity, MatrixVersion, ReviewRound
from matrix.selectors import ROW_PROBLEMS, row_problems
from maturity.models import Assessment

# --- Forums ---------------------------------------------------------------------------


@dataclass
class Member:
    person: Person
    via: list[str] = field(default_factory=list)  # "chair", "member", or role names


@dataclass
class Membership:
    members: list[Member]
    vacant_roles: list  # member roles nobody holds today

    @property
    def people(self) -> list[Person]:
        return [m.person for m in self.members]


def forum_members(*, forum: Forum, today: date) -> Membership:
    """Who is a member of `forum` today: its chair, its members in person and
    whoever holds one of its roles today. Three queries."""
    members: dict[int, Member] = {}

    def add(person, via):
        members.setdefault(person.pk, Member(person)).via.append(via)

    if forum.chair_id:
        add(forum.chair, "chair")
    for person in forum.people.all():
        add(person, "member")
    roles = list(forum.roles.all())
    holders = (
        Assignment.objects.current(today)
        .filter(role__in=roles, kind=Assignment.Kind.HOLDER)
        .select_related("person", "role")
        .order_by("person__name")
    )
    held = set()
    for assignment in holders:
        add(assignment.person, assignment.role.name)
        held.add(assignment.role_id)
    ordered = sorted(members.values(), key=lambda m: ("chair" not in m.via, m.person.name))
    return Membership(ordered, [r for r in roles if r.pk not in held])


def invitees(*, forum: Forum, today: date) -> list[Person]:
    """The members to invite to a meeting: those still working here."""
    return [
        p
        for p in forum_members(forum=forum, today=today).people
        if p.is_active and not p.has_left(today)
    ]


def forum_rows(forums, *, today: date) -> list[dict]:
    """Per forum its next planned meeting, its latest held one and its open and
    overdue actions; three queries for any number of forums."""
    forums = list(forums.select_related("chair", "supplier"))
    ids = [f.pk for f in forums]
    upcoming = {}
    for meeting in Meeting.objects.filter(
        forum__in=ids, status=Meeting.Status.PLANNED, date__gte=today
    ).order_by("-date", "-start_time"):
        upcoming[meeting.forum_id] = meeting  # the earliest wins, coming last
    latest = dict(
        Meeting.objects.filter(forum__in=ids, date__lt=today)
        .values("forum")
        .annotate(latest=Max("date"))
        .values_list("forum", "latest")
    )
    action_counts = {
        row["forum"]: row
        for row in Action.objects.unfinished()
        .filter(forum__in=ids)
        .values("forum")
        .annotate(open=Count("id"), overdue=Count("id", filter=Q(due_date__lt=today)))
    }
    return [
        {
            "forum": forum,
            "next": upcoming.get(forum.pk),
            "latest": latest.get(forum.pk),
            "open": action_counts.get(forum.pk, {}).get("open", 0),
            "overdue": action_counts.get(forum.pk, {}).get("overdue", 0),
        }
        for forum in forums
    ]


def latest_meeting(*, forum: Forum, before: Meeting | None = None) -> Meeting | None:
    """The forum's latest meeting (before `before`, when given)."""
    meetings = Meeting.objects.filter(forum=forum)
    if before is not None:
        meetings = meetings.exclude(pk=before.pk).filter(
            Q(date__lt=before.date) | Q(date=before.date, pk__lt=before.pk)
        )
    return meetings.order_by("-date", "-start_time", "-id").first()


# --- Actions ------------------------------------------------------------------------


def actions_listed(actions=None):
    """Actions with everything a list or page shows of them, in one query."""
    if actions is None:
        actions = Action.objects.all()
    return actions.select_related(
        "owner",
        "forum",
        "meeting",
        "meeting__forum",
        "component",
        "role",
        "person",
        "kpi",
        "success_factor",
        "factor_review",
        "factor_review__factor",
        "assessment",
        "assessment__department",
        "statement",
        "review_round",
    )


def decisions_listed(decisions=None):
    """Decisions with their forum, meeting and what they concern, in one query."""
    if decisions is None:
        decisions = Decision.objects.all()
    return decisions.select_related(
        "forum",
        "meeting",
        "component",
        "role",
        "matrix_version",
        "kpi",
        "success_factor",
        "assessment__department",
    ).defer("matrix_version__snapshot")


@dataclass
class PersonActions:
    """What a person has to do: for the "Mijn werk" page and a person's page."""

    person: Person | None
    today: date
    unfinished: list[Action]

    @property
    def overdue(self) -> list[Action]:
        return [a for a in self.unfinished if a.is_overdue(self.today)]

    @property
    def due_soon(self) -> list[Action]:
        """Due within two weeks, not overdue yet."""
        return [
            a
            for a in self.unfinished
            if a.due_date is not None and 0 <= (a.due_date - self.today).days <= 14
        ]


def actions_of_person(*, person: Person | None, today: date | None = None) -> PersonActions:
    """The open and in-progress actions a person owns, the earliest due first;
    one query."""
    today = today or timezone.localdate()
    if person is None:
        return PersonActions(None, today, [])
    unfinished = list(actions_listed(Action.objects.unfinished().filter(owner=person)))
    return PersonActions(person, today, unfinished)


def actions_of_user(user, *, today: date | None = None) -> PersonActions:
    person = Person.objects.filter(user=user).first() if user.is_authenticated else None
    return actions_of_person(person=person, today=today)


def actions_about(obj, *, unfinished_only: bool = False):
    """The actions that concern `obj` (a component, role, KPI, success factor,
    factor review, assessment, statement, review round or person), for the
    "actions" section of that object's page."""
    field_name = concern_field(Action, type(obj))
    actions = actions_listed(Action.objects.filter(**{field_name: obj}))
    return actions.unfinished() if unfinished_only else actions


def decisions_about(obj):
    """The decisions that concern `obj`, newest first (see actions_about)."""
    field_name = concern_field(Decision, type(obj))
    return decisions_listed(Decision.objects.filter(**{field_name: obj}))


def concern_field(model, target) -> str:
    """The field of `model` (Action or Decision) that links to a `target` object."""
    for name in model.CONCERN_FIELDS:
        if model._meta.get_field(name).related_model is target:
            return name
    raise ValueError(f"{model.__name__} cannot concern a {target.__name__}")


# --- What the agenda proposal reads of the other modules ----------------------------


@dataclass(frozen=True)
class BrokenRow:
    activity: Activity
    problems: list[str]

    @property
    def problem_labels(self) -> list[str]:
        return [str(ROW_PROBLEMS[p]) for p in self.problems]


def broken_matrix_rows() -> list[BrokenRow]:
    """Tasks of the beheermatrix that break the RACI rules (matrix.selectors'
    rule), counted in the database: one query, only the broken rows come back."""
    rows = (
        Activity.objects.annotate(
            a_count=Count("responsibilities", filter=Q(responsibilities__code="A")),
            r_count=Count("responsibilities", filter=Q(responsibilities__code="R")),
        )
        .filter(~Q(a_count=1) | Q(r_count=0))
        .order_by("order", "id")
    )
    return [BrokenRow(row, row_problems(["A"] * row.a_count + ["R"] * row.r_count)) for row in rows]


@dataclass(frozen=True)
class KpiAttention:
    kpi: Kpi
    status: str
    latest: Measurement | None

    @property
    def status_label(self):
        return KpiStatus.LABELS[self.status]


def kpis_needing_attention(*, today: date, components=None) -> list[KpiAttention]:
    """KPIs off track or without recent data (kpi.services' status rule), the
    off-track ones first; two queries: the KPIs and their latest values."""
    kpis = Kpi.objects.select_related("owner", "component")
    if components is not None:
        kpis = kpis.filter(component__in=components)
    kpis = list(kpis)
    latest = {
        m.kpi_id: m
        for m in Measurement.objects.filter(kpi__in=[k.pk for k in kpis])
        .annotate(rank=Window(RowNumber(), partition_by=[F("kpi_id")], order_by=[F("date").desc()]))
        .filter(rank=1)
    }
    found = []
    for kpi in kpis:
        status = kpi_status(kpi, latest.get(kpi.pk), today=today)
        if status in (KpiStatus.OFF_TRACK, KpiStatus.NO_DATA):
            found.append(KpiAttention(kpi, status, latest.get(kpi.pk)))
    found.sort(key=lambda k: (KpiStatus.URGENCY[k.status], k.kpi.name.lower()))
    return found


def open_review_rounds() -> list[ReviewRound]:
    return list(ReviewRound.objects.filter(closed_at__isnull=True).order_by("deadline"))


def assessments_published_since(since: date | None) -> list[Assessment]:
    """Assessments whose results were published after `since` (any, without
    it): the first change record that shows them published dates it."""
    first_published = (
        Assessment.history.filter(id=OuterRef("pk"), is_published=True)
        .order_by("history_date")
        .values("history_date")[:1]
    )
    published = (
        Assessment.objects.filter(is_published=True)
        .annotate(published_at=Subquery(first_published))
        .select_related("department")
        .order_by("-published_at")
    )
    if since is not None:
        published = published.filter(published_at__date__gt=since)
    return list(published)


def latest_matrix_version() -> MatrixVersion | None:
    return MatrixVersion.objects.defer("snapshot").order_by("-adopted_on", "-id").first()


def forum_components(forum: Forum):
    """The components a forum covers: its own, and for a supplier meeting also
    the supplier's."""
    condition = Q(forums=forum)
    if forum.supplier_id:
        condition |= Q(supplier=forum.supplier_id)
    return Component.objects.filter(condition).distinct().order_by("name")


def forum_page_meetings(forum: Forum, *, today: date):
    """The forum's meetings, the coming ones first, then the past newest first."""
    meetings = list(
        Meeting.objects.filter(forum=forum)
        .annotate(item_count=Count("items", distinct=True))
        .order_by("-date", "-start_time", "-id")
    )
    coming = sorted(
        (m for m in meetings if m.date >= today and not m.is_closed),
        key=lambda m: (m.date, m.start_time or time.min),
    )
    past = [m for m in meetings if m not in coming]
    return coming, past
