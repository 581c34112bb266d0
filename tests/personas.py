"""The people every access test is about.

Each feature's tests check, for every view, what each of these may read and
write. `anonymous` is the seventh case: no login at all.
"""

from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from beheer import groups

# persona -> application groups
PERSONA_GROUPS = {
    "beheerder": (groups.BEHEERDERS,),
    "manager": (groups.MANAGERS,),
    "owner": (groups.EIGENAREN,),
    "key_user": (groups.KEY_USERS,),
    "mt": (groups.MT,),
    "outsider": (),
}
PERSONAS = tuple(PERSONA_GROUPS)
ALL_PERSONAS = (*PERSONAS, "anonymous")
PASSWORD = "persona-password"


def create_personas() -> SimpleNamespace:
    User = get_user_model()
    users = {}
    for name, group_names in PERSONA_GROUPS.items():
        user = User.objects.create_user(
            username=name,
            password=PASSWORD,
            first_name=name.replace("_", " ").title(),
            email=f"{name}@example.org",
            is_staff=name == "beheerder",
            is_superuser=name == "beheerder",
        )
        for group_name in group_names:
            # get_or_create: transactional tests flush the groups the migration made.
            user.groups.add(Group.objects.get_or_create(name=group_name)[0])
        users[name] = user
    return SimpleNamespace(**users)
