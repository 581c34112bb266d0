from django.urls import reverse

from beheer.history import current_version
from beheer.models import OrganisationSettings


def test_a_manager_sets_the_contact_shown_in_every_footer(client_as):
    client = client_as("manager")

    response = client.post(
        reverse("beheer:settings"),
        {
            "name": "Woonstichting De Linde",
            "beheerteam_email": "beheerteam@delinde.example",
            "intranet_url": "intranet.delinde.example/beheer",
            "max_roles_per_person": 4,
            "ending_soon_days": 30,
            "max_admin_holders": 3,
            "seen_version": current_version(OrganisationSettings.load()),
        },
    )

    assert response.status_code == 302
    settings = OrganisationSettings.load()
    assert settings.intranet_url == "https://intranet.delinde.example/beheer"
    footer = client_as("mt").get(reverse("dashboard")).content.decode()
    assert "Woonstichting De Linde" in footer and "beheerteam@delinde.example" in footer


def test_a_bad_e_mail_is_refused_with_a_message(client_as):
    response = client_as("manager").post(
        reverse("beheer:settings"),
        {
            "beheerteam_email": "geen-adres",
            "max_roles_per_person": 5,
            "ending_soon_days": 60,
            "max_admin_holders": 3,
            "seen_version": current_version(OrganisationSettings.load()),
        },
    )

    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in." in response.content.decode()
    assert OrganisationSettings.load().beheerteam_email == ""
