"""The scoring rules, in isolation and on the database."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from beheer.models import Department
from maturity.models import Answer, Assessment, Dimension, Response, Statement
from maturity.services import (
    Aggregate,
    StatementResult,
    assessment_score,
    dimension_level,
    statement_met,
)

THRESHOLD = Decimal("0.75")


def _result(level: int, met: bool) -> StatementResult:
    return StatementResult(Statement(level=level), None, None, 0, met)


@pytest.mark.parametrize(
    ("met_by_level", "expected"),
    [
        ({2: [True, True], 3: [True], 4: [True], 5: [True]}, 5),
        ({2: [True, True], 3: [True, False], 4: [True], 5: [True]}, 2),
        # A met higher level above an unmet lower one does not count.
        ({2: [False], 3: [True], 4: [True], 5: [True]}, 1),
        ({2: [True], 3: [True], 4: [False], 5: [True]}, 3),
    ],
)
def test_levels_are_cumulative(met_by_level, expected):
    results = [_result(level, met) for level, mets in met_by_level.items() for met in mets]

    assert dimension_level(results) == expected


def test_a_tie_at_the_threshold_counts_as_met():
    assert statement_met(Aggregate(Decimal("0.75"), Decimal("0"), 2), THRESHOLD)
    assert not statement_met(Aggregate(Decimal("0.749"), Decimal("0"), 2), THRESHOLD)


def test_no_answers_means_not_met():
    assert not statement_met(None, THRESHOLD)
    assert not statement_met(Aggregate(None, None, 0), THRESHOLD)


@pytest.fixture
def assessment(db):  # noqa: F811 - without invitations, unlike the conftest one
    department = Department.objects.create(name="Klantcontact")
    return Assessment.objects.create(
        department=department,
        name="Najaar",
        period_start=date(2026, 9, 1),
        period_end=date(2026, 11, 30),
    )


def _respond(assessment, username, answers, submitted=True):
    user = get_user_model().objects.create_user(username)
    response = Response.objects.create(
        assessment=assessment,
        respondent=user,
        submitted_at=timezone.now() if submitted else None,
    )
    for statement, value in answers.items():
        Answer.objects.create(response=response, statement=statement, value=value)
    return response


def _level2(dimension_key):
    return list(Statement.objects.filter(dimension__key=dimension_key, level=2))


def test_the_default_model_has_five_dimensions_of_twelve_statements_over_every_level(db):
    assert Dimension.objects.count() == 5
    for dimension in Dimension.objects.all():
        assert dimension.statements.count() == 12
        for level in range(2, 6):
            assert dimension.statements.filter(level=level).count() >= 2


def test_no_respondents_leaves_every_dimension_at_level_one(assessment):
    results = assessment_score(assessment=assessment)

    assert results.respondents == 0
    assert {d.level for d in results.dimensions} == {1}
    assert results.overall_level == 1


def test_a_single_respondent_lifts_a_dimension_and_the_weakest_counts(assessment):
    people = dict.fromkeys(_level2("people"), "fully")
    _respond(assessment, "kees", people)

    results = assessment_score(assessment=assessment)

    levels = {d.dimension.key: d.level for d in results.dimensions}
    assert levels["people"] == 2
    assert levels["process"] == 1
    assert results.overall_level == 1
    people_result = next(d for d in results.dimensions if d.dimension.key == "people")
    assert [s.statement.level for s in people_result.next_steps] == [3, 3, 3, 3]


def test_dont_know_is_left_out_and_disagreement_is_shown(assessment):
    first, second, third = _level2("people")
    _respond(assessment, "anna", {first: "fully", second: "fully", third: "dont_know"})
    _respond(assessment, "bert", {first: "not", second: "fully", third: "fully"})

    results = assessment_score(assessment=assessment)

    people = next(d for d in results.dimensions if d.dimension.key == "people")
    by_statement = {s.statement: s for s in people.statements}
    assert by_statement[third].answers == 1 and by_statement[third].met  # only bert counted
    assert by_statement[first].average == Decimal("0.500") and not by_statement[first].met
    assert by_statement[first].disagreement == Decimal("0.50")  # the widest split
    assert people.disagreements()[0].statement == first
    assert people.level == 1


def test_answers_not_yet_submitted_do_not_count(assessment):
    _respond(assessment, "anna", dict.fromkeys(_level2("people"), "fully"), submitted=False)

    results = assessment_score(assessment=assessment)

    assert results.respondents == 0
    assert next(d for d in results.dimensions if d.dimension.key == "people").level == 1


def test_the_score_runs_a_fixed_number_of_queries(assessment, django_assert_num_queries):
    for number in range(5):
        _respond(assessment, f"r{number}", dict.fromkeys(Statement.objects.all()[:20], "largely"))

    with django_assert_num_queries(4):
        assessment_score(assessment=assessment)


def test_beheerders_edit_the_model_texts_in_the_admin(client_as):
    from django.urls import reverse

    client = client_as("beheerder")
    dimension = Dimension.objects.get(key="people")

    page = client.get(reverse("admin:maturity_dimension_change", args=[dimension.pk]))

    assert page.status_code == 200
    assert "Mensen &amp; cultuur" in page.content.decode()
    assert (
        client_as("manager").get(reverse("admin:maturity_statement_changelist")).status_code == 302
    )
