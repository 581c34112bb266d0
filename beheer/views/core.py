from datetime import timedelta
from functools import partial

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import Group
from django.db import DatabaseError, connection
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from beheer import groups
from beheer.cache import cached
from beheer.counting import counts
from beheer.models import Component, OrganisationSettings, Person, Role
from beheer.navigation import SECTIONS
from beheer.risks import RuleCount, knowledge_risk_counts
from kpi import summary as kpi_summary
from matrix import summary as matrix_summary


@require_GET
@never_cache
@login_not_required
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        # Load balancers take this instance out of rotation until the database is back.
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def dashboard(request):
    """Counts from every area, each from a few count queries and cached until
    its area changes (the pages themselves show what the counts stand for).
    Cached values hold plain strings: lazy translations are slow to unpickle."""
    today = timezone.localdate()
    config = OrganisationSettings.for_request(request)
    return render(
        request,
        "beheer/dashboard.html",
        {
            "group_rows": cached("dashboard-groups", _group_rows, scopes=("users",)),
            "register_counts": cached("dashboard-register", _register_counts, scopes=("register",)),
            "matrix_counts": [
                *cached("dashboard-tasks", _task_counts, scopes=("matrix",)),
                *cached(
                    "dashboard-rights",
                    partial(_rights_counts, today=today, max_admins=config.max_admin_holders),
                    scopes=("rights", "register"),
                ),
            ],
            "kpi_counts": cached(
                "dashboard-kpi", partial(_kpi_counts, today=today), scopes=("kpi",)
            ),
            "risks": cached(
                "dashboard-risks",
                partial(_risk_counts, today=today, config=config),
                scopes=("register",),
            ),
            "feature_sections": SECTIONS[1:],
            "today": today,
        },
    )


def _group_rows() -> list[tuple]:
    counts = dict(
        Group.objects.filter(name__in=groups.ALL)
        .annotate(members=Count("user", distinct=True))
        .values_list("name", "members")
    )
    return [(name, str(groups.DESCRIPTIONS[name]), counts.get(name, 0)) for name in groups.ALL]


def _register_counts() -> list[tuple]:
    number = counts(
        components=Component.objects.all(),
        roles=Role.objects.all(),
        people=Person.objects.filter(is_active=True),
    )
    return [
        (_("Components"), number["components"], reverse("beheer:components")),
        (_("Roles"), number["roles"], reverse("beheer:roles")),
        (_("People"), number["people"], reverse("beheer:people")),
    ]


def _task_counts() -> list[tuple]:
    tasks, invalid = matrix_summary.task_counts()
    grid = reverse("matrix:grid")
    return [
        (_("tasks in the management matrix"), tasks, grid),
        (_("tasks that break the rules"), invalid, grid + "?invalid=1"),
    ]


def _rights_counts(*, today, max_admins: int) -> list[tuple]:
    flagged = matrix_summary.flagged_right_count(today=today, max_admins=max_admins)
    open_changes = matrix_summary.open_right_change_count(
        since=today - timedelta(days=30), today=today
    )
    return [
        (_("rights that need attention"), flagged, reverse("matrix:rights")),
        (_("changes to rights still to do"), open_changes, reverse("matrix:mutations")),
    ]


def _risk_counts(*, today, config) -> list[RuleCount]:
    return [
        RuleCount(rule.key, str(rule.title), rule.count)
        for rule in knowledge_risk_counts(today=today, config=config)
    ]


def _kpi_counts(*, today) -> list[tuple]:
    total, in_place = kpi_summary.factor_counts()
    dashboard_url = reverse("kpi:dashboard")
    return [
        (
            _("of %(total)s success factors present or anchored") % {"total": total},
            in_place,
            reverse("kpi:factors"),
            "factors",
        ),
        *(
            (str(label), count, dashboard_url, status)
            for status, label, count in kpi_summary.kpi_status_counts(today=today)
        ),
    ]
