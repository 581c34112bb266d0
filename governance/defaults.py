"""The forums a fresh install proposes: the rhythm that keeps the
beheerorganisatie alive after go-live (in our own words, after seeds 002 and
004). Afterwards they are the organisation's data: rename, change or add."""

# kind, cadence, (name nl, name en), (purpose nl, purpose en), member role names
FORUMS = [
    (
        "beheeroverleg",
        "4_weeks",
        ("Beheeroverleg", "Beheerteam meeting"),
        (
            "Het beheerteam – de CRM-beheerder, de CRM-manager, functioneel beheer en de key "
            "users – komt geregeld bij elkaar nu het projectteam is opgeheven. Het bespreekt "
            "vragen en knelpunten uit de praktijk, wijzigingen in de inrichting, de rechten "
            "van medewerkers, de borging van kennis en de voortgang op de KPI's. Het MT "
            "schuift geregeld aan, zodat doelen en KPI's samen worden bepaald.",
            "Now that the project team has been disbanded, the beheerteam – the CRM "
            "administrator, the CRM manager, functional management and the key users – meets "
            "regularly. It discusses questions and problems from daily use, changes to the "
            "configuration, the rights of staff, how knowledge is secured and progress on "
            "the KPIs. The MT joins now and then, so that goals and KPIs are set together.",
        ),
        ("CRM-beheerder", "CRM-manager", "Functioneel beheer", "Key user"),
    ),
    (
        "stuurgroep",
        "quarterly",
        ("Stuurgroep", "Steering group"),
        (
            "Opdrachtgever en dienstverlener sturen samen op de dienstverlening. De stuurgroep "
            "bepaalt welke diensten er zijn en met welke prioriteit, neemt besluiten over wat "
            "het beheerteam en het klantenforum voorleggen, stelt de beheermatrix vast en "
            "volgt de volwassenheid van de dienstverlening en de kritieke succesfactoren.",
            "Client and service provider steer the service together. The steering group "
            "decides which services there are and with what priority, decides on what the "
            "beheerteam and the customer forum put forward, adopts the management matrix, and "
            "follows the maturity of the service and the critical success factors.",
        ),
        ("CRM-manager",),
    ),
    (
        "klantenforum",
        "half_yearly",
        ("Klantenforum", "Customer forum"),
        (
            "Vertegenwoordigers van de afdelingen die de software gebruiken brengen in wat zij "
            "en hun klanten nodig hebben en waar het wringt. Zo weegt het klantperspectief mee "
            "in de inrichting en de prioriteiten; wat meer vraagt dan het beheerteam kan "
            "besluiten, gaat naar de stuurgroep.",
            "Representatives of the departments that use the software bring in what they and "
            "their customers need and where it chafes. That way the customer's view counts "
            "in the configuration and the priorities; what needs more than the beheerteam can "
            "decide goes to the steering group.",
        ),
        ("Key user",),
    ),
    (
        "key_users",
        "monthly",
        ("Key-useroverleg", "Key-user meeting"),
        (
            "De key users wisselen ervaringen uit, verzamelen wensen en knelpunten van hun "
            "collega's, spreken af wie welke wijziging test en bereiden de tweede training "
            "en de uitleg voor nieuwe medewerkers voor.",
            "The key users share experiences, collect their colleagues' wishes and problems, "
            "agree who tests which change, and prepare the second training and the "
            "introduction for new staff.",
        ),
        ("Key user",),
    ),
    (
        "supplier",
        "quarterly",
        ("Leveranciersoverleg", "Supplier meeting"),
        (
            "Leveranciersmanagement en beheer bespreken met de leverancier hoe de afspraken uit "
            "het contract en de SLA worden nagekomen: storingen en hun oplossing, "
            "beschikbaarheid, openstaande wijzigingsverzoeken en de komende releases.",
            "Supplier management and the beheerteam discuss with the supplier how the "
            "agreements of the contract and the SLA are kept: incidents and how they were "
            "solved, availability, open change requests and the coming releases.",
        ),
        ("Leveranciersmanagement", "Technisch beheer", "Functioneel beheer"),
    ),
]


def ensure_default_forums(Forum, Role) -> bool:
    """Create the standard forums on an install without any. Takes the model
    classes so a data migration can pass its historical models."""
    if Forum.objects.exists():
        return False
    roles = {role.name: role for role in Role.objects.all()}
    for kind, cadence, names, purposes, role_names in FORUMS:
        forum = Forum.objects.create(
            kind=kind,
            cadence=cadence,
            name_nl=names[0],
            name_en=names[1],
            purpose_nl=purposes[0],
            purpose_en=purposes[1],
        )
        forum.roles.set([roles[name] for name in role_names if name in roles])
    return True
