"""The application's addresses plus an authenticated POST that does nothing.

Its throughput is the floor for any save by a logged-in user (session, user,
CSRF check and the middleware, no work of its own), so the benchmark can show
how much of a save's cost is the save itself. Never part of the product.
"""

from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_POST


@require_POST
def noop(request):
    request.user.pk  # noqa: B018 - load the user, as every real save does
    return HttpResponse("ok")


urlpatterns = [path("bench/noop/", noop), path("", include("beheer.urls"))]
