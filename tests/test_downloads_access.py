"""Who may download what: one table for every export of the application.

The rule (README, Access): a download shows no more than the page it comes
from, so whoever may read a page may download it. The exceptions follow the
pages: the mutations list is need-to-know (no key users), maturity results
only once published (or for managers), the files to fill in only for those
who may upload them, and the admin's exports only for beheerders.
"""

from datetime import date

import pytest
from django.urls import reverse
from guardian.shortcuts import assign_perm

from beheer.models import Department
from kpi.models import Kpi
from matrix.models import ReviewRound
from matrix.services import version_adopt
from maturity.models import Assessment
from tests.personas import ALL_PERSONAS

EVERY_GROUP = {"beheerder", "manager", "owner", "key_user", "mt"}

# download -> the personas that may have it (anonymous never: login first)
DOWNLOADS = {
    "matrix workbook": EVERY_GROUP,
    "adopted version workbook": EVERY_GROUP,
    "matrix json": EVERY_GROUP,
    "risk report": EVERY_GROUP,
    "kpi workbook": EVERY_GROUP,
    "mutations list": {"beheerder", "manager", "owner", "mt"},
    "access review report": EVERY_GROUP,  # as the round's page
    "maturity results workbook": {"beheerder", "manager", "mt", "key_user"},  # published
    "maturity results json": {"beheerder", "manager", "mt", "key_user"},
    "unpublished results workbook": {"beheerder", "manager"},
    "file to fill in: volumes": {"beheerder", "manager"},
    "decision log": EVERY_GROUP,  # each sees the decisions of the forums they may read
    "wishes backlog": EVERY_GROUP,
    "admin export": {"beheerder"},
}


@pytest.fixture
def urls(personas):
    department = Department.objects.create(name="Klantcontact")
    published = Assessment.objects.create(
        department=department,
        name="Najaar",
        period_start=date(2026, 9, 1),
        period_end=date(2026, 11, 30),
        is_published=True,
    )
    unpublished = Assessment.objects.create(
        department=department,
        name="Voorjaar",
        period_start=date(2026, 3, 1),
        period_end=date(2026, 4, 30),
    )
    for assessment in (published, unpublished):
        assign_perm("maturity.respond_assessment", personas.key_user, assessment)
    version = version_adopt(adopted_on=date(2026, 10, 1), note="", user=personas.manager)
    Kpi.objects.create(name="Bereikbaarheid")
    review = ReviewRound.objects.create(name="Najaar", deadline=date(2026, 12, 31))
    return {
        "matrix workbook": reverse("matrix:export"),
        "adopted version workbook": reverse("matrix:export") + f"?version={version.pk}",
        "matrix json": reverse("matrix:json"),
        "risk report": reverse("beheer:risks-xlsx"),
        "kpi workbook": reverse("kpi:export"),
        "mutations list": reverse("matrix:mutations-xlsx"),
        "access review report": reverse("matrix:review-report", args=[review.pk]),
        "maturity results workbook": reverse("maturity:results-xlsx", args=[published.pk]),
        "maturity results json": reverse("maturity:results-json", args=[published.pk]),
        "unpublished results workbook": reverse("maturity:results-xlsx", args=[unpublished.pk]),
        "file to fill in: volumes": reverse("kpi:upload-template", args=["volumes"]),
        "decision log": reverse("governance:decisions-xlsx"),
        "wishes backlog": reverse("operations:requests-xlsx"),
        "admin export": reverse("admin:beheer_department_export"),
    }


@pytest.mark.parametrize("download", DOWNLOADS)
@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_who_may_download_what(client_as, urls, persona, download):
    response = client_as(persona).get(urls[download])

    if persona == "anonymous":
        assert response.status_code == 302 and "login" in response["Location"]
    elif persona in DOWNLOADS[download]:
        assert response.status_code == 200
    elif download == "admin export" and persona != "outsider":
        assert response.status_code == 302  # the admin sends non-staff to its login
    else:
        assert response.status_code == 403
