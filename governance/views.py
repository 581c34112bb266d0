"""Forums, meetings (agenda, minutes, closing), the decision log and the action list."""

from datetime import timedelta
from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tables2 import RequestConfig

from beheer.history import edit_conflict, form_version, history_entries
from beheer.models import OrganisationSettings
from beheer.xlsx import xlsx_response
from governance import access, ics, selectors, services
from governance.excel import decisions_workbook
from governance.filters import ActionFilter, DecisionFilter
from governance.forms import (
    ActionForm,
    ActionStatusForm,
    AgendaItemForm,
    AmendmentForm,
    AttendanceForm,
    DecisionForm,
    ForumForm,
    MeetingForm,
    MinutesForm,
)
from governance.models import Action, AgendaItem, Decision, Forum, Meeting, MeetingAmendment
from governance.tables import ActionTable, DecisionTable, ForumTable


def _redirect_when_closed(view):
    """A write to a meeting that was closed meanwhile ends on the meeting's page,
    which says why nothing changed."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except services.MeetingClosed as closed:
            messages.error(
                request,
                _(
                    "This meeting is closed: its minutes and decisions can no longer be "
                    "changed. Add a correction instead."
                ),
            )
            return redirect(closed.args[0])

    return wrapped


def _meeting(request, pk, *, edit: bool = False) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("forum", "forum__chair"), pk=pk)
    if edit:
        access.require(
            access.can_edit_meetings(request.user, meeting.forum),
            _(
                "Only the chair and the application management team prepare and minute "
                "this forum's meetings."
            ),
        )
    else:
        access.require(access.can_read_forum(request.user, meeting.forum), _("Members only."))
    return meeting


def _open(meeting: Meeting) -> Meeting:
    if meeting.is_closed:
        raise services.MeetingClosed(meeting)
    return meeting


def _form_page(request, form, *, title, obj=None, cancel_url=None, conflicts=None, **extra):
    return render(
        request,
        "governance/form.html",
        {
            "form": form,
            "title": title,
            "object": obj,
            "cancel_url": cancel_url,
            "conflicts": conflicts,
            "seen_version": (
                form_version(request, obj, shown_current=conflicts is not None)
                if obj is not None and hasattr(obj, "history")
                else None
            ),
            **extra,
        },
    )


def _edit(request, form, obj, *, title, cancel_url):
    """Save the ModelForm of an existing `obj` unless someone changed it since
    the form was opened; (saved object, None) or (None, the form page again)."""
    posted = request.method == "POST" and form.is_valid()
    conflicts = edit_conflict(request, obj, form) if posted else None
    if posted and conflicts is None:
        instance = form.save()
        messages.success(request, _("%(object)s has been saved.") % {"object": instance})
        return instance, None
    return None, _form_page(
        request, form, title=title, obj=obj, cancel_url=cancel_url, conflicts=conflicts
    )


# --- Forums -----------------------------------------------------------------------------


def forums(request):
    today = timezone.localdate()
    show_all = request.GET.get("alle") == "1"
    readable = access.readable_forums(request.user, Forum.objects.all())
    listed = readable if show_all else readable.filter(is_active=True)
    table = ForumTable(selectors.forum_rows(listed, today=today))
    RequestConfig(request, paginate={"per_page": 25}).configure(table)
    mine = selectors.actions_of_person(person=access.person_of(request.user), today=today)
    return render(
        request,
        "governance/forums.html",
        {
            "table": table,
            "show_all": show_all,
            "has_inactive": readable.filter(is_active=False).exists(),
            "can_run": access.can_run(request.user),
            "my_actions": mine,
            "today": today,
        },
    )


def forum_detail(request, pk):
    forum = get_object_or_404(Forum.objects.select_related("chair", "supplier"), pk=pk)
    access.require(access.can_read_forum(request.user, forum), _("Members only."))
    today = timezone.localdate()
    coming, past = selectors.forum_page_meetings(forum, today=today)
    actions = ActionTable(
        selectors.actions_listed(forum.actions.unfinished()), today=today, orderable=False
    )
    RequestConfig(request, paginate={"per_page": 25}).configure(actions)
    decisions = list(selectors.decisions_listed(forum.decisions.all())[:10])
    can_plan = access.can_edit_meetings(request.user, forum)
    return render(
        request,
        "governance/forum_detail.html",
        {
            "forum": forum,
            "purpose": forum.text("purpose"),
            "membership": selectors.forum_members(forum=forum, today=today),
            "components": list(selectors.forum_components(forum)),
            "next_meeting": coming[0] if coming else None,
            "coming": coming,
            "past": past,
            "actions": actions,
            "decisions": decisions,
            "decision_count": forum.decisions.count(),
            "can_edit": access.can_run(request.user),
            "can_plan": can_plan,
            "next_date": services.forum_next_date(forum=forum, today=today) if can_plan else None,
            "history": history_entries(forum) if access.can_run(request.user) else None,
            "feed_url": request.build_absolute_uri(
                reverse("governance:forum-feed", args=[forum.pk, feed_token(request.user, forum)])
            ),
            "today": today,
        },
    )


def forum_create(request):
    access.require(access.can_run(request.user))
    form = ForumForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        forum = form.save()
        messages.success(request, _("%(object)s has been added.") % {"object": forum})
        return redirect(forum)
    return _form_page(request, form, title=_("New forum"), cancel_url=reverse("governance:forums"))


def forum_edit(request, pk):
    access.require(access.can_run(request.user))
    forum = get_object_or_404(Forum, pk=pk)
    form = ForumForm(request.POST or None, instance=forum)
    saved, page = _edit(
        request, form, forum, title=_("Edit forum"), cancel_url=forum.get_absolute_url()
    )
    return redirect(saved) if saved else page


def forum_ics(request, pk):
    """The forum's meetings as a calendar file, for a signed-in reader."""
    forum = get_object_or_404(Forum, pk=pk)
    access.require(access.can_read_forum(request.user, forum), _("Members only."))
    return _feed(request, forum)


# A calendar application fetches a subscribed feed without the user's session:
# the address carries a signed (user, forum) pair instead. Access is checked
# on every fetch, so a feed stops working when its user loses access.
FEED_SALT = "governance.forum-feed"


def feed_token(user, forum: Forum) -> str:
    return signing.dumps([user.pk, forum.pk], salt=FEED_SALT, compress=True)


@login_not_required
def forum_feed(request, pk, token):
    try:
        user_pk, forum_pk = signing.loads(token, salt=FEED_SALT)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise Http404 from error
    forum = get_object_or_404(Forum, pk=pk)
    user = get_user_model().objects.filter(pk=user_pk, is_active=True).first()
    if forum_pk != forum.pk or user is None or not access.can_read_forum(user, forum):
        raise Http404
    return _feed(request, forum)


def _feed(request, forum: Forum):
    """The forum's meetings from a year back onwards."""
    since = timezone.localdate().replace(day=1) - timedelta(days=365)
    meetings = forum.meetings.filter(date__gte=since).select_related("forum").order_by("date")
    events = [
        ics.event_lines(
            m, url=request.build_absolute_uri(m.get_absolute_url()), host=request.get_host()
        )
        for m in meetings
    ]
    return ics.calendar_response(events, filename=f"overleg-{forum.pk}.ics", name=str(forum))


# --- Meetings -----------------------------------------------------------------------------


def meeting_create(request, pk):
    forum = get_object_or_404(Forum, pk=pk)
    access.require(access.can_edit_meetings(request.user, forum))
    today = timezone.localdate()
    form = MeetingForm(
        request.POST or None,
        initial={
            "date": services.forum_next_date(forum=forum, today=today),
            "start_time": forum.usual_time,
            "duration": forum.usual_duration,
            "place": forum.usual_place,
        },
    )
    if request.method == "POST" and form.is_valid():
        meeting = services.meeting_plan(forum=forum, user=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("The meeting of %(date)s has been planned. Propose its agenda next.")
            % {"date": f"{meeting.date:%d-%m-%Y}"},
        )
        return redirect(meeting)
    return _form_page(
        request,
        form,
        title=_("Plan a meeting of %(forum)s") % {"forum": forum},
        cancel_url=forum.get_absolute_url(),
        intro=_("The date follows the forum's rhythm: %(cadence)s.")
        % {"cadence": forum.get_cadence_display().lower()},
        submit_label=_("Plan the meeting"),
    )


def meeting_detail(request, pk):
    meeting = _meeting(request, pk)
    forum = meeting.forum
    amendments = Prefetch("amendments", queryset=MeetingAmendment.objects.select_related("made_by"))
    items = list(meeting.items.prefetch_related(amendments))
    decisions = list(selectors.decisions_listed(meeting.decisions.prefetch_related(amendments)))
    by_item = _group(decisions, "agenda_item_id")
    for item in items:
        item.item_decisions = by_item.get(item.pk, [])
    attendances = list(meeting.attendances.select_related("person"))
    can_edit = access.can_edit_meetings(request.user, forum)
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "meeting": meeting,
            "forum": forum,
            "items": items,
            "decisions": decisions,
            "actions": list(selectors.actions_listed(meeting.actions.all())),
            "present": [a for a in attendances if a.present],
            "absent": [a for a in attendances if a.present is False],
            "unrecorded": [a for a in attendances if a.present is None],
            "general_amendments": [
                a
                for a in meeting.amendments.select_related("made_by")
                if a.agenda_item_id is None and a.decision_id is None
            ],
            "can_edit": can_edit and not meeting.is_closed,
            "can_amend": can_edit and meeting.is_closed,
            "item_form": AgendaItemForm() if can_edit and not meeting.is_closed else None,
            "today": timezone.localdate(),
        },
    )


def _group(objects, attribute) -> dict:
    grouped: dict = {}
    for obj in objects:
        grouped.setdefault(getattr(obj, attribute), []).append(obj)
    return grouped


@_redirect_when_closed
def meeting_edit(request, pk):
    meeting = _open(_meeting(request, pk, edit=True))
    form = MeetingForm(request.POST or None, instance=meeting)
    saved, page = _edit(
        request, form, meeting, title=_("Edit meeting"), cancel_url=meeting.get_absolute_url()
    )
    if saved:
        services.meeting_update(meeting=saved, changed=form.changed_data)
        return redirect(saved)
    return page


@require_POST
@_redirect_when_closed
def meeting_delete(request, pk):
    meeting = _meeting(request, pk, edit=True)
    forum = meeting.forum
    try:
        services.meeting_delete(meeting=meeting)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(meeting)
    messages.success(request, _("The meeting has been deleted."))
    return redirect(forum)


@_redirect_when_closed
def agenda_propose(request, pk):
    meeting = _open(_meeting(request, pk, edit=True))
    proposal = services.agenda_proposal(meeting=meeting, today=timezone.localdate())
    present = set(meeting.items.exclude(key="").values_list("key", flat=True))
    if request.method == "POST":
        # Keys the data no longer proposes (a KPI back on track meanwhile) drop out.
        added = services.agenda_accept(
            meeting=meeting, proposal=proposal, keys=set(request.POST.getlist("keys"))
        )
        messages.success(
            request, _("%(count)s items have been put on the agenda.") % {"count": len(added)}
        )
        return redirect(meeting)
    return render(
        request,
        "governance/agenda_proposal.html",
        {
            "meeting": meeting,
            "proposal": [item for item in proposal if item.key not in present],
            "already": [item for item in proposal if item.key in present],
        },
    )


@_redirect_when_closed
def agenda_item_add(request, pk):
    meeting = _open(_meeting(request, pk, edit=True))
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.agenda_item_add(meeting=meeting, **form.cleaned_data)
        messages.success(request, _("The item has been added to the agenda."))
        return redirect(meeting)
    return _form_page(
        request,
        form,
        title=_("Add an agenda item"),
        cancel_url=meeting.get_absolute_url(),
        submit_label=_("Add the item"),
    )


def _item(request, pk) -> AgendaItem:
    item = get_object_or_404(
        AgendaItem.objects.select_related("meeting", "meeting__forum", "meeting__forum__chair"),
        pk=pk,
    )
    access.require(access.can_edit_meetings(request.user, item.meeting.forum))
    _open(item.meeting)
    return item


@_redirect_when_closed
def agenda_item_edit(request, pk):
    item = _item(request, pk)
    form = AgendaItemForm(request.POST or None, instance=item)
    saved, page = _edit(
        request,
        form,
        item,
        title=_("Edit agenda item"),
        cancel_url=item.meeting.get_absolute_url(),
    )
    return redirect(item.meeting) if saved else page


@require_POST
@_redirect_when_closed
def agenda_item_move(request, pk):
    item = _item(request, pk)
    services.agenda_item_move(item=item, up=request.POST.get("direction") == "up")
    return redirect(reverse("governance:meeting", args=[item.meeting_id]) + "#agenda")


@require_POST
@_redirect_when_closed
def agenda_item_delete(request, pk):
    item = _item(request, pk)
    try:
        services.agenda_item_remove(item=item)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("“%(item)s” has been taken off the agenda.") % {"item": item})
    return redirect(reverse("governance:meeting", args=[item.meeting_id]) + "#agenda")


@_redirect_when_closed
def minutes(request, pk):
    meeting = _open(_meeting(request, pk, edit=True))
    items = list(meeting.items.all())
    form = MinutesForm(request.POST or None, items=items, versions=services.item_versions(items))
    conflicts = []
    if request.method == "POST" and form.is_valid():
        conflicts = services.minutes_save(meeting=meeting, minutes=form.minutes(), seen=form.seen())
        if not conflicts:
            messages.success(request, _("The minutes have been saved."))
            return redirect(reverse("governance:meeting", args=[meeting.pk]) + "#agenda")
        # Shown now: the next save is made knowing what the other person wrote.
        data = request.POST.copy()
        current = services.item_versions(items)
        for conflict in conflicts:
            data[f"version_{conflict.item.pk}"] = current[conflict.item.pk]
        form = MinutesForm(data, items=items, versions=current)
        form.is_valid()
    return render(
        request,
        "governance/minutes_form.html",
        {"meeting": meeting, "form": form, "conflicts": conflicts},
    )


@_redirect_when_closed
def attendance(request, pk):
    meeting = _open(_meeting(request, pk, edit=True))
    attendances = list(meeting.attendances.select_related("person"))
    form = AttendanceForm(
        request.POST or None,
        attendances=attendances,
        initial={"other_guests": meeting.other_guests},
    )
    if request.method == "POST" and form.is_valid():
        services.attendance_save(
            meeting=meeting,
            present=form.presence(),
            guests=form.cleaned_data["guests"],
            other_guests=form.cleaned_data["other_guests"],
        )
        messages.success(request, _("The attendance has been saved."))
        return redirect(meeting)
    return render(request, "governance/attendance_form.html", {"meeting": meeting, "form": form})


@_redirect_when_closed
def meeting_close(request, pk):
    meeting = _open(_meeting(request, pk, edit=True))
    items = list(meeting.items.all())
    if request.method == "POST":
        try:
            services.meeting_close(meeting=meeting, user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect(meeting)
        messages.success(request, _("The meeting has been closed; its minutes are final."))
        return redirect(meeting)
    return render(
        request,
        "governance/meeting_close.html",
        {
            "meeting": meeting,
            "without_minutes": [item for item in items if not item.minutes.strip()],
            "item_count": len(items),
            "unrecorded": meeting.attendances.filter(present__isnull=True).count(),
            "decision_count": meeting.decisions.count(),
            "action_count": meeting.actions.count(),
            "too_early": meeting.date > timezone.localdate(),
        },
    )


def amendment_create(request, pk):
    meeting = _meeting(request, pk, edit=True)
    if not meeting.is_closed:
        messages.info(request, _("The meeting is still open: change its minutes in place."))
        return redirect(meeting)
    form = AmendmentForm(
        request.POST or None,
        items=meeting.items.all(),
        decisions=meeting.decisions.all(),
        initial={"concerns": request.GET.get("betreft", "")},
    )
    if request.method == "POST" and form.is_valid():
        services.meeting_amend(
            meeting=meeting, text=form.cleaned_data["text"], user=request.user, **form.target()
        )
        messages.success(request, _("The correction has been added to the minutes."))
        return redirect(meeting)
    return _form_page(
        request,
        form,
        title=_("Correct the minutes of %(meeting)s") % {"meeting": meeting},
        cancel_url=meeting.get_absolute_url(),
        intro=_(
            "The minutes are final; a correction is shown beside the original text, with "
            "your name and the date."
        ),
        submit_label=_("Add the correction"),
    )


def meeting_print(request, pk):
    meeting = _meeting(request, pk)
    items = list(meeting.items.all())
    decisions = list(meeting.decisions.all())
    by_item = _group(decisions, "agenda_item_id")
    for item in items:
        item.item_decisions = by_item.get(item.pk, [])
    attendances = list(meeting.attendances.select_related("person"))
    return render(
        request,
        "governance/meeting_print.html",
        {
            "meeting": meeting,
            "items": items,
            "decisions": decisions,
            "actions": list(meeting.actions.select_related("owner")),
            "attendances": attendances,
            "present": [a for a in attendances if a.present],
            "absent": [a for a in attendances if a.present is False],
            "amendments": list(meeting.amendments.select_related("made_by")),
            # Before the meeting the agenda; once minuted or closed, the minutes.
            "as_minutes": meeting.is_closed or any(item.minutes for item in items),
            "organisation": OrganisationSettings.for_request(request),
            "today": timezone.localdate(),
        },
    )


def meeting_ics(request, pk):
    meeting = _meeting(request, pk)
    agenda = "\n".join(
        f"{number}. {title}"
        for number, title in enumerate(meeting.items.values_list("title", flat=True), start=1)
    )
    event = ics.event_lines(
        meeting,
        url=request.build_absolute_uri(meeting.get_absolute_url()),
        host=request.get_host(),
        description=agenda,
    )
    return ics.calendar_response([event], filename=f"vergadering-{meeting.pk}.ics")


# --- Decisions -------------------------------------------------------------------------------


@_redirect_when_closed
def decision_create(request, pk):
    meeting = _open(_meeting(request, pk, edit=True))
    item = request.GET.get("agendapunt", "")
    form = DecisionForm(
        request.POST or None,
        meeting=meeting,
        initial={"agenda_item": item if item.isdecimal() else None},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        decision = services.decision_record(
            forum=meeting.forum,
            meeting=meeting,
            agenda_item=data["agenda_item"],
            text=data["text"],
            rationale=data["rationale"],
            concerns=[data[name] for name in Decision.CONCERN_FIELDS],
            user=request.user,
        )
        messages.success(request, _("The decision has been recorded."))
        return redirect(decision.get_absolute_url())
    return _form_page(
        request,
        form,
        title=_("Record a decision"),
        cancel_url=meeting.get_absolute_url(),
        intro=str(meeting),
        submit_label=_("Record the decision"),
    )


def _decision_for_edit(request, pk) -> Decision:
    decision = get_object_or_404(
        Decision.objects.select_related("meeting", "meeting__forum", "forum", "forum__chair"),
        pk=pk,
    )
    access.require(access.can_edit_meetings(request.user, decision.forum))
    if decision.meeting is None:
        access.require(access.can_run(request.user))
    else:
        _open(decision.meeting)
    return decision


@_redirect_when_closed
def decision_edit(request, pk):
    decision = _decision_for_edit(request, pk)
    form = DecisionForm(request.POST or None, instance=decision, meeting=decision.meeting)
    saved, page = _edit(
        request,
        form,
        decision,
        title=_("Edit decision"),
        cancel_url=decision.get_absolute_url(),
    )
    return redirect(saved.get_absolute_url()) if saved else page


@require_POST
@_redirect_when_closed
def decision_delete(request, pk):
    decision = _decision_for_edit(request, pk)
    services.decision_delete(decision=decision)
    messages.success(request, _("The decision has been deleted."))
    return redirect(decision.meeting or decision.forum)


def decisions(request):
    readable_forums = access.readable_forums(request.user, Forum.objects.all())
    queryset = access.readable_decisions(request.user, selectors.decisions_listed())
    decision_filter = DecisionFilter(request.GET or None, queryset=queryset, forums=readable_forums)
    table = DecisionTable(decision_filter.qs)
    RequestConfig(request, paginate={"per_page": 25}).configure(table)
    return render(
        request,
        "governance/decisions.html",
        {
            "filter": decision_filter,
            "table": table,
            "is_filtered": _is_filtered(request),
            "export_query": request.GET.urlencode(),
        },
    )


def _is_filtered(request) -> bool:
    return any(v for k, v in request.GET.items() if k not in ("sort", "page"))


def decisions_xlsx(request):
    readable_forums = access.readable_forums(request.user, Forum.objects.all())
    queryset = access.readable_decisions(request.user, selectors.decisions_listed())
    found = DecisionFilter(request.GET or None, queryset=queryset, forums=readable_forums).qs
    today = timezone.localdate()
    workbook = decisions_workbook(
        list(found),
        organisation=OrganisationSettings.for_request(request).name,
        today=today,
        filtered=_is_filtered(request),
        base_url=request.build_absolute_uri("/").rstrip("/"),
    )
    return xlsx_response(workbook, f"besluitenlijst-{today.isoformat()}.xlsx")


# --- Actions ---------------------------------------------------------------------------------


def actions(request):
    today = timezone.localdate()
    readable_forums = access.readable_forums(request.user, Forum.objects.all())
    queryset = access.readable_actions(request.user, selectors.actions_listed())
    # Without a choice of their own (also on page 2), people see what is still to do.
    data = request.GET.copy()
    data.setdefault("status", "unfinished")
    action_filter = ActionFilter(data, queryset=queryset, forums=readable_forums, user=request.user)
    table = ActionTable(action_filter.qs, today=today)
    RequestConfig(request, paginate={"per_page": 25}).configure(table)
    return render(
        request,
        "governance/actions.html",
        {
            "filter": action_filter,
            "table": table,
            "is_filtered": _is_filtered(request),
            "can_create": access.can_run(request.user),
            "mine": selectors.actions_of_person(person=access.person_of(request.user), today=today),
            "today": today,
        },
    )


@_redirect_when_closed
def action_create(request, pk=None):
    """A new action: agreed in meeting `pk`, or (without it) one of the beheerteam's own."""
    meeting = _open(_meeting(request, pk, edit=True)) if pk is not None else None
    if meeting is None:
        access.require(access.can_run(request.user))
    # Other pages propose an action ("find a deputy" from the knowledge-risk
    # report): its source, title and what it concerns come in the address.
    source = _proposed_source(request) if meeting is None else Action.Source.MEETING
    initial = {
        name: request.GET[name] for name in ("title", "role", "component") if request.GET.get(name)
    }
    form = ActionForm(request.POST or None, meeting=meeting, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = services.action_create(
            source=source,
            meeting=meeting,
            decision=data.get("decision"),
            title=data["title"],
            description=data["description"],
            owner=data["owner"],
            due_date=data["due_date"],
            concerns=[data.get(name) for name in ("component", "role", "kpi", "success_factor")],
            user=request.user,
        )
        messages.success(request, _("The action has been added: %(action)s") % {"action": action})
        return redirect(meeting or action)
    return _form_page(
        request,
        form,
        title=_("New action"),
        cancel_url=meeting.get_absolute_url() if meeting else reverse("governance:actions"),
        intro=str(meeting) if meeting else None,
        submit_label=_("Add the action"),
    )


# The sources another page may propose an action from; the others have their own forms.
PROPOSING_SOURCES = {Action.Source.KNOWLEDGE_RISK, Action.Source.ACCESS_REVIEW}


def _proposed_source(request) -> str:
    source = request.GET.get("source")
    return source if source in PROPOSING_SOURCES else Action.Source.OTHER


def _action(request, pk) -> Action:
    action = get_object_or_404(selectors.actions_listed().select_related("forum__chair"), pk=pk)
    access.require(access.can_read_action(request.user, action), _("Members only."))
    return action


def action_detail(request, pk):
    action = _action(request, pk)
    can_update = access.can_update_action(request.user, action)
    form = ActionStatusForm(request.POST or None, instance=action) if can_update else None
    conflicts = None
    if request.method == "POST":
        access.require(
            can_update, _("Only the owner and the application management team update this action.")
        )
        # The owner and the beheerteam may both update the status: neither overwrites the other.
        if form.is_valid() and (conflicts := edit_conflict(request, action, form)) is None:
            try:
                services.action_set_status(
                    action=action,
                    status=form.cleaned_data["status"],
                    note=form.cleaned_data["status_note"],
                    done_on=form.cleaned_data["done_on"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The action has been updated."))
                return redirect(action)
    return render(
        request,
        "governance/action_detail.html",
        {
            "action": action,
            "form": form,
            "can_edit": access.can_edit_action(request.user, action),
            "overdue": action.is_overdue(timezone.localdate()),
            "history": history_entries(action),
            "conflicts": conflicts,
            "seen_version": form_version(request, action, shown_current=conflicts is not None),
        },
    )


def action_edit(request, pk):
    action = _action(request, pk)
    access.require(access.can_edit_action(request.user, action))
    form = ActionForm(request.POST or None, instance=action)
    saved, page = _edit(
        request, form, action, title=_("Edit action"), cancel_url=action.get_absolute_url()
    )
    return redirect(saved) if saved else page
