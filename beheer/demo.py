"""Demo data for the organisation: a Dutch housing corporation and its accounts.

Every function here is idempotent: it looks records up by a natural key and only
creates what is missing, so `loaddemo` can run any number of times.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils import timezone

from beheer import groups
from beheer.defaults import ensure_default_structure
from beheer.models import (
    Assignment,
    Component,
    Department,
    OrganisationSettings,
    Person,
    Role,
    ServiceProcess,
    Supplier,
)

DEMO_PASSWORD = "beheer-demo"
ORGANISATION = "Woonstichting De Linde"

# username, first name, last name, job title, groups, is_staff/superuser
PERSONAS = (
    ("beheerder", "Sanne", "de Vries", "Applicatiebeheerder", (groups.BEHEERDERS,), True),
    ("manager", "Marco", "Jansen", "Manager Klantcontact", (groups.MANAGERS,), False),
    ("eigenaar", "Ingrid", "Bakker", "Teamleider Wonen", (groups.EIGENAREN,), False),
    ("keyuser", "Yusuf", "Demir", "Medewerker Reparaties", (groups.KEY_USERS,), False),
    ("mt", "Henk", "Visser", "Directeur-bestuurder", (groups.MT,), False),
    ("buitenstaander", "Lotte", "Smit", "Stagiaire", (), False),
)

# Further colleagues; `--scale N` repeats this list N times.
COLLEAGUES = (
    ("Eva", "Mulder", groups.KEY_USERS),
    ("Daan", "de Boer", groups.KEY_USERS),
    ("Fatima", "El Amrani", groups.KEY_USERS),
    ("Jeroen", "Kok", groups.EIGENAREN),
    ("Noor", "Hendriks", groups.KEY_USERS),
    ("Pieter", "van Dijk", groups.MANAGERS),
    ("Anouk", "Dekker", groups.KEY_USERS),
    ("Mehmet", "Yilmaz", groups.KEY_USERS),
    ("Kim", "Smeets", groups.MT),
    ("Bram", "Willems", groups.KEY_USERS),
)


def load(*, scale: int = 1) -> dict[str, int]:
    """Create the persona accounts and `scale` times the colleagues."""
    group_by_name = {g.name: g for g in Group.objects.filter(name__in=groups.ALL)}
    missing = set(groups.ALL) - set(group_by_name)
    for name in missing:
        group_by_name[name] = Group.objects.create(name=name)

    wanted = []  # (username, first, last, group names, is_admin)
    for username, first, last, _title, group_names, is_admin in PERSONAS:
        wanted.append((username, first, last, group_names, is_admin))
    for round_number in range(1, scale + 1):
        for index, (first, last, group_name) in enumerate(COLLEAGUES, start=1):
            suffix = f"{index:02d}" if round_number == 1 else f"{index:02d}-{round_number}"
            wanted.append((f"collega-{suffix}", first, last, (group_name,), False))

    User = get_user_model()
    existing = set(
        User.objects.filter(username__in=[w[0] for w in wanted]).values_list("username", flat=True)
    )
    # One hash for all demo accounts: hashing is deliberately slow, and these
    # accounts exist only to try the application.
    password = make_password(DEMO_PASSWORD)
    new_users = [
        User(
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@delinde.example",
            password=password,
            is_staff=is_admin,
            is_superuser=is_admin,
        )
        for username, first, last, _groups, is_admin in wanted
        if username not in existing
    ]
    User.objects.bulk_create(new_users)

    user_ids = dict(
        User.objects.filter(username__in=[w[0] for w in wanted]).values_list("username", "id")
    )
    Membership = User.groups.through
    Membership.objects.bulk_create(
        [
            Membership(user_id=user_ids[username], group_id=group_by_name[name].id)
            for username, _first, _last, group_names, _admin in wanted
            for name in group_names
        ],
        ignore_conflicts=True,
    )
    register = _register(scale)
    return {
        "accounts created": len(new_users),
        "people created": register["people"],
        "roles created": register["roles"],
        "assignments created": register["assignments"],
    }


# The register of the demo corporation ----------------------------------------

SETTINGS = {
    "name": ORGANISATION,
    "beheerteam_email": "beheerteam@delinde.example",
    "intranet_url": "https://intranet.delinde.example/beheerteam",
}
SUPPLIERS = {
    "KlantLink B.V.": (
        "Ruud Verbeek",
        "support@klantlink.example",
        "Reactie op P1-storingen binnen 1 uur, oplossing binnen 4 uur. Releases elk kwartaal.",
    ),
    "PortaalWerk B.V.": (
        "Esther Vos",
        "service@portaalwerk.example",
        "Beschikbaarheid portal 99,5% per maand. "
        "Wijzigingsverzoeken binnen 10 werkdagen ingepland.",
    ),
    "Flex IT Detachering": (
        "Gert Smit",
        "planning@flexit.example",
        "Inhuur op uurbasis; opzegtermijn een maand.",
    ),
}
DEPARTMENTS = [
    "Klantcontactcentrum",
    "Wonen",
    "Vastgoed & Onderhoud",
    "Financiën",
    "ICT & Informatievoorziening",
    "Directie",
]
COMPONENT_DETAILS = {
    "Klantvolgsysteem": (
        "KlantLink B.V.",
        "Wijzigingen in de inrichting lopen via de CRM-beheerder.\n"
        "Nieuwe velden alleen na akkoord van de eigenaar.\n"
        "Storingen melden bij functioneel beheer, niet rechtstreeks bij de leverancier.",
    ),
    "Selfserviceprocessen": (
        "PortaalWerk B.V.",
        "Een nieuw of gewijzigd proces wordt eerst getest door de key user van dat proces.\n"
        "Publicatie op dinsdag of donderdag, nooit vlak voor het weekend.",
    ),
    "Kennisbank": (
        "KlantLink B.V.",
        "Elk artikel heeft een eigenaar en wordt minstens twee keer per jaar nagelopen.\n"
        "Key users schrijven, de eigenaar publiceert.",
    ),
    "Website en Portal": (
        "PortaalWerk B.V.",
        "Content wordt gepubliceerd door de redactie van Klantcontact.\n"
        "Technische wijzigingen gaan via leveranciersmanagement.",
    ),
}
# name, component, department
PROCESSES = [
    ("Reparatieverzoek", "Selfserviceprocessen", "Vastgoed & Onderhoud"),
    ("Huur opzeggen", "Selfserviceprocessen", "Wonen"),
    ("Inschrijving woningzoekende", "Website en Portal", "Wonen"),
    ("Betalingsregeling", "Selfserviceprocessen", "Financiën"),
    ("Overlast melden", "Selfserviceprocessen", "Wonen"),
]
# name, e-mail local part, job title, department, supplier (external) or None, persona username
PEOPLE = [
    (
        "Sanne de Vries",
        "s.devries",
        "Applicatiebeheerder",
        "ICT & Informatievoorziening",
        None,
        "beheerder",
    ),
    ("Marco Jansen", "m.jansen", "Manager Klantcontact", "Klantcontactcentrum", None, "manager"),
    ("Ingrid Bakker", "i.bakker", "Teamleider Wonen", "Wonen", None, "eigenaar"),
    ("Yusuf Demir", "y.demir", "Medewerker Reparaties", "Vastgoed & Onderhoud", None, "keyuser"),
    ("Henk Visser", "h.visser", "Directeur-bestuurder", "Directie", None, "mt"),
    ("Eva Mulder", "e.mulder", "Klantadviseur", "Klantcontactcentrum", None, None),
    ("Daan de Boer", "d.deboer", "Woonconsulent", "Wonen", None, None),
    ("Fatima El Amrani", "f.elamrani", "Medewerker Debiteuren", "Financiën", None, None),
    ("Jeroen Kok", "j.kok", "Informatiemanager", "ICT & Informatievoorziening", None, None),
    ("Noor Hendriks", "n.hendriks", "Webredacteur", "Klantcontactcentrum", None, None),
    ("Pieter van Dijk", "p.vandijk", "Manager Wonen", "Wonen", None, None),
    ("Anouk Dekker", "a.dekker", "Kennismanager", "Klantcontactcentrum", None, None),
    ("Mehmet Yilmaz", "m.yilmaz", "Opzichter", "Vastgoed & Onderhoud", None, None),
    ("Kim Smeets", "k.smeets", "Manager Financiën", "Financiën", None, None),
    ("Bram Willems", "b.willems", "Klantadviseur", "Klantcontactcentrum", None, None),
    ("Lisa van Leeuwen", "l.vanleeuwen", "Privacy officer (FG)", "Directie", None, None),
    ("Thomas Peters", "t.peters", "Security officer", "ICT & Informatievoorziening", None, None),
    ("Sophie Meijer", "s.meijer", "Contractmanager", "Financiën", None, None),
    ("Rik Bos", "r.bos", "Systeembeheerder", "ICT & Informatievoorziening", None, None),
    ("Emma de Graaf", "e.degraaf", "Klantadviseur", "Klantcontactcentrum", None, None),
    (
        "Wouter Brouwer",
        "w.brouwer",
        "Functioneel beheerder",
        "ICT & Informatievoorziening",
        None,
        None,
    ),
    ("Laura Schouten", "l.schouten", "Woonconsulent", "Wonen", None, None),
    (
        "Niels Hoekstra",
        "n.hoekstra",
        "CRM-consultant",
        "ICT & Informatievoorziening",
        "KlantLink B.V.",
        None,
    ),
    (
        "Joost van der Berg",
        "j.vanderberg",
        "Technisch beheerder",
        "ICT & Informatievoorziening",
        "Flex IT Detachering",
        None,
    ),
    (
        "Maaike Koster",
        "m.koster",
        "Portal-ontwikkelaar",
        "ICT & Informatievoorziening",
        "PortaalWerk B.V.",
        None,
    ),
]
LEAVING_SOON = "Bram Willems"  # leaves in three weeks
INACTIVE_BUT_ASSIGNED = "Emma de Graaf"  # on long leave, still deputy somewhere
# role, holders, deputies. Deliberate risks: Privacy & Security has no deputy,
# Technisch beheer rests on an external, "Key user Overlast melden" is vacant,
# Sanne de Vries holds more than five roles.
ASSIGNMENTS = [
    ("Eigenaar Klantvolgsysteem", ["Ingrid Bakker"], ["Pieter van Dijk"]),
    ("Eigenaar Selfserviceprocessen", ["Pieter van Dijk"], ["Ingrid Bakker"]),
    ("Eigenaar Kennisbank", ["Anouk Dekker"], ["Eva Mulder"]),
    ("Eigenaar Website en Portal", ["Noor Hendriks"], ["Emma de Graaf"]),
    ("Key user", ["Eva Mulder", "Bram Willems"], ["Daan de Boer"]),
    ("Technisch beheer", ["Joost van der Berg"], ["Maaike Koster"]),
    ("Functioneel beheer", ["Sanne de Vries", "Wouter Brouwer"], ["Niels Hoekstra"]),
    ("Privacy & Security", ["Lisa van Leeuwen"], []),
    ("Leveranciersmanagement", ["Sophie Meijer"], ["Jeroen Kok"]),
    ("CRM-beheerder", ["Sanne de Vries"], ["Wouter Brouwer"]),
    ("CRM-manager", ["Marco Jansen"], ["Jeroen Kok"]),
    ("Key user Reparatieverzoek", ["Yusuf Demir"], ["Mehmet Yilmaz", "Sanne de Vries"]),
    ("Key user Huur opzeggen", ["Laura Schouten"], ["Sanne de Vries"]),
    ("Key user Inschrijving woningzoekende", ["Daan de Boer"], ["Sanne de Vries"]),
    ("Key user Betalingsregeling", ["Fatima El Amrani"], ["Sanne de Vries"]),
    ("Key user Overlast melden", [], []),
    # Seed 004's process owners: department heads; Reparatieverzoek's is vacant.
    ("Proceseigenaar Reparatieverzoek", [], []),
    ("Proceseigenaar Huur opzeggen", ["Pieter van Dijk"], ["Ingrid Bakker"]),
    ("Proceseigenaar Inschrijving woningzoekende", ["Ingrid Bakker"], ["Pieter van Dijk"]),
    ("Proceseigenaar Betalingsregeling", ["Kim Smeets"], ["Fatima El Amrani"]),
    ("Proceseigenaar Overlast melden", ["Pieter van Dijk"], ["Laura Schouten"]),
]
# Roles made per process (and per copy of the demo at a larger scale).
PER_PROCESS = ("Key user ", "Proceseigenaar ")


def _account(users: dict, persona: str | None, colleague: int | None, round_number: int):
    """The login of a demo person: a persona's (first copy only) or a colleague's."""
    if persona:
        return users.get(persona) if round_number == 1 else None
    if colleague is None:
        return None
    suffix = f"{colleague:02d}" if round_number == 1 else f"{colleague:02d}-{round_number}"
    return users.get(f"collega-{suffix}")


def _register(scale: int) -> dict[str, int]:
    today = timezone.localdate()
    created = {"people": 0, "roles": 0, "assignments": 0}
    ensure_default_structure(Component, Role, OrganisationSettings)
    OrganisationSettings.objects.update_or_create(pk=1, defaults=SETTINGS)
    suppliers = {}
    for name, (contact, email, sla) in SUPPLIERS.items():
        suppliers[name] = Supplier.objects.get_or_create(
            name=name, defaults={"contact_name": contact, "contact_email": email, "sla_notes": sla}
        )[0]
    departments = {name: Department.objects.get_or_create(name=name)[0] for name in DEPARTMENTS}
    components = {}
    for name, (supplier, agreements) in COMPONENT_DETAILS.items():
        component, _new = Component.objects.get_or_create(name=name)
        if not component.work_agreements:
            component.supplier = suppliers[supplier]
            component.work_agreements = agreements
            component.save()
        components[name] = component
    users = {
        u.username: u
        for u in get_user_model().objects.filter(
            Q(username__in=[p[5] for p in PEOPLE if p[5]]) | Q(username__startswith="collega-")
        )
    }
    # The demo colleagues' accounts belong to the people of the same name, so
    # that they can be invited by name (e.g. to a maturity self-assessment).
    colleague_number = {f"{first} {last}": n for n, (first, last, _g) in enumerate(COLLEAGUES, 1)}

    for round_number in range(1, scale + 1):
        suffix = "" if round_number == 1 else f" ({round_number})"
        mail_suffix = "" if round_number == 1 else f"+{round_number}"
        processes = {}
        for name, component, department in PROCESSES:
            processes[name] = ServiceProcess.objects.get_or_create(
                name=name + suffix,
                defaults={
                    "component": components[component],
                    "department": departments[department],
                },
            )[0]
            role, new = Role.objects.get_or_create(
                name=f"Key user {name}{suffix}",
                defaults={
                    "kind": Role.Kind.KEY_USER,
                    "component": components[component],
                    "service_process": processes[name],
                    "responsibilities": "Vraagbaak voor collega's, test wijzigingen in het proces, "
                    "verzamelt verbeterwensen van klanten.",
                },
            )
            created["roles"] += new
            _role, new = Role.objects.get_or_create(
                name=f"Proceseigenaar {name}{suffix}",
                defaults={
                    "kind": Role.Kind.PROCESS_OWNER,
                    "component": components[component],
                    "service_process": processes[name],
                    "responsibilities": "Eigenaar van het klantproces: bepaalt hoe het loopt, "
                    "bewaakt de kwaliteit en beslist over wijzigingen in het proces.",
                },
            )
            created["roles"] += new
        people = {}
        for name, local, title, department, supplier, username in PEOPLE:
            person, new = Person.objects.get_or_create(
                email=f"{local}{mail_suffix}@delinde.example",
                defaults={
                    "name": name + suffix,
                    "job_title": title,
                    "department": departments[department],
                    "is_external": supplier is not None,
                    "supplier": suppliers.get(supplier),
                    "user": _account(users, username, colleague_number.get(name), round_number),
                    "is_active": name != INACTIVE_BUT_ASSIGNED,
                    "leaving_date": today + timedelta(days=21) if name == LEAVING_SOON else None,
                },
            )
            created["people"] += new
            people[name] = person
        roles = {r.name: r for r in Role.objects.all()}
        for role_name, holders, deputies in ASSIGNMENTS:
            role = (
                roles.get(role_name + suffix)
                if role_name.startswith(PER_PROCESS)
                else roles.get(role_name)
            )
            if role is None:
                continue  # a default role the organisation deleted
            for kind, names in (
                (Assignment.Kind.HOLDER, holders),
                (Assignment.Kind.DEPUTY, deputies),
            ):
                for name in names:
                    person = people[name]
                    _assignment, new = Assignment.objects.get_or_create(
                        person=person,
                        role=role,
                        kind=kind,
                        defaults={
                            "start_date": today - timedelta(days=400),
                            "end_date": person.leaving_date,
                        },
                    )
                    created["assignments"] += new
    return created
