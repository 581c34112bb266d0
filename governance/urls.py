from django.urls import path

from governance import views

app_name = "governance"

urlpatterns = [
    path("", views.forums, name="forums"),
    path("nieuw/", views.forum_create, name="forum-create"),
    path("<int:pk>/", views.forum_detail, name="forum"),
    path("<int:pk>/wijzigen/", views.forum_edit, name="forum-edit"),
    path("<int:pk>/vergaderingen.ics", views.forum_ics, name="forum-ics"),
    path("<int:pk>/abonnement/<str:token>.ics", views.forum_feed, name="forum-feed"),
    path("<int:pk>/vergadering-plannen/", views.meeting_create, name="meeting-create"),
    path("vergaderingen/<int:pk>/", views.meeting_detail, name="meeting"),
    path("vergaderingen/<int:pk>/wijzigen/", views.meeting_edit, name="meeting-edit"),
    path("vergaderingen/<int:pk>/verwijderen/", views.meeting_delete, name="meeting-delete"),
    path("vergaderingen/<int:pk>/agendavoorstel/", views.agenda_propose, name="agenda-propose"),
    path("vergaderingen/<int:pk>/agendapunt/", views.agenda_item_add, name="item-add"),
    path("vergaderingen/<int:pk>/aanwezigheid/", views.attendance, name="attendance"),
    path("vergaderingen/<int:pk>/notulen/", views.minutes, name="minutes"),
    path("vergaderingen/<int:pk>/besluit/", views.decision_create, name="decision-create"),
    path("vergaderingen/<int:pk>/actie/", views.action_create, name="meeting-action-create"),
    path("vergaderingen/<int:pk>/sluiten/", views.meeting_close, name="meeting-close"),
    path("vergaderingen/<int:pk>/correctie/", views.amendment_create, name="amendment-create"),
    path("vergaderingen/<int:pk>/afdrukken/", views.meeting_print, name="meeting-print"),
    path("vergaderingen/<int:pk>/vergadering.ics", views.meeting_ics, name="meeting-ics"),
    path("agendapunten/<int:pk>/wijzigen/", views.agenda_item_edit, name="item-edit"),
    path("agendapunten/<int:pk>/verplaatsen/", views.agenda_item_move, name="item-move"),
    path("agendapunten/<int:pk>/verwijderen/", views.agenda_item_delete, name="item-delete"),
    path("besluiten/", views.decisions, name="decisions"),
    path("besluiten.xlsx", views.decisions_xlsx, name="decisions-xlsx"),
    path("besluiten/<int:pk>/wijzigen/", views.decision_edit, name="decision-edit"),
    path("besluiten/<int:pk>/verwijderen/", views.decision_delete, name="decision-delete"),
    path("acties/", views.actions, name="actions"),
    path("acties/nieuw/", views.action_create, name="action-create"),
    path("acties/<int:pk>/", views.action_detail, name="action"),
    path("acties/<int:pk>/wijzigen/", views.action_edit, name="action-edit"),
]
