import pytest
from django.http import HttpRequest
from django.urls import reverse

from beheer.models import OrganisationSettings, Role
from matrix.models import Grant, Right
from matrix.rights import person_rights, right_holders, rights_grid
from tests.beheer import makers
from tests.matrix.grid_html import cell
from tests.personas import ALL_PERSONAS


def _post(client, right, role, code, expected):
    return client.post(
        reverse("matrix:grant-cell"),
        {"right": right.pk, "role": role.pk, "code": code, "expected": expected},
    )


def test_a_person_holds_the_rights_of_their_current_roles(rights):
    person = makers.person("Pim")
    makers.assign(person, rights["roles"]["Medewerker"])
    makers.assign(person, rights["roles"]["Beheerder"], kind="deputy")
    makers.assign(makers.person("Oud"), rights["roles"]["Beheerder"], end=makers.days(-1))

    held = {entry["right"].name: entry["via"] for entry in person_rights(person)}

    assert set(held) == {"Dossier inzien", "Gebruikers beheren"}
    assert held["Gebruikers beheren"] == [(rights["roles"]["Beheerder"], "deputy")]
    assert [h.person.name for h in right_holders(rights["admin"])] == ["Pim"]


def test_leavers_and_movers_lose_their_rights(rights):
    person = makers.person("Pim")
    makers.assign(person, rights["roles"]["Medewerker"], end=makers.days(-1))  # moved on
    makers.assign(person, rights["roles"]["Beheerder"], start=makers.days(10))  # not yet

    assert person_rights(person) == []


def test_flags_for_personal_data_with_externals_and_many_admins(rights):
    makers.assign(makers.person("Extern", is_external=True), rights["roles"]["Medewerker"])
    for number in range(3):
        makers.assign(makers.person(f"Beheerder {number}"), rights["roles"]["Beheerder"])
    OrganisationSettings.objects.update_or_create(pk=1, defaults={"max_admin_holders": 2})

    grid = rights_grid(editable_component_ids=set(), edit_all=True)
    flags = {row.right: row.flags for row in grid.rows}

    assert flags[rights["view"]] == ["external_personal_data"]
    assert flags[rights["admin"]] == ["too_many_admins"]
    assert flags[rights["elsewhere"]] == ["unheld"]


def test_a_manager_toggles_a_grant_and_the_person_page_shows_it(client_as, rights):
    person = makers.person("Pim")
    makers.assign(person, rights["roles"]["Medewerker"])
    client = client_as("manager")

    response = _post(client, rights["elsewhere"], rights["roles"]["Medewerker"], "✓", "")

    assert response["X-Cell-Saved"] == "true"
    assert Grant.objects.filter(
        right=rights["elsewhere"], role=rights["roles"]["Medewerker"]
    ).exists()
    assert "Rapporten" in client.get(person.get_absolute_url()).content.decode()
    grid = client.get(reverse("matrix:rights")).content.decode()
    assert cell(grid, rights["elsewhere"], rights["roles"]["Medewerker"], prefix="right") == (
        '<td tabindex="-1" class="granted">✓</td>'
    )

    _post(client, rights["elsewhere"], rights["roles"]["Medewerker"], "", "✓")
    assert not Grant.objects.filter(right=rights["elsewhere"]).exists()


def test_a_grant_save_answers_with_the_rights_flags_in_few_queries(
    client_as, rights, django_assert_max_num_queries
):
    client, role = client_as("manager"), rights["roles"]["Medewerker"]
    makers.assign(makers.person("Extern", is_external=True), role)
    client.get(reverse("matrix:rights"))

    # The request's own three, the grant (locked), the write, its history, the
    # version, the transaction's two, and the right's flags: no holder lists.
    with django_assert_max_num_queries(12):
        response = _post(client, rights["admin"], role, "✓", "")

    assert response["X-Cell-Saved"] == "true"
    assert "badge-risk" not in response.content.decode()  # held now, by one person
    flagged = _post(client, rights["view"], role, "", "✓").content.decode()
    assert "niemand heeft het" in flagged  # nobody holds it any more


@pytest.mark.django_db(transaction=True)
def test_a_grant_of_a_right_or_role_that_does_not_exist_is_refused(client_as, rights):
    client, role = client_as("manager"), rights["roles"]["Medewerker"]

    assert _post(client, rights["elsewhere"], Role(pk=role.pk + 1000), "✓", "").status_code == 400
    assert _post(client, Right(pk=rights["view"].pk + 1000), role, "✓", "").status_code == 400
    assert not Grant.objects.filter(right=rights["elsewhere"]).exists()


def test_a_grant_changed_meanwhile_is_not_overwritten(client_as, rights):
    role = rights["roles"]["Medewerker"]
    Grant.objects.create(right=rights["elsewhere"], role=role)  # after the page was loaded

    response = _post(client_as("manager"), rights["elsewhere"], role, "✓", "")

    assert response["X-Cell-Saved"] == "false"
    assert "Iemand anders heeft dit recht" in response.content.decode()
    assert Grant.objects.filter(right=rights["elsewhere"], role=role).count() == 1


GRANT_EDITORS_OWN = {"beheerder", "manager", "owner"}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_who_may_change_grants(client_as, rights, persona):
    client = client_as(persona)
    role = rights["roles"]["Beheerder"]

    own = _post(client, rights["view"], role, "✓", "").status_code
    other = _post(client, rights["elsewhere"], role, "✓", "").status_code

    if persona == "anonymous":
        assert (own, other) == (302, 302)
    elif persona == "owner":
        assert (own, other) == (200, 403)
    elif persona in GRANT_EDITORS_OWN:
        assert (own, other) == (200, 200)
    else:
        assert (own, other) == (403, 403)
    assert Grant.objects.filter(right=rights["view"], role=role).exists() == (
        persona in GRANT_EDITORS_OWN
    )


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_who_may_read_the_rights_pages(client_as, rights, persona):
    client = client_as(persona)
    for url in (reverse("matrix:rights"), rights["view"].get_absolute_url()):
        status = client.get(url).status_code
        if persona == "anonymous":
            assert status == 302
        else:
            assert status == (403 if persona == "outsider" else 200), url


def test_a_fresh_install_has_default_rights_and_grants(db):
    names = set(Right.objects.values_list("name", flat=True))
    assert {"Klantdossier inzien", "Kennisbankartikel publiceren", "Gebruikers beheren"} <= names
    assert Grant.objects.filter(
        role__name="CRM-beheerder", right__name="Gebruikers beheren"
    ).exists()


@pytest.mark.django_db
def test_the_rights_grid_and_person_page_queries_do_not_grow(client):
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from beheer.models import Person

    def counts():
        person = Person.objects.get(email="s.devries@delinde.example")
        result = []
        for url in (reverse("matrix:rights"), person.get_absolute_url()):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result.append(len(queries))
        return result

    call_command("loaddemo", allow_public_demo_passwords=True, scale=1, stdout=None)
    client.login(request=HttpRequest(), username="manager", password="beheer-demo")
    small = counts()
    call_command("loaddemo", allow_public_demo_passwords=True, scale=3, stdout=None)
    for role in Role.objects.filter(name__startswith="Key user")[:10]:
        for right in Right.objects.all()[:5]:
            Grant.objects.get_or_create(role=role, right=right)
    assert counts() == small
