from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("ongelezen/", views.unread_badge, name="unread-count"),
    path("<int:pk>/gelezen/", views.mark_read, name="mark-read"),
    path("alles-gelezen/", views.mark_all_read, name="mark-all-read"),
    path("instellingen/", views.preference_edit, name="settings"),
    path("verzonden/", views.sent, name="sent"),
]
