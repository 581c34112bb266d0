"""The maturity assessments' part of the daily run (notifications.reminders):
the recurring rounds due today are opened and their respondents invited."""

from datetime import date


def run_schedules(*, today: date) -> int:
    """The recurring assessments due today (maturity.schedules)."""
    from maturity.schedules import schedules_run

    return schedules_run(today=today)
