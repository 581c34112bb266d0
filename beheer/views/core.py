from datetime import timedelta

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import Group
from django.db import DatabaseError, connection
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from beheer import groups
from beheer.models import Component, Person, Role
from beheer.navigation import SECTIONS
from beheer.risks import knowledge_risks
from kpi import services as kpi_services
from matrix.models import Activity
from matrix.mutations import mutations_list
from matrix.rights import rights_grid
from matrix.selectors import code_map, row_problems


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
    counts = dict(
        Group.objects.filter(name__in=groups.ALL)
        .annotate(members=Count("user", distinct=True))
        .values_list("name", "members")
    )
    group_rows = [(name, groups.DESCRIPTIONS[name], counts.get(name, 0)) for name in groups.ALL]

    def register_counts():
        return [
            (_("Components"), Component.objects.count(), reverse("beheer:components")),
            (_("Roles"), Role.objects.count(), reverse("beheer:roles")),
            (_("People"), Person.objects.filter(is_active=True).count(), reverse("beheer:people")),
        ]

    def matrix_counts():
        tasks = Activity.objects.count()
        codes = code_map()
        # Tasks without any code are not in `codes`, and break the rules too.
        invalid = sum(1 for row in codes.values() if row_problems(row.values()))
        invalid += tasks - len(codes)
        flagged = len(rights_grid(editable_component_ids=set(), edit_all=False).flagged_rows)
        open_changes = sum(
            entry.open_count
            for entry in mutations_list(since=timezone.localdate() - timedelta(days=30))
        )
        return [
            (_("tasks in the management matrix"), tasks, reverse("matrix:grid")),
            (_("tasks that break the rules"), invalid, reverse("matrix:grid") + "?invalid=1"),
            (_("rights that need attention"), flagged, reverse("matrix:rights")),
            (_("changes to rights still to do"), open_changes, reverse("matrix:mutations")),
        ]

    def kpi_counts():
        today = timezone.localdate()
        rows = kpi_services.kpi_rows(today=today)
        checklist = kpi_services.factor_checklist(today=today)
        dashboard_url = reverse("kpi:dashboard")
        return [
            (
                _("of %(total)s success factors present or anchored") % {"total": checklist.total},
                checklist.in_place,
                reverse("kpi:factors"),
                "factors",
            ),
            *(
                (label, count, dashboard_url, status)
                for status, label, count in kpi_services.status_counts(rows)
            ),
        ]

    return render(
        request,
        "beheer/dashboard.html",
        {
            "group_rows": group_rows,
            "matrix_counts": SimpleLazyObject(matrix_counts),
            "kpi_counts": SimpleLazyObject(kpi_counts),
            "feature_sections": SECTIONS[1:],
            # Both are counted only when the cached rendering is missing or stale.
            "register_counts": SimpleLazyObject(register_counts),
            "risks": SimpleLazyObject(knowledge_risks),
            "today": timezone.localdate(),
        },
    )
