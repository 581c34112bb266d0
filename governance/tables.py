"""The lists of the governance cycle. django-tables2 renders every cell through
several layers, so these tables keep to a few columns and 25 rows a page."""

import django_tables2 as tables
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from governance.models import Action, Decision

TABLE_ATTRS = {"class": "striped register-table"}


class ForumTable(tables.Table):
    """The forums with their next meeting and open actions (selectors.forum_rows)."""

    forum = tables.Column(verbose_name=_("Forum"), order_by=("forum__name_nl",))
    kind = tables.Column(
        verbose_name=_("Kind"), accessor="forum__get_kind_display", orderable=False
    )
    cadence = tables.Column(
        verbose_name=_("Meets"), accessor="forum__get_cadence_display", orderable=False
    )
    next = tables.Column(verbose_name=_("Next meeting"), empty_values=(), orderable=False)
    open = tables.Column(verbose_name=_("Open actions"), attrs={"td": {"class": "number"}})

    class Meta:
        attrs = TABLE_ATTRS
        per_page = 25
        empty_text = _("Nothing matches these filters.")
        row_attrs = {"data-forum": lambda record: record["forum"].pk}

    def render_forum(self, value):
        return format_html('<a href="{}">{}</a>', value.get_absolute_url(), value)

    def render_next(self, record):
        meeting = record["next"]
        if meeting is None:
            return "—"
        return format_html('<a href="{}">{}</a>', meeting.get_absolute_url(), _time(meeting.date))

    def render_open(self, record):
        if record["overdue"]:
            return format_html(
                '{} <span class="badge badge-risk">{}</span>',
                record["open"],
                ngettext("%(count)s overdue", "%(count)s overdue", record["overdue"])
                % {"count": record["overdue"]},
            )
        return record["open"]


def _time(day) -> str:
    return format_html('<time datetime="{}">{}</time>', day.isoformat(), f"{day:%d-%m-%Y}")


def _status_label(action: Action, today) -> str:
    overdue = action.is_overdue(today)
    css = "overdue" if overdue else action.status
    label = _("Overdue") if overdue else action.get_status_display()
    return format_html(
        '<span class="action-status action-{}" data-status="{}">{}</span>',
        css,
        action.status,
        label,
    )


class ActionTable(tables.Table):
    title = tables.Column(verbose_name=_("Action"))
    owner = tables.Column(verbose_name=_("Owner"), order_by=("owner__name",))
    due_date = tables.Column(verbose_name=_("Due"), attrs={"td": {"class": "date"}})
    status = tables.Column(verbose_name=_("Status"))
    origin = tables.Column(
        verbose_name=_("From"), empty_values=(), order_by=("forum__name_nl", "source")
    )

    class Meta:
        model = Action
        fields = ("title", "owner", "due_date", "status", "origin")
        attrs = TABLE_ATTRS
        per_page = 25
        empty_text = _("No actions match these filters.")
        row_attrs = {"data-action": lambda record: record.pk}

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()

    def render_title(self, record):
        return format_html('<a href="{}">{}</a>', record.get_absolute_url(), record.title)

    def render_due_date(self, value):
        return _time(value)

    def render_status(self, record):
        return _status_label(record, self.today)

    def render_origin(self, record):
        """Where it was agreed: the meeting or forum, else the page of its source."""
        origin = record.meeting or record.forum or record.success_factor or record.assessment
        if origin is None:
            return record.get_source_display()
        url = (
            reverse("maturity:results", args=[origin.pk])
            if origin is record.assessment
            else origin.get_absolute_url()
        )
        return format_html('<a href="{}">{}</a>', url, origin)


class DecisionTable(tables.Table):
    date = tables.Column(verbose_name=_("Date"), attrs={"td": {"class": "date"}})
    forum = tables.Column(verbose_name=_("Decided by"), order_by=("forum__name_nl",))
    text = tables.Column(verbose_name=_("Decision"), orderable=False)
    about = tables.Column(verbose_name=_("Concerns"), empty_values=(), orderable=False)

    class Meta:
        model = Decision
        fields = ("date", "forum", "text", "about")
        attrs = TABLE_ATTRS
        per_page = 25
        empty_text = _("No decisions match these filters.")
        row_attrs = {"data-decision": lambda record: record.pk}

    def render_date(self, value):
        return _time(value)

    def render_forum(self, record):
        return format_html('<a href="{}">{}</a>', record.forum.get_absolute_url(), record.forum)

    def render_text(self, record):
        return format_html('<a href="{}">{}</a>', record.get_absolute_url(), record.text)

    def render_about(self, record):
        return ", ".join(str(obj) for obj in record.concerns()) or "—"
