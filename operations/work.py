"""Daily management's part of Mijn werk (beheer.work): the wishes an owner must
judge, the questions a submitter must answer, the tests a key user must run and
the training they are registered for; for the managers, contracts to give notice
on, releases with failed tests, wishes left unjudged and missing training."""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from beheer.work import WorkItem
from operations import selectors
from operations.access import triage_component_ids
from operations.models import ChangeRequest, Release, TestItem, TrainingAttendance

# A wish is judged within two weeks of being submitted (the beheerteam's own
# agreement in the demo's service catalogue is ten working days).
JUDGE_WITHIN_DAYS = 14


def _local_day(moment) -> date:
    return timezone.localtime(moment).date()


def work_items(*, user, person, today: date) -> list[WorkItem]:
    """At most four queries: the wishes to judge per component (owners), the
    questions to answer, the person's open test items and coming sessions."""
    items = []
    owned = triage_component_ids(user)
    # Managers judge every component's wishes, but see that as attention_items;
    # Mijn werk lists an owner's own components.
    if owned:
        waiting = (
            ChangeRequest.objects.filter(
                component__in=owned,
                status=ChangeRequest.Status.SUBMITTED,
                needs_information=False,
            )
            .values("component", "component__name")
            .annotate(count=Count("id"), oldest=Min("submitted_at"))
            .order_by("component__name")
        )
        for row in waiting:
            due = _local_day(row["oldest"]) + timedelta(days=JUDGE_WITHIN_DAYS)
            items.append(
                WorkItem(
                    kind="wishes-to-judge",
                    title=ngettext(
                        "Judge %(count)s wish for %(component)s",
                        "Judge %(count)s wishes for %(component)s",
                        row["count"],
                    )
                    % {"count": row["count"], "component": row["component__name"]},
                    url=reverse("operations:requests")
                    + f"?component={row['component']}&status=waiting",
                    due=due,
                    overdue=due < today,
                    detail=_("Accept, reject or ask for more, and set the priority."),
                    priority=3,
                )
            )
    for wish in ChangeRequest.objects.filter(
        submitted_by=user, needs_information=True, status=ChangeRequest.Status.SUBMITTED
    ).order_by("submitted_at"):
        items.append(
            WorkItem(
                kind="wish-question",
                title=_("Answer the question about your wish “%(wish)s”") % {"wish": wish.title},
                url=wish.get_absolute_url() + "#comments",
                detail=_("The owner needs more information before judging it."),
                priority=2,
            )
        )
    for item in selectors.test_items_of_person(person=person):
        release = item.release
        items.append(
            WorkItem(
                kind="test-item",
                title=_("Test “%(item)s”") % {"item": item.title},
                url=reverse("operations:test-result", args=[item.pk]),
                due=release.planned_date,
                overdue=release.planned_date < today,
                detail=(
                    _("%(release)s: the last test failed; test again after the fix.")
                    if item.result == TestItem.Result.FAILED
                    else _("%(release)s: record whether it passed or failed.")
                )
                % {"release": release},
                priority=2,
            )
        )
    if person is not None:
        for attendance in TrainingAttendance.objects.filter(
            person=person, attended__isnull=True, session__date__gte=today
        ).select_related("session", "session__course"):
            session = attendance.session
            items.append(
                WorkItem(
                    kind="training",
                    title=_("Take part in “%(course)s”") % {"course": session.course},
                    url=session.get_absolute_url(),
                    due=session.date,
                    detail=session.place,
                    priority=6,
                )
            )
    return items


def attention_items(*, today: date) -> list[WorkItem]:
    """Seven queries: the contracts (with their components and departments),
    the releases with failed tests, the wishes left unjudged, and the training
    gaps (four)."""
    items = [
        WorkItem(
            kind="contract-notice",
            title=_("Decide on “%(contract)s”: notice by %(date)s")
            % {"contract": row.contract.name, "date": row.notice_by.strftime("%d-%m-%Y")},
            url=row.contract.get_absolute_url(),
            due=row.notice_by,
            detail=_("Renew, renegotiate or give notice before the notice period starts."),
            priority=1,
        )
        for row in selectors.contracts_to_give_notice(today=today)
    ]
    failing = (
        Release.objects.filter(
            status__in=[Release.Status.PLANNED, Release.Status.IN_TEST],
            test_items__result=TestItem.Result.FAILED,
        )
        .select_related("component")
        .annotate(failed=Count("test_items"))
        .order_by("planned_date")
    )
    for release in failing:
        items.append(
            WorkItem(
                kind="release-failed-tests",
                title=ngettext(
                    "%(release)s: %(count)s test failed",
                    "%(release)s: %(count)s tests failed",
                    release.failed,
                )
                % {"release": release, "count": release.failed},
                url=release.get_absolute_url() + "#tests",
                due=release.planned_date,
                overdue=release.planned_date < today,
                detail=_("Agree the fix with the supplier before the go/no-go."),
                priority=2,
            )
        )
    cutoff = timezone.make_aware(
        datetime.combine(today - timedelta(days=JUDGE_WITHIN_DAYS), time.min)
    )
    unjudged = ChangeRequest.objects.filter(
        status=ChangeRequest.Status.SUBMITTED, needs_information=False, submitted_at__lt=cutoff
    ).count()
    if unjudged:
        items.append(
            WorkItem(
                kind="wishes-unjudged",
                title=_("wishes waiting more than two weeks for their owner's judgement"),
                url=reverse("operations:requests") + "?status=waiting",
                count=unjudged,
                priority=3,
            )
        )
    gaps = len({gap.person.pk for gap in selectors.training_gaps(today=today)})
    if gaps:
        items.append(
            WorkItem(
                kind="training-gaps",
                title=_("people hold a role without the training it needs"),
                url=reverse("operations:gaps"),
                count=gaps,
                priority=4,
            )
        )
    return items
