"""Who an SSO login is: the claim mapping, the account, the Person link, leavers."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation

from beheer import groups
from beheer.models import Component, Role
from beheer.sso.services import SsoRefused, groups_from_claims, sso_user_sync
from tests.beheer.makers import assign, days, person


@pytest.fixture(autouse=True)
def _in_english():
    """The refusals are read in English here; the Dutch ones are the catalogue's."""
    with translation.override("en"):
        yield


GROUP_MAP = {
    "beheer-admins": (groups.BEHEERDERS,),
    "beheer-managers": (groups.MANAGERS,),
    "beheer-mt": (groups.MT,),
    "0b1c-eigenaren": (groups.EIGENAREN, groups.KEY_USERS),
}
User = get_user_model()


def _login(**claims):
    claims.setdefault("sub", "sub-1")
    return sso_user_sync(claims=claims, groups_claim="groups", group_map=GROUP_MAP)


def _groups(user) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def test_claim_values_map_to_app_groups_regardless_of_case():
    claims = {"groups": ["Beheer-MT", "0b1c-eigenaren", "marketing"]}

    assert groups_from_claims(claims, claim="groups", group_map=GROUP_MAP) == {
        groups.MT,
        groups.EIGENAREN,
        groups.KEY_USERS,
    }


@pytest.mark.parametrize(
    ("claims", "claim", "expected"),
    [
        ({"groups": "beheer-mt"}, "groups", {groups.MT}),  # one value, not a list
        ({"realm_access": {"roles": ["beheer-managers"]}}, "realm_access.roles", {groups.MANAGERS}),
        ({"a.b": ["beheer-mt"]}, "a.b", {groups.MT}),  # a claim named with a dot
        ({"groups": ["marketing"]}, "groups", set()),
        ({}, "groups", set()),
        ({"groups": {"beheer-mt": True}}, "groups", set()),
        ({"groups": [3, None]}, "groups", set()),
    ],
)
def test_the_claim_is_read_where_the_provider_puts_it(claims, claim, expected):
    assert groups_from_claims(claims, claim=claim, group_map=GROUP_MAP) == expected


def test_a_new_user_gets_an_account_named_by_address_with_the_mapped_groups(db):
    user = _login(
        email="Mees.de.Vries@Example.org",
        given_name="Mees",
        family_name="de Vries",
        groups=["beheer-mt"],
    )

    assert user.username == "mees.de.vries@example.org"
    assert (user.email, user.first_name, user.last_name) == (
        "Mees.de.Vries@example.org",
        "Mees",
        "de Vries",
    )
    assert not user.has_usable_password()
    assert _groups(user) == {groups.MT}


def test_the_groups_follow_the_claim_at_each_login_and_other_groups_stay(db):
    user = _login(email="mees@example.org", groups=["beheer-mt"])
    newsletter = Group.objects.create(name="Nieuwsbrief")
    user.groups.add(newsletter, Group.objects.get(name=groups.BEHEERDERS))

    again = _login(email="mees@example.org", groups=["beheer-managers"])

    assert again == user
    assert _groups(user) == {groups.MANAGERS, "Nieuwsbrief"}


def test_beheerders_from_the_provider_may_use_the_django_admin_while_they_are_beheerders(db):
    user = _login(email="bea@example.org", groups=["beheer-admins"])
    assert user.is_staff and not user.is_superuser

    _login(email="bea@example.org", groups=["beheer-managers"])

    user.refresh_from_db()
    assert not user.is_staff


def test_a_superuser_keeps_the_admin_whatever_the_claim(db):
    User.objects.create_superuser("root", email="root@example.org")

    user = _login(email="root@example.org", groups=[])

    assert user.is_staff and user.is_superuser


def test_a_user_whose_claim_maps_to_nothing_loses_the_app_groups(db):
    user = _login(email="mees@example.org", groups=["beheer-managers"])

    _login(email="mees@example.org", groups=["marketing"])

    assert _groups(user) == set()


def test_without_a_group_map_the_groups_given_in_the_app_stay(db):
    user = _login(email="mees@example.org", groups=["beheer-managers"])

    sso_user_sync(
        claims={"sub": "sub-1", "email": "mees@example.org", "groups": []},
        groups_claim="groups",
        group_map={},
    )

    assert _groups(user) == {groups.MANAGERS}


def test_a_person_without_a_login_gets_the_new_account_and_their_owner_rights(db):
    crm = Component.objects.create(name="Klantportaal")
    owner = Role.objects.create(name="Eigenaar Klantportaal", kind="owner", component=crm)
    anna = person("Anna de Wit", email="anna.dewit@example.org")
    assign(anna, owner)

    user = _login(email="ANNA.DEWIT@example.org", groups=["beheer-managers"])

    anna.refresh_from_db()
    assert anna.user == user
    assert User.objects.get(pk=user.pk).has_perm("beheer.edit_matrix_rows", crm)


def test_a_person_with_a_login_logs_in_as_that_account_even_under_another_address(db):
    account = User.objects.create_user("awit", email="a.wit@oud.example.org")
    anna = person("Anna de Wit", email="anna.dewit@example.org", user=account)

    user = _login(email="anna.dewit@example.org")

    assert user == account
    anna.refresh_from_db()
    assert anna.user == account
    assert User.objects.count() == 1
    account.refresh_from_db()
    assert account.email == "anna.dewit@example.org"


def test_an_existing_local_account_with_the_address_is_used_and_linked(db):
    account = User.objects.create_user("anna", email="Anna.DeWit@example.org", password="x")
    anna = person("Anna de Wit", email="anna.dewit@example.org")

    user = _login(email="anna.dewit@example.org")

    assert user == account
    anna.refresh_from_db()
    assert anna.user == account


def test_an_account_linked_to_another_person_is_not_linked_twice(db):
    account = User.objects.create_user("anna", email="anna@example.org")
    first = person("Anna de Wit", email="anna.oud@example.org", user=account)
    second = person("Anna van Dijk", email="anna@example.org")

    user = _login(email="anna@example.org")

    assert user == account
    second.refresh_from_db()
    assert second.user is None
    first.refresh_from_db()
    assert first.user == account


@pytest.mark.parametrize(
    "fields",
    [{"leaving_date": days(-1)}, {"is_active": False}],
    ids=["left yesterday", "marked inactive"],
)
def test_a_person_who_left_cannot_log_in_through_sso(db, fields):
    person("Lotte Visser", email="lotte@example.org", **fields)

    with pytest.raises(SsoRefused, match="left the organisation"):
        _login(email="lotte@example.org", groups=["beheer-managers"])

    assert not User.objects.filter(email__iexact="lotte@example.org").exists()


def test_a_leaver_found_through_the_account_is_refused_too(db):
    account = User.objects.create_user("lotte", email="lotte@example.org")
    person("Lotte Visser", email="lotte.oud@example.org", user=account, leaving_date=days(-3))
    account.groups.add(Group.objects.get(name=groups.MANAGERS))

    with pytest.raises(SsoRefused, match="left the organisation"):
        _login(email="lotte@example.org", groups=["beheer-managers"])


def test_someone_leaving_today_still_logs_in(db):
    person("Lotte Visser", email="lotte@example.org", leaving_date=days(0))

    assert _login(email="lotte@example.org").email == "lotte@example.org"


def test_a_switched_off_account_cannot_log_in(db):
    User.objects.create_user("mees", email="mees@example.org", is_active=False)

    with pytest.raises(SsoRefused, match="switched off"):
        _login(email="mees@example.org")


@pytest.mark.parametrize(
    "claims",
    [{}, {"email": ""}, {"email": "mees"}, {"email": ["mees@example.org"]}],
    ids=["no address", "empty", "not an address", "a list"],
)
def test_without_an_email_address_nobody_is_logged_in(db, claims):
    with pytest.raises(SsoRefused, match="did not send your e-mail address"):
        _login(**claims)

    assert not User.objects.exists()


def test_an_address_the_provider_did_not_verify_is_refused(db):
    with pytest.raises(SsoRefused, match="not verified"):
        _login(email="mees@example.org", email_verified=False)


def test_two_accounts_with_the_address_are_refused_rather_than_guessed(db):
    User.objects.create_user("mees1", email="mees@example.org")
    User.objects.create_user("mees2", email="MEES@example.org")

    with pytest.raises(SsoRefused, match="More than one account"):
        _login(email="mees@example.org")


def test_a_taken_username_gets_a_number(db):
    User.objects.create_user("mees@example.org", email="iemand.anders@example.org")

    user = _login(email="mees@example.org")

    assert user.username == "mees@example.org-2"
