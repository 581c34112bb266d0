"""The demo's meetings as they were minuted: the texts of governance.demo, kept
apart from the code that loads them. Every sentence is different, as real
minutes are; names refer to the demo's register (beheer.demo)."""

# Outcomes of an action: done before its due date, done after it, still open,
# in progress, or cancelled (with the note given).
ON_TIME, LATE, OPEN, PROGRESS, CANCELLED = "on_time", "late", "open", "progress", "cancelled"

# Standing items around a meeting's own items.
OPENING = "Opening en vaststellen van de agenda"
PREVIOUS = "Verslag en besluiten van {date}"
ACTIONS = "Actielijst"
CLOSING = "Rondvraag en sluiting"

# A meeting: days before today; opening, previous-minutes, action-list and closing
# minutes; its own items (title, minutes); decisions (item index, text, rationale,
# concerns); actions (title, owner, days after the meeting due, outcome, concerns).
BEHEEROVERLEG = [
    {
        "guests": ["Henk Visser"],
        "absent": [],
        "opening": "Marco opent het eerste beheeroverleg na de overdracht door het "
        "projectteam. Henk Visser sluit namens het MT aan. De agenda wordt ongewijzigd "
        "vastgesteld.",
        "previous": "",
        "actions": "Er is nog geen actielijst; de open punten van het projectteam zijn "
        "overgenomen in de actielijst van dit overleg.",
        "items": [
            (
                "Werkafspraken beheerteam",
                "Het beheerteam komt elke vier weken bijeen op dinsdagochtend. Vragen van "
                "medewerkers lopen via de mailbox van het beheerteam; Sanne beheert die, "
                "Wouter is haar vervanger. Key users brengen knelpunten uit hun afdeling in.",
            ),
            (
                "Dubbele klantkaarten na inschrijving via het portaal",
                "Het klantcontactcentrum ziet sinds de livegang dubbele klantkaarten ontstaan "
                "als woningzoekenden zich via het portaal inschrijven. Sanne heeft er twaalf "
                "met de hand samengevoegd. De oorzaak lijkt in de koppeling met het portaal "
                "te zitten.",
            ),
            (
                "KPI's voor het eerste halfjaar",
                "Henk licht toe welke doelen het MT belangrijk vindt: meer reparatieverzoeken "
                "via het portaal en een hogere klanttevredenheid. De KPI's worden SMART "
                "gemaakt en krijgen elk een eigenaar.",
            ),
        ],
        "closing": "Henk vraagt of het MT elk kwartaal kan aansluiten; zo wordt het "
        "afgesproken. Marco sluit om 11.00 uur.",
        "decisions": [
            (
                0,
                "Het beheeroverleg komt elke vier weken bijeen; het MT sluit eens per kwartaal "
                "aan.",
                "Na de livegang is het projectteam opgeheven; het beheer vraagt een vast ritme.",
                [],
            ),
            (
                1,
                "Tot de koppeling is aangepast voegt functioneel beheer dubbele klantkaarten "
                "wekelijks samen.",
                "Dubbele kaarten leiden tot brieven op twee adressen en onvolledige dossiers.",
                [("component", "Klantvolgsysteem")],
            ),
        ],
        "actions_taken": [
            (
                "Oorzaak dubbele klantkaarten uitzoeken met PortaalWerk",
                "Wouter Brouwer",
                21,
                LATE,
                [("component", "Website en Portal")],
            ),
            (
                "Mailbox beheerteam aanmaken en bekendmaken op intranet",
                "Sanne de Vries",
                14,
                ON_TIME,
                [],
            ),
            (
                "Concept-KPI's SMART uitwerken voor het MT",
                "Marco Jansen",
                28,
                ON_TIME,
                [("factor", "strategie")],
            ),
        ],
    },
    {
        "guests": [],
        "absent": ["Bram Willems"],
        "opening": "Marco heet iedereen welkom. Bram is afwezig wegens een training; Eva neemt "
        "zijn punten mee.",
        "previous": "Het verslag wordt vastgesteld met één aanvulling: de wekelijkse "
        "samenvoegronde gebeurt op maandag.",
        "actions": "De mailbox draait; in de eerste week kwamen er 23 vragen binnen. Wouter "
        "heeft de leverancier nog niet gesproken over de dubbele kaarten.",
        "items": [
            (
                "Rechten bij vertrek van medewerkers",
                "Bij twee vertrokken medewerkers bleken de accounts in het klantvolgsysteem nog "
                "actief. Lisa van Leeuwen wijst erop dat dit onder de AVG een datalek kan "
                "opleveren. De mutatielijst in de applicatie moet voortaan wekelijks worden "
                "afgewerkt.",
            ),
            (
                "Kennisbankartikelen voor reparaties",
                "Yusuf heeft achttien artikelen over veelvoorkomende reparaties nagelopen; zes "
                "waren verouderd. Anouk wil een vaste eigenaar per artikel en een controle twee "
                "keer per jaar.",
            ),
        ],
        "closing": "Eva vraagt of key users een eigen testomgeving krijgen. Sanne neemt dat "
        "mee naar het leveranciersoverleg.",
        "decisions": [
            (
                0,
                "Functioneel beheer werkt de mutatielijst van rechten elke maandag af; Privacy & "
                "Security controleert dat eens per maand.",
                "Actieve accounts van vertrokken medewerkers zijn een privacyrisico.",
                [("role", "Functioneel beheer")],
            ),
            (
                1,
                "Elk kennisbankartikel krijgt een eigenaar en wordt minstens twee keer per jaar "
                "nagelopen.",
                "",
                [("component", "Kennisbank")],
            ),
        ],
        "actions_taken": [
            (
                "Accounts van vertrokken medewerkers intrekken en vastleggen",
                "Sanne de Vries",
                7,
                ON_TIME,
                [("component", "Klantvolgsysteem")],
            ),
            (
                "Maandelijkse controle op de mutatielijst inplannen",
                "Lisa van Leeuwen",
                14,
                ON_TIME,
                [("role", "Privacy & Security")],
            ),
            (
                "Eigenaar per kennisbankartikel vastleggen",
                "Anouk Dekker",
                35,
                LATE,
                [("component", "Kennisbank")],
            ),
            (
                "Zes verouderde reparatieartikelen herschrijven",
                "Yusuf Demir",
                28,
                ON_TIME,
                [("component", "Kennisbank")],
            ),
        ],
    },
    {
        "guests": [],
        "absent": ["Marco Jansen"],
        "opening": "Marco is met vakantie; Sanne zit voor. De agenda wordt aangevuld met een "
        "punt over de storing van vorige week.",
        "previous": "Geen opmerkingen; het verslag is vastgesteld.",
        "actions": "Het herschrijven van de reparatieartikelen is klaar. De eigenaren van "
        "kennisbankartikelen zijn nog niet allemaal bekend.",
        "items": [
            (
                "Storing klantportaal",
                "Het portaal was op donderdag ruim drie uur onbereikbaar. PortaalWerk meldde de "
                "storing pas na anderhalf uur, terwijl de SLA binnen een uur vraagt. Klanten "
                "belden massaal; de wachttijd liep op tot twintig minuten.",
            ),
            (
                "Tweede training voor klantadviseurs",
                "Nu het dagelijks gebruik bekend is, willen de key users een verdiepende "
                "training: zoeken in dossiers, terugbelafspraken en sneltoetsen. Eva en Bram "
                "stellen een programma op.",
            ),
            (
                "Borging: rollen zonder vervanger",
                "Het overzicht van kennisrisico's laat zien dat Privacy & Security geen "
                "vervanger heeft en dat technisch beheer alleen bij een externe ligt. Bij ziekte "
                "of vertrek staat het beheer dan stil.",
            ),
        ],
        "closing": "Er zijn geen punten voor de rondvraag.",
        "decisions": [
            (
                0,
                "De storing wordt als tekortkoming op de SLA aan PortaalWerk gemeld en besproken "
                "in het leveranciersoverleg.",
                "De melding kwam later dan de afgesproken termijn.",
                [("component", "Website en Portal")],
            ),
            (
                1,
                "Er komt in het komende kwartaal een tweede training voor alle klantadviseurs.",
                "",
                [("component", "Klantvolgsysteem")],
            ),
        ],
        "actions_taken": [
            (
                "Storingsrapport opvragen bij PortaalWerk",
                "Sophie Meijer",
                10,
                ON_TIME,
                [("component", "Website en Portal")],
            ),
            (
                "Programma tweede training opstellen",
                "Eva Mulder",
                30,
                LATE,
                [("component", "Klantvolgsysteem")],
            ),
            (
                "Vervanger zoeken voor Privacy & Security",
                "Jeroen Kok",
                45,
                OPEN,
                [("role", "Privacy & Security")],
            ),
            (
                "Interne collega inwerken in technisch beheer",
                "Rik Bos",
                60,
                PROGRESS,
                [("role", "Technisch beheer")],
            ),
        ],
    },
    {
        "guests": ["Henk Visser", "Kim Smeets"],
        "absent": [],
        "opening": "Marco opent; Henk Visser en Kim Smeets sluiten aan voor het kwartaalpunt "
        "over de KPI's.",
        "previous": "Akkoord met het verslag; Sanne merkt op dat het storingsrapport inmiddels "
        "binnen is.",
        "actions": "Het storingsrapport van PortaalWerk is ontvangen. Een vervanger voor "
        "Privacy & Security is er nog niet; Jeroen voert gesprekken.",
        "items": [
            (
                "Kwartaalstand KPI's",
                "Het aandeel digitale contacten stijgt, maar blijft onder de 65%. "
                "Reparatieverzoeken via het portaal zitten op 51% en lopen achter. Kim vraagt "
                "om een analyse waarom huurders toch bellen.",
            ),
            (
                "Selfservice huur opzeggen",
                "Laura meldt dat huurders bij het online opzeggen vastlopen op het uploaden van "
                "een handtekening. De key user van het proces heeft een verbetervoorstel "
                "geschreven.",
            ),
        ],
        "closing": "Henk bedankt het beheerteam voor het heldere beeld. Het MT sluit in het "
        "vierde kwartaal weer aan.",
        "decisions": [
            (
                0,
                "Het doel voor reparatieverzoeken via het portaal blijft 70%; Vastgoed & "
                "Onderhoud onderzoekt waarom huurders bellen.",
                "Het MT houdt vast aan het doel uit het meerjarenplan.",
                [("kpi", "Reparatieverzoeken via het portaal")],
            ),
            (
                1,
                "De stap 'handtekening uploaden' vervalt bij online huur opzeggen; inloggen met "
                "DigiD volstaat.",
                "Minder uitval in het formulier; juridisch afgestemd.",
                [("component", "Selfserviceprocessen")],
            ),
        ],
        "actions_taken": [
            (
                "Analyse telefonische reparatieverzoeken maken",
                "Yusuf Demir",
                28,
                LATE,
                [("kpi", "Reparatieverzoeken via het portaal")],
            ),
            (
                "Wijziging huur opzeggen laten bouwen door PortaalWerk",
                "Laura Schouten",
                42,
                ON_TIME,
                [("component", "Selfserviceprocessen")],
            ),
            (
                "Belscript klantcontact aanpassen: verwijzen naar het portaal",
                "Eva Mulder",
                21,
                ON_TIME,
                [("factor", "kanaalsturing")],
            ),
        ],
    },
    {
        "guests": [],
        "absent": ["Noor Hendriks"],
        "opening": "Wouter notuleert deze keer; Marco zit voor.",
        "previous": "Het verslag wordt vastgesteld; de besluiten over huur opzeggen zijn "
        "doorgegeven aan PortaalWerk.",
        "actions": "De analyse van Yusuf is nog niet af; hij heeft twee weken extra nodig. Het "
        "belscript is aangepast.",
        "items": [
            (
                "Autorisatiematrix: review door de eigenaren",
                "De eigenaren van de onderdelen hebben de rechten per rol nagelopen. Er zijn "
                "vier rechten gevonden die de rol Key user niet nodig heeft, waaronder het "
                "verwijderen van klantdossiers.",
            ),
            (
                "Releaseplanning klantvolgsysteem",
                "KlantLink levert de kwartaalrelease over drie weken. Key users testen de "
                "wijzigingen in hun proces in de acceptatieomgeving; Sanne coördineert.",
            ),
        ],
        "closing": "Noor vraagt via Marco aandacht voor de websiteteksten na de release; zij "
        "wordt aan de testgroep toegevoegd.",
        "decisions": [
            (
                0,
                "Key users verliezen het recht om klantdossiers te verwijderen; dat blijft bij "
                "functioneel beheer.",
                "Verwijderen is onomkeerbaar en valt onder de bewaartermijnen.",
                [("role", "Key user")],
            ),
        ],
        "actions_taken": [
            (
                "Rechten Key user intrekken in het klantvolgsysteem",
                "Wouter Brouwer",
                10,
                ON_TIME,
                [("role", "Key user")],
            ),
            (
                "Acceptatietest kwartaalrelease klantvolgsysteem",
                "Sanne de Vries",
                24,
                LATE,
                [("component", "Klantvolgsysteem")],
            ),
            (
                "Websiteteksten controleren na de release",
                "Noor Hendriks",
                28,
                ON_TIME,
                [("component", "Website en Portal")],
            ),
        ],
        "amendment": (
            0,
            "Correctie: het ging om vier rechten, waarvan drie bij de rol Key user en één bij "
            "de rol Key user Reparatieverzoek.",
        ),
    },
    {
        "guests": [],
        "absent": [],
        "opening": "Bij de opening meldt Bram dat hij over enkele weken vertrekt; zijn rol als "
        "key user moet worden overgedragen.",
        "previous": "Vastgesteld zonder wijzigingen.",
        "actions": "De acceptatietest is met een week vertraging afgerond; twee bevindingen "
        "zijn aan KlantLink teruggemeld. De analyse van de telefonische reparatieverzoeken is "
        "klaar.",
        "items": [
            (
                "Vertrek Bram Willems",
                "Bram draagt zijn taken als key user over aan Emma de Graaf zodra zij terug is "
                "van verlof; tot die tijd neemt Eva ze waar. Zijn rechten moeten op zijn "
                "laatste werkdag vervallen.",
            ),
            (
                "Uitkomst analyse reparatieverzoeken",
                "Yusuf laat zien dat een derde van de bellers het portaal niet kan vinden "
                "vanaf de website en een kwart een spoedreparatie meldt. Voor spoed blijft "
                "bellen de juiste weg.",
            ),
            (
                "Kennisbank: artikelen ouder dan een jaar",
                "Anouk telt 41 artikelen die langer dan een jaar niet zijn nagelopen. De KPI "
                "actuele kennisbankartikelen heeft al maanden geen nieuwe meting.",
            ),
        ],
        "closing": "Sanne vraagt of het overleg in december een week later kan. Dat wordt zo "
        "afgesproken.",
        "decisions": [
            (
                1,
                "De knop 'Reparatie melden' komt bovenaan de homepage; spoedreparaties blijven "
                "telefonisch.",
                "Uit de analyse blijkt dat de vindbaarheid het grootste knelpunt is.",
                [("kpi", "Reparatieverzoeken via het portaal"), ("component", "Website en Portal")],
            ),
            (
                2,
                "Anouk meet voortaan elk kwartaal het aandeel actuele artikelen en rapporteert "
                "het in dit overleg.",
                "",
                [("kpi", "Actuele kennisbankartikelen")],
            ),
        ],
        "actions_taken": [
            (
                "Overdracht key-usertaken van Bram regelen",
                "Eva Mulder",
                14,
                PROGRESS,
                [("role", "Key user")],
            ),
            (
                "Rechten van Bram laten vervallen op zijn laatste werkdag",
                "Sanne de Vries",
                49,
                OPEN,
                [("person", "Bram Willems")],
            ),
            (
                "Knop 'Reparatie melden' op de homepage plaatsen",
                "Noor Hendriks",
                21,
                ON_TIME,
                [("component", "Website en Portal")],
            ),
            (
                "Meting actuele kennisbankartikelen vastleggen",
                "Anouk Dekker",
                14,
                OPEN,
                [("kpi", "Actuele kennisbankartikelen")],
            ),
            (
                "Verouderde kennisbankartikelen laten nalopen",
                "Yusuf Demir",
                60,
                PROGRESS,
                [("component", "Kennisbank")],
            ),
        ],
    },
    {
        "guests": [],
        "absent": ["Bram Willems"],
        "opening": "Welkom aan Yusuf Demir, die voortaan vast aanschuift namens de key users "
        "van Vastgoed & Onderhoud.",
        "previous": "Geen opmerkingen op het verslag. De knop op de homepage staat er sinds "
        "vorige week.",
        "actions": "De overdracht van Bram loopt; Eva heeft de helft van zijn taken "
        "overgenomen. De meting van de kennisbank ontbreekt nog.",
        "items": [
            (
                "Eerste effect knop 'Reparatie melden'",
                "In de eerste week kwamen 14% meer reparatieverzoeken via het portaal binnen. "
                "Het is te vroeg voor conclusies; het effect wordt in januari opnieuw bekeken.",
            ),
            (
                "Privacy: bewaartermijn klantcontactnotities",
                "Lisa meldt dat notities in het klantvolgsysteem onbeperkt bewaard worden, "
                "terwijl het verwerkingsregister twee jaar noemt. Er moet een opschoonregel "
                "komen.",
            ),
        ],
        "closing": "Geen rondvraag. Marco sluit om 10.45 uur.",
        "decisions": [
            (
                1,
                "Klantcontactnotities ouder dan twee jaar worden automatisch verwijderd, behalve "
                "in dossiers met een lopende procedure.",
                "Het verwerkingsregister noemt een bewaartermijn van twee jaar.",
                [("component", "Klantvolgsysteem"), ("role", "Privacy & Security")],
            ),
        ],
        "actions_taken": [
            (
                "Opschoonregel klantcontactnotities laten inrichten door KlantLink",
                "Wouter Brouwer",
                35,
                OPEN,
                [("component", "Klantvolgsysteem")],
            ),
            (
                "Effect homepageknop meten in januari",
                "Yusuf Demir",
                56,
                OPEN,
                [("kpi", "Reparatieverzoeken via het portaal")],
            ),
            (
                "Verwerkingsregister bijwerken voor klantcontactnotities",
                "Lisa van Leeuwen",
                28,
                PROGRESS,
                [("role", "Privacy & Security")],
            ),
        ],
    },
]

STUURGROEP = [
    {
        "guests": [],
        "absent": [],
        "opening": "Henk opent de stuurgroep. Aanwezig zijn het MT, de CRM-manager en de "
        "manager Wonen.",
        "previous": "",
        "actions": "",
        "items": [
            (
                "Resultaten zelfevaluatie volwassenheid voorjaar",
                "Het klantcontactcentrum staat op niveau 2, Wonen op niveau 1 omdat de dimensie "
                "Leverancier achterblijft. De respondenten verschillen sterk van mening over "
                "de samenwerking met PortaalWerk.",
            ),
            (
                "Vaststellen beheermatrix",
                "Marco legt de beheermatrix voor: per taak één eindverantwoordelijke en ten "
                "minste één uitvoerder. Kim vraagt wie over de bewaartermijnen gaat; dat wordt "
                "Privacy & Security.",
            ),
            (
                "Prioriteiten komend halfjaar",
                "De stuurgroep kiest drie speerpunten: meer selfservice bij reparaties, een "
                "betrouwbare kennisbank en het borgen van kennis bij technisch beheer.",
            ),
        ],
        "closing": "Pieter vraagt de stukken voortaan een week eerder te sturen.",
        "decisions": [
            (
                1,
                "De beheermatrix wordt vastgesteld zoals voorgelegd, met Privacy & Security als "
                "eindverantwoordelijke voor de bewaartermijnen.",
                "",
                [("matrix_version", None)],
            ),
            (
                2,
                "De speerpunten voor het komende halfjaar zijn selfservice bij reparaties, de "
                "kennisbank en de borging van technisch beheer.",
                "Deze drie raken de meeste klanten en het grootste risico.",
                [("factor", "kanaalsturing")],
            ),
        ],
        "actions_taken": [
            (
                "Plan verbeteren dimensie Leverancier opstellen voor Wonen",
                "Pieter van Dijk",
                60,
                LATE,
                [("assessment", ("Wonen", "Voorjaar 2026"))],
            ),
            ("Stukken stuurgroep een week vooraf versturen", "Marco Jansen", 80, ON_TIME, []),
            (
                "Borgingsplan technisch beheer opstellen",
                "Jeroen Kok",
                90,
                OPEN,
                [("role", "Technisch beheer")],
            ),
        ],
    },
    {
        "guests": [],
        "absent": ["Kim Smeets"],
        "opening": "Henk opent. Kim Smeets heeft zich afgemeld.",
        "previous": "Het verslag is akkoord. Het borgingsplan voor technisch beheer volgt in "
        "de volgende vergadering.",
        "actions": "Het plan voor de dimensie Leverancier is later dan gepland geleverd, maar "
        "ligt er nu.",
        "items": [
            (
                "Resultaten zelfevaluatie najaar",
                "Beide afdelingen zijn gegroeid; het klantcontactcentrum haalt in drie dimensies "
                "niveau 3. De stuurgroep ziet het effect van de nieuwe werkafspraken met "
                "PortaalWerk.",
            ),
            (
                "Voortgang kritieke succesfactoren",
                "Zeven van de twaalf factoren zijn aanwezig of geborgd. Kanaalarchitectuur "
                "blijft achter; niemand pakt het op.",
            ),
            (
                "Begroting beheer volgend jaar",
                "De licentiekosten van het klantvolgsysteem stijgen met 6%. De stuurgroep wil "
                "weten welke modules weinig gebruikt worden.",
            ),
        ],
        "closing": "Henk sluit en dankt Pieter voor het plan.",
        "decisions": [
            (
                0,
                "De zelfevaluatie wordt voortaan elk half jaar herhaald, in maart en september.",
                "",
                [("assessment", ("Klantcontactcentrum", "Najaar 2026"))],
            ),
            (
                1,
                "Jeroen Kok wordt eigenaar van de succesfactor Kanaalarchitectuur en legt in het "
                "volgende kwartaal een eerste ontwerp voor.",
                "",
                [("factor", "architectuur")],
            ),
            (
                2,
                "De begroting voor beheer blijft op het niveau van dit jaar, plus de indexatie "
                "van de licenties.",
                "",
                [("component", "Klantvolgsysteem")],
            ),
        ],
        "actions_taken": [
            (
                "Gebruik van modules klantvolgsysteem in kaart brengen",
                "Sanne de Vries",
                35,
                OPEN,
                [("component", "Klantvolgsysteem")],
            ),
            (
                "Eerste ontwerp kanaalarchitectuur",
                "Jeroen Kok",
                80,
                OPEN,
                [("factor", "architectuur")],
            ),
            ("Zelfevaluatie voorjaar voorbereiden", "Marco Jansen", 100, OPEN, []),
        ],
    },
]

KLANTENFORUM = [
    {
        "guests": [],
        "absent": ["Laura Schouten"],
        "opening": "Pieter opent het eerste klantenforum. Elke afdeling heeft een "
        "vertegenwoordiger gestuurd.",
        "previous": "",
        "actions": "",
        "items": [
            (
                "Wat klanten missen in het portaal",
                "Wonen hoort dat huurders hun huurcontract niet in het portaal kunnen inzien. "
                "Financiën krijgt vragen over de stand van een betalingsregeling, die nu alleen "
                "telefonisch te krijgen is.",
            ),
            (
                "Ervaringen met het klantvolgsysteem",
                "Daan vindt het dossieroverzicht onoverzichtelijk bij huurders met veel "
                "contacten. Fatima mist een notitieveld bij betalingsafspraken.",
            ),
        ],
        "closing": "Ingrid stelt voor het forum twee keer per jaar te houden; iedereen stemt in.",
        "decisions": [
            (
                0,
                "Inzage in het huurcontract en in de stand van de betalingsregeling gaan als "
                "wens naar de stuurgroep.",
                "Beide vragen komen vaak telefonisch binnen.",
                [("component", "Selfserviceprocessen")],
            ),
        ],
        "actions_taken": [
            (
                "Wens inzage huurcontract uitwerken voor de stuurgroep",
                "Ingrid Bakker",
                45,
                LATE,
                [("component", "Website en Portal")],
            ),
            (
                "Notitieveld bij betalingsafspraken aanvragen",
                "Fatima El Amrani",
                30,
                ON_TIME,
                [("component", "Klantvolgsysteem")],
            ),
            (
                "Dossieroverzicht bespreken met KlantLink",
                "Sanne de Vries",
                60,
                (
                    CANCELLED,
                    "Vervallen: KlantLink levert een nieuw overzicht in de kwartaalrelease.",
                ),
                [("component", "Klantvolgsysteem")],
            ),
        ],
    },
    {
        "guests": [],
        "absent": [],
        "opening": "Pieter opent. Nieuw in het forum is Laura Schouten namens de key users van "
        "Wonen.",
        "previous": "Het verslag van het vorige forum wordt vastgesteld.",
        "actions": "Het notitieveld bij betalingsafspraken is er; Fatima is tevreden. De wens "
        "over het huurcontract is later dan afgesproken, maar volledig uitgewerkt.",
        "items": [
            (
                "Terugkoppeling uit de stuurgroep",
                "De stuurgroep heeft inzage in de betalingsregeling via het portaal opgenomen in "
                "de planning voor volgend jaar. Inzage in het huurcontract volgt later.",
            ),
            (
                "Overlast melden",
                "Wonen wil dat overlast ook online gemeld kan worden; nu kan dat alleen "
                "telefonisch. Voor dit proces is nog geen key user aangewezen.",
            ),
        ],
        "closing": "Daan vraagt of de uitkomsten van het forum breder gedeeld kunnen worden. "
        "Noor zet ze op intranet.",
        "decisions": [
            (
                1,
                "Wonen wijst binnen een maand een key user aan voor het proces Overlast melden.",
                "Zonder key user kan het proces niet online worden ingericht.",
                [("role", "Key user Overlast melden")],
            ),
        ],
        "actions_taken": [
            (
                "Key user Overlast melden aanwijzen",
                "Pieter van Dijk",
                30,
                OPEN,
                [("role", "Key user Overlast melden")],
            ),
            ("Uitkomsten klantenforum delen op intranet", "Noor Hendriks", 10, ON_TIME, []),
            (
                "Wensen voor online overlast melden verzamelen",
                "Daan de Boer",
                28,
                PROGRESS,
                [("component", "Selfserviceprocessen")],
            ),
        ],
    },
]

SUPPLIER_MEETINGS = {
    "KlantLink B.V.": [
        {
            "guests": [],
            "absent": [],
            "opening": "Namens KlantLink sluiten Ruud Verbeek en Niels Hoekstra aan; Sophie zit "
            "voor.",
            "previous": "",
            "actions": "",
            "items": [
                (
                    "Storingen en oplossingstijden",
                    "In het afgelopen kwartaal waren er twee P1-storingen; beide zijn binnen vier "
                    "uur opgelost. Een P2-melding over trage zoekresultaten staat al zes weken "
                    "open.",
                ),
                (
                    "Kwartaalrelease",
                    "KlantLink presenteert de komende release: een nieuw dossieroverzicht en een "
                    "betere zoekfunctie. De acceptatietest duurt twee weken.",
                ),
            ],
            "closing": "Volgende keer komt ook de verlenging van de licentie aan bod.",
            "decisions": [
                (
                    0,
                    "De trage zoekresultaten worden opgeschaald naar P1 als ze over vier weken "
                    "niet zijn opgelost.",
                    "",
                    [("component", "Klantvolgsysteem")],
                ),
            ],
            "actions_taken": [
                (
                    "Oplossing trage zoekresultaten leveren",
                    "Niels Hoekstra",
                    28,
                    LATE,
                    [("component", "Klantvolgsysteem")],
                ),
                (
                    "Testscenario's voor de release aanleveren",
                    "Sanne de Vries",
                    21,
                    ON_TIME,
                    [("component", "Klantvolgsysteem")],
                ),
            ],
        },
        {
            "guests": [],
            "absent": [],
            "opening": "Ruud Verbeek is verhinderd; Niels vertegenwoordigt KlantLink.",
            "previous": "Het verslag is zonder opmerkingen vastgesteld.",
            "actions": "De zoekproblemen zijn na zeven weken opgelost, drie weken later dan "
            "afgesproken.",
            "items": [
                (
                    "Licentieverlenging",
                    "KlantLink biedt een verlenging van drie jaar aan met een indexatie van 6%. "
                    "Sophie vraagt een onderbouwing en een alternatief voor één jaar.",
                ),
                (
                    "Bevindingen acceptatietest",
                    "Twee bevindingen uit de acceptatietest zijn in een patch opgelost; één "
                    "cosmetische bevinding volgt in de volgende release.",
                ),
            ],
            "closing": "Niels meldt dat KlantLink een gebruikersdag organiseert; Sanne en Eva "
            "gaan erheen.",
            "decisions": [
                (
                    0,
                    "De licentie wordt voor één jaar verlengd; een langere verlenging volgt na "
                    "de evaluatie van het gebruik.",
                    "De stuurgroep wil eerst weten welke modules gebruikt worden.",
                    [("component", "Klantvolgsysteem")],
                ),
            ],
            "actions_taken": [
                ("Offerte licentieverlenging één jaar opvragen", "Sophie Meijer", 14, ON_TIME, []),
                (
                    "Cosmetische bevinding opnemen in de volgende release",
                    "Niels Hoekstra",
                    60,
                    OPEN,
                    [("component", "Klantvolgsysteem")],
                ),
            ],
        },
    ],
    "PortaalWerk B.V.": [
        {
            "guests": [],
            "absent": [],
            "opening": "Sophie heet Esther Vos en Maaike Koster van PortaalWerk welkom.",
            "previous": "",
            "actions": "",
            "items": [
                (
                    "Beschikbaarheid portaal",
                    "De beschikbaarheid was 99,3%, onder de afgesproken 99,5% per maand. De "
                    "oorzaak was een mislukte update in het weekend.",
                ),
                (
                    "Wijzigingsverzoeken",
                    "Er staan negen wijzigingsverzoeken open; drie zijn ouder dan de afgesproken "
                    "tien werkdagen voor inplannen.",
                ),
            ],
            "closing": "Er is geen rondvraag.",
            "decisions": [
                (
                    0,
                    "Updates van het portaal vinden voortaan op dinsdag of donderdag plaats, "
                    "niet in het weekend.",
                    "Een mislukte update in het weekend werd pas op maandag opgemerkt.",
                    [("component", "Website en Portal")],
                ),
            ],
            "actions_taken": [
                (
                    "Achterstallige wijzigingsverzoeken inplannen",
                    "Maaike Koster",
                    14,
                    LATE,
                    [("component", "Selfserviceprocessen")],
                ),
                (
                    "Maandrapport beschikbaarheid aanleveren",
                    "Maaike Koster",
                    30,
                    ON_TIME,
                    [("kpi", "Beschikbaarheid klantportaal")],
                ),
            ],
        },
        {
            "guests": [],
            "absent": [],
            "opening": "Op verzoek van Sophie staat de storing van drie uur als eerste op de "
            "agenda.",
            "previous": "Vastgesteld; het storingsrapport is inmiddels ontvangen.",
            "actions": "De achterstallige wijzigingsverzoeken zijn ingepland, een week later "
            "dan toegezegd.",
            "items": [
                (
                    "Storing en SLA",
                    "PortaalWerk erkent dat de storing te laat is gemeld. Als compensatie wordt "
                    "de service van één maand niet gefactureerd.",
                ),
                (
                    "Wijziging huur opzeggen",
                    "De vereenvoudigde opzegging zonder handtekening staat klaar voor de "
                    "acceptatietest door de key user.",
                ),
            ],
            "closing": "Esther vraagt of de maandrapporten ook naar het MT mogen; dat loopt via "
            "de stuurgroep.",
            "decisions": [
                (
                    0,
                    "De creditering van één maand service wordt aanvaard als afhandeling van de "
                    "SLA-tekortkoming.",
                    "",
                    [("component", "Website en Portal")],
                ),
            ],
            "actions_taken": [
                (
                    "Acceptatietest huur opzeggen uitvoeren",
                    "Laura Schouten",
                    10,
                    ON_TIME,
                    [("component", "Selfserviceprocessen")],
                ),
                ("Creditnota controleren", "Kim Smeets", 30, ON_TIME, []),
            ],
        },
    ],
    "Flex IT Detachering": [
        {
            "guests": [],
            "absent": [],
            "opening": "Aanwezig namens Flex IT zijn Gert Smit en Joost van der Berg.",
            "previous": "",
            "actions": "",
            "items": [
                (
                    "Inzet technisch beheer",
                    "Joost werkt 24 uur per week voor De Linde. Door de opzegtermijn van een "
                    "maand kan de kennis snel verdwijnen.",
                ),
                (
                    "Kennisoverdracht",
                    "Joost legt zijn werkwijze vast en neemt Rik Bos mee in het dagelijkse beheer.",
                ),
            ],
            "closing": "Gert vraagt om tijdig bericht als de inzet moet veranderen.",
            "decisions": [
                (
                    1,
                    "Joost van der Berg besteedt vier uur per week aan kennisoverdracht aan Rik "
                    "Bos.",
                    "Technisch beheer rust nu volledig op een externe kracht.",
                    [("role", "Technisch beheer")],
                ),
            ],
            "actions_taken": [
                (
                    "Beheerhandleiding koppelingen schrijven",
                    "Joost van der Berg",
                    60,
                    LATE,
                    [("role", "Technisch beheer")],
                ),
            ],
        },
        {
            "guests": [],
            "absent": [],
            "opening": "Rik Bos sluit deze keer aan voor de voortgang van de overdracht.",
            "previous": "Zonder wijzigingen goedgekeurd.",
            "actions": "De beheerhandleiding is af, twee weken later dan gepland. Rik heeft de "
            "back-ups zelfstandig overgenomen.",
            "items": [
                (
                    "Voortgang kennisoverdracht",
                    "Rik beheert de back-ups en updates zelfstandig, de koppelingen met het "
                    "portaal nog niet. Daarvoor zijn nog drie sessies nodig.",
                ),
                (
                    "Verlenging inhuur",
                    "De inhuur loopt over twee maanden af. Gezien de voortgang wordt verlengd met "
                    "drie maanden en daarna afgebouwd.",
                ),
            ],
            "closing": "Geen vragen voor de rondvraag.",
            "decisions": [
                (
                    1,
                    "De inhuur van Joost van der Berg wordt met drie maanden verlengd en daarna "
                    "afgebouwd.",
                    "Eerst moet de overdracht van de koppelingen af zijn.",
                    [("role", "Technisch beheer")],
                ),
            ],
            "actions_taken": [
                (
                    "Drie overdrachtssessies koppelingen plannen",
                    "Rik Bos",
                    21,
                    PROGRESS,
                    [("role", "Technisch beheer")],
                ),
                ("Verlenging inhuur vastleggen", "Sophie Meijer", 14, ON_TIME, []),
            ],
        },
    ],
}
