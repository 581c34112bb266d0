"""The application groups: membership decides what a user may see and do.

The names are data that administrators see in the Django admin; they are fixed
here and created by a data migration.
"""

from django.utils.translation import gettext_lazy as _

BEHEERDERS = "Beheerders"
MANAGERS = "Managers"
EIGENAREN = "Eigenaren"
KEY_USERS = "Key users"
MT = "MT"

ALL = (BEHEERDERS, MANAGERS, EIGENAREN, KEY_USERS, MT)

DESCRIPTIONS = {
    BEHEERDERS: _("Application administrators: everything, including the Django admin."),
    MANAGERS: _("The beheerteam: edits the register and the matrices, runs assessments."),
    EIGENAREN: _("Component owners: keep the rows and rights of their own components up to date."),
    KEY_USERS: _("Key users: fill in the questionnaires they are invited to, read the matrix."),
    MT: _("Management team: reads dashboards and downloads the exports."),
}
