"""Reading a questionnaire records nothing, and readers see only rounds they may see."""

from datetime import date

from django.urls import reverse

from maturity.models import Assessment, Dimension, Response


def test_opening_the_questionnaire_creates_no_response(client_as, assessment):
    client = client_as("key_user")
    first = Dimension.objects.first()

    page = client.get(reverse("maturity:questionnaire", args=[assessment.pk, first.key]))
    submit = client.get(reverse("maturity:submit", args=[assessment.pk]))

    assert page.status_code == submit.status_code == 200
    assert not Response.objects.exists()
    assert not Response.history.exists()


def test_an_empty_submit_creates_no_response(client_as, assessment):
    client = client_as("key_user")

    page = client.post(reverse("maturity:submit", args=[assessment.pk]), follow=True)

    assert "Beantwoord eerst elke stelling" in page.content.decode()
    assert not Response.objects.exists()


def test_the_first_save_creates_the_response(client_as, assessment):
    client = client_as("key_user")
    first = Dimension.objects.first()
    statement = first.statements.first()

    client.post(
        reverse("maturity:questionnaire", args=[assessment.pk, first.key]),
        {f"s{statement.pk}": "fully"},
    )

    assert Response.objects.get().answers.get().value == "fully"


def _rounds(assessment):
    """An unpublished round just before `assessment`, and a published one before that."""
    assessment.is_published = True
    assessment.save()
    unpublished = Assessment.objects.create(
        department=assessment.department,
        name="Voorjaar 2026 (concept)",
        period_start=date(2026, 3, 1),
        period_end=date(2026, 4, 30),
    )
    published = Assessment.objects.create(
        department=assessment.department,
        name="Najaar 2025",
        period_start=date(2025, 9, 1),
        period_end=date(2025, 11, 30),
        is_published=True,
    )
    return unpublished, published


def test_mt_compares_with_the_latest_published_round_only(client_as, assessment):
    unpublished, published = _rounds(assessment)

    page = client_as("mt").get(reverse("maturity:results", args=[assessment.pk]))
    data = client_as("mt").get(reverse("maturity:results-json", args=[assessment.pk])).json()

    html = page.content.decode()
    assert unpublished.name not in html
    assert f"Vergeleken met de vorige ronde: {published.name}" in html
    assert data["previous"]["name"] == published.name


def test_managers_compare_with_the_previous_round_published_or_not(client_as, assessment):
    unpublished, _published = _rounds(assessment)

    page = client_as("manager").get(reverse("maturity:results", args=[assessment.pk]))

    assert f"Vergeleken met de vorige ronde: {unpublished.name}" in page.content.decode()


def test_no_earlier_round_visible_means_no_comparison(client_as, assessment, personas):
    unpublished, published = _rounds(assessment)
    published.is_published = False
    published.save()

    page = client_as("mt").get(reverse("maturity:results", args=[assessment.pk]))
    data = client_as("mt").get(reverse("maturity:results-json", args=[assessment.pk])).json()

    assert "Vergeleken met de vorige ronde" not in page.content.decode()
    assert "previous" not in data
