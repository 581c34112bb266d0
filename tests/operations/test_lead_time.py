"""The lead time of wishes as a KPI source: median days from submitted to in
production per period, written as computed measurements when a wish moves."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from beheer.history import current_version
from beheer.models import Component, Person
from kpi.forms import KpiForm
from kpi.models import Channel, Kpi, Measurement
from kpi.services import median_lead_times, recompute_lead_time_kpis
from operations import services
from operations.models import ChangeRequest
from tests.operations.conftest import accepted


def test_the_median_is_taken_per_month_the_wishes_went_live():
    pairs = [
        (date(2026, 3, 1), date(2026, 3, 11)),  # 10 days
        (date(2026, 2, 20), date(2026, 3, 24)),  # 32
        (date(2026, 3, 10), date(2026, 3, 14)),  # 4
        (date(2026, 3, 30), date(2026, 4, 2)),  # 3, in April
    ]

    assert median_lead_times(pairs, frequency=Kpi.Frequency.MONTHLY) == {
        date(2026, 3, 1): Decimal("10.00"),
        date(2026, 4, 1): Decimal("3.00"),
    }


def test_an_even_number_of_wishes_takes_the_middle_of_the_two_middle_values():
    pairs = [(date(2026, 5, 1), date(2026, 5, 1) + timedelta(days=d)) for d in (1, 4, 6, 30)]

    assert median_lead_times(pairs, frequency=Kpi.Frequency.MONTHLY) == {
        date(2026, 5, 1): Decimal("5.00")
    }


def test_a_quarterly_kpi_takes_the_median_of_the_quarter():
    pairs = [
        (date(2026, 1, 5), date(2026, 1, 25)),  # 20
        (date(2026, 2, 1), date(2026, 3, 3)),  # 30
        (date(2026, 3, 1), date(2026, 3, 3)),  # 2
    ]

    assert median_lead_times(pairs, frequency=Kpi.Frequency.QUARTERLY) == {
        date(2026, 1, 1): Decimal("20.00")
    }


def _lead_time_kpi(component=None, **fields):
    return Kpi.objects.create(
        name="Doorlooptijd wijzigingsverzoeken CRM",
        unit="dagen",
        direction=Kpi.Direction.LOWER,
        target=Decimal("10"),
        source=Kpi.Source.CHANGE_LEAD_TIME,
        component=component,
        **fields,
    )


def _live(wish, *, submitted_days_ago: int, user):
    """Through configuration work into production today, submitted days ago."""
    ChangeRequest.objects.filter(pk=wish.pk).update(
        submitted_at=timezone.now() - timedelta(days=submitted_days_ago)
    )
    wish.refresh_from_db()
    accepted(wish, user)
    services.request_plan(change_request=wish, user=user)
    return services.request_set_status(
        change_request=wish, status=ChangeRequest.Status.IN_PRODUCTION, user=user
    )


def _submit(component, user, title="Wens"):
    return services.request_submit(component=component, title=title, description="x", user=user)


def test_a_wish_reaching_production_writes_this_months_value(personas, crm):
    kpi = _lead_time_kpi(crm)

    _live(_submit(crm, personas.key_user), submitted_days_ago=12, user=personas.manager)

    [value] = kpi.measurements.all()
    today = timezone.localdate()
    assert (value.date, value.value, value.from_channels) == (
        today.replace(day=1),
        Decimal("12.00"),
        True,
    )
    assert value.period_end.month == today.month and value.period_end > value.date


def test_only_the_wishes_of_the_kpis_component_count(personas, crm, portal):
    kpi = _lead_time_kpi(crm)
    everything = _lead_time_kpi(None, frequency=Kpi.Frequency.MONTHLY)
    everything.name = "Doorlooptijd alle onderdelen"
    everything.save()

    _live(_submit(crm, personas.key_user), submitted_days_ago=4, user=personas.manager)
    _live(_submit(portal, personas.key_user), submitted_days_ago=30, user=personas.manager)

    assert kpi.measurements.get().value == Decimal("4.00")
    assert everything.measurements.get().value == Decimal("17.00")


def test_a_wish_taken_back_out_of_production_leaves_no_value_behind(personas, crm):
    """A wish can only leave production by being deleted (its component moved, its
    record removed by the admin); the recompute takes the value away again."""
    kpi = _lead_time_kpi(crm)
    wish = _live(_submit(crm, personas.key_user), submitted_days_ago=3, user=personas.manager)
    assert kpi.measurements.count() == 1

    wish.delete()
    recompute_lead_time_kpis()

    assert kpi.measurements.count() == 0


def test_a_value_typed_in_for_the_same_month_is_kept(personas, crm):
    kpi = _lead_time_kpi(crm)
    month = timezone.localdate().replace(day=1)
    Measurement.objects.create(kpi=kpi, date=month, value=Decimal("99"), source="handmatig")

    _live(_submit(crm, personas.key_user), submitted_days_ago=3, user=personas.manager)

    assert kpi.measurements.get().value == Decimal("99")


def test_moving_a_live_wish_to_another_component_moves_its_lead_time(client_as, personas, crm):
    kpi = _lead_time_kpi(crm)
    wish = _live(_submit(crm, personas.key_user), submitted_days_ago=3, user=personas.manager)
    client = client_as("manager")
    url = reverse("operations:request-edit", args=[wish.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    portal_pk = Component.objects.get(name="Website en Portal").pk

    client.post(url, {**data, "component": portal_pk, "seen_version": current_version(wish)})

    assert kpi.measurements.count() == 0


def test_the_release_going_live_recomputes_once_for_all_its_wishes(
    personas, crm, release, django_assert_max_num_queries
):
    kpi = _lead_time_kpi(crm)
    for days, title in ((5, "Een"), (9, "Twee"), (30, "Drie")):
        wish = _submit(crm, personas.key_user, title)
        ChangeRequest.objects.filter(pk=wish.pk).update(
            submitted_at=timezone.now() - timedelta(days=days)
        )
        accepted(wish, personas.manager)
        services.request_plan(change_request=wish, user=personas.manager, release=release)
    services.release_decide(release=release, decision="go", user=personas.manager)

    services.release_go_live(release=release, user=personas.manager)

    assert kpi.measurements.get().value == Decimal("9.00")
    assert set(ChangeRequest.objects.filter(release=release).values_list("status", flat=True)) == {
        "in_production"
    }


def test_switching_a_kpi_to_the_wishes_in_the_form_computes_its_values(client_as, personas, crm):
    wish = _live(_submit(crm, personas.key_user), submitted_days_ago=6, user=personas.manager)
    kpi = Kpi.objects.create(name="Doorlooptijd", unit="dagen", level=Kpi.Level.PERSONAL)
    client = client_as("manager")
    url = reverse("kpi:kpi-edit", args=[kpi.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    factor = form.fields["factors"].queryset.first()
    data.update(
        source=Kpi.Source.CHANGE_LEAD_TIME,
        component=crm.pk,
        target="10",
        deadline="2030-12-31",
        owner=_owner(personas).pk,
        factors=[factor.pk],
        seen_version=current_version(kpi),
    )

    response = client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    assert kpi.measurements.get().value == wish.lead_time_days == 6
    page = client.get(kpi.get_absolute_url()).content.decode()
    assert f"?status=in_production&amp;component={crm.pk}" in page  # the wishes behind it


def _owner(personas):
    return Person.objects.create(name="Eigenaar KPI", user=personas.owner)


def test_a_lead_time_is_not_counted_per_channel(db):
    form = KpiForm(
        {
            "name": "Doorlooptijd",
            "source": Kpi.Source.CHANGE_LEAD_TIME,
            "channel": Channel.objects.first().pk,
            "level": "personal",
            "direction": "lower",
            "frequency": "monthly",
            "tolerance": "0",
        }
    )

    assert not form.is_valid()
    assert "channel" in form.errors


@pytest.mark.parametrize("hours", [1, 23])
def test_the_days_are_counted_by_the_calendar_not_by_hours(hours):
    wish = ChangeRequest(
        submitted_at=timezone.make_aware(datetime.combine(date(2026, 3, 2), time(hours))),
        in_production_at=timezone.make_aware(datetime.combine(date(2026, 3, 5), time(12))),
    )

    assert wish.lead_time_days == 3
