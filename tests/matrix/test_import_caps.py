"""The matrix import reads within the upload caps: hostile files are refused
cheaply, and a matrix of real size still round-trips."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from beheer.models import PendingUpload, Role
from matrix import excel
from matrix.excel_import import import_plan
from matrix.models import Activity, Responsibility
from tests import hostile_files as hostile


def _export(client) -> bytes:
    response = client.get(reverse("matrix:export"))
    assert response.status_code == 200
    return response.content


HOSTILE = {
    "a valid export with a cell in the last row": (
        lambda export: hostile.with_far_cell(export, excel.SHEET),
        "The file has more than 60,000 rows.",
    ),
    "zip bomb": (lambda export: hostile.zip_bomb(), "Unpacked, the workbook is larger than 64 MB."),
    "oversize file": (
        lambda export: export + b"\0" * (10 * 2**20),
        "The file is larger than 10 MB.",
    ),
    "too many rows": (
        lambda export: hostile.with_rows_added(export, 60_000, first=100),
        "The file has more than 60,000 rows.",
    ),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_files_are_refused_quickly_and_clearly(client_as, matrix, case):
    make, message = HOSTILE[case]
    client = client_as("manager")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    content = make(_export(client))
    before = list(Responsibility.objects.values_list("activity", "role", "code"))

    response = hostile.refused_cheaply(
        lambda: client.post(
            reverse("matrix:import"),
            {"workbook": SimpleUploadedFile("beheermatrix.xlsx", content)},
        )
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PendingUpload.objects.exists()
    assert list(Responsibility.objects.values_list("activity", "role", "code")) == before


def test_a_matrix_of_real_size_fits_the_caps(client_as, matrix):
    # A few hundred tasks by some sixty roles, each task with an A and an R.
    roles = Role.objects.bulk_create(Role(name=f"Rol {n:02}") for n in range(60))
    tasks = Activity.objects.bulk_create(
        Activity(title=f"Taak {n}", theme=f"Thema {n % 12}", order=100 + n) for n in range(300)
    )
    Responsibility.objects.bulk_create(
        Responsibility(activity=task, role=roles[(n + offset) % 60], code=code)
        for n, task in enumerate(tasks)
        for offset, code in ((0, "A"), (1, "R"))
    )

    plan = import_plan(BytesIO(_export(client_as("manager"))))

    assert plan.errors == [] and not plan.has_changes
