"""Every view this issue added, per persona: the autosave, editing a round,
inviting, opening and closing, reopening in a published round, the results
before publication and a next step made into an action. Each persona's reads
and writes, and what the writes changed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from guardian.shortcuts import get_users_with_perms

from beheer.history import current_version
from governance.models import Action
from maturity import services
from maturity.models import Answer, Assessment, Response, Statement
from tests.maturity.conftest import answer, fill_and_submit
from tests.personas import ALL_PERSONAS

MANAGERS = {"beheerder", "manager"}


def _expected(persona, *, manager, other=403):
    """The status a persona gets: the login page for anonymous, `manager` for
    managers and beheerders, `other` for the rest."""
    if persona == "anonymous":
        return 302
    return manager if persona in MANAGERS else other


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_the_autosave_per_persona(client_as, assessment, persona):
    statement = Statement.objects.first()

    saved = answer(client_as(persona), assessment, statement, "fully", "Klopt").status_code

    # Only the invited respondent answers; managers are not invited here.
    assert saved == (302 if persona == "anonymous" else 200 if persona == "key_user" else 403)
    stored = list(Answer.objects.values_list("response__respondent__username", "value"))
    assert stored == ([("key_user", "fully")] if persona == "key_user" else [])


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_editing_a_round_per_persona(client_as, assessment, persona):
    client = client_as(persona)
    url = reverse("maturity:edit", args=[assessment.pk])

    read = client.get(url).status_code
    write = client.post(
        url,
        {
            "name": "Hernoemd",
            "period_start": "2026-09-01",
            "period_end": "2026-11-30",
            "answer_by": "2026-11-20",
            "threshold": "0.75",
            "seen_version": current_version(assessment),
        },
    ).status_code

    assert read == _expected(persona, manager=200)
    assert write == _expected(persona, manager=302)
    assessment.refresh_from_db()
    assert (assessment.name == "Hernoemd") == (persona in MANAGERS)


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_inviting_per_persona(client_as, assessment, people, persona):
    url = reverse("maturity:assessment", args=[assessment.pk])

    status = client_as(persona).post(url, {"people": [people.mt.pk]}).status_code

    # The invited key user reads the page but cannot invite; MT and owner do
    # not see an unpublished round at all.
    assert status == _expected(persona, manager=302)
    invited = {u.username for u in get_users_with_perms(assessment, with_group_users=False)}
    assert ("mt" in invited) == (persona in MANAGERS)


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_opening_and_closing_a_round_per_persona(client_as, assessment, persona):
    url = reverse("maturity:toggle-open", args=[assessment.pk])

    status = client_as(persona).post(url, {"open": "0"}).status_code

    assert status == _expected(persona, manager=302)
    assessment.refresh_from_db()
    assert assessment.is_open == (persona not in MANAGERS)


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_reopening_in_a_published_round_per_persona(client_as, assessment, persona):
    fill_and_submit(client_as("key_user"), assessment)
    services.assessment_publish(assessment=assessment, publish=True)
    submission = Response.objects.get()
    client = client_as(persona)
    url = reverse("maturity:reopen", args=[assessment.pk, submission.pk])

    question = client.get(url).status_code
    reopened = client.post(url, {"publication": services.Reopen.MARK_CHANGED}).status_code

    assert question == _expected(persona, manager=200)
    assert reopened == _expected(persona, manager=302)
    submission.refresh_from_db()
    assessment.refresh_from_db()
    assert (submission.submitted_at is None) == (persona in MANAGERS)
    assert assessment.is_published
    assert (assessment.changed_since_publication is not None) == (persona in MANAGERS)


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_the_results_before_publication_per_persona(client_as, assessment, persona):
    response = client_as(persona).get(reverse("maturity:results", args=[assessment.pk]))

    # The invited key user is told when to expect them, with the page (200), not
    # the scores; managers see the scores; MT and owner nothing of an
    # unpublished round.
    if persona == "anonymous":
        assert response.status_code == 302
    elif persona in MANAGERS:
        assert response.status_code == 200 and "data-overall" in response.content.decode()
    elif persona == "key_user":
        assert response.status_code == 200
        assert [t.name for t in response.templates][0] == "maturity/not_published.html"
        assert "data-overall" not in response.content.decode()
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_the_results_after_publication_per_persona(client_as, assessment, persona):
    Assessment.objects.filter(pk=assessment.pk).update(is_published=True, is_open=False)

    response = client_as(persona).get(reverse("maturity:results", args=[assessment.pk]))

    if persona == "anonymous":
        assert response.status_code == 302
    elif persona in MANAGERS | {"key_user", "mt"}:
        assert response.status_code == 200 and "data-overall" in response.content.decode()
    else:  # owner, outsider: not invited, not MT
        assert response.status_code == 403


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_a_next_step_as_an_action_per_persona(client_as, assessment, people, persona):
    statement = Statement.objects.first()
    client = client_as(persona)
    url = reverse("maturity:action-create", args=[assessment.pk, statement.pk])
    due = timezone.localdate() + timedelta(days=14)

    form = client.get(url).status_code
    made = client.post(
        url, {"title": "Rollen vastleggen", "owner": people.mt.pk, "due_date": due.isoformat()}
    ).status_code

    assert form == _expected(persona, manager=200)
    assert made == _expected(persona, manager=302)
    assert Action.objects.filter(title="Rollen vastleggen").count() == (persona in MANAGERS)
