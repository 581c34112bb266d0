"""The pages of the governance cycle, driven as a user does."""

import io
from datetime import date, datetime, timedelta

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from beheer.history import current_version
from governance import services
from governance.models import Action, AgendaItem, Decision, Forum, Meeting
from matrix.models import Activity
from tests.governance.conftest import close


@pytest.fixture
def manager(client_as):
    client = client_as("manager")
    client.cookies["django_language"] = "en"
    return client


def test_planning_proposes_the_date_of_the_rhythm_and_invites_the_members(manager, forum, people):
    url = reverse("governance:meeting-create", args=[forum.pk])
    proposed = manager.get(url).context["form"].initial["date"]
    assert proposed == services.forum_next_date(forum=forum, today=timezone.localdate())

    response = manager.post(
        url, {"date": proposed.isoformat(), "start_time": "09:30", "duration": 90}
    )

    meeting = Meeting.objects.get(forum=forum)
    assert response.url == meeting.get_absolute_url()
    assert {a.person for a in meeting.attendances.all()} == {people.manager, people.key_user}


def test_the_proposed_agenda_is_accepted_as_ticked(manager, meeting):
    Activity.objects.create(title="Taak zonder A", theme="Beheer")
    url = reverse("governance:agenda-propose", args=[meeting.pk])
    page = manager.get(url).content.decode()
    assert 'data-key="matrix"' in page and "Taak zonder A" in page

    manager.post(url, {"keys": ["opening", "matrix", "closing"]})

    assert [i.key for i in meeting.items.all()] == ["opening", "matrix", "closing"]
    again = manager.get(url).context
    assert "matrix" not in [item.key for item in again["proposal"]]
    assert "matrix" in [item.key for item in again["already"]]


def test_minutes_are_written_per_item_and_a_conflict_is_shown(manager, meeting):
    item = services.agenda_item_add(meeting=meeting, title="Storing portaal")
    url = reverse("governance:minutes", args=[meeting.pk])
    version = manager.get(url).context["form"][f"version_{item.pk}"].value()

    saved = manager.post(
        url, {f"minutes_{item.pk}": "Drie uur plat.", f"version_{item.pk}": version}
    )
    assert saved.status_code == 302
    stale = manager.post(url, {f"minutes_{item.pk}": "Twee uur.", f"version_{item.pk}": version})

    assert stale.status_code == 200 and stale.context["conflicts"]
    assert "Drie uur plat." in stale.content.decode()
    item.refresh_from_db()
    assert item.minutes == "Drie uur plat."


def test_a_decision_and_an_action_are_recorded_in_the_meeting(manager, meeting, people):
    item = services.agenda_item_add(meeting=meeting, title="Bewaartermijnen")
    manager.post(
        reverse("governance:decision-create", args=[meeting.pk]),
        {"text": "Notities na twee jaar weg.", "agenda_item": item.pk, "rationale": "AVG"},
    )
    decision = Decision.objects.get()
    manager.post(
        reverse("governance:meeting-action-create", args=[meeting.pk]),
        {
            "title": "Opschoonregel inrichten",
            "owner": people.key_user.pk,
            "due_date": "2027-01-15",
            "decision": decision.pk,
        },
    )

    action = Action.objects.get()
    assert (decision.meeting, decision.agenda_item, decision.forum) == (
        meeting,
        item,
        meeting.forum,
    )
    assert (action.meeting, action.decision, action.owner) == (meeting, decision, people.key_user)
    assert action.source == Action.Source.MEETING
    page = manager.get(meeting.get_absolute_url()).content.decode()
    assert f'id="decision-{decision.pk}"' in page and f'data-action="{action.pk}"' in page


def test_an_action_needs_an_owner_and_a_due_date(manager, meeting):
    response = manager.post(
        reverse("governance:meeting-action-create", args=[meeting.pk]), {"title": "Zomaar"}
    )

    assert response.status_code == 200
    assert {"owner", "due_date"} <= set(response.context["form"].errors)
    assert not Action.objects.exists()


def test_closing_makes_the_minutes_final_and_writes_end_on_the_meeting_page(manager, meeting):
    item = services.agenda_item_add(meeting=meeting, title="Punt")
    page = manager.get(reverse("governance:meeting-close", args=[meeting.pk]))
    assert page.context["without_minutes"] == [item]

    manager.post(reverse("governance:meeting-close", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.is_closed

    late = manager.post(
        reverse("governance:minutes", args=[meeting.pk]), {f"minutes_{item.pk}": "Te laat"}
    )
    assert late.status_code == 302 and late.url == meeting.get_absolute_url()
    follow = manager.get(late.url).content.decode()
    assert "This meeting is closed" in follow
    assert f'href="/overleg/vergaderingen/{meeting.pk}/notulen/"' not in follow
    item.refresh_from_db()
    assert item.minutes == ""


def test_a_future_meeting_is_not_closed(manager, forum):
    meeting = services.meeting_plan(forum=forum, date=timezone.localdate() + timedelta(days=3))

    manager.post(reverse("governance:meeting-close", args=[meeting.pk]))

    meeting.refresh_from_db()
    assert not meeting.is_closed


def test_a_correction_shows_beside_the_closed_minutes(manager, meeting, personas):
    item = services.agenda_item_add(meeting=meeting, title="Punt")
    close(meeting, personas.manager)

    manager.post(
        reverse("governance:amendment-create", args=[meeting.pk]),
        {"concerns": f"item-{item.pk}", "text": "Lees: vier rechten."},
    )

    page = manager.get(meeting.get_absolute_url()).content.decode()
    assert "Lees: vier rechten." in page
    assert item.amendments.get().made_by == personas.manager


def test_the_meeting_event_parses_as_icalendar(manager, meeting):
    meeting.start_time = datetime(2026, 1, 1, 9, 30).time()
    meeting.place = "Vergaderzaal De Eik; 2e verdieping, kamer 2.14"
    meeting.save()
    services.agenda_item_add(meeting=meeting, title="Opening, agenda en een hele lange titel " * 3)

    response = manager.get(reverse("governance:meeting-ics", args=[meeting.pk]))

    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    [event] = calendar.walk("VEVENT")
    start = event.decoded("DTSTART")
    local = timezone.make_aware(datetime.combine(meeting.date, meeting.start_time))
    assert start == local
    assert event.decoded("DTEND") - start == timedelta(minutes=meeting.duration)
    assert str(event["LOCATION"]) == meeting.place
    assert "1. Opening, agenda" in str(event["DESCRIPTION"])
    assert str(event["SUMMARY"]) == str(meeting.forum)
    assert str(event["UID"]).startswith(f"meeting-{meeting.pk}@")
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))


def test_the_forum_feed_holds_its_meetings_and_an_undated_one_is_all_day(manager, forum):
    first = services.meeting_plan(forum=forum, date=date.today() + timedelta(days=7))
    second = services.meeting_plan(forum=forum, date=date.today() + timedelta(days=35))
    Meeting.objects.filter(pk=first.pk).update(start_time=datetime(2026, 1, 1, 14, 0).time())

    response = manager.get(reverse("governance:forum-ics", args=[forum.pk]))

    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["UID"]).split("@")[0] for e in events] == [
        f"meeting-{first.pk}",
        f"meeting-{second.pk}",
    ]
    assert events[1].decoded("DTSTART") == second.date


def test_editing_the_date_raises_the_events_sequence(manager, meeting):
    url = reverse("governance:meeting-edit", args=[meeting.pk])
    form = manager.get(url).context
    data = {
        "date": (meeting.date + timedelta(days=1)).isoformat(),
        "duration": 60,
        "seen_version": form["seen_version"],
    }

    manager.post(url, data)

    meeting.refresh_from_db()
    assert meeting.sequence == 1


def test_the_decision_log_filters_and_exports_without_formulas(manager, meeting):
    services.decision_record(forum=meeting.forum, meeting=meeting, text="=HYPERLINK(1)")
    services.decision_record(forum=meeting.forum, meeting=meeting, text="Portaal blijft open")

    page = manager.get(reverse("governance:decisions"), {"q": "portaal"})
    assert [row.record.text for row in page.context["table"].paginated_rows] == [
        "Portaal blijft open"
    ]

    export = manager.get(reverse("governance:decisions-xlsx"))
    sheet = load_workbook(io.BytesIO(export.content)).active
    texts = [row[2].value for row in sheet.iter_rows(min_row=6)]
    assert "=HYPERLINK(1)" in texts
    cell = next(row[2] for row in sheet.iter_rows(min_row=6) if row[2].value == "=HYPERLINK(1)")
    assert cell.data_type == "s" and cell.quotePrefix


def test_the_action_list_filters_mine_overdue_and_by_forum(client_as, meeting, people):
    make = services.action_create
    overdue = make(
        source="meeting",
        meeting=meeting,
        title="Te laat",
        owner=people.key_user,
        due_date=timezone.localdate() - timedelta(days=1),
    )
    make(
        source="other",
        title="Van de manager",
        owner=people.manager,
        due_date=timezone.localdate() + timedelta(days=9),
    )
    client = client_as("key_user")

    def titles(**query):
        response = client.get(reverse("governance:actions"), query)
        return [row.record.title for row in response.context["table"].paginated_rows]

    assert titles() == ["Te laat"]  # unfinished, and what the key user may read
    assert titles(mine="on") == ["Te laat"]
    assert titles(overdue="on") == ["Te laat"]
    assert titles(forum=Forum.objects.get(kind="klantenforum").pk) == []
    # A forum the key user may not read is no choice: the filter says so, and
    # the list stays what they may read.
    refused = client.get(
        reverse("governance:actions"), {"forum": Forum.objects.get(kind="stuurgroep").pk}
    )
    assert "forum" in refused.context["filter"].form.errors
    assert (
        client_as("manager")
        .get(reverse("governance:actions"), {"mine": "on"})
        .context["table"]
        .paginator.count
        == 1
    )
    assert overdue.is_overdue()


def test_the_status_form_asks_why_an_action_is_cancelled(client_as, meeting, people):
    action = services.action_create(
        source="meeting", meeting=meeting, title="Iets", owner=people.key_user
    )
    url = reverse("governance:action", args=[action.pk])

    seen = current_version(action)
    refused = client_as("key_user").post(
        url, {"status": "cancelled", "status_note": "", "seen_version": seen}
    )
    done = client_as("key_user").post(
        url, {"status": "done", "status_note": "Klaar", "seen_version": seen}
    )

    assert refused.status_code == 200 and "status_note" in refused.context["form"].errors
    assert done.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.done_on) == ("done", timezone.localdate())


def test_a_forum_is_created_and_edited_with_members_and_roles(manager, people):
    response = manager.post(
        reverse("governance:forum-create"),
        {
            "name_nl": "Procesoverleg Reparaties",
            "kind": "other",
            "cadence": "monthly",
            "usual_duration": 60,
            "people": [people.key_user.pk],
            "chair": people.manager.pk,
            "is_active": "on",
        },
    )
    forum = Forum.objects.get(name_nl="Procesoverleg Reparaties")
    assert response.url == forum.get_absolute_url()
    assert list(forum.people.all()) == [people.key_user]

    page = manager.get(forum.get_absolute_url())
    names = [m.person for m in page.context["membership"].members]
    assert names == [people.manager, people.key_user]  # the chair first


def test_the_print_shows_the_agenda_before_and_the_minutes_after(manager, meeting):
    item = services.agenda_item_add(meeting=meeting, title="Punt", description="Uitleg vooraf")
    url = reverse("governance:meeting-print", args=[meeting.pk])
    before = manager.get(url)
    assert not before.context["as_minutes"] and "Uitleg vooraf" in before.content.decode()

    AgendaItem.objects.filter(pk=item.pk).update(minutes="Zo besproken")
    after = manager.get(url)

    assert after.context["as_minutes"] and "Zo besproken" in after.content.decode()


def test_the_personal_feed_address_works_without_a_session_while_its_user_may_read(
    client_as, client, forum, people
):
    services.meeting_plan(forum=forum, date=timezone.localdate() + timedelta(days=7))
    url = client_as("key_user").get(forum.get_absolute_url()).context["feed_url"]
    path = url.removeprefix("http://testserver")

    calendar = icalendar.Calendar.from_ical(client.get(path).content)  # no login
    assert len(calendar.walk("VEVENT")) == 1

    tampered = path.replace(f"/overleg/{forum.pk}/", f"/overleg/{forum.pk + 1}/")
    assert client.get(tampered).status_code == 404
    assert client.get(path[:-8] + "x" + path[-7:]).status_code == 404
    # The key user gives up the role that made them a member: the feed stops.
    people.key_user.assignments.update(end_date=timezone.localdate() - timedelta(days=1))
    assert client.get(path).status_code == 404


def test_the_action_list_shows_what_is_still_to_do_until_another_status_is_chosen(
    client_as, meeting, people
):
    done = services.action_create(source="meeting", meeting=meeting, title="Klaar", owner=people.mt)
    services.action_set_status(action=done, status=Action.Status.DONE)
    services.action_create(source="meeting", meeting=meeting, title="Open", owner=people.mt)
    client = client_as("mt")

    def titles(**query):
        response = client.get(reverse("governance:actions"), query)
        return sorted(row.record.title for row in response.context["table"].paginated_rows)

    assert titles() == titles(page=1) == titles(sort="due_date") == ["Open"]
    assert titles(status="") == ["Klaar", "Open"]
    assert titles(status="done") == ["Klaar"]
