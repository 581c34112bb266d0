import json
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import HttpRequest
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from beheer.models import Person, Role
from matrix.models import Activity, Responsibility
from tests.beheer import makers
from tests.matrix.grid_html import cell, role_order, row_cells
from tests.personas import ALL_PERSONAS

READERS = {"beheerder", "manager", "owner", "key_user", "mt"}


def _expected(persona, allowed):
    if persona == "anonymous":
        return 302
    return 200 if persona in allowed else 403


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_every_reader_sees_the_matrix_pages(client_as, matrix, persona):
    client = client_as(persona)
    for name in ("matrix:grid", "matrix:print", "matrix:by-person", "matrix:json"):
        assert client.get(reverse(name)).status_code == _expected(persona, READERS), name


def test_the_grid_shows_tasks_by_theme_roles_with_holders_and_codes(client_as, matrix):
    makers.assign(makers.person("Hanna Houder"), matrix["roles"]["Rol A"])

    content = client_as("mt").get(reverse("matrix:grid")).content.decode()

    assert content.index("Thema 1") < content.index("Eigen taak") < content.index("Thema 2")
    assert "Hanna Houder" in content
    assert (
        cell(content, matrix["own_task"], matrix["roles"]["Rol A"]) == '<td class="code-A">A</td>'
    )


def test_readers_edit_nothing_and_owners_only_their_rows(client_as, matrix):
    reader = client_as("key_user").get(reverse("matrix:grid")).content.decode()
    owner = client_as("owner").get(reverse("matrix:grid")).content.decode()

    assert "data-editable" not in reader and 'role="grid"' not in reader
    assert "aria-readonly" not in reader  # a plain table, no grid: nothing to say
    assert f'data-key="{matrix["own_task"].pk}" data-editable' in owner
    other = row_cells(owner, matrix["other_task"])
    assert "tabindex" not in "".join(other)
    # Read-only cells say so; a row may not (ARIA allows it on cells only).
    assert all('aria-readonly="true"' in cell for cell in other)
    assert not re.search(r"<tr[^>]*aria-readonly", owner)


def test_the_summary_names_invalid_rows_and_role_problems(client_as, matrix):
    content = client_as("manager").get(reverse("matrix:grid")).content.decode()

    # "Andere taak" has an A but no R, "Losse taak" nothing at all.
    assert 'id="invalid-count">2<' in content
    assert "Rol C" in content.split("zonder codes")[1].split("</p>")[0]
    assert "Rol A" in content.split("die niemand vervult")[1].split("</p>")[0]


def test_the_grid_filters_by_component_and_by_validity(client_as, matrix):
    client = client_as("manager")

    by_component = client.get(reverse("matrix:grid"), {"component": matrix["own"].pk})
    assert "Eigen taak" in by_component.content.decode()
    assert "Andere taak" not in by_component.content.decode()

    invalid_only = client.get(reverse("matrix:grid"), {"invalid": "1"}).content.decode()
    assert "Losse taak" in invalid_only and ">Eigen taak<" not in invalid_only


def test_a_filter_that_fits_no_component_shows_the_whole_grid(client_as, matrix):
    client = client_as("manager")

    for value in ("x", "99999", ""):
        content = client.get(reverse("matrix:grid"), {"component": value}).content.decode()
        assert "Eigen taak" in content and "Andere taak" in content, value


def test_roles_are_grouped_by_kind_owners_first_then_by_name(client_as, matrix):
    makers.role("Rol D", kind="owner")
    content = client_as("manager").get(reverse("matrix:grid")).content.decode()

    roles = Role.objects.in_bulk(role_order(content))
    columns = [roles[pk] for pk in role_order(content)]
    kinds = [role.kind for role in columns]
    assert kinds == sorted(kinds, key=list(Role.Kind.values).index)
    ours = [role.name for role in columns if role.name.startswith("Rol ")]
    assert ours == ["Rol A", "Rol D", "Rol C", "Rol B"]  # owners, key users, functional


def test_the_print_view_shows_codes_and_what_breaks_the_rules(client_as, matrix):
    content = client_as("mt").get(reverse("matrix:print")).content.decode()

    own_row = content.split("Eigen taak</th>", 1)[1].split("</tr>", 1)[0]
    assert own_row.count('<td class="cell code-A">A</td>') == 1
    assert own_row.count('<td class="cell code-R">R</td>') == 1
    assert "Andere taak <small>(geen R)</small>" in content
    assert "Losse taak <small>(geen A, geen R)</small>" in content


def test_a_code_change_shows_at_once_despite_the_cache(client_as, matrix):
    client = client_as("manager")
    client.get(reverse("matrix:grid"))
    Responsibility.objects.create(
        activity=matrix["loose_task"], role=matrix["roles"]["Rol C"], code="I"
    )

    content = client.get(reverse("matrix:grid")).content.decode()

    assert cell(content, matrix["loose_task"], matrix["roles"]["Rol C"]).endswith(">I</td>")


def test_the_json_holds_activities_roles_holders_and_codes(client_as, matrix):
    makers.assign(makers.person("Hanna Houder", is_external=True), matrix["roles"]["Rol A"])

    data = json.loads(client_as("mt").get(reverse("matrix:json")).content)

    assert {a["title"] for a in data["activities"]} >= {"Eigen taak", "Andere taak", "Losse taak"}
    role_a = next(r for r in data["roles"] if r["name"] == "Rol A")
    assert role_a["holders"] == [{"name": "Hanna Houder", "external": True}]
    assert data["codes"][str(matrix["own_task"].pk)][str(role_a["id"])] == "A"


def test_the_by_person_view_derives_codes_from_held_roles(client_as, matrix):
    makers.assign(makers.person("Hanna Houder"), matrix["roles"]["Rol A"])
    makers.assign(makers.person("Vera Vervanger"), matrix["roles"]["Rol B"], kind="deputy")

    content = client_as("key_user").get(reverse("matrix:by-person")).content.decode()

    assert "Hanna Houder" in content and "Vera Vervanger" in content
    assert 'title="Rol B">(R)</span>' in content  # deputy, in brackets
    assert 'title="Rol A">A</span>' in content


@pytest.mark.django_db
def test_the_grids_query_count_does_not_grow_with_the_matrix(client):
    def grid_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("matrix:grid")).status_code == 200
        return len(queries)

    call_command("loaddemo", allow_public_demo_passwords=True, scale=1, stdout=None)
    client.login(request=HttpRequest(), username="manager", password="beheer-demo")
    small = grid_queries()
    call_command("loaddemo", allow_public_demo_passwords=True, scale=3, stdout=None)
    assert Activity.objects.count() > 60 and Role.objects.count() > 25
    assert grid_queries() == small
    assert small <= 12


def test_a_persons_page_shows_their_matrix_part(client_as, matrix):
    person = makers.person("Hanna Houder")
    makers.assign(person, matrix["roles"]["Rol A"])
    makers.assign(person, matrix["roles"]["Rol B"], kind="deputy")

    content = client_as("mt").get(person.get_absolute_url()).content.decode()

    assert "Eigen taak" in content and "Andere taak" in content
    assert Person.objects.count() == 1
