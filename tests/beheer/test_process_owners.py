"""Seed 004's process owners: a role of the kind "process owner" per service
process, shown on the process page and in the list, and covered by the
knowledge-risk report like every role."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from beheer.models import Role, ServiceProcess
from beheer.risks import knowledge_risks
from tests.beheer import makers


def test_the_process_page_and_list_show_the_owner_or_that_it_is_vacant(client_as):
    process = ServiceProcess.objects.create(name="Klacht indienen")
    role = Role.objects.create(
        name="Proceseigenaar Klacht indienen",
        kind=Role.Kind.PROCESS_OWNER,
        service_process=process,
    )
    client = client_as("manager")

    vacant = client.get(process.get_absolute_url()).content.decode()
    makers.assign(makers.person("Hanna Hoofd"), role)
    makers.assign(makers.person("Dirk Deputy"), role, kind="deputy")
    held = client.get(process.get_absolute_url()).content.decode()
    listed = client.get(reverse("beheer:processes")).content.decode()

    assert (
        "Proceseigenaar Klacht indienen" in vacant and "vacant" in vacant.split("roles-heading")[0]
    )
    owner_part = held.split('id="owner-heading"')[1].split("roles-heading")[0]
    assert "Hanna Hoofd" in owner_part and "Dirk Deputy" in owner_part
    assert "Hanna Hoofd" in listed


def test_a_vacant_process_owner_is_a_knowledge_risk(db):
    process = ServiceProcess.objects.create(name="Klacht indienen")
    role = Role.objects.create(
        name="Proceseigenaar Klacht indienen", kind=Role.Kind.PROCESS_OWNER, service_process=process
    )

    report = knowledge_risks()

    assert role in [finding.subject for finding in report.rule("vacant").findings]


def test_the_demo_gives_each_process_an_owner_but_one(db):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=StringIO())

    owners = {
        role.service_process.name: [a.person.name for a in role.assignments.all()]
        for role in Role.objects.filter(kind=Role.Kind.PROCESS_OWNER).select_related(
            "service_process"
        )
    }

    assert len(owners) == ServiceProcess.objects.count() == 5
    assert [name for name, people in owners.items() if not people] == ["Reparatieverzoek"]


def test_the_role_card_names_the_process_one_owns(client_as):
    process = ServiceProcess.objects.create(name="Klacht indienen")
    role = Role.objects.create(
        name="Proceseigenaar klachten", kind=Role.Kind.PROCESS_OWNER, service_process=process
    )
    person = makers.person("Hanna Hoofd")
    makers.assign(person, role)

    card = client_as("manager").get(reverse("beheer:person-card", args=[person.pk]))

    assert "Proceseigenaar klachten <small>(houder, Klacht indienen)" in card.content.decode()


def test_process_owners_form_a_column_group_of_the_beheermatrix(client_as):
    process = ServiceProcess.objects.create(name="Klacht indienen")
    Role.objects.create(
        name="Proceseigenaar Klacht indienen", kind=Role.Kind.PROCESS_OWNER, service_process=process
    )
    Role.objects.create(name="Functioneel beheerder", kind=Role.Kind.FUNCTIONAL)

    grid = client_as("manager").get(reverse("matrix:grid")).context["grid"]

    groups = {heading: [c.role.name for c in columns] for heading, columns in grid.column_groups}
    assert groups["Proceseigenaar"] == ["Proceseigenaar Klacht indienen"]
    assert "Functioneel beheerder" in groups["Functioneel beheer"]
    assert "Proceseigenaar Klacht indienen" not in groups["Functioneel beheer"]
