"""The demo's wishes, releases, contracts and quick references: texts in our own
words after seeds 000, 002 and 004, as a Dutch housing corporation writes them."""

# Wish: (title, what should change, why, service process or None, urgency,
#        submitter's username, days ago submitted, what became of it)
# What became of it: ("submitted",), ("question", text), ("review", priority),
# ("rejected", reason), ("release", key, priority), ("config", priority, days
# ahead planned or None), ("config_test", priority), ("config_live", priority,
# days ago live). Priorities: 1 must, 2 should, 3 could, 4 won't (this time).
WISHES = {
    "Klantvolgsysteem": [
        (
            "Huurcontractnummer tonen in het klantbeeld",
            "Zet het nummer van het huurcontract bovenaan het klantbeeld, naast het adres.",
            "Bij bijna elk telefoontje vragen we het contractnummer op in de huuradministratie. "
            "Dat kost de klant en ons tijd.",
            None,
            "normal",
            "collega-01",
            75,
            ("release", "crm-done", 1),
        ),
        (
            "Sjabloon voor een terugbelverzoek",
            "Een vast sjabloon met de velden naam, telefoonnummer, onderwerp en beste tijd.",
            "Terugbelverzoeken worden nu als vrije notitie vastgelegd en raken zoek.",
            None,
            "high",
            "keyuser",
            170,
            ("config_live", 1, 150),
        ),
        (
            "Zoeken op postcode en huisnummer",
            "Een zoekveld dat postcode en huisnummer samen accepteert, bijvoorbeeld 1234 AB 12.",
            "Klanten noemen vaak eerst hun adres. Zoeken op naam geeft bij veelvoorkomende "
            "namen een lange lijst.",
            None,
            "normal",
            "collega-05",
            62,
            ("release", "crm-done", 1),
        ),
        (
            "Contactmoment automatisch koppelen aan een e-mail",
            "Een ingekomen e-mail van een bekend adres komt als contactmoment bij de klant.",
            "Nu kopiëren we e-mails met de hand naar het dossier, en dat vergeten we soms.",
            None,
            "normal",
            "manager",
            55,
            ("release", "crm-done", 2),
        ),
        (
            "Dubbele klanten samenvoegen",
            "Een functie om twee klantrecords van dezelfde persoon samen te voegen, met "
            "behoud van alle contactmomenten.",
            "Na de migratie staan sommige huurders er twee keer in; collega's zien dan maar "
            "de helft van de geschiedenis.",
            None,
            "high",
            "eigenaar",
            40,
            ("release", "crm-next", 1),
        ),
        (
            "Veld 'voorkeurskanaal' toevoegen",
            "Leg per klant vast hoe die het liefst benaderd wordt: telefoon, e-mail, brief "
            "of portaal.",
            "Past bij het kanaalbeleid: we willen klanten bereiken via het kanaal dat zij kiezen.",
            None,
            "low",
            "collega-07",
            50,
            ("release", "crm-done", 3),
        ),
        (
            "Overzicht openstaande terugbelverzoeken per team",
            "Een lijst van terugbelverzoeken die nog open staan, per team en met de leeftijd.",
            "Teamleiders zien nu niet wat er blijft liggen.",
            None,
            "normal",
            "collega-10",
            9,
            (
                "question",
                "Bedoel je alle teams, of alleen de teams van Klantcontact? En "
                "hoe vaak wil je het overzicht zien?",
            ),
        ),
        (
            "Verplicht veld 'reden contact' laten vervallen",
            "Maak het veld 'reden contact' optioneel.",
            "Het kost tijd tijdens het gesprek.",
            None,
            "low",
            "collega-02",
            65,
            (
                "rejected",
                "De reden van contact hebben we nodig voor de kanaalsturing en de "
                "KPI's. We kijken wel of de keuzelijst korter kan.",
            ),
        ),
        (
            "Melding bij een klant met een betalingsregeling",
            "Toon een opvallende melding in het klantbeeld als de klant een lopende "
            "betalingsregeling heeft.",
            "Zo voorkomen we dat een collega een afspraak maakt die de regeling doorkruist.",
            "Betalingsregeling",
            "high",
            "collega-03",
            30,
            ("release", "crm-next", 1),
        ),
        (
            "Notities met opsommingen",
            "Opsommingstekens en vet in notities, zoals in een e-mail.",
            "Lange notities zijn nu moeilijk te lezen.",
            None,
            "low",
            "collega-01",
            88,
            ("config_live", 3, 75),
        ),
        (
            "Snelkoppeling naar het reparatieverzoek vanuit het klantbeeld",
            "Een knop in het klantbeeld die het reparatieverzoek van deze huurder opent, "
            "met het adres al ingevuld.",
            "Bij telefonische reparatieverzoeken typen we het adres nu opnieuw in.",
            "Reparatieverzoek",
            "normal",
            "keyuser",
            35,
            ("release", "crm-next", 2),
        ),
        (
            "Klantcontacten exporteren naar Excel",
            "Een knop om alle contactmomenten van een periode naar Excel te halen.",
            "Voor eigen analyses per team.",
            None,
            "low",
            "collega-10",
            45,
            (
                "rejected",
                "Een export met persoonsgegevens buiten het systeem past niet in het "
                "privacybeleid. De rapportage 'contacten per team' geeft de aantallen.",
            ),
        ),
        (
            "Tijdlijn van een dossier filteren op kanaal",
            "Filter de tijdlijn van een dossier op telefoon, e-mail, portaal of balie.",
            "In dossiers met veel contact is het gesprek van vorige week moeilijk terug te vinden.",
            None,
            "normal",
            "collega-05",
            23,
            ("config_live", 2, 12),
        ),
    ],
    "Selfserviceprocessen": [
        (
            "Foto's toevoegen bij een reparatieverzoek",
            "De huurder kan bij een reparatieverzoek tot drie foto's meesturen.",
            "Met een foto weet de opzichter vooraf wat er mis is en neemt hij het juiste "
            "materiaal mee.",
            "Reparatieverzoek",
            "high",
            "keyuser",
            58,
            ("release", "portal-test", 1),
        ),
        (
            "Zelf een afspraak kiezen bij een reparatieverzoek",
            "Na het melden kiest de huurder een dagdeel uit de agenda van de aannemer.",
            "Scheelt een telefoontje heen en weer voor elke afspraak.",
            "Reparatieverzoek",
            "normal",
            "collega-08",
            33,
            ("review", 2),
        ),
        (
            "Eindinspectie direct inplannen bij het opzeggen",
            "Bij het opzeggen van de huur kiest de huurder meteen een moment voor de "
            "eindinspectie.",
            "Nu bellen we elke huurder na; dat kan de huurder prima zelf.",
            "Huur opzeggen",
            "normal",
            "collega-02",
            70,
            ("release", "portal-test", 2),
        ),
        (
            "Voorstel voor een betalingsregeling berekenen",
            "Het proces rekent op basis van de achterstand een voorstel uit met termijnen.",
            "Huurders durven vaak niet te bellen; een voorstel op het scherm verlaagt de drempel.",
            "Betalingsregeling",
            "normal",
            "collega-03",
            27,
            ("review", 1),
        ),
        (
            "Overlast anoniem kunnen melden",
            "Een melding van overlast zonder naam en adres.",
            "Sommige huurders zijn bang voor de reactie van hun buren.",
            "Overlast melden",
            "normal",
            "collega-02",
            48,
            (
                "rejected",
                "Zonder contactgegevens kunnen we de melding niet opvolgen. We passen "
                "de tekst aan: de gegevens van de melder worden nooit gedeeld.",
            ),
        ),
        (
            "Status van een reparatieverzoek volgen",
            "De huurder ziet in het portaal of het verzoek is ontvangen, ingepland of klaar.",
            "Veel telefoontjes gaan over 'hoe staat het met mijn melding'.",
            "Reparatieverzoek",
            "high",
            "manager",
            80,
            ("release", "portal-test", 1),
        ),
        (
            "Bevestigingsmail in eenvoudige taal",
            "Herschrijf de bevestigingsmails van de processen op taalniveau B1.",
            "Huurders bellen na omdat ze de bevestiging niet begrijpen.",
            None,
            "normal",
            "collega-05",
            85,
            ("config_live", 2, 55),
        ),
        (
            "Eerst vragen of het spoed is",
            "Begin het reparatieverzoek met de vraag of er sprake is van lekkage, gas of geen "
            "stroom, en verwijs dan naar het spoednummer.",
            "Spoedmeldingen via het portaal worden soms pas de volgende dag gezien.",
            "Reparatieverzoek",
            "high",
            "collega-04",
            5,
            ("submitted",),
        ),
        (
            "Machtiging voor een mantelzorger",
            "Een huurder kan een mantelzorger machtigen om processen namens hem te doen.",
            "Oudere huurders laten hun kinderen nu inloggen met hun eigen gegevens.",
            None,
            "normal",
            "collega-01",
            60,
            ("config", 2, 20),
        ),
        (
            "Documenten later aanleveren bij de inschrijving",
            "Een inschrijving kan worden opgeslagen en later aangevuld met documenten.",
            "Woningzoekenden haken af als ze niet alles direct bij de hand hebben.",
            "Inschrijving woningzoekende",
            "normal",
            "collega-02",
            3,
            ("submitted",),
        ),
    ],
    "Kennisbank": [
        (
            "Artikelen met een vervaldatum markeren",
            "Een artikel krijgt een datum waarop het opnieuw bekeken moet worden; daarna "
            "valt het op in de lijst.",
            "Verouderde artikelen geven klanten en collega's verkeerde antwoorden.",
            None,
            "normal",
            "collega-07",
            40,
            ("config_test", 1),
        ),
        (
            "Zoekwoorden zonder resultaat rapporteren",
            "Een maandelijks overzicht van zoekvragen die niets opleverden.",
            "Zo weten we welke artikelen ontbreken.",
            None,
            "normal",
            "collega-07",
            22,
            ("review", 2),
        ),
        (
            "Artikel koppelen aan een dienstverleningsproces",
            "Bij elk artikel kun je aangeven bij welk proces het hoort.",
            "Key users kunnen dan de artikelen van hun eigen proces bijhouden.",
            None,
            "low",
            "collega-01",
            52,
            ("config_live", 3, 30),
        ),
        (
            "Knop 'Was dit nuttig?' onder elk artikel",
            "Een ja/nee-knop onder elk artikel, met een optioneel tekstveld.",
            "We weten nu niet of artikelen klanten echt helpen.",
            None,
            "normal",
            "collega-05",
            18,
            ("review", 3),
        ),
        (
            "Interne en publieke versie van een artikel",
            "Eén artikel met een deel voor klanten en een deel alleen voor medewerkers.",
            "We houden nu twee artikelen bij die uit elkaar lopen.",
            None,
            "normal",
            "collega-07",
            12,
            ("question", "Kun je een voorbeeld geven van een artikel waarbij dit nu misgaat?"),
        ),
        (
            "Afbeeldingen in artikelen vergroten",
            "Een klik op een afbeelding toont hem op volle grootte.",
            "Schermafdrukken in werkinstructies zijn te klein om te lezen.",
            None,
            "low",
            "collega-10",
            7,
            ("submitted",),
        ),
        (
            "Eigenaar per artikel tonen",
            "Toon onder elk artikel wie de eigenaar is en wanneer het is nagekeken.",
            "Collega's weten niet bij wie ze een fout kunnen melden.",
            None,
            "normal",
            "eigenaar",
            26,
            ("config", 2, 10),
        ),
        (
            "Kennisbank doorzoekbaar vanuit het CRM",
            "Een zoekveld voor de kennisbank in het klantbeeld van het CRM.",
            "Tijdens een gesprek wisselen we nu tussen twee schermen.",
            None,
            "normal",
            "keyuser",
            95,
            (
                "rejected",
                "De leverancier ondersteunt dit nog niet. We nemen het mee in het "
                "gesprek over de volgende versie van de koppeling.",
            ),
        ),
    ],
    "Website en Portal": [
        (
            "Inloggen met DigiD",
            "Huurders loggen in op het portaal met DigiD in plaats van een eigen wachtwoord.",
            "Veel vragen bij de balie gaan over vergeten wachtwoorden.",
            None,
            "normal",
            "manager",
            44,
            ("review", 1),
        ),
        (
            "Mijn huurbetalingen inzien",
            "Een overzicht van de betaalde en openstaande huur in het portaal.",
            "Huurders bellen om te vragen of hun betaling binnen is.",
            "Betalingsregeling",
            "normal",
            "collega-03",
            6,
            ("submitted",),
        ),
        (
            "Contactformulier korter maken",
            "Schrap de velden die we al weten van ingelogde huurders.",
            "Het formulier heeft twaalf velden; veel mensen stoppen halverwege.",
            None,
            "normal",
            "collega-05",
            36,
            ("config", 2, 14),
        ),
        (
            "Nieuwsberichten per wijk",
            "Laat op de startpagina het nieuws uit de eigen wijk van de huurder zien.",
            "Algemeen nieuws wordt weinig gelezen.",
            None,
            "low",
            "collega-05",
            29,
            ("review", 4),
        ),
        (
            "Contrast van knoppen verbeteren",
            "Pas de kleuren van de knoppen aan zodat ze voldoen aan de toegankelijkheidseisen.",
            "Uit de toegankelijkheidstoets bleek dat het contrast te laag is.",
            None,
            "high",
            "beheerder",
            31,
            ("config_test", 1),
        ),
        (
            "Chat buiten kantoortijd verwijzen naar de kennisbank",
            "Buiten kantoortijd toont de chat de drie meest gelezen artikelen en het spoednummer.",
            "'s Avonds blijven chatvragen onbeantwoord.",
            None,
            "normal",
            "collega-01",
            4,
            ("submitted",),
        ),
        (
            "Wachtwoord vergeten in één stap",
            "Een link per e-mail waarmee de huurder meteen een nieuw wachtwoord kiest.",
            "De huidige procedure heeft drie stappen en een brief.",
            None,
            "high",
            "collega-04",
            120,
            ("config_live", 1, 100),
        ),
        (
            "Zoekfunctie op de website verbeteren",
            "De zoekfunctie vindt ook woorden met een typfout en toont kennisbankartikelen.",
            "Bezoekers vinden niet wat er wel op de site staat.",
            None,
            "normal",
            "collega-10",
            21,
            ("review", 2),
        ),
        (
            "Cookiemelding vereenvoudigen",
            "Alleen functionele cookies, zodat de cookiemelding kan vervallen.",
            "De melding schrikt bezoekers af.",
            None,
            "low",
            "mt",
            90,
            (
                "rejected",
                "Dit valt onder het webstatistiekenbeleid van de organisatie; we "
                "leggen het voor aan Communicatie.",
            ),
        ),
    ],
}

# key -> component, version, days from today planned (and live, for one that is),
# status, go/no-go, release notes, communication
RELEASES = {
    "crm-done": (
        "Klantvolgsysteem",
        "8.2",
        -45,
        -42,
        "live",
        "go",
        "Kwartaalrelease van KlantLink. Nieuw: zoeken op postcode en huisnummer, het "
        "contractnummer in het klantbeeld, e-mails als contactmoment en het veld "
        "voorkeurskanaal. Verder oplossingen voor de trage tijdlijn en de exportknop van "
        "rapportages.",
        "Nieuwsbericht op intranet op de dag van livegang; werkinstructie 'Zoeken in het "
        "klantbeeld' bijgewerkt in de kennisbank; korte toelichting in het werkoverleg van "
        "Klantcontact.",
    ),
    "portal-test": (
        "Selfserviceprocessen",
        "5.14",
        10,
        None,
        "in_test",
        "",
        "Release van PortaalWerk met foto's bij het reparatieverzoek, de statuspagina van "
        "reparatieverzoeken en het inplannen van de eindinspectie bij het opzeggen.",
        "Huurders krijgen een bericht in het portaal; de key users lichten het toe in hun "
        "teams. Tekst voor de website volgt na de test.",
    ),
    "crm-next": (
        "Klantvolgsysteem",
        "8.3",
        25,
        None,
        "planned",
        "",
        "Geplande kwartaalrelease: dubbele klanten samenvoegen, melding bij een "
        "betalingsregeling en de snelkoppeling naar het reparatieverzoek.",
        "",
    ),
}
# release key -> (test item, how, tester, process or None, result, note)
TEST_ITEMS = {
    "crm-done": [
        (
            "Zoeken op postcode en huisnummer",
            "Zoek tien bekende adressen op, ook met toevoeging.",
            "Eva Mulder",
            None,
            "passed",
            "",
        ),
        (
            "Contractnummer in het klantbeeld",
            "Vergelijk vijf klanten met de huuradministratie.",
            "Yusuf Demir",
            None,
            "passed",
            "",
        ),
        (
            "E-mail als contactmoment",
            "Stuur een e-mail vanaf een bekend en een onbekend adres.",
            "Sanne de Vries",
            None,
            "passed",
            "Onbekend adres komt in de algemene bak, zoals afgesproken.",
        ),
    ],
    "portal-test": [
        (
            "Foto toevoegen vanaf een telefoon",
            "Meld een lekkende kraan met drie foto's vanaf een telefoon.",
            "Yusuf Demir",
            "Reparatieverzoek",
            "failed",
            "Een foto van 8 MB geeft een foutmelding zonder uitleg; kleinere foto's gaan goed.",
        ),
        (
            "Statuspagina van een reparatieverzoek",
            "Volg een testmelding van ontvangen tot afgerond.",
            "Mehmet Yilmaz",
            "Reparatieverzoek",
            "passed",
            "",
        ),
        (
            "Eindinspectie inplannen bij het opzeggen",
            "Zeg een testcontract op en kies een moment voor de eindinspectie.",
            "Laura Schouten",
            "Huur opzeggen",
            "",
            "",
        ),
    ],
    "crm-next": [
        (
            "Twee klantrecords samenvoegen",
            "Voeg twee testklanten samen en controleer de tijdlijn.",
            "Yusuf Demir",
            None,
            "",
            "",
        ),
        (
            "Melding betalingsregeling",
            "Open een klant met en een klant zonder regeling.",
            "Fatima El Amrani",
            "Betalingsregeling",
            "",
            "",
        ),
        (
            "Snelkoppeling naar het reparatieverzoek",
            "Start vanuit het klantbeeld een reparatieverzoek en controleer het adres.",
            "Yusuf Demir",
            "Reparatieverzoek",
            "",
            "",
        ),
        (
            "Regressie: terugbelverzoek",
            "Maak een terugbelverzoek met het sjabloon.",
            "Eva Mulder",
            None,
            "",
            "",
        ),
    ],
}
# release key -> (process, level, what changes)
IMPACTS = {
    "crm-done": [
        (
            "Betalingsregeling",
            "low",
            "Het contractnummer staat nu in beeld; geen andere werkwijze.",
        ),
    ],
    "portal-test": [
        (
            "Reparatieverzoek",
            "high",
            "Huurders sturen foto's mee en volgen hun melding; "
            "opzichters bekijken de foto's voor het bezoek.",
        ),
        (
            "Huur opzeggen",
            "medium",
            "Huurders plannen de eindinspectie zelf; het nabellen vervalt.",
        ),
    ],
    "crm-next": [
        ("Reparatieverzoek", "low", "Telefonische melding start vanuit het klantbeeld."),
    ],
}

# name, supplier, components, years ago started, notice months, renewal months,
# support hours, notes; the end follows from `notice_in_days` or `ends_in_months`.
CONTRACTS = [
    {
        "name": "Licentie en support klantvolgsysteem",
        "supplier": "KlantLink B.V.",
        "components": ("Klantvolgsysteem", "Kennisbank"),
        "started_years_ago": 3,
        "notice_months": 3,
        "renewal_months": 12,
        "notice_in_days": 40,  # close: on the dashboard
        "support_hours": "ma–vr 8:00–17:30",
        "notes": "Jaarlijkse verlenging. Prijsindexatie per 1 januari. Vier releases per jaar.",
        "levels": [
            ("Storing P1: reactie", "response", "P1", None, "1", "uur", ""),
            ("Storing P1: oplossing", "resolution", "P1", None, "4", "uur", ""),
            ("Storing P2: reactie", "response", "P2", None, "4", "uur", ""),
            ("Storing P2: oplossing", "resolution", "P2", None, "2", "werkdagen", ""),
            (
                "Beschikbaarheid klantvolgsysteem",
                "availability",
                "",
                "Klantvolgsysteem",
                "99.5",
                "%",
                "Per maand, buiten het aangekondigde onderhoud.",
            ),
        ],
    },
    {
        "name": "Portaal en selfserviceprocessen",
        "supplier": "PortaalWerk B.V.",
        "components": ("Selfserviceprocessen", "Website en Portal"),
        "started_years_ago": 2,
        "notice_months": 6,
        "renewal_months": 24,
        "ends_in_months": 16,
        "support_hours": "ma–vr 8:30–17:00, storingen 24/7",
        "notes": "Wijzigingsverzoeken worden binnen tien werkdagen ingepland.",
        "levels": [
            (
                "Beschikbaarheid klantportaal",
                "availability",
                "",
                "Website en Portal",
                "99.5",
                "%",
                "Gemeten door de eigen monitoring; de KPI toont de maandwaarde.",
                "Beschikbaarheid klantportaal",
            ),
            ("Storing P1: reactie", "response", "P1", None, "1", "uur", ""),
            ("Wijzigingsverzoek inplannen", "other", "", None, "10", "werkdagen", ""),
        ],
    },
    {
        "name": "Detachering technisch beheer",
        "supplier": "Flex IT Detachering",
        "components": (),
        "started_years_ago": 1,
        "notice_months": 1,
        "renewal_months": 0,
        "ends_in_months": None,
        "support_hours": "ma–do 8:00–16:30",
        "notes": "Inhuur op uurbasis, tot wederopzegging.",
        "levels": [],
    },
]
INTERNAL = {
    "name": "Dienstverlening van het beheerteam",
    "components": ("Klantvolgsysteem", "Selfserviceprocessen", "Kennisbank", "Website en Portal"),
    "support_hours": "ma–vr 8:30–17:00",
    "notes": "Vastgesteld in de stuurgroep. Het klantenforum bespreekt elk half jaar hoe het gaat.",
    "levels": [
        (
            "Vraag over het gebruik van een onderdeel",
            "response",
            "",
            None,
            "4",
            "werkuren",
            "Via het mailadres van het beheerteam of het intranet.",
        ),
        (
            "Autorisatie aanvragen of wijzigen",
            "resolution",
            "",
            None,
            "2",
            "werkdagen",
            "Na akkoord van de leidinggevende.",
        ),
        (
            "Nieuwe medewerker: basistraining",
            "other",
            "",
            None,
            "10",
            "werkdagen",
            "Van de eerste werkdag tot de basistraining.",
        ),
        (
            "Wens in productie (mediaan)",
            "other",
            "",
            "Klantvolgsysteem",
            "10",
            "dagen",
            "Van indienen tot in productie; gemeten door de KPI.",
            "Doorlooptijd wijzigingsverzoeken CRM",
        ),
        (
            "Storing melden bij de leverancier",
            "response",
            "P1",
            None,
            "30",
            "minuten",
            "Het beheerteam meldt een storing binnen een half uur bij de leverancier.",
        ),
    ],
}

# Quick references: component -> (goal, tips)
GUIDES = {
    "Klantvolgsysteem": (
        "Alles wat een klant met ons bespreekt staat op één plek. Zo helpt elke collega de "
        "klant verder zonder opnieuw te vragen, en zien we waar klanten tegenaan lopen.",
        "Zoek eerst: op postcode en huisnummer, dan pas op naam.\n"
        "Leg elk contact vast met de reden, ook een kort telefoontje.\n"
        "Gebruik het sjabloon voor een terugbelverzoek.\n"
        "Sla op voordat je het klantbeeld sluit; een half ingevuld contact bewaart niets.\n"
        "Twijfel je of een klant dubbel staat? Meld het bij het beheerteam.",
    ),
    "Selfserviceprocessen": (
        "Huurders regelen zelf wat ze zelf kunnen, op een moment dat hen uitkomt. Collega's "
        "houden tijd over voor de vragen die een gesprek nodig hebben.",
        "Verwijs naar het portaal: 'U kunt dit ook zelf doen via Mijn Linde'.\n"
        "Een melding uit het portaal staat direct in het klantbeeld.\n"
        "Loopt een proces vast? Noteer de stap en meld het bij de key user van het proces.",
    ),
    "Kennisbank": (
        "Eén antwoord op elke vraag, voor klanten en collega's hetzelfde. De kennisbank is "
        "zo goed als wat we er samen in zetten.",
        "Zoek met de woorden van de klant, niet met interne termen.\n"
        "Vind je niets? Meld de zoekvraag, dan schrijven we het artikel.\n"
        "Klopt een artikel niet meer? Gebruik de knop 'Melding' onder het artikel.",
    ),
    "Website en Portal": (
        "De voordeur van de organisatie: informatie vinden, zelf zaken regelen en contact "
        "opnemen, ook buiten kantoortijd.",
        "Kijk samen met de klant mee op de website als die iets niet vindt.\n"
        "Wachtwoord vergeten? De klant regelt het zelf via de link op de inlogpagina.\n"
        "Fouten op de website meld je bij de redactie van Klantcontact.",
    ),
}

# course name -> (kind, component or None, description, required role kind)
EXTRA_COURSES = {
    "Opfriscursus kennisbank": (
        "refresher",
        "Kennisbank",
        "Een uur bijpraten over nieuwe functies en de afspraken over het bijhouden van artikelen.",
    ),
}
# course name, months ago (negative: ahead), trainer (person) or external trainer,
# place, participants (attended for a held session, registered for a coming one)
SESSIONS = [
    (
        "Basistraining Klantvolgsysteem",
        14,
        None,
        "Trainer van KlantLink",
        "Leslokaal 2",
        [
            "Ingrid Bakker",
            "Pieter van Dijk",
            "Sanne de Vries",
            "Wouter Brouwer",
            "Eva Mulder",
            "Emma de Graaf",
            "Bram Willems",
            "Marco Jansen",
            "Yusuf Demir",
        ],
    ),
    (
        "Basistraining Klantvolgsysteem",
        8,
        "Sanne de Vries",
        "",
        "Leslokaal 2",
        ["Daan de Boer", "Laura Schouten", "Fatima El Amrani"],
    ),
    (
        "Verdiepingstraining Klantvolgsysteem",
        9,
        None,
        "Trainer van KlantLink",
        "Leslokaal 2",
        ["Ingrid Bakker", "Pieter van Dijk", "Sanne de Vries", "Wouter Brouwer", "Marco Jansen"],
    ),
    (
        "Verdiepingstraining Klantvolgsysteem",
        -1,
        "Wouter Brouwer",
        "",
        "Leslokaal 2",
        ["Eva Mulder", "Bram Willems"],
    ),
    (
        "Basistraining Selfserviceprocessen",
        12,
        None,
        "Trainer van PortaalWerk",
        "Online",
        ["Pieter van Dijk", "Ingrid Bakker", "Yusuf Demir"],
    ),
    (
        "Basistraining Kennisbank",
        10,
        "Anouk Dekker",
        "",
        "Vergaderzaal De Linde",
        ["Anouk Dekker", "Eva Mulder"],
    ),
    (
        "Basistraining Website en Portal",
        -1,
        None,
        "Trainer van PortaalWerk",
        "Online",
        ["Noor Hendriks"],
    ),
    (
        "Key-usertraining",
        11,
        "Marco Jansen",
        "",
        "Vergaderzaal De Linde",
        [
            "Eva Mulder",
            "Bram Willems",
            "Daan de Boer",
            "Yusuf Demir",
            "Sanne de Vries",
            "Laura Schouten",
            "Fatima El Amrani",
        ],
    ),
    ("Opfriscursus kennisbank", 2, "Anouk Dekker", "", "Online", ["Anouk Dekker"]),
]
