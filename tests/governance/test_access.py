"""Who may read and change forums, meetings, decisions and actions: every view, every persona."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from beheer.history import current_version
from governance import services
from governance.models import Action, Forum
from tests.governance.conftest import close
from tests.personas import ALL_PERSONAS

RUNNERS = {"beheerder", "manager"}
# The beheeroverleg's readers: MT reads everything, the key user is a member.
READERS = RUNNERS | {"mt", "key_user"}
GROUP_MEMBERS = READERS | {"owner"}


@pytest.fixture
def world(forum, meeting, people, personas):
    item = services.agenda_item_add(meeting=meeting, title="Werkafspraken")
    decision = services.decision_record(
        forum=forum, meeting=meeting, agenda_item=item, text="Vaste dinsdag"
    )
    action = services.action_create(
        source=Action.Source.MEETING,
        meeting=meeting,
        title="Mailbox inrichten",
        owner=people.key_user,
        due_date=timezone.localdate() + timedelta(days=7),
    )
    closed = services.meeting_plan(forum=forum, date=timezone.localdate() - timedelta(days=30))
    close(closed, personas.manager)
    return {"item": item, "decision": decision, "action": action, "closed": closed}


def _urls(forum, meeting, world):
    m = meeting.pk
    return {
        "reads": {
            "forum": reverse("governance:forum", args=[forum.pk]),
            "forum-ics": reverse("governance:forum-ics", args=[forum.pk]),
            "meeting": reverse("governance:meeting", args=[m]),
            "print": reverse("governance:meeting-print", args=[m]),
            "meeting-ics": reverse("governance:meeting-ics", args=[m]),
        },
        "lists": {
            "forums": reverse("governance:forums"),
            "decisions": reverse("governance:decisions"),
            "decisions-xlsx": reverse("governance:decisions-xlsx"),
            "actions": reverse("governance:actions"),
        },
        "meeting edits": {
            "plan": reverse("governance:meeting-create", args=[forum.pk]),
            "edit": reverse("governance:meeting-edit", args=[m]),
            "propose": reverse("governance:agenda-propose", args=[m]),
            "item-add": reverse("governance:item-add", args=[m]),
            "item-edit": reverse("governance:item-edit", args=[world["item"].pk]),
            "attendance": reverse("governance:attendance", args=[m]),
            "minutes": reverse("governance:minutes", args=[m]),
            "decision": reverse("governance:decision-create", args=[m]),
            "decision-edit": reverse("governance:decision-edit", args=[world["decision"].pk]),
            "action": reverse("governance:meeting-action-create", args=[m]),
            "close": reverse("governance:meeting-close", args=[m]),
            "amend": reverse("governance:amendment-create", args=[world["closed"].pk]),
        },
        "runner edits": {
            "forum-create": reverse("governance:forum-create"),
            "forum-edit": reverse("governance:forum-edit", args=[forum.pk]),
            "action-create": reverse("governance:action-create"),
            "action-edit": reverse("governance:action-edit", args=[world["action"].pk]),
        },
    }


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_every_view_per_persona(client_as, forum, meeting, world, persona):
    client = client_as(persona)
    urls = _urls(forum, meeting, world)
    status = {
        group: {name: client.get(url).status_code for name, url in pages.items()}
        for group, pages in urls.items()
    }
    action_page = client.get(reverse("governance:action", args=[world["action"].pk]))
    status_post = client.post(
        reverse("governance:action", args=[world["action"].pk]),
        {
            "status": "in_progress",
            "status_note": "Bezig",
            "done_on": "",
            "seen_version": current_version(world["action"]),
        },
    )

    def expect(group, allowed):
        wanted = 200 if allowed else (302 if persona == "anonymous" else 403)
        assert set(status[group].values()) == {wanted}, (group, status[group])

    expect("reads", persona in READERS)
    expect("lists", persona in GROUP_MEMBERS)
    expect("meeting edits", persona in RUNNERS)
    expect("runner edits", persona in RUNNERS)
    assert action_page.status_code == (
        200 if persona in READERS else 302 if persona == "anonymous" else 403
    )
    updaters = RUNNERS | {"key_user"}  # the key user owns the action
    assert status_post.status_code == (
        302 if persona in updaters else 302 if persona == "anonymous" else 403
    )
    world["action"].refresh_from_db()
    assert (world["action"].status == "in_progress") == (persona in updaters)


@pytest.mark.parametrize("persona", ["mt", "key_user", "owner", "outsider", "anonymous"])
def test_writes_are_refused_to_those_who_only_read(client_as, meeting, world, persona):
    client = client_as(persona)
    item = world["item"]
    posts = [
        (reverse("governance:item-add", args=[meeting.pk]), {"title": "Ingeschoven"}),
        (reverse("governance:item-move", args=[item.pk]), {"direction": "down"}),
        (reverse("governance:item-delete", args=[item.pk]), {}),
        (reverse("governance:minutes", args=[meeting.pk]), {f"minutes_{item.pk}": "x"}),
        (reverse("governance:decision-create", args=[meeting.pk]), {"text": "Ingeschoven"}),
        (reverse("governance:decision-delete", args=[world["decision"].pk]), {}),
        (reverse("governance:meeting-close", args=[meeting.pk]), {}),
        (reverse("governance:meeting-delete", args=[meeting.pk]), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code in (302, 403), url
        if persona != "anonymous":
            assert client.post(url, data).status_code == 403, url
    meeting.refresh_from_db()
    item.refresh_from_db()
    assert not meeting.is_closed and item.minutes == "" and meeting.items.count() == 1
    assert meeting.decisions.count() == 1


def test_the_chair_runs_the_meetings_of_their_own_forum_only(client_as, chaired_forum, meeting):
    client = client_as("owner")
    own = services.meeting_plan(forum=chaired_forum, date=timezone.localdate())

    assert client.get(reverse("governance:forum", args=[chaired_forum.pk])).status_code == 200
    assert (
        client.get(reverse("governance:meeting-create", args=[chaired_forum.pk])).status_code == 200
    )
    assert client.get(reverse("governance:minutes", args=[own.pk])).status_code == 200
    response = client.post(
        reverse("governance:item-add", args=[own.pk]), {"title": "Wensen uit Wonen"}
    )
    assert response.status_code == 302 and own.items.count() == 1
    # Not the forum itself, and not another forum's meetings.
    assert client.get(reverse("governance:forum-edit", args=[chaired_forum.pk])).status_code == 403
    assert client.get(reverse("governance:minutes", args=[meeting.pk])).status_code == 403


def test_lists_show_only_what_the_reader_may_read(client_as, world, people, chaired_forum):
    stuurgroep = Forum.objects.get(kind=Forum.Kind.STUURGROEP)
    services.decision_record(forum=stuurgroep, text="Geheim besluit van de stuurgroep")
    mine_elsewhere = services.action_create(
        source=Action.Source.OTHER,
        forum=stuurgroep,
        title="Voor de key user",
        owner=people.key_user,
    )
    services.action_create(
        source=Action.Source.OTHER, forum=stuurgroep, title="Van de stuurgroep", owner=people.mt
    )

    def listed(persona, name):
        response = client_as(persona).get(reverse(name), {"status": ""})
        return {row.record.pk for row in response.context["table"].paginated_rows}

    all_actions = set(Action.objects.values_list("pk", flat=True))
    assert listed("mt", "governance:actions") == all_actions
    # The key user: the beheeroverleg's actions, and their own anywhere.
    assert listed("key_user", "governance:actions") == {world["action"].pk, mine_elsewhere.pk}
    assert listed("owner", "governance:actions") == set()
    assert listed("key_user", "governance:decisions") == {world["decision"].pk}
    assert len(listed("mt", "governance:decisions")) == 2
    forums = client_as("key_user").get(reverse("governance:forums")).context["table"]
    # Through the key-user role: the forums that have it as a member role.
    assert {row.record["forum"].kind for row in forums.paginated_rows} == {
        "beheeroverleg",
        "key_users",
        "klantenforum",
    }


def test_a_forged_status_change_of_someone_elses_action_is_refused(client_as, people, meeting):
    action = services.action_create(
        source=Action.Source.MEETING,
        meeting=meeting,
        title="Van de voorzitter",
        owner=people.manager,
    )

    response = client_as("key_user").post(
        reverse("governance:action", args=[action.pk]), {"status": "done", "status_note": ""}
    )

    assert response.status_code == 403
    action.refresh_from_db()
    assert action.status == "open"
