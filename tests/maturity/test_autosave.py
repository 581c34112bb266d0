"""Saving one answer as it is given (the questionnaire's autosave endpoint)."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from maturity.models import Answer, Dimension, Response, Statement
from maturity.services import unanswered
from tests.maturity.conftest import answer, fill_and_submit, in_english


def _first(key="people"):
    return Statement.objects.filter(dimension__key=key).first()


def test_reading_creates_nothing_and_the_first_save_creates_the_response(client_as, assessment):
    client = client_as("key_user")
    statement = _first()
    client.get(reverse("maturity:questionnaire", args=[assessment.pk, "people"]))
    client.get(reverse("maturity:assessment", args=[assessment.pk]))
    assert not Response.objects.exists()

    saved = answer(client, assessment, statement, "largely", "Bijna overal")

    assert saved.status_code == 200
    response = Response.objects.get()
    assert response.respondent.username == "key_user" and response.submitted_at is None
    stored = response.answers.get()
    assert (stored.statement, stored.value, stored.comment) == (
        statement,
        "largely",
        "Bijna overal",
    )
    assert str(stored.score) == "0.667"

    answer(client, assessment, statement, "fully", "Overal")

    assert Response.objects.count() == 1
    assert Response.objects.get().answers.get().value == "fully"


def test_a_save_answers_with_the_saved_state_and_the_progress_out_of_band(client_as, assessment):
    client = in_english(client_as("key_user"))
    statement = _first("process")

    page = answer(client, assessment, statement, "partly").content.decode()

    assert f'data-saved-statement="{statement.pk}"' in page and "Saved at" in page
    assert 'id="progress" class="progress-summary" hx-swap-oob="true"' in page
    assert "1 of 60 statements answered" in page
    assert 'id="tab-status-process"' in page and "1 of 12" in page
    assert 'id="tab-status-people"' not in page  # only the tab that changed


def test_a_comment_before_an_answer_is_kept_without_counting_as_an_answer(client_as, assessment):
    client = client_as("key_user")
    statement = _first()

    answer(client, assessment, statement, "", "Eerst navragen bij team Noord")

    stored = Answer.objects.get()
    assert (stored.value, stored.comment, stored.score) == (
        "",
        "Eerst navragen bij team Noord",
        None,
    )
    assert statement in unanswered(Response.objects.get())
    page = client.get(reverse("maturity:questionnaire", args=[assessment.pk, "people"]))
    assert 'value="Eerst navragen bij team Noord"' in page.content.decode()
    assert page.context["progress"].answered == 0


def test_emptying_answer_and_comment_removes_the_answer(client_as, assessment):
    client = client_as("key_user")
    statement = _first()
    answer(client, assessment, statement, "fully", "Ja")

    answer(client, assessment, statement, "", "")

    assert not Answer.objects.exists()


def test_an_invalid_value_or_a_control_character_is_refused_and_nothing_saved(
    client_as, assessment
):
    client = in_english(client_as("key_user"))
    statement = _first()

    wrong_value = answer(client, assessment, statement, "very", "")
    control = answer(client, assessment, statement, "fully", "Ja\x0bnee")

    assert wrong_value.status_code == control.status_code == 422
    assert "Not saved:" in control.content.decode()
    assert "U+000B" in control.content.decode()
    assert f'data-invalid-statement="{statement.pk}"' in control.content.decode()
    assert not Answer.objects.exists() and not Response.objects.exists()


def test_a_submitted_response_or_a_closed_round_takes_no_save(client_as, assessment):
    client = client_as("key_user")
    fill_and_submit(client, assessment, "largely")
    statement = _first()

    after_submit = answer(client, assessment, statement, "not")
    assessment.responses.update(submitted_at=None)
    assessment.is_open = False
    assessment.save()
    closed = answer(client, assessment, statement, "not")

    assert after_submit.status_code == closed.status_code == 403
    assert set(Answer.objects.values_list("value", flat=True)) == {"largely"}


def test_someone_not_invited_cannot_save(client_as, assessment):
    refused = answer(client_as("mt"), assessment, _first(), "fully")

    assert refused.status_code == 403
    assert not Response.objects.exists()


def test_without_htmx_a_save_still_saves_and_returns_to_the_statement(client_as, assessment):
    statement = _first("customer")

    response = answer(client_as("key_user"), assessment, statement, "fully", htmx=False)

    url = reverse("maturity:questionnaire", args=[assessment.pk, "customer"])
    assert response["Location"] == f"{url}#stelling-{statement.pk}"
    assert Answer.objects.get().value == "fully"


def test_an_expired_session_is_sent_to_the_login_page_not_saved(client, assessment):
    response = answer(client, assessment, _first(), "fully")

    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert not Answer.objects.exists()


def test_the_page_save_keeps_a_comment_without_an_answer(client_as, assessment):
    client = client_as("key_user")
    first, second = Statement.objects.filter(dimension__key="people")[:2]

    client.post(
        reverse("maturity:questionnaire", args=[assessment.pk, "people"]),
        {f"s{first.pk}": "fully", f"c{second.pk}": "Weet Karin"},
    )

    assert dict(Answer.objects.values_list("statement", "value")) == {
        first.pk: "fully",
        second.pk: "",
    }


def test_a_save_runs_the_same_queries_however_much_was_answered(client_as, assessment):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as("key_user")
    statements = list(Statement.objects.all())

    def queries(statement):
        with CaptureQueriesContext(connection) as captured:
            assert answer(client, assessment, statement, "partly").status_code == 200
        return len(captured)

    answer(client, assessment, statements[0], "fully")  # the response exists
    few = queries(statements[1])
    for statement in statements[2:50]:
        answer(client, assessment, statement, "fully")
    assert queries(statements[55]) == few


def test_resuming_goes_to_the_first_statement_without_an_answer(client_as, assessment):
    client = client_as("key_user")
    people = list(Statement.objects.filter(dimension__key="people"))
    for statement in people[:5]:
        answer(client, assessment, statement, "fully")
    answer(client, assessment, people[5], "", "alleen een opmerking")

    page = client.get(reverse("maturity:assessment", args=[assessment.pk]))

    url = reverse("maturity:questionnaire", args=[assessment.pk, "people"])
    assert page.context["resume_url"] == f"{url}#stelling-{people[5].pk}"
    assert f'href="{url}#stelling-{people[5].pk}"' in page.content.decode()


def test_resuming_a_complete_questionnaire_goes_to_check_answers(client_as, assessment):
    client = client_as("key_user")
    for dimension in Dimension.objects.all():
        for statement in dimension.statements.all():
            answer(client, assessment, statement, "dont_know")

    page = client.get(reverse("maturity:assessment", args=[assessment.pk]))

    assert page.context["resume_url"] == reverse("maturity:submit", args=[assessment.pk])


def test_check_answers_lists_each_unanswered_statement_with_a_link(client_as, assessment):
    client = in_english(client_as("key_user"))
    statements = list(Statement.objects.all())
    for statement in statements[:58]:
        answer(client, assessment, statement, "partly")

    page = client.get(reverse("maturity:submit", args=[assessment.pk])).content.decode()

    for statement in statements[58:]:
        url = reverse("maturity:questionnaire", args=[assessment.pk, statement.dimension.key])
        assert f'href="{url}#stelling-{statement.pk}"' in page
    assert "2 statements have no answer yet" in page
    assert 'type="submit">Submit<' not in page


def test_a_user_without_a_person_still_answers(client_as, assessment):
    user = get_user_model().objects.get(username="key_user")
    assert not hasattr(user, "person")

    answer(client_as("key_user"), assessment, _first(), "fully")

    assert Response.objects.get().answers.count() == 1
    assert Response.objects.get().started_at <= timezone.now()
