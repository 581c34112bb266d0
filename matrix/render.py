"""HTML of the grid's cells and rows, built in Python.

A matrix of 150 tasks × 40 roles has 6,000 cells; the template engine takes
tens of milliseconds for that many, plain string building a fraction of it.
"""

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from matrix.selectors import ROW_PROBLEMS, Grid, Row


def cell_html(code: str, editable: bool, tabindex: int = -1) -> str:
    """One cell. Its task and role follow from its row and column, which keeps
    a 6,000-cell page small; the grid's script reads them from there."""
    code = escape(code)  # always one of R, A, C, I; escaped all the same
    css = f' class="code-{code}"' if code else ""
    focus = f' tabindex="{tabindex}"' if editable else ""
    return f"<td{focus}{css}>{code}</td>"


def status_html(activity_id: int, problem_labels: list[str]) -> str:
    if problem_labels:
        text = escape(", ".join(problem_labels))
        return (
            f'<td id="status-{activity_id}" class="row-status invalid" data-invalid="true">'
            f'<span class="badge badge-risk">{text}</span></td>'
        )
    return (
        f'<td id="status-{activity_id}" class="row-status" data-invalid="false">'
        f'<span class="ok" aria-label="{escape(_("valid"))}">✓</span></td>'
    )


def _row_html(row: Row, first_editable: bool) -> str:
    activity = row.activity
    cells = [
        cell_html(code, row.editable, 0 if first_editable and index == 0 else -1)
        for index, (_role, code) in enumerate(row.cells)
    ]
    actions = ""
    if row.editable:
        actions = format_html(
            ' <a class="row-edit" href="{}">{}</a>',
            reverse("matrix:row", args=[activity.pk]),
            _("edit row"),
        )
    component = (
        format_html(' <small class="component">{}</small>', activity.component.name)
        if activity.component_id
        else ""
    )
    invalid = ' class="invalid"' if row.problems else ""
    editable = " data-editable" if row.editable else ' aria-readonly="true"'
    problems = [str(ROW_PROBLEMS[p]) for p in row.problems]
    return (
        f'<tr id="activity-{activity.pk}"{invalid} data-activity="{activity.pk}"{editable}>'
        f'<th scope="row" class="activity">{escape(activity.title)}{component}{actions}</th>'
        f"{status_html(activity.pk, problems)}{''.join(cells)}</tr>"
    )


def grid_body_html(grid: Grid, *, only_invalid: bool = False) -> SafeString:
    parts = []
    first = True
    span = len(grid.columns) + 2
    for theme, rows in grid.themes:
        shown = [row for row in rows if row.problems or not only_invalid]
        if not shown:
            continue
        parts.append(
            f'<tr class="theme"><th scope="rowgroup" colspan="{span}">{escape(theme)}</th></tr>'
        )
        for row in shown:
            parts.append(_row_html(row, first and row.editable))
            if row.editable:
                first = False
    return mark_safe("".join(parts))
