from django.urls import reverse

from beheer.models import OrganisationSettings
from tests.beheer import makers


def test_the_card_lists_roles_deputies_agreements_and_the_contact(client_as):
    OrganisationSettings.objects.update_or_create(
        pk=1, defaults={"name": "De Linde", "beheerteam_email": "beheerteam@delinde.example"}
    )
    component = makers.component(
        "Kennisplein", work_agreements="Artikelen twee keer per jaar nalopen."
    )
    owner = makers.role(
        "Eigenaar Kennisplein", component=component, responsibilities="Prioriteiten."
    )
    backup = makers.role("Key user Reparaties")
    anna, bert, cor = makers.person("Anna"), makers.person("Bert"), makers.person("Cor")
    makers.assign(anna, owner)
    makers.assign(bert, owner, kind="deputy")
    makers.assign(anna, backup, kind="deputy")
    makers.assign(cor, backup)

    page = client_as("key_user").get(reverse("beheer:person-card", args=[anna.pk])).content.decode()

    assert "Rolkaart: Anna" in page
    assert "Eigenaar Kennisplein" in page and "Prioriteiten." in page
    assert "Uw vervanger:</strong> Bert" in page
    assert "U vervangt:</strong> Cor" in page
    assert "Artikelen twee keer per jaar nalopen." in page
    assert "beheerteam@delinde.example" in page
    assert "data-print" in page and "js/print.js" in page  # the print button


def test_the_card_prints_on_one_page(client_as):
    css = client_as("mt").get("/static/css/beheer.css")
    text = b"".join(css.streaming_content).decode() if css.streaming else css.content.decode()

    assert "size: A4" in text
    assert ".role-card section" in text and "break-inside: avoid" in text
