from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from beheer.access import membership_not_required
from beheer.sso import views as sso_views
from beheer.sso.forms import LocalLoginForm
from beheer.views import core as views

urlpatterns = [
    # Mijn werk ("/", the URL name `dashboard`) and the overviews: home/.
    path("", include("home.urls")),
    path("healthz/", views.healthz, name="healthz"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, authentication_form=LocalLoginForm
        ),
        name="login",
    ),
    path(
        "logout/",
        membership_not_required(sso_views.LogoutView.as_view()),
        name="logout",
    ),
    # Single sign-on (beheer/sso): 404 unless configured. The names are the ones
    # mozilla-django-oidc reverses.
    path(
        "oidc/authenticate/",
        login_not_required(sso_views.SsoLoginStart.as_view()),
        name="oidc_authentication_init",
    ),
    path(
        "oidc/callback/",
        login_not_required(sso_views.callback),
        name="oidc_authentication_callback",
    ),
    path(
        "taal/",
        login_not_required(membership_not_required(set_language)),
        name="set_language",
    ),
    path("organisatie/", include("beheer.organisation_urls")),
    path("beheermatrix/", include("matrix.urls")),
    path("volwassenheid/", include("maturity.urls")),
    path("kpi/", include("kpi.urls")),
    path("overleg/", include("governance.urls")),
    path("dagelijks-beheer/", include("operations.urls")),
    path("berichten/", include("notifications.urls")),
    path("admin/", admin.site.urls),
]
