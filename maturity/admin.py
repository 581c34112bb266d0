from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from maturity.models import Answer, Assessment, Dimension, Level, Response, Statement


@admin.register(Level)
class LevelAdmin(SimpleHistoryAdmin):
    list_display = ("number", "name_nl", "name_en")


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 0
    fields = ("level", "order", "axis", "text_nl", "text_en", "explanation_nl", "explanation_en")


@admin.register(Dimension)
class DimensionAdmin(SimpleHistoryAdmin):
    list_display = ("name_nl", "name_en", "order")
    inlines = [StatementInline]


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    list_display = ("text_nl", "dimension", "level", "axis")
    list_filter = ("dimension", "level", "axis")
    fields = (
        "dimension",
        "level",
        "order",
        "axis",
        "text_nl",
        "text_en",
        "explanation_nl",
        "explanation_en",
    )
    list_select_related = ("dimension",)
    search_fields = ("text_nl", "text_en", "explanation_nl", "explanation_en")


class ResponseInline(admin.TabularInline):
    model = Response
    extra = 0
    readonly_fields = ("respondent", "started_at", "submitted_at")


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = (
        "name",
        "department",
        "period_start",
        "period_end",
        "answer_by",
        "is_open",
        "is_published",
    )
    list_filter = ("department", "is_open", "is_published")
    inlines = [ResponseInline]


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ("statement", "value", "response")
    list_select_related = ("statement", "response")
    raw_id_fields = ("response", "statement")
