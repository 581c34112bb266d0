import pytest
from django.urls import reverse

from matrix.models import MatrixVersion, Responsibility
from tests.beheer.makers import days
from tests.personas import ALL_PERSONAS


def _adopt(client, **data):
    return client.post(
        reverse("matrix:versions"), {"adopted_on": days(0).isoformat(), "note": "", **data}
    )


def test_a_manager_adopts_an_immutable_snapshot(client_as, matrix, personas):
    response = _adopt(client_as("manager"), note="MT-overleg")

    version = MatrixVersion.objects.get()
    assert response["Location"] == version.get_absolute_url()
    assert (version.adopted_by, version.note) == (personas.manager, "MT-overleg")
    own_task, role_a = matrix["own_task"], matrix["roles"]["Rol A"]
    assert version.snapshot["codes"][str(own_task.pk)][str(role_a.pk)] == "A"

    # Later changes to the matrix do not touch the version.
    Responsibility.objects.filter(activity=own_task, role=role_a).update(code="C")
    version.refresh_from_db()
    assert version.snapshot["codes"][str(own_task.pk)][str(role_a.pk)] == "A"
    page = client_as("mt").get(version.get_absolute_url()).content.decode()
    assert "MT-overleg" in page and "Eigen taak" in page


def test_a_future_date_is_refused(client_as, matrix):
    response = _adopt(client_as("manager"), adopted_on=days(3).isoformat())

    assert response.status_code == 200
    assert "niet in de toekomst" in response.content.decode()
    assert not MatrixVersion.objects.exists()


def test_comparing_a_version_with_now_shows_every_kind_of_change(client_as, matrix):
    client = client_as("manager")
    _adopt(client)
    version = MatrixVersion.objects.get()
    Responsibility.objects.filter(
        activity=matrix["own_task"], role=matrix["roles"]["Rol B"]
    ).update(code="C")
    matrix["loose_task"].delete()
    from matrix.models import Activity

    Activity.objects.create(title="Gloednieuwe taak", theme="Thema 9")

    diff = client.get(reverse("matrix:compare"), {"old": version.pk, "new": "current"}).context[
        "diff"
    ]

    assert [a["title"] for a in diff.added_activities] == ["Gloednieuwe taak"]
    assert [a["title"] for a in diff.removed_activities] == ["Losse taak"]
    assert diff.changed_cells == [
        {"activity": "Eigen taak", "role": "Rol B", "old": "R", "new": "C"}
    ]


def test_two_identical_versions_show_no_differences(client_as, matrix):
    client = client_as("manager")
    _adopt(client)
    _adopt(client)
    old, new = MatrixVersion.objects.order_by("pk")

    page = client.get(reverse("matrix:compare"), {"old": old.pk, "new": new.pk})

    assert page.context["diff"].is_empty
    assert "Geen verschillen." in page.content.decode()


def test_a_version_exports_as_it_was(client_as, matrix):
    from io import BytesIO

    from openpyxl import load_workbook

    client = client_as("manager")
    _adopt(client)
    version = MatrixVersion.objects.get()
    Responsibility.objects.all().delete()

    response = client.get(reverse("matrix:export"), {"version": version.pk})

    sheet = load_workbook(BytesIO(response.content))["Beheermatrix"]
    assert "Vastgestelde versie" in sheet["B2"].value
    assert "A" in [c.value for row in sheet.iter_rows(min_row=8) for c in row]


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_everyone_reads_versions_only_managers_adopt(client_as, matrix, persona):
    client = client_as(persona)

    read = client.get(reverse("matrix:versions")).status_code
    adopt = _adopt(client).status_code

    if persona == "anonymous":
        assert (read, adopt) == (302, 302)
    elif persona == "outsider":
        assert (read, adopt) == (403, 403)
    elif persona in {"beheerder", "manager"}:
        assert (read, adopt) == (200, 302)
    else:
        assert (read, adopt) == (200, 403)
    assert MatrixVersion.objects.exists() == (persona in {"beheerder", "manager"})
