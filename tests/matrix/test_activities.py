import pytest
from django.urls import reverse

from beheer.history import current_version
from matrix.models import Activity, Responsibility
from tests.personas import ALL_PERSONAS


def test_a_manager_adds_renames_and_deletes_a_task(client_as, matrix):
    client = client_as("manager")

    client.post(reverse("matrix:activity-create"), {"title": "Nieuwe taak", "theme": "Thema 2"})
    task = Activity.objects.get(title="Nieuwe taak")
    assert task.order > matrix["loose_task"].order

    client.post(
        reverse("matrix:activity-update", args=[task.pk]),
        {"title": "Hernoemde taak", "theme": "Thema 1", "seen_version": current_version(task)},
    )
    task.refresh_from_db()
    assert (task.title, task.theme) == ("Hernoemde taak", "Thema 1")

    confirm = client.get(reverse("matrix:activity-delete", args=[task.pk]))
    assert "Hernoemde taak" in confirm.content.decode()
    client.post(reverse("matrix:activity-delete", args=[task.pk]))
    assert not Activity.objects.filter(pk=task.pk).exists()


def test_a_task_needs_a_title_and_a_theme(client_as, matrix):
    response = client_as("manager").post(reverse("matrix:activity-create"), {"title": ""})

    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.content.decode()


def test_tasks_move_within_their_theme(client_as, matrix):
    client = client_as("manager")
    own, other = matrix["own_task"], matrix["other_task"]

    client.post(reverse("matrix:activity-move", args=[other.pk]), {"direction": "up"})

    titles = [a.title for a in Activity.objects.filter(theme="Thema 1")]
    assert titles == ["Andere taak", "Eigen taak"]
    client.post(reverse("matrix:activity-move", args=[other.pk]), {"direction": "up"})  # at top
    assert [a.title for a in Activity.objects.filter(theme="Thema 1")] == titles
    assert own.pk


def test_an_owner_adds_tasks_only_to_their_own_component(client_as, matrix):
    client = client_as("owner")

    refused = client.post(
        reverse("matrix:activity-create"),
        {"title": "Elders", "theme": "T", "component": matrix["other"].pk},
    )
    assert refused.status_code == 200  # not a choice for them
    assert not Activity.objects.filter(title="Elders").exists()

    client.post(
        reverse("matrix:activity-create"),
        {"title": "Bij mij", "theme": "T", "component": matrix["own"].pk},
    )
    assert Activity.objects.filter(title="Bij mij", component=matrix["own"]).exists()


def test_the_row_form_edits_a_row_without_javascript(client_as, matrix):
    roles, task = matrix["roles"], matrix["loose_task"]

    response = client_as("manager").post(
        reverse("matrix:row", args=[task.pk]),
        {
            f"role_{roles['Rol A'].pk}": "A",
            f"role_{roles['Rol B'].pk}": "R",
            f"role_{roles['Rol C'].pk}": "",
            **{f"seen_{role.pk}": "" for role in roles.values()},
        },
    )

    assert response.status_code == 302
    assert dict(Responsibility.objects.filter(activity=task).values_list("role__name", "code")) == {
        "Rol A": "A",
        "Rol B": "R",
    }


WRITERS = {"beheerder", "manager"}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_who_may_open_the_task_forms(client_as, matrix, persona):
    client = client_as(persona)
    loose = matrix["loose_task"]
    urls = [
        reverse("matrix:activity-create"),
        reverse("matrix:row", args=[loose.pk]),
        reverse("matrix:activity-update", args=[loose.pk]),
        reverse("matrix:activity-delete", args=[loose.pk]),
    ]
    for url in urls:
        status = client.get(url).status_code
        if persona == "anonymous":
            assert status == 302
        elif persona == "owner":
            # May add tasks (to their component), not touch a task without component.
            assert status == (200 if url == urls[0] else 403), url
        else:
            assert status == (200 if persona in WRITERS else 403), url


def test_the_row_form_refuses_to_overwrite_a_change_made_meanwhile(client_as, matrix):
    roles, task = matrix["roles"], matrix["own_task"]  # shows Rol A: A, Rol B: R
    seen = {f"seen_{roles['Rol A'].pk}": "A", f"seen_{roles['Rol B'].pk}": "R"}
    # A colleague changes Rol B after the form was opened; another adds Rol C.
    Responsibility.objects.filter(activity=task, role=roles["Rol B"]).update(code="C")
    Responsibility.objects.create(activity=task, role=roles["Rol C"], code="I")
    client = client_as("manager")

    # Changing only Rol A keeps the colleagues' changes.
    client.post(
        reverse("matrix:row", args=[task.pk]),
        {
            **seen,
            f"role_{roles['Rol A'].pk}": "A",
            f"role_{roles['Rol B'].pk}": "R",
            f"role_{roles['Rol C'].pk}": "",
            f"seen_{roles['Rol C'].pk}": "",
        },
    )
    codes = dict(Responsibility.objects.filter(activity=task).values_list("role__name", "code"))
    assert codes == {"Rol A": "A", "Rol B": "C", "Rol C": "I"}

    # Changing Rol B, which moved on meanwhile, is refused and writes nothing.
    response = client.post(
        reverse("matrix:row", args=[task.pk]),
        {
            **seen,
            f"role_{roles['Rol A'].pk}": "R",
            f"role_{roles['Rol B'].pk}": "A",
            f"role_{roles['Rol C'].pk}": "I",
            f"seen_{roles['Rol C'].pk}": "I",
        },
    )
    assert response.status_code == 200
    assert "Iemand anders heeft Rol B" in response.content.decode()
    codes = dict(Responsibility.objects.filter(activity=task).values_list("role__name", "code"))
    assert codes == {"Rol A": "A", "Rol B": "C", "Rol C": "I"}
