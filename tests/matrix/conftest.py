import pytest
from guardian.shortcuts import assign_perm

from beheer.models import Component, Role
from matrix.models import Activity, Grant, Responsibility, Right


@pytest.fixture
def matrix(db, personas):
    """A small matrix: two components, each with a task; the owner persona owns one."""
    own = Component.objects.create(name="Eigen onderdeel")
    other = Component.objects.create(name="Ander onderdeel")
    assign_perm("beheer.edit_matrix_rows", personas.owner, own)
    roles = {
        name: Role.objects.create(name=name, kind=kind)
        for name, kind in (("Rol A", "owner"), ("Rol B", "functional"), ("Rol C", "key_user"))
    }
    own_task = Activity.objects.create(title="Eigen taak", theme="Thema 1", component=own, order=10)
    other_task = Activity.objects.create(
        title="Andere taak", theme="Thema 1", component=other, order=20
    )
    loose_task = Activity.objects.create(title="Losse taak", theme="Thema 2", order=30)
    Responsibility.objects.create(activity=own_task, role=roles["Rol A"], code="A")
    Responsibility.objects.create(activity=own_task, role=roles["Rol B"], code="R")
    Responsibility.objects.create(activity=other_task, role=roles["Rol A"], code="A")
    return {
        "own": own,
        "other": other,
        "roles": roles,
        "own_task": own_task,
        "other_task": other_task,
        "loose_task": loose_task,
    }


@pytest.fixture
def rights(db, personas):
    own = Component.objects.create(name="Eigen onderdeel")
    other = Component.objects.create(name="Ander onderdeel")
    assign_perm("beheer.edit_matrix_rows", personas.owner, own)
    roles = {
        name: Role.objects.create(name=name, kind="functional")
        for name in ("Beheerder", "Medewerker")
    }
    view = Right.objects.create(component=own, name="Dossier inzien", sensitivity="personal_data")
    admin = Right.objects.create(component=own, name="Gebruikers beheren", sensitivity="admin")
    elsewhere = Right.objects.create(component=other, name="Rapporten", sensitivity="normal")
    Grant.objects.create(role=roles["Beheerder"], right=admin)
    Grant.objects.create(role=roles["Medewerker"], right=view)
    return {
        "own": own,
        "other": other,
        "roles": roles,
        "view": view,
        "admin": admin,
        "elsewhere": elsewhere,
    }
