"""The default beheermatrix a fresh install starts from: tasks per theme, with
codes for the standard roles (see beheer.defaults). Ordinary data afterwards."""

KVS, SS, KB, WP = "Klantvolgsysteem", "Selfserviceprocessen", "Kennisbank", "Website en Portal"
OWNER_KVS, OWNER_SS = f"Eigenaar {KVS}", f"Eigenaar {SS}"
OWNER_KB, OWNER_WP = f"Eigenaar {KB}", f"Eigenaar {WP}"
KEY_USER, TECH, FUNC = "Key user", "Technisch beheer", "Functioneel beheer"
PRIVACY, SUPPLIERS = "Privacy & Security", "Leveranciersmanagement"
CRM_ADMIN, CRM_MANAGER = "CRM-beheerder", "CRM-manager"

# theme, task, component (or None), {role name: code}
ACTIVITIES = [
    (
        "Inrichting en configuratie",
        "Inrichting van het klantvolgsysteem wijzigen",
        KVS,
        {OWNER_KVS: "A", CRM_ADMIN: "R", FUNC: "R", KEY_USER: "C"},
    ),
    (
        "Inrichting en configuratie",
        "Selfserviceprocessen ontwerpen en aanpassen",
        SS,
        {OWNER_SS: "A", FUNC: "R", KEY_USER: "C", PRIVACY: "C"},
    ),
    (
        "Inrichting en configuratie",
        "Formulieren en portalpagina's inrichten",
        WP,
        {OWNER_WP: "A", FUNC: "R", KEY_USER: "C"},
    ),
    (
        "Releases en updates",
        "Releasenotes van de leverancier beoordelen",
        None,
        {CRM_MANAGER: "A", FUNC: "R", TECH: "C", KEY_USER: "I"},
    ),
    (
        "Releases en updates",
        "Updates testen (acceptatietest)",
        None,
        {FUNC: "A", KEY_USER: "R", TECH: "C"},
    ),
    (
        "Releases en updates",
        "Updates in productie nemen",
        None,
        {FUNC: "A", TECH: "R", KEY_USER: "I"},
    ),
    (
        "Incidenten en wensen",
        "Storingen melden bij de leverancier",
        None,
        {FUNC: "A", TECH: "R", CRM_MANAGER: "I"},
    ),
    (
        "Incidenten en wensen",
        "Gebruikersvragen afhandelen",
        KVS,
        {CRM_ADMIN: "A", FUNC: "R", KEY_USER: "C"},
    ),
    (
        "Incidenten en wensen",
        "Wensen verzamelen en prioriteren",
        None,
        {CRM_MANAGER: "A", KEY_USER: "R", OWNER_KVS: "C", OWNER_SS: "C"},
    ),
    (
        "Content en kennisbank",
        "Kennisbankartikelen schrijven",
        KB,
        {OWNER_KB: "A", KEY_USER: "R", FUNC: "I"},
    ),
    (
        "Content en kennisbank",
        "Kennisbankartikelen publiceren",
        KB,
        {OWNER_KB: "A", FUNC: "R", KEY_USER: "I"},
    ),
    (
        "Content en kennisbank",
        "Websitecontent actueel houden",
        WP,
        {OWNER_WP: "A", KEY_USER: "R", FUNC: "C"},
    ),
    (
        "Autorisaties",
        "Gebruikers aanmaken en rechten toekennen",
        KVS,
        {CRM_ADMIN: "A", FUNC: "R", PRIVACY: "C"},
    ),
    (
        "Autorisaties",
        "Rechten intrekken bij vertrek of functiewijziging",
        KVS,
        {CRM_ADMIN: "A", FUNC: "R", PRIVACY: "I"},
    ),
    (
        "Autorisaties",
        "Autorisatiematrix periodiek controleren",
        None,
        {PRIVACY: "A", CRM_ADMIN: "R", OWNER_KVS: "C"},
    ),
    (
        "Privacy en security (AVG)",
        "Verwerkingsregister bijhouden",
        None,
        {CRM_MANAGER: "A", PRIVACY: "R", FUNC: "C"},
    ),
    (
        "Privacy en security (AVG)",
        "Datalekken melden en afhandelen",
        None,
        {PRIVACY: "A", FUNC: "R", CRM_MANAGER: "I"},
    ),
    (
        "Privacy en security (AVG)",
        "Bewaartermijnen toepassen",
        None,
        {PRIVACY: "A", TECH: "R", FUNC: "C"},
    ),
    (
        "Leverancierscontact",
        "Contract en SLA bewaken",
        None,
        {CRM_MANAGER: "A", SUPPLIERS: "R", FUNC: "I"},
    ),
    (
        "Leverancierscontact",
        "Periodiek overleg met de leverancier voeren",
        None,
        {SUPPLIERS: "A", FUNC: "R", TECH: "C"},
    ),
    (
        "Training en onboarding",
        "Nieuwe medewerkers inwerken in het CRM",
        KVS,
        {CRM_MANAGER: "A", KEY_USER: "R", CRM_ADMIN: "C"},
    ),
    (
        "Training en onboarding",
        "Handleidingen en rolkaarten actueel houden",
        None,
        {CRM_ADMIN: "A", KEY_USER: "R", FUNC: "C"},
    ),
    (
        "Rapportage en KPI's",
        "KPI-rapportage opstellen",
        None,
        {CRM_MANAGER: "A", FUNC: "R", OWNER_KVS: "I"},
    ),
    (
        "Rapportage en KPI's",
        "Resultaten bespreken met het MT",
        None,
        {CRM_MANAGER: "A", CRM_ADMIN: "R", OWNER_KVS: "C", OWNER_SS: "C"},
    ),
]


def ensure_default_matrix(Activity, Responsibility, Role, Component) -> int:
    """On an empty matrix, create the default tasks and codes; return how many tasks.

    Takes the model classes so that the data migration can pass its historical
    models. Roles or components the organisation removed are skipped.
    """
    if Activity.objects.exists():
        return 0
    roles = {role.name: role for role in Role.objects.all()}
    components = {component.name: component for component in Component.objects.all()}
    for order, (theme, title, component, codes) in enumerate(ACTIVITIES, start=1):
        activity = Activity.objects.create(
            title=title, theme=theme, component=components.get(component), order=order * 10
        )
        Responsibility.objects.bulk_create(
            Responsibility(activity=activity, role=roles[name], code=code)
            for name, code in codes.items()
            if name in roles
        )
    return len(ACTIVITIES)


# component, right, sensitivity, roles that hold it
RIGHTS = [
    (
        KVS,
        "Klantdossier inzien",
        "personal_data",
        [KEY_USER, FUNC, CRM_ADMIN, CRM_MANAGER, OWNER_KVS],
    ),
    (KVS, "Klantgegevens wijzigen", "personal_data", [KEY_USER, FUNC, CRM_ADMIN]),
    (KVS, "Klantcontact registreren", "normal", [KEY_USER, FUNC, CRM_ADMIN]),
    (KVS, "Rapportages inzien", "normal", [CRM_MANAGER, OWNER_KVS, CRM_ADMIN]),
    (KVS, "Gebruikers beheren", "admin", [CRM_ADMIN, FUNC]),
    (KVS, "Inrichting wijzigen", "admin", [CRM_ADMIN, FUNC]),
    (KB, "Kennisbankartikel schrijven", "normal", [KEY_USER, OWNER_KB, FUNC]),
    (KB, "Kennisbankartikel publiceren", "normal", [OWNER_KB, FUNC]),
    (WP, "Portalcontent publiceren", "normal", [OWNER_WP, FUNC]),
    (WP, "Portalgebruikers beheren", "admin", [FUNC, TECH]),
    (SS, "Selfserviceproces inrichten", "admin", [FUNC, OWNER_SS]),
    (SS, "Aanvragen uit selfservice inzien", "personal_data", [KEY_USER, OWNER_SS, FUNC]),
    (SS, "Koppelingen beheren", "admin", [TECH]),
]


def ensure_default_rights(Right, Grant, Role, Component) -> int:
    """On an empty autorisatiematrix, create the default rights and grants."""
    if Right.objects.exists():
        return 0
    roles = {role.name: role for role in Role.objects.all()}
    components = {component.name: component for component in Component.objects.all()}
    created = 0
    for component_name, name, sensitivity, holders in RIGHTS:
        component = components.get(component_name)
        if component is None:
            continue
        right = Right.objects.create(component=component, name=name, sensitivity=sensitivity)
        Grant.objects.bulk_create(
            Grant(role=roles[holder], right=right) for holder in holders if holder in roles
        )
        created += 1
    return created
