from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The pages that gather from every app: Mijn werk and the overviews.

    It sits above the feature apps and imports them; they never import it."""

    name = "home"
    verbose_name = _("Home pages")
