from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from beheer.models import Person, Role
from governance import services
from governance.models import Forum, Meeting
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
def forum(people):
    """The standard beheeroverleg: the key user is a member through the key-user
    role they hold, the manager chairs it; the component owner is no member."""
    forum = Forum.objects.get(kind=Forum.Kind.BEHEEROVERLEG)
    makers.assign(people.key_user, Role.objects.get(name="Key user"))
    forum.chair = people.manager
    forum.save()
    return forum


@pytest.fixture
def chaired_forum(people):
    """The customer forum, chaired by the component-owner persona."""
    forum = Forum.objects.get(kind=Forum.Kind.KLANTENFORUM)
    forum.chair = people.owner
    forum.save()
    return forum


@pytest.fixture
def meeting(forum, personas):
    """A beheeroverleg planned for yesterday, still open."""
    return services.meeting_plan(
        forum=forum, date=timezone.localdate() - timedelta(days=1), user=personas.manager
    )


def close(meeting: Meeting, user) -> Meeting:
    return services.meeting_close(meeting=meeting, user=user)
