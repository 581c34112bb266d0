from datetime import date
from decimal import Decimal

import pytest

from beheer.models import Person
from kpi.models import Kpi, SuccessFactor


@pytest.fixture
def owner_person(personas):
    """The key-user persona as a person in the register, owner of `kpi`."""
    return Person.objects.create(name="Yusuf Demir", user=personas.key_user)


@pytest.fixture
def kpi(db, owner_person):
    """A SMART monthly KPI: at least 70 % online, 5 points of tolerance."""
    kpi = Kpi.objects.create(
        name="Reparatieverzoeken via het portaal",
        unit="%",
        direction=Kpi.Direction.HIGHER,
        baseline=Decimal("40"),
        target=Decimal("70"),
        tolerance=Decimal("5"),
        deadline=date(2027, 12, 31),
        owner=owner_person,
    )
    kpi.factors.set([SuccessFactor.objects.get(key="kanaalsturing")])
    return kpi
