"""What a fresh install starts with: the twelve critical success factors of
multichannel management (in our own words, Dutch and English) and the usual
contact channels. Afterwards both are the beheerders' data."""

# key, theme, (name nl, name en), (explanation nl, explanation en)
FACTORS = [
    (
        "kanaalsturing",
        "channels",
        ("Kanaalsturing", "Channel steering"),
        (
            "Nieuwe kanalen vinden hun gebruikers niet vanzelf: gewoontes zijn taai. We bepalen "
            "welke kanalen voor welke vraag het meest effectief zijn en leiden klanten daar "
            "actief naartoe, met de instrumenten die daarvoor bestaan.",
            "New channels do not find their users by themselves: habits are persistent. We "
            "decide which channels work best for which request and actively guide customers "
            "towards them, using the instruments that exist for that.",
        ),
    ),
    (
        "kanaalgedrag",
        "channels",
        ("Inzicht in kanaalgedrag", "Insight into channel behaviour"),
        (
            "We weten welk kanaal klanten in welke situatie kiezen en hoe ze in de loop van de "
            "tijd tussen kanalen wisselen, en waarom. Dat meten we met webstatistieken, "
            "telefoonstatistieken, observatie aan de balie en gesprekken met klanten.",
            "We know which channel customers choose in which situation and how they switch "
            "between channels over time, and why. We measure it with web statistics, phone "
            "statistics, observation at the counter and conversations with customers.",
        ),
    ),
    (
        "doelgroepbenadering",
        "channels",
        ("Doelgroepbenadering", "Target-group approach"),
        (
            "We benaderen doelgroepen per kanaal op hun eigen manier. Organisaties die dat doen, "
            "zien het gebruik van hun online diensten groeien.",
            "We approach target groups on each channel in their own way. Organisations that do "
            "so see the use of their online services grow.",
        ),
    ),
    (
        "nieuwe-kanalen",
        "channels",
        ("Nieuwe kanalen", "New channels"),
        (
            "We volgen nieuwe kanalen zoals chat, berichtendiensten en sociale media, en "
            "beoordelen geregeld of het tijd is om ze in te zetten. Wat vandaag een speeltje "
            "lijkt, kan morgen het gewone kanaal zijn.",
            "We follow new channels such as chat, messaging and social media, and regularly "
            "judge whether it is time to use them. What looks like a gadget today may be the "
            "normal channel tomorrow.",
        ),
    ),
    (
        "strategie",
        "organisation",
        ("Werken vanuit een strategie", "Working from a strategy"),
        (
            "Een kanaalstrategie vertaalt de doelen voor de lange termijn naar de praktijk en "
            "vertelt iedereen waarom we ergens aan werken. Zonder strategie zien klanten weinig "
            "samenhang in onze dienstverlening; wie blanco begint, begint hier.",
            "A channel strategy turns long-term goals into practice and tells everyone why we "
            "work on something. Without one, customers see little coherence in our service; "
            "whoever starts from scratch starts here.",
        ),
    ),
    (
        "betrokkenheid-top",
        "organisation",
        ("Betrokkenheid van de top", "Commitment of top management"),
        (
            "Steun van de directie en het MT versnelt de invoering. Het verbeteren duurt lang, "
            "dus die betrokkenheid moet er ook na de start blijven, bijvoorbeeld doordat het MT "
            "met het beheerteam de KPI's vaststelt.",
            "Support from the board and the MT speeds up the introduction. Improvement takes a "
            "long time, so that commitment must last beyond the start, for instance by the MT "
            "setting the KPIs together with the beheerteam.",
        ),
    ),
    (
        "integrale-bedrijfsvoering",
        "organisation",
        ("Integrale bedrijfsvoering", "Integrated operations"),
        (
            "Kanalen, diensten, afdelingen en systemen hangen samen. Verbeteren begint vaak aan "
            "de voorkant, maar de backoffice moet meebewegen om de winst vast te houden; "
            "medewerkers kijken over de grenzen van hun afdeling heen.",
            "Channels, services, departments and systems are connected. Improvement often starts "
            "at the front office, but the back office must follow to keep the gains; staff look "
            "beyond the borders of their own department.",
        ),
    ),
    (
        "structuur-cultuur",
        "organisation",
        ("Organisatiestructuur en -cultuur", "Organisational structure and culture"),
        (
            "Structuur en cultuur veranderen mee. Weerstand nemen we serieus: medewerkers horen "
            "het vroeg, denken mee en hun kennis verbetert de dienstverlening.",
            "Structure and culture change along. We take resistance seriously: staff hear about "
            "changes early, contribute, and their knowledge improves the service.",
        ),
    ),
    (
        "architectuur",
        "it",
        ("Werken onder architectuur", "Working under architecture"),
        (
            "Een architectuur geeft principes, richtlijnen en standaarden die strategie, "
            "informatiestromen en systemen met elkaar verbinden, zodat veranderingen in "
            "samenhang gebeuren.",
            "An architecture provides principles, guidelines and standards that connect "
            "strategy, information flows and systems, so changes happen coherently.",
        ),
    ),
    (
        "synchronisatie",
        "it",
        ("Synchronisatie van informatie", "Synchronised information"),
        (
            "Klant- en contactgegevens worden tussen de kanalen gedeeld, zodat elk kanaal met "
            "dezelfde juiste informatie werkt: de website en het klantcontactcentrum zeggen "
            "hetzelfde.",
            "Customer and contact data are shared between the channels, so every channel works "
            "with the same correct information: the website and the contact centre say the "
            "same thing.",
        ),
    ),
    (
        "informatiekwaliteit",
        "it",
        ("Informatiekwaliteit", "Information quality"),
        (
            "Informatie is volledig, actueel, juist en relevant. Slechte informatie leidt tot "
            "fouten, ergernis en kosten om het te herstellen.",
            "Information is complete, current, correct and relevant. Poor information leads to "
            "mistakes, irritation and the cost of putting them right.",
        ),
    ),
    (
        "systeemkwaliteit",
        "it",
        ("Systeemkwaliteit", "System quality"),
        (
            "Systemen zijn snel, toegankelijk en betrouwbaar. Een systeem dat hapert kost "
            "klanten tijd en de organisatie haar imago; foutmeldingen op de website jagen "
            "bezoekers weg.",
            "Systems are fast, accessible and reliable. A faltering system costs customers time "
            "and the organisation its reputation; error messages on the website drive visitors "
            "away.",
        ),
    ),
]

# name, digital, colour (all pass a 3:1 contrast against white in charts)
CHANNELS = [
    ("Website en portaal", True, "#0f4c81"),
    ("E-mail", True, "#2e7d32"),
    ("Telefoon", False, "#b3261e"),
    ("Balie", False, "#8a5300"),
    ("Chat", True, "#6a1b9a"),
    ("Sociale media", True, "#00695c"),
    ("App", True, "#37474f"),
]


def ensure_defaults(SuccessFactor, Channel) -> bool:
    """Create the factors and channels on an empty install only. Takes the model
    classes so a data migration can pass its historical models."""
    created = False
    if not SuccessFactor.objects.exists():
        for order, (key, theme, names, explanations) in enumerate(FACTORS, start=1):
            SuccessFactor.objects.create(
                key=key,
                theme=theme,
                order=order,
                name_nl=names[0],
                name_en=names[1],
                explanation_nl=explanations[0],
                explanation_en=explanations[1],
            )
        created = True
    if not Channel.objects.exists():
        for order, (name, digital, colour) in enumerate(CHANNELS, start=1):
            Channel.objects.create(name=name, is_digital=digital, order=order, colour=colour)
        created = True
    return created
