from django.urls import reverse

from beheer.models import Component, Person, Role, Supplier
from tests.beheer import makers


def test_a_manager_adds_a_component(client_as):
    client = client_as("manager")

    response = client.post(
        reverse("beheer:component-create"),
        {"name": "Chatbot", "kind": "other", "work_agreements": "Alleen via de eigenaar."},
    )

    component = Component.objects.get(name="Chatbot")
    assert response["Location"] == component.get_absolute_url()
    page = client.get(component.get_absolute_url()).content.decode()
    assert "Alleen via de eigenaar." in page
    assert "Chatbot is toegevoegd." in page


def test_a_form_with_errors_keeps_what_was_typed(client_as):
    makers.person("Bestaand", email="dubbel@example.org")

    response = client_as("manager").post(
        reverse("beheer:person-create"),
        {"name": "Nieuwe collega", "email": "DUBBEL@example.org", "job_title": "Adviseur"},
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "Iemand anders heeft dit e-mailadres al." in content
    assert 'value="Nieuwe collega"' in content and 'value="Adviseur"' in content
    assert Person.objects.count() == 1


def test_an_internal_person_cannot_have_a_supplier(client_as):
    supplier = Supplier.objects.create(name="KlantLink")

    response = client_as("manager").post(
        reverse("beheer:person-create"), {"name": "X", "supplier": supplier.pk, "is_active": "on"}
    )

    assert response.status_code == 200
    assert not Person.objects.filter(name="X").exists()


def test_an_edit_on_top_of_someone_elses_is_refused_and_loses_nothing(client_as):
    component = makers.component(description="Origineel")
    form_url = reverse("beheer:component-update", args=[component.pk])
    client = client_as("manager")
    seen = client.get(form_url).context["seen_version"]
    # Meanwhile, a colleague saves a change.
    component.description = "Door een collega aangepast"
    component.save()

    response = client.post(
        form_url,
        {
            "name": component.name,
            "kind": "other",
            "description": "Mijn versie",
            "seen_version": seen,
        },
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "na het openen gewijzigd" in content
    assert "Door een collega aangepast" in content  # what is saved now
    assert "Mijn versie" in content  # what the user typed is still in the form
    component.refresh_from_db()
    assert component.description == "Door een collega aangepast"

    # Saving again, now knowingly, goes through.
    again = client.post(
        form_url,
        {
            "name": component.name,
            "kind": "other",
            "description": "Mijn versie",
            "seen_version": response.context["seen_version"],
        },
    )
    assert again.status_code == 302
    component.refresh_from_db()
    assert component.description == "Mijn versie"


def test_deleting_shows_what_is_affected_first(client_as):
    component = makers.component("Intranet")
    role = makers.role("Eigenaar Intranet", component=component)
    makers.assign(makers.person(), role)
    client = client_as("manager")

    page = client.get(reverse("beheer:role-delete", args=[role.pk])).content.decode()
    assert "Bezettingen (1)" in page and "worden ook verwijderd" in page

    component_page = client.get(reverse("beheer:component-delete", args=[component.pk]))
    assert "Eigenaar Intranet" in component_page.content.decode()
    assert "verliezen deze koppeling" in component_page.content.decode()

    response = client.post(reverse("beheer:component-delete", args=[component.pk]))
    assert response["Location"] == reverse("beheer:components")
    role.refresh_from_db()
    assert role.component is None


def test_the_people_list_filters_and_searches(client_as, empty_register):
    supplier = Supplier.objects.create(name="Flex IT")
    makers.person("Interne Ina")
    makers.person("Externe Eef", is_external=True, supplier=supplier)
    makers.person("Oud-collega Olaf", is_active=False)
    client = client_as("mt")
    url = reverse("beheer:people")

    def names(**query):
        return [p.name for p in client.get(url, query).context["table"].data]

    assert names() == ["Externe Eef", "Interne Ina", "Oud-collega Olaf"]
    assert names(is_external="true") == ["Externe Eef"]
    assert names(is_active="false") == ["Oud-collega Olaf"]
    assert names(q="ina") == ["Interne Ina"]
    assert names(sort="-name")[0] == "Oud-collega Olaf"


def test_the_people_list_filters_by_component(client_as, empty_register):
    crm = makers.component("CRM")
    makers.assign(makers.person("Met CRM-rol"), makers.role("CRM-beheer", component=crm))
    makers.person("Zonder rol")

    response = client_as("mt").get(reverse("beheer:people"), {"component": crm.pk})

    assert [p.name for p in response.context["table"].data] == ["Met CRM-rol"]


def test_the_role_list_finds_vacant_roles(client_as, empty_register):
    makers.assign(makers.person(), makers.role("Bezet"))
    makers.role("Vacant")

    response = client_as("key_user").get(reverse("beheer:roles"), {"vacant": "true"})

    assert [r.name for r in response.context["table"].data] == ["Vacant"]


def test_an_empty_register_says_what_to_do_next(client_as, empty_register):
    manager_page = client_as("manager").get(reverse("beheer:components")).content.decode()
    reader_page = client_as("mt").get(reverse("beheer:components")).content.decode()

    assert "Nog geen onderdelen" in manager_page
    assert reverse("beheer:component-create") in manager_page
    assert reverse("beheer:component-create") not in reader_page
    assert "Vraag het beheerteam" in reader_page


def test_a_filter_without_results_is_not_an_empty_register(client_as):
    page = client_as("manager").get(reverse("beheer:components"), {"q": "bestaatniet"})

    assert "Nog geen onderdelen" not in page.content.decode()
    assert "Niets gevonden met deze filters." in page.content.decode()


def test_a_fresh_install_has_the_default_structure(db):
    assert set(Component.objects.values_list("name", flat=True)) == {
        "Klantvolgsysteem",
        "Selfserviceprocessen",
        "Kennisbank",
        "Website en Portal",
    }
    owners = Role.objects.filter(kind="owner").select_related("component")
    assert {r.component.name for r in owners} == set(
        Component.objects.values_list("name", flat=True)
    )
    assert (
        Role.objects.filter(name__in=["CRM-beheerder", "CRM-manager", "Privacy & Security"]).count()
        == 3
    )


def test_the_component_page_shows_owner_supplier_and_agreements(client_as):
    supplier = Supplier.objects.create(name="KlantLink", contact_email="help@klantlink.example")
    component = makers.component(supplier=supplier, work_agreements="Wijzigen op dinsdag.")
    owner_role = makers.role("Eigenaar Test", kind="owner", component=component)
    makers.assign(makers.person("Olga Eigenaar"), owner_role)

    page = client_as("key_user").get(component.get_absolute_url()).content.decode()

    assert "Olga Eigenaar" in page
    assert "help@klantlink.example" in page
    assert "Wijzigen op dinsdag." in page


def test_a_form_shown_again_for_bad_input_still_catches_a_change_made_meanwhile(client_as):
    component = makers.component(description="Origineel")
    form_url = reverse("beheer:component-update", args=[component.pk])
    client = client_as("manager")
    seen = client.get(form_url).context["seen_version"]
    component.description = "Door een collega aangepast"
    component.save()

    invalid = client.post(form_url, {"name": "", "kind": "other", "seen_version": seen})
    assert invalid.context["seen_version"] == seen  # not the version the user never saw

    refused = client.post(
        form_url,
        {
            "name": component.name,
            "kind": "other",
            "description": "Mijn versie",
            "seen_version": invalid.context["seen_version"],
        },
    )
    assert refused.status_code == 200
    component.refresh_from_db()
    assert component.description == "Door een collega aangepast"


def test_an_edit_posted_without_its_version_is_refused_and_loses_nothing(client_as):
    component = makers.component(description="Origineel")
    form_url = reverse("beheer:component-update", args=[component.pk])
    client = client_as("manager")

    refused = client.post(form_url, {"name": component.name, "kind": "other", "description": "X"})

    assert refused.status_code == 200
    assert "zonder de versie" in refused.content.decode()
    assert 'value="X"' in refused.content.decode() or ">X<" in refused.content.decode()
    component.refresh_from_db()
    assert component.description == "Origineel"
    # The form shown again carries the version, so saving it again goes through.
    again = client.post(
        form_url,
        {
            "name": component.name,
            "kind": "other",
            "description": "X",
            "seen_version": refused.context["seen_version"],
        },
    )
    assert again.status_code == 302
    component.refresh_from_db()
    assert component.description == "X"
