from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from beheer import groups
from beheer.access import in_any_group
from beheer.forms import NoControlCharactersMixin


class LocalLoginForm(NoControlCharactersMixin, AuthenticationForm):
    """The login form; with single sign-on and the local form hidden, it is the
    beheerders' break-glass door only, so an old local password of someone else
    is no way around the identity provider."""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if (
            settings.OIDC_ENABLED
            and settings.OIDC_HIDE_LOCAL_LOGIN
            and not in_any_group(user, groups.BEHEERDERS)
        ):
            raise ValidationError(
                _(
                    "Please log in with your organisation account: logging in with a local "
                    "account is for application administrators only."
                ),
                code="sso_only",
            )
