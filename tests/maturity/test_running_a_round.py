"""Running a round: the answer-by date, inviting people by name, who has not
answered yet with a reminder to copy, and reopening without silently changing
published results."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from guardian.shortcuts import get_users_with_perms

from beheer import groups
from beheer.models import Department, Person
from maturity import services
from maturity.models import Assessment, Response
from maturity.selectors import invitable_people
from tests.maturity.conftest import answer, fill_and_submit, in_english


def _person(name, department, *, group=groups.KEY_USERS, account_active=True, **options):
    user = get_user_model().objects.create_user(name.split()[0].lower(), is_active=account_active)
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return Person.objects.create(name=name, user=user, department=department, **options)


def test_only_people_whose_account_may_answer_can_be_invited(db):
    today = date(2026, 11, 30)
    wonen = Department.objects.create(name="Wonen")
    able = _person("Anna Actief", wonen)
    _person("Geen Groep", wonen, group=None)
    _person("Slapend Account", wonen, account_active=False)
    _person("Inactieve Ineke", wonen, is_active=False)
    _person("Vertrokken Victor", wonen, leaving_date=today - timedelta(days=1))
    leaving_today = _person("Laatste Dag", wonen, leaving_date=today)
    Person.objects.create(name="Zonder Login", department=wonen)

    found = list(invitable_people(today=today))

    assert found == [able, leaving_today]


def test_the_invitation_list_groups_people_by_department_the_assessed_first(
    client_as, assessment, people
):
    page = in_english(client_as("manager")).get(
        reverse("maturity:assessment", args=[assessment.pk])
    )
    content = page.content.decode()

    groups_ = page.context["invite_form"].groups()
    assert [department for department, _options in groups_] == ["Klantcontact", "Wonen"]
    # The key user is invited already: not offered again.
    offered = [person for _department, options in groups_ for _option, person in options]
    assert people.key_user not in offered and people.mt in offered
    assert content.index("Klantcontact") < content.index("Wonen")
    assert 'data-person="mt persoon"' in content


def test_searching_by_name_narrows_the_list_without_javascript(client_as, assessment, people):
    page = client_as("manager").get(
        reverse("maturity:assessment", args=[assessment.pk]), {"zoek": "owner"}
    )

    offered = [
        person
        for _department, options in page.context["invite_form"].groups()
        for _option, person in options
    ]
    assert offered == [people.owner]


def test_inviting_gives_the_login_the_right_to_answer(client_as, assessment, people):
    client_as("manager").post(
        reverse("maturity:assessment", args=[assessment.pk]),
        {"people": [people.mt.pk, people.owner.pk]},
    )

    invited = set(get_users_with_perms(assessment, only_with_perms_in=["respond_assessment"]))
    assert {people.mt.user, people.owner.user, people.key_user.user} <= invited
    page = client_as("owner").get(reverse("maturity:assessment", args=[assessment.pk]))
    assert page.status_code == 200


def test_a_person_who_may_not_answer_is_refused(client_as, assessment, people):
    people.owner.user.is_active = False
    people.owner.user.save()
    no_login = Person.objects.create(name="Zonder Login", department=assessment.department)

    page = client_as("manager").post(
        reverse("maturity:assessment", args=[assessment.pk]),
        {"people": [people.owner.pk, no_login.pk]},
    )

    assert page.status_code == 200 and page.context["invite_form"].errors
    invited = get_users_with_perms(assessment, only_with_perms_in=["respond_assessment"])
    assert people.owner.user not in invited


def test_the_manager_sees_who_has_not_submitted_and_copies_a_reminder(
    client_as, assessment, people
):
    assessment.answer_by = date(2026, 11, 20)
    assessment.save()
    services.assessment_invite(assessment=assessment, people=[people.mt, people.owner])
    fill_and_submit(client_as("mt"), assessment)
    answer(client_as("owner"), assessment, assessment_statement(), "fully")

    page = in_english(client_as("manager")).get(
        reverse("maturity:assessment", args=[assessment.pk])
    )
    content = page.content.decode()

    assert [r.name for r in page.context["waiting"]] == ["Key User Persoon", "Owner Persoon"]
    assert "2 people have not submitted yet" in content
    assert "started · 1 answered" in content
    assert page.context["reminder_emails"] == "key_user@example.org; owner@example.org"
    reminder = page.context["reminder"]
    assert "Najaar 2026" in reminder and "20 November 2026" in reminder
    assert f"http://testserver/volwassenheid/{assessment.pk}/" in reminder
    assert 'data-copy="reminder-text"' in content


def assessment_statement():
    from maturity.models import Statement

    return Statement.objects.first()


def test_the_answer_by_date_lies_within_the_period(client_as, db):
    department = Department.objects.create(name="Wonen")
    data = {
        "department": department.pk,
        "name": "Voorjaar",
        "period_start": "2026-03-01",
        "period_end": "2026-04-30",
        "threshold": "0.75",
    }
    client = in_english(client_as("manager"))

    refused = client.post(reverse("maturity:index"), {**data, "answer_by": "2026-05-15"})

    assert "Choose a date within the period of the round." in refused.content.decode()
    assert not Assessment.objects.exists()


def test_editing_a_round_is_guarded_against_lost_updates(client_as, assessment):
    from beheer.history import current_version

    client = client_as("manager")
    url = reverse("maturity:edit", args=[assessment.pk])
    form = client.get(url)
    seen = form.context["seen_version"]
    values = {
        "name": "Najaar 2026",
        "period_start": "2026-09-01",
        "period_end": "2026-11-30",
        "answer_by": "2026-11-15",
        "threshold": "0.75",
    }
    assessment.name = "Najaar 2026 (door een collega hernoemd)"
    assessment.save()

    stale = client.post(url, {**values, "seen_version": seen})

    assert stale.status_code == 200 and stale.context["conflicts"]
    assessment.refresh_from_db()
    assert assessment.answer_by is None

    saved = client.post(url, {**values, "seen_version": current_version(assessment)})

    assert saved.status_code == 302
    assessment.refresh_from_db()
    assert assessment.answer_by == date(2026, 11, 15)


def test_reopening_in_an_unpublished_round_opens_it_for_the_respondent(client_as, assessment):
    fill_and_submit(client_as("key_user"), assessment)
    assessment.is_open = False
    assessment.save()
    submission = Response.objects.get()

    client_as("manager").post(reverse("maturity:reopen", args=[assessment.pk, submission.pk]))

    submission.refresh_from_db()
    assessment.refresh_from_db()
    assert submission.submitted_at is None and assessment.is_open


@pytest.fixture
def published(client_as, assessment):
    fill_and_submit(client_as("key_user"), assessment)
    services.assessment_publish(assessment=assessment, publish=True)
    return Response.objects.get()


def test_reopening_in_a_published_round_asks_first(client_as, assessment, published):
    client = in_english(client_as("manager"))
    url = reverse("maturity:reopen", args=[assessment.pk, published.pk])

    question = client.get(url)
    unanswered = client.post(url)

    assert "The results of this round have been published" in question.content.decode()
    assert unanswered.status_code == 200 and unanswered.context["form"].errors
    published.refresh_from_db()
    assert published.submitted_at is not None
    # The detail page links to the question rather than reopening at once.
    detail = client.get(reverse("maturity:assessment", args=[assessment.pk])).content.decode()
    assert f'<a href="{url}">Reopen</a>' in detail


def test_reopening_may_withdraw_the_publication(client_as, assessment, published):
    client_as("manager").post(
        reverse("maturity:reopen", args=[assessment.pk, published.pk]),
        {"publication": "withdraw"},
    )

    assessment.refresh_from_db()
    published.refresh_from_db()
    assert published.submitted_at is None
    assert not assessment.is_published and assessment.is_open
    assert client_as("mt").get(reverse("maturity:results", args=[assessment.pk])).status_code == 403


def test_reopening_may_keep_the_results_published_marked_as_changed(
    client_as, assessment, published
):
    manager = client_as("manager")
    manager.post(
        reverse("maturity:reopen", args=[assessment.pk, published.pk]),
        {"publication": "mark_changed"},
    )

    assessment.refresh_from_db()
    assert assessment.is_published and assessment.changed_since_publication is not None
    mt = in_english(client_as("mt"))
    page = mt.get(reverse("maturity:results", args=[assessment.pk])).content.decode()
    assert "These results have changed since they were published" in page

    manager.post(reverse("maturity:publish", args=[assessment.pk]), {"publish": "1"})

    assessment.refresh_from_db()
    assert assessment.changed_since_publication is None
    page = mt.get(reverse("maturity:results", args=[assessment.pk])).content.decode()
    assert "These results have changed since they were published" not in page


def test_the_service_never_reopens_a_published_round_silently(assessment, client_as, published):
    with pytest.raises(services.PublicationChoiceNeeded):
        services.response_reopen(response=published)

    published.refresh_from_db()
    assert published.submitted_at is not None


def test_publishing_records_when(assessment):
    before = timezone.now()

    services.assessment_publish(assessment=assessment, publish=True)

    assessment.refresh_from_db()
    assert assessment.results_published_at >= before and not assessment.is_open
    services.assessment_publish(assessment=assessment, publish=False)
    assessment.refresh_from_db()
    assert assessment.results_published_at is None and assessment.is_open


def test_an_invitation_reaches_the_respondent_with_its_answer_by_date(assessment, people):
    from notifications.models import Message

    assessment.answer_by = date(2026, 12, 7)
    assessment.save()

    services.assessment_invite(assessment=assessment, people=[people.mt])
    services.assessment_invite(assessment=assessment, people=[people.mt])  # invited twice

    [message] = Message.objects.filter(recipient=people.mt.user)
    assert assessment.name in message.subject
    assert "07-12-2026" in message.text
    assert message.url == reverse("maturity:assessment", args=[assessment.pk])
