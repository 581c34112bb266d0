import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.beheer import makers
from tests.personas import ALL_PERSONAS

DASHBOARD_READERS = {"beheerder", "manager", "owner", "key_user", "mt"}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_each_persona_gets_what_it_may_see(client_as, persona):
    response = client_as(persona).get(reverse("dashboard"))

    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"] == reverse("login") + "?next=/"
    elif persona in DASHBOARD_READERS:
        assert response.status_code == 200
        assert "beheer/dashboard.html" in [t.name for t in response.templates]
    else:
        assert response.status_code == 403
        assert "beheer/no_access.html" in [t.name for t in response.templates]


def test_it_counts_accounts_per_group(client_as):
    response = client_as("manager").get(reverse("dashboard"))

    rows = {name: members for name, _description, members in response.context["group_rows"]}
    assert rows == {"Beheerders": 1, "Managers": 1, "Eigenaren": 1, "Key users": 1, "MT": 1}
    assert b'data-group="Key users">1<' in response.content


def test_it_links_only_sections_that_exist(client_as):
    response = client_as("manager").get(reverse("dashboard"))

    for section in response.context["feature_sections"]:
        if section.url:
            assert f'href="{section.url}"'.encode() in response.content
        else:
            assert "Nog niet beschikbaar" in response.content.decode()


@pytest.mark.parametrize("scale", [1, 4])
def test_its_query_count_does_not_grow_with_the_data(
    client_as, django_assert_max_num_queries, scale
):
    call_command("loaddemo", allow_public_demo_passwords=True, scale=scale, stdout=None)
    client = client_as("manager")

    # Cold cache: it gathers counts from every module; a fixed number nonetheless.
    with django_assert_max_num_queries(35):
        response = client.get(reverse("dashboard"))
    assert response.status_code == 200


def test_it_shows_the_knowledge_risk_counts(client_as, empty_register):
    makers.role("Vacante rol")
    makers.assign(makers.person(), makers.role("Rol zonder vervanger"))

    content = client_as("mt").get(reverse("dashboard")).content.decode()

    assert 'data-rule="vacant">1<' in content
    assert 'data-rule="no_deputy">1<' in content
    assert 'data-rule="overloaded">0<' in content


def test_the_cached_counts_follow_changes(client_as):
    client = client_as("mt")
    before = client.get(reverse("dashboard")).content.decode()
    count = int(before.split("<strong>")[3].split("</strong>")[0])  # people

    makers.person("Nieuwe collega")

    after = client.get(reverse("dashboard")).content.decode()
    assert f"<strong>{count + 1}</strong>" in after


def test_it_counts_what_needs_doing_in_the_matrices(client_as, empty_register):
    from matrix.models import Activity, Responsibility

    role = makers.role("Rol")
    Activity.objects.create(title="Zonder codes", theme="T")
    valid = Activity.objects.create(title="Geldig", theme="T")
    Responsibility.objects.create(activity=valid, role=role, code="A")
    Responsibility.objects.create(activity=valid, role=makers.role("Rol 2"), code="R")

    content = client_as("mt").get(reverse("dashboard")).content.decode()

    tasks = Activity.objects.count()
    assert f"<strong>{tasks}</strong> taken in de beheermatrix" in content
    invalid = tasks - 1  # only "Geldig" keeps the rules; the defaults were removed with roles
    assert f"<strong>{invalid}</strong> taken die niet aan de regels voldoen" in content
