"""Borging: where knowledge of the software rests on too few, or the wrong, people.

Each rule turns the register into findings; every finding links to the page
where it is fixed. The queries are fixed in number, whatever the data size.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from beheer.models import Assignment, OrganisationSettings, Person, Role


@dataclass(frozen=True)
class Finding:
    subject: object
    detail: str
    fix_url: str
    fix_label: Promise


@dataclass
class RiskRule:
    key: str
    title: Promise
    explanation: Promise
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


def knowledge_risks(*, today: date | None = None) -> RiskReport:
    today = today or timezone.localdate()
    config = OrganisationSettings.load()

    vacant = RiskRule(
        "vacant",
        _("Roles without a holder"),
        _("Nobody holds these roles today, so nobody answers for them."),
    )
    no_deputy = RiskRule(
        "no_deputy",
        _("Roles with one holder and no deputy"),
        _("When the holder is away or leaves, the knowledge goes with them."),
    )
    external_only = RiskRule(
        "external_only",
        _("Roles held only by external people"),
        _("The knowledge is not secured inside the organisation."),
    )
    for role in roles_with_current_assignments(today):
        holders = [a for a in role.current_assignments if a.kind == Assignment.Kind.HOLDER]
        deputies = [a for a in role.current_assignments if a.kind == Assignment.Kind.DEPUTY]
        if not holders:
            vacant.findings.append(
                Finding(
                    role, role.get_kind_display(), role.get_absolute_url(), _("Assign a holder")
                )
            )
        elif len(holders) == 1 and not deputies:
            no_deputy.findings.append(
                Finding(role, holders[0].person.name, role.get_absolute_url(), _("Assign a deputy"))
            )
        if role.current_assignments and all(a.person.is_external for a in role.current_assignments):
            names = ", ".join(
                f"{a.person.name} ({a.person.organisation or _('external')})"
                for a in role.current_assignments
            )
            external_only.findings.append(
                Finding(role, names, role.get_absolute_url(), _("Add an internal holder or deputy"))
            )

    overloaded = RiskRule(
        "overloaded",
        _("People with more roles than %(limit)s") % {"limit": config.max_roles_per_person},
        _("Counting roles held as holder or deputy. Too much rests on one person."),
    )
    busy_people = (
        Person.objects.annotate(
            role_count=Count(
                "assignments__role", filter=_current_q(today, "assignments__"), distinct=True
            )
        )
        .filter(role_count__gt=config.max_roles_per_person)
        .order_by("-role_count", "name")
    )
    for person in busy_people:
        overloaded.findings.append(
            Finding(
                person,
                _("%(count)s roles") % {"count": person.role_count},
                person.get_absolute_url(),
                _("Hand over roles"),
            )
        )

    ending = RiskRule(
        "ending_soon",
        _("Assignments ending within %(days)s days") % {"days": config.ending_soon_days},
        _("Arrange a successor before the assignment ends."),
    )
    horizon = today + timedelta(days=config.ending_soon_days)
    ending_assignments = (
        Assignment.objects.filter(_current_q(today), end_date__lte=horizon)
        .select_related("person", "role")
        .order_by("end_date", "role__name")
    )
    for assignment in ending_assignments:
        ending.findings.append(
            Finding(
                assignment.role,
                _("%(person)s (%(kind)s) until %(date)s")
                % {
                    "person": assignment.person.name,
                    "kind": assignment.get_kind_display().lower(),
                    "date": assignment.end_date.strftime("%d-%m-%Y"),
                },
                assignment.role.get_absolute_url(),
                _("Arrange a successor"),
            )
        )

    departed = RiskRule(
        "departed",
        _("People who left or are inactive but still hold roles"),
        _("Their roles look filled, but nobody is really there."),
    )
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
                reverse("beheer:person-leave", args=[person.pk]),
                _("End their assignments"),
            )
        )

    return RiskReport(today, [vacant, no_deputy, external_only, overloaded, ending, departed])
