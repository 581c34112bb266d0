import json
import re

import pytest
from django.http import HttpRequest
from django.urls import reverse

from maturity.models import Answer, Assessment, Dimension, Response, Statement
from tests.maturity.conftest import in_english
from tests.personas import ALL_PERSONAS


def _fill(client, assessment, value="fully"):
    for dimension in Dimension.objects.all():
        data = {f"s{s.pk}": value for s in Statement.objects.filter(dimension=dimension)}
        client.post(reverse("maturity:questionnaire", args=[assessment.pk, dimension.key]), data)


def test_a_manager_creates_and_invites_people_by_name(client_as, personas, db):
    from beheer.models import Department, Person

    client = client_as("manager")
    department = Department.objects.create(name="Wonen")
    invitees = [
        Person.objects.create(name=name, user=user, department=department)
        for name, user in (("Karin Key", personas.key_user), ("Mees Mt", personas.mt))
    ]

    response = client.post(
        reverse("maturity:index"),
        {
            "department": department.pk,
            "name": "Voorjaar",
            "period_start": "2026-03-01",
            "period_end": "2026-04-30",
            "answer_by": "2026-04-15",
            "threshold": "0.75",
        },
    )
    assessment = Assessment.objects.get(name="Voorjaar")
    assert assessment.answer_by.isoformat() == "2026-04-15"
    assert response["Location"] == reverse("maturity:assessment", args=[assessment.pk])

    client.post(
        reverse("maturity:assessment", args=[assessment.pk]),
        {"people": [person.pk for person in invitees]},
    )
    page = client.get(reverse("maturity:assessment", args=[assessment.pk])).content.decode()
    assert page.count("nog niet gereageerd") == 2
    assert "Karin Key" in page and "Mees Mt" in page


def test_a_respondent_answers_page_by_page_and_submits(client_as, assessment):
    client = client_as("key_user")
    first = Dimension.objects.first()
    statements = list(Statement.objects.filter(dimension=first))

    response = client.post(
        reverse("maturity:questionnaire", args=[assessment.pk, first.key]),
        {f"s{statements[0].pk}": "largely", f"c{statements[0].pk}": "Bijna"},
    )
    assert response.status_code == 302
    answer = Answer.objects.get()
    assert (answer.value, answer.comment, answer.score) == ("largely", "Bijna", answer.score)
    # Coming back shows what was saved.
    page = client.get(reverse("maturity:questionnaire", args=[assessment.pk, first.key]))
    assert re.search(
        rf'name="s{statements[0].pk}" value="largely"[^>]*checked', page.content.decode()
    )

    incomplete = client.post(reverse("maturity:submit", args=[assessment.pk]), follow=True)
    assert Response.objects.get().submitted_at is None
    assert "Beantwoord eerst elke stelling" in incomplete.content.decode()

    _fill(client, assessment)
    client.post(reverse("maturity:submit", args=[assessment.pk]))
    assert Response.objects.get().submitted_at is not None

    # Submitted answers are read-only.
    statement = statements[0]
    refused = client.post(
        reverse("maturity:questionnaire", args=[assessment.pk, first.key]),
        {f"s{statement.pk}": "not"},
    )
    assert refused.status_code == 403
    assert Answer.objects.get(statement=statement).value == "fully"


def test_a_manager_reopens_a_submission(client_as, assessment):
    respondent = client_as("key_user")
    _fill(respondent, assessment)
    respondent.post(reverse("maturity:submit", args=[assessment.pk]))
    submission = Response.objects.get()

    client_as("manager").post(reverse("maturity:reopen", args=[assessment.pk, submission.pk]))

    submission.refresh_from_db()
    assert submission.submitted_at is None


def test_a_key_user_not_invited_cannot_answer(client_as, assessment, personas):
    from guardian.shortcuts import remove_perm

    remove_perm("maturity.respond_assessment", personas.key_user, assessment)
    first = Dimension.objects.first()
    statement = Statement.objects.filter(dimension=first).first()

    response = client_as("key_user").post(
        reverse("maturity:questionnaire", args=[assessment.pk, first.key]),
        {f"s{statement.pk}": "fully"},
    )

    assert response.status_code == 403
    assert not Answer.objects.exists()


def test_results_and_json_after_publication(client_as, assessment):
    respondent = client_as("key_user")
    _fill(respondent, assessment)
    respondent.post(reverse("maturity:submit", args=[assessment.pk]))

    before = in_english(client_as("key_user")).get(
        reverse("maturity:results", args=[assessment.pk])
    )
    assert "The results are not published yet" in before.content.decode()
    assert 'data-overall="5"' not in before.content.decode()
    client_as("manager").post(reverse("maturity:publish", args=[assessment.pk]), {"publish": "1"})

    page = respondent.get(reverse("maturity:results", args=[assessment.pk])).content.decode()
    assert 'data-overall="5"' in page
    data = json.loads(
        respondent.get(reverse("maturity:results-json", args=[assessment.pk])).content
    )
    assert data["overall_level"] == 5 and data["respondents"] == 1
    assert {d["key"] for d in data["dimensions"]} == set(
        Dimension.objects.values_list("key", flat=True)
    )
    assert data["dimensions"][0]["statements"][0]["met"] is True


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_who_sees_what(client_as, assessment, persona):
    client = client_as(persona)
    urls = {
        "list": reverse("maturity:index"),
        "detail": reverse("maturity:assessment", args=[assessment.pk]),
        "results": reverse("maturity:results", args=[assessment.pk]),
    }
    status = {name: client.get(url).status_code for name, url in urls.items()}

    if persona == "anonymous":
        assert set(status.values()) == {302}
    elif persona == "outsider":
        assert set(status.values()) == {403}
    elif persona in {"beheerder", "manager", "key_user"}:
        # The invited key user sees a kind "not published yet" for the results.
        assert status == {"list": 200, "detail": 200, "results": 200}
    else:  # owner, MT: nothing unpublished
        assert status == {"list": 200, "detail": 403, "results": 403}


def test_mt_reads_published_results(client_as, assessment):
    assessment.is_published = True
    assessment.save()

    assert client_as("mt").get(reverse("maturity:results", args=[assessment.pk])).status_code == 200
    assert (
        client_as("owner").get(reverse("maturity:results", args=[assessment.pk])).status_code == 403
    )


def test_the_results_download_with_a_native_radar_chart(client_as, assessment):
    import zipfile
    from io import BytesIO

    from openpyxl import load_workbook

    respondent = client_as("key_user")
    _fill(respondent, assessment, "largely")
    respondent.post(reverse("maturity:submit", args=[assessment.pk]))

    response = client_as("manager").get(reverse("maturity:results-xlsx", args=[assessment.pk]))

    content = BytesIO(response.content)
    charts = [n for n in zipfile.ZipFile(content).namelist() if n.startswith("xl/charts/")]
    assert charts and "radarChart" in zipfile.ZipFile(content).read(charts[0]).decode()
    workbook = load_workbook(content)
    assert workbook.sheetnames == ["Samenvatting", "Stellingen", "Niveaus", "Dimensies"]
    rows = [[c.value for c in row] for row in workbook["Stellingen"].iter_rows(min_row=2)]
    assert len(rows) == 60 and all(row[6] == "nee" for row in rows)  # 0.667 < 0.75
    assert {row[3] for row in rows} == {0.66}  # the score as shown: rounded down


def test_the_comparison_shows_departments_and_rounds(client_as, assessment):
    from datetime import date

    later = Assessment.objects.create(
        department=assessment.department,
        name="Voorjaar 2027",
        period_start=date(2027, 3, 1),
        period_end=date(2027, 4, 30),
    )

    client = client_as("manager")
    page = client.get(reverse("maturity:compare")).content.decode()
    assert "Voorjaar 2027" in page  # the latest round of the department
    over_time = client.get(
        reverse("maturity:compare"), {"afdeling": assessment.department.pk}
    ).content.decode()
    over_time = over_time.split('id="time-heading"')[1]
    assert over_time.index("Najaar 2026") < over_time.index(later.name)


def test_the_results_show_the_position_on_the_axes(client_as, assessment):
    respondent = client_as("key_user")
    _fill(respondent, assessment)
    respondent.post(reverse("maturity:submit", args=[assessment.pk]))

    page = client_as("manager").get(reverse("maturity:results", args=[assessment.pk]))

    # Every statement met: level 5 on both axes, the top right corner of the picture.
    assert 'class="position-dot" cx="350.0" cy="20.0"' in page.content.decode()


@pytest.mark.django_db
def test_the_results_page_queries_do_not_grow_with_the_responses(client):
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(assessment):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("maturity:results", args=[assessment.pk])).status_code == 200
        return len(captured)

    call_command("loaddemo", allow_public_demo_passwords=True, scale=1, stdout=None)
    client.login(request=HttpRequest(), username="manager", password="beheer-demo")
    small = Assessment.objects.order_by("pk").first()
    assert small.responses.count() >= 4  # the department's people who may answer
    few = queries(small)
    Assessment.objects.all().delete()
    call_command("loaddemo", allow_public_demo_passwords=True, scale=3, stdout=None)
    large = Assessment.objects.order_by("pk").first()
    assert large.responses.count() > small.responses.count()
    assert queries(large) == few


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_every_maturity_view_per_persona(client_as, assessment, persona):
    """Reading and writing on every page: managers everything, the invited key user
    the questionnaire (and results once published), MT published results only."""
    client = client_as(persona)
    first = Dimension.objects.first()
    pk = assessment.pk
    reads = {
        "questionnaire": reverse("maturity:questionnaire", args=[pk, first.key]),
        "submit": reverse("maturity:submit", args=[pk]),
        "json": reverse("maturity:results-json", args=[pk]),
        "xlsx": reverse("maturity:results-xlsx", args=[pk]),
        "compare": reverse("maturity:compare"),
    }
    got = {name: client.get(url).status_code for name, url in reads.items()}
    publish = client.post(reverse("maturity:publish", args=[pk]), {"publish": "1"}).status_code
    assessment.refresh_from_db()

    if persona == "anonymous":
        assert set(got.values()) == {302} and publish == 302
    elif persona == "outsider":
        assert set(got.values()) == {403} and publish == 403
    elif persona in {"beheerder", "manager"}:
        assert got == {
            "questionnaire": 403,
            "submit": 403,
            "json": 200,
            "xlsx": 200,
            "compare": 200,
        }  # not invited: managers do not answer
        assert publish == 302 and assessment.is_published
    elif persona == "key_user":
        assert got == {
            "questionnaire": 200,
            "submit": 200,
            "json": 403,
            "xlsx": 403,
            "compare": 200,
        }
        assert publish == 403
    else:  # owner, MT: nothing of an unpublished round
        assert got == {
            "questionnaire": 403,
            "submit": 403,
            "json": 403,
            "xlsx": 403,
            "compare": 200,
        }
        assert publish == 403
    assert assessment.is_published == (persona in {"beheerder", "manager"})


def test_only_managers_reopen(client_as, assessment):
    respondent = client_as("key_user")
    _fill(respondent, assessment)
    respondent.post(reverse("maturity:submit", args=[assessment.pk]))
    submission = Response.objects.get()

    for persona, expected in (("key_user", 403), ("mt", 403), ("manager", 302)):
        status = (
            client_as(persona)
            .post(reverse("maturity:reopen", args=[assessment.pk, submission.pk]))
            .status_code
        )
        assert status == expected, persona


def test_a_closed_round_takes_no_answers(client_as, assessment):
    manager = client_as("manager")
    assert (
        client_as("key_user")
        .post(reverse("maturity:toggle-open", args=[assessment.pk]), {"open": "0"})
        .status_code
        == 403
    )

    manager.post(reverse("maturity:toggle-open", args=[assessment.pk]), {"open": "0"})

    first = Dimension.objects.first()
    statement = Statement.objects.filter(dimension=first).first()
    refused = client_as("key_user").post(
        reverse("maturity:questionnaire", args=[assessment.pk, first.key]),
        {f"s{statement.pk}": "fully"},
    )
    assert refused.status_code == 403
    assert not Answer.objects.exists()
