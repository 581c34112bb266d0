import pytest
from django.db import IntegrityError
from django.urls import reverse

from beheer.models import Role
from matrix import services
from matrix.models import Activity, Responsibility
from tests.personas import ALL_PERSONAS


def _post(client, task, role, code, expected):
    return client.post(
        reverse("matrix:cell"),
        {"activity": task.pk, "role": role.pk, "code": code, "expected": expected},
    )


def _code(task, role) -> str:
    cell = Responsibility.objects.filter(activity=task, role=role).first()
    return cell.code if cell else ""


def test_a_manager_sets_changes_and_clears_a_cell(client_as, matrix):
    client, task, role = client_as("manager"), matrix["loose_task"], matrix["roles"]["Rol C"]

    response = _post(client, task, role, "R", "")
    assert response.status_code == 200
    assert _code(task, role) == "R"
    assert '<td tabindex="0" class="code-R">R</td>' in response.content.decode()

    _post(client, task, role, "A", "R")
    assert _code(task, role) == "A"

    _post(client, task, role, "", "A")
    assert _code(task, role) == ""


def test_the_answer_carries_the_rows_new_status(client_as, matrix):
    client, task, roles = client_as("manager"), matrix["own_task"], matrix["roles"]

    invalid = _post(client, task, roles["Rol C"], "A", "").content.decode()
    assert f'id="status-activity-{task.pk}"' in invalid
    assert 'hx-swap-oob="true"' in invalid
    assert "meer dan één A" in invalid

    valid = _post(client, task, roles["Rol C"], "C", "A").content.decode()
    assert 'data-invalid="false"' in valid


def test_a_change_made_meanwhile_by_someone_else_is_not_overwritten(client_as, matrix):
    client, task, role = client_as("manager"), matrix["own_task"], matrix["roles"]["Rol B"]
    # The page showed R; a colleague has since made it C.
    Responsibility.objects.filter(activity=task, role=role).update(code="C")

    response = _post(client, task, role, "I", "R")

    assert _code(task, role) == "C"
    assert response["X-Cell-Saved"] == "false"
    content = response.content.decode()
    assert 'class="code-C">C</td>' in content  # the cell shows the current value
    assert "Iemand anders heeft deze cel" in content


def test_an_unknown_code_is_refused(client_as, matrix):
    response = _post(client_as("manager"), matrix["loose_task"], matrix["roles"]["Rol A"], "X", "")

    assert response.status_code == 400
    assert not Responsibility.objects.filter(activity=matrix["loose_task"]).exists()


def test_a_cell_change_keeps_history(client_as, matrix, personas):
    task, role = matrix["own_task"], matrix["roles"]["Rol B"]

    _post(client_as("manager"), task, role, "C", "R")

    record = Responsibility.history.filter(activity=task, role=role).latest("history_id")
    assert (record.code, record.history_user) == ("C", personas.manager)


EDITORS_OF_OWN_ROW = {"beheerder", "manager", "owner"}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_who_may_edit_a_row_of_the_owners_component(client_as, matrix, persona):
    response = _post(client_as(persona), matrix["own_task"], matrix["roles"]["Rol C"], "C", "")

    if persona == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == (200 if persona in EDITORS_OF_OWN_ROW else 403)
    assert _code(matrix["own_task"], matrix["roles"]["Rol C"]) == (
        "C" if persona in EDITORS_OF_OWN_ROW else ""
    )


@pytest.mark.parametrize("task", ["other_task", "loose_task"])
def test_an_owner_cannot_edit_other_rows(client_as, matrix, task):
    response = _post(client_as("owner"), matrix[task], matrix["roles"]["Rol C"], "C", "")

    assert response.status_code == 403
    assert _code(matrix[task], matrix["roles"]["Rol C"]) == ""


def test_a_key_users_forged_post_is_refused(client_as, matrix):
    client = client_as("key_user")
    client.get(reverse("matrix:grid"))  # a real session with a CSRF cookie

    response = _post(client, matrix["own_task"], matrix["roles"]["Rol A"], "", "A")

    assert response.status_code == 403
    assert _code(matrix["own_task"], matrix["roles"]["Rol A"]) == "A"


def test_a_cell_save_needs_a_post(client_as, matrix):
    assert client_as("manager").get(reverse("matrix:cell")).status_code == 405


def test_a_save_reads_no_more_than_its_row(client_as, matrix, django_assert_max_num_queries):
    client, task, role = client_as("manager"), matrix["loose_task"], matrix["roles"]["Rol C"]
    client.get(reverse("matrix:grid"))

    # Session, user and groups; the row (locked), the write, its history, the
    # matrix's version; two for the transaction (a savepoint inside a test).
    # Not the task and the role by themselves: the write finds out they exist.
    with django_assert_max_num_queries(9):
        assert _post(client, task, role, "R", "")["X-Cell-Saved"] == "true"
    with django_assert_max_num_queries(9):
        assert _post(client, task, role, "", "R")["X-Cell-Saved"] == "true"


@pytest.mark.django_db(transaction=True)
def test_a_new_code_for_a_task_or_role_that_does_not_exist_is_refused(client_as, matrix):
    client, task, role = client_as("manager"), matrix["loose_task"], matrix["roles"]["Rol C"]
    missing_task = Activity(pk=task.pk + 1000)
    missing_role = Role(pk=role.pk + 1000)

    assert _post(client, task, missing_role, "R", "").status_code == 400
    assert _post(client, missing_task, role, "R", "").status_code == 400
    assert not Responsibility.objects.filter(activity=task).exists()
    # The page showed a code that is no longer there: its message needs names.
    assert _post(client, missing_task, role, "", "R").status_code == 404


def test_a_cell_filled_at_the_same_moment_keeps_the_other_code(matrix, monkeypatch):
    task, role = matrix["loose_task"], matrix["roles"]["Rol C"]

    def refused(**kwargs):
        # Another save filled the cell between this save's read and its write.
        Responsibility.objects.create(activity=task, role=role, code="C")
        raise IntegrityError("one_code_per_cell")

    monkeypatch.setattr(services, "_cell_write", refused)
    result = services.cell_set(activity_id=task.pk, role_id=role.pk, code="R", expected="")

    assert (result.saved, result.code, result.row_codes) == (False, "C", {role.pk: "C"})
