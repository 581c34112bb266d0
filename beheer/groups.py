"""The application groups: membership decides what a user may see and do.

The names are data that administrators see in the Django admin; they are fixed
here and created by a data migration. Pages show a group by its display name,
in the language of the page (the Dutch names are the Dutch display names).
"""

from django.utils.translation import gettext_lazy as _

BEHEERDERS = "Beheerders"
MANAGERS = "Managers"
EIGENAREN = "Eigenaren"
KEY_USERS = "Key users"
MT = "MT"

ALL = (BEHEERDERS, MANAGERS, EIGENAREN, KEY_USERS, MT)

DISPLAY_NAMES = {
    BEHEERDERS: _("Administrators"),
    MANAGERS: _("Managers"),
    EIGENAREN: _("Owners"),
    KEY_USERS: _("Key users"),
    MT: _("Management team"),
}

DESCRIPTIONS = {
    BEHEERDERS: _("Application administrators: everything, including the Django admin."),
    MANAGERS: _(
        "The application management team: edits the register and the matrices, runs assessments."
    ),
    EIGENAREN: _("Component owners: keep the rows and rights of their own components up to date."),
    KEY_USERS: _("Key users: fill in the questionnaires they are invited to, read the matrix."),
    MT: _("Management team: reads dashboards and downloads the exports."),
}


def display_name(name: str):
    """The group's name as a page shows it; a group this module does not know by its own name."""
    return DISPLAY_NAMES.get(name, name)
