"""Demo data for the organisation: a Dutch housing corporation and its accounts.

Every function here is idempotent: it looks records up by a natural key and only
creates what is missing, so `loaddemo` can run any number of times.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from beheer import groups

DEMO_PASSWORD = "beheer-demo"
ORGANISATION = "Woonstichting De Linde"

# username, first name, last name, job title, groups, is_staff/superuser
PERSONAS = (
    ("beheerder", "Sanne", "de Vries", "Applicatiebeheerder", (groups.BEHEERDERS,), True),
    ("manager", "Marco", "Jansen", "Manager Klantcontact", (groups.MANAGERS,), False),
    ("eigenaar", "Ingrid", "Bakker", "Teamleider Wonen", (groups.EIGENAREN,), False),
    ("keyuser", "Yusuf", "Demir", "Medewerker Reparaties", (groups.KEY_USERS,), False),
    ("mt", "Henk", "Visser", "Directeur-bestuurder", (groups.MT,), False),
    ("buitenstaander", "Lotte", "Smit", "Stagiaire", (), False),
)

# Further colleagues; `--scale N` repeats this list N times.
COLLEAGUES = (
    ("Eva", "Mulder", groups.KEY_USERS),
    ("Daan", "de Boer", groups.KEY_USERS),
    ("Fatima", "El Amrani", groups.KEY_USERS),
    ("Jeroen", "Kok", groups.EIGENAREN),
    ("Noor", "Hendriks", groups.KEY_USERS),
    ("Pieter", "van Dijk", groups.MANAGERS),
    ("Anouk", "Dekker", groups.KEY_USERS),
    ("Mehmet", "Yilmaz", groups.KEY_USERS),
    ("Kim", "Smeets", groups.MT),
    ("Bram", "Willems", groups.KEY_USERS),
)


def load(*, scale: int = 1) -> dict[str, int]:
    """Create the persona accounts and `scale` times the colleagues."""
    group_by_name = {g.name: g for g in Group.objects.filter(name__in=groups.ALL)}
    missing = set(groups.ALL) - set(group_by_name)
    for name in missing:
        group_by_name[name] = Group.objects.create(name=name)

    wanted = []  # (username, first, last, group names, is_admin)
    for username, first, last, _title, group_names, is_admin in PERSONAS:
        wanted.append((username, first, last, group_names, is_admin))
    for round_number in range(1, scale + 1):
        for index, (first, last, group_name) in enumerate(COLLEAGUES, start=1):
            suffix = f"{index:02d}" if round_number == 1 else f"{index:02d}-{round_number}"
            wanted.append((f"collega-{suffix}", first, last, (group_name,), False))

    User = get_user_model()
    existing = set(
        User.objects.filter(username__in=[w[0] for w in wanted]).values_list("username", flat=True)
    )
    # One hash for all demo accounts: hashing is deliberately slow, and these
    # accounts exist only to try the application.
    password = make_password(DEMO_PASSWORD)
    new_users = [
        User(
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@delinde.example",
            password=password,
            is_staff=is_admin,
            is_superuser=is_admin,
        )
        for username, first, last, _groups, is_admin in wanted
        if username not in existing
    ]
    User.objects.bulk_create(new_users)

    user_ids = dict(
        User.objects.filter(username__in=[w[0] for w in wanted]).values_list("username", "id")
    )
    Membership = User.groups.through
    Membership.objects.bulk_create(
        [
            Membership(user_id=user_ids[username], group_id=group_by_name[name].id)
            for username, _first, _last, group_names, _admin in wanted
            for name in group_names
        ],
        ignore_conflicts=True,
    )
    return {"accounts created": len(new_users)}
