from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaturityConfig(AppConfig):
    name = "maturity"
    verbose_name = _("Maturity")

    def ready(self):
        from beheer import signals
        from maturity.models import Answer, Assessment, Dimension, Level, Response, Statement

        # Cached result pages carry the data version: answers and model edits raise it.
        signals.connect((Level, Dimension, Statement, Assessment, Response, Answer))
