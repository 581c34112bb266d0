"""Pages of the autorisatiematrix: the grid with its grant saves, and per right."""

from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beheer.cache import cached
from beheer.models import Component, OrganisationSettings, Role
from matrix import access
from matrix.models import Right
from matrix.render import cell_html, cell_save_response, group_rows_html, row_html
from matrix.rights import (
    GRANTED,
    RIGHT_FLAGS,
    RightRow,
    grant_set,
    right_flags,
    right_holders,
    rights_grid,
)
from matrix.views import selected_component

VALUES = [("", ""), (GRANTED, GRANTED)]


def _right_row(row: RightRow, first_editable: bool) -> str:
    right = row.right
    return row_html(
        row_id=f"right-{right.pk}",
        key=right.pk,
        title=right.name,
        note=str(right.get_sensitivity_display()) if right.sensitivity != "normal" else "",
        edit_url=None,
        detail_url=right.get_absolute_url(),
        problems=row.flag_labels,
        cells=[
            cell_html(
                value,
                row.editable,
                0 if first_editable and i == 0 else -1,
                "granted" if value else "",
            )
            for i, (_role, value) in enumerate(row.cells)
        ],
        editable=row.editable,
    )


def rights_grid_page(request):
    component = selected_component(request)
    user = request.user
    edit_all = access.can_edit_all(user)
    editable_ids = set() if edit_all else access.editable_component_ids(user)

    def rights_table():
        grid = rights_grid(
            editable_component_ids=editable_ids, edit_all=edit_all, component=component
        )
        return render_to_string(
            "matrix/_rights_table.html",
            {
                "grid": grid,
                "body": group_rows_html(grid.groups, len(grid.columns) + 2, _right_row),
                "any_editable": any(row.editable for row in grid.rows),
            },
        )

    table = cached(
        "rights-grid-table",
        rights_table,
        scopes=("rights", "register"),
        vary=(edit_all, sorted(editable_ids), component.pk if component else None),
    )
    return render(
        request,
        "matrix/rights.html",
        {
            "grid_table": mark_safe(table),
            "components": Component.objects.all(),
            "selected_component": component,
        },
    )


class GrantCellForm(forms.Form):
    right = forms.ModelChoiceField(queryset=Right.objects.only("id", "name", "component_id"))
    role = forms.ModelChoiceField(queryset=Role.objects.only("id", "name"))
    code = forms.ChoiceField(choices=VALUES, required=False)
    expected = forms.ChoiceField(choices=VALUES, required=False)


@require_POST
def grant_cell(request):
    """Give or take one right from one role (htmx); answer like the beheermatrix."""
    form = GrantCellForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Invalid request."), status=400)
    right, role = form.cleaned_data["right"], form.cleaned_data["role"]
    access.require(
        access.can_edit_all(request.user)
        or right.component_id in access.editable_component_ids(request.user)
    )
    result = grant_set(
        right=right,
        role=role,
        value=form.cleaned_data["code"],
        expected=form.cleaned_data["expected"],
    )
    holders = right_holders(right)
    flags = right_flags(right, holders, OrganisationSettings.load().max_admin_holders)
    return cell_save_response(
        value=result.value,
        css="granted" if result.value else "",
        row_id=f"right-{right.pk}",
        problems=[str(RIGHT_FLAGS[f]) for f in flags],
        saved=result.saved,
        message=_(
            "Someone else changed this grant (%(right)s / %(role)s) after you opened the page. "
            "Your change has not been saved."
        )
        % {"right": right.name, "role": role.name},
    )


def right_detail(request, pk):
    right = get_object_or_404(Right.objects.select_related("component"), pk=pk)
    holders = right_holders(right)
    return render(
        request,
        "matrix/right_detail.html",
        {
            "right": right,
            "holders": holders,
            "flags": [
                RIGHT_FLAGS[f]
                for f in right_flags(right, holders, OrganisationSettings.load().max_admin_holders)
            ],
            "roles": right.grants.select_related("role").order_by("role__name"),
        },
    )
