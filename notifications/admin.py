from django.contrib import admin

from notifications.models import Message, Preference


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = (
        "created_at",
        "recipient",
        "topic",
        "kind",
        "subject",
        "status",
        "sent_at",
        "attempts",
    )
    list_filter = ("status", "topic", "kind")
    search_fields = ("recipient__username", "subject", "key")
    raw_id_fields = ("recipient",)


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = (
        "user",
        "delivery",
        "requests_delivery",
        "deadlines_delivery",
        "register_delivery",
        "language",
    )
    raw_id_fields = ("user",)
