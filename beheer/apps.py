from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BeheerConfig(AppConfig):
    name = "beheer"
    verbose_name = _("Organisation")

    def ready(self):
        from beheer import data_versions, validators

        data_versions.connect()
        # Every app's models are loaded by now (Django imports them all before any
        # ready()), so this reaches the feature apps too, and any app added later.
        validators.refuse_control_characters_in_models()
