"""The department's place on the model's two axes, the rounding of scores and
the disagreement figure: hand-computed cases, and agreement with the overall level."""

import random
from decimal import Decimal

import pytest
from django.utils import translation

from maturity.models import Axis, Statement
from maturity.services import (
    DISAGREEMENT_SHOWN_FROM,
    StatementResult,
    _aggregate,
    dimension_level,
    model_position,
    position_words,
    score_shown,
)

F, D = Axis.FOCUS, Axis.DRIVE


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _results(pattern: dict) -> list[StatementResult]:
    """{(axis, level): [met, ...]} as statement results, without a database."""
    return [
        StatementResult(Statement(level=level, axis=axis), None, None, 0, met)
        for (axis, level), mets in pattern.items()
        for met in mets
    ]


def _model(met_focus: dict, met_drive: dict) -> list[StatementResult]:
    return _results(
        {**{(F, level): m for level, m in met_focus.items()}}
        | {(D, level): m for level, m in met_drive.items()}
    )


def test_nothing_met_is_inward_looking_and_steered_on_cost_at_level_one():
    results = _model(
        {2: [False, False], 3: [False, False], 4: [False], 5: [False]},
        {2: [False, False], 3: [False, False], 4: [False], 5: [False]},
    )

    position = model_position(results)

    assert (position.focus.level, position.focus.progress) == (1, Decimal("0"))
    assert (position.drive.level, position.drive.progress) == (1, Decimal("0"))
    assert position.focus.value == position.drive.value == Decimal("1")
    assert position.level == dimension_level(results) == 1
    assert position.ahead is None
    assert position_words(position) == "Inward-looking, steered on cost"


def test_a_mixed_department_stands_where_the_hand_count_says():
    # Focus: levels 2 and 3 met, one of the two level-4 statements: 3 + 1/2.
    # Drive: level 2 met, one of the four level-3 statements: 2 + 1/4.
    results = _model(
        {2: [True, True], 3: [True, True], 4: [True, False], 5: [False, False]},
        {2: [True, True], 3: [True, False, False, False], 4: [False], 5: [False]},
    )

    position = model_position(results)

    assert (position.focus.level, position.focus.value) == (3, Decimal("3.50"))
    assert (position.drive.level, position.drive.value) == (2, Decimal("2.25"))
    assert position.level == dimension_level(results) == 2
    assert position.ahead is position.focus and position.behind is position.drive
    assert position_words(position) == "Starting to look outward, mostly cost-driven"


def test_everything_met_is_an_outward_looking_value_driven_business_partner():
    results = _model(
        {2: [True], 3: [True, True], 4: [True], 5: [True, True]},
        {2: [True, True], 3: [True], 4: [True, True], 5: [True]},
    )

    position = model_position(results)

    assert position.focus.value == position.drive.value == Decimal("5")
    assert position.level == dimension_level(results) == 5
    assert position_words(position) == (
        "Fully outward-looking, creating value as a business partner"
    )


def test_a_met_level_above_an_unmet_one_does_not_move_an_axis():
    results = _model({2: [False], 3: [True], 4: [True], 5: [True]}, {2: [True], 3: [False]})

    position = model_position(results)

    assert (position.focus.level, position.focus.progress) == (1, Decimal("0"))
    assert position.drive.value == Decimal("2")


@pytest.mark.django_db
def test_the_position_always_agrees_with_the_overall_level_of_the_shipped_model():
    statements = list(Statement.objects.select_related("dimension"))
    chance = random.Random(13)
    for _attempt in range(300):
        # Lower levels more often met, as in real rounds.
        share = chance.random()
        results = [
            StatementResult(s, None, None, 0, chance.random() < share ** (s.level - 1))
            for s in statements
        ]
        by_dimension: dict[int, list] = {}
        for result in results:
            by_dimension.setdefault(result.statement.dimension_id, []).append(result)
        overall = min(dimension_level(rs) for rs in by_dimension.values())

        position = model_position(results)

        assert position.level == overall
        assert int(position.focus.value) == position.focus.level
        assert int(position.drive.value) == position.drive.level


@pytest.mark.parametrize(
    ("average", "shown"),
    [
        (Decimal("0.749"), Decimal("0.74")),
        (Decimal("0.750"), Decimal("0.75")),
        (Decimal("0.667"), Decimal("0.66")),
        (Decimal("0.333"), Decimal("0.33")),
        (Decimal("1"), Decimal("1.00")),
        (Decimal("0"), Decimal("0.00")),
        (None, None),
    ],
)
def test_scores_are_shown_with_two_decimals_rounded_down(average, shown):
    assert score_shown(average) == shown


def test_a_score_shown_at_the_threshold_is_always_met():
    for threshold in (Decimal("0.50"), Decimal("0.67"), Decimal("0.75"), Decimal("0.90")):
        for thousandths in range(1001):
            average = Decimal(thousandths) / 1000
            assert (score_shown(average) >= threshold) == (average >= threshold), average


@pytest.mark.parametrize(
    ("by_score", "disagreement", "shown"),
    [
        ({Decimal("1"): 3}, Decimal("0.00"), False),  # unanimous
        ({Decimal("1"): 4, Decimal("0.333"): 1}, Decimal("0.27"), False),  # one a step lower
        ({Decimal("1"): 2, Decimal("0"): 2}, Decimal("0.50"), True),  # two camps, far apart
        ({Decimal("0.667"): 2, Decimal("0"): 1}, Decimal("0.31"), True),
    ],
)
def test_disagreement_is_a_figure_of_two_decimals_shown_from_the_threshold(
    by_score, disagreement, shown
):
    aggregate = _aggregate(by_score)

    assert aggregate.disagreement == disagreement
    assert aggregate.disagreement.as_tuple().exponent == -2
    result = StatementResult(Statement(level=2), aggregate.average, aggregate.disagreement, 1, True)
    assert result.disagreement_matters is shown
    assert (aggregate.disagreement >= DISAGREEMENT_SHOWN_FROM) is shown


def test_the_distribution_says_how_many_gave_which_answer_most_first():
    aggregate = _aggregate({Decimal("1"): 1, Decimal("0"): 3, Decimal("0.333"): 1})

    assert aggregate.distribution == (("not", 3), ("fully", 1), ("partly", 1))
    assert aggregate.average == Decimal("0.267")
