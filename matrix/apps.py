from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatrixConfig(AppConfig):
    name = "matrix"
    verbose_name = _("Management matrix")

    def ready(self):
        from beheer import signals
        from matrix.models import Activity, Grant, Responsibility, Right

        # Cached renderings of the grids carry the data version too.
        signals.connect((Activity, Responsibility, Right, Grant))
