"""Who may read and change wishes, releases, contracts and training: every view,
every persona."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from beheer.models import ServiceProcess, Supplier
from operations import services
from operations.models import (
    ChangeRequest,
    ComponentGuide,
    Contract,
    Course,
    ServiceLevel,
    TestItem,
)
from tests.operations.conftest import accepted
from tests.personas import ALL_PERSONAS

MANAGERS = {"beheerder", "manager"}
TRIAGERS = MANAGERS | {"owner"}  # the owner persona owns the CRM
EVERY_GROUP = MANAGERS | {"owner", "key_user", "mt"}


@pytest.fixture
def world(wish, release, test_item, owner_of_crm, personas, crm):
    other = services.request_submit(
        component=crm, title="Zoeken op postcode", description="x", user=personas.mt
    )
    accepted(other, personas.manager)
    contract = Contract.objects.create(
        name="Support CRM",
        supplier=Supplier.objects.create(name="KlantLink B.V."),
        end_date=timezone.localdate() + timedelta(days=200),
    )
    level = ServiceLevel.objects.create(
        contract=contract, name="P1 reactie", kind="response", agreed_value=1, unit="uur"
    )
    course = Course.objects.get(name="Basistraining Klantvolgsysteem")
    session = services.session_plan(course=course, date=timezone.localdate())
    ComponentGuide.objects.create(component=crm, goal="Alles op één plek.")
    impact = release.impacts.create(service_process=_process(crm), level="low")
    return {
        "wish": wish,
        "accepted": other,
        "release": release,
        "item": test_item,
        "contract": contract,
        "level": level,
        "course": course,
        "session": session,
        "impact": impact,
        "crm": crm,
    }


def _process(component):
    return ServiceProcess.objects.create(name="Reparatieverzoek", component=component)


def _urls(w):
    def url(name, *args):
        return reverse(f"operations:{name}", args=args)

    return {
        "reads": [
            url("requests"),
            url("requests") + "?status=&sort=-priority",
            url("requests-xlsx"),
            url("board"),
            url("request-create"),
            url("request", w["wish"].pk),
            url("releases"),
            url("calendar"),
            url("release", w["release"].pk),
            url("contracts"),
            url("contract", w["contract"].pk),
            url("catalogue"),
            url("courses"),
            url("course", w["course"].pk),
            url("session", w["session"].pk),
            url("guides"),
        ],
        "triage": [
            url("request-triage", w["wish"].pk),
            url("request-plan", w["accepted"].pk),
            url("request-status", w["accepted"].pk),
        ],
        "edit the wish": [url("request-edit", w["wish"].pk)],
        "manage": [
            url("release-create"),
            url("release-edit", w["release"].pk),
            url("release-decide", w["release"].pk),
            url("release-live", w["release"].pk),
            url("release-cancel", w["release"].pk),
            url("release-document-upload", w["release"].pk),
            url("impact-create", w["release"].pk),
            url("impact-edit", w["impact"].pk),
            url("test-item-create", w["release"].pk),
            url("test-item-edit", w["item"].pk),
            url("contract-create"),
            url("contract-edit", w["contract"].pk),
            url("level-create", w["contract"].pk),
            url("level-edit", w["level"].pk),
            url("course-create"),
            url("course-edit", w["course"].pk),
            url("session-create", w["course"].pk),
            url("session-edit", w["session"].pk),
            url("guide-edit", w["crm"].pk),
        ],
        "record the test": [url("test-result", w["item"].pk)],
        "reports": [url("gaps")],
    }


ALLOWED = {
    "reads": EVERY_GROUP,
    "triage": TRIAGERS,
    "edit the wish": TRIAGERS | {"key_user"},  # the key user submitted it
    "manage": MANAGERS,
    "record the test": MANAGERS | {"key_user"},  # assigned to the key user
    "reports": MANAGERS | {"mt"},
}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_every_view_per_persona(client_as, world, persona):
    client = client_as(persona)
    for group, urls in _urls(world).items():
        status = {url: client.get(url).status_code for url in urls}
        if persona == "anonymous":
            wanted = 302  # to the login page
        elif persona in ALLOWED[group]:
            wanted = 200
        else:
            wanted = 403
        assert set(status.values()) == {wanted}, (group, status)


@pytest.mark.parametrize("persona", ["key_user", "mt", "outsider", "anonymous"])
def test_those_who_do_not_triage_cannot_judge_plan_or_prioritise(client_as, world, persona):
    client = client_as(persona)
    wish, other = world["wish"], world["accepted"]
    posts = [
        (reverse("operations:request-triage", args=[wish.pk]), {"decision": "accept"}),
        (reverse("operations:request-priority", args=[wish.pk]), {"priority": "1"}),
        (
            reverse("operations:request-plan", args=[other.pk]),
            {"plan": "release", "release": world["release"].pk},
        ),
        (reverse("operations:release-test", args=[world["release"].pk]), {}),
        (reverse("operations:level-delete", args=[world["level"].pk]), {}),
        (reverse("operations:impact-delete", args=[world["impact"].pk]), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == (302 if persona == "anonymous" else 403)
    wish.refresh_from_db()
    other.refresh_from_db()
    assert (wish.status, wish.priority, other.status) == ("submitted", None, "in_review")
    assert ServiceLevel.objects.count() == 1 and world["release"].impacts.count() == 1


def test_an_owner_judges_the_wishes_of_their_own_component_only(client_as, world, portal, personas):
    elsewhere = services.request_submit(
        component=portal, title="DigiD", description="Inloggen met DigiD", user=personas.mt
    )
    client = client_as("owner")

    assert client.get(reverse("operations:request-triage", args=[elsewhere.pk])).status_code == 403
    response = client.post(
        reverse("operations:request-triage", args=[world["wish"].pk]),
        {"decision": "accept", "priority": "2"},
    )

    assert response.status_code == 302
    world["wish"].refresh_from_db()
    assert (world["wish"].status, world["wish"].priority) == ("in_review", 2)


def test_the_submitter_edits_their_wish_until_it_is_handled(client_as, world, personas):
    url = reverse("operations:request-edit", args=[world["wish"].pk])
    assert client_as("key_user").get(url).status_code == 200
    assert client_as("mt").get(url).status_code == 403  # not theirs

    accepted(world["wish"], personas.owner)

    assert client_as("key_user").get(url).status_code == 403


def test_only_the_assigned_key_user_records_a_test_result(client_as, world, people, personas):
    someone_elses = TestItem.objects.create(
        release=world["release"], title="Statuspagina", tester=people.mt
    )
    url = reverse("operations:test-result", args=[someone_elses.pk])

    response = client_as("key_user").post(url, {"result": "passed"})

    assert response.status_code == 403
    someone_elses.refresh_from_db()
    assert someone_elses.result == ""
    assert client_as("mt").post(url, {"result": "passed"}).status_code == 302


def test_everyone_adds_to_a_wish(client_as, world):
    for persona in EVERY_GROUP:
        response = client_as(persona).post(
            reverse("operations:request", args=[world["wish"].pk]), {"text": f"Ook {persona}"}
        )
        assert response.status_code == 302
    assert world["wish"].comments.count() == len(EVERY_GROUP)
    assert ChangeRequest.objects.get(pk=world["wish"].pk).status == "submitted"


def _actions(w) -> dict[str, list[tuple[str, dict]]]:
    """The views that only take a POST, by who may use them."""

    def url(name, *args):
        return reverse(f"operations:{name}", args=args)

    return {
        "triage": [(url("request-priority", w["wish"].pk), {"priority": "1"})],
        "manage": [
            (url("release-test", w["release"].pk), {}),
            (url("level-delete", w["level"].pk), {}),
            (url("impact-delete", w["impact"].pk), {}),
        ],
    }


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_every_action_per_persona(client_as, world, persona):
    client = client_as(persona)
    for group, posts in _actions(world).items():
        status = {url: client.post(url, data).status_code for url, data in posts}
        if persona == "anonymous":
            wanted = 302  # to the login page
        elif persona in ALLOWED[group]:
            wanted = 302  # done, back to the page
        else:
            wanted = 403
        assert set(status.values()) == {wanted}, (group, status)
    done = persona in ALLOWED["manage"]
    world["wish"].refresh_from_db()
    world["release"].refresh_from_db()
    assert world["wish"].priority == (1 if persona in ALLOWED["triage"] else None)
    assert (world["release"].status == "in_test") == done
    assert ServiceLevel.objects.exists() != done
    assert world["release"].impacts.exists() != done


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_the_release_notes_download_per_persona(client_as, world, personas, persona):
    services.release_document_save(
        release=world["release"],
        upload=SimpleUploadedFile("notes.txt", b"Release 5.14", content_type="text/plain"),
        user=personas.manager,
    )
    url = reverse("operations:release-document", args=[world["release"].pk])

    response = client_as(persona).get(url)

    if persona == "anonymous":
        assert response.status_code == 302
    elif persona in ALLOWED["reads"]:
        assert response.status_code == 200
        assert response.content == b"Release 5.14"
    else:
        assert response.status_code == 403
