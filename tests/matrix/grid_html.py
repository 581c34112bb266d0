"""Reading the grid's HTML in tests: a cell's role follows from its column."""

import re


def role_order(content: str) -> list[int]:
    thead = content.split("<thead>", 1)[1].split("</thead>", 1)[0]
    return [int(pk) for pk in re.findall(r'data-role="(\d+)"', thead)]


def row_cells(content: str, item, prefix: str = "activity") -> list[str]:
    """The cells (<td>…</td>) of a row (a task, or a right), status cell left out."""
    row = re.search(rf'<tr id="{prefix}-{item.pk}"[^>]*>(.*?)</tr>', content, re.S).group(1)
    return [cell for cell in re.findall(r"<td[^>]*>.*?</td>", row) if "row-status" not in cell]


def cell(content: str, item, role, prefix: str = "activity") -> str:
    return row_cells(content, item, prefix)[role_order(content).index(role.pk)]
