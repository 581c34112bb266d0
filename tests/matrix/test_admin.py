from django.urls import reverse

from matrix.models import Responsibility


def _inline_data(task, rows):
    data = {
        "title": task.title,
        "theme": task.theme,
        "order": task.order,
        "responsibilities-TOTAL_FORMS": str(len(rows)),
        "responsibilities-INITIAL_FORMS": str(sum(1 for r in rows if r.get("id"))),
        "responsibilities-MIN_NUM_FORMS": "0",
        "responsibilities-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"responsibilities-{index}-{key}"] = value
        data[f"responsibilities-{index}-activity"] = task.pk
    return data


def test_the_admin_edits_codes_inline_under_the_same_rules(client_as, matrix):
    client = client_as("beheerder")
    task, roles = matrix["loose_task"], matrix["roles"]
    url = reverse("admin:matrix_activity_change", args=[task.pk])
    assert client.get(url).status_code == 200

    # Only an R: the task still lacks an A, as it did before, so that may stay.
    ok = client.post(url, _inline_data(task, [{"role": roles["Rol B"].pk, "code": "R"}]))
    assert ok.status_code == 302
    assert Responsibility.objects.filter(activity=task).count() == 1

    # Two A's would introduce a new violation: refused, nothing saved.
    existing = Responsibility.objects.get(activity=task)
    refused = client.post(
        url,
        _inline_data(
            task,
            [
                {"id": existing.pk, "role": roles["Rol B"].pk, "code": "R"},
                {"role": roles["Rol A"].pk, "code": "A"},
                {"role": roles["Rol C"].pk, "code": "A"},
            ],
        ),
    )
    assert refused.status_code == 200
    assert "meer dan één A" in refused.content.decode()
    assert Responsibility.objects.filter(activity=task).count() == 1


def test_adopted_versions_cannot_be_changed_in_the_admin(client_as, matrix):
    from matrix import services

    version = services.version_adopt(adopted_on=None, note="", user=None)
    client = client_as("beheerder")

    assert client.get(reverse("admin:matrix_matrixversion_add")).status_code == 403
    response = client.post(
        reverse("admin:matrix_matrixversion_change", args=[version.pk]), {"note": "anders"}
    )
    assert response.status_code == 403


def test_the_admin_lists_rights_reviews_and_ticks(client_as, rights):
    client = client_as("beheerder")
    for name in (
        "admin:matrix_right_changelist",
        "admin:matrix_reviewround_changelist",
        "admin:matrix_mutationtick_changelist",
    ):
        assert client.get(reverse(name)).status_code == 200, name
    response = client.get(reverse("admin:matrix_right_change", args=[rights["view"].pk]))
    assert "Medewerker" in response.content.decode()
