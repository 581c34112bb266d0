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

# How a cell that takes no input is marked: in a grid with editable rows it is
# a gridcell and says it is read-only (rows may not: ARIA allows aria-readonly
# on cells, not on rows); in a table that is no grid it is a plain cell.
EDITABLE, READ_ONLY, PLAIN = "editable", "read-only", "plain"


def cell_html(value: str, kind: str | bool, tabindex: int = -1, css: str | None = None) -> str:
    """One cell. Its row and role follow from its row and column, which keeps a
    6,000-cell page small; the grid's script reads them from there."""
    if kind is True or kind is False:
        kind = EDITABLE if kind else PLAIN
    value = escape(value)  # one of a few known values; escaped all the same
    css = css or (f"code-{value}" if value else "")
    css_attr = f' class="{css}"' if css else ""
    if kind == EDITABLE:
        extra = f' tabindex="{tabindex}"'
    elif kind == READ_ONLY:
        extra = ' aria-readonly="true"'
    else:
        extra = ""
    return f"<td{extra}{css_attr}>{value}</td>"


def cell_strings(values, css_of=lambda value: None) -> dict[str, dict[str, str]]:
    """kind (EDITABLE, READ_ONLY, PLAIN) -> value -> the cell's HTML: every cell a
    table can hold, built once."""
    return {
        kind: {value: cell_html(value, kind, css=css_of(value)) for value in values}
        for kind in (EDITABLE, READ_ONLY, PLAIN)
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
        f'<span class="ok" role="img" aria-label="{valid_label}">✓</span></td>'
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
    own: bool = False,
    component: str = "",
) -> str:
    """One row of a grid: its heading (HTML), the check, the cells (HTML). `own`
    marks a row the viewer may edit as theirs (for owners, who edit some rows);
    `component` names, on a row they may not edit, whose row it is."""
    classes = " ".join(name for name, on in (("mine", own), ("invalid", problems)) if on)
    class_attr = f' class="{classes}"' if classes else ""
    editable_attr = " data-editable" if editable else ""
    if component:
        editable_attr += f' data-component="{_escape(component)}"'
    return (
        f'<tr id="{row_id}"{class_attr} data-key="{key}"{editable_attr}>'
        f'<th scope="row" class="activity">{heading}</th>'
        f"{status_html(row_id, problems, valid_label)}{cells}</tr>"
    )


def grid_head_html(grid: Grid | RightsGrid, row_heading: str) -> SafeString:
    """The two heading rows: the kinds of role, then per role its name and holders,
    set sideways so that every column stays narrow and no name breaks in a word."""
    kinds = "".join(
        f'<th scope="colgroup" colspan="{len(columns)}" title="{_escape(kind)}">'
        f'<span class="kind">{_escape(kind)}</span></th>'
        for kind, columns in grid.column_groups
    )
    vacant = "<em>" + escape(_("vacant")) + "</em>"
    roles = []
    for column in grid.columns:
        holders = _escape(", ".join(column.holders))
        roles.append(
            f'\n        <th scope="col" class="role{" unheld" if column.unheld else ""}" '
            f'data-role="{column.role.pk}"><span class="role-label">'
            f'<span class="role-name">{_escape(column.role.name)}</span>'
            f'<span class="holders" title="{holders}">{holders or vacant}</span>'
            "</span></th>"
        )
    return mark_safe(
        "<thead>\n"
        '    <tr class="kinds">\n'
        '      <td class="corner" colspan="2"></td>\n'
        f"      {kinds}\n"
        "    </tr>\n"
        '    <tr class="roles">\n'
        f'      <th scope="col" class="activity">{escape(row_heading)}</th>\n'
        '      <th scope="col" class="row-status">' + escape(_("Check")) + "</th>"
        f"{''.join(roles)}\n"
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


def theme_row_html(name: str, columns: int) -> str:
    """A group's heading row: the label in the two sticky columns, so it stays in
    view while the grid scrolls sideways, then the rest of the bar."""
    return (
        f'<tr class="theme"><th scope="rowgroup" colspan="2">{_escape(name)}</th>'
        f'<td colspan="{columns}"></td></tr>'
    )


def group_rows_html(groups, columns: int, render_row, shown=lambda row: True) -> SafeString:
    """Rows under a heading per group (theme, component); the first editable
    cell of the grid takes the keyboard focus."""
    parts = []
    first = True
    for name, rows in groups:
        visible = [row for row in rows if shown(row)]
        if not visible:
            continue
        parts.append(theme_row_html(name, columns))
        for row in visible:
            parts.append(render_row(row, first and row.editable))
            if row.editable:
                first = False
    return mark_safe("".join(parts))


def _cell_kinds(rows, cells: dict[str, dict[str, str]]) -> dict[bool, dict[str, str]]:
    """editable -> the cell strings of such a row: read-only cells say so only in
    a grid, that is a table with at least one editable row."""
    grid = any(row.editable for row in rows)
    return {True: cells[EDITABLE], False: cells[READ_ONLY if grid else PLAIN]}


def grid_body_html(grid: Grid, *, only_invalid: bool = False, mark_own: bool = False) -> SafeString:
    """The grid's rows. `mark_own`: the viewer edits some rows only (an owner):
    mark those as theirs and name the component on the others."""
    cells = _cell_kinds(grid.rows, cell_strings(("", *CODES)))
    labels = {key: str(label) for key, label in ROW_PROBLEMS.items()}
    valid = escape(_("valid"))
    edit_url, edit_label = url_pattern("matrix:row"), escape(_("edit row"))
    no_component = _("no component")

    def activity_row(row: Row, first_editable: bool) -> str:
        task = row.activity
        if row.editable:
            # The task's page (its codes, name and history). Reached with the
            # arrow keys, as anything in a grid: not one Tab per row.
            heading = (
                f'<a class="title row-edit" tabindex="-1" href="{edit_url.format(task.pk)}" '
                f'title="{edit_label}">{_escape(task.title)}</a>'
            )
        else:
            heading = f'<span class="title">{_escape(task.title)}</span>'
        if task.component:
            heading += f' <small class="component">{_escape(task.component)}</small>'
        return row_html(
            row_id=f"activity-{task.pk}",
            key=task.pk,
            heading=heading,
            problems=[labels[p] for p in row.problems],
            cells=row_cells_html(cells[row.editable], row.codes, first_editable),
            editable=row.editable,
            valid_label=valid,
            own=mark_own and row.editable,
            component=(task.component or no_component) if mark_own and not row.editable else "",
        )

    return group_rows_html(
        grid.themes,
        len(grid.columns),
        activity_row,
        shown=lambda row: bool(row.problems) or not only_invalid,
    )


def print_head_html(grid: Grid) -> SafeString:
    """The print view's heading row: every role sideways, with its holders."""
    roles = "".join(
        f'<th scope="col" class="role"><span class="role-label">'
        f'<span class="role-name">{_escape(column.role.name)}</span>'
        f'<span class="holders">{_escape(", ".join(column.holders))}</span></span></th>'
        for column in grid.columns
    )
    return mark_safe(
        '<thead><tr class="roles"><th scope="col" class="activity">' + escape(_("Task")) + "</th>"
        f"{roles}</tr></thead>"
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


def rights_body_html(grid: RightsGrid, *, mark_own: bool = False) -> SafeString:
    cells = _cell_kinds(
        grid.rows,
        cell_strings(("", GRANTED), css_of=lambda value: "granted" if value else None),
    )
    valid = escape(_("valid"))
    detail_url = url_pattern("matrix:right")
    sensitivities = {
        value: f' <small class="component">{escape(label)}</small>'
        for value, label in Right.Sensitivity.choices
    }
    sensitivities[Right.Sensitivity.NORMAL] = ""
    # In a grid the arrow keys reach a right's link; in a plain table, Tab.
    link_focus = ' tabindex="-1"' if any(row.editable for row in grid.rows) else ""

    def right_row(row: RightRow, first_editable: bool) -> str:
        right = row.right
        heading = (
            f'<a class="title" href="{detail_url.format(right.pk)}"{link_focus}>'
            f"{_escape(right.name)}</a>"
        )
        return row_html(
            row_id=f"right-{right.pk}",
            key=right.pk,
            heading=heading + sensitivities.get(right.sensitivity, ""),
            problems=row.flag_labels,
            cells=row_cells_html(cells[row.editable], row.values, first_editable),
            editable=row.editable,
            valid_label=valid,
            own=mark_own and row.editable,
            component=right.component.name if mark_own and not row.editable else "",
        )

    return group_rows_html(grid.groups, len(grid.columns), right_row)


def cell_save_response(
    *, value: str, row_id: str, problems: list[str], saved: bool, message: str, css: str = ""
) -> HttpResponse:
    """The answer to a cell save in either grid: the cell, the row's check (out of
    band) and the message area's content, with `message` when the change was not
    saved; the header tells the benchmark whether it was saved. The message area
    keeps its element (a live region that is replaced is not heard)."""
    status = status_html(row_id, problems).replace("<td ", '<td hx-swap-oob="true" ', 1)
    alert = format_html('<p class="message message-error" role="alert">{}</p>', message)
    html = (
        f"{cell_html(value, EDITABLE, 0, css)}\n{status}\n"
        '<div id="matrix-message" hx-swap-oob="innerHTML">'
        f"{'' if saved else alert}</div>\n"
    )
    response = HttpResponse(html)
    response["X-Cell-Saved"] = "true" if saved else "false"
    return response
