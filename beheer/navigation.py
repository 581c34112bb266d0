"""The sections of the application, as the header and the overview show them.

A section whose pages are not built yet has no URL to reverse; it is then shown
without a link, so the navigation never leads to a 404.
"""

from dataclasses import dataclass
from functools import cache
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    key: str
    title: Promise
    url_name: str
    description: Promise
    # View-name prefixes of the pages that belong to this section.
    match: tuple[str, ...] = ()

    def is_active(self, view_name: str) -> bool:
        return view_name == self.url_name or any(view_name.startswith(p) for p in self.match)

    @property
    def url(self) -> str | None:
        return _reverse_or_none(self.url_name)


@cache
def _reverse_or_none(url_name: str) -> str | None:
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return None


SECTIONS = (
    # The overview meant for the viewer (home.access): the managers' or the MT's;
    # the header links it per user. Mijn werk ("dashboard") sits on the right.
    Section(
        "overview",
        _("Overview"),
        "home:overview",
        _("The management organisation in figures, what needs attention first."),
        ("home:",),
    ),
    Section(
        "organisation",
        _("Organisation"),
        "beheer:components",
        _("Components, roles, people and who holds which role."),
        ("beheer:",),
    ),
    Section(
        "matrix",
        _("Management matrix"),
        "matrix:grid",
        _("Who is responsible, accountable, consulted and informed for each task."),
        (
            "matrix:grid",
            "matrix:print",
            "matrix:by-person",
            "matrix:version",
            "matrix:compare",
            "matrix:import",
            "matrix:row",
            "matrix:activity",
        ),
    ),
    Section(
        "authorisations",
        _("Authorisations"),
        "matrix:rights",
        _("Which role has which rights in the software, and what to revoke."),
        ("matrix:right", "matrix:grant", "matrix:mutation", "matrix:review"),
    ),
    Section(
        "maturity",
        _("Maturity"),
        "maturity:index",
        _("The maturity self-assessment per department, with results and next steps."),
        ("maturity:",),
    ),
    Section(
        "kpi",
        _("KPIs"),
        "kpi:dashboard",
        _("The critical success factors, KPIs, measurements and channel statistics."),
        ("kpi:",),
    ),
    Section(
        "governance",
        _("Meetings"),
        "governance:forums",
        _("The forums that meet, their decisions and one list of actions."),
        ("governance:",),
    ),
    Section(
        "operations",
        _("Daily management"),
        "operations:requests",
        _("Wishes and changes, supplier releases, service levels and who is trained."),
        ("operations:",),
    ),
)


def action_proposal_url(source: str, *, title: str, **concerns) -> str:
    """The address of a new action in the action register, filled in from another
    page ("find a deputy" from the risk report, a revoke from a review): its
    source, title and what it concerns (role=, component=). Found by URL name, so
    the register and the matrix need not import the governance app; "" without it."""
    url = _reverse_or_none("governance:action-create")
    if url is None:
        return ""
    return f"{url}?{urlencode({'source': source, **concerns, 'title': title})}"
