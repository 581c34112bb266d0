"""Results a manager can present: the model's texts, the place on the axes in a
picture and in words, readable figures, next steps turned into actions, and the
workbook with level names and the previous round."""

import re
import zipfile
from datetime import date, timedelta
from io import BytesIO

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from guardian.shortcuts import assign_perm
from openpyxl import load_workbook

from governance.models import Action
from maturity import services
from maturity.models import Answer, Assessment, Axis, Response, Statement
from tests.maturity.conftest import fill_and_submit, in_english


def _respond(assessment, username, answers):
    user = get_user_model().objects.create_user(username)
    assign_perm("maturity.respond_assessment", user, assessment)
    response = Response.objects.create(
        assessment=assessment, respondent=user, submitted_at=timezone.now()
    )
    for statement in Statement.objects.all():
        Answer.objects.create(
            response=response, statement=statement, value=answers.get(statement, "fully")
        )


def _results(client, assessment):
    return client.get(reverse("maturity:results", args=[assessment.pk])).content.decode()


def test_the_results_name_the_levels_and_explain_the_dimensions(client_as, assessment):
    # Everything met except one level-3 statement on the cost-to-value axis.
    lagging = Statement.objects.filter(level=3, axis=Axis.DRIVE).first()
    _respond(assessment, "anna", {lagging: "not"})

    page = _results(in_english(client_as("manager")), assessment)

    assert 'data-overall="2"' in page
    assert "Controlled service delivery" in page  # the level's name (data, in English)
    assert "Yet departments still largely work on their own" in page  # level 2's nuance
    assert "Business partner" in page and "Cost centre" in page
    assert "How are the processes set up?" in page  # each dimension's question and ends
    assert "Agile processes, shaped by what the customer asks." in page
    assert "Fully outward-looking, mostly cost-driven." in page
    assert "the axis that lags decides" in page
    assert f"A statement is met from a score of {assessment.threshold}" in page


def test_the_picture_uses_points_for_decimals_in_dutch_too(client_as, assessment):
    lagging = Statement.objects.filter(level=3, axis=Axis.DRIVE)
    _respond(assessment, "anna", dict.fromkeys(lagging[:4], "not"))

    page = _results(client_as("manager"), assessment)  # Dutch

    dot = re.search(r'class="position-dot" cx="([^"]+)" cy="([^"]+)"', page)
    assert dot and all(re.fullmatch(r"\d+\.\d", value) for value in dot.groups())
    # Drive: level 2 with half of its 8 level-3 statements met, 2.50; focus: level 5.
    assert dot.groups() == ("175.0", "20.0")
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert not re.search(r'="[^"]*\d,\d[^"]*"', svg), "a localised number in the markup"


def test_figures_are_readable_and_disagreement_shows_only_where_it_matters(client_as, assessment):
    split, slight = Statement.objects.filter(level=3, dimension__key="customer")[:2]
    _respond(assessment, "anna", {split: "not", slight: "partly"})
    _respond(assessment, "bert", {split: "not"})
    _respond(assessment, "cees", {split: "fully"})
    _respond(assessment, "door", {split: "fully"})

    page = _results(in_english(client_as("manager")), assessment)

    assert not re.search(r"\d[.,]\d{3,}", re.sub(r"<[^>]+>", " ", page))
    disagreements = page.split("Where respondents disagree")
    assert len(disagreements) == 2  # one dimension only
    assert split.text_en in disagreements[1].split("</ul>")[0]
    assert slight.text_en not in disagreements[1].split("</ul>")[0]
    assert "disagreement 0.50 · 2× fully, 2× not" in page
    assert "score 0.50, below the threshold of 0.75" in page


def test_a_respondent_before_publication_is_told_when_to_expect_the_results(client_as, assessment):
    assessment.answer_by = date(2026, 11, 20)
    assessment.save()

    page = in_english(client_as("key_user")).get(reverse("maturity:results", args=[assessment.pk]))

    assert page.status_code == 200
    assert "The results are not published yet" in page.content.decode()
    assert "answers are due by 20 November 2026" in page.content.decode()
    assert "data-overall" not in page.content.decode()


def test_a_next_step_becomes_an_action_of_the_register(client_as, assessment, people):
    fill_and_submit(client_as("key_user"), assessment, "partly")
    step = Statement.objects.filter(level=2).first()
    manager = in_english(client_as("manager"))
    url = reverse("maturity:action-create", args=[assessment.pk, step.pk])
    assert url in _results(manager, assessment)

    form = manager.get(url)
    assert form.context["form"].initial["title"] == step.text_en
    due = timezone.localdate() + timedelta(days=30)
    response = manager.post(
        url, {"title": "Rollen vastleggen", "owner": people.mt.pk, "due_date": due.isoformat()}
    )

    action = Action.objects.get()
    assert response["Location"].endswith("#actions-about-heading")
    assert (action.source, action.title, action.owner, action.due_date) == (
        Action.Source.MATURITY,
        "Rollen vastleggen",
        people.mt,
        due,
    )
    assert (action.assessment, action.statement) == (assessment, step)
    assert "Rollen vastleggen" in _results(manager, assessment)
    # MT reads the actions with the (published) results; the respondent does not.
    services.assessment_publish(assessment=assessment, publish=True)
    assert "Rollen vastleggen" in _results(client_as("mt"), assessment)
    assert "Rollen vastleggen" not in _results(client_as("key_user"), assessment)
    assert url not in _results(client_as("mt"), assessment)


def test_an_action_needs_an_owner_and_a_due_date_from_today(client_as, assessment, people):
    step = Statement.objects.first()
    url = reverse("maturity:action-create", args=[assessment.pk, step.pk])

    past = client_as("manager").post(
        url, {"title": "Te laat", "owner": people.mt.pk, "due_date": "2020-01-01"}
    )
    no_owner = client_as("manager").post(url, {"title": "Van niemand", "due_date": "2099-01-01"})

    assert past.status_code == no_owner.status_code == 200
    assert not Action.objects.exists()


def test_the_workbook_names_the_levels_and_sets_the_previous_round_beside(client_as, assessment):
    fill_and_submit(client_as("key_user"), assessment, "fully")
    earlier = Assessment.objects.create(
        department=assessment.department,
        name="Voorjaar 2026",
        period_start=date(2026, 3, 1),
        period_end=date(2026, 4, 30),
    )
    _respond(earlier, "anna", dict.fromkeys(Statement.objects.filter(level=3), "partly"))

    manager = in_english(client_as("manager"))
    response = manager.get(reverse("maturity:results-xlsx", args=[assessment.pk]))

    content = BytesIO(response.content)
    workbook = load_workbook(content)
    summary = [[c.value for c in row] for row in workbook["Samenvatting"].iter_rows()]
    header = next(row for row in summary if row[0] == "Dimension")
    assert header[:4] == ["Dimension", "Najaar 2026", "Voorjaar 2026", "Level name"]
    people_row = next(row for row in summary if row[0] == "People & culture")
    assert people_row[1:4] == [5, 2, "Business partner"]
    levels = [[c.value for c in row] for row in workbook["Niveaus"].iter_rows(min_row=2)]
    assert [row[:2] for row in levels][1] == [2, "Controlled service delivery"]
    assert "still largely work on their own" in levels[1][2]
    chart = next(n for n in zipfile.ZipFile(content).namelist() if n.startswith("xl/charts/"))
    chart_xml = zipfile.ZipFile(content).read(chart).decode()
    assert len(re.findall(r"<(?:c:)?ser>", chart_xml)) == 2


def test_the_make_an_action_links_are_only_in_the_managers_cached_results(client_as, assessment):
    fill_and_submit(client_as("key_user"), assessment, "partly")
    services.assessment_publish(assessment=assessment, publish=True)

    mt_first = _results(client_as("mt"), assessment)
    manager = _results(client_as("manager"), assessment)
    mt_again = _results(client_as("mt"), assessment)

    assert "/acties/nieuw/" in manager
    assert "/acties/nieuw/" not in mt_first and "/acties/nieuw/" not in mt_again
