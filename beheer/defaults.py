"""The structure every organisation starts from: the four components of online
customer service and the standing roles, including an owner role per component.
All of it is ordinary data, editable and deletable afterwards."""

COMPONENTS = [
    (
        "Klantvolgsysteem",
        "crm",
        "Het CRM waarin klantcontacten, dossiers en afspraken worden vastgelegd.",
    ),
    (
        "Selfserviceprocessen",
        "self_service",
        "De processen die klanten zelf online afhandelen, zoals een reparatieverzoek.",
    ),
    (
        "Kennisbank",
        "knowledge_base",
        "De artikelen waarmee medewerkers en klanten antwoorden op vragen vinden.",
    ),
    (
        "Website en Portal",
        "website",
        "De publieke website en het persoonlijke klantportaal.",
    ),
]

# name, kind, component name, responsibilities
ROLES = [
    *[
        (
            f"Eigenaar {name}",
            "owner",
            name,
            "Is eindverantwoordelijk voor de inrichting en doorontwikkeling van dit onderdeel, "
            "stelt prioriteiten en keurt wijzigingen goed.",
        )
        for name, _kind, _description in COMPONENTS
    ],
    (
        "Key user",
        "key_user",
        None,
        "Kent het proces en de klant, verzamelt wensen en knelpunten uit de praktijk, "
        "test wijzigingen en is vraagbaak voor collega's.",
    ),
    (
        "Technisch beheer",
        "technical",
        None,
        "Zorgt voor koppelingen, updates, beschikbaarheid en back-ups.",
    ),
    (
        "Functioneel beheer",
        "functional",
        None,
        "Beheert de inrichting, autorisaties en gebruikersvragen; voert wijzigingen door.",
    ),
    (
        "Privacy & Security",
        "privacy_security",
        None,
        "Bewaakt de AVG en informatiebeveiliging: verwerkingen, bewaartermijnen, rechten.",
    ),
    (
        "Leveranciersmanagement",
        "supplier_management",
        None,
        "Onderhoudt het contact met leveranciers en bewaakt contracten en SLA's.",
    ),
    (
        "CRM-beheerder",
        "beheerteam",
        "Klantvolgsysteem",
        "Beheert het CRM in het dagelijks gebruik en is het aanspreekpunt van het beheerteam.",
    ),
    (
        "CRM-manager",
        "beheerteam",
        "Klantvolgsysteem",
        "Stuurt het beheerteam aan en bepaalt samen met het MT de KPI's van het CRM.",
    ),
]


def ensure_default_structure(Component, Role, OrganisationSettings) -> None:
    """Create what is missing of the default structure; leave existing records alone.

    Takes the model classes so that the data migration can pass its historical
    models; keep to fields that exist since migration 0002.
    """
    OrganisationSettings.objects.get_or_create(pk=1)
    components = {}
    for name, kind, description in COMPONENTS:
        components[name] = Component.objects.get_or_create(
            name=name, defaults={"kind": kind, "description": description}
        )[0]
    for name, kind, component_name, responsibilities in ROLES:
        Role.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "component": components.get(component_name),
                "responsibilities": responsibilities,
            },
        )
