"""The matrix's change history: the list of recent changes, a task's and a cell's."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from beheer.history import current_version
from matrix.models import Activity, Grant, Responsibility
from matrix.selectors import matrix_changes
from tests.personas import ALL_PERSONAS

READERS = {"beheerder", "manager", "owner", "key_user", "mt"}


def nl(text: str) -> str:
    """A text as the Dutch pages show it."""
    with override("nl"):
        return gettext(text)


def _cell(client, task, role, code, expected):
    return client.post(
        reverse("matrix:cell"),
        {"activity": task.pk, "role": role.pk, "code": code, "expected": expected},
    )


def _rename(client, task, title):
    return client.post(
        reverse("matrix:activity-update", args=[task.pk]),
        {"title": title, "theme": task.theme, "seen_version": current_version(task)},
    )


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_every_reader_sees_the_change_list_and_cell_histories(client_as, matrix, persona):
    client = client_as(persona)
    task, role = matrix["own_task"], matrix["roles"]["Rol A"]
    expected = 302 if persona == "anonymous" else 200 if persona in READERS else 403

    assert client.get(reverse("matrix:grid-changes")).status_code == expected
    cell = client.get(reverse("matrix:grid-cell-history"), {"activity": task.pk, "role": role.pk})
    assert cell.status_code == expected


def test_the_change_list_says_who_changed_which_code_and_task_and_when(client_as, matrix):
    manager = client_as("manager")
    task, role = matrix["loose_task"], matrix["roles"]["Rol C"]
    _cell(manager, task, role, "R", "")
    _cell(manager, task, role, "A", "R")
    _rename(manager, task, "Hernoemde taak")
    manager.post(reverse("matrix:activity-delete", args=[matrix["other_task"].pk]))

    changes = client_as("mt").get(reverse("matrix:grid-changes")).context["table"].data.data

    cells = [(c.task, c.what, c.old, c.new, c.who) for c in changes if c.is_cell]
    assert ("Hernoemde taak", "Rol C", "R", "A", "Manager") in cells
    assert ("Hernoemde taak", "Rol C", "", "R", "Manager") in cells
    # The deleted task keeps its name in the list; its codes went with it.
    assert ("Andere taak", "Rol A", "A", "", "Manager") in cells
    tasks = [(c.what, c.old, c.new, c.task_exists) for c in changes if not c.is_cell]
    assert ("taak", "Losse taak", "Hernoemde taak", True) in tasks
    assert (nl("task deleted"), "Andere taak", "", False) in tasks
    assert [c.when for c in changes] == sorted((c.when for c in changes), reverse=True)


def test_the_change_list_filters_by_person_and_by_date(client_as, matrix, personas):
    task, role = matrix["loose_task"], matrix["roles"]["Rol C"]
    _cell(client_as("manager"), task, role, "R", "")
    _cell(client_as("beheerder"), task, role, "A", "R")
    # A change from last month, by the manager.
    old = Responsibility.history.filter(activity=task, code="R").get()
    old.history_date -= timedelta(days=30)
    old.save()
    client = client_as("mt")

    def listed(**query):
        page = client.get(reverse("matrix:grid-changes"), query)
        changes = page.context["table"].data.data
        return [(c.new, c.who) for c in changes if c.is_cell and c.task == "Losse taak"]

    assert listed(person=personas.manager.pk) == [("R", "Manager")]
    assert listed(person=personas.beheerder.pk) == [("A", "Beheerder")]
    today = timezone.localdate()
    assert listed(since=today.isoformat()) == [("A", "Beheerder")]
    assert listed(until=(today - timedelta(days=1)).isoformat()) == [("R", "Manager")]
    page = client.get(reverse("matrix:grid-changes"), {"person": personas.manager.pk})
    assert f'value="{personas.manager.pk}" selected' in page.content.decode()


def test_the_change_list_takes_as_many_queries_for_a_long_history(client_as, matrix):
    client = client_as("mt")
    roles = list(matrix["roles"].values())

    def queries():
        cache.clear()  # both counts cold: the page's frame is cached by data version
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("matrix:grid-changes")).status_code == 200
        return len(captured)

    _cell(client_as("manager"), matrix["loose_task"], roles[0], "R", "")
    few = queries()
    manager = client_as("manager")
    for number in range(12):
        task = Activity.objects.create(title=f"Taak {number}", theme="Thema 3")
        for role in roles:
            _cell(manager, task, role, "C", "")
        _rename(manager, task, f"Hernoemd {number}")
    assert queries() == few


def test_a_cells_history_lists_its_changes_newest_first(client_as, matrix):
    manager = client_as("manager")
    task, role = matrix["loose_task"], matrix["roles"]["Rol B"]
    _cell(manager, task, role, "R", "")
    _cell(manager, task, role, "C", "R")
    _cell(manager, task, role, "", "C")

    page = client_as("key_user").get(
        reverse("matrix:grid-cell-history"), {"activity": task.pk, "role": role.pk}
    )

    changes = page.context["changes"]
    assert [(c.old, c.new) for c in changes] == [("C", ""), ("R", "C"), ("", "R")]
    content = page.content.decode()
    assert "Losse taak" in content and "Rol B" in content and "Manager" in content


def test_a_cell_without_history_says_so_and_a_bad_cell_is_refused(client_as, matrix):
    client = client_as("mt")
    url = reverse("matrix:grid-cell-history")
    task, role = matrix["loose_task"], matrix["roles"]["Rol C"]

    empty = client.get(url, {"activity": task.pk, "role": role.pk}).content.decode()
    assert nl("No change of this cell has been recorded.") in empty
    assert client.get(url, {"activity": "x", "role": role.pk}).status_code == 400
    assert client.get(url, {"role": role.pk}).status_code == 400


def test_a_grants_history_says_who_gave_and_took_it(client_as, rights):
    role, right = rights["roles"]["Medewerker"], rights["elsewhere"]
    grant = Grant.objects.create(role=role, right=right)
    grant.delete()

    page = client_as("mt").get(
        reverse("matrix:grant-history"), {"right": right.pk, "role": role.pk}
    )

    assert [(c.old, c.new) for c in page.context["changes"]] == [("✓", ""), ("", "✓")]
    assert "Rapporten" in page.content.decode()


def test_a_tasks_page_shows_its_own_changes(client_as, matrix):
    manager = client_as("manager")
    task = matrix["own_task"]
    _rename(manager, task, "Eigen taak, hernoemd")
    _cell(manager, task, matrix["roles"]["Rol C"], "I", "")
    _cell(manager, matrix["loose_task"], matrix["roles"]["Rol C"], "R", "")

    page = manager.get(reverse("matrix:row", args=[task.pk]))

    changes = page.context["changes"].data.data
    assert {c.task for c in changes} == {"Eigen taak, hernoemd"}
    assert ("Rol C", "", "I") in [(c.what, c.old, c.new) for c in changes]
    assert "Eigen taak, hernoemd" in page.content.decode()


def test_the_selector_shows_a_move_to_another_component(matrix):
    task = matrix["loose_task"]
    task.component = matrix["own"]
    task.save()

    [change] = matrix_changes(activity_id=task.pk)[:1]

    assert (change.what, change.old, change.new) == ("onderdeel", "", "Eigen onderdeel")
