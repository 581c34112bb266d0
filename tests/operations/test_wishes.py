"""A wish's way from submitted to in production (or rejected), and releases."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from operations import services
from operations.models import ChangeRequest, Comment, Release
from tests.operations.conftest import accepted

S = ChangeRequest.Status


def _steps(wish):
    return [
        (step.old_status, step.new_status, step.changed_by.username)
        for step in wish.status_changes.select_related("changed_by")
    ]


def test_every_step_is_recorded_with_who_and_when(wish, personas, release):
    accepted(wish, personas.owner, priority=ChangeRequest.Priority.SHOULD)
    services.request_plan(change_request=wish, user=personas.manager, release=release)

    wish.refresh_from_db()
    assert (wish.status, wish.priority, wish.release) == (S.PLANNED, 2, release)
    assert _steps(wish) == [
        ("", "submitted", "key_user"),
        ("submitted", "in_review", "owner"),
        ("in_review", "planned", "manager"),
    ]
    times = [step.changed_at for step in wish.status_changes.all()]
    assert times == sorted(times) and wish.status_changed_at == times[-1]


def test_a_rejection_says_why(wish, personas):
    with pytest.raises(ValidationError):
        services.request_reject(change_request=wish, user=personas.owner, reason="  ")

    services.request_reject(
        change_request=wish, user=personas.owner, reason="Past niet in het beleid."
    )

    wish.refresh_from_db()
    assert (wish.status, wish.rejection_reason) == (S.REJECTED, "Past niet in het beleid.")
    assert wish.status_changes.last().note == "Past niet in het beleid."


def test_asking_for_more_waits_for_the_submitters_answer(wish, personas):
    services.request_ask_information(
        change_request=wish, user=personas.owner, question="Voor welke teams?"
    )
    wish.refresh_from_db()
    assert wish.needs_information and wish.status == S.SUBMITTED

    services.request_comment(change_request=wish, text="Ik ben key user.", user=personas.mt)
    wish.refresh_from_db()
    assert wish.needs_information  # someone else's addition is no answer

    services.request_comment(change_request=wish, text="Alle teams.", user=personas.key_user)
    wish.refresh_from_db()
    assert not wish.needs_information
    assert list(Comment.objects.values_list("text", flat=True)) == [
        "Voor welke teams?",
        "Ik ben key user.",
        "Alle teams.",
    ]


def test_a_wish_is_accepted_before_it_is_planned(wish, personas, release):
    with pytest.raises(services.NotAllowed):
        services.request_plan(change_request=wish, user=personas.manager, release=release)


def test_a_wish_is_planned_into_a_release_of_its_own_component(wish, personas, portal):
    accepted(wish, personas.manager)
    other = Release.objects.create(
        component=portal, version="1.0", planned_date=timezone.localdate()
    )
    with pytest.raises(ValidationError):
        services.request_plan(change_request=wish, user=personas.manager, release=other)


def test_configuration_work_goes_through_test_into_production_by_hand(wish, personas):
    accepted(wish, personas.manager)
    planned_for = timezone.localdate() + timedelta(days=7)
    services.request_plan(change_request=wish, user=personas.manager, planned_for=planned_for)
    wish.refresh_from_db()
    assert (wish.plan, wish.planned_for, wish.release) == ("configuration", planned_for, None)

    services.request_set_status(change_request=wish, status=S.IN_TEST, user=personas.manager)
    services.request_set_status(change_request=wish, status=S.IN_PRODUCTION, user=personas.manager)

    wish.refresh_from_db()
    assert wish.status == S.IN_PRODUCTION and wish.in_production_at is not None
    assert wish.lead_time_days == 0
    with pytest.raises(services.NotAllowed):  # production is the end of the road
        services.request_set_status(change_request=wish, status=S.PLANNED, user=personas.manager)


def test_a_wish_in_a_release_goes_live_with_its_release_only(wish, personas, release):
    accepted(wish, personas.manager)
    services.request_plan(change_request=wish, user=personas.manager, release=release)

    with pytest.raises(services.NotAllowed):
        services.request_set_status(
            change_request=wish, status=S.IN_PRODUCTION, user=personas.manager
        )
    # But it can be taken out of the release.
    services.request_set_status(change_request=wish, status=S.IN_REVIEW, user=personas.manager)
    wish.refresh_from_db()
    assert (wish.status, wish.release, wish.plan) == (S.IN_REVIEW, None, "")


def test_a_rejected_wish_can_be_reconsidered(wish, personas):
    services.request_reject(change_request=wish, user=personas.owner, reason="Niet nu.")

    services.request_set_status(change_request=wish, status=S.SUBMITTED, user=personas.owner)

    wish.refresh_from_db()
    assert (wish.status, wish.rejection_reason) == (S.SUBMITTED, "")


def test_planned_into_a_release_in_test_the_wish_is_in_test_at_once(wish, personas, release):
    services.release_start_test(release=release, user=personas.manager)
    accepted(wish, personas.manager)

    services.request_plan(change_request=wish, user=personas.manager, release=release)

    wish.refresh_from_db()
    assert wish.status == S.IN_TEST


def test_a_release_carries_its_wishes_through_test_into_production(wish, personas, release):
    accepted(wish, personas.manager)
    services.request_plan(change_request=wish, user=personas.manager, release=release)

    services.release_start_test(release=release, user=personas.manager)
    wish.refresh_from_db()
    assert wish.status == S.IN_TEST

    with pytest.raises(services.NotAllowed):  # no go-live without a "go"
        services.release_go_live(release=release, user=personas.manager)
    services.release_decide(release=release, decision="go", user=personas.manager)
    services.release_go_live(release=release, user=personas.manager)

    release.refresh_from_db()
    wish.refresh_from_db()
    assert (release.status, release.actual_date) == (Release.Status.LIVE, timezone.localdate())
    assert wish.status == S.IN_PRODUCTION
    assert _steps(wish)[-2:] == [
        ("planned", "in_test", "manager"),
        ("in_test", "in_production", "manager"),
    ]


def test_a_release_that_went_live_earlier_dates_its_wishes_that_day(wish, personas, release):
    accepted(wish, personas.manager)
    services.request_plan(change_request=wish, user=personas.manager, release=release)
    services.release_decide(release=release, decision="go", user=personas.manager)
    yesterday = timezone.localdate() - timedelta(days=1)

    services.release_go_live(release=release, user=personas.manager, on=yesterday)

    wish.refresh_from_db()
    assert timezone.localtime(wish.in_production_at).date() == yesterday
    with pytest.raises(ValidationError):
        services.release_go_live(
            release=Release.objects.create(
                component=release.component, version="9", planned_date=yesterday, decision="go"
            ),
            user=personas.manager,
            on=timezone.localdate() + timedelta(days=1),
        )


def test_a_go_despite_failed_or_untested_items_says_why(release, test_item, personas):
    with pytest.raises(ValidationError):
        services.release_decide(release=release, decision="go", user=personas.manager)
    with pytest.raises(ValidationError):
        services.release_decide(release=release, decision="no_go", user=personas.manager)

    services.release_decide(
        release=release,
        decision="go",
        note="Bekende fout, hersteld in 8.3.1",
        user=personas.manager,
    )
    release.refresh_from_db()
    assert (release.decision, release.decided_by) == ("go", personas.manager)

    services.test_result_record(item=test_item, result="passed", user=personas.key_user)
    services.release_decide(release=release, decision="go", user=personas.manager)  # all passed


def test_a_failed_test_says_what_went_wrong_and_a_closed_release_takes_no_results(
    release, test_item, personas
):
    with pytest.raises(ValidationError):
        services.test_result_record(item=test_item, result="failed", user=personas.key_user)
    services.test_result_record(
        item=test_item, result="failed", note="Geen resultaten bij 1234AB", user=personas.key_user
    )
    services.test_result_record(item=test_item, result="passed", user=personas.key_user)

    results = list(test_item.history.order_by("history_id").values_list("result", flat=True))
    assert results[-2:] == ["failed", "passed"]  # the failure is kept in the history
    services.release_cancel(release=release, note="Leverancier stopt ermee", user=personas.manager)
    with pytest.raises(services.NotAllowed):
        services.test_result_record(
            item=test_item, result="failed", note="x", user=personas.key_user
        )


def test_a_cancelled_release_sends_its_wishes_back_to_be_planned(wish, personas, release):
    accepted(wish, personas.manager)
    services.request_plan(change_request=wish, user=personas.manager, release=release)

    services.release_cancel(release=release, note="Uitgesteld", user=personas.manager)

    wish.refresh_from_db()
    assert (wish.status, wish.release, wish.plan) == (S.IN_REVIEW, None, "")
    assert wish.status_changes.last().note == "Uitgesteld"
