from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from matrix.models import (
    Activity,
    Grant,
    MatrixVersion,
    MutationTick,
    Responsibility,
    ReviewAnswer,
    ReviewRound,
    Right,
)
from matrix.selectors import ROW_PROBLEMS, row_problems


class ResponsibilityFormSet(forms.BaseInlineFormSet):
    """The grid's rules in the admin: a change may not introduce a violation."""

    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms):
            return
        before = (
            list(self.instance.responsibilities.values_list("code", flat=True))
            if (self.instance.pk)
            else None
        )
        after = [
            form.cleaned_data["code"]
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        old = set(row_problems(before)) if before is not None else set()
        introduced = [p for p in row_problems(after) if p not in old]
        if introduced and self.has_changed():
            raise forms.ValidationError(
                _("This change breaks the rules: %(problems)s.")
                % {"problems": ", ".join(str(ROW_PROBLEMS[p]) for p in introduced)}
            )


class ResponsibilityInline(admin.TabularInline):
    model = Responsibility
    formset = ResponsibilityFormSet
    extra = 0
    autocomplete_fields = ("role",)


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ("title", "theme", "component", "order")
    list_filter = ("theme", "component")
    list_select_related = ("component",)
    search_fields = ("title", "theme")
    inlines = [ResponsibilityInline]


@admin.register(MatrixVersion)
class MatrixVersionAdmin(admin.ModelAdmin):
    """Adopted versions are immutable: visible here, never edited."""

    list_display = ("__str__", "adopted_on", "adopted_by")
    readonly_fields = ("adopted_on", "adopted_by", "note", "created_at")
    exclude = ("snapshot",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class GrantInline(admin.TabularInline):
    model = Grant
    extra = 0
    autocomplete_fields = ("role",)


@admin.register(Right)
class RightAdmin(SimpleHistoryAdmin):
    list_display = ("name", "component", "sensitivity")
    list_filter = ("component", "sensitivity")
    list_select_related = ("component",)
    search_fields = ("name",)
    inlines = [GrantInline]


class ReviewAnswerInline(admin.TabularInline):
    model = ReviewAnswer
    extra = 0
    raw_id_fields = ("person", "right", "answered_by")


@admin.register(ReviewRound)
class ReviewRoundAdmin(SimpleHistoryAdmin):
    list_display = ("name", "deadline", "closed_at")
    inlines = [ReviewAnswerInline]


@admin.register(MutationTick)
class MutationTickAdmin(admin.ModelAdmin):
    list_display = ("person", "right", "action", "ticked_by", "ticked_at")
    list_select_related = ("person", "right", "ticked_by")
    list_filter = ("action",)
