from django.urls import reverse

from tests.personas import PASSWORD


def test_the_login_page_is_in_dutch_and_in_the_app_look(client, db):
    response = client.get(reverse("login"))

    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="nl"' in content
    assert "Inloggen" in content
    assert "pico.min.css" in content
    assert 'for="id_username"' in content


def test_a_wrong_password_re_renders_the_form_with_a_message(client, personas):
    response = client.post(reverse("login"), {"username": "manager", "password": "wrong"})

    assert response.status_code == 200
    content = response.content.decode()
    assert 'role="alert"' in content
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in content
    assert 'value="manager"' in content  # what was typed is kept


def test_a_good_login_lands_on_the_dashboard(client, personas):
    response = client.post(reverse("login"), {"username": "manager", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


def test_login_returns_to_the_page_asked_for(client, personas):
    response = client.post(
        reverse("login") + "?next=/healthz/",
        {"username": "manager", "password": PASSWORD, "next": "/healthz/"},
    )

    assert response["Location"] == "/healthz/"


def test_logout_needs_a_post(client_as):
    client = client_as("manager")

    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("dashboard")).status_code == 302
