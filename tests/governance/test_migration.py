"""Migration 0003 brings every next action of a factor review into the register."""

from datetime import date

from django.db import connection
from django.db.migrations.loader import MigrationLoader

from beheer.models import Person
from governance.factor_actions import copy_factor_review_actions
from governance.models import Action
from kpi.models import FactorReview, SuccessFactor

MIGRATION = ("governance", "0003_factor_review_actions")


def _run_the_migration():
    """Run migration 0003's data step as `migrate` runs it: with the historical
    models of that point in the migration graph (no schema change, so no need
    to unapply and apply migrations inside the test)."""
    loader = MigrationLoader(connection)
    migration = loader.get_migration(*MIGRATION)
    [operation] = migration.operations
    historical_apps = loader.project_state(MIGRATION).apps
    operation.code(historical_apps, None)  # it changes data only: no schema editor


def _reviews():
    owner = Person.objects.create(name="Anouk Dekker")
    factor = SuccessFactor.objects.get(key="informatiekwaliteit")
    other = SuccessFactor.objects.get(key="architectuur")
    review = FactorReview.objects.create
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


def test_the_migration_copies_every_next_action_and_loses_none(db):
    reviews = _reviews()

    _run_the_migration()

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
    assert current.status == "open" and current.is_overdue(date(2026, 11, 30))
    replaced = actions[reviews["first"].pk]
    assert replaced.status == "cancelled" and "01-06-2026" in replaced.status_note
    assert actions[reviews["second"].pk].status == "cancelled"


def test_copying_twice_copies_nothing_twice(db):
    _reviews()

    assert copy_factor_review_actions(FactorReview, Action) == 3
    assert copy_factor_review_actions(FactorReview, Action) == 0
    assert Action.objects.count() == 3
