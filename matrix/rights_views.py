"""Pages of the autorisatiematrix: the grid with its grant saves, and per right."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beheer.cache import cached
from beheer.models import Component, OrganisationSettings, Role
from matrix import access
from matrix.forms import GrantCellForm, GridFilterForm
from matrix.models import Right
from matrix.render import cell_save_response, grid_head_html, rights_body_html
from matrix.rights import (
    RIGHT_FLAGS,
    grant_set,
    right_flags,
    right_flags_now,
    right_holders,
    rights_grid,
)
from matrix.services import NoSuchCell
from matrix.views import grid_viewer


def rights_grid_page(request):
    component, _only_invalid = GridFilterForm(request.GET).filters()
    edit_all, editable_ids = grid_viewer(request)

    def content():
        grid = rights_grid(
            editable_component_ids=editable_ids,
            edit_all=edit_all,
            component=component,
            # The request has the settings already, for the page's header.
            max_admins=OrganisationSettings.for_request(request).max_admin_holders,
        )
        components = list(Component.objects.values_list("pk", "name"))
        return render_to_string(
            "matrix/_rights_content.html",
            {
                "grid": grid,
                "head": grid_head_html(grid, _("Right")),
                "body": rights_body_html(grid, mark_own=bool(editable_ids)),
                "any_editable": any(row.editable for row in grid.rows),
                "components": components,
                "own_components": [name for pk, name in components if pk in editable_ids],
                "selected_component": component,
            },
        )

    # Like the beheermatrix: keyed by the data and the viewer's rights.
    html = cached(
        "rights-grid",
        content,
        scopes=("rights", "register"),
        vary=(edit_all, sorted(editable_ids), component.pk if component else None),
    )
    return render(request, "matrix/rights.html", {"content": mark_safe(html)})


@require_POST
def grant_cell(request):
    """Give or take one right from one role (htmx); answer like the beheermatrix."""
    form = GrantCellForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Invalid request."), status=400)
    right_id, role_id = form.cleaned_data["right"], form.cleaned_data["role"]
    access.require(access.can_edit_row(request.user, Right, right_id))
    try:
        result = grant_set(
            right_id=right_id,
            role_id=role_id,
            value=form.cleaned_data["code"],
            expected=form.cleaned_data["expected"],
        )
    except NoSuchCell:
        return HttpResponse(_("Invalid request."), status=400)
    if result.saved:
        message = ""
    else:
        right = get_object_or_404(Right, pk=right_id)
        role = get_object_or_404(Role, pk=role_id)
        message = _(
            "Someone else changed this grant (%(right)s / %(role)s) after you opened the page. "
            "Your change has not been saved."
        ) % {"right": right.name, "role": role.name}
    max_admins = OrganisationSettings.for_request(request).max_admin_holders
    return cell_save_response(
        value=result.value,
        css="granted" if result.value else "",
        row_id=f"right-{right_id}",
        problems=[str(RIGHT_FLAGS[f]) for f in right_flags_now(right_id, max_admins)],
        saved=result.saved,
        message=message,
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
