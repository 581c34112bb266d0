"""KPI owners are reminded before their KPI runs out of recent data (kpi/reminders.py)."""

from datetime import date

import pytest

from kpi.models import Kpi, Measurement
from kpi.reminders import measurement_due, reminders
from kpi.services import kpi_status
from notifications.models import Message
from tests.notifications.conftest import run

pytestmark = pytest.mark.django_db


@pytest.fixture
def kpi(people):
    kpi = Kpi.objects.create(
        name="Klanttevredenheid portaal", frequency="monthly", owner=people.key_user, target=7
    )
    Measurement.objects.create(kpi=kpi, date=date(2026, 9, 30), value=7.4)
    return kpi


def test_the_due_date_is_the_day_the_kpi_would_show_no_recent_data(kpi):
    due = measurement_due(kpi.measurements.get(), kpi.frequency)

    assert kpi_status(kpi, kpi.measurements.get(), today=due - date.resolution) != "no_data"
    assert kpi_status(kpi, kpi.measurements.get(), today=due) == "no_data"


@pytest.mark.parametrize(
    ("days_before", "kind"),
    [
        (8, None),
        (7, "kpi-measurement-soon"),
        (1, "kpi-measurement-tomorrow"),
        (-1, "kpi-measurement-overdue"),
    ],
)
def test_the_owner_hears_a_week_ahead_the_day_before_and_when_overdue(kpi, days_before, kind):
    due = measurement_due(kpi.measurements.get(), kpi.frequency)

    found = reminders(today=due - days_before * date.resolution)

    assert [r.kind for r in found] == ([kind] if kind else [])
    if kind:
        assert found[0].recipients == (kpi.owner.user_id,)


def test_computed_kpis_and_owners_who_left_remind_nobody(kpi, people):
    due = measurement_due(kpi.measurements.get(), kpi.frequency)
    computed = Kpi.objects.create(
        name="Digitaal aandeel", frequency="monthly", owner=people.manager, source="digital_share"
    )
    Measurement.objects.create(kpi=computed, date=date(2026, 9, 30), value=40)
    people.key_user.leaving_date = due - 10 * date.resolution
    people.key_user.save()

    assert reminders(today=due) == []


def test_the_daily_run_sends_it_once(kpi, personas):
    due = measurement_due(kpi.measurements.get(), kpi.frequency)

    run(today=due - date.resolution)
    run(today=due - date.resolution)

    [message] = Message.objects.filter(recipient=personas.key_user)
    assert "Klanttevredenheid portaal" in message.subject
