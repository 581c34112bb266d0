from django import template
from django.utils.safestring import mark_safe

from matrix.render import cell_html, status_html

register = template.Library()


@register.simple_tag
def cell(code, editable, tabindex=-1):
    return mark_safe(cell_html(code, editable, tabindex))


@register.simple_tag
def row_status(activity, problem_labels):
    """The row's status cell, swapped in out of band after a cell save."""
    html = status_html(activity.pk, problem_labels)
    return mark_safe(html.replace("<td ", '<td hx-swap-oob="true" ', 1))
