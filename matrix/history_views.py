"""The change history of the grids: the matrix's recent changes, and per cell."""

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_tables2 import RequestConfig

from beheer.models import Role
from matrix.filters import MatrixChangeFilter
from matrix.models import Activity, Responsibility, Right
from matrix.selectors import cell_changes, grant_changes, matrix_changes
from matrix.tables import MatrixChangeTable

# The list shows this many of the newest changes that match; a filter narrows it.
CHANGES_SHOWN = 500


def grid_changes(request):
    """Recent changes of the whole beheermatrix, by person and date."""
    change_filter = MatrixChangeFilter(request.GET or None, queryset=Responsibility.history.none())
    filters = None
    if change_filter.is_bound:
        change_filter.is_valid()  # a field with a wrong value says so and filters nothing
        filters = change_filter.filter_queryset
    changes = matrix_changes(filters=filters, limit=CHANGES_SHOWN)
    table = MatrixChangeTable(changes)
    RequestConfig(request).configure(table)
    return render(
        request,
        "matrix/changes.html",
        {
            "filter": change_filter,
            "table": table,
            "is_filtered": any(v for k, v in request.GET.items() if k != "page"),
            "at_limit": len(changes) >= CHANGES_SHOWN,
            "limit": CHANGES_SHOWN,
        },
    )


class _CellForm(forms.Form):
    row = forms.IntegerField(min_value=1)
    role = forms.IntegerField(min_value=1)


def _cell_history(request, *, row_model, name_field: str, row_param: str, changes_of):
    form = _CellForm({"row": request.GET.get(row_param), "role": request.GET.get("role")})
    if not form.is_valid():
        return HttpResponse(_("Invalid request."), status=400)
    row_id, role_id = form.cleaned_data["row"], form.cleaned_data["role"]
    return render(
        request,
        "matrix/_cell_history.html",
        {
            "row_name": row_model.objects.filter(pk=row_id)
            .values_list(name_field, flat=True)
            .first(),
            "role_name": Role.objects.filter(pk=role_id).values_list("name", flat=True).first(),
            "changes": changes_of(row_id, role_id),
        },
    )


def grid_cell_history(request):
    """Who changed one cell of the beheermatrix, and when (for the grid's side panel)."""
    return _cell_history(
        request,
        row_model=Activity,
        name_field="title",
        row_param="activity",
        changes_of=lambda row, role: cell_changes(activity_id=row, role_id=role),
    )


def grant_history(request):
    """Who gave or took one right from one role, and when."""
    return _cell_history(
        request,
        row_model=Right,
        name_field="name",
        row_param="right",
        changes_of=lambda row, role: grant_changes(right_id=row, role_id=role),
    )
