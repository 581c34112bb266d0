from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from beheer.models import Component, Person, Role
from beheer.services import component_owner_grants_sync
from operations import services
from operations.models import Release, TestItem
from tests.beheer import makers


@pytest.fixture
def people(personas):
    """Every persona as a person in the register, linked to their login."""
    return SimpleNamespace(
        **{
            name: Person.objects.create(
                name=name.replace("_", " ").title(), user=getattr(personas, name)
            )
            for name in ("beheerder", "manager", "owner", "key_user", "mt", "outsider")
        }
    )


@pytest.fixture
def crm(db):
    return Component.objects.get(name="Klantvolgsysteem")


@pytest.fixture
def portal(db):
    return Component.objects.get(name="Website en Portal")


@pytest.fixture
def owner_of_crm(people, crm):
    """The owner persona holds the CRM's owner role, which grants them its wishes."""
    makers.assign(people.owner, Role.objects.get(name="Eigenaar Klantvolgsysteem"))
    component_owner_grants_sync()
    return people.owner


@pytest.fixture
def wish(personas, crm):
    """A wish for the CRM, submitted by the key user."""
    return services.request_submit(
        component=crm,
        title="Contractnummer in het klantbeeld",
        description="Toon het contractnummer bovenaan.",
        reason="We zoeken het nu op.",
        user=personas.key_user,
    )


@pytest.fixture
def release(crm):
    return Release.objects.create(
        component=crm, version="8.3", planned_date=timezone.localdate() + timedelta(days=20)
    )


@pytest.fixture
def test_item(release, people):
    """A line of the release's test plan for the key user."""
    return TestItem.objects.create(
        release=release, title="Zoeken op postcode", tester=people.key_user
    )


def accepted(wish, user, priority=1):
    return services.request_accept(change_request=wish, user=user, priority=priority)
