"""The grids' content comes from the cache, keyed by the data and the viewer's
rights: never one viewer's editable rows, buttons or filters on another's page."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from guardian.shortcuts import assign_perm

from beheer import groups
from tests.beheer import makers


def _editable_keys(content: str) -> set[int]:
    return {int(key) for key in re.findall(r'data-key="(\d+)" data-editable', content)}


def _second_owner(component):
    """Another owner, of another component."""
    user = get_user_model().objects.create_user(username="tweede-eigenaar")
    user.groups.add(Group.objects.get(name=groups.EIGENAREN))
    assign_perm("beheer.edit_matrix_rows", user, component)
    client = Client()
    client.force_login(user)
    return client


def test_each_viewer_edits_only_their_own_rows_whoever_filled_the_cache(client_as, matrix):
    own, other = matrix["own_task"].pk, matrix["other_task"].pk
    url = reverse("matrix:grid")
    pages = {
        "manager": client_as("manager").get(url).content.decode(),
        "owner": client_as("owner").get(url).content.decode(),
        "second owner": _second_owner(matrix["other"]).get(url).content.decode(),
        "key user": client_as("key_user").get(url).content.decode(),
    }
    # The same again, now that every variant is in the cache.
    again = {
        "key user": client_as("key_user").get(url).content.decode(),
        "owner": client_as("owner").get(url).content.decode(),
    }

    assert _editable_keys(pages["manager"]) >= {own, other, matrix["loose_task"].pk}
    assert _editable_keys(pages["owner"]) == _editable_keys(again["owner"]) == {own}
    assert _editable_keys(pages["second owner"]) == {other}
    assert _editable_keys(pages["key user"]) == _editable_keys(again["key user"]) == set()
    add_task = reverse("matrix:activity-create")
    assert add_task in pages["owner"] and add_task not in again["key user"]


def test_each_viewer_changes_only_their_own_grants_whoever_filled_the_cache(client_as, rights):
    url = reverse("matrix:rights")
    manager = client_as("manager").get(url).content.decode()
    owner = client_as("owner").get(url).content.decode()
    key_user = client_as("key_user").get(url).content.decode()

    assert _editable_keys(manager) >= {rights[k].pk for k in ("view", "admin", "elsewhere")}
    assert _editable_keys(owner) == {rights["view"].pk, rights["admin"].pk}
    assert _editable_keys(key_user) == set() and 'role="grid"' not in key_user


def test_a_new_component_and_holder_show_at_once_despite_the_cache(client_as, matrix):
    client = client_as("manager")
    client.get(reverse("matrix:grid"))
    client.get(reverse("matrix:rights"))

    makers.component("Nieuw onderdeel")
    makers.assign(makers.person("Hanna Houder"), matrix["roles"]["Rol C"])

    for name in ("matrix:grid", "matrix:rights"):
        content = client.get(reverse(name)).content.decode()
        assert ">Nieuw onderdeel</option>" in content, name
        assert "Hanna Houder" in content, name
