"""The matrix's change list as a django-tables2 table."""

import django_tables2 as tables
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

TABLE_ATTRS = {"class": "striped register-table matrix-changes"}


def _code_class(value) -> str:
    return f"cell code-{value}" if value in ("R", "A", "C", "I") else ""


class MatrixChangeTable(tables.Table):
    """Rows are selectors.MatrixChange: newest first, as the selector sorted them."""

    when = tables.Column(verbose_name=_("When"), orderable=False)
    who = tables.Column(verbose_name=_("Who"), orderable=False)
    task = tables.Column(verbose_name=_("Task"), orderable=False)
    what = tables.Column(verbose_name=_("Role or field"), orderable=False)
    old = tables.Column(
        verbose_name=_("Was"),
        orderable=False,
        default="—",
        attrs={"td": {"class": lambda value: _code_class(value)}},
    )
    new = tables.Column(
        verbose_name=_("Became"),
        orderable=False,
        default="—",
        attrs={"td": {"class": lambda value: _code_class(value)}},
    )

    class Meta:
        attrs = TABLE_ATTRS
        per_page = 50
        empty_text = _("No changes match these filters.")

    def render_when(self, value):
        moment = localtime(value)
        return format_html(
            '<time datetime="{}">{}</time>', moment.isoformat(), date_filter(moment, "d-m-Y H:i")
        )

    def render_task(self, record):
        if not record.task_exists:
            return format_html("<del>{}</del>", record.task)
        url = reverse("matrix:row", args=[record.task_id])
        return format_html('<a href="{}">{}</a>', url, record.task)

    def render_old(self, value):
        return _short(value)

    def render_new(self, value):
        return _short(value)


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:79] + "…"
