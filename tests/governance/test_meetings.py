"""Planning, minuting and closing a meeting; after closing, corrections only."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from beheer.models import Component, Role
from governance import services
from governance.models import Action, Decision, MeetingAmendment
from kpi.models import Kpi
from tests.beheer import makers
from tests.governance.conftest import close


def _item(meeting, title="Werkafspraken"):
    return services.agenda_item_add(meeting=meeting, title=title)


def test_planning_invites_the_members_of_today_and_not_those_who_left(forum, people):
    leaver = makers.person("Oud Lid", leaving_date=timezone.localdate() - timedelta(days=3))
    inactive = makers.person("Met Verlof", is_active=False)
    forum.people.add(leaver, inactive, people.mt)

    meeting = services.meeting_plan(forum=forum, date=timezone.localdate())

    invited = {a.person for a in meeting.attendances.all()}
    assert invited == {people.manager, people.key_user, people.mt}  # chair, role holder, member
    assert all(a.present is None for a in meeting.attendances.all())


def test_members_through_a_role_change_with_the_register(forum, people):
    role = Role.objects.get(name="CRM-beheerder")
    makers.assign(people.owner, role, end=timezone.localdate() - timedelta(days=1))

    assert (
        people.owner
        not in services.selectors.forum_members(forum=forum, today=timezone.localdate()).people
    )
    makers.assign(people.owner, role, start=timezone.localdate())
    membership = services.selectors.forum_members(forum=forum, today=timezone.localdate())

    assert people.owner in membership.people
    assert role not in membership.vacant_roles


def test_minutes_are_saved_per_item(meeting):
    first, second = _item(meeting, "Eerste"), _item(meeting, "Tweede")
    versions = services.item_versions([first, second])

    conflicts = services.minutes_save(
        meeting=meeting, minutes={first.pk: "Besproken.", second.pk: ""}, seen=versions
    )

    assert conflicts == []
    first.refresh_from_db()
    assert first.minutes == "Besproken."


def test_minutes_someone_else_wrote_meanwhile_are_not_overwritten(meeting):
    item = _item(meeting)
    seen = services.item_versions([item])
    services.minutes_save(meeting=meeting, minutes={item.pk: "Van de voorzitter."}, seen=seen)

    conflicts = services.minutes_save(meeting=meeting, minutes={item.pk: "Van mij."}, seen=seen)

    assert [(c.saved, c.yours) for c in conflicts] == [("Van de voorzitter.", "Van mij.")]
    item.refresh_from_db()
    assert item.minutes == "Van de voorzitter."
    # Having seen the other text, the writer saves knowingly.
    assert not services.minutes_save(
        meeting=meeting, minutes={item.pk: "Van mij."}, seen=services.item_versions([item])
    )


def test_attendance_records_who_came_and_adds_guests(meeting, people):
    services.attendance_save(
        meeting=meeting,
        present={people.manager.pk: True, people.key_user.pk: False},
        guests=[people.mt],
        other_guests="R. Verbeek (KlantLink)",
    )

    rows = {a.person: (a.present, a.is_guest) for a in meeting.attendances.all()}
    assert rows == {
        people.manager: (True, False),
        people.key_user: (False, False),
        people.mt: (True, True),
    }
    meeting.refresh_from_db()
    assert meeting.other_guests == "R. Verbeek (KlantLink)"


def test_a_decision_links_to_what_it_concerns(meeting, personas):
    item = _item(meeting)
    crm = Component.objects.get(name="Klantvolgsysteem")
    kpi = Kpi.objects.create(name="Tevredenheid")

    decision = services.decision_record(
        forum=meeting.forum,
        meeting=meeting,
        agenda_item=item,
        text="Het CRM krijgt een opschoonregel.",
        concerns=[crm, kpi, None],
        user=personas.manager,
    )

    assert (decision.component, decision.kpi, decision.date) == (crm, kpi, meeting.date)
    assert decision.concerns() == [crm, kpi]
    assert list(services.selectors.decisions_about(crm)) == [decision]


def test_a_decision_cannot_concern_something_without_a_link(meeting):
    with pytest.raises(ValueError):
        services.decision_record(forum=meeting.forum, meeting=meeting, text="x", concerns=[meeting])


def test_a_meeting_is_closed_once_it_has_taken_place(forum, personas):
    tomorrow = services.meeting_plan(forum=forum, date=timezone.localdate() + timedelta(days=1))

    with pytest.raises(ValidationError):
        close(tomorrow, personas.manager)

    today = services.meeting_plan(forum=forum, date=timezone.localdate())
    closed = close(today, personas.manager)
    assert closed.is_closed and closed.closed_by == personas.manager


def test_a_closed_meetings_minutes_and_decisions_are_read_only(meeting, personas, people):
    item = _item(meeting)
    decision = services.decision_record(forum=meeting.forum, meeting=meeting, text="Besluit")
    close(meeting, personas.manager)
    seen = services.item_versions([item])

    refused = [
        lambda: services.minutes_save(meeting=meeting, minutes={item.pk: "Later"}, seen=seen),
        lambda: services.agenda_item_add(meeting=meeting, title="Nog een punt"),
        lambda: services.agenda_item_move(item=item, up=False),
        lambda: services.agenda_item_remove(item=item),
        lambda: services.decision_record(forum=meeting.forum, meeting=meeting, text="Nog een"),
        lambda: services.decision_update(decision=decision, text="Anders"),
        lambda: services.decision_delete(decision=decision),
        lambda: services.attendance_save(meeting=meeting, present={}),
        lambda: services.action_create(
            source=Action.Source.MEETING, meeting=meeting, title="Te laat", owner=people.mt
        ),
        lambda: close(meeting, personas.manager),
    ]
    for attempt in refused:
        with pytest.raises(services.MeetingClosed):
            attempt()
    item.refresh_from_db()
    decision.refresh_from_db()
    assert (item.minutes, decision.text) == ("", "Besluit")


def test_a_correction_is_logged_beside_the_original(meeting, personas):
    item = _item(meeting)
    decision = services.decision_record(forum=meeting.forum, meeting=meeting, text="Besluit")
    with pytest.raises(ValidationError):  # an open meeting is corrected in place
        services.meeting_amend(meeting=meeting, text="x", user=personas.manager)
    close(meeting, personas.manager)

    services.meeting_amend(
        meeting=meeting, text="Het was 4, niet 5.", agenda_item=item, user=personas.manager
    )
    services.meeting_amend(meeting=meeting, text="Lees 2027.", decision=decision, user=None)

    assert list(item.amendments.values_list("text", flat=True)) == ["Het was 4, niet 5."]
    assert list(decision.amendments.values_list("text", flat=True)) == ["Lees 2027."]
    decision.refresh_from_db()
    assert decision.text == "Besluit"


def test_a_correction_belongs_to_its_own_meeting(meeting, forum, personas):
    other = services.meeting_plan(forum=forum, date=timezone.localdate() - timedelta(days=30))
    foreign = _item(other)
    close(meeting, personas.manager)

    with pytest.raises(ValidationError):
        services.meeting_amend(meeting=meeting, text="x", agenda_item=foreign, user=None)
    assert not MeetingAmendment.objects.exists()


def test_a_meeting_with_decisions_cannot_be_deleted(meeting, forum):
    empty = services.meeting_plan(forum=forum, date=timezone.localdate())
    services.meeting_delete(meeting=empty)
    services.decision_record(forum=forum, meeting=meeting, text="Besluit")

    with pytest.raises(ValidationError):
        services.meeting_delete(meeting=meeting)
    assert Decision.objects.filter(meeting=meeting).exists()
