from django.contrib.auth.models import Group

from beheer import groups


def test_migrate_creates_the_application_groups(db):
    assert set(Group.objects.values_list("name", flat=True)) >= set(groups.ALL)


def test_guardian_creates_no_anonymous_user(db):
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="AnonymousUser").exists()
