from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from matrix.models import Grant, MutationTick
from matrix.mutations import mutations_list
from tests.beheer import makers
from tests.beheer.makers import days
from tests.personas import ALL_PERSONAS


def _changes(since_days=-30):
    return {
        entry.person.name: (entry.reason, {(m.action, m.right.name) for m in entry.mutations})
        for entry in mutations_list(since=days(since_days))
    }


def test_a_leaver_loses_every_right(rights):
    person = makers.person("Vera Vertrokken", leaving_date=days(-5))
    makers.assign(person, rights["roles"]["Medewerker"], start=days(-300), end=days(-5))

    assert _changes()["Vera Vertrokken"] == ("left", {("revoke", "Dossier inzien")})


def test_someone_leaving_within_30_days_is_listed_in_advance(rights):
    person = makers.person("Lars Later", leaving_date=days(20))
    makers.assign(person, rights["roles"]["Beheerder"], start=days(-300), end=days(20))
    makers.person("Verre Vertrekker", leaving_date=days(60))

    changes = _changes()
    assert changes["Lars Later"] == ("leaving", {("revoke", "Gebruikers beheren")})
    assert "Verre Vertrekker" not in changes


def test_an_inactive_person_without_a_leaving_date_who_still_holds_rights_is_listed(
    client_as, rights
):
    person = makers.person("Ina Inactief", is_active=False)
    makers.assign(person, rights["roles"]["Medewerker"], start=days(-300))
    makers.person("Ina Zonder Rollen", is_active=False)  # nothing to revoke

    changes = _changes()

    assert changes["Ina Inactief"] == ("inactive", {("revoke", "Dossier inzien")})
    assert "Ina Zonder Rollen" not in changes
    page = client_as("manager").get(reverse("matrix:mutations")).content.decode()
    assert "inactief, heeft nog rechten" in page


def test_a_person_whose_account_is_switched_off_is_listed(rights, django_user_model):
    account = django_user_model.objects.create_user("afgesloten", is_active=False)
    person = makers.person("Abel Afgesloten", user=account)
    makers.assign(person, rights["roles"]["Beheerder"], start=days(-300))

    assert _changes()["Abel Afgesloten"] == ("account_off", {("revoke", "Gebruikers beheren")})


def test_the_inactive_rule_adds_no_query_per_person(rights):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(expected_people):
        with CaptureQueriesContext(connection) as captured:
            assert len(mutations_list(since=days(-30))) == expected_people
        return len(captured)

    makers.assign(makers.person("Inactief", is_active=False), rights["roles"]["Medewerker"])
    one = queries(1)
    for n in range(5):
        person = makers.person(f"Inactief {n}", is_active=False)
        makers.assign(person, rights["roles"]["Medewerker"], start=days(-300))

    assert queries(6) == one


def test_a_mover_gets_revokes_and_grants(rights):
    person = makers.person("Mo Verhuisd")
    makers.assign(person, rights["roles"]["Medewerker"], start=days(-300), end=days(-3))
    makers.assign(person, rights["roles"]["Beheerder"], start=days(-2))
    makers.assign(makers.person("Stille Stefan"), rights["roles"]["Medewerker"], start=days(-300))

    changes = _changes()
    assert changes["Mo Verhuisd"] == (
        "changed",
        {("revoke", "Dossier inzien"), ("grant", "Gebruikers beheren")},
    )
    assert "Stille Stefan" not in changes  # nothing changed


def test_a_right_kept_through_another_role_is_not_revoked(rights):
    Grant.objects.create(role=rights["roles"]["Beheerder"], right=rights["view"])
    person = makers.person("Mo Verhuisd")
    makers.assign(person, rights["roles"]["Medewerker"], start=days(-300), end=days(-3))
    makers.assign(person, rights["roles"]["Beheerder"], start=days(-2))

    assert _changes()["Mo Verhuisd"] == ("changed", {("grant", "Gebruikers beheren")})


def _tick_data(person, right, done=True):
    return {
        "person": person.pk,
        "right": right.pk,
        "action": "revoke",
        "occasion": f"leaving:{person.leaving_date.isoformat()}",
        "since": days(-30).isoformat(),
        **({"done": "on"} if done else {}),
    }


def test_ticking_records_who_and_when_and_can_be_undone(client_as, rights, personas):
    person = makers.person("Vera Vertrokken", leaving_date=days(-5))
    makers.assign(person, rights["roles"]["Medewerker"], start=days(-300), end=days(-5))
    client = client_as("manager")

    client.post(reverse("matrix:mutation-tick"), _tick_data(person, rights["view"]))
    tick = MutationTick.objects.get()
    assert tick.ticked_by == personas.manager
    page = client.get(reverse("matrix:mutations")).content.decode()
    assert "0 wijzigingen nog te doen" in page

    client.post(reverse("matrix:mutation-tick"), _tick_data(person, rights["view"], done=False))
    assert not MutationTick.objects.exists()


def test_only_changes_on_the_list_can_be_ticked(client_as, rights):
    person = makers.person("Vera Vertrokken", leaving_date=days(-5))
    makers.assign(person, rights["roles"]["Medewerker"], start=days(-300), end=days(-5))

    response = client_as("manager").post(
        reverse("matrix:mutation-tick"),
        _tick_data(person, rights["admin"]),  # never held
    )

    assert response.status_code == 400
    assert not MutationTick.objects.exists()


def test_an_old_tick_does_not_mark_a_later_leave_as_done(client_as, rights):
    person = makers.person("Rik Terug", leaving_date=days(-200))
    MutationTick.objects.create(
        person=person,
        right=rights["view"],
        action="revoke",
        occasion=f"leaving:{days(-200).isoformat()}",
    )
    # Rehired, and leaving again.
    person.leaving_date = days(-5)
    person.save()
    makers.assign(person, rights["roles"]["Medewerker"], start=days(-100), end=days(-5))

    [entry] = mutations_list(since=days(-30))
    assert [m.tick for m in entry.mutations] == [None]


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_who_may_read_and_tick(client_as, rights, persona):
    person = makers.person("Vera Vertrokken", leaving_date=days(-5))
    makers.assign(person, rights["roles"]["Medewerker"], start=days(-300), end=days(-5))
    client = client_as(persona)

    read = client.get(reverse("matrix:mutations")).status_code
    tick = client.post(
        reverse("matrix:mutation-tick"), _tick_data(person, rights["view"])
    ).status_code

    if persona == "anonymous":
        assert (read, tick) == (302, 302)
    elif persona in {"outsider", "key_user"}:  # key users have no need to know who leaves
        assert (read, tick) == (403, 403)
    elif persona in {"beheerder", "manager", "owner"}:  # the owner owns this right's component
        assert (read, tick) == (200, 302)
    else:
        assert (read, tick) == (200, 403)
    assert MutationTick.objects.exists() == (persona in {"beheerder", "manager", "owner"})


def test_an_owner_cannot_tick_another_components_right(client_as, rights):
    person = makers.person("Vera Vertrokken", leaving_date=days(-5))
    Grant.objects.create(role=rights["roles"]["Medewerker"], right=rights["elsewhere"])
    makers.assign(person, rights["roles"]["Medewerker"], start=days(-300), end=days(-5))

    response = client_as("owner").post(
        reverse("matrix:mutation-tick"), _tick_data(person, rights["elsewhere"])
    )

    assert response.status_code == 403


def test_the_checklist_downloads_as_excel(client_as, rights):
    person = makers.person("Vera Vertrokken", leaving_date=days(-5))
    makers.assign(person, rights["roles"]["Medewerker"], start=days(-300), end=days(-5))

    response = client_as("mt").get(reverse("matrix:mutations-xlsx"))

    sheet = load_workbook(BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[5][:2] == ["Vera Vertrokken", "vertrokken"]
    assert values[5][4:7] == ["Dossier inzien", "Intrekken", "te doen"]
