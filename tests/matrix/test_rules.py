import pytest

from matrix.selectors import row_problems


@pytest.mark.parametrize(
    ("codes", "problems"),
    [
        (["A", "R"], []),
        (["A", "R", "R", "C", "I"], []),
        ([], ["no_a", "no_r"]),
        (["R"], ["no_a"]),
        (["A"], ["no_r"]),
        (["A", "A", "R"], ["multiple_a"]),
        (["A", "A"], ["multiple_a", "no_r"]),
        (["C", "I"], ["no_a", "no_r"]),
    ],
)
def test_every_task_has_exactly_one_a_and_at_least_one_r(codes, problems):
    assert row_problems(codes) == problems
