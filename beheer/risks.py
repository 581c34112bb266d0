"""Borging: where knowledge of the software rests on too few, or the wrong, people.

Each rule turns the register into findings; every finding links to the page
where it is fixed. The queries are fixed in number, whatever the data size.
Texts are translated when the report is made (gettext, not gettext_lazy): a
report is rendered, cached and exported in the language of its request.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from beheer.counting import counts
from beheer.detail_urls import DetailUrls
from beheer.models import Assignment, OrganisationSettings, Person, Role


@dataclass(frozen=True)
class Finding:
    subject: object
    detail: str
    fix_url: str
    fix_label: str


@dataclass
class RiskRule:
    key: str
    title: str
    explanation: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.findings)


@dataclass
class RiskReport:
    today: date
    rules: list[RiskRule]

    @property
    def total(self) -> int:
        return sum(rule.count for rule in self.rules)

    def rule(self, key: str) -> RiskRule:
        return next(rule for rule in self.rules if rule.key == key)


def _current_q(today: date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}start_date__lte": today}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": today})
    )


def roles_with_current_assignments(today: date):
    """Roles with `current_assignments` (people in force today) prefetched."""
    return Role.objects.select_related("component", "service_process").prefetch_related(
        Prefetch(
            "assignments",
            queryset=Assignment.objects.filter(_current_q(today))
            .select_related("person", "person__supplier")
            .order_by("kind", "person__name"),
            to_attr="current_assignments",
        )
    )


def _rules(config: OrganisationSettings) -> dict[str, RiskRule]:
    """The rules in the order the report shows them, without findings yet."""
    rules = [
        RiskRule(
            "vacant",
            _("Roles without a holder"),
            _("Nobody holds these roles today, so nobody answers for them."),
        ),
        RiskRule(
            "no_deputy",
            _("Roles with one holder and no deputy"),
            _("When the holder is away or leaves, the knowledge goes with them."),
        ),
        RiskRule(
            "external_only",
            _("Roles held only by external people"),
            _("The knowledge is not secured inside the organisation."),
        ),
        RiskRule(
            "overloaded",
            _("People with more roles than %(limit)s") % {"limit": config.max_roles_per_person},
            _("Counting roles held as holder or deputy. Too much rests on one person."),
        ),
        RiskRule(
            "ending_soon",
            _("Assignments ending within %(days)s days") % {"days": config.ending_soon_days},
            _("Arrange a successor before the assignment ends."),
        ),
        RiskRule(
            "departed",
            _("People who left or are inactive but still hold roles"),
            _("Their roles look filled, but nobody is really there."),
        ),
    ]
    return {rule.key: rule for rule in rules}


def _assignments_per_role(today: date):
    """Per role with assignments in force today: its holders, deputies and
    internal people (counted over the assignments, one condition for all)."""
    return (
        Assignment.objects.filter(_current_q(today))
        .order_by()
        .values("role_id")
        .annotate(
            holders=Count("pk", filter=Q(kind=Assignment.Kind.HOLDER)),
            deputies=Count("pk", filter=Q(kind=Assignment.Kind.DEPUTY)),
            internal=Count("pk", filter=Q(person__is_external=False)),
        )
    )


def _roles_at_risk(today: date) -> dict[str, QuerySet]:
    """The roles of the first three rules: without a holder today, with one
    holder and no deputy, held by external people only."""
    per_role = _assignments_per_role(today)
    return {
        "vacant": Role.objects.exclude(pk__in=per_role.filter(holders__gt=0).values("role_id")),
        "no_deputy": Role.objects.filter(
            pk__in=per_role.filter(holders=1, deputies=0).values("role_id")
        ),
        "external_only": Role.objects.filter(pk__in=per_role.filter(internal=0).values("role_id")),
    }


def _people_with_more_roles(today: date, *, than: int):
    """The ids of the people holding more roles than `than` today, as holder or
    deputy: counted over the assignments alone, without joining every person."""
    return (
        Assignment.objects.filter(_current_q(today))
        .order_by()
        .values("person_id")
        .annotate(roles=Count("role_id", distinct=True))
        .filter(roles__gt=than)
        .values("person_id")
    )


def _role_count(today: date) -> Subquery:
    """Per person (OuterRef), the number of roles they hold today."""
    return Subquery(
        Assignment.objects.filter(_current_q(today), person=OuterRef("pk"))
        .order_by()
        .values("person_id")
        .annotate(roles=Count("role_id", distinct=True))
        .values("roles")
    )


def knowledge_risks(*, today: date | None = None, config=None) -> RiskReport:
    today = today or timezone.localdate()
    config = config or OrganisationSettings.load()
    urls = DetailUrls()

    rules = _rules(config)
    vacant, no_deputy, external_only = rules["vacant"], rules["no_deputy"], rules["external_only"]
    # Labels looked up once, not per finding (get_FOO_display hashes every choice).
    role_kinds = dict(Role.Kind.choices)
    assign_holder, assign_deputy = _("Assign a holder"), _("Assign a deputy")
    add_internal, external = _("Add an internal holder or deputy"), _("external")
    # The database picks the roles at risk; only theirs are read in full.
    # Not at risk: a holder, a deputy or a second holder, someone internal.
    safe = (
        _assignments_per_role(today)
        .filter(holders__gt=0, internal__gt=0)
        .exclude(holders=1, deputies=0)
        .values("role_id")
    )
    roles = Role.objects.exclude(pk__in=safe).prefetch_related(
        Prefetch(
            "assignments",
            queryset=Assignment.objects.filter(_current_q(today))
            .select_related("person", "person__supplier")
            .order_by("kind", "person__name"),
            to_attr="current_assignments",
        )
    )
    for role in roles:
        holders = [a for a in role.current_assignments if a.kind == Assignment.Kind.HOLDER]
        deputies = [a for a in role.current_assignments if a.kind == Assignment.Kind.DEPUTY]
        if not holders:
            kind = str(role_kinds.get(role.kind, role.kind))
            vacant.findings.append(Finding(role, kind, urls(role), assign_holder))
        elif len(holders) == 1 and not deputies:
            no_deputy.findings.append(
                Finding(role, holders[0].person.name, urls(role), assign_deputy)
            )
        if role.current_assignments and all(a.person.is_external for a in role.current_assignments):
            names = ", ".join(
                f"{a.person.name} ({a.person.organisation or external})"
                for a in role.current_assignments
            )
            external_only.findings.append(Finding(role, names, urls(role), add_internal))

    overloaded = rules["overloaded"]
    busy_people = (
        Person.objects.filter(
            pk__in=_people_with_more_roles(today, than=config.max_roles_per_person)
        )
        .annotate(role_count=_role_count(today))
        .order_by("-role_count", "name")
    )
    hand_over = _("Hand over roles")
    for person in busy_people:
        overloaded.findings.append(
            Finding(
                person, _("%(count)s roles") % {"count": person.role_count}, urls(person), hand_over
            )
        )

    ending = rules["ending_soon"]
    horizon = today + timedelta(days=config.ending_soon_days)
    ending_assignments = (
        Assignment.objects.filter(_current_q(today), end_date__lte=horizon)
        .select_related("person", "role")
        .order_by("end_date", "role__name")
    )
    assignment_kinds = {kind: str(label).lower() for kind, label in Assignment.Kind.choices}
    successor = _("Arrange a successor")
    for assignment in ending_assignments:
        ending.findings.append(
            Finding(
                assignment.role,
                _("%(person)s (%(kind)s) until %(date)s")
                % {
                    "person": assignment.person.name,
                    "kind": assignment_kinds.get(assignment.kind, assignment.kind),
                    "date": assignment.end_date.strftime("%d-%m-%Y"),
                },
                urls(assignment.role),
                successor,
            )
        )

    departed = rules["departed"]
    departed_people = (
        Person.objects.filter(Q(is_active=False) | Q(leaving_date__lt=today))
        .annotate(
            role_count=Count(
                "assignments__role", filter=_current_q(today, "assignments__"), distinct=True
            )
        )
        .filter(role_count__gt=0)
        .order_by("name")
    )
    end_them = _("End their assignments")
    for person in departed_people:
        reason = (
            _("left on %(date)s") % {"date": person.leaving_date.strftime("%d-%m-%Y")}
            if person.has_left(today)
            else _("inactive")
        )
        departed.findings.append(
            Finding(
                person,
                _("%(reason)s, still holds %(count)s roles")
                % {"reason": reason, "count": person.role_count},
                urls.named("beheer:person-leave", person.pk),
                end_them,
            )
        )

    return RiskReport(today, list(rules.values()))


@dataclass(frozen=True)
class RuleCount:
    key: str
    title: str
    count: int


def knowledge_risk_counts(*, today: date | None = None, config=None) -> list[RuleCount]:
    """The number of findings of each rule of knowledge_risks, in one query
    (for the dashboard)."""
    today = today or timezone.localdate()
    config = config or OrganisationSettings.load()
    has_role = Assignment.objects.filter(_current_q(today), person=OuterRef("pk"))
    busy = _people_with_more_roles(today, than=config.max_roles_per_person)
    horizon = today + timedelta(days=config.ending_soon_days)
    number = counts(
        **_roles_at_risk(today),
        overloaded=Person.objects.filter(pk__in=busy),
        ending_soon=Assignment.objects.filter(_current_q(today), end_date__lte=horizon),
        departed=Person.objects.filter(Q(is_active=False) | Q(leaving_date__lt=today)).filter(
            Exists(has_role)
        ),
    )
    return [RuleCount(key, rule.title, number[key]) for key, rule in _rules(config).items()]
