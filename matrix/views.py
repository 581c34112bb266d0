"""The beheermatrix pages: the grid and its cell saves, tasks, the by-person view,
the print view and JSON. Versions and the Excel round trip live in their own modules."""

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tables2 import RequestConfig

from beheer.cache import cached
from beheer.history import edit_conflict, form_version
from beheer.models import Assignment, Component, Role
from matrix import access, services
from matrix.forms import ActivityForm, CellForm, GridFilterForm, row_form_class
from matrix.models import Activity, MatrixVersion
from matrix.render import (
    cell_save_response,
    grid_body_html,
    grid_head_html,
    print_body_html,
    print_head_html,
)
from matrix.selectors import (
    ROW_PROBLEMS,
    code_map,
    matrix_changes,
    matrix_grid,
    matrix_snapshot,
    roles_with_people,
    row_problems,
)
from matrix.tables import MatrixChangeTable

# A task's page shows this many of its newest changes; the change list has them all.
TASK_CHANGES_SHOWN = 50


def grid_viewer(request) -> tuple[bool, set[int]]:
    """What the viewer may edit: every row, or the rows of these components. The
    grids' cached content varies by this, not by who the viewer is."""
    edit_all = access.can_edit_all(request.user)
    return edit_all, set() if edit_all else access.editable_component_ids(request.user)


def grid(request):
    component, only_invalid = GridFilterForm(request.GET).filters()
    edit_all, editable_ids = grid_viewer(request)

    def content():
        matrix = matrix_grid(
            editable_component_ids=editable_ids, edit_all=edit_all, component=component
        )
        components = list(Component.objects.values_list("pk", "name"))
        return render_to_string(
            "matrix/_grid_content.html",
            {
                "grid": matrix,
                "head": grid_head_html(matrix, _("Task")),
                "body": grid_body_html(
                    matrix, only_invalid=only_invalid, mark_own=bool(editable_ids)
                ),
                "any_editable": any(row.editable for row in matrix.rows),
                "components": components,
                "own_components": [name for pk, name in components if pk in editable_ids],
                "selected_component": component,
                "only_invalid": only_invalid,
                "can_add": edit_all or bool(editable_ids),
            },
        )

    # The page's content depends on the matrix, the register (holders,
    # components) and what this viewer may edit: a few entries per version of
    # the data, not one per user. The access checks above run on every request.
    html = cached(
        "matrix-grid",
        content,
        scopes=("matrix", "register"),
        vary=(edit_all, sorted(editable_ids), component.pk if component else None, only_invalid),
    )
    return render(request, "matrix/grid.html", {"content": mark_safe(html)})


def grid_print(request):
    component, _only_invalid = GridFilterForm(request.GET).filters()
    # Paper edits nothing: who may edit which row does not matter here.
    matrix = matrix_grid(editable_component_ids=set(), edit_all=False, component=component)
    return render(
        request,
        "matrix/grid_print.html",
        {
            "grid": matrix,
            "head": print_head_html(matrix),
            "body": print_body_html(matrix),
            "selected_component": component,
            "latest_version": MatrixVersion.objects.defer("snapshot").first(),
        },
    )


@require_POST
def cell(request):
    """Save one cell (htmx); answer with the cell and the row's status to swap in."""
    form = CellForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Invalid request."), status=400)
    activity_id, role_id = form.cleaned_data["activity"], form.cleaned_data["role"]
    access.require(access.can_edit_row(request.user, Activity, activity_id))
    try:
        result = services.cell_set(
            activity_id=activity_id,
            role_id=role_id,
            code=form.cleaned_data["code"],
            expected=form.cleaned_data["expected"],
        )
    except services.NoSuchCell:
        return HttpResponse(_("Invalid request."), status=400)
    if result.saved:
        message = ""
    else:
        activity = get_object_or_404(Activity, pk=activity_id)
        role = get_object_or_404(Role, pk=role_id)
        message = _(
            "Someone else changed this cell (%(task)s / %(role)s) after you opened the page; "
            "it now holds “%(code)s”. Your change has not been saved."
        ) % {"task": activity.title, "role": role.name, "code": result.code or "—"}
    problems = row_problems(result.row_codes.values())
    return cell_save_response(
        value=result.code,
        row_id=f"activity-{activity_id}",
        problems=[str(ROW_PROBLEMS[p]) for p in problems],
        saved=result.saved,
        message=message,
    )


def row_edit(request, pk):
    """Edit one row through a plain form: the grid without JavaScript."""
    activity = get_object_or_404(Activity.objects.select_related("component"), pk=pk)
    access.require(access.can_edit_activity(request.user, activity))
    roles = list(roles_with_people())
    current = code_map([activity.pk]).get(activity.pk, {})
    shown = {
        **{f"role_{r.pk}": current.get(r.pk, "") for r in roles},
        **{f"seen_{r.pk}": current.get(r.pk, "") for r in roles},
    }
    RowForm = row_form_class(roles)
    form = RowForm(request.POST or None, initial=shown)
    if request.method == "POST" and form.is_valid():
        try:
            services.row_set(
                activity=activity,
                codes={r: form.cleaned_data[f"role_{r.pk}"] for r in roles},
                expected={r: form.cleaned_data[f"seen_{r.pk}"] for r in roles},
            )
        except services.RowConflict as conflict:
            # Keep the user's input; show the cells as they are now.
            data = request.POST.copy()
            data.update({f"seen_{r.pk}": current.get(r.pk, "") for r in roles})
            form = RowForm(data)
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Someone else changed %(roles)s in this row after you opened it. Nothing "
                    "has been saved; check the codes and save again."
                )
                % {"roles": ", ".join(r.name for r in conflict.roles)},
            )
        else:
            messages.success(
                request, _("The codes of “%(task)s” have been saved.") % {"task": activity}
            )
            return redirect(activity.get_absolute_url())
    problems = row_problems(c for c in current.values())
    changes = MatrixChangeTable(
        matrix_changes(activity_id=activity.pk, limit=TASK_CHANGES_SHOWN), exclude=("task",)
    )
    RequestConfig(request, paginate=False).configure(changes)
    return render(
        request,
        "matrix/row_form.html",
        {
            "activity": activity,
            "form": form,
            "problems": [ROW_PROBLEMS[p] for p in problems],
            "changes": changes,
        },
    )


def _require_row_editor(request, component=None):
    if access.can_edit_all(request.user):
        return
    allowed = component is not None and component.pk in access.editable_component_ids(request.user)
    access.require(allowed)


def activity_create(request):
    access.require(
        access.can_edit_all(request.user) or bool(access.editable_component_ids(request.user))
    )
    form = ActivityForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        _require_row_editor(request, form.cleaned_data["component"])
        activity = form.save(commit=False)
        activity.order = services.activity_next_order()
        activity.save()
        messages.success(request, _("The task “%(task)s” has been added.") % {"task": activity})
        return redirect(activity.get_absolute_url())
    return render(request, "matrix/activity_form.html", {"form": form})


def activity_update(request, pk):
    activity = get_object_or_404(Activity, pk=pk)
    access.require(access.can_edit_activity(request.user, activity))
    title = activity.title  # the form's validation writes the input into `activity`
    form = ActivityForm(request.POST or None, instance=activity, user=request.user)
    conflicts = None
    if request.method == "POST" and form.is_valid():
        _require_row_editor(request, form.cleaned_data["component"])
        # Two managers renaming one task: the second is shown the first's name.
        conflicts = edit_conflict(request, activity, form)
        if conflicts is None:
            form.save()
            messages.success(request, _("The task “%(task)s” has been saved.") % {"task": activity})
            return redirect(activity.get_absolute_url())
    return render(
        request,
        "matrix/activity_form.html",
        {
            "form": form,
            "activity": activity,
            "title": title,
            "seen_version": form_version(request, activity, shown_current=conflicts is not None),
            "conflicts": conflicts,
        },
    )


def activity_delete(request, pk):
    activity = get_object_or_404(Activity, pk=pk)
    access.require(access.can_edit_activity(request.user, activity))
    if request.method == "POST":
        title = activity.title
        activity.delete()
        messages.success(request, _("The task “%(task)s” has been deleted.") % {"task": title})
        return redirect("matrix:grid")
    return render(
        request,
        "matrix/activity_confirm_delete.html",
        {"activity": activity, "code_count": activity.responsibilities.count()},
    )


@require_POST
def activity_move(request, pk):
    activity = get_object_or_404(Activity, pk=pk)
    access.require(access.can_edit_activity(request.user, activity))
    services.activity_move(activity=activity, up=request.POST.get("direction") == "up")
    return redirect(activity.get_absolute_url())


def by_person(request):
    """Activities × people: the codes people carry through the roles they hold."""
    assignments = list(
        Assignment.objects.current()
        .select_related("person", "role")
        .order_by("person__name", "kind")
    )
    people = {}
    for assignment in assignments:
        people.setdefault(assignment.person_id, {"person": assignment.person, "roles": []})
        people[assignment.person_id]["roles"].append(assignment)
    codes = code_map()
    rows = []
    for activity in Activity.objects.all():
        row_codes = codes.get(activity.pk, {})
        cells = []
        for entry in people.values():
            cell = [
                {
                    "code": row_codes[a.role_id],
                    "deputy": a.kind == Assignment.Kind.DEPUTY,
                    "role": a.role,
                }
                for a in entry["roles"]
                if a.role_id in row_codes
            ]
            cells.append(cell)
        rows.append((activity, cells))
    themes: dict[str, list] = {}
    for activity, cells in rows:
        themes.setdefault(activity.theme, []).append((activity, cells))
    return render(
        request,
        "matrix/by_person.html",
        {"people": list(people.values()), "themes": list(themes.items())},
    )


def matrix_json(request):
    return JsonResponse(matrix_snapshot(), json_dumps_params={"ensure_ascii": False})
