"""HTML of the grid's cells and rows, built in Python.

A matrix of 150 tasks × 40 roles has 6,000 cells; the template engine takes
tens of milliseconds for that many, plain string building a fraction of it.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from matrix.selectors import ROW_PROBLEMS, Grid, Row


def cell_html(value: str, editable: bool, tabindex: int = -1, css: str | None = None) -> str:
    """One cell. Its row and role follow from its row and column, which keeps a
    6,000-cell page small; the grid's script reads them from there."""
    value = escape(value)  # one of a few known values; escaped all the same
    css = css or (f"code-{value}" if value else "")
    css_attr = f' class="{css}"' if css else ""
    focus = f' tabindex="{tabindex}"' if editable else ""
    return f"<td{focus}{css_attr}>{value}</td>"


def status_html(row_id: str, problem_labels: list[str]) -> str:
    """The check at the start of a row: the problems, or a tick."""
    if problem_labels:
        text = escape(", ".join(problem_labels))
        return (
            f'<td id="status-{row_id}" class="row-status invalid" data-invalid="true">'
            f'<span class="badge badge-risk">{text}</span></td>'
        )
    return (
        f'<td id="status-{row_id}" class="row-status" data-invalid="false">'
        f'<span class="ok" aria-label="{escape(_("valid"))}">✓</span></td>'
    )


def row_html(
    *,
    row_id: str,
    key: int,
    title: str,
    note: str,
    edit_url: str | None,
    problems: list[str],
    cells: list[str],
    editable: bool,
    detail_url: str | None = None,
) -> str:
    """One row of a grid: heading (title, note, edit link), check, cells."""
    actions = (
        format_html(' <a class="row-edit" href="{}">{}</a>', edit_url, _("edit row"))
        if (edit_url)
        else ""
    )
    note_html = format_html(' <small class="component">{}</small>', note) if note else ""
    title_html = (
        format_html('<a href="{}">{}</a>', detail_url, title) if detail_url else escape(title)
    )
    invalid = ' class="invalid"' if problems else ""
    editable_attr = " data-editable" if editable else ' aria-readonly="true"'
    return (
        f'<tr id="{row_id}"{invalid} data-key="{key}"{editable_attr}>'
        f'<th scope="row" class="activity">{title_html}{note_html}{actions}</th>'
        f"{status_html(row_id, problems)}{''.join(cells)}</tr>"
    )


def _activity_row(row: Row, first_editable: bool) -> str:
    activity = row.activity
    return row_html(
        row_id=f"activity-{activity.pk}",
        key=activity.pk,
        title=activity.title,
        note=activity.component.name if activity.component_id else "",
        edit_url=reverse("matrix:row", args=[activity.pk]) if row.editable else None,
        problems=[str(ROW_PROBLEMS[p]) for p in row.problems],
        cells=[
            cell_html(code, row.editable, 0 if first_editable and index == 0 else -1)
            for index, (_role, code) in enumerate(row.cells)
        ],
        editable=row.editable,
    )


def group_rows_html(groups, span: int, render_row, shown=lambda row: True) -> SafeString:
    """Rows under a heading per group (theme, component); the first editable
    cell of the grid takes the keyboard focus."""
    parts = []
    first = True
    for name, rows in groups:
        visible = [row for row in rows if shown(row)]
        if not visible:
            continue
        parts.append(
            f'<tr class="theme"><th scope="rowgroup" colspan="{span}">{escape(name)}</th></tr>'
        )
        for row in visible:
            parts.append(render_row(row, first and row.editable))
            if row.editable:
                first = False
    return mark_safe("".join(parts))


def grid_body_html(grid: Grid, *, only_invalid: bool = False) -> SafeString:
    return group_rows_html(
        grid.themes,
        len(grid.columns) + 2,
        _activity_row,
        shown=lambda row: bool(row.problems) or not only_invalid,
    )


def cell_save_response(
    *, value: str, row_id: str, problems: list[str], saved: bool, message: str, css: str = ""
) -> HttpResponse:
    """The answer to a cell save in either grid: the cell, the row's check (out of
    band) and a message; the header tells the benchmark whether it was saved."""
    html = render_to_string(
        "matrix/_cell_response.html",
        {
            "value": value,
            "css": css,
            "row_id": row_id,
            "problems": problems,
            "message": "" if saved else message,
            "error_text": _("The change could not be saved. Reload the page and try again."),
        },
    )
    response = HttpResponse(html)
    response["X-Cell-Saved"] = "true" if saved else "false"
    return response
