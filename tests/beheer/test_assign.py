from django.urls import reverse

from beheer.history import current_version
from beheer.models import Assignment
from tests.beheer import makers
from tests.beheer.makers import days


def test_assign_from_the_person_page(client_as):
    person, role = makers.person("Petra"), makers.role("Kennisbankredactie")

    response = client_as("manager").post(
        reverse("beheer:person-assign", args=[person.pk]),
        {"role": role.pk, "kind": "deputy", "start_date": days(0).isoformat()},
        follow=True,
    )

    assignment = Assignment.objects.get()
    assert (assignment.person, assignment.role, assignment.kind) == (person, role, "deputy")
    assert response.redirect_chain[-1][0] == person.get_absolute_url()
    assert "Petra is nu vervanger van Kennisbankredactie." in response.content.decode()


def test_assign_from_the_role_page(client_as):
    person, role = makers.person("Petra"), makers.role("Kennisbankredactie")

    response = client_as("manager").post(
        reverse("beheer:role-assign", args=[role.pk]),
        {"person": person.pk, "kind": "holder", "start_date": days(0).isoformat()},
    )

    assert response["Location"] == role.get_absolute_url()
    assert Assignment.objects.filter(person=person, role=role, kind="holder").exists()


def test_an_end_before_the_start_is_refused(client_as):
    person, role = makers.person(), makers.role()

    response = client_as("manager").post(
        reverse("beheer:role-assign", args=[role.pk]),
        {
            "person": person.pk,
            "kind": "holder",
            "start_date": "2026-05-01",
            "end_date": "2026-04-01",
        },
    )

    assert response.status_code == 200
    assert "De einddatum kan niet voor de begindatum liggen." in response.content.decode()
    assert not Assignment.objects.exists()


def test_the_same_role_twice_in_one_period_is_refused(client_as):
    person, role = makers.person("Petra"), makers.role()
    makers.assign(person, role)

    response = client_as("manager").post(
        reverse("beheer:role-assign", args=[role.pk]),
        {"person": person.pk, "kind": "deputy", "start_date": days(0).isoformat()},
    )

    assert "Petra heeft deze rol al in die periode." in response.content.decode()
    assert Assignment.objects.count() == 1


def test_an_assignment_can_be_ended_and_removed(client_as):
    assignment = makers.assign(makers.person(), makers.role())
    client = client_as("manager")

    client.post(
        reverse("beheer:assignment-update", args=[assignment.pk]),
        {
            "person": assignment.person.pk,
            "role": assignment.role.pk,
            "kind": "holder",
            "start_date": assignment.start_date.isoformat(),
            "end_date": days(1).isoformat(),
            "seen_version": current_version(assignment),
        },
    )
    assignment.refresh_from_db()
    assert assignment.end_date == days(1)

    response = client.post(
        reverse("beheer:assignment-delete", args=[assignment.pk]), {"back": "person"}
    )
    assert response["Location"] == assignment.person.get_absolute_url()
    assert not Assignment.objects.exists()


def test_removing_needs_a_post(client_as):
    assignment = makers.assign(makers.person(), makers.role())

    response = client_as("manager").get(reverse("beheer:assignment-delete", args=[assignment.pk]))

    assert response.status_code == 405
    assert Assignment.objects.exists()
