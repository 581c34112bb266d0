"""The demo data, with each persona given something of their own, so that the
pages that depend on who looks show each persona its own view of it."""

from io import StringIO
from types import SimpleNamespace

from django.core.management import call_command
from django.db.models import Count
from guardian.shortcuts import assign_perm

from beheer.models import Component, Person
from kpi.models import Kpi
from maturity.models import Assessment


def load_demo_for_personas(personas) -> SimpleNamespace:
    """loaddemo at scale 1; then the owner owns the component with the most tasks
    and the KPIs of one person (as that person), and the key user is invited to
    every maturity round."""
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=StringIO())
    own = Component.objects.annotate(tasks=Count("activities")).order_by("-tasks", "pk")[0]
    assign_perm("beheer.edit_matrix_rows", personas.owner, own)
    kpi_owner = Kpi.objects.filter(owner__isnull=False).order_by("pk").first().owner
    Person.objects.filter(user=personas.owner).update(user=None)
    Person.objects.filter(pk=kpi_owner.pk).update(user=personas.owner)
    for assessment in Assessment.objects.all():
        assign_perm("maturity.respond_assessment", personas.key_user, assessment)
    return SimpleNamespace(own_component=own, kpi_owner=kpi_owner)
