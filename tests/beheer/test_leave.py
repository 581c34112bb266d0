from django.urls import reverse

from beheer import services
from beheer.models import Assignment
from tests.beheer import makers
from tests.beheer.makers import assign, days


def test_leaving_ends_running_assignments_on_the_leaving_date(db):
    person = makers.person()
    running = assign(person, makers.role("Lopend"))
    ending_later = assign(person, makers.role("Later"), end=days(100))
    ended = assign(person, makers.role("Voorbij"), start=days(-90), end=days(-60))

    services.person_leave(person=person, leaving_date=days(10))

    running.refresh_from_db()
    ending_later.refresh_from_db()
    ended.refresh_from_db()
    assert running.end_date == days(10)
    assert ending_later.end_date == days(10)
    assert ended.end_date == days(-60)
    person.refresh_from_db()
    assert person.leaving_date == days(10)


def test_assignments_that_would_start_after_leaving_are_removed(db):
    person = makers.person()
    future = assign(person, makers.role(), start=days(30))

    services.person_leave(person=person, leaving_date=days(10))

    assert not Assignment.objects.filter(pk=future.pk).exists()


def test_the_consequences_name_vacancies_and_lost_deputies(db):
    leaver, colleague = makers.person("Vertrekker"), makers.person("Collega")
    alone = makers.role("Alleen")
    shared = makers.role("Gedeeld")
    deputy_only = makers.role("Vervanging")
    deputy_shared = makers.role("Dubbele vervanging")
    assign(leaver, alone)
    assign(leaver, shared)
    assign(colleague, shared)
    assign(leaver, deputy_only, kind="deputy")
    assign(leaver, deputy_shared, kind="deputy")
    assign(colleague, deputy_shared, kind="deputy")

    result = {
        c.role.name: (c.becomes_vacant, c.loses_deputy)
        for c in services.person_leave_consequences(person=leaver, leaving_date=days(5))
    }

    assert result == {
        "Alleen": (True, False),
        "Gedeeld": (False, False),
        "Vervanging": (False, True),
        "Dubbele vervanging": (False, False),
    }


def test_a_colleague_whose_own_assignment_ends_first_does_not_keep_the_role(db):
    leaver, colleague = makers.person("Vertrekker"), makers.person("Collega")
    role = makers.role()
    assign(leaver, role)
    assign(colleague, role, end=days(3))

    [consequence] = services.person_leave_consequences(person=leaver, leaving_date=days(5))

    assert consequence.becomes_vacant


def test_the_page_previews_then_confirms(client_as):
    person = makers.person("Vertrekker")
    role = makers.role("Eigenaar Portaal")
    assign(person, role)
    client = client_as("manager")
    url = reverse("beheer:person-leave", args=[person.pk])
    leaving = days(14).isoformat()

    preview = client.get(url, {"leaving_date": leaving})
    assert "Eigenaar Portaal" in preview.content.decode()
    assert "wordt vacant" in preview.content.decode()
    assert Assignment.objects.get().end_date is None  # nothing changed yet

    response = client.post(url, {"leaving_date": leaving, "confirm": "1"}, follow=True)

    assert Assignment.objects.get().end_date == days(14)
    assert "Vanaf dan vacant: Eigenaar Portaal" in response.content.decode()


def test_a_missing_date_is_an_error_not_a_change(client_as):
    person = makers.person()
    assign(person, makers.role())

    response = client_as("manager").post(
        reverse("beheer:person-leave", args=[person.pk]), {"leaving_date": "", "confirm": "1"}
    )

    assert response.status_code == 200
    assert "Dit veld is verplicht" in response.content.decode()
    assert Assignment.objects.get().end_date is None
