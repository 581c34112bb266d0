from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from governance.models import (
    Action,
    AgendaItem,
    Attendance,
    Decision,
    Forum,
    Meeting,
    MeetingAmendment,
)


@admin.register(Forum)
class ForumAdmin(SimpleHistoryAdmin):
    list_display = ("name_nl", "kind", "cadence", "chair", "is_active")
    list_filter = ("kind", "cadence", "is_active")
    search_fields = ("name_nl", "name_en")
    autocomplete_fields = ("chair", "people")
    filter_horizontal = ("roles", "components")


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ("order", "kind", "title", "minutes")


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ("person",)


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ("forum", "date", "start_time", "status")
    list_filter = ("status", "forum")
    date_hierarchy = "date"
    inlines = [AgendaItemInline, AttendanceInline]


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ("date", "forum", "__str__")
    list_filter = ("forum",)
    search_fields = ("text", "rationale")
    date_hierarchy = "date"
    raw_id_fields = ("meeting", "agenda_item", "matrix_version", "assessment")


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ("title", "owner", "due_date", "status", "source", "forum")
    list_filter = ("status", "source", "forum")
    search_fields = ("title", "description")
    autocomplete_fields = ("owner", "person")
    raw_id_fields = (
        "meeting",
        "decision",
        "factor_review",
        "assessment",
        "statement",
        "review_round",
    )


@admin.register(MeetingAmendment)
class MeetingAmendmentAdmin(admin.ModelAdmin):
    list_display = ("meeting", "made_at", "made_by")
    raw_id_fields = ("meeting", "agenda_item", "decision")
