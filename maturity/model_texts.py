"""The maturity model a fresh install starts from, in our own words after the
TOPdesk service-delivery maturity model: five cumulative levels, five dimensions,
and per dimension three statements for each of the levels 2 to 5.

Texts are data: the data migration copies them into the database, where
beheerders edit them. Each text is (Dutch, English).
"""

LEVELS = [
    (
        1,
        ("Kostenplaats", "Cost centre"),
        (
            "Afdelingen werken los van elkaar, elk met eigen middelen; er wordt vooral gereageerd "
            "op problemen en op kosten gestuurd.",
            "Departments work apart, each with their own tools; they mostly react to problems and "
            "steer on cost.",
        ),
    ),
    (
        2,
        ("Beheerste dienstverlening", "Controlled service delivery"),
        (
            "Processen, afspraken en verantwoordelijken zijn vastgelegd; KPI's sturen het dagelijks "
            "werk en er is een dienstencatalogus.",
            "Processes, agreements and owners are set down; KPIs steer daily work and there is a "
            "service catalogue.",
        ),
    ),
    (
        3,
        ("Klantgerichtheid", "Customer focus"),
        (
            "Afdelingen werken samen vanuit één strategie en één gedeeld systeem; klantfeedback "
            "wordt gemeten en gebruikt om te verbeteren.",
            "Departments work together from one strategy and one shared system; customer feedback "
            "is measured and used to improve.",
        ),
    ),
    (
        4,
        ("Zakelijke samenwerking", "Business collaboration"),
        (
            "Dienstverlening en organisatiestrategie vormen één geheel; jaardoelen volgen uit de "
            "klantbeleving en processen lopen van begin tot eind over kanalen heen.",
            "Service delivery and business strategy are one; yearly goals follow from the customer "
            "experience and processes run end to end across channels.",
        ),
    ),
    (
        5,
        ("Businesspartner", "Business partner"),
        (
            "De dienstverlening is een erkende waardebron; medewerkers zijn proactief, "
            "experimenteren en verbeteren doorlopend vanuit wat klanten willen.",
            "Service delivery is a recognised source of value; staff are proactive, experiment and "
            "keep improving from what customers want.",
        ),
    ),
]

# key, name, question, low end, high end
DIMENSIONS = [
    (
        "people",
        ("Mensen & cultuur", "People & culture"),
        (
            "Hoe gaan mensen met hun werk, met elkaar en met verandering om?",
            "How do people handle their work, each other and change?",
        ),
        (
            "Reactief; conflicten en fouten worden vermeden.",
            "Reactive; conflict and mistakes are avoided.",
        ),
        (
            "Proactief; mensen nemen initiatief en creëren waarde.",
            "Proactive; people take the initiative and create value.",
        ),
    ),
    (
        "process",
        ("Processen", "Processes"),
        ("Hoe zijn de processen ingericht?", "How are the processes set up?"),
        (
            "Elke afdeling lost zaken op eigen wijze en achteraf op.",
            "Each department solves things its own way, after the fact.",
        ),
        (
            "Wendbare processen, ingericht vanuit wat de klant vraagt.",
            "Agile processes, shaped by what the customer asks.",
        ),
    ),
    (
        "integration",
        ("Integratie & automatisering", "Integration & automation"),
        ("Welke technologie ondersteunt het werk?", "What technology supports the work?"),
        (
            "Alleen basismiddelen, zoals e-mail en een meldingenlijst.",
            "Basic tools only, such as e-mail and a list of incidents.",
        ),
        (
            "Systemen werken naadloos samen en herhaalwerk is geautomatiseerd.",
            "Systems work together seamlessly and repetitive work is automated.",
        ),
    ),
    (
        "customer",
        ("Klant", "Customer"),
        (
            "Hoe staat de organisatie in contact met de klant?",
            "How does the organisation stay in touch with the customer?",
        ),
        (
            "Traditionele kanalen: telefoon, e-mail, balie.",
            "Traditional channels: phone, e-mail, desk.",
        ),
        (
            "De klantreis is in kaart en mensen, processen en techniek zorgen samen voor één beleving.",
            "The customer journey is mapped; people, processes and technology give one experience.",
        ),
    ),
    (
        "supplier",
        ("Leverancier", "Supplier"),
        (
            "Hoe werkt de organisatie samen met leveranciers?",
            "How does the organisation work with suppliers?",
        ),
        (
            "Weinig contact en weinig zicht op wat leveranciers doen.",
            "Little contact and little insight into what suppliers do.",
        ),
        (
            "Een langdurige relatie met goede samenwerking en gekoppelde systemen.",
            "A long-term relationship with close cooperation and connected systems.",
        ),
    ),
]

# dimension key -> level -> three statements (Dutch, English)
STATEMENTS = {
    "people": {
        2: [
            (
                "Iedereen weet wie waarvoor verantwoordelijk is in de dienstverlening.",
                "Everyone knows who is responsible for what in service delivery.",
            ),
            (
                "Nieuwe medewerkers krijgen een vaste inwerkroute voor de systemen en afspraken.",
                "New staff follow a set induction for the systems and agreements.",
            ),
            (
                "Fouten en klachten worden besproken om ervan te leren, niet om schuld te zoeken.",
                "Mistakes and complaints are discussed to learn, not to blame.",
            ),
        ],
        3: [
            (
                "Medewerkers van verschillende afdelingen lossen klantvragen samen op.",
                "Staff from different departments solve customer questions together.",
            ),
            (
                "Medewerkers kennen de klantdoelen van de organisatie en werken ernaar.",
                "Staff know the organisation's customer goals and work towards them.",
            ),
            (
                "Key users worden betrokken bij elke wijziging in hun proces.",
                "Key users are involved in every change to their process.",
            ),
        ],
        4: [
            (
                "Het management bespreekt de resultaten van de dienstverlening structureel.",
                "Management discusses service-delivery results as a standing item.",
            ),
            (
                "Teams hebben ruimte om werkwijzen zelf te verbeteren.",
                "Teams are free to improve their ways of working themselves.",
            ),
            (
                "Medewerkers worden beoordeeld op klantresultaat, niet alleen op productie.",
                "Staff are appraised on customer results, not on output alone.",
            ),
        ],
        5: [
            (
                "Medewerkers dragen zelf verbeteringen aan en voeren ze uit.",
                "Staff propose improvements themselves and carry them out.",
            ),
            (
                "Er is ruimte om nieuwe ideeën kleinschalig uit te proberen.",
                "There is room to try new ideas on a small scale.",
            ),
            (
                "De dienstverlening wordt binnen de organisatie gezien als partner van de directie.",
                "Inside the organisation, service delivery is seen as a partner of the board.",
            ),
        ],
    },
    "process": {
        2: [
            (
                "De belangrijkste processen zijn beschreven en iedereen werkt ermee.",
                "The main processes are described and everyone works with them.",
            ),
            (
                "Er is een dienstencatalogus die klanten kunnen inzien.",
                "There is a service catalogue that customers can see.",
            ),
            (
                "Afspraken over doorlooptijden zijn vastgelegd en worden gemeten.",
                "Agreed lead times are set down and measured.",
            ),
        ],
        3: [
            (
                "Processen zijn over afdelingen heen op elkaar afgestemd.",
                "Processes are aligned across departments.",
            ),
            (
                "Klantfeedback leidt aantoonbaar tot aanpassingen in processen.",
                "Customer feedback demonstrably leads to changes in processes.",
            ),
            (
                "Er is een vaste werkwijze voor het doorvoeren van wijzigingen.",
                "There is a set way of carrying out changes.",
            ),
        ],
        4: [
            (
                "Processen lopen van klantvraag tot afhandeling door, over alle kanalen.",
                "Processes run from customer request to completion, across all channels.",
            ),
            (
                "Jaardoelen voor de dienstverlening volgen uit de klantbeleving.",
                "Yearly service goals follow from the customer experience.",
            ),
            (
                "Een vast team verbetert processen doorlopend in korte stappen.",
                "A standing team keeps improving processes in short steps.",
            ),
        ],
        5: [
            (
                "Processen worden ontworpen samen met klanten.",
                "Processes are designed together with customers.",
            ),
            (
                "Verbeteringen worden getest en op resultaat beoordeeld voordat ze breed gaan.",
                "Improvements are tested and judged on results before they go wide.",
            ),
            (
                "Processen passen zich snel aan nieuwe klantbehoeften aan.",
                "Processes adapt quickly to new customer needs.",
            ),
        ],
    },
    "integration": {
        2: [
            (
                "Alle klantcontacten worden in één klantvolgsysteem vastgelegd.",
                "All customer contacts are recorded in one customer tracking system.",
            ),
            (
                "Meldingen en verzoeken worden in een systeem geregistreerd en gevolgd.",
                "Requests and incidents are registered and tracked in a system.",
            ),
            (
                "Rapportages over volumes en doorlooptijden komen uit het systeem.",
                "Reports on volumes and lead times come from the system.",
            ),
        ],
        3: [
            (
                "Afdelingen werken in één gedeeld systeem voor de dienstverlening.",
                "Departments work in one shared service-delivery system.",
            ),
            (
                "Het klantportaal is gekoppeld aan het klantvolgsysteem.",
                "The customer portal is linked to the customer tracking system.",
            ),
            (
                "De kennisbank wordt zowel door medewerkers als door klanten gebruikt.",
                "The knowledge base is used by staff and customers alike.",
            ),
        ],
        4: [
            (
                "Gegevens hoeven maar één keer te worden ingevoerd.",
                "Data has to be entered only once.",
            ),
            (
                "Selfserviceprocessen worden zonder handwerk afgehandeld.",
                "Self-service processes are handled without manual work.",
            ),
            (
                "Dashboards tonen actuele KPI's aan management en teams.",
                "Dashboards show current KPIs to management and teams.",
            ),
        ],
        5: [
            ("Terugkerende taken zijn geautomatiseerd.", "Recurring tasks are automated."),
            (
                "Systemen wisselen gegevens automatisch uit met die van partners.",
                "Systems exchange data automatically with those of partners.",
            ),
            (
                "Nieuwe technologie wordt gericht verkend op waarde voor klanten.",
                "New technology is explored deliberately for its value to customers.",
            ),
        ],
    },
    "customer": {
        2: [
            (
                "Klanten kunnen ons via meerdere kanalen bereiken met vaste openingstijden.",
                "Customers can reach us through several channels with set opening hours.",
            ),
            (
                "Klanten krijgen een bevestiging en een termijn bij elke vraag.",
                "Customers get a confirmation and a time frame for every question.",
            ),
            (
                "Klanttevredenheid wordt periodiek gemeten.",
                "Customer satisfaction is measured periodically.",
            ),
        ],
        3: [
            (
                "Klanten kunnen veelgevraagde zaken zelf online regelen.",
                "Customers can arrange common matters online themselves.",
            ),
            (
                "Elke medewerker ziet de eerdere contacten van de klant.",
                "Every employee sees the customer's earlier contacts.",
            ),
            (
                "Uitkomsten van klantmetingen worden met de teams besproken.",
                "Customer survey results are discussed with the teams.",
            ),
        ],
        4: [
            (
                "De klantreis van de belangrijkste processen is in kaart gebracht.",
                "The customer journey of the main processes is mapped.",
            ),
            (
                "Klanten kunnen van kanaal wisselen zonder opnieuw te beginnen.",
                "Customers can switch channels without starting again.",
            ),
            (
                "Kanaalkeuze van klanten wordt gevolgd en gestuurd.",
                "Customers' choice of channel is monitored and steered.",
            ),
        ],
        5: [
            (
                "Klanten denken structureel mee over de dienstverlening.",
                "Customers take part in shaping service delivery as a matter of course.",
            ),
            (
                "We benaderen klanten proactief voordat zij ons nodig hebben.",
                "We approach customers proactively before they need us.",
            ),
            (
                "De dienstverlening wordt persoonlijk afgestemd op de klantsituatie.",
                "Service is tailored personally to the customer's situation.",
            ),
        ],
    },
    "supplier": {
        2: [
            (
                "Met elke leverancier zijn afspraken (SLA) vastgelegd.",
                "Agreements (an SLA) are set down with every supplier.",
            ),
            (
                "Er is één aanspreekpunt voor elke leverancier.",
                "There is one point of contact for each supplier.",
            ),
            (
                "Storingen bij leveranciers worden geregistreerd en opgevolgd.",
                "Supplier incidents are registered and followed up.",
            ),
        ],
        3: [
            (
                "Leveranciers worden periodiek beoordeeld op hun prestaties.",
                "Suppliers are reviewed on their performance periodically.",
            ),
            (
                "Leveranciers worden betrokken bij verbeteringen voor klanten.",
                "Suppliers are involved in improvements for customers.",
            ),
            (
                "Releases van leveranciers worden samen gepland en getest.",
                "Supplier releases are planned and tested together.",
            ),
        ],
        4: [
            (
                "Met de belangrijkste leveranciers is een gezamenlijke roadmap.",
                "There is a joint roadmap with the main suppliers.",
            ),
            (
                "Systemen van leveranciers zijn gekoppeld aan die van ons.",
                "Suppliers' systems are linked to ours.",
            ),
            (
                "Afspraken met leveranciers sturen op klantresultaat.",
                "Agreements with suppliers steer on customer results.",
            ),
        ],
        5: [
            (
                "Leveranciers zijn langdurige partners in innovatie.",
                "Suppliers are long-term partners in innovation.",
            ),
            (
                "Gegevens en kennis worden open met leveranciers gedeeld.",
                "Data and knowledge are shared openly with suppliers.",
            ),
            (
                "Samen met leveranciers worden nieuwe diensten ontwikkeld.",
                "New services are developed together with suppliers.",
            ),
        ],
    },
}


def ensure_default_model(Level, Dimension, Statement) -> bool:
    """Create the default model on an empty install only; afterwards it is the
    beheerders' data. Takes the model classes so the data migration can pass its
    historical models. Returns whether anything was created."""
    if Dimension.objects.exists():
        return False
    for number, (name_nl, name_en), (description_nl, description_en) in LEVELS:
        Level.objects.create(
            number=number,
            name_nl=name_nl,
            name_en=name_en,
            description_nl=description_nl,
            description_en=description_en,
        )
    for order, (key, names, questions, lows, highs) in enumerate(DIMENSIONS, start=1):
        dimension = Dimension.objects.create(
            key=key,
            order=order,
            name_nl=names[0],
            name_en=names[1],
            question_nl=questions[0],
            question_en=questions[1],
            low_nl=lows[0],
            low_en=lows[1],
            high_nl=highs[0],
            high_en=highs[1],
        )
        for level, texts in STATEMENTS[key].items():
            for position, (text_nl, text_en) in enumerate(texts, start=1):
                Statement.objects.create(
                    dimension=dimension,
                    level=level,
                    order=position,
                    text_nl=text_nl,
                    text_en=text_en,
                )
    return True
