"""The lists of daily management, on the project's fast table (beheer.tables)."""

import django_tables2 as tables
from django.db.models import F
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from beheer.tables import DateColumn, RegisterTable
from operations.models import ChangeRequest, Course, Release


def status_label(value: str, label) -> str:
    """A status as a short coloured label with its text (never colour alone)."""
    return format_html(
        '<span class="op-status op-{}" data-status="{}">{}</span>', value, value, label
    )


class ChangeRequestTable(RegisterTable):
    number = tables.Column(verbose_name=_("No."), accessor="pk", attrs={"td": {"class": "number"}})
    title = tables.Column(verbose_name=_("Wish"), linkify=True)
    component = tables.Column(linkify=True, order_by=("component__name",))
    status = tables.Column(verbose_name=_("Status"))
    priority = tables.Column(verbose_name=_("Priority"))
    urgency = tables.Column(verbose_name=_("Urgency"))
    service_process = tables.Column(verbose_name=_("Process"), order_by=("service_process__name",))
    submitted_at = DateColumn(verbose_name=_("Submitted"), attrs={"td": {"class": "date"}})
    planning = tables.Column(
        verbose_name=_("Planned"),
        empty_values=(),
        order_by=("release__planned_date", "planned_for"),
    )

    class Meta(RegisterTable.Meta):
        model = ChangeRequest
        fields = (
            "number",
            "title",
            "component",
            "status",
            "priority",
            "urgency",
            "service_process",
            "submitted_at",
            "planning",
        )
        empty_text = _("No wishes match these filters.")

    def order_priority(self, queryset, is_descending):
        # Wishes without a priority last either way, on every database.
        priority = F("priority")
        order = priority.desc(nulls_last=True) if is_descending else priority.asc(nulls_last=True)
        return queryset.order_by(order, "submitted_at", "id"), True

    def render_status(self, record):
        label = status_label(record.status, record.get_status_display())
        if record.needs_information:
            label += format_html(' <span class="badge badge-warning">{}</span>', _("question"))
        return label

    def render_planning(self, record):
        if record.release_id:
            return format_html(
                '<a href="{}">{}</a>', self.url_for(record.release), record.release.version
            )
        if record.planned_for:
            return format_html("{} {}", _("configuration"), record.planned_for.strftime("%d-%m-%Y"))
        return "—"


class ReleaseTable(RegisterTable):
    component = tables.Column(linkify=True, order_by=("component__name",))
    version = tables.Column(verbose_name=_("Version"), linkify=True)
    planned_date = DateColumn(attrs={"td": {"class": "date"}})
    actual_date = DateColumn(attrs={"td": {"class": "date"}})
    status = tables.Column()
    decision = tables.Column(verbose_name=_("Go/no-go"))
    tests = tables.Column(
        verbose_name=_("Tests"), empty_values=(), orderable=False, attrs={"td": {"class": "number"}}
    )
    wish_count = tables.Column(verbose_name=_("Wishes"), attrs={"td": {"class": "number"}})

    class Meta(RegisterTable.Meta):
        model = Release
        fields = (
            "component",
            "version",
            "planned_date",
            "actual_date",
            "status",
            "decision",
            "tests",
            "wish_count",
        )
        empty_text = _("No releases match these filters.")

    def render_status(self, record):
        return status_label(f"release-{record.status}", record.get_status_display())

    def render_tests(self, record):
        if not record.test_count:
            return "—"
        failed = (
            format_html(
                ' <span class="badge badge-risk">{} {}</span>', record.failed_count, _("failed")
            )
            if record.failed_count
            else ""
        )
        return format_html("{}/{}{}", record.passed_count, record.test_count, failed)


class CourseTable(RegisterTable):
    name = tables.Column(verbose_name=_("Course"), linkify=True)
    kind = tables.Column()
    component = tables.Column(linkify=True, order_by=("component__name",))
    needed_by = tables.Column(verbose_name=_("Needed by"), empty_values=(), orderable=False)
    session_count = tables.Column(verbose_name=_("Sessions"), attrs={"td": {"class": "number"}})
    trained_count = tables.Column(verbose_name=_("Trained"), attrs={"td": {"class": "number"}})
    next_session = DateColumn(verbose_name=_("Next session"), attrs={"td": {"class": "date"}})

    class Meta(RegisterTable.Meta):
        model = Course
        fields = (
            "name",
            "kind",
            "component",
            "needed_by",
            "session_count",
            "trained_count",
            "next_session",
        )
        empty_text = _("No courses yet.")

    def render_needed_by(self, record):
        parts = []
        if record.required_for_kind:
            parts.append(
                str(_("every %(kind)s") % {"kind": record.get_required_for_kind_display().lower()})
            )
        parts += [role.name for role in record.required_for_roles.all()]
        return ", ".join(parts) or "—"
