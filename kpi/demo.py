"""Demo data for success factors and KPIs, dated back from today so the
dashboard always looks current: a year of factor reviews, eight KPIs with two
years of monthly values (some on track, some not, one stale) and two years of
contact volumes in which the phone gives way to the portal."""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from beheer.models import Department, Person, ServiceProcess
from kpi import services
from kpi.defaults import ensure_defaults
from kpi.models import Channel, ContactVolume, FactorReview, Kpi, Measurement, SuccessFactor

S = FactorReview.Status
# factor key -> status a year ago, 9, 6 and 3 months ago
FACTOR_PATHS = {
    "kanaalsturing": (S.NOT_PRESENT, S.DEVELOPING, S.DEVELOPING, S.PRESENT),
    "kanaalgedrag": (S.DEVELOPING, S.PRESENT, S.PRESENT, S.ANCHORED),
    "doelgroepbenadering": (S.NOT_PRESENT, S.NOT_PRESENT, S.DEVELOPING, S.DEVELOPING),
    "nieuwe-kanalen": (S.DEVELOPING, S.PRESENT, S.PRESENT, S.ANCHORED),
    "strategie": (S.PRESENT, S.PRESENT, S.ANCHORED, S.ANCHORED),
    "betrokkenheid-top": (S.DEVELOPING, S.DEVELOPING, S.PRESENT, S.PRESENT),
    "integrale-bedrijfsvoering": (S.NOT_PRESENT, S.DEVELOPING, S.DEVELOPING, S.DEVELOPING),
    "structuur-cultuur": (S.DEVELOPING, S.DEVELOPING, S.DEVELOPING, S.PRESENT),
    "architectuur": (S.NOT_PRESENT, S.NOT_PRESENT, S.NOT_PRESENT, S.NOT_PRESENT),
    "synchronisatie": (S.DEVELOPING, S.PRESENT, S.PRESENT, S.PRESENT),
    "informatiekwaliteit": (S.DEVELOPING, S.DEVELOPING, S.PRESENT, S.PRESENT),
    "systeemkwaliteit": (S.PRESENT, S.PRESENT, S.ANCHORED, S.ANCHORED),
}
ACTIONS = {
    "kanaalsturing": "Telefoonmenu verwijst naar het portaal voor reparatieverzoeken",
    "doelgroepbenadering": "Doelgroepen per kanaal beschrijven met Wonen en Klantcontact",
    "integrale-bedrijfsvoering": "Terugbelafspraken met Vastgoed & Onderhoud vastleggen",
    "architectuur": "Kanaalarchitectuur opstellen met ICT & Informatievoorziening",
    "betrokkenheid-top": "MT sluit elk kwartaal aan bij het beheeroverleg",
    "informatiekwaliteit": "Kennisbankartikelen ouder dan een jaar laten herzien",
}
# What a review found, per status: the demo takes a different one per factor and
# quarter, so the history reads like a year of real reviews.
EVIDENCE = {
    S.NOT_PRESENT: (
        "Nog geen afspraken of eigenaar; in het beheeroverleg van {day} als knelpunt benoemd.",
        "Werkt per afdeling anders; niemand stuurt erop. Eerste inventarisatie nodig.",
        "Alleen losse initiatieven van medewerkers; niets vastgelegd.",
    ),
    S.DEVELOPING: (
        "Werkgroep gestart op {day}; eerste afspraken op papier, nog niet overal toegepast.",
        "Pilot bij Wonen loopt; Klantcontact volgt na de zomer.",
        "Aanpak beschreven en besproken met de key users; meting ontbreekt nog.",
        "Half ingevoerd: het portaal is klaar, de telefonie nog niet.",
    ),
    S.PRESENT: (
        "Afspraken vastgelegd in het werkproces en in de kennisbank; key users bevestigen "
        "dat ze worden gevolgd.",
        "Sinds {day} in gebruik bij alle teams; de KPI laat verbetering zien.",
        "Werkt in de praktijk; nog afhankelijk van één persoon (zie borging).",
    ),
    S.ANCHORED: (
        "Staat in de jaarplanning en wordt elk kwartaal in het beheeroverleg gemeten.",
        "Geborgd in de beheermatrix en de rolkaarten; audit van {day} zonder bevindingen.",
    ),
}
# The next step after a review, per status (for factors without one of their own).
NEXT_STEPS = {
    S.NOT_PRESENT: ("Eigenaar aanwijzen en huidige werkwijze inventariseren",),
    S.DEVELOPING: (
        "Afspraken vastleggen in het werkproces",
        "Pilot evalueren met de key users",
        "Meetpunt afspreken en nulmeting doen",
    ),
    S.PRESENT: ("Afspraken opnemen in de jaarplanning", "Vervanger inwerken"),
    S.ANCHORED: ("Jaarlijkse toets plannen in het beheeroverleg",),
}
# name, source, channel, unit, direction, baseline, target, tolerance, frequency,
# factor keys, owner, department, start value, end value (two years later), months old
KPIS = [
    (
        "Aandeel digitale contacten",
        Kpi.Source.DIGITAL_SHARE,
        None,
        "%",
        "higher",
        45,
        65,
        5,
        "monthly",
        ("kanaalsturing", "kanaalgedrag"),
        "Marco Jansen",
        "Klantcontactcentrum",
        None,
        None,
        0,
    ),
    (
        "Telefonische contacten per maand",
        Kpi.Source.CHANNEL_CONTACTS,
        "Telefoon",
        "contacten",
        "lower",
        9000,
        6000,
        800,
        "monthly",
        ("kanaalsturing",),
        "Marco Jansen",
        "Klantcontactcentrum",
        None,
        None,
        0,
    ),
    (
        "Klanttevredenheid klantcontact",
        Kpi.Source.MANUAL,
        None,
        "cijfer",
        "higher",
        7.1,
        7.5,
        0.2,
        "monthly",
        ("kanaalgedrag", "betrokkenheid-top"),
        "Marco Jansen",
        "Klantcontactcentrum",
        7.1,
        7.7,
        0,
    ),
    (
        "Reparatieverzoeken via het portaal",
        Kpi.Source.MANUAL,
        None,
        "%",
        "higher",
        40,
        70,
        5,
        "monthly",
        ("kanaalsturing", "doelgroepbenadering"),
        "Yusuf Demir",
        "Vastgoed & Onderhoud",
        40,
        57,
        0,
    ),
    (
        "Doorlooptijd wijzigingsverzoeken CRM",
        Kpi.Source.MANUAL,
        None,
        "dagen",
        "lower",
        18,
        10,
        3,
        "monthly",
        ("integrale-bedrijfsvoering", "systeemkwaliteit"),
        "Sanne de Vries",
        "ICT & Informatievoorziening",
        18,
        12,
        0,
    ),
    (
        "Beschikbaarheid klantportaal",
        Kpi.Source.MANUAL,
        None,
        "%",
        "higher",
        99.2,
        99.5,
        0.3,
        "monthly",
        ("systeemkwaliteit",),
        "Jeroen Kok",
        "ICT & Informatievoorziening",
        99.3,
        99.8,
        0,
    ),
    (
        "Actuele kennisbankartikelen",
        Kpi.Source.MANUAL,
        None,
        "%",
        "higher",
        70,
        90,
        5,
        "quarterly",
        ("informatiekwaliteit", "synchronisatie"),
        "Anouk Dekker",
        "Klantcontactcentrum",
        70,
        82,
        8,
    ),
    (
        "Eerste-contactoplossing Wonen",
        Kpi.Source.MANUAL,
        None,
        "%",
        "higher",
        68,
        80,
        5,
        "monthly",
        ("integrale-bedrijfsvoering", "structuur-cultuur"),
        "Ingrid Bakker",
        "Wonen",
        68,
        77,
        0,
    ),
]
MEASURED = {"monthly": "per maand", "quarterly": "per kwartaal", "yearly": "per jaar"}
# channel -> contacts a month two years ago and now (0: not open yet), months open
VOLUMES = {
    "Website en portaal": (5000, 8600, None),
    "E-mail": (2600, 2000, None),
    "Telefoon": (9200, 6400, None),
    "Balie": (1600, 900, None),
    "Chat": (300, 950, 14),
    "Sociale media": (200, 420, None),
    "App": (150, 600, 8),
}
# Share of the phone and portal contacts that are about repairs.
REPAIR_SHARE = {"Telefoon": 0.3, "Website en portaal": 0.25}


def _months_back(today: date, count: int) -> list[date]:
    """The first days of the last `count` complete months, oldest first."""
    month = today.replace(day=1)
    months = []
    for _ in range(count):
        month = (month - timedelta(days=1)).replace(day=1)
        months.append(month)
    return months[::-1]


def load(*, scale: int = 1) -> dict[str, int]:
    created = ensure_defaults(SuccessFactor, Channel)
    today = timezone.localdate()
    chance = random.Random("kpi-demo")  # the same demo every time
    people = {p.name: p for p in Person.objects.all()}
    reviews = _factor_reviews(today, people, chance)
    months = _months_back(today, 24 if scale == 1 else 36)
    volumes = _volumes(months, chance)
    kpis, measurements = 0, 0
    for copy in range(1, scale + 1):
        for spec in KPIS:
            made, count = _kpi(spec, copy, months, people, chance)
            kpis += made
            measurements += count
    services.recompute_channel_kpis()
    return {
        "defaults created": int(created),
        "factor reviews": reviews,
        "KPIs": kpis,
        "measurements": measurements,
        "contact volumes": volumes,
    }


def _pick(options: tuple, index: int) -> str:
    return options[index % len(options)]


def _factor_reviews(today, people, chance) -> int:
    """A year of reviews per factor; each review's next step is an action in the
    register: the latest review's still open (some of them overdue), earlier
    ones done by the next review."""
    from governance.models import Action

    if FactorReview.objects.exists():
        return 0
    owners = [
        people.get(n) for n in ("Marco Jansen", "Sanne de Vries", "Jeroen Kok", "Ingrid Bakker")
    ]
    reviews, steps = [], []
    for factor in SuccessFactor.objects.all():
        path = FACTOR_PATHS.get(factor.key)
        if path is None:
            continue
        owner = owners[factor.order % len(owners)]
        for step, status in enumerate(path):
            day = today - timedelta(days=365 - step * 91)
            reviews.append(
                FactorReview(
                    factor=factor,
                    date=day,
                    status=status,
                    evidence=_pick(EVIDENCE[status], factor.order + step).format(
                        day=f"{day:%d-%m-%Y}"
                    ),
                    owner=owner,
                )
            )
            # The latest actions of some factors are overdue.
            due = day + timedelta(days=60 if chance.random() < 0.3 else 120)
            next_review = day + timedelta(days=91) if step < len(path) - 1 else None
            # A factor's own action is its latest step; earlier steps are generic.
            own = ACTIONS.get(factor.key) if step == len(path) - 1 else None
            title = own or _pick(NEXT_STEPS[status], factor.order + step)
            steps.append((title, due, next_review))
    FactorReview.objects.bulk_create(reviews)
    Action.objects.bulk_create(
        Action(
            source=Action.Source.FACTOR_REVIEW,
            title=title,
            owner=review.owner,
            due_date=due,
            status=Action.Status.DONE if next_review else Action.Status.OPEN,
            done_on=next_review,
            factor_review=review,
            success_factor=review.factor,
        )
        for review, (title, due, next_review) in zip(reviews, steps, strict=True)
    )
    return len(reviews)


def _volumes(months, chance) -> int:
    if ContactVolume.objects.exists():
        return 0
    channels = {c.name: c for c in Channel.objects.all()}
    repairs = ServiceProcess.objects.filter(name="Reparatieverzoek").first()
    rows = []
    for index, month in enumerate(months):
        progress = index / max(len(months) - 1, 1)
        for name, (start, end, open_months) in VOLUMES.items():
            channel = channels.get(name)
            if channel is None or (open_months and index < len(months) - open_months):
                continue
            contacts = int((start + (end - start) * progress) * chance.uniform(0.93, 1.07))
            rows.append(ContactVolume(channel=channel, month=month, contacts=contacts))
            if repairs and name in REPAIR_SHARE:
                rows.append(
                    ContactVolume(
                        channel=channel,
                        month=month,
                        service_process=repairs,
                        contacts=int(contacts * REPAIR_SHARE[name]),
                    )
                )
    ContactVolume.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _kpi(spec, copy, months, people, chance) -> tuple[int, int]:
    (
        name,
        source,
        channel,
        unit,
        direction,
        baseline,
        target,
        tolerance,
        frequency,
        factor_keys,
        owner,
        department,
        start,
        end,
        months_old,
    ) = spec
    if copy > 1:
        name = f"{name} ({copy})"
    if Kpi.objects.filter(name=name).exists():
        return 0, 0
    today = timezone.localdate()
    kpi = Kpi.objects.create(
        name=name,
        description=f"Vastgesteld met het MT; gemeten {MEASURED[frequency]}.",
        source=source,
        channel=Channel.objects.filter(name=channel).first() if channel else None,
        unit=unit,
        direction=direction,
        baseline=Decimal(str(baseline)),
        target=Decimal(str(target)),
        tolerance=Decimal(str(tolerance)),
        frequency=frequency,
        deadline=date(today.year + 1, 12, 31),
        owner=people.get(owner),
        department=Department.objects.filter(name=department).first(),
    )
    kpi.factors.set(SuccessFactor.objects.filter(key__in=factor_keys))
    if start is None:
        return 1, 0  # measured from the channel statistics
    step = 3 if frequency == Kpi.Frequency.QUARTERLY else 1  # quarters start in months 1, 4, ...
    usable = months[:-months_old] if months_old else months
    kept = [m for m in usable if step == 1 or m.month % 3 == 1]
    rows = []
    for index, month in enumerate(kept):
        progress = index / max(len(kept) - 1, 1)
        value = start + (end - start) * progress + chance.uniform(-0.02, 0.02) * abs(end - start)
        rows.append(
            Measurement(
                kpi=kpi,
                date=month,
                value=Decimal(str(round(value, 2))),
                source="Rapportage klantvolgsysteem",
            )
        )
    Measurement.objects.bulk_create(rows)
    return 1, len(rows)
