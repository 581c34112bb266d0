import pytest
from django.urls import reverse

from matrix.models import MatrixVersion, Responsibility
from tests.beheer.makers import days
from tests.personas import ALL_PERSONAS


def _adopt(client, **data):
    """Adopt the fixture's matrix, whose two rows break the rules: knowingly, with a note."""
    return client.post(
        reverse("matrix:versions"),
        {
            "adopted_on": days(0).isoformat(),
            "note": "Vastgesteld met twee open punten",
            "accept_broken": "on",
            **data,
        },
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


def test_adopting_while_tasks_break_the_rules_warns_lists_them_and_asks_why(client_as, matrix):
    client = client_as("manager")

    page = client.get(reverse("matrix:versions")).content.decode()
    warning = page.split('class="adopt-warning"')[1].split("</div>")[0]
    assert "Andere taak" in warning and "Losse taak" in warning and "Eigen taak" not in warning
    assert f'#activity-{matrix["loose_task"].pk}"' in warning

    unconfirmed = _adopt(client, accept_broken="")
    assert unconfirmed.status_code == 200 and not MatrixVersion.objects.exists()
    assert unconfirmed.context["form"].has_error("accept_broken")
    without_reason = _adopt(client, note="  ")
    assert without_reason.context["form"].has_error("note")
    assert not MatrixVersion.objects.exists()

    _adopt(client, note="Twee taken volgen in het volgende overleg")
    assert MatrixVersion.objects.get().note == "Twee taken volgen in het volgende overleg"


def test_a_matrix_that_keeps_the_rules_is_adopted_without_a_question(client_as, matrix):
    roles = matrix["roles"]
    Responsibility.objects.create(activity=matrix["other_task"], role=roles["Rol B"], code="R")
    matrix["loose_task"].delete()
    client = client_as("manager")

    page = client.get(reverse("matrix:versions"))
    assert "adopt-warning" not in page.content.decode()
    assert "accept_broken" not in page.context["form"].fields

    response = client.post(
        reverse("matrix:versions"), {"adopted_on": days(0).isoformat(), "note": ""}
    )
    assert response.status_code == 302 and MatrixVersion.objects.count() == 1


def test_adopting_records_the_decision_of_the_forum_chosen_in_the_same_step(client_as, matrix):
    from governance.models import Decision, Forum

    Forum.objects.filter(kind=Forum.Kind.STUURGROEP).delete()
    stuurgroep = Forum.objects.create(name_nl="Stuurgroep test", kind=Forum.Kind.STUURGROEP)
    other = Forum.objects.create(name_nl="Beheeroverleg test", kind=Forum.Kind.BEHEEROVERLEG)
    client = client_as("manager")

    assert client.get(reverse("matrix:versions")).context["form"]["forum"].value() == stuurgroep.pk

    _adopt(client, forum=other.pk, adopted_on=days(-2).isoformat())
    version = MatrixVersion.objects.get()
    decision = Decision.objects.get()
    assert (decision.forum, decision.matrix_version, decision.date) == (other, version, days(-2))
    assert str(version) in decision.text and decision.rationale == version.note
    detail = client_as("mt").get(version.get_absolute_url()).content.decode()
    assert decision.get_absolute_url().replace("&", "&amp;") in detail

    _adopt(client, forum="")
    assert MatrixVersion.objects.count() == 2 and Decision.objects.count() == 1


def test_the_comparison_shows_changed_holders_and_the_codes_of_added_tasks(client_as, matrix):
    from beheer.models import Assignment
    from matrix.models import Activity
    from tests.beheer import makers

    holder = makers.assign(makers.person("Oude Houder"), matrix["roles"]["Rol A"])
    client = client_as("manager")
    _adopt(client)
    version = MatrixVersion.objects.get()
    Assignment.objects.filter(pk=holder.pk).update(end_date=days(-1))
    makers.assign(makers.person("Nieuwe Houder"), matrix["roles"]["Rol A"])
    added = Activity.objects.create(title="Gloednieuwe taak", theme="Thema 9")
    Responsibility.objects.create(activity=added, role=matrix["roles"]["Rol C"], code="R")
    Responsibility.objects.create(activity=added, role=matrix["roles"]["Rol B"], code="A")

    page = client.get(reverse("matrix:compare"), {"old": version.pk, "new": "current"})

    diff = page.context["diff"]
    assert diff.changed_holders == [
        {"role": "Rol A", "old": ["Oude Houder"], "new": ["Nieuwe Houder"]}
    ]
    assert [a["codes"] for a in diff.added_activities] == [[("Rol C", "R"), ("Rol B", "A")]]
    content = page.content.decode()
    assert "<del>Oude Houder</del>" in content and "<ins>Nieuwe Houder</ins>" in content
    assert "Rol C" in content.split("Gloednieuwe taak", 1)[1].split("</li>", 1)[0]
