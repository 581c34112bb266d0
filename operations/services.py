"""The rules of daily functional management.

- A wish moves ingediend → in behandeling → gepland → in test → in productie,
  or is rejected with a reason (see TRANSITIONS). Every move goes through
  `_move`, which records who moved it and when; reaching or leaving
  production recomputes the lead-time KPIs (kpi.services), here and not in a
  signal.
- A wish planned into a supplier's release follows the release: into test
  when the release's test starts, into production when it goes live, back to
  "being handled" when the release is cancelled. Configuration work of the
  beheerteam is moved by hand.
- A release goes live only after a "go"; a go with failed or untested items,
  and any no-go, says why. Test results are recorded while the release is
  open; a failed test says what went wrong.
- A contract's notice must reach the other party before the notice period
  starts: the last day for it is the day before the term's end moved back by
  the notice period (`notice_by`). A contract that renews by itself moves on
  to the next term once that day has passed. Within NOTICE_WARNING_DAYS of
  the last day it is flagged.
"""

import calendar
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from beheer import data_versions
from beheer.uploads import Caps, UploadRefused, check_size
from kpi.services import recompute_lead_time_kpis
from operations.models import (
    ChangeRequest,
    Comment,
    Release,
    ReleaseDocument,
    StatusChange,
    TestItem,
    TrainingAttendance,
    TrainingSession,
)

S = ChangeRequest.Status

# Which moves a wish may make, by hand or through its release.
TRANSITIONS = {
    S.SUBMITTED: {S.IN_REVIEW, S.REJECTED},
    S.IN_REVIEW: {S.PLANNED, S.REJECTED},
    S.PLANNED: {S.IN_TEST, S.IN_PRODUCTION, S.IN_REVIEW, S.REJECTED},
    S.IN_TEST: {S.IN_PRODUCTION, S.PLANNED, S.REJECTED},
    S.IN_PRODUCTION: set(),
    S.REJECTED: {S.SUBMITTED},  # reconsidered
}


class NotAllowed(ValidationError):
    """A move the rules do not allow; the message says why."""


# --- Wishes -------------------------------------------------------------------------------


@transaction.atomic
def request_submit(
    *,
    component,
    title: str,
    description: str,
    user,
    reason: str = "",
    service_process=None,
    urgency: str = ChangeRequest.Urgency.NORMAL,
    submitted_at: datetime | None = None,
) -> ChangeRequest:
    at = submitted_at or timezone.now()
    change_request = ChangeRequest.objects.create(
        component=component,
        title=title,
        description=description,
        reason=reason,
        service_process=service_process,
        urgency=urgency,
        submitted_by=user,
        submitted_at=at,
        status_changed_at=at,
    )
    StatusChange.objects.create(
        change_request=change_request,
        new_status=S.SUBMITTED,
        changed_by=user,
        changed_at=at,
    )
    return change_request


def _locked(change_request: ChangeRequest) -> ChangeRequest:
    """The wish as saved now, locked until the transaction ends: two moves never cross."""
    return ChangeRequest.objects.select_for_update().get(pk=change_request.pk)


def _move(
    change_request: ChangeRequest,
    status: str,
    *,
    user,
    note: str = "",
    at: datetime | None = None,
    fields: dict | None = None,
    recompute: bool = True,
) -> ChangeRequest:
    """Move a (locked) wish to `status`, with `fields` changed along; record the
    step. A move into or out of production recomputes the lead-time KPIs, unless
    the caller does once for many (`recompute=False`)."""
    old = change_request.status
    if status != old and status not in TRANSITIONS[old]:
        raise NotAllowed(
            _("A wish that is “%(old)s” cannot become “%(new)s”.")
            % {"old": S(old).label, "new": S(status).label}
        )
    at = at or timezone.now()
    for name, value in (fields or {}).items():
        setattr(change_request, name, value)
    if status != old:
        change_request.status, change_request.status_changed_at = status, at
    change_request.in_production_at = at if status == S.IN_PRODUCTION else None
    change_request.save()
    if status != old:
        StatusChange.objects.create(
            change_request=change_request,
            old_status=old,
            new_status=status,
            note=note,
            changed_by=user,
            changed_at=at,
        )
        _tell_the_submitter(change_request, by=user)
    if recompute and S.IN_PRODUCTION in (old, status):
        recompute_lead_time_kpis()
    return change_request


def _tell_the_submitter(change_request: ChangeRequest, *, by) -> None:
    """The submitter follows their wish: each new status reaches them by message."""
    from notifications.services import notify  # notifications reads this app

    submitter = change_request.submitted_by
    if submitter is None or submitter == by:
        return
    notify(
        submitter,
        "wish-status",
        subject=gettext_lazy("Your wish “%(title)s” is now: %(status)s"),
        text=gettext_lazy("The status of your wish “%(title)s” changed to “%(status)s”."),
        url=change_request.get_absolute_url(),
        key=f"wish-status:{change_request.pk}:{change_request.status}:{change_request.status_changed_at.isoformat()}",
        params={"title": change_request.title, "status": S(change_request.status).label},
    )


def test_item_assigned(*, item: TestItem, by) -> None:
    """A key user given a test item hears of it (once per tester)."""
    from notifications.services import notify  # notifications reads this app

    tester = item.tester.user if item.tester_id else None
    if tester is None or tester == by:
        return
    notify(
        tester,
        "test-item",
        subject=gettext_lazy("Please test: %(title)s (%(release)s)"),
        text=gettext_lazy("You are asked to test “%(title)s” for the release %(release)s."),
        url=item.get_absolute_url(),
        key=f"test-item:{item.pk}:{item.tester_id}",
        params={"title": item.title, "release": str(item.release)},
    )


@transaction.atomic
def request_accept(
    *, change_request: ChangeRequest, user, priority: int | None = None, note: str = ""
) -> ChangeRequest:
    """The owner takes the wish on: it is being handled, with a priority."""
    change_request = _locked(change_request)
    if change_request.status != S.SUBMITTED:
        raise NotAllowed(_("Only a submitted wish can be accepted."))
    return _move(
        change_request,
        S.IN_REVIEW,
        user=user,
        note=note,
        fields={"priority": priority, "needs_information": False},
    )


@transaction.atomic
def request_reject(*, change_request: ChangeRequest, user, reason: str) -> ChangeRequest:
    if not reason.strip():
        raise ValidationError({"note": _("Say why the wish is rejected.")})
    change_request = _locked(change_request)
    return _move(
        change_request,
        S.REJECTED,
        user=user,
        note=reason,
        fields={"rejection_reason": reason, "needs_information": False},
    )


@transaction.atomic
def request_ask_information(*, change_request: ChangeRequest, user, question: str) -> Comment:
    """Ask the submitter for more before deciding; the question is a comment,
    and the wish shows as waiting for them until they answer."""
    if not question.strip():
        raise ValidationError({"note": _("Write down what you would like to know.")})
    change_request = _locked(change_request)
    if change_request.status != S.SUBMITTED:
        raise NotAllowed(_("More information is asked before a wish is accepted."))
    change_request.needs_information = True
    change_request.save(update_fields=["needs_information"])
    return Comment.objects.create(change_request=change_request, text=question, author=user)


@transaction.atomic
def request_prioritise(*, change_request: ChangeRequest, priority: int | None) -> ChangeRequest:
    change_request = _locked(change_request)
    if change_request.priority != priority:
        change_request.priority = priority
        change_request.save(update_fields=["priority"])
    return change_request


@transaction.atomic
def request_comment(*, change_request: ChangeRequest, text: str, user) -> Comment:
    """Add to a wish. The submitter's comment answers a request for more information."""
    change_request = _locked(change_request)
    comment = Comment.objects.create(change_request=change_request, text=text, author=user)
    if change_request.needs_information and change_request.submitted_by_id == user.pk:
        change_request.needs_information = False
        change_request.save(update_fields=["needs_information"])
    return comment


@transaction.atomic
def request_plan(
    *,
    change_request: ChangeRequest,
    user,
    release: Release | None = None,
    planned_for: date | None = None,
    note: str = "",
) -> ChangeRequest:
    """Plan a wish into a release of its component's supplier, or (without a
    release) into the beheerteam's own configuration work, on `planned_for`.
    Planned into a release that is in test already, it is in test too."""
    change_request = _locked(change_request)
    if change_request.status not in (S.IN_REVIEW, S.PLANNED):
        raise NotAllowed(_("Accept the wish before planning it."))
    if release is not None:
        release = Release.objects.get(pk=release.pk)  # its status as saved now
        if release.component_id != change_request.component_id:
            raise ValidationError({"release": _("Choose a release of the wish's component.")})
        if release.is_closed:
            raise ValidationError({"release": _("That release is live or cancelled.")})
        fields = {"plan": ChangeRequest.Plan.RELEASE, "release": release, "planned_for": None}
    else:
        fields = {
            "plan": ChangeRequest.Plan.CONFIGURATION,
            "release": None,
            "planned_for": planned_for,
        }
    change_request = _move(change_request, S.PLANNED, user=user, note=note, fields=fields)
    if release is not None and release.status == Release.Status.IN_TEST:
        change_request = _move(change_request, S.IN_TEST, user=user, note=str(release))
    return change_request


# The moves made by hand on the wish's page; the others follow from triage,
# planning and the release.
MANUAL_MOVES = {
    S.PLANNED: {S.IN_TEST, S.IN_PRODUCTION, S.IN_REVIEW},
    S.IN_TEST: {S.IN_PRODUCTION, S.PLANNED},
    S.REJECTED: {S.SUBMITTED},
}


@transaction.atomic
def request_set_status(
    *, change_request: ChangeRequest, status: str, user, note: str = ""
) -> ChangeRequest:
    """Move a wish by hand: configuration work through test into production,
    a wish taken out of its plan, a rejected wish reconsidered. A wish in a
    release moves with its release, except out of it."""
    change_request = _locked(change_request)
    if status not in MANUAL_MOVES.get(change_request.status, ()):
        raise NotAllowed(
            _("A wish that is “%(old)s” cannot be set to “%(new)s” by hand.")
            % {"old": S(change_request.status).label, "new": S(status).label}
        )
    fields = {}
    if change_request.release_id and status in (S.IN_TEST, S.IN_PRODUCTION):
        raise NotAllowed(_("This wish goes into test and production with its release."))
    if status == S.IN_REVIEW:  # out of its plan
        fields = {"plan": "", "release": None, "planned_for": None}
    if status == S.SUBMITTED:
        fields = {"rejection_reason": ""}
    return _move(change_request, status, user=user, note=note, fields=fields)


def request_edited(*, change_request: ChangeRequest, changed: list[str]) -> None:
    """After the wish's text or component was edited: a wish in production moved
    to another component or process counts for another lead-time KPI."""
    if change_request.status == S.IN_PRODUCTION and {"component", "service_process"} & set(changed):
        recompute_lead_time_kpis()


# --- Releases -------------------------------------------------------------------------------


def _locked_release(release: Release) -> Release:
    locked = Release.objects.select_for_update().get(pk=release.pk)
    if locked.is_closed:
        raise NotAllowed(_("This release is live or cancelled; it no longer changes."))
    return locked


def _wishes_of(release: Release, statuses) -> list[ChangeRequest]:
    return list(
        ChangeRequest.objects.select_for_update().filter(release=release, status__in=statuses)
    )


@transaction.atomic
def release_start_test(*, release: Release, user) -> Release:
    """The supplier delivered to the test environment: the key users test, and
    the wishes it delivers are in test."""
    release = _locked_release(release)
    if release.status != Release.Status.PLANNED:
        raise NotAllowed(_("The test of this release has started already."))
    release.status = Release.Status.IN_TEST
    release.save(update_fields=["status"])
    for change_request in _wishes_of(release, [S.PLANNED]):
        _move(change_request, S.IN_TEST, user=user, note=str(release))
    return release


@transaction.atomic
def release_decide(*, release: Release, decision: str, note: str = "", user) -> Release:
    """Record the go/no-go. A no-go says why; so does a go while items failed or
    were not tested (the known issues are accepted knowingly)."""
    release = _locked_release(release)
    if decision == Release.Decision.NO_GO and not note.strip():
        raise ValidationError({"decision_note": _("Say why the release does not go live.")})
    if decision == Release.Decision.GO and not note.strip():
        results = list(release.test_items.values_list("result", flat=True))
        if any(result != TestItem.Result.PASSED for result in results):
            raise ValidationError(
                {
                    "decision_note": _(
                        "Not every test passed: say why the release may go live anyway."
                    )
                }
            )
    release.decision, release.decision_note = decision, note
    release.decided_by, release.decided_at = user, timezone.now()
    release.save(update_fields=["decision", "decision_note", "decided_by", "decided_at"])
    return release


def _moment(day: date, today: date) -> datetime:
    """When something happened on `day`: now for today, else midday of that day."""
    if day == today:
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, time(12)))


@transaction.atomic
def release_go_live(
    *, release: Release, user, on: date | None = None, today: date | None = None
) -> Release:
    """The release is live: the wishes it delivers are in production."""
    today = today or timezone.localdate()
    on = on or today
    release = _locked_release(release)
    if release.decision != Release.Decision.GO:
        raise NotAllowed(_("Record a “go” before the release goes live."))
    if on > today:
        raise ValidationError({"actual_date": _("A release cannot go live in the future.")})
    release.status, release.actual_date = Release.Status.LIVE, on
    release.save(update_fields=["status", "actual_date"])
    at = _moment(on, today)
    for change_request in _wishes_of(release, [S.PLANNED, S.IN_TEST]):
        _move(change_request, S.IN_PRODUCTION, user=user, note=str(release), at=at, recompute=False)
    recompute_lead_time_kpis()
    return release


@transaction.atomic
def release_cancel(*, release: Release, user, note: str) -> Release:
    """The release will not come: its wishes are to be planned again."""
    if not note.strip():
        raise ValidationError({"note": _("Say why the release is cancelled.")})
    release = _locked_release(release)
    release.status = Release.Status.CANCELLED
    release.decision_note = note
    release.save(update_fields=["status", "decision_note"])
    for change_request in _wishes_of(release, [S.PLANNED, S.IN_TEST]):
        _move(
            change_request,
            S.IN_REVIEW,
            user=user,
            note=note,
            fields={"plan": "", "release": None},
        )
    return release


# Release notes come as documents people open, never as pages the browser renders.
DOCUMENT_EXTENSIONS = (".pdf", ".docx", ".xlsx", ".odt", ".txt", ".md")


def release_document_save(*, release: Release, upload, user) -> ReleaseDocument:
    """Keep the supplier's release notes file with the release (one per release;
    a new one replaces it), within the upload cap."""
    name = (getattr(upload, "name", "") or "").rsplit("/", 1)[-1][:255]
    if not name.lower().endswith(DOCUMENT_EXTENSIONS):
        raise UploadRefused(
            _("Upload the release notes as %(kinds)s.") % {"kinds": ", ".join(DOCUMENT_EXTENSIONS)}
        )
    check_size(upload, Caps.from_settings())
    upload.seek(0)
    content = upload.read()
    document, _created = ReleaseDocument.objects.update_or_create(
        release=release,
        defaults={
            "filename": name,
            "size": len(content),
            "content": content,
            "uploaded_by": user,
        },
    )
    return document


@transaction.atomic
def test_result_record(*, item: TestItem, result: str, note: str = "", user) -> TestItem:
    """Record the latest result of a test item; the change history keeps the
    earlier ones (a failure, then a pass after the supplier's fix)."""
    if result == TestItem.Result.FAILED and not note.strip():
        raise ValidationError({"result_note": _("Describe what went wrong.")})
    _locked_release(item.release)
    item = TestItem.objects.select_for_update().get(pk=item.pk)
    item.result, item.result_note = result, note
    item.tested_at, item.tested_by = timezone.now(), user
    item.save()
    return item


# --- Contracts ------------------------------------------------------------------------------

NOTICE_WARNING_DAYS = 90


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier); the 31st becomes the month's last day."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def notice_by(term_end: date, notice_months: int) -> date:
    """The last day notice can be given for a term ending on `term_end`: the
    notice period must fit whole before the end, so a term to 30 June with
    three months' notice needs notice by 31 March."""
    return add_months(term_end + timedelta(days=1), -notice_months) - timedelta(days=1)


def contract_term(
    *, end_date: date | None, notice_months: int, renewal_months: int, today: date
) -> tuple[date | None, date | None]:
    """The end of the term notice can still be given for, and the last day to
    give it: (None, None) for a contract without an end. A contract that renews
    by itself moves on to the next term once the notice day has passed; one
    that does not keeps its end (and a notice day that may lie behind)."""
    if end_date is None:
        return None, None
    end = end_date
    last_day = notice_by(end, notice_months)
    # Terms count from the first one, so the 31st does not drift to the 28th.
    terms = 0
    while renewal_months and last_day < today:
        terms += 1
        end = add_months(end_date + timedelta(days=1), renewal_months * terms) - timedelta(days=1)
        last_day = notice_by(end, notice_months)
    return end, last_day


def notice_soon(last_day: date | None, *, today: date) -> bool:
    """Whether the last day to give notice falls within the warning window."""
    return last_day is not None and today <= last_day <= today + timedelta(days=NOTICE_WARNING_DAYS)


# --- Training -------------------------------------------------------------------------------


@transaction.atomic
def session_plan(
    *,
    course,
    date: date,
    participants=(),
    trainer=None,
    trainer_name: str = "",
    place: str = "",
    note: str = "",
    today: date | None = None,
) -> TrainingSession:
    """Plan a session (or record one held) with its participants."""
    session = TrainingSession.objects.create(
        course=course,
        date=date,
        trainer=trainer,
        trainer_name=trainer_name,
        place=place,
        note=note,
    )
    attendance_save(session=session, attended={}, add=participants, today=today)
    return session


@transaction.atomic
def attendance_save(
    *,
    session: TrainingSession,
    attended: dict[int, bool | None],
    add=(),
    today: date | None = None,
) -> None:
    """Record who came ({person id: attended}) and register more people."""
    today = today or timezone.localdate()
    for attendance in session.attendances.select_for_update():
        if (
            attendance.person_id in attended
            and attendance.attended != attended[attendance.person_id]
        ):
            attendance.attended = attended[attendance.person_id]
            attendance.save(update_fields=["attended"])
    known = set(session.attendances.values_list("person_id", flat=True))
    # People added to a session in the past took part; to a coming one, they are registered.
    came = True if session.date <= today else None
    TrainingAttendance.objects.bulk_create(
        TrainingAttendance(session=session, person=person, attended=came)
        for person in add
        if person.pk not in known
    )
    if add:
        data_versions.changed("operations")  # bulk writes send no signals
