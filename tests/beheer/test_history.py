from django.urls import reverse

from beheer.history import current_version, history_entries
from beheer.models import Supplier
from tests.beheer import makers


def test_changes_show_who_changed_what_from_old_to_new(client_as, personas):
    old_supplier = Supplier.objects.create(name="Oude leverancier")
    new_supplier = Supplier.objects.create(name="Nieuwe leverancier")
    component = makers.component(supplier=old_supplier, description="Eerst")
    client = client_as("manager")

    client.post(
        reverse("beheer:component-update", args=[component.pk]),
        {
            "name": component.name,
            "kind": "crm",
            "description": "Daarna",
            "supplier": new_supplier.pk,
            "seen_version": current_version(component),
        },
    )

    latest = history_entries(component)[0]
    assert latest.who == personas.manager.get_full_name()
    assert latest.action == "gewijzigd"
    changes = {c.field: (c.old, c.new) for c in latest.changes}
    assert changes["omschrijving"] == ("Eerst", "Daarna")
    assert changes["leverancier"] == ("Oude leverancier", "Nieuwe leverancier")
    assert changes["soort"] == ("Overig", "Klantvolgsysteem (CRM)")

    page = client.get(component.get_absolute_url()).content.decode()
    assert "<del>Eerst</del> → <ins>Daarna</ins>" in page


def test_the_first_entry_is_the_creation(db):
    person = makers.person()

    [entry] = history_entries(person)

    assert entry.action == "aangemaakt"
    assert entry.changes == []


def test_history_is_limited_and_newest_first(db):
    role = makers.role()
    for number in range(5):
        role.description = f"Versie {number}"
        role.save()

    entries = history_entries(role, limit=3)

    assert len(entries) == 3
    assert entries[0].changes[0].new == "Versie 4"
