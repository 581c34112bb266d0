"""Component owners get the right to edit their rows from their assignments."""

from django.urls import reverse

from beheer.models import Component, Person, Role
from beheer.services import component_owner_grants_sync
from tests.beheer.makers import assign, days


def test_a_current_owner_with_a_login_may_edit_the_components_rows(personas, db):
    component = Component.objects.create(name="Portaal")
    owner_role = Role.objects.create(name="Eigenaar Portaal", kind="owner", component=component)
    person = Person.objects.create(name="Olga", user=personas.key_user)
    assign(person, owner_role, kind="deputy")

    component_owner_grants_sync()

    assert personas.key_user.has_perm("beheer.edit_matrix_rows", component)
    other = Component.objects.create(name="Elders")
    assert not personas.key_user.has_perm("beheer.edit_matrix_rows", other)


def test_the_grant_follows_assignments_made_in_the_application(client_as, personas):
    component = Component.objects.create(name="Portaal")
    role = Role.objects.create(name="Eigenaar Portaal", kind="owner", component=component)
    person = Person.objects.create(name="Olga", user=personas.key_user)
    manager = client_as("manager")

    manager.post(
        reverse("beheer:role-assign", args=[role.pk]),
        {"person": person.pk, "kind": "holder", "start_date": days(-30).isoformat()},
    )
    assert _fresh(personas.key_user).has_perm("beheer.edit_matrix_rows", component)

    manager.post(
        reverse("beheer:person-leave", args=[person.pk]),
        {"leaving_date": days(-1).isoformat(), "confirm": "1"},
    )
    assert not _fresh(personas.key_user).has_perm("beheer.edit_matrix_rows", component)


def test_the_grant_follows_assignments_made_in_the_admin(client_as, personas):
    component = Component.objects.create(name="Portaal")
    role = Role.objects.create(name="Eigenaar Portaal", kind="owner", component=component)
    person = Person.objects.create(name="Olga", user=personas.key_user)

    client_as("beheerder").post(
        reverse("admin:beheer_assignment_add"),
        {"person": person.pk, "role": role.pk, "kind": "holder", "start_date": days(-30)},
    )

    assert _fresh(personas.key_user).has_perm("beheer.edit_matrix_rows", component)


def _fresh(user):
    return type(user).objects.get(pk=user.pk)  # no permission cache


def test_other_roles_give_no_grant(personas, db):
    component = Component.objects.create(name="Portaal")
    role = Role.objects.create(name="Key user Portaal", kind="key_user", component=component)
    assign(Person.objects.create(name="Kees", user=personas.key_user), role)

    component_owner_grants_sync()

    assert not personas.key_user.has_perm("beheer.edit_matrix_rows", component)


def test_a_grant_to_a_group_counts_too(personas, db):
    from django.contrib.auth.models import Group
    from guardian.shortcuts import assign_perm

    from matrix.access import editable_component_ids

    component = Component.objects.create(name="Portaal")
    team = Group.objects.create(name="Portaalteam")
    personas.mt.groups.add(team)
    assign_perm("beheer.edit_matrix_rows", team, component)

    assert editable_component_ids(personas.mt) == {component.pk}
    assert editable_component_ids(personas.key_user) == set()
