from datetime import date
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from guardian.shortcuts import assign_perm

from beheer.models import Department, Person
from maturity.models import Assessment, Dimension, Statement


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


@pytest.fixture
def people(personas, assessment):
    """The personas as people of the register, with their logins: the key user
    and the MT member work in the department assessed, the owner elsewhere."""
    elsewhere = Department.objects.create(name="Wonen")
    found = {}
    for name in ("key_user", "mt", "owner", "outsider", "manager"):
        user = getattr(personas, name)
        found[name] = Person.objects.create(
            name=f"{user.first_name} Persoon",
            email=f"{name}@example.org",
            user=user,
            department=assessment.department if name in {"key_user", "mt"} else elsewhere,
        )
    return SimpleNamespace(**found)


def fill(client, assessment, value="fully"):
    """Answer every statement through the questionnaire's pages (no JavaScript)."""
    for dimension in Dimension.objects.all():
        data = {f"s{s.pk}": value for s in Statement.objects.filter(dimension=dimension)}
        client.post(reverse("maturity:questionnaire", args=[assessment.pk, dimension.key]), data)


def fill_and_submit(client, assessment, value="fully"):
    fill(client, assessment, value)
    client.post(reverse("maturity:submit", args=[assessment.pk]))


def answer(client, assessment, statement, value="", comment="", htmx=True):
    """Save one answer as the questionnaire's autosave does."""
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(
        reverse("maturity:answer", args=[assessment.pk, statement.pk]),
        {f"s{statement.pk}": value, f"c{statement.pk}": comment},
        headers=headers,
    )


def respondent_user(username):
    return get_user_model().objects.create_user(username)


def in_english(client):
    """Pages in English: the new texts' Dutch arrives with the merged catalogue."""
    client.cookies["django_language"] = "en"
    return client
