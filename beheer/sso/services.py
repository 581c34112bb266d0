"""Who a single sign-on login is: the account, its Person in the register, its groups.

The identity provider vouches for an e-mail address and a list of groups. The
register decides the rest: the Person with that address gets the account (so
their owner rights, invitations and KPIs follow), and a Person marked as left
cannot log in, whatever the provider says.
"""

import logging
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _

from beheer import groups
from beheer.models import Person
from beheer.services import register_changed

logger = logging.getLogger(__name__)


class SsoRefused(Exception):
    """A login the app refuses after the provider accepted it; the message is for the user."""


def claim_value(claims: dict, name: str):
    """The claim `name`; a dotted name reaches into objects (realm_access.roles),
    unless the provider sends a claim with the dotted name itself."""
    if name in claims:
        return claims[name]
    value = claims
    for part in name.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def groups_from_claims(
    claims: dict, *, claim: str, group_map: dict[str, tuple[str, ...]]
) -> set[str]:
    """The app groups the user's claim values map to; unmapped values give none."""
    values = claim_value(claims, claim)
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list):
        return set()
    return {
        group
        for value in values
        if isinstance(value, str)
        for group in group_map.get(value.strip().casefold(), ())
    }


@transaction.atomic
def sso_user_sync(
    *,
    claims: dict,
    groups_claim: str,
    group_map: dict[str, tuple[str, ...]],
    today: date | None = None,
):
    """The account for these verified claims: found or made, linked, groups set.

    With an empty group map the app groups are left as they are (managed in the
    app, as for local accounts); otherwise the five app groups follow the claim
    and other groups stay untouched. Raises SsoRefused.
    """
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email:
        raise SsoRefused(
            _(
                "The identity provider did not send your e-mail address, so this application "
                "cannot tell who you are. Ask the application management team to check the "
                "single sign-on set-up."
            )
        )
    email = get_user_model().objects.normalize_email(email.strip())
    if claims.get("email_verified") is False:
        raise SsoRefused(_("The identity provider has not verified your e-mail address."))

    person = Person.objects.select_related("user").filter(email__iexact=email).first()
    user = person.user if person and person.user else _user_with_email(email)
    # The account may belong to a Person under an older address.
    if person and user and person.user_id == user.pk:
        linked = person
    else:
        linked = Person.objects.filter(user=user).first() if user else None
    for who in (person, linked):
        if who and (not who.is_active or who.has_left(today)):
            logger.warning("SSO login refused: %s has left (person %s)", email, who.pk)
            raise SsoRefused(
                _(
                    "According to the register you have left the organisation, so you can no "
                    "longer log in. If this is wrong, ask the application management team."
                )
            )
    if user and not user.is_active:
        raise SsoRefused(
            _(
                "Your account in this application is switched off. "
                "Ask the application management team."
            )
        )

    if user is None:
        user = get_user_model().objects.create_user(
            _free_username(email), email=email, **_names(claims)
        )
    else:
        _user_update(user, email=email, names=_names(claims))
    if person and person.user_id is None and linked is None:
        person.user = user
        person.save(update_fields=["user"])
        register_changed(model=Person)  # their owner roles now grant edit rights

    if group_map:
        wanted = groups_from_claims(claims, claim=groups_claim, group_map=group_map)
        _app_groups_set(user, wanted)
        # Beheerders work in the Django admin too, which asks for is_staff.
        staff = user.is_superuser or groups.BEHEERDERS in wanted
        if user.is_staff != staff:
            user.is_staff = staff
            user.save(update_fields=["is_staff"])
    return user


def _user_with_email(email: str):
    users = list(get_user_model().objects.filter(email__iexact=email)[:2])
    if len(users) > 1:
        raise SsoRefused(
            _(
                "More than one account in this application has your e-mail address. "
                "Ask the application management team to remove the one you do not use."
            )
        )
    return users[0] if users else None


def _free_username(email: str) -> str:
    # The address reads best in the admin and the history; a clash gets a number.
    User = get_user_model()
    base = email.lower()[:140]
    username, number = base, 1
    while User.objects.filter(username__iexact=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username


def _names(claims: dict) -> dict[str, str]:
    given, family = claims.get("given_name"), claims.get("family_name")
    if isinstance(given, str) or isinstance(family, str):
        return {"first_name": (given or "")[:150], "last_name": (family or "")[:150]}
    if isinstance(claims.get("name"), str):
        return {"first_name": claims["name"][:150], "last_name": ""}
    return {}


def _user_update(user, *, email: str, names: dict[str, str]) -> None:
    """The provider is the source of the address and the names."""
    changes = {"email": email, **names}
    changed = [field for field, value in changes.items() if getattr(user, field) != value]
    for field in changed:
        setattr(user, field, changes[field])
    if changed:
        user.save(update_fields=changed)


def _app_groups_set(user, wanted: set[str]) -> None:
    current = set(user.groups.filter(name__in=groups.ALL).values_list("name", flat=True))
    if current == wanted:
        return
    by_name = {group.name: group for group in Group.objects.filter(name__in=groups.ALL)}
    if wanted - by_name.keys():
        # The data migration makes them; someone deleted one in the admin.
        logger.error("App groups missing: %s", ", ".join(sorted(wanted - by_name.keys())))
    if current - wanted:
        user.groups.remove(*(by_name[name] for name in current - wanted))
    if wanted - current:
        user.groups.add(*(by_name[name] for name in wanted - current if name in by_name))
    logger.info("SSO groups of %s: %s", user.get_username(), ", ".join(sorted(wanted)) or "none")
