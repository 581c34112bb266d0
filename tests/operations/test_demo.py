"""The demo tells the story the issue asks for, and loads once however often it runs."""

import io
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from beheer.models import Person, Supplier
from kpi.models import Kpi
from operations import selectors, work
from operations.models import (
    ChangeRequest,
    ComponentGuide,
    Contract,
    Release,
    ServiceLevel,
    StatusChange,
    TrainingSession,
)


def _load():
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=io.StringIO())


@pytest.mark.django_db
def test_the_demo_has_wishes_releases_contracts_and_training_as_asked():
    _load()
    today = timezone.localdate()

    wishes = ChangeRequest.objects.all()
    assert wishes.count() == 40
    assert set(wishes.values_list("component__name", flat=True)) == {
        "Klantvolgsysteem",
        "Selfserviceprocessen",
        "Kennisbank",
        "Website en Portal",
    }
    assert set(Counter(wishes.values_list("status", flat=True))) == set(ChangeRequest.Status)
    assert wishes.filter(needs_information=True).exists()
    # Every wish's steps follow each other in time and end in its status.
    for wish in wishes.prefetch_related("status_changes"):
        steps = list(wish.status_changes.all())
        assert steps[-1].new_status == wish.status
        assert [s.changed_at for s in steps] == sorted(s.changed_at for s in steps)
        assert steps[-1].changed_at <= timezone.now()
    assert StatusChange.objects.filter(new_status="in_production").count() == 10

    releases = {r.status: r for r in Release.objects.all()}
    assert set(releases) == {"live", "in_test", "planned"}
    assert {i.result for i in releases["live"].test_items.all()} == {"passed"}
    assert "failed" in {i.result for i in releases["in_test"].test_items.all()}
    assert releases["planned"].planned_date > today
    assert {i.result for i in releases["planned"].test_items.all()} == {""}

    suppliers = set(Supplier.objects.values_list("name", flat=True))
    assert set(Contract.objects.values_list("supplier__name", flat=True)) - {None} == suppliers
    assert [
        row.contract.supplier.name for row in selectors.contracts_to_give_notice(today=today)
    ] == ["KlantLink B.V."]
    assert ServiceLevel.objects.filter(kpi__name="Beschikbaarheid klantportaal").exists()
    assert Contract.objects.filter(kind="internal").get().service_levels.count() >= 4

    gaps = selectors.training_gaps(today=today)
    assert len({gap.person.pk for gap in gaps}) == 3
    assert selectors.second_training_due(today=today)
    assert TrainingSession.objects.filter(date__gt=today).exists()
    assert ComponentGuide.objects.count() == 4

    kpi = Kpi.objects.get(name="Doorlooptijd wijzigingsverzoeken CRM")
    assert kpi.source == Kpi.Source.CHANGE_LEAD_TIME
    latest = kpi.measurements.order_by("-date").first()
    assert latest.from_channels and (today - latest.date).days < 62


@pytest.mark.django_db
def test_the_demo_gives_the_personas_work_and_loads_once():
    _load()
    counts = (ChangeRequest.objects.count(), Release.objects.count(), Contract.objects.count())

    _load()

    assert (
        ChangeRequest.objects.count(),
        Release.objects.count(),
        Contract.objects.count(),
    ) == counts
    today = timezone.localdate()
    users = {u.username: u for u in get_user_model().objects.all()}

    def kinds(username):
        user = users[username]
        person = Person.objects.filter(user=user).first()
        return {item.kind for item in work.work_items(user=user, person=person, today=today)}

    assert "test-item" in kinds("keyuser")
    assert "wishes-to-judge" in kinds("eigenaar")
    attention = {item.kind for item in work.attention_items(today=today)}
    assert {"contract-notice", "release-failed-tests", "training-gaps"} <= attention
