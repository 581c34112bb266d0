"""The demo lets the key user's journey be tried at once: an open round in which
`keyuser` has answered part; the respondents of each round work in the
department assessed; and their answers differ so that disagreement shows on a
few statements, not on every one."""

import pytest
from django.core.management import call_command
from guardian.shortcuts import get_users_with_perms

from beheer.models import Person
from maturity import services
from maturity.models import Assessment, Response, Statement


@pytest.fixture
def demo(db):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)


def test_the_key_user_has_started_an_open_round(demo):
    (open_round,) = Assessment.objects.filter(is_open=True, is_published=False)
    response = Response.objects.get(assessment=open_round, respondent__username="keyuser")

    answered = response.answers.exclude(value="").count()
    assert response.submitted_at is None
    assert 0 < answered < Statement.objects.count()
    assert response.answers.exclude(comment="").exists()
    assert "keyuser" in {u.username for u in get_users_with_perms(open_round)}
    # The key user works in the department assessed.
    assert Person.objects.get(user__username="keyuser").department == open_round.department
    assert open_round.answer_by is not None
    assert open_round.period_start <= open_round.answer_by <= open_round.period_end


def test_the_respondents_work_in_the_department_assessed(demo):
    by_department = {}
    for assessment in Assessment.objects.select_related("department"):
        respondents = set(assessment.responses.values_list("respondent", flat=True))
        departments = set(
            Person.objects.filter(user__in=respondents).values_list("department", flat=True)
        )
        assert respondents and departments == {assessment.department_id}, assessment
        by_department.setdefault(assessment.department_id, set()).update(respondents)
    groups = list(by_department.values())
    assert len(groups) >= 2
    assert all(a.isdisjoint(b) for a in groups for b in groups if a is not b)


def test_disagreement_shows_on_a_few_statements_not_on_every_one(demo):
    total = Statement.objects.count()
    for assessment in Assessment.objects.filter(is_published=True):
        scored = services.assessment_score(assessment=assessment)
        statements = [s for d in scored.dimensions for s in d.statements]
        shown = [s for s in statements if s.disagreement_matters]
        assert 0 < len(shown) <= total // 4, (assessment, len(shown))
        # Yet respondents are not unanimous elsewhere either: many statements
        # have some spread below the threshold.
        assert sum(1 for s in statements if s.disagreement) > total // 5, assessment
