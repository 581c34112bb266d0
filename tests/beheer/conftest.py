import pytest

from beheer.models import Component, Role


@pytest.fixture
def empty_register(db):
    """Without the default components and roles a fresh install starts with."""
    Role.objects.all().delete()
    Component.objects.all().delete()
