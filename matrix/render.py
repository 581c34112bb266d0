"""HTML of the grids' cells and rows, built in Python.

A matrix of 150 tasks × 40 roles has 6,000 cells, one of 500 × 110 over 50,000;
the template engine takes tens of milliseconds for that many. Here a cell is a
lookup of one of a handful of strings built once per table, and a row one
join, so the table costs about as much as its rows, not its cells.
"""

from html import escape as _escape  # django.utils.html.escape without its lazy-text wrapper

from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from matrix.models import Right
from matrix.rights import GRANTED, RightRow, RightsGrid
from matrix.selectors import CODES, ROW_PROBLEMS, Grid, Row


def cell_html(value: str, editable: bool, tabindex: int = -1, css: str | None = None) -> str:
    """One cell. Its row and role follow from its row and column, which keeps a
    6,000-cell page small; the grid's script reads them from there."""
    value = escape(value)  # one of a few known values; escaped all the same
    css = css or (f"code-{value}" if value else "")
    css_attr = f' class="{css}"' if css else ""
    focus = f' tabindex="{tabindex}"' if editable else ""
    return f"<td{focus}{css_attr}>{value}</td>"


def cell_strings(values, css_of=lambda value: None) -> dict[bool, dict[str, str]]:
    """editable -> value -> the cell's HTML: every cell a table can hold, built once."""
    return {
        editable: {value: cell_html(value, editable, css=css_of(value)) for value in values}
        for editable in (True, False)
    }


def status_html(row_id: str, problem_labels: list[str], valid_label: str | None = None) -> str:
    """The check at the start of a row: the problems, or a tick."""
    if problem_labels:
        text = escape(", ".join(problem_labels))
        return (
            f'<td id="status-{row_id}" class="row-status invalid" data-invalid="true">'
            f'<span class="badge badge-risk">{text}</span></td>'
        )
    valid_label = valid_label or escape(_("valid"))
    return (
        f'<td id="status-{row_id}" class="row-status" data-invalid="false">'
        f'<span class="ok" aria-label="{valid_label}">✓</span></td>'
    )


def row_html(
    *,
    row_id: str,
    key: int,
    heading: str,
    problems: list[str],
    cells: str,
    editable: bool,
    valid_label: str,
) -> str:
    """One row of a grid: its heading (HTML), the check, the cells (HTML)."""
    invalid = ' class="invalid"' if problems else ""
    editable_attr = " data-editable" if editable else ' aria-readonly="true"'
    return (
        f'<tr id="{row_id}"{invalid} data-key="{key}"{editable_attr}>'
        f'<th scope="row" class="activity">{heading}</th>'
        f"{status_html(row_id, problems, valid_label)}{cells}</tr>"
    )


def grid_head_html(grid: Grid | RightsGrid, row_heading: str) -> SafeString:
    """The two heading rows: the kinds of role, then per role its name and holders."""
    kinds = "".join(
        f'<th scope="colgroup" colspan="{len(columns)}">{_escape(kind)}</th>'
        for kind, columns in grid.column_groups
    )
    vacant = f"<em>{escape(_('vacant'))}</em>"
    roles = []
    for column in grid.columns:
        holders = _escape(", ".join(column.holders))
        roles.append(
            f'\n        <th scope="col" class="role{" unheld" if column.unheld else ""}" '
            f'data-role="{column.role.pk}">\n'
            f'          <span class="role-name">{_escape(column.role.name)}</span>\n'
            f'          <span class="holders" title="{holders}">{holders or vacant}</span>\n'
            "        </th>\n      "
        )
    return mark_safe(
        "<thead>\n"
        '    <tr class="kinds">\n'
        '      <td class="corner" colspan="2"></td>\n'
        f"      {kinds}\n"
        "    </tr>\n"
        '    <tr class="roles">\n'
        f'      <th scope="col" class="activity">{escape(row_heading)}</th>\n'
        f'      <th scope="col" class="row-status">{escape(_("Check"))}</th>\n'
        f"      {''.join(roles)}\n"
        "    </tr>\n"
        "  </thead>"
    )


def url_pattern(name: str) -> str:
    """The address of a per-row page as a format string, `reverse()`d once per
    table instead of once per row: {} stands for the row's pk."""
    return reverse(name, args=[0]).replace("/0/", "/{}/")


def row_cells_html(strings: dict[str, str], values, first: bool) -> str:
    """A row's cells; the grid's first editable cell takes the keyboard focus."""
    cells = "".join(map(strings.__getitem__, values))
    return cells.replace('tabindex="-1"', 'tabindex="0"', 1) if first else cells


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
            f'<tr class="theme"><th scope="rowgroup" colspan="{span}">{_escape(name)}</th></tr>'
        )
        for row in visible:
            parts.append(render_row(row, first and row.editable))
            if row.editable:
                first = False
    return mark_safe("".join(parts))


def grid_body_html(grid: Grid, *, only_invalid: bool = False) -> SafeString:
    cells = cell_strings(("", *CODES))
    labels = {key: str(label) for key, label in ROW_PROBLEMS.items()}
    valid = escape(_("valid"))
    edit_url, edit_label = url_pattern("matrix:row"), escape(_("edit row"))

    def activity_row(row: Row, first_editable: bool) -> str:
        task = row.activity
        heading = _escape(task.title)
        if task.component:
            heading += f' <small class="component">{_escape(task.component)}</small>'
        if row.editable:
            heading += f' <a class="row-edit" href="{edit_url.format(task.pk)}">{edit_label}</a>'
        return row_html(
            row_id=f"activity-{task.pk}",
            key=task.pk,
            heading=heading,
            problems=[labels[p] for p in row.problems],
            cells=row_cells_html(cells[row.editable], row.codes, first_editable),
            editable=row.editable,
            valid_label=valid,
        )

    return group_rows_html(
        grid.themes,
        len(grid.columns) + 2,
        activity_row,
        shown=lambda row: bool(row.problems) or not only_invalid,
    )


def print_body_html(grid: Grid) -> SafeString:
    """The print view's rows: codes only, no links, no focus."""
    cells = {"": '<td class="cell"></td>'}
    cells.update({code: f'<td class="cell code-{code}">{code}</td>' for code in CODES})
    labels = {key: _escape(str(label)) for key, label in ROW_PROBLEMS.items()}
    parts = []
    for theme, rows in grid.themes:
        parts.append(
            f'<tr class="theme"><th scope="rowgroup" colspan="{len(grid.columns) + 1}">'
            f"{_escape(theme)}</th></tr>"
        )
        for row in rows:
            heading = _escape(row.activity.title)
            if row.problems:
                heading += f" <small>({', '.join(labels[p] for p in row.problems)})</small>"
            invalid = ' class="invalid"' if row.problems else ""
            parts.append(
                f'<tr{invalid}><th scope="row" class="activity">{heading}</th>'
                f"{''.join(map(cells.__getitem__, row.codes))}</tr>"
            )
    return mark_safe("".join(parts))


def rights_body_html(grid: RightsGrid) -> SafeString:
    cells = cell_strings(("", GRANTED), css_of=lambda value: "granted" if value else None)
    valid = escape(_("valid"))
    detail_url = url_pattern("matrix:right")
    sensitivities = {
        value: f' <small class="component">{escape(label)}</small>'
        for value, label in Right.Sensitivity.choices
    }
    sensitivities[Right.Sensitivity.NORMAL] = ""

    def right_row(row: RightRow, first_editable: bool) -> str:
        right = row.right
        heading = f'<a href="{detail_url.format(right.pk)}">{_escape(right.name)}</a>'
        return row_html(
            row_id=f"right-{right.pk}",
            key=right.pk,
            heading=heading + sensitivities.get(right.sensitivity, ""),
            problems=row.flag_labels,
            cells=row_cells_html(cells[row.editable], row.values, first_editable),
            editable=row.editable,
            valid_label=valid,
        )

    return group_rows_html(grid.groups, len(grid.columns) + 2, right_row)


def cell_save_response(
    *, value: str, row_id: str, problems: list[str], saved: bool, message: str, css: str = ""
) -> HttpResponse:
    """The answer to a cell save in either grid: the cell, the row's check (out of
    band) and the message area, with `message` when the change was not saved; the
    header tells the benchmark whether it was saved."""
    status = status_html(row_id, problems).replace("<td ", '<td hx-swap-oob="true" ', 1)
    alert = format_html('<p class="message message-error" role="alert">{}</p>', message)
    error_text = escape(_("The change could not be saved. Reload the page and try again."))
    html = (
        f"{cell_html(value, True, 0, css)}\n{status}\n"
        '<div id="matrix-message" role="status" aria-live="polite" hx-swap-oob="true" '
        f'data-error-text="{error_text}">{"" if saved else alert}</div>\n'
    )
    response = HttpResponse(html)
    response["X-Cell-Saved"] = "true" if saved else "false"
    return response
