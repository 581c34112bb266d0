"""The rules of the governance cycle.

- A forum meets on a cadence: the next meeting falls one step after the
  latest, moved on by whole steps while that lies in the past (a missed
  meeting is not made up) and off the weekend onto the Monday.
- The agenda is proposed from the data: standing items, the forum's open
  actions, and per kind of forum what needs its attention (see
  `agenda_proposal`). The chair picks, reorders and adds free items.
- A meeting is minuted per agenda item and then closed; after that its
  minutes and decisions are read-only and corrections are logged amendments.
- One action register: every source creates its actions with `action_create`;
  a finished action has the date it was done, a cancelled one says why.
"""

import calendar
from dataclasses import dataclass
from datetime import date, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from beheer.models import Person
from beheer.risks import knowledge_risks
from governance import selectors
from governance.models import (
    Action,
    AgendaItem,
    Attendance,
    Cadence,
    Decision,
    Forum,
    Meeting,
    MeetingAmendment,
)
from kpi.services import factor_checklist
from matrix.mutations import mutations_list

# --- Cadence ------------------------------------------------------------------------

WEEKS = {Cadence.WEEKLY: 1, Cadence.TWO_WEEKS: 2, Cadence.FOUR_WEEKS: 4}
MONTHS = {Cadence.MONTHLY: 1, Cadence.QUARTERLY: 3, Cadence.HALF_YEARLY: 6, Cadence.YEARLY: 12}
# A first meeting, or one of a forum that meets as needed, is proposed this far
# ahead: time to send the invitations.
NOTICE_DAYS = 7


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the 31st becomes the month's last day."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def cadence_step(day: date, cadence: str) -> date | None:
    """One step of the cadence after `day`; None for a forum that meets as needed."""
    if cadence in WEEKS:
        return day + timedelta(weeks=WEEKS[cadence])
    if cadence in MONTHS:
        return add_months(day, MONTHS[cadence])
    return None


def working_day(day: date) -> date:
    """A Saturday or Sunday moves to the Monday after."""
    return day + timedelta(days=max(0, 7 - day.weekday())) if day.weekday() >= 5 else day


def next_meeting_date(*, cadence: str, last: date | None, today: date) -> date:
    """The date to propose for a forum's next meeting."""
    first_possible = working_day(today + timedelta(days=NOTICE_DAYS))
    if last is None or cadence not in WEEKS | MONTHS:
        return first_possible
    # Monthly steps count from the latest meeting each time, so the 31st does
    # not wander to the 28th for good; weeks keep the weekday anyway.
    steps, candidate = 1, cadence_step(last, cadence)
    while candidate < today:
        steps += 1
        candidate = (
            last + timedelta(weeks=WEEKS[cadence] * steps)
            if cadence in WEEKS
            else add_months(last, MONTHS[cadence] * steps)
        )
    return working_day(candidate)


def forum_next_date(*, forum: Forum, today: date) -> date:
    latest = selectors.latest_meeting(forum=forum)
    return next_meeting_date(
        cadence=forum.cadence, last=latest.date if latest else None, today=today
    )


# --- Meetings ------------------------------------------------------------------------


class MeetingClosed(Exception):
    """The meeting was closed: its minutes and decisions are read-only."""


def _open_meeting(meeting: Meeting) -> Meeting:
    """The meeting, locked until the transaction ends, if it is still open: a
    write and the closing of the meeting never cross."""
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.is_closed:
        raise MeetingClosed(str(meeting))
    return locked


@transaction.atomic
def meeting_plan(
    *,
    forum: Forum,
    date: date,
    start_time: time | None = None,
    duration: int = 90,
    place: str = "",
    link: str = "",
    user=None,
    today: date | None = None,
) -> Meeting:
    """Plan a meeting and invite the forum's members of today."""
    today = today or timezone.localdate()
    meeting = Meeting.objects.create(
        forum=forum,
        date=date,
        start_time=start_time,
        duration=duration,
        place=place,
        link=link,
        created_by=user,
    )
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, person=person)
        for person in selectors.invitees(forum=forum, today=today)
    )
    return meeting


def meeting_update(*, meeting: Meeting, changed: list[str]) -> None:
    """After the meeting's details were edited: calendars must replace the event."""
    if {"date", "start_time", "duration", "place", "link"} & set(changed):
        Meeting.objects.filter(pk=meeting.pk).update(sequence=meeting.sequence + 1)
        meeting.sequence += 1


@transaction.atomic
def attendance_save(
    *, meeting: Meeting, present: dict[int, bool | None], guests=(), other_guests: str = ""
) -> None:
    """Record who came ({person id: present}), add guests from the register."""
    meeting = _open_meeting(meeting)
    for attendance in meeting.attendances.all():
        if attendance.person_id in present and attendance.present != present[attendance.person_id]:
            attendance.present = present[attendance.person_id]
            attendance.save(update_fields=["present"])
    known = set(meeting.attendances.values_list("person_id", flat=True))
    for person in guests:
        if person.pk not in known:
            Attendance.objects.create(meeting=meeting, person=person, present=True, is_guest=True)
    if other_guests != meeting.other_guests:
        meeting.other_guests = other_guests
        meeting.save(update_fields=["other_guests"])


@transaction.atomic
def meeting_close(*, meeting: Meeting, user, today: date | None = None) -> Meeting:
    """Close a meeting that has taken place: from now on its minutes and
    decisions are read-only."""
    today = today or timezone.localdate()
    meeting = _open_meeting(meeting)
    if meeting.date > today:
        raise ValidationError(_("A meeting can be closed once it has taken place."))
    meeting.status = Meeting.Status.CLOSED
    meeting.closed_at = timezone.now()
    meeting.closed_by = user
    meeting.save(update_fields=["status", "closed_at", "closed_by"])
    return meeting


@transaction.atomic
def meeting_amend(
    *,
    meeting: Meeting,
    text: str,
    user,
    agenda_item: AgendaItem | None = None,
    decision: Decision | None = None,
) -> MeetingAmendment:
    """Log a correction to the minutes or a decision of a closed meeting."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.is_closed:
        raise ValidationError(_("Correct an open meeting's minutes in place."))
    if (agenda_item and agenda_item.meeting_id != meeting.pk) or (
        decision and decision.meeting_id != meeting.pk
    ):
        raise ValidationError(_("That is not part of this meeting."))
    return MeetingAmendment.objects.create(
        meeting=meeting, agenda_item=agenda_item, decision=decision, text=text, made_by=user
    )


@transaction.atomic
def meeting_delete(*, meeting: Meeting) -> None:
    """A planned meeting without decisions or actions may go (planned by mistake)."""
    meeting = _open_meeting(meeting)
    if meeting.decisions.exists() or meeting.actions.exists():
        raise ValidationError(_("This meeting has decisions or actions; it cannot be deleted."))
    meeting.delete()


# --- The agenda ------------------------------------------------------------------------


@dataclass(frozen=True)
class ProposedItem:
    """An agenda item the data asks for; `key` says which rule proposed it."""

    key: str
    kind: str
    title: str
    description: str = ""
    link: str = ""


OPENING, PREVIOUS, ACTIONS, CLOSING = "opening", "previous", "actions", "closing"
# How many names an item lists before it says "and N more".
LISTED = 8


def _listing(lines: list[str]) -> str:
    shown = lines[:LISTED]
    if len(lines) > LISTED:
        more = len(lines) - LISTED
        shown.append(
            ngettext("… and %(count)s more", "… and %(count)s more", more) % {"count": more}
        )
    return "\n".join(f"- {line}" for line in shown)


def _actions_item(forum: Forum, today: date) -> ProposedItem | None:
    actions = list(Action.objects.unfinished().filter(forum=forum).select_related("owner"))
    if not actions:
        return None
    overdue = [a for a in actions if a.is_overdue(today)]
    title = ngettext(
        "Action list: %(count)s open action", "Action list: %(count)s open actions", len(actions)
    ) % {"count": len(actions)}
    if overdue:
        title += ngettext(", %(count)s overdue", ", %(count)s overdue", len(overdue)) % {
            "count": len(overdue)
        }
    # Translated outside the f-strings, where gettext's extractor cannot see them.
    no_owner, due = _("no owner"), _("due")
    lines = [
        f"{a.title} ({a.owner or no_owner}"
        + (f", {due} {a.due_date:%d-%m-%Y}" if a.due_date else "")
        + ")"
        for a in sorted(actions, key=lambda a: (not a.is_overdue(today), a.due_date or date.max))
    ]
    return ProposedItem(
        ACTIONS,
        AgendaItem.Kind.ACTIONS,
        title,
        _listing(lines),
        reverse("governance:actions") + f"?forum={forum.pk}&status=unfinished",
    )


def _beheeroverleg_items(today: date) -> list[ProposedItem]:
    items = []
    report = knowledge_risks(today=today)
    if report.total:
        lines = [
            f"{rule.title}: {', '.join(str(f.subject) for f in rule.findings[:LISTED])}"
            + (f" (+{rule.count - LISTED})" if rule.count > LISTED else "")
            for rule in report.rules
            if rule.findings
        ]
        items.append(
            ProposedItem(
                "risks",
                AgendaItem.Kind.RISKS,
                ngettext(
                    "Knowledge risks: %(count)s finding",
                    "Knowledge risks: %(count)s findings",
                    report.total,
                )
                % {"count": report.total},
                "\n".join(f"- {line}" for line in lines),
                reverse("beheer:risks"),
            )
        )
    broken = selectors.broken_matrix_rows()
    if broken:
        items.append(
            ProposedItem(
                "matrix",
                AgendaItem.Kind.MATRIX,
                ngettext(
                    "Management matrix: %(count)s task breaks the rules",
                    "Management matrix: %(count)s tasks break the rules",
                    len(broken),
                )
                % {"count": len(broken)},
                _listing(
                    [f"{row.activity.title}: {', '.join(row.problem_labels)}" for row in broken]
                ),
                reverse("matrix:grid") + "?invalid=1",
            )
        )
    attention = selectors.kpis_needing_attention(today=today)
    if attention:
        items.append(
            ProposedItem(
                "kpis",
                AgendaItem.Kind.KPIS,
                ngettext(
                    "KPIs: %(count)s off track or without recent data",
                    "KPIs: %(count)s off track or without recent data",
                    len(attention),
                )
                % {"count": len(attention)},
                _listing([f"{k.kpi.name}: {k.status_label}" for k in attention]),
                reverse("kpi:dashboard"),
            )
        )
    rounds = selectors.open_review_rounds()
    if rounds:
        items.append(
            ProposedItem(
                "reviews",
                AgendaItem.Kind.REVIEWS,
                ngettext(
                    "Access reviews: %(count)s round open",
                    "Access reviews: %(count)s rounds open",
                    len(rounds),
                )
                % {"count": len(rounds)},
                _listing(
                    [
                        _("%(round)s, deadline %(date)s")
                        % {"round": r.name, "date": f"{r.deadline:%d-%m-%Y}"}
                        for r in rounds
                    ]
                ),
                reverse("matrix:reviews"),
            )
        )
    changes = mutations_list(since=today - timedelta(days=30), today=today)
    to_do = sum(entry.open_count for entry in changes)
    if to_do:
        items.append(
            ProposedItem(
                "mutations",
                AgendaItem.Kind.MUTATIONS,
                ngettext(
                    "Changes to rights: %(count)s still to do",
                    "Changes to rights: %(count)s still to do",
                    to_do,
                )
                % {"count": to_do},
                _listing(
                    [
                        f"{entry.person.name}: {entry.open_count}"
                        for entry in changes
                        if entry.open_count
                    ]
                ),
                reverse("matrix:mutations"),
            )
        )
    return items


def _stuurgroep_items(today: date, since: date | None) -> list[ProposedItem]:
    items = []
    for assessment in selectors.assessments_published_since(since):
        items.append(
            ProposedItem(
                f"maturity:{assessment.pk}",
                AgendaItem.Kind.MATURITY,
                _("Maturity results: %(assessment)s") % {"assessment": assessment},
                _("Published on %(date)s.")
                % {"date": f"{timezone.localtime(assessment.published_at):%d-%m-%Y}"},
                reverse("maturity:results", args=[assessment.pk]),
            )
        )
    checklist = factor_checklist(today=today)
    if checklist.total:
        lines = [f"{theme.label}: {theme.percent}%" for theme in checklist.themes]
        if checklist.overdue:
            lines.append(
                ngettext(
                    "%(count)s factor action overdue",
                    "%(count)s factor actions overdue",
                    len(checklist.overdue),
                )
                % {"count": len(checklist.overdue)}
            )
        items.append(
            ProposedItem(
                "factors",
                AgendaItem.Kind.FACTORS,
                _("Success factors: %(in_place)s of %(total)s present or anchored (%(percent)s%%)")
                % {
                    "in_place": checklist.in_place,
                    "total": checklist.total,
                    "percent": checklist.percent,
                },
                "\n".join(f"- {line}" for line in lines),
                reverse("kpi:factors"),
            )
        )
    version = selectors.latest_matrix_version()
    if version is None:
        items.append(
            ProposedItem(
                "matrix_version",
                AgendaItem.Kind.MATRIX_VERSION,
                _("Management matrix: adopt a first version"),
                _("No version of the management matrix has been adopted yet."),
                reverse("matrix:versions"),
            )
        )
    else:
        items.append(
            ProposedItem(
                "matrix_version",
                AgendaItem.Kind.MATRIX_VERSION,
                _("Management matrix: %(version)s") % {"version": version},
                version.note,
                version.get_absolute_url(),
            )
        )
    return items


def _supplier_items(forum: Forum, today: date) -> list[ProposedItem]:
    items = []
    if forum.supplier_id:
        supplier = forum.supplier
        items.append(
            ProposedItem(
                f"supplier:{supplier.pk}",
                AgendaItem.Kind.SUPPLIER,
                _("Service levels and SLA notes of %(supplier)s") % {"supplier": supplier},
                supplier.sla_notes,
                supplier.get_absolute_url(),
            )
        )
    components = list(selectors.forum_components(forum))
    attention: dict[int, list] = {}
    for entry in selectors.kpis_needing_attention(today=today, components=components):
        attention.setdefault(entry.kpi.component_id, []).append(entry)
    open_actions: dict[int, int] = {}
    for component_id in (
        Action.objects.unfinished()
        .filter(component__in=components)
        .values_list("component", flat=True)
    ):
        open_actions[component_id] = open_actions.get(component_id, 0) + 1
    for component in components:
        lines = [line for line in component.work_agreements.splitlines() if line.strip()]
        lines += [f"{k.kpi.name}: {k.status_label}" for k in attention.get(component.pk, [])]
        if open_actions.get(component.pk):
            lines.append(
                ngettext(
                    "%(count)s open action", "%(count)s open actions", open_actions[component.pk]
                )
                % {"count": open_actions[component.pk]}
            )
        items.append(
            ProposedItem(
                f"component:{component.pk}",
                AgendaItem.Kind.SUPPLIER,
                _("%(component)s: how it runs, and what is coming") % {"component": component},
                "\n".join(f"- {line}" for line in lines),
                component.get_absolute_url(),
            )
        )
    return items


def agenda_proposal(*, meeting: Meeting, today: date | None = None) -> list[ProposedItem]:
    """The agenda the data proposes for `meeting`, in the order it is held:
    opening, the previous meeting's minutes, the forum's open actions, what
    the forum's kind asks for, any other business. A fixed number of queries,
    whatever the amount of data."""
    today = today or timezone.localdate()
    forum = meeting.forum
    previous = selectors.latest_meeting(forum=forum, before=meeting)
    items = [ProposedItem(OPENING, AgendaItem.Kind.STANDARD, _("Opening and agenda"))]
    if previous is not None:
        items.append(
            ProposedItem(
                PREVIOUS,
                AgendaItem.Kind.STANDARD,
                _("Minutes and decisions of %(date)s") % {"date": f"{previous.date:%d-%m-%Y}"},
                link=previous.get_absolute_url(),
            )
        )
    if (actions := _actions_item(forum, today)) is not None:
        items.append(actions)
    if forum.kind == Forum.Kind.BEHEEROVERLEG:
        items += _beheeroverleg_items(today)
    elif forum.kind == Forum.Kind.STUURGROEP:
        items += _stuurgroep_items(today, previous.date if previous else None)
    elif forum.kind == Forum.Kind.SUPPLIER:
        items += _supplier_items(forum, today)
    items.append(ProposedItem(CLOSING, AgendaItem.Kind.STANDARD, _("Any other business and close")))
    return items


def _placement(item: AgendaItem) -> int:
    """Opening first and closing last, whatever was added in between."""
    return {OPENING: 0, CLOSING: 2}.get(item.key, 1)


def _renumber(items: list[AgendaItem]) -> None:
    for order, item in enumerate(items, start=1):
        if item.order != order:
            item.order = order
            item.save(update_fields=["order"])


@transaction.atomic
def agenda_accept(*, meeting: Meeting, proposal: list[ProposedItem], keys) -> list[AgendaItem]:
    """Put the chosen items of a proposal on the agenda; items proposed by the
    same rule before are not repeated."""
    meeting = _open_meeting(meeting)
    items = list(meeting.items.all())
    present = {item.key for item in items if item.key}
    added = []
    for proposed in proposal:
        if proposed.key in keys and proposed.key not in present:
            added.append(
                AgendaItem.objects.create(
                    meeting=meeting,
                    order=len(items) + len(added) + 1,
                    kind=proposed.kind,
                    key=proposed.key,
                    title=proposed.title[:300],
                    description=proposed.description,
                    link=proposed.link[:300],
                )
            )
    _renumber(sorted(items + added, key=_placement))
    return added


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, title: str, description: str = "") -> AgendaItem:
    """A free item goes before "any other business"."""
    meeting = _open_meeting(meeting)
    items = list(meeting.items.all())
    item = AgendaItem.objects.create(
        meeting=meeting,
        order=len(items) + 1,
        kind=AgendaItem.Kind.FREE,
        title=title,
        description=description,
    )
    _renumber(sorted([*items, item], key=_placement))
    return item


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, up: bool) -> None:
    _open_meeting(item.meeting)
    items = list(item.meeting.items.all())
    index = next(i for i, sibling in enumerate(items) if sibling.pk == item.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
        _renumber(items)


@transaction.atomic
def agenda_item_remove(*, item: AgendaItem) -> None:
    meeting = _open_meeting(item.meeting)
    if item.decisions.exists():
        raise ValidationError(_("A decision was taken on this item; it stays on the agenda."))
    item.delete()
    _renumber(list(meeting.items.all()))


def item_versions(items) -> dict[int, str]:
    """Per agenda item the version its minutes are based on (beheer.history's
    meaning: the id of its newest change record), in one query."""
    ids = [item.pk for item in items]
    latest = dict(
        AgendaItem.history.filter(id__in=ids)
        .values("id")
        .annotate(latest=Max("history_id"))
        .values_list("id", "latest")
    )
    return {pk: str(latest.get(pk) or 0) for pk in ids}


@dataclass(frozen=True)
class MinutesConflict:
    item: AgendaItem
    saved: str
    yours: str


@transaction.atomic
def minutes_save(
    *, meeting: Meeting, minutes: dict[int, str], seen: dict[int, str]
) -> list[MinutesConflict]:
    """Save the minutes per agenda item ({item id: text}).

    An item someone else minuted since the form was opened (its version moved
    on) is not overwritten: then nothing is saved and the conflicts come back,
    so the writer compares and saves again knowingly."""
    meeting = _open_meeting(meeting)
    items = list(meeting.items.all())
    versions = item_versions(items)
    changed, conflicts = [], []
    for item in items:
        text = minutes.get(item.pk)
        if text is None or text == item.minutes:
            continue
        if seen.get(item.pk) != versions[item.pk]:
            conflicts.append(MinutesConflict(item, item.minutes, text))
        changed.append((item, text))
    if conflicts:
        return conflicts
    for item, text in changed:
        item.minutes = text
        item.save(update_fields=["minutes"])
    return []


# --- Decisions and actions ------------------------------------------------------------


def _concern_values(model, concerns) -> dict:
    values = {}
    for obj in concerns:
        if obj is not None:
            values[selectors.concern_field(model, type(obj))] = obj
    return values


@transaction.atomic
def decision_record(
    *,
    forum: Forum,
    text: str,
    date: date | None = None,
    rationale: str = "",
    meeting: Meeting | None = None,
    agenda_item: AgendaItem | None = None,
    concerns=(),
    user=None,
) -> Decision:
    """Record a decision of `forum`, in one of its meetings or outside one
    (e.g. when the MT adopts a matrix version: concerns=[version]). `concerns`
    are the objects it is about; each goes to its own link."""
    if meeting is not None:
        meeting = _open_meeting(meeting)
        if meeting.forum_id != forum.pk:
            raise ValidationError(_("That meeting belongs to another forum."))
    if agenda_item is not None and (meeting is None or agenda_item.meeting_id != meeting.pk):
        raise ValidationError(_("That is not part of this meeting."))
    return Decision.objects.create(
        forum=forum,
        meeting=meeting,
        agenda_item=agenda_item,
        date=date or (meeting.date if meeting else timezone.localdate()),
        text=text,
        rationale=rationale,
        recorded_by=user,
        **_concern_values(Decision, concerns),
    )


@transaction.atomic
def decision_update(*, decision: Decision, **fields) -> Decision:
    if decision.meeting_id is not None:
        _open_meeting(decision.meeting)
    for name, value in fields.items():
        setattr(decision, name, value)
    decision.save()
    return decision


@transaction.atomic
def decision_delete(*, decision: Decision) -> None:
    if decision.meeting_id is not None:
        _open_meeting(decision.meeting)
    decision.delete()


@transaction.atomic
def action_create(
    *,
    source: str,
    title: str,
    owner: Person | None = None,
    due_date: date | None = None,
    description: str = "",
    concerns=(),
    forum: Forum | None = None,
    meeting: Meeting | None = None,
    decision: Decision | None = None,
    user=None,
) -> Action:
    """Add an action to the register. Every source uses this, e.g. a factor
    review: action_create(source=Action.Source.FACTOR_REVIEW, title=...,
    owner=..., due_date=..., concerns=[review, review.factor], user=user).

    An action agreed in a meeting belongs to the meeting's forum; it is
    recorded while the meeting is open."""
    if meeting is not None:
        meeting = _open_meeting(meeting)
        forum = forum or meeting.forum
    if decision is not None:
        forum = forum or decision.forum
    action = Action.objects.create(
        source=source,
        title=title,
        description=description,
        owner=owner,
        due_date=due_date,
        forum=forum,
        meeting=meeting,
        decision=decision,
        created_by=user,
        **_concern_values(Action, concerns),
    )
    _tell_the_owner(action, by=user)
    return action


def _tell_the_owner(action: Action, *, by) -> None:
    """An action someone else gives a person reaches them by message (not the
    ones they note down for themselves)."""
    from notifications.services import notify  # notifications reads this app

    owner_user = action.owner.user if action.owner_id else None
    if owner_user is None or owner_user == by:
        return
    notify(
        owner_user,
        "action-assigned",
        subject=gettext_lazy("New action for you: %(title)s"),
        text=gettext_lazy("You are the owner of the action “%(title)s”, due %(due)s."),
        url=action.get_absolute_url(),
        key=f"action-assigned:{action.pk}:{action.owner_id}",
        params={
            "title": action.title,
            "due": action.due_date.strftime("%d-%m-%Y") if action.due_date else "—",
        },
    )


@transaction.atomic
def action_set_status(
    *,
    action: Action,
    status: str,
    note: str = "",
    done_on: date | None = None,
    today: date | None = None,
) -> Action:
    """Move an action to `status`. Done: on `done_on` (today when not given,
    never in the future); cancelled: with a note saying why; any other status
    has no date it was done."""
    today = today or timezone.localdate()
    if status == Action.Status.CANCELLED and not note.strip():
        raise ValidationError({"status_note": _("Say why the action is cancelled.")})
    if status == Action.Status.DONE:
        done_on = done_on or today
        if done_on > today:
            raise ValidationError({"done_on": _("An action cannot be done in the future.")})
    else:
        done_on = None
    action = Action.objects.select_for_update().get(pk=action.pk)
    action.status, action.status_note, action.done_on = status, note, done_on
    action.save(update_fields=["status", "status_note", "done_on"])
    return action
