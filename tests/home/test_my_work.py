"""What Mijn werk lists: each kind of work for the person it falls to and for
nobody else, the most urgent first, and one friendly line when there is nothing.

Two people with a login each: Kees (key user) gets the work, Olga (owner) is the
colleague who must not see it (and the other way round for her own work)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from guardian.shortcuts import assign_perm

from beheer.models import Department, OrganisationSettings
from beheer.work import collect_work
from governance.models import Action
from kpi.models import Kpi, Measurement
from matrix.models import Activity, Grant, Responsibility, ReviewAnswer, ReviewRound, Right
from maturity.models import Answer, Assessment, Response, Statement
from maturity.services import assessment_invite
from tests.beheer import makers


@pytest.fixture
def kees(personas):
    return makers.person("Kees Key", user=personas.key_user)


@pytest.fixture
def olga(personas):
    return makers.person("Olga Owner", user=personas.owner)


def work(person, today: date | None = None):
    return collect_work(user=person.user, person=person, today=today or makers.today())


def kinds(person) -> list[str]:
    return [item.kind for item in work(person)]


def titled(person, kind: str) -> list:
    return [item for item in work(person) if item.kind == kind]


# --- Each kind of work --------------------------------------------------------------


def _assessment(answer_by: date, name: str = "Voorjaarsmeting") -> Assessment:
    return Assessment.objects.create(
        department=Department.objects.get_or_create(name="Wonen")[0],
        name=name,
        period_start=makers.days(-60),
        period_end=makers.days(30),
        answer_by=answer_by,
    )


def test_a_questionnaire_shows_for_the_invited_person_with_its_date_and_progress(kees, olga):
    assessment = _assessment(makers.days(7))
    assessment_invite(assessment=assessment, people=[kees])
    response = Response.objects.create(assessment=assessment, respondent=kees.user)
    for statement in Statement.objects.order_by("dimension__order", "order", "pk")[:3]:
        Answer.objects.create(response=response, statement=statement, value="fully")

    [item] = titled(kees, "questionnaire")

    assert "Voorjaarsmeting" in item.title
    assert item.due == makers.days(7) and not item.overdue
    assert item.progress == (3, Statement.objects.count())
    assert item.url.startswith(reverse("maturity:questionnaire", args=[assessment.pk, "x"])[:-2])
    assert titled(olga, "questionnaire") == []


def test_a_submitted_or_closed_questionnaire_is_no_longer_work(kees):
    submitted, closed = _assessment(makers.days(7), "Ingeleverd"), _assessment(makers.days(7))
    assessment_invite(assessment=submitted, people=[kees])
    assessment_invite(assessment=closed, people=[kees])
    Response.objects.create(assessment=submitted, respondent=kees.user, submitted_at=timezone.now())
    closed.is_open = False
    closed.save()

    assert titled(kees, "questionnaire") == []


def test_a_questionnaire_past_its_answer_by_date_is_overdue(kees):
    assessment_invite(assessment=_assessment(makers.days(-1)), people=[kees])

    [item] = titled(kees, "questionnaire")

    assert item.overdue and item.progress == (0, Statement.objects.count())


@pytest.fixture
def owned_component(olga, empty_register):
    """A component whose matrix rows Olga may edit (she owns it)."""
    component = makers.component("Klantportaal")
    assign_perm("beheer.edit_matrix_rows", olga.user, component)
    return component


def test_an_owner_sees_the_rows_of_their_component_that_break_the_rules(
    owned_component, kees, olga
):
    role, other = makers.role("Functioneel beheer"), makers.role("Eigenaar")
    broken = Activity.objects.create(title="Release testen", theme="T", component=owned_component)
    Responsibility.objects.create(activity=broken, role=role, code="R")
    valid = Activity.objects.create(title="Release plannen", theme="T", component=owned_component)
    Responsibility.objects.create(activity=valid, role=role, code="R")
    Responsibility.objects.create(activity=valid, role=other, code="A")
    elsewhere = Activity.objects.create(
        title="Elders kapot", theme="T", component=makers.component("Anders")
    )
    Responsibility.objects.create(activity=elsewhere, role=role, code="R")

    [item] = titled(olga, "matrix-row")

    assert "Release testen" in item.title and "Klantportaal" in item.detail
    assert item.url == reverse("matrix:row", args=[broken.pk])
    assert titled(kees, "matrix-row") == []


def test_an_owner_answers_the_access_review_of_their_component_until_all_are_answered(
    owned_component, kees, olga
):
    role = makers.role("Medewerkers")
    makers.assign(makers.person("Piet"), role)
    makers.assign(makers.person("Truus"), role)
    right = Right.objects.create(component=owned_component, name="Lezen")
    Grant.objects.create(right=right, role=role)
    review = ReviewRound.objects.create(name="Q4-review", deadline=makers.days(10))
    review.components.add(owned_component)
    ReviewAnswer.objects.create(
        round=review, person=role.assignments.first().person, right=right, decision="keep"
    )

    [item] = titled(olga, "access-review")

    assert item.url == reverse("matrix:review", args=[review.pk])
    assert item.due == makers.days(10) and item.progress == (1, 2)
    assert titled(kees, "access-review") == []

    ReviewAnswer.objects.create(
        round=review, person=role.assignments.last().person, right=right, decision="revoke"
    )
    assert titled(olga, "access-review") == []


def _kpi(owner, name: str) -> Kpi:
    return Kpi.objects.create(
        name=name,
        unit="%",
        direction=Kpi.Direction.HIGHER,
        target=Decimal("70"),
        tolerance=Decimal("5"),
        owner=owner,
    )


def test_the_owner_of_a_kpi_is_asked_for_a_measurement_or_told_it_is_off_track(kees, olga):
    without = _kpi(kees, "Zonder meting")
    off = _kpi(kees, "Uit koers")
    Measurement.objects.create(kpi=off, date=makers.today(), value=Decimal("40"))
    on = _kpi(kees, "Op koers")
    Measurement.objects.create(kpi=on, date=makers.today(), value=Decimal("80"))

    [measure] = titled(kees, "kpi-measurement")
    [off_track] = titled(kees, "kpi-off-track")

    assert "Zonder meting" in measure.title and measure.url == without.get_absolute_url()
    assert "Uit koers" in off_track.title and off_track.url == off.get_absolute_url()
    assert "Op koers" not in " ".join(item.title for item in work(kees))
    assert titled(olga, "kpi-measurement") == titled(olga, "kpi-off-track") == []


def test_open_actions_show_for_their_owner_with_the_overdue_marked(kees, olga):
    late = Action.objects.create(title="Te laat", owner=kees, due_date=makers.days(-2))
    Action.objects.create(title="Binnenkort", owner=kees, due_date=makers.days(5))
    Action.objects.create(
        title="Al klaar", owner=kees, due_date=makers.days(-9), status=Action.Status.DONE
    )

    items = {item.title: item for item in titled(kees, "action")}

    assert set(items) == {"Te laat", "Binnenkort"}
    assert items["Te laat"].overdue and items["Te laat"].url == late.get_absolute_url()
    assert not items["Binnenkort"].overdue
    assert titled(olga, "action") == []


def test_a_role_held_alone_asks_for_a_deputy_until_there_is_one(kees, olga, empty_register):
    alone = makers.role("Applicatiebeheer portaal")
    makers.assign(kees, alone)
    shared = makers.role("Gedeelde rol")
    makers.assign(kees, shared)
    makers.assign(olga, shared, kind="deputy")

    [item] = titled(kees, "role-without-deputy")

    assert "Applicatiebeheer portaal" in item.title
    # Olga is the deputy of a role with a holder: nothing for her to find.
    assert titled(olga, "role-without-deputy") == []

    makers.assign(olga, alone, kind="deputy")
    assert titled(kees, "role-without-deputy") == []


def test_an_assignment_ending_soon_asks_for_a_hand_over(kees, olga, empty_register):
    soon = OrganisationSettings.load().ending_soon_days
    temporary = makers.role("Tijdelijk")
    makers.assign(kees, temporary, end=makers.days(soon))
    makers.assign(kees, makers.role("Langer"), end=makers.days(soon + 1))
    makers.assign(olga, temporary, kind="deputy", end=None)

    [item] = titled(kees, "assignment-ending")

    assert "Tijdelijk" in item.title and item.due == makers.days(soon)
    assert titled(olga, "assignment-ending") == []


# --- Order and the page -------------------------------------------------------------


def test_the_most_urgent_comes_first(kees, empty_register):
    Action.objects.create(title="Later", owner=kees, due_date=makers.days(20))
    Action.objects.create(title="Zonder datum", owner=kees)
    assessment_invite(assessment=_assessment(makers.days(3)), people=[kees])
    Action.objects.create(title="Te laat", owner=kees, due_date=makers.days(-1))
    makers.assign(kees, makers.role("Alleen"))  # undated, lower priority than an action
    _kpi(kees, "Zonder meting")  # undated, more urgent than an undated action

    titles = [item.title for item in work(kees)]

    assert titles[0] == "Te laat"
    assert "Voorjaarsmeting" in titles[1]
    assert titles[2] == "Later"
    assert "Zonder meting" in titles[3]
    assert titles[4] == "Zonder datum"
    assert "Alleen" in titles[5]
    assert len(titles) == 6


def test_the_page_lists_the_work_with_links_straight_to_it(client_as, kees):
    action = Action.objects.create(
        title="Handleiding bijwerken", owner=kees, due_date=makers.days(-1)
    )

    content = client_as("key_user").get(reverse("dashboard")).content.decode()

    item = content[content.index('data-kind="action"') :]
    assert f'href="{action.get_absolute_url()}"' in item[:300]
    assert "Handleiding bijwerken" in item
    assert "tag-overdue" in item
    assert "Nothing to do right now" not in content and "Niets te doen" not in content


def test_nothing_to_do_says_so_in_one_line(client_as, kees):
    response = client_as("key_user").get(reverse("dashboard"))

    assert response.context["items"] == []
    content = response.content.decode()
    assert content.count('class="empty-line"') == 1
    assert 'class="task-list"' not in content
    # Kees is in the register, so no hint about linking the login.
    assert "niet gekoppeld" not in content and "not linked" not in content


def test_a_login_without_a_person_is_told_why_its_list_is_empty(client_as):
    response = client_as("mt").get(reverse("dashboard"))

    assert response.context["items"] == [] and not response.context["has_person"]
