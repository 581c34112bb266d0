"""The application shell's parts that come from the home pages: the link to
the overview meant for the viewer. (The Mijn werk badge is fetched after the
page is drawn: home.views.work_count.)"""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from beheer.access import has_access
from home import access

register = template.Library()


@register.simple_tag(takes_context=True)
def shell(context) -> dict | None:
    """{% shell as shell %}: None for visitors without access (login, no-access page)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not has_access(user):
        return None
    if not hasattr(request, "_home_shell"):
        request._home_shell = _shell(user)
    return request._home_shell


def _shell(user) -> dict:
    pages = [(reverse("dashboard"), _("My work"), "dashboard")]
    if access.can_see_overview(user):
        pages.append((reverse("home:overview"), _("Management overview"), "home:overview"))
    if access.can_see_mt_overview(user):
        pages.append((reverse("home:mt"), _("MT overview"), "home:mt"))
    return {
        # The header's "Overview" leads to the first overview meant for the viewer.
        "overview_url": pages[1][0] if len(pages) > 1 else None,
        "home_pages": pages,
    }
