"""The courses a fresh install proposes, in our own words after seed 002: per
default component a first (basic) training and the second, deeper one a few
months later, and the key-user training every key user needs. Afterwards they
are the organisation's data: rename, change, add or retire them."""

# The four default components (beheer.defaults) -> the roles that need its basic training.
COMPONENTS = {
    "Klantvolgsysteem": ("Eigenaar Klantvolgsysteem", "CRM-beheerder", "Functioneel beheer"),
    "Selfserviceprocessen": ("Eigenaar Selfserviceprocessen",),
    "Kennisbank": ("Eigenaar Kennisbank",),
    "Website en Portal": ("Eigenaar Website en Portal",),
}
BASIC = (
    "Basistraining {name}",
    "De eerste kennismaking: waarom de organisatie {name} gebruikt, welke werkafspraken "
    "er gelden en hoe je de handelingen van elke dag uitvoert.",
)
ADVANCED = (
    "Verdiepingstraining {name}",
    "De tweede training, een paar maanden na de eerste: nu het dagelijks werk bekend is, "
    "leer je sneller zoeken, slimmer vastleggen en meer uit {name} halen.",
)
KEY_USER = (
    "Key-usertraining",
    "Voor key users: wensen uit de praktijk ophalen en helder beschrijven, releases testen "
    "en vastleggen wat je vond, en collega's op weg helpen.",
)


def ensure_default_courses(Course, Component, Role) -> None:
    """Create the default courses that are missing; leave existing ones alone.
    Takes the model classes so that the data migration can pass its historical
    models."""
    components = {c.name: c for c in Component.objects.filter(name__in=COMPONENTS)}
    roles = {r.name: r for r in Role.objects.all()}
    for name, role_names in COMPONENTS.items():
        component = components.get(name)
        if component is None:
            continue  # deleted or renamed before this app arrived
        for kind, (title, description), needed_by in (
            ("basic", BASIC, role_names),
            ("advanced", ADVANCED, ()),
        ):
            course, created = Course.objects.get_or_create(
                name=title.format(name=name),
                defaults={
                    "kind": kind,
                    "component": component,
                    "description": description.format(name=name),
                },
            )
            if created:
                course.required_for_roles.set([roles[r] for r in needed_by if r in roles])
    Course.objects.get_or_create(
        name=KEY_USER[0],
        defaults={"kind": "key_user", "description": KEY_USER[1], "required_for_kind": "key_user"},
    )
