"""Results are scored once for every reader (and cached): a submission, a reopened
response or a publication shows at once, and who may read them is checked every time."""

from datetime import date

import pytest
from django.urls import reverse

from maturity.models import Assessment, Dimension, Statement
from maturity.services import assessment_score, assessment_scores


def _fill_and_submit(client, assessment, value="fully"):
    for dimension in Dimension.objects.all():
        data = {f"s{s.pk}": value for s in Statement.objects.filter(dimension=dimension)}
        client.post(reverse("maturity:questionnaire", args=[assessment.pk, dimension.key]), data)
    client.post(reverse("maturity:submit", args=[assessment.pk]))


def test_a_submission_and_a_reopened_response_show_at_once(client_as, assessment):
    manager = client_as("manager")
    url = reverse("maturity:results", args=[assessment.pk])
    json_url = reverse("maturity:results-json", args=[assessment.pk])
    assert 'data-overall="1"' in manager.get(url).content.decode()
    assert manager.get(json_url).json()["respondents"] == 0

    _fill_and_submit(client_as("key_user"), assessment)

    page = manager.get(url)
    assert 'data-overall="5"' in page.content.decode() and "1 respondent" in page.content.decode()
    assert manager.get(json_url).json()["overall_level"] == 5

    response = assessment.responses.get()
    manager.post(reverse("maturity:reopen", args=[assessment.pk, response.pk]))

    assert 'data-overall="1"' in manager.get(url).content.decode()
    assert manager.get(json_url).json()["respondents"] == 0


def test_publishing_and_withdrawing_show_at_once(client_as, assessment):
    manager, mt = client_as("manager"), client_as("mt")
    url = reverse("maturity:results", args=[assessment.pk])
    assert "niet gepubliceerd" in manager.get(url).content.decode()
    assert mt.get(url).status_code == 403

    manager.post(reverse("maturity:publish", args=[assessment.pk]), {"publish": "1"})

    assert mt.get(url).status_code == 200
    assert "niet gepubliceerd" not in manager.get(url).content.decode()

    manager.post(reverse("maturity:publish", args=[assessment.pk]), {"publish": "0"})

    # The results are still cached for the manager; MT's access is checked anew.
    assert manager.get(url).status_code == 200
    assert mt.get(url).status_code == 403
    assert mt.get(reverse("maturity:results-json", args=[assessment.pk])).status_code == 403


def test_a_changed_statement_text_shows_at_once(client_as, assessment):
    manager = client_as("manager")
    url = reverse("maturity:results", args=[assessment.pk])
    statement = Statement.objects.filter(level=2).first()
    assert statement.text_nl in manager.get(url).content.decode()  # a next step

    statement.text_nl = "Een nieuw geformuleerde stelling"
    statement.save()

    assert "Een nieuw geformuleerde stelling" in manager.get(url).content.decode()


def test_the_comparison_follows_publication(client_as, assessment):
    later = Assessment.objects.create(
        department=assessment.department,
        name="Voorjaar 2027",
        period_start=date(2027, 3, 1),
        period_end=date(2027, 4, 30),
        is_published=True,
    )
    mt = client_as("mt")
    url = reverse("maturity:compare")
    over_time = {"afdeling": assessment.department.pk}

    page = mt.get(url, over_time).content.decode()
    assert later.name in page and assessment.name not in page

    assessment.is_published = True
    assessment.save()

    page = mt.get(url, over_time).content.decode().split('id="time-heading"')[1]
    assert page.index(assessment.name) < page.index(later.name)


def test_the_comparison_ignores_a_department_not_shown(client_as, assessment):
    page = client_as("manager").get(reverse("maturity:compare"), {"afdeling": "999999"})
    assert page.status_code == 200
    assert 'class="number">Najaar 2026<' not in page.content.decode()


@pytest.mark.django_db
def test_the_comparison_queries_do_not_grow_with_the_rounds(client):
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.http import HttpRequest
    from django.test.utils import CaptureQueriesContext

    def queries():
        department = Assessment.objects.order_by("pk").first().department_id
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            page = client.get(reverse("maturity:compare"), {"afdeling": department})
        assert page.status_code == 200
        return len(captured)

    call_command("loaddemo", allow_public_demo_passwords=True, scale=1, stdout=None)
    client.login(request=HttpRequest(), username="manager", password="beheer-demo")
    rounds = Assessment.objects.count()
    few = queries()
    for number, assessment in enumerate(Assessment.objects.all()):
        assessment.pk = None
        assessment.name = f"Extra {number}"
        assessment.save()
    assert Assessment.objects.count() > rounds
    assert queries() == few


def test_scoring_several_rounds_at_once_equals_one_by_one(client_as, assessment):
    _fill_and_submit(client_as("key_user"), assessment, "largely")
    other = Assessment.objects.create(
        department=assessment.department,
        name="Leeg",
        period_start=date(2027, 3, 1),
        period_end=date(2027, 4, 30),
    )

    together = assessment_scores(assessments=[assessment, other])

    for round_ in (assessment, other):
        alone = assessment_score(assessment=round_)
        assert together[round_.pk].respondents == alone.respondents
        assert [
            (s.statement.pk, s.average, s.disagreement, s.answers, s.met)
            for d in together[round_.pk].dimensions
            for s in d.statements
        ] == [
            (s.statement.pk, s.average, s.disagreement, s.answers, s.met)
            for d in alone.dimensions
            for s in d.statements
        ]
    assert together[assessment.pk].respondents == 1 and together[other.pk].respondents == 0


def test_a_previous_round_published_later_is_compared_at_once(client_as, assessment):
    earlier = Assessment.objects.create(
        department=assessment.department,
        name="Najaar 2025",
        period_start=date(2025, 9, 1),
        period_end=date(2025, 11, 30),
    )
    assessment.is_published = True
    assessment.save()
    mt = client_as("mt")
    url = reverse("maturity:results", args=[assessment.pk])
    json_url = reverse("maturity:results-json", args=[assessment.pk])
    assert "Vergeleken met de vorige ronde" not in mt.get(url).content.decode()
    assert "previous" not in mt.get(json_url).json()
    assert "Najaar 2025" in client_as("manager").get(url).content.decode()  # managers: any

    earlier.is_published = True
    earlier.save()

    assert "Vergeleken met de vorige ronde: Najaar 2025" in mt.get(url).content.decode()
    assert mt.get(json_url).json()["previous"]["name"] == "Najaar 2025"
