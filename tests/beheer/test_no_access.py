from django.urls import reverse

from beheer.models import OrganisationSettings


def test_a_user_without_group_sees_whom_to_ask(client_as):
    OrganisationSettings.objects.update_or_create(
        pk=1, defaults={"beheerteam_email": "beheerteam@delinde.example"}
    )

    response = client_as("outsider").get(reverse("dashboard"))

    assert response.status_code == 403
    content = response.content.decode()
    assert "Nog geen toegang" in content
    assert "mailto:beheerteam@delinde.example" in content


def test_it_applies_to_every_page_not_only_the_dashboard(client_as):
    response = client_as("outsider").get(reverse("admin:index"))

    assert response.status_code == 403
    assert "Nog geen toegang" in response.content.decode()


def test_a_user_without_group_can_still_log_out(client_as):
    client = client_as("outsider")

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert "_auth_user_id" not in client.session


def test_a_user_without_group_can_switch_language(client_as):
    response = client_as("outsider").post(
        reverse("set_language"), {"language": "en", "next": "/"}, follow=True
    )

    assert response.status_code == 403
    assert "No access yet" in response.content.decode()


def test_a_superuser_without_group_is_let_in(client_as, personas):
    personas.beheerder.groups.clear()

    response = client_as("beheerder").get(reverse("dashboard"))

    assert response.status_code == 200
