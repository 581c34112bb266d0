"""The factor reviews' next actions moved into the one action register:
governance 0003 copies them, kpi 0007 then drops the review's own fields.

The test walks the migrations as `migrate` does: back to before the copy, writes
reviews with the models of that moment, then forward, step by step."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from governance.factor_actions import copy_factor_review_actions

BEFORE_COPY = [("governance", "0002_default_forums"), ("kpi", "0006_source_change_lead_time")]
COPIED = [("governance", "0003_factor_review_actions")]
FIELDS_DROPPED = [("kpi", "0007_factor_review_actions_in_the_register")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _reviews(apps):
    Person = apps.get_model("beheer", "Person")
    SuccessFactor = apps.get_model("kpi", "SuccessFactor")
    review = apps.get_model("kpi", "FactorReview").objects.create
    owner = Person.objects.create(name="Anouk Dekker")
    # A transactional test may start on a flushed database: the shipped factors
    # are made again if the flush removed them.
    factor, _ = SuccessFactor.objects.get_or_create(
        key="informatiekwaliteit",
        defaults={"theme": "organisation", "name_nl": "Informatiekwaliteit"},
    )
    other, _ = SuccessFactor.objects.get_or_create(
        key="architectuur", defaults={"theme": "it", "name_nl": "Architectuur"}
    )
    return {
        "first": review(
            factor=factor,
            date=date(2026, 3, 1),
            status="developing",
            owner=owner,
            next_action="Artikelen ouder dan een jaar laten herzien",
            due_date=date(2026, 5, 1),
        ),
        "second": review(
            factor=factor,
            date=date(2026, 6, 1),
            status="developing",
            next_action="Eigenaren per artikel vastleggen",
            due_date=date(2026, 8, 1),
        ),
        "latest": review(factor=factor, date=date(2026, 9, 1), status="present"),
        "current": review(
            factor=other,
            date=date(2026, 9, 1),
            status="not_present",
            owner=owner,
            next_action="Kanaalarchitectuur opstellen",
            due_date=date(2026, 10, 1),
        ),
    }


@pytest.fixture
def before_the_copy(transactional_db):
    """The database as it was before governance 0003; afterwards at the latest again."""
    apps = _migrate(BEFORE_COPY)
    yield apps
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


# Not serialized_rollback: restoring the serialized database collides with the
# content types a preceding flush has made again (Django's post_migrate).
@pytest.mark.django_db(transaction=True)
def test_every_next_action_reaches_the_register_and_survives_the_dropped_fields(
    before_the_copy,
):
    reviews = _reviews(before_the_copy)

    apps = _migrate(COPIED)

    Action = apps.get_model("governance", "Action")
    actions = {a.factor_review_id: a for a in Action.objects.all()}
    with_action = [r for r in reviews.values() if r.next_action]
    assert set(actions) == {r.pk for r in with_action}
    for review in with_action:
        action = actions[review.pk]
        assert (action.title, action.owner_id, action.due_date) == (
            review.next_action,
            review.owner_id,
            review.due_date,
        )
        assert action.source == "factor_review"
        assert action.success_factor_id == review.factor_id
    # The factor's latest review holds its current action; earlier ones were replaced.
    current = actions[reviews["current"].pk]
    assert current.status == "open" and current.due_date < date(2026, 11, 30)
    replaced = actions[reviews["first"].pk]
    assert replaced.status == "cancelled" and "01-06-2026" in replaced.status_note
    assert actions[reviews["second"].pk].status == "cancelled"
    # Run again (as on a database that had them copied): nothing twice.
    assert copy_factor_review_actions(apps.get_model("kpi", "FactorReview"), Action) == 0

    apps = _migrate(FIELDS_DROPPED)

    FactorReview = apps.get_model("kpi", "FactorReview")
    assert not hasattr(FactorReview(), "next_action")
    kept = apps.get_model("governance", "Action").objects.filter(source="factor_review")
    assert sorted(kept.values_list("title", flat=True)) == sorted(
        r.next_action for r in with_action
    )
