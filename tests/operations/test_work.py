"""Daily management's part of Mijn werk and of the managers' attention list."""

from datetime import timedelta

from django.utils import timezone, translation

from beheer.models import Supplier
from operations import services, work
from operations.models import ChangeRequest, Contract, Course


def _work(user, person=None):
    with translation.override("en"):
        return work.work_items(user=user, person=person, today=timezone.localdate())


def _attention():
    with translation.override("en"):
        items = work.attention_items(today=timezone.localdate())
    return {item.kind: item for item in items}


def test_an_owner_is_asked_to_judge_the_waiting_wishes_of_their_component(
    wish, owner_of_crm, personas, portal
):
    asked = services.request_submit(
        component=wish.component, title="Vraag", description="x", user=personas.mt
    )
    services.request_ask_information(change_request=asked, user=personas.owner, question="Wie?")
    services.request_submit(component=portal, title="Elders", description="x", user=personas.mt)
    ChangeRequest.objects.filter(pk=wish.pk).update(
        submitted_at=timezone.now() - timedelta(days=20)
    )

    [item] = _work(personas.owner, owner_of_crm)

    assert item.kind == "wishes-to-judge"
    assert (
        "Klantvolgsysteem" in item.title and "1" in item.title
    )  # not the one waiting for an answer
    assert item.overdue  # submitted 20 days ago, judged within 14
    assert f"component={wish.component_id}" in item.url and "status=waiting" in item.url
    assert _work(personas.key_user) == []  # a key user triages nothing


def test_the_submitter_is_asked_to_answer_the_owners_question(wish, personas):
    services.request_ask_information(change_request=wish, user=personas.owner, question="Wie?")

    [item] = _work(personas.key_user)

    assert item.kind == "wish-question" and item.url.endswith("#comments")


def test_a_key_user_is_asked_to_test_until_it_passed(test_item, release, people, personas):
    [item] = _work(personas.key_user, people.key_user)
    assert (item.kind, item.due, item.overdue) == ("test-item", release.planned_date, False)

    services.test_result_record(
        item=test_item, result="failed", note="Fout", user=personas.key_user
    )
    [item] = _work(personas.key_user, people.key_user)
    assert "test again" in item.detail

    services.test_result_record(item=test_item, result="passed", user=personas.key_user)
    assert _work(personas.key_user, people.key_user) == []


def test_a_coming_training_is_on_the_participants_list(people, personas):
    session = services.session_plan(
        course=Course.objects.get(name="Key-usertraining"),
        date=timezone.localdate() + timedelta(days=5),
        participants=[people.key_user],
    )

    [item] = _work(personas.key_user, people.key_user)

    assert (item.kind, item.due, item.url) == ("training", session.date, session.get_absolute_url())


def test_the_managers_see_contracts_to_give_notice_failed_tests_and_old_wishes(
    wish, test_item, personas
):
    today = timezone.localdate()
    Contract.objects.create(
        name="Support CRM",
        supplier=Supplier.objects.create(name="KlantLink B.V."),
        end_date=today + timedelta(days=30),
    )
    services.test_result_record(
        item=test_item, result="failed", note="Fout", user=personas.key_user
    )
    ChangeRequest.objects.filter(pk=wish.pk).update(
        submitted_at=timezone.now() - timedelta(days=15)
    )

    found = _attention()

    assert found["contract-notice"].due == today + timedelta(days=30)
    assert "1 test failed" in found["release-failed-tests"].title
    assert found["wishes-unjudged"].count == 1
    services.release_cancel(release=test_item.release, note="Weg", user=personas.manager)
    assert "release-failed-tests" not in _attention()
