from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatrixConfig(AppConfig):
    name = "matrix"
    verbose_name = _("Management matrix")

    def ready(self):
        from beheer import signals
        from matrix.models import (
            Activity,
            Grant,
            MutationTick,
            Responsibility,
            ReviewAnswer,
            ReviewRound,
            Right,
        )

        # Cached renderings (grids, dashboard counts) carry the data version too.
        signals.connect(
            (Activity, Responsibility, Right, Grant, MutationTick, ReviewRound, ReviewAnswer)
        )
