from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BeheerConfig(AppConfig):
    name = "beheer"
    verbose_name = _("Organisation")

    def ready(self):
        from beheer import signals

        signals.connect()
