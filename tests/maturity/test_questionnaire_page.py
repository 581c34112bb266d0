"""The model made visible while answering: the five levels with what they mean
on every page of the questionnaire, the dimension's question with its two ends,
an explanation per statement in the reader's language, progress overall and per
dimension with complete tabs; and the shipped model's statements tagged and
placed as the seed has them."""

from django.urls import reverse

from maturity.model_texts import STATEMENTS
from maturity.models import Axis, Dimension, Level, Statement
from tests.maturity.conftest import answer, in_english


def _page(client, assessment, key):
    return client.get(reverse("maturity:questionnaire", args=[assessment.pk, key]))


def test_every_questionnaire_page_names_the_levels_and_the_dimensions_ends(client_as, assessment):
    client = in_english(client_as("key_user"))
    pages = [_page(client, assessment, d.key) for d in Dimension.objects.all()]
    pages.append(client.get(reverse("maturity:submit", args=[assessment.pk])))

    for page in pages:
        text = page.content.decode()
        for level in Level.objects.all():
            assert level.name_en in text and level.description_en in text
        assert "Yet departments still largely work on their own" in text
    process = pages[[d.key for d in Dimension.objects.all()].index("process")].content.decode()
    dimension = Dimension.objects.get(key="process")
    assert dimension.question_en in process
    assert dimension.low_en in process and dimension.high_en in process


def test_each_statement_explains_itself_in_the_readers_language(client_as, assessment):
    statements = Statement.objects.filter(dimension__key="people")
    dutch = _page(client_as("key_user"), assessment, "people").content.decode()
    english = _page(in_english(client_as("key_user")), assessment, "people").content.decode()

    assert english.count('<details class="explanation">') == statements.count()
    for statement in statements:
        assert statement.explanation_en and statement.explanation_nl
        assert statement.explanation_en in english and statement.explanation_en not in dutch
        assert statement.explanation_nl in dutch


def test_progress_overall_and_per_dimension_with_complete_tabs(client_as, assessment):
    client = in_english(client_as("key_user"))
    for statement in Statement.objects.filter(dimension__key="people"):
        answer(client, assessment, statement, "largely")
    answer(client, assessment, Statement.objects.filter(dimension__key="process").first(), "not")

    page = _page(client, assessment, "customer").content.decode()

    assert "13 of 60 statements answered" in page
    assert '<progress value="13" max="60"' in page
    assert 'id="tab-status-people" class="tag tag-done"' in page
    assert 'id="tab-status-process" class="tag tag-started"' in page
    assert 'id="tab-status-customer" class="tag tag-todo"' in page
    people_tab = page.split('id="tab-status-people"')[1].split("</span>")[0]
    assert "complete" in people_tab


def test_every_shipped_statement_informs_an_axis_and_both_axes_run_through_every_level(db):
    for dimension in Dimension.objects.all():
        for level in range(2, 6):
            axes = set(
                Statement.objects.filter(dimension=dimension, level=level).values_list(
                    "axis", flat=True
                )
            )
            assert axes <= set(Axis.values)
    for level in range(2, 6):
        axes = set(Statement.objects.filter(level=level).values_list("axis", flat=True))
        assert axes == set(Axis.values), level


def test_the_statements_that_read_as_another_level_sit_where_the_seed_puts_them(db):
    def level_of(text):
        return Statement.objects.get(text_nl=text).level

    # A set way of carrying out changes is control (2), management discussing
    # results as a standing item customer focus (3), fully integrated supplier
    # systems business partnership (5).
    assert level_of("Er is een vaste werkwijze voor het doorvoeren van wijzigingen.") == 2
    assert (
        level_of("Het management bespreekt de resultaten van de dienstverlening structureel.") == 3
    )
    assert level_of("Systemen van leveranciers zijn gekoppeld aan die van ons.") == 5
    # The database is the shipped model, statement for statement.
    shipped = {
        (key, level, text_nl)
        for key, levels in STATEMENTS.items()
        for level, statements in levels.items()
        for text_nl, *_rest in statements
    }
    stored = set(Statement.objects.values_list("dimension__key", "level", "text_nl"))
    assert stored == shipped
