"""The register's part of Mijn werk (beheer.work): roles a person holds alone,
and their assignments that end soon; for the managers, the knowledge risks."""

from datetime import date, timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from beheer.cache import cached
from beheer.detail_urls import DetailUrls
from beheer.models import Assignment, OrganisationSettings
from beheer.risks import knowledge_risk_counts
from beheer.work import WorkItem


def _settings() -> OrganisationSettings:
    # The same cache entry as OrganisationSettings.for_request: no query on a page.
    return cached("organisation-settings", OrganisationSettings.load, scopes=("register",))


def work_items(*, user, person, today: date) -> list[WorkItem]:
    """Two queries: the person's assignments in force, and who else holds their roles."""
    if person is None:
        return []
    config = _settings()
    mine = list(Assignment.objects.current(today).filter(person=person).select_related("role"))
    if not mine:
        return []
    held = [a for a in mine if a.kind == Assignment.Kind.HOLDER]
    others = {
        row["role_id"]: row
        for row in Assignment.objects.current(today)
        .filter(role_id__in=[a.role_id for a in held])
        .order_by()
        .values("role_id")
        .annotate(
            holders=Count("pk", filter=Q(kind=Assignment.Kind.HOLDER)),
            deputies=Count("pk", filter=Q(kind=Assignment.Kind.DEPUTY)),
        )
    }
    urls = DetailUrls()
    items = []
    for assignment in held:
        counted = others.get(assignment.role_id, {"holders": 1, "deputies": 0})
        if counted["holders"] == 1 and counted["deputies"] == 0:
            items.append(
                WorkItem(
                    kind="role-without-deputy",
                    title=_("Find a deputy for %(role)s") % {"role": assignment.role.name},
                    url=urls(assignment.role),
                    detail=_(
                        "You hold this role alone: when you are away, nobody takes it over. "
                        "Agree a deputy with the application management team."
                    ),
                    priority=6,
                )
            )
    horizon = today + timedelta(days=config.ending_soon_days)
    for assignment in mine:
        if assignment.end_date is not None and assignment.end_date <= horizon:
            items.append(
                WorkItem(
                    kind="assignment-ending",
                    title=_("Hand over %(role)s") % {"role": assignment.role.name},
                    url=urls(assignment.role),
                    due=assignment.end_date,
                    detail=_("Your assignment ends on %(date)s: hand over your tasks in time.")
                    % {"date": assignment.end_date.strftime("%d-%m-%Y")},
                    priority=4,
                )
            )
    return items


def attention_items(*, today: date) -> list[WorkItem]:
    """The knowledge risks with findings, one item per rule; one query."""
    config = _settings()
    risks_url = reverse("beheer:risks")
    # Nobody answers for a vacant role, nor for one held by someone who left.
    urgent = {"vacant", "departed"}
    return [
        WorkItem(
            kind=f"risk-{rule.key}",
            # After the count, mid-sentence: "3 roles without a holder".
            title=_lower_first(str(rule.title)),
            url=f"{risks_url}#{rule.key}",
            detail=_("Knowledge risks"),
            priority=1 if rule.key in urgent else 4,
            count=rule.count,
        )
        for rule in knowledge_risk_counts(today=today, config=config)
        if rule.count
    ]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
