from django.urls import reverse


def test_the_default_is_dutch_whatever_the_browser_says(client_as):
    response = client_as("manager").get(reverse("dashboard"), HTTP_ACCEPT_LANGUAGE="en-US,en")

    content = response.content.decode()
    assert '<html lang="nl"' in content
    assert "Uitloggen" in content
    assert response["Content-Language"] == "nl"


def test_the_switch_changes_the_language_and_returns_to_the_page(client_as):
    client = client_as("manager")

    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"

    content = client.get(reverse("dashboard")).content.decode()
    assert '<html lang="en"' in content
    assert "Log out" in content
    assert "Uitloggen" not in content


def test_an_unknown_language_keeps_dutch(client_as):
    client = client_as("manager")
    client.cookies["django_language"] = "fr"

    content = client.get(reverse("dashboard")).content.decode()

    assert '<html lang="nl"' in content


def test_the_login_page_can_switch_language_too(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})

    content = client.get(reverse("login")).content.decode()

    assert '<html lang="en"' in content
    assert "Log in" in content


def test_the_header_offers_both_languages(client_as):
    content = client_as("mt").get(reverse("dashboard")).content.decode()

    assert 'name="language" value="nl"' in content
    assert 'name="language" value="en"' in content
