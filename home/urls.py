from django.urls import include, path

from home import views

overviews = [
    path("overzicht/", views.overview, name="overview"),
    path("mt/", views.mt_overview, name="mt"),
    path("mijn-werk/aantal/", views.work_count, name="work-count"),
]

urlpatterns = [
    # "dashboard" is the name every link to the first screen uses (login
    # redirect, brand, 403 page): it stays "/", which is now Mijn werk.
    path("", views.my_work, name="dashboard"),
    path("", include((overviews, "home"))),
]
