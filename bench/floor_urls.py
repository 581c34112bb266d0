"""The application's addresses plus two bench-only ones that do nothing.

An authenticated POST that does nothing is the floor for any save by a
logged-in user (session, user, CSRF check and the middleware, no work of its
own); an empty page in the application's layout (header, navigation, footer)
is the floor for any page. The benchmark shows how much of a save's or a
page's cost is its own work. Never part of the product.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import include, path
from django.views.decorators.http import require_POST


@require_POST
def noop(request):
    request.user.pk  # noqa: B018 - load the user, as every real save does
    return HttpResponse("ok")


def empty_page(request):
    return render(request, "base.html")


urlpatterns = [
    path("bench/noop/", noop),
    path("bench/empty-page/", empty_page),
    path("", include("beheer.urls")),
]
