from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kpi import services
from kpi.models import Channel, ContactVolume, FactorReview, Kpi, Measurement, SuccessFactor


class FactorReviewInline(admin.TabularInline):
    model = FactorReview
    extra = 0
    fields = ("date", "status", "owner")
    autocomplete_fields = ("owner",)


@admin.register(SuccessFactor)
class SuccessFactorAdmin(SimpleHistoryAdmin):
    list_display = ("name_nl", "name_en", "theme", "order")
    list_filter = ("theme",)
    inlines = [FactorReviewInline]


class MeasurementInline(admin.TabularInline):
    model = Measurement
    extra = 0
    fields = ("date", "period_end", "value", "source", "note", "from_channels")
    readonly_fields = ("from_channels",)


@admin.register(Kpi)
class KpiAdmin(SimpleHistoryAdmin):
    list_display = ("name", "owner", "unit", "target", "deadline", "frequency", "source")
    list_filter = ("source", "frequency", "level")
    search_fields = ("name",)
    filter_horizontal = ("factors",)
    autocomplete_fields = ("owner",)
    inlines = [MeasurementInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # As in the app's own form: a KPI measured from the channels follows them.
        services.kpi_source_changed(form.instance)


class ChannelKpisFollowMixin:
    """A change to channels or volumes here moves the KPIs measured from them,
    as the application's own screens do."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.recompute_channel_kpis()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.recompute_channel_kpis()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        services.recompute_channel_kpis()


@admin.register(Channel)
class ChannelAdmin(ChannelKpisFollowMixin, SimpleHistoryAdmin):
    list_display = ("name", "is_digital", "order")


@admin.register(ContactVolume)
class ContactVolumeAdmin(ChannelKpisFollowMixin, admin.ModelAdmin):
    list_display = ("month", "channel", "service_process", "contacts")
    list_filter = ("channel", "service_process")
    date_hierarchy = "month"
