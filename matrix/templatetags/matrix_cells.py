from django import template
from django.utils.safestring import mark_safe

from matrix.render import cell_html, status_html

register = template.Library()


@register.simple_tag
def cell(value, editable, tabindex=-1, css=None):
    return mark_safe(cell_html(value, editable, tabindex, css))


@register.simple_tag
def row_status(row_id, problem_labels):
    """The row's status cell, swapped in out of band after a cell save."""
    html = status_html(row_id, problem_labels)
    return mark_safe(html.replace("<td ", '<td hx-swap-oob="true" ', 1))
