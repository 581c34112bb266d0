"""What the home pages read from every app: a person's work, the managers'
overview and the MT's. Each part is a fixed number of queries, whatever the
amount of data, and cached until one of the scopes it is computed from changes.
Cached values hold plain strings and numbers, never lazy translations."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial

from django.contrib.auth.models import Group
from django.db.models import Count, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from beheer import groups
from beheer.cache import cached
from beheer.counting import counts
from beheer.data_versions import SCOPES
from beheer.models import Component, OrganisationSettings, Person, Role
from beheer.risks import knowledge_risk_counts
from beheer.work import WorkItem, collect_attention, collect_work
from governance.models import Action
from kpi import summary as kpi_summary
from kpi.models import FactorReview, Kpi, Measurement
from kpi.services import Status, factor_progress, kpi_status
from matrix import summary as matrix_summary
from matrix.models import MatrixVersion
from matrix.selectors import matrix_snapshot, row_problems, snapshot_diff
from maturity.models import Assessment
from maturity.services import assessment_scores

# A trend compares with the state this many days ago.
TREND_DAYS = 30


# --- Mijn werk ------------------------------------------------------------------------


def work_of(user, *, today: date) -> list[WorkItem]:
    """Everything `user` must do, most urgent first, from the cache.

    The one result cached per user rather than per group of viewers
    (beheer.cache keys by what a result depends on, never by who asks): a
    person's work *is* theirs alone, and the header badge reads it on every
    page. So the key varies by the user; it is computed from every scope, so
    any change anywhere recomputes it, once, on that user's next page."""
    return cached(
        "my-work",
        partial(_work_of, user.pk, today=today),
        scopes=tuple(SCOPES),
        vary=("user", user.pk),
    )


def _work_of(user_id: int, *, today: date) -> list[WorkItem]:
    from django.contrib.auth import get_user_model

    # The user as the apps expect it (their group memberships and grants are read
    # from this instance and memoised on it); the person linked to the login.
    user = get_user_model().objects.get(pk=user_id)
    person = Person.objects.filter(user=user).first()
    return collect_work(user=user, person=person, today=today)


def has_person(user) -> bool:
    """Whether the login is linked to a person of the register (for the page's hint)."""
    return Person.objects.filter(user_id=user.pk).exists()


# --- Figures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Trend:
    """A figure's change since an earlier moment: "+2 since 30 days ago"."""

    change: int
    since: str
    # Whether a rise is good news (more factors in place) or bad (more risks).
    rise_is_good: bool = False

    @property
    def text(self) -> str:
        return f"{self.change:+d}" if self.change else "±0"

    @property
    def tone(self) -> str:
        if not self.change:
            return "neutral"
        return "good" if (self.change > 0) == self.rise_is_good else "bad"


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: int | str
    url: str = ""
    trend: Trend | None = None
    # "risk" when the figure asks for action (a non-zero count of problems).
    tone: str = ""
    unit: str = ""


@dataclass
class Card:
    key: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, url)

    @property
    def trend_since(self) -> str:
        """What the card's trends compare with, said once above its figures."""
        return next((f.trend.since for f in self.figures if f.trend), "")


def _since_days() -> str:
    return _("since %(days)s days ago") % {"days": TREND_DAYS}


def _risk(count: int) -> str:
    return "risk" if count else ""


# --- The managers' overview ------------------------------------------------------------


def attention(*, today: date) -> list[WorkItem]:
    """What the managers must look at: the same for every manager."""
    return cached("attention", partial(collect_attention, today=today), scopes=tuple(SCOPES))


def register_card() -> Card:
    number = counts(
        components=Component.objects.all(),
        roles=Role.objects.all(),
        people=Person.objects.filter(is_active=True),
    )
    return Card(
        "register",
        _("Register"),
        [
            Figure(
                "components", _("Components"), number["components"], reverse("beheer:components")
            ),
            Figure("roles", _("Roles"), number["roles"], reverse("beheer:roles")),
            Figure("people", _("People"), number["people"], reverse("beheer:people")),
        ],
    )


def _adopted_counts() -> tuple[MatrixVersion | None, int, int]:
    """The latest adopted version, with its number of tasks and of tasks that broke
    the rules, from its snapshot (one query)."""
    version = MatrixVersion.objects.order_by("-adopted_on", "-id").first()
    if version is None:
        return None, 0, 0
    snapshot = version.snapshot
    codes = snapshot["codes"]
    invalid = sum(
        1
        for activity in snapshot["activities"]
        if row_problems(codes.get(str(activity["id"]), {}).values())
    )
    return version, len(snapshot["activities"]), invalid


def matrix_card() -> Card:
    tasks, invalid = matrix_summary.task_counts()
    version, adopted_tasks, adopted_invalid = _adopted_counts()
    since = (
        _("since the version of %(date)s") % {"date": version.adopted_on.strftime("%d-%m-%Y")}
        if version
        else ""
    )
    grid = reverse("matrix:grid")
    return Card(
        "matrix",
        _("Management matrix"),
        [
            Figure(
                "tasks",
                _("tasks"),
                tasks,
                grid,
                Trend(tasks - adopted_tasks, since, rise_is_good=True) if version else None,
            ),
            Figure(
                "invalid",
                _("tasks that break the rules"),
                invalid,
                grid + "?invalid=1",
                Trend(invalid - adopted_invalid, since) if version else None,
                _risk(invalid),
            ),
        ],
        [(_("Adopted versions"), reverse("matrix:versions"))],
    )


def rights_card(*, today: date) -> Card:
    config = OrganisationSettings.load()
    flagged = matrix_summary.flagged_right_count(today=today, max_admins=config.max_admin_holders)
    open_changes = matrix_summary.open_right_change_count(
        since=today - timedelta(days=TREND_DAYS), today=today
    )
    return Card(
        "rights",
        _("Authorisations"),
        [
            Figure(
                "flagged",
                _("rights that need attention"),
                flagged,
                reverse("matrix:rights"),
                tone=_risk(flagged),
            ),
            Figure(
                "changes",
                _("changes to rights still to do"),
                open_changes,
                reverse("matrix:mutations"),
                tone=_risk(open_changes),
            ),
        ],
        [(_("Access reviews"), reverse("matrix:reviews"))],
    )


def _kpi_statuses_on(day: date) -> dict[str, int]:
    """The number of KPIs per status as it was on `day`: from each KPI's latest
    measurement up to that day (one query)."""
    latest = Measurement.objects.filter(kpi=OuterRef("pk"), date__lte=day).order_by("-date")[:1]
    rows = Kpi.objects.annotate(
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
    found = dict.fromkeys(Status.ORDER, 0)
    for target, tolerance, direction, frequency, measured, value, period_end in rows:
        kpi = Kpi(target=target, tolerance=tolerance, direction=direction, frequency=frequency)
        measurement = (
            Measurement(date=measured, value=value, period_end=period_end) if measured else None
        )
        found[kpi_status(kpi, measurement, today=day)] += 1
    return found


def kpi_card(*, today: date) -> Card:
    total, in_place = kpi_summary.factor_counts()
    earlier = _kpi_statuses_on(today - timedelta(days=TREND_DAYS))
    dashboard = reverse("kpi:dashboard")
    figures = [
        Figure(
            "factors",
            _("of %(total)s success factors present or anchored") % {"total": total},
            in_place,
            reverse("kpi:factors"),
        )
    ]
    for status, label, count in kpi_summary.kpi_status_counts(today=today):
        figures.append(
            Figure(
                f"kpi-{status}",
                _("KPIs: %(status)s") % {"status": str(label).lower()},
                count,
                dashboard,
                Trend(count - earlier[status], _since_days(), rise_is_good=status == "on_track"),
                _risk(count) if status in (Status.OFF_TRACK, Status.NO_DATA) else "",
            )
        )
    return Card(
        "kpi", _("Success factors and KPIs"), figures, [(_("KPI workbook"), reverse("kpi:export"))]
    )


def risks_card(*, today: date) -> Card:
    config = OrganisationSettings.load()
    earlier = {
        rule.key: rule.count
        for rule in knowledge_risk_counts(today=today - timedelta(days=TREND_DAYS), config=config)
    }
    url = reverse("beheer:risks")
    return Card(
        "risks",
        _("Knowledge risks"),
        [
            Figure(
                rule.key,
                str(rule.title),
                rule.count,
                f"{url}#{rule.key}",
                Trend(rule.count - earlier.get(rule.key, 0), _since_days()),
                _risk(rule.count),
            )
            for rule in knowledge_risk_counts(today=today, config=config)
        ],
        [(_("Risk report (Excel)"), reverse("beheer:risks-xlsx"))],
    )


def actions_card(*, today: date) -> Card:
    number = counts(
        open=Action.objects.unfinished(),
        overdue=Action.objects.overdue(today),
        done=Action.objects.filter(
            status=Action.Status.DONE, done_on__gt=today - timedelta(days=TREND_DAYS)
        ),
    )
    actions = reverse("governance:actions")
    return Card(
        "actions",
        _("Actions"),
        [
            Figure("open", _("open actions"), number["open"], actions + "?status=unfinished"),
            Figure(
                "overdue",
                _("past their due date"),
                number["overdue"],
                actions + "?status=unfinished&overdue=on",
                tone=_risk(number["overdue"]),
            ),
            Figure(
                "done",
                _("done in the last %(days)s days") % {"days": TREND_DAYS},
                number["done"],
                actions + "?status=done",
            ),
        ],
    )


def group_rows() -> list[tuple[str, str, str, int]]:
    """(name, display name, what members may do, accounts) per application group."""
    members = dict(
        Group.objects.filter(name__in=groups.ALL)
        .annotate(members=Count("user", distinct=True))
        .values_list("name", "members")
    )
    return [
        (name, str(groups.display_name(name)), str(groups.DESCRIPTIONS[name]), members.get(name, 0))
        for name in groups.ALL
    ]


def cached_group_rows() -> list[tuple[str, str, str, int]]:
    return cached("overview-groups", group_rows, scopes=("users",))


def overview_cards(*, today: date) -> list[Card]:
    """The managers' cards, each cached until its own areas change."""
    return [
        cached("overview-register", register_card, scopes=("register",)),
        cached("overview-matrix", matrix_card, scopes=("matrix",)),
        cached("overview-rights", partial(rights_card, today=today), scopes=("rights", "register")),
        cached("overview-kpi", partial(kpi_card, today=today), scopes=("kpi",)),
        cached("overview-risks", partial(risks_card, today=today), scopes=("register",)),
        cached("overview-actions", partial(actions_card, today=today), scopes=("governance",)),
    ]


# --- The MT overview -------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixState:
    version_id: int | None
    title: str
    note: str
    changed_cells: int
    added_tasks: int
    removed_tasks: int
    added_roles: int
    removed_roles: int

    @property
    def changed(self) -> bool:
        return bool(
            self.changed_cells
            or self.added_tasks
            or self.removed_tasks
            or self.added_roles
            or self.removed_roles
        )


def matrix_state() -> MatrixState:
    """The latest adopted version, and what changed in the matrix since."""
    version = MatrixVersion.objects.order_by("-adopted_on", "-id").first()
    if version is None:
        return MatrixState(None, "", "", 0, 0, 0, 0, 0)
    diff = snapshot_diff(version.snapshot, matrix_snapshot())
    return MatrixState(
        version.pk,
        _("Adopted on %(date)s") % {"date": version.adopted_on.strftime("%d-%m-%Y")},
        version.note,
        len(diff.changed_cells),
        len(diff.added_activities),
        len(diff.removed_activities),
        len(diff.added_roles),
        len(diff.removed_roles),
    )


@dataclass(frozen=True)
class DepartmentMaturity:
    department: str
    assessment_id: int
    assessment: str
    period_end: date
    level: int
    level_name: str
    previous_level: int | None

    @property
    def trend(self) -> Trend | None:
        if self.previous_level is None:
            return None
        return Trend(self.level - self.previous_level, _("since the previous round"), True)


def maturity_by_department() -> list[DepartmentMaturity]:
    """Per department its latest published round: the overall level, and the
    change since the round before (five queries, whatever the number of rounds)."""
    from maturity.models import Level

    published = list(
        Assessment.objects.filter(is_published=True)
        .select_related("department")
        .order_by("department__name", "-period_end", "-id")
    )
    latest: dict[int, list[Assessment]] = {}
    for assessment in published:
        rounds = latest.setdefault(assessment.department_id, [])
        if len(rounds) < 2:
            rounds.append(assessment)
    scored = assessment_scores(assessments=[a for rounds in latest.values() for a in rounds])
    names = {level.number: level.text("name") for level in Level.objects.all()}
    rows = []
    for rounds in latest.values():
        current = rounds[0]
        level = scored[current.pk].overall_level
        previous = scored[rounds[1].pk].overall_level if len(rounds) > 1 else None
        rows.append(
            DepartmentMaturity(
                current.department.name,
                current.pk,
                current.name,
                current.period_end,
                level,
                str(names.get(level, "")),
                previous,
            )
        )
    return rows


@dataclass(frozen=True)
class ThemeState:
    label: str
    percent: int
    in_place: int
    total: int


@dataclass(frozen=True)
class KpiOffTrack:
    name: str
    url: str
    owner: str


def factors_and_kpis(*, today: date) -> tuple[list[ThemeState], list[KpiOffTrack]]:
    present = FactorReview.STEPS[FactorReview.Status.PRESENT]
    themes = [
        ThemeState(
            str(theme.label),
            theme.percent,
            sum(1 for state in theme.factors if state.step >= present),
            len(theme.factors),
        )
        for theme in factor_progress(today=today).themes
    ]
    latest = Measurement.objects.filter(kpi=OuterRef("pk")).order_by("-date")[:1]
    kpis = Kpi.objects.select_related("owner").annotate(
        latest_date=Subquery(latest.values("date")),
        latest_value=Subquery(latest.values("value")),
        latest_period_end=Subquery(latest.values("period_end")),
    )
    off_track = []
    for kpi in kpis:
        measurement = (
            Measurement(
                date=kpi.latest_date, value=kpi.latest_value, period_end=kpi.latest_period_end
            )
            if kpi.latest_date
            else None
        )
        if kpi_status(kpi, measurement, today=today) == Status.OFF_TRACK:
            off_track.append(
                KpiOffTrack(kpi.name, kpi.get_absolute_url(), kpi.owner.name if kpi.owner else "")
            )
    return themes, off_track


def mt_overview(*, today: date) -> dict:
    return {
        "matrix": cached("mt-matrix", matrix_state, scopes=("matrix", "register", "rights")),
        "risks": cached("overview-risks", partial(risks_card, today=today), scopes=("register",)),
        "maturity": cached("mt-maturity", maturity_by_department, scopes=("maturity", "register")),
        "factors": cached(
            "mt-factors", partial(factors_and_kpis, today=today), scopes=("kpi", "register")
        ),
    }
