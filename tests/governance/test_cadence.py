"""A forum's rhythm gives the date of its next meeting."""

from datetime import date

import pytest

from governance import services
from governance.models import Cadence, Forum

MONDAY = date(2026, 11, 30)


def _next(cadence, last, today=MONDAY):
    return services.next_meeting_date(cadence=cadence, last=last, today=today)


def test_four_weeks_after_the_latest_meeting_on_the_same_weekday():
    assert _next(Cadence.FOUR_WEEKS, date(2026, 11, 24)) == date(2026, 12, 22)


def test_a_missed_meeting_is_not_made_up_the_rhythm_moves_on_to_today_or_later():
    # Latest on 6 October: 3 Nov and 1 Dec followed; 3 Nov passed unheld.
    assert _next(Cadence.FOUR_WEEKS, date(2026, 10, 6)) == date(2026, 12, 1)


def test_a_step_landing_on_today_is_today():
    assert _next(Cadence.WEEKLY, date(2026, 11, 23)) == MONDAY


@pytest.mark.parametrize(
    ("cadence", "last", "expected"),
    [
        (Cadence.TWO_WEEKS, date(2026, 11, 26), date(2026, 12, 10)),
        (Cadence.MONTHLY, date(2026, 11, 17), date(2026, 12, 17)),
        (Cadence.QUARTERLY, date(2026, 10, 1), date(2027, 1, 1)),
        (Cadence.HALF_YEARLY, date(2026, 6, 10), date(2026, 12, 10)),
        (Cadence.YEARLY, date(2026, 3, 12), date(2027, 3, 12)),
    ],
)
def test_each_cadence_steps_its_own_distance(cadence, last, expected):
    assert _next(cadence, last) == expected


def test_the_end_of_a_month_stays_the_end_of_a_month():
    # 31 January + 1 month is the last day of February, and a month on from the
    # 31st counts from the 31st again rather than from the 28th.
    assert _next(Cadence.MONTHLY, date(2027, 1, 31), today=date(2027, 2, 1)) == date(2027, 3, 1)
    assert _next(Cadence.MONTHLY, date(2026, 12, 31), today=date(2027, 3, 1)) == date(2027, 3, 31)
    assert services.add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)


def test_a_weekend_date_moves_to_the_monday():
    # A quarter after Thursday 1 October is Friday 1 January; a month after
    # Saturday's date is a Saturday again, moved to the Monday.
    assert _next(Cadence.MONTHLY, date(2026, 11, 5), today=date(2026, 12, 1)) == date(2026, 12, 7)


def test_a_first_meeting_or_one_as_needed_is_proposed_a_week_ahead_on_a_working_day():
    assert _next(Cadence.FOUR_WEEKS, None) == date(2026, 12, 7)
    assert _next(Cadence.AS_NEEDED, date(2026, 11, 1)) == date(2026, 12, 7)
    # From a Thursday a week ahead is a Thursday.
    assert _next(Cadence.QUARTERLY, None, today=date(2026, 12, 3)) == date(2026, 12, 10)


def test_the_forums_next_date_follows_its_latest_meeting_planned_or_held(db):
    forum = Forum.objects.get(kind=Forum.Kind.BEHEEROVERLEG)
    assert services.forum_next_date(forum=forum, today=MONDAY) == date(2026, 12, 7)

    services.meeting_plan(forum=forum, date=date(2026, 12, 8))

    assert services.forum_next_date(forum=forum, today=MONDAY) == date(2027, 1, 5)
