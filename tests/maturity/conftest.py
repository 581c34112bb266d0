from datetime import date

import pytest
from guardian.shortcuts import assign_perm

from beheer.models import Department
from maturity.models import Assessment


@pytest.fixture
def assessment(db, personas):
    """An open round of Klantcontact, with the key user persona invited."""
    round_ = Assessment.objects.create(
        department=Department.objects.create(name="Klantcontact"),
        name="Najaar 2026",
        period_start=date(2026, 9, 1),
        period_end=date(2026, 11, 30),
    )
    assign_perm("maturity.respond_assessment", personas.key_user, round_)
    return round_
