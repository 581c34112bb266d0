from django.urls import reverse


def test_it_answers_ok_without_login(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]


def test_it_reports_a_broken_database(client, db, monkeypatch):
    from django.db import OperationalError, connection

    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    # Undone inside the test: the database teardown needs a working cursor.
    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", broken_cursor)
        response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.content == b"database unavailable"


def test_it_only_answers_get(client, db):
    assert client.post(reverse("healthz")).status_code == 405
