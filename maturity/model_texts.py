"""The maturity model a fresh install starts from, in our own words after the
TOPdesk service-delivery maturity model: five cumulative levels, five dimensions,
and per dimension statements for each of the levels 2 to 5, twelve per dimension.

The model has two axes: whether a department looks inward (its own processes
and tools) or outward (its customers and surroundings), and whether it steers
on cost, working apart, or creates value for the organisation as a whole. The
levels lie along the diagonal between them. Each statement is tagged with the
axis it informs.

Texts are data: the data migrations copy them into the database, where
beheerders edit them. Each text is (Dutch, English).
"""

FOCUS = "focus"  # internal or external focus (maturity.models.Axis)
DRIVE = "drive"  # cost-driven or value-driven

# The shipped description of level 2 before the seed's nuance was restored
# (migration 0005 replaces it only where nobody has edited it).
LEVEL_2_BEFORE = (
    "Processen, afspraken en verantwoordelijken zijn vastgelegd; KPI's sturen het dagelijks "
    "werk en er is een dienstencatalogus.",
    "Processes, agreements and owners are set down; KPIs steer daily work and there is a "
    "service catalogue.",
)

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
            "werk en er is een dienstencatalogus. Toch werken afdelingen nog grotendeels op "
            "zichzelf: ze denken vanuit hun eigen aanbod en letten vooral op de kosten.",
            "Processes, agreements and owners are set down; KPIs steer daily work and there is a "
            "service catalogue. Yet departments still largely work on their own: they think from "
            "what they offer and mind mostly the cost.",
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

# dimension key -> level -> statements: (Dutch, English, the axis it informs,
# explanation in Dutch, in English). Mostly three per level; three were moved
# after a review against the model (the issue #13 review, migration 0005): a set
# way of carrying out changes is level-2 control, management discussing results
# structurally reads as level 3, and fully integrated supplier systems are level 5.
STATEMENTS = {
    "people": {
        2: [
            (
                "Iedereen weet wie waarvoor verantwoordelijk is in de dienstverlening.",
                "Everyone knows who is responsible for what in service delivery.",
                DRIVE,
                "Denk aan eigenaren van onderdelen, key users en functioneel beheer: bij een vraag of storing hoeft niemand te zoeken wie erover gaat.",
                "Think of component owners, key users and functional management: with a question or an incident, nobody has to search for who is in charge.",
            ),
            (
                "Nieuwe medewerkers krijgen een vaste inwerkroute voor de systemen en afspraken.",
                "New staff follow a set induction for the systems and agreements.",
                FOCUS,
                "Een nieuwe collega leert volgens een vast programma werken met de systemen en kent de werkafspraken, in plaats van het af te kijken bij anderen.",
                "A new colleague learns the systems and the working agreements through a set programme, rather than by watching others.",
            ),
            (
                "Fouten en klachten worden besproken om ervan te leren, niet om schuld te zoeken.",
                "Mistakes and complaints are discussed to learn, not to blame.",
                FOCUS,
                "Na een fout of klacht kijkt het team wat er beter kan; niemand wordt als schuldige aangewezen. Zo is het veilig om problemen te melden.",
                "After a mistake or complaint the team looks at what can be improved; nobody is singled out. That makes it safe to report problems.",
            ),
        ],
        3: [
            (
                "Medewerkers van verschillende afdelingen lossen klantvragen samen op.",
                "Staff from different departments solve customer questions together.",
                DRIVE,
                "Een klantvraag die meerdere afdelingen raakt, wordt samen opgelost; de klant wordt niet van loket naar loket gestuurd.",
                "A customer question that touches several departments is solved together; the customer is not sent from one desk to the next.",
            ),
            (
                "Medewerkers kennen de klantdoelen van de organisatie en werken ernaar.",
                "Staff know the organisation's customer goals and work towards them.",
                FOCUS,
                "Medewerkers kunnen zeggen wat de organisatie de klant belooft (bijvoorbeeld een reactietermijn) en zien hoe hun eigen werk daaraan bijdraagt.",
                "Staff can say what the organisation promises its customers (a response time, say) and see how their own work contributes.",
            ),
            (
                "Key users worden betrokken bij elke wijziging in hun proces.",
                "Key users are involved in every change to their process.",
                DRIVE,
                "Bij elke wijziging in een proces of systeem test en beoordeelt de key user van dat proces mee, voordat de wijziging live gaat.",
                "For every change to a process or system, the key user of that process helps test and assess it before it goes live.",
            ),
            (
                "Het management bespreekt de resultaten van de dienstverlening structureel.",
                "Management discusses service-delivery results as a standing item.",
                DRIVE,
                "Het management bespreekt op vaste momenten de cijfers en ervaringen van de dienstverlening en stuurt bij, niet alleen als er iets misgaat.",
                "Management reviews the figures and experiences of service delivery at fixed moments and adjusts course, not only when something goes wrong.",
            ),
        ],
        4: [
            (
                "Teams hebben ruimte om werkwijzen zelf te verbeteren.",
                "Teams are free to improve their ways of working themselves.",
                DRIVE,
                "Teams hoeven niet op toestemming van boven te wachten om hun eigen werkwijze te verbeteren; ze krijgen daar tijd en mandaat voor.",
                "Teams need not wait for permission from above to improve their own way of working; they get the time and the mandate for it.",
            ),
            (
                "Medewerkers worden beoordeeld op klantresultaat, niet alleen op productie.",
                "Staff are appraised on customer results, not on output alone.",
                FOCUS,
                "In gesprekken over functioneren tellen klanttevredenheid en opgeloste vragen mee, niet alleen het aantal afgehandelde zaken.",
                "Performance reviews take customer satisfaction and questions resolved into account, not just the number of cases handled.",
            ),
        ],
        5: [
            (
                "Medewerkers dragen zelf verbeteringen aan en voeren ze uit.",
                "Staff propose improvements themselves and carry them out.",
                DRIVE,
                "Verbeteringen komen vooral van de medewerkers zelf, die ze ook zelf uitvoeren; het management maakt het mogelijk.",
                "Improvements mainly come from the staff themselves, who also carry them out; management makes it possible.",
            ),
            (
                "Er is ruimte om nieuwe ideeën kleinschalig uit te proberen.",
                "There is room to try new ideas on a small scale.",
                DRIVE,
                "Een nieuw idee kan eerst op kleine schaal worden geprobeerd, bijvoorbeeld bij één team of proces, zonder groot project vooraf.",
                "A new idea can first be tried on a small scale, such as in one team or process, without a big project upfront.",
            ),
            (
                "De dienstverlening wordt binnen de organisatie gezien als partner van de directie.",
                "Inside the organisation, service delivery is seen as a partner of the board.",
                DRIVE,
                "De directie betrekt de dienstverlening bij strategische keuzes, omdat die wordt gezien als bron van waarde voor de organisatie.",
                "The board involves service delivery in strategic choices, because it is seen as a source of value for the organisation.",
            ),
        ],
    },
    "process": {
        2: [
            (
                "De belangrijkste processen zijn beschreven en iedereen werkt ermee.",
                "The main processes are described and everyone works with them.",
                FOCUS,
                "Voor de belangrijkste processen (zoals een reparatieverzoek) staat beschreven wie wat doet, en in de praktijk wordt ook zo gewerkt.",
                "For the main processes (such as a repair request) it is written down who does what, and that is how people actually work.",
            ),
            (
                "Er is een dienstencatalogus die klanten kunnen inzien.",
                "There is a service catalogue that customers can see.",
                FOCUS,
                "Klanten kunnen zien welke diensten de organisatie levert, hoe ze die aanvragen en wat ze mogen verwachten.",
                "Customers can see which services the organisation provides, how to request them and what to expect.",
            ),
            (
                "Afspraken over doorlooptijden zijn vastgelegd en worden gemeten.",
                "Agreed lead times are set down and measured.",
                DRIVE,
                "Er zijn termijnen afgesproken (bijvoorbeeld: binnen vijf werkdagen een reactie) en er wordt bijgehouden of die worden gehaald.",
                "Time frames are agreed (for example: a reply within five working days) and it is tracked whether they are met.",
            ),
            (
                "Er is een vaste werkwijze voor het doorvoeren van wijzigingen.",
                "There is a set way of carrying out changes.",
                DRIVE,
                "Wijzigingen in processen of systemen lopen via een vaste route: aanvragen, beoordelen, testen en invoeren. Niemand past zomaar iets aan.",
                "Changes to processes or systems follow a set route: request, assess, test and implement. Nobody just changes something.",
            ),
        ],
        3: [
            (
                "Processen zijn over afdelingen heen op elkaar afgestemd.",
                "Processes are aligned across departments.",
                DRIVE,
                "Waar een proces van de ene afdeling naar de andere gaat, zijn de overdrachten afgesproken en sluiten de stappen op elkaar aan.",
                "Where a process passes from one department to another, the hand-overs are agreed and the steps fit together.",
            ),
            (
                "Klantfeedback leidt aantoonbaar tot aanpassingen in processen.",
                "Customer feedback demonstrably leads to changes in processes.",
                FOCUS,
                "Er zijn voorbeelden te noemen van processen die zijn aangepast naar aanleiding van klachten, enquêtes of andere klantreacties.",
                "There are examples of processes that were changed because of complaints, surveys or other customer feedback.",
            ),
        ],
        4: [
            (
                "Processen lopen van klantvraag tot afhandeling door, over alle kanalen.",
                "Processes run from customer request to completion, across all channels.",
                FOCUS,
                "Een klantvraag wordt van begin tot eind gevolgd, ook als de klant van kanaal wisselt of meerdere afdelingen eraan werken.",
                "A customer request is followed from start to finish, even when the customer switches channels or several departments work on it.",
            ),
            (
                "Jaardoelen voor de dienstverlening volgen uit de klantbeleving.",
                "Yearly service goals follow from the customer experience.",
                DRIVE,
                "De doelen voor het komende jaar zijn afgeleid van wat klanten ervaren en belangrijk vinden, en sluiten aan op de strategie van de organisatie.",
                "Next year's goals are derived from what customers experience and value, and fit the organisation's strategy.",
            ),
            (
                "Een vast team verbetert processen doorlopend in korte stappen.",
                "A standing team keeps improving processes in short steps.",
                DRIVE,
                "Een vast, wendbaar team werkt doorlopend aan procesverbeteringen, in kleine stappen die snel resultaat geven.",
                "A standing, agile team works continuously on process improvements, in small steps that show results quickly.",
            ),
        ],
        5: [
            (
                "Processen worden ontworpen samen met klanten.",
                "Processes are designed together with customers.",
                FOCUS,
                "Klanten denken mee bij het ontwerpen of herontwerpen van een proces, bijvoorbeeld in een klantenpanel of via tests met echte klanten.",
                "Customers help design or redesign a process, for instance in a customer panel or through tests with real customers.",
            ),
            (
                "Verbeteringen worden getest en op resultaat beoordeeld voordat ze breed gaan.",
                "Improvements are tested and judged on results before they go wide.",
                DRIVE,
                "Een verbetering wordt eerst beproefd en gemeten; pas als het resultaat goed is, wordt ze overal ingevoerd.",
                "An improvement is first trialled and measured; only when the result is good is it introduced everywhere.",
            ),
            (
                "Processen passen zich snel aan nieuwe klantbehoeften aan.",
                "Processes adapt quickly to new customer needs.",
                FOCUS,
                "Als klanten iets nieuws vragen, kan een proces binnen weken worden aangepast, niet pas bij de volgende reorganisatie.",
                "When customers ask for something new, a process can be adapted within weeks, not only at the next reorganisation.",
            ),
        ],
    },
    "integration": {
        2: [
            (
                "Alle klantcontacten worden in één klantvolgsysteem vastgelegd.",
                "All customer contacts are recorded in one customer tracking system.",
                FOCUS,
                "Telefoon, e-mail, balie en website: elk contact komt in hetzelfde klantvolgsysteem terecht, zodat het terug te vinden is.",
                "Phone, e-mail, desk and website: every contact ends up in the same customer tracking system, so it can be found again.",
            ),
            (
                "Meldingen en verzoeken worden in een systeem geregistreerd en gevolgd.",
                "Requests and incidents are registered and tracked in a system.",
                FOCUS,
                "Meldingen en verzoeken krijgen een nummer en een status in een systeem, zodat niets zoekraakt in mailboxen.",
                "Requests and incidents get a number and a status in a system, so nothing gets lost in mailboxes.",
            ),
            (
                "Rapportages over volumes en doorlooptijden komen uit het systeem.",
                "Reports on volumes and lead times come from the system.",
                DRIVE,
                "Cijfers over aantallen en doorlooptijden komen rechtstreeks uit het systeem, niet uit lijstjes die met de hand worden bijgehouden.",
                "Figures on volumes and lead times come straight from the system, not from lists kept by hand.",
            ),
        ],
        3: [
            (
                "Afdelingen werken in één gedeeld systeem voor de dienstverlening.",
                "Departments work in one shared service-delivery system.",
                DRIVE,
                "De afdelingen die aan de dienstverlening werken, gebruiken hetzelfde systeem: zij zien elkaars werk en dragen over zonder overtypen.",
                "The departments involved in service delivery use the same system: they see each other's work and hand over without retyping.",
            ),
            (
                "Het klantportaal is gekoppeld aan het klantvolgsysteem.",
                "The customer portal is linked to the customer tracking system.",
                FOCUS,
                "Wat een klant in het portaal doet, komt vanzelf in het klantvolgsysteem, en de klant ziet in het portaal de status van zijn vraag.",
                "What a customer does in the portal lands in the customer tracking system by itself, and the customer sees the status of their question in the portal.",
            ),
            (
                "De kennisbank wordt zowel door medewerkers als door klanten gebruikt.",
                "The knowledge base is used by staff and customers alike.",
                FOCUS,
                "Medewerkers en klanten putten uit dezelfde kennisbank, zodat zij dezelfde antwoorden vinden.",
                "Staff and customers draw on the same knowledge base, so they find the same answers.",
            ),
        ],
        4: [
            (
                "Gegevens hoeven maar één keer te worden ingevoerd.",
                "Data has to be entered only once.",
                DRIVE,
                "Een adreswijziging of ander klantgegeven wordt één keer ingevoerd en is daarna in alle gekoppelde systemen bekend.",
                "A change of address or other customer data is entered once and is then known in every linked system.",
            ),
            (
                "Selfserviceprocessen worden zonder handwerk afgehandeld.",
                "Self-service processes are handled without manual work.",
                FOCUS,
                "Een aanvraag via selfservice wordt automatisch verwerkt tot in het achterliggende systeem, zonder dat een medewerker iets hoeft over te nemen.",
                "A self-service request is processed automatically into the back-office system, without an employee having to copy anything.",
            ),
            (
                "Dashboards tonen actuele KPI's aan management en teams.",
                "Dashboards show current KPIs to management and teams.",
                DRIVE,
                "Management en teams zien actuele cijfers op een dashboard, in plaats van te wachten op een maandrapportage.",
                "Management and teams see current figures on a dashboard, instead of waiting for a monthly report.",
            ),
        ],
        5: [
            (
                "Terugkerende taken zijn geautomatiseerd.",
                "Recurring tasks are automated.",
                DRIVE,
                "Routinewerk, zoals herinneringen, statuswijzigingen en standaardberichten, gebeurt automatisch.",
                "Routine work, such as reminders, status changes and standard messages, happens automatically.",
            ),
            (
                "Systemen wisselen gegevens automatisch uit met die van partners.",
                "Systems exchange data automatically with those of partners.",
                FOCUS,
                "Gegevens gaan vanzelf heen en weer met de systemen van partners, zoals aannemers of gemeenten, zonder mailen of overtypen.",
                "Data flows by itself to and from partners' systems, such as contractors or municipalities, without e-mailing or retyping.",
            ),
            (
                "Nieuwe technologie wordt gericht verkend op waarde voor klanten.",
                "New technology is explored deliberately for its value to customers.",
                FOCUS,
                "Er wordt bewust gekeken welke nieuwe technologie klanten echt verder helpt, en dat wordt in kleine proeven uitgezocht.",
                "New technology is deliberately examined for what really helps customers, and tried out in small pilots.",
            ),
        ],
    },
    "customer": {
        2: [
            (
                "Klanten kunnen ons via meerdere kanalen bereiken met vaste openingstijden.",
                "Customers can reach us through several channels with set opening hours.",
                FOCUS,
                "Klanten kunnen kiezen uit meerdere kanalen (bijvoorbeeld telefoon, e-mail en website) en weten wanneer die bereikbaar zijn.",
                "Customers can choose from several channels (for example phone, e-mail and website) and know when they are available.",
            ),
            (
                "Klanten krijgen een bevestiging en een termijn bij elke vraag.",
                "Customers get a confirmation and a time frame for every question.",
                FOCUS,
                "Na elke vraag krijgt de klant bericht dat die is ontvangen en wanneer hij een antwoord of oplossing kan verwachten.",
                "After every question the customer is told that it has been received and when to expect an answer or a solution.",
            ),
            (
                "Klanttevredenheid wordt periodiek gemeten.",
                "Customer satisfaction is measured periodically.",
                FOCUS,
                "Op vaste momenten wordt gemeten hoe tevreden klanten zijn, bijvoorbeeld met een korte enquête na een contact.",
                "Customer satisfaction is measured at set times, for example with a short survey after a contact.",
            ),
        ],
        3: [
            (
                "Klanten kunnen veelgevraagde zaken zelf online regelen.",
                "Customers can arrange common matters online themselves.",
                FOCUS,
                "Veelvoorkomende zaken, zoals een reparatie melden of een betalingsregeling aanvragen, regelen klanten zelf online.",
                "Common matters, such as reporting a repair or applying for a payment plan, customers arrange online themselves.",
            ),
            (
                "Elke medewerker ziet de eerdere contacten van de klant.",
                "Every employee sees the customer's earlier contacts.",
                DRIVE,
                "Wie een klant spreekt, ziet welke contacten die klant eerder had, ook met andere afdelingen, en hoeft niet opnieuw te vragen.",
                "Whoever talks to a customer sees that customer's earlier contacts, also with other departments, and need not ask again.",
            ),
            (
                "Uitkomsten van klantmetingen worden met de teams besproken.",
                "Customer survey results are discussed with the teams.",
                FOCUS,
                "De uitkomsten van klantmetingen worden met de teams besproken en leiden tot concrete afspraken.",
                "The results of customer surveys are discussed with the teams and lead to concrete agreements.",
            ),
        ],
        4: [
            (
                "De klantreis van de belangrijkste processen is in kaart gebracht.",
                "The customer journey of the main processes is mapped.",
                FOCUS,
                "Voor de belangrijkste processen is stap voor stap beschreven wat de klant doet, denkt en ervaart, inclusief de knelpunten.",
                "For the main processes it is described step by step what the customer does, thinks and experiences, including the pain points.",
            ),
            (
                "Klanten kunnen van kanaal wisselen zonder opnieuw te beginnen.",
                "Customers can switch channels without starting again.",
                DRIVE,
                "Een klant die online begint en daarna belt, hoeft zijn verhaal niet opnieuw te doen: de medewerker ziet waar hij gebleven is.",
                "A customer who starts online and then calls need not tell the story again: the employee sees where they left off.",
            ),
            (
                "Kanaalkeuze van klanten wordt gevolgd en gestuurd.",
                "Customers' choice of channel is monitored and steered.",
                DRIVE,
                "Er wordt bijgehouden welke kanalen klanten gebruiken, en klanten worden bewust naar het kanaal geleid dat hen het best helpt.",
                "It is tracked which channels customers use, and customers are deliberately guided to the channel that serves them best.",
            ),
        ],
        5: [
            (
                "Klanten denken structureel mee over de dienstverlening.",
                "Customers take part in shaping service delivery as a matter of course.",
                FOCUS,
                "Klanten praten structureel mee, bijvoorbeeld in een klantenpanel of klantenforum, en hun inbreng is terug te zien in de dienstverlening.",
                "Customers take part as a matter of course, for example in a customer panel or forum, and their input shows in the service.",
            ),
            (
                "We benaderen klanten proactief voordat zij ons nodig hebben.",
                "We approach customers proactively before they need us.",
                FOCUS,
                "De organisatie meldt zich bij de klant voordat die zelf hoeft te bellen, bijvoorbeeld bij een storing of een naderende termijn.",
                "The organisation contacts customers before they need to call, for instance about an outage or an approaching deadline.",
            ),
            (
                "De dienstverlening wordt persoonlijk afgestemd op de klantsituatie.",
                "Service is tailored personally to the customer's situation.",
                FOCUS,
                "Medewerkers en systemen houden rekening met de situatie van de klant, zoals een voorkeurskanaal of een bijzondere omstandigheid.",
                "Staff and systems take the customer's situation into account, such as a preferred channel or special circumstances.",
            ),
        ],
    },
    "supplier": {
        2: [
            (
                "Met elke leverancier zijn afspraken (SLA) vastgelegd.",
                "Agreements (an SLA) are set down with every supplier.",
                DRIVE,
                "Voor elke leverancier staat vast wat die levert, met welke beschikbaarheid en binnen welke reactie- en oplostijden.",
                "For every supplier it is set down what they deliver, with what availability and within which response and resolution times.",
            ),
            (
                "Er is één aanspreekpunt voor elke leverancier.",
                "There is one point of contact for each supplier.",
                FOCUS,
                "Per leverancier is duidelijk wie het contact onderhoudt, zodat afspraken en meldingen via één persoon lopen.",
                "For each supplier it is clear who maintains the contact, so agreements and reports go through one person.",
            ),
            (
                "Storingen bij leveranciers worden geregistreerd en opgevolgd.",
                "Supplier incidents are registered and followed up.",
                FOCUS,
                "Storingen die bij een leverancier liggen, worden vastgelegd en nagebeld tot ze zijn opgelost.",
                "Incidents that lie with a supplier are recorded and chased until they are resolved.",
            ),
        ],
        3: [
            (
                "Leveranciers worden periodiek beoordeeld op hun prestaties.",
                "Suppliers are reviewed on their performance periodically.",
                DRIVE,
                "Op vaste momenten wordt met de leverancier aan de hand van cijfers besproken of de afspraken zijn nagekomen.",
                "At set times it is discussed with the supplier, based on figures, whether the agreements were kept.",
            ),
            (
                "Leveranciers worden betrokken bij verbeteringen voor klanten.",
                "Suppliers are involved in improvements for customers.",
                FOCUS,
                "Leveranciers denken mee over verbeteringen die klanten merken, en worden daarbij niet alleen als uitvoerder gezien.",
                "Suppliers help think about improvements that customers notice, and are not seen merely as contractors.",
            ),
            (
                "Releases van leveranciers worden samen gepland en getest.",
                "Supplier releases are planned and tested together.",
                DRIVE,
                "Nieuwe versies van de leverancier worden samen ingepland en door key users getest voordat ze live gaan.",
                "New supplier releases are scheduled together and tested by key users before they go live.",
            ),
        ],
        4: [
            (
                "Met de belangrijkste leveranciers is een gezamenlijke roadmap.",
                "There is a joint roadmap with the main suppliers.",
                DRIVE,
                "Met de belangrijkste leveranciers ligt vast welke ontwikkelingen de komende tijd samen worden opgepakt.",
                "With the main suppliers it is set down which developments will be taken up together in the coming period.",
            ),
            (
                "Afspraken met leveranciers sturen op klantresultaat.",
                "Agreements with suppliers steer on customer results.",
                DRIVE,
                "In de afspraken staat niet alleen wat de leverancier levert, maar ook welk resultaat de klant daarvan moet merken.",
                "The agreements state not only what the supplier delivers, but also which result the customer should notice.",
            ),
        ],
        5: [
            (
                "Systemen van leveranciers zijn gekoppeld aan die van ons.",
                "Suppliers' systems are linked to ours.",
                FOCUS,
                "De systemen van leveranciers zijn volledig met die van de organisatie geïntegreerd: meldingen, statussen en gegevens gaan vanzelf over en weer.",
                "Suppliers' systems are fully integrated with the organisation's: incidents, statuses and data pass back and forth by themselves.",
            ),
            (
                "Leveranciers zijn langdurige partners in innovatie.",
                "Suppliers are long-term partners in innovation.",
                DRIVE,
                "De samenwerking met belangrijke leveranciers is voor de lange termijn en gericht op samen vernieuwen, niet alleen op leveren.",
                "The cooperation with key suppliers is long term and aimed at innovating together, not only at delivery.",
            ),
            (
                "Gegevens en kennis worden open met leveranciers gedeeld.",
                "Data and knowledge are shared openly with suppliers.",
                FOCUS,
                "Gegevens en kennis worden open uitgewisseld, zodat leverancier en organisatie over dezelfde informatie beschikken.",
                "Data and knowledge are exchanged openly, so that supplier and organisation have the same information.",
            ),
            (
                "Samen met leveranciers worden nieuwe diensten ontwikkeld.",
                "New services are developed together with suppliers.",
                DRIVE,
                "Nieuwe diensten voor klanten worden samen met leveranciers bedacht en ontwikkeld.",
                "New services for customers are conceived and developed together with suppliers.",
            ),
        ],
    },
}


def ensure_default_model(Level, Dimension, Statement) -> bool:
    """Create the default model on an empty install only; afterwards it is the
    beheerders' data. Takes the model classes so a data migration can pass its
    historical models (without the fields added later: those are filled by the
    migration that adds them). Returns whether anything was created."""
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
    fields = {f.name for f in Statement._meta.get_fields()}
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
        for level, statements in STATEMENTS[key].items():
            for position, (text_nl, text_en, axis, *explanation) in enumerate(statements, 1):
                extra = {"axis": axis} if "axis" in fields else {}
                if "explanation_nl" in fields:
                    extra.update(explanation_nl=explanation[0], explanation_en=explanation[1])
                Statement.objects.create(
                    dimension=dimension,
                    level=level,
                    order=position,
                    text_nl=text_nl,
                    text_en=text_en,
                    **extra,
                )
    return True


def shipped_statements():
    """(dimension key, level, order, text_nl, text_en, axis, explanation_nl, explanation_en)
    of every shipped statement."""
    for key, levels in STATEMENTS.items():
        for level, statements in levels.items():
            for position, statement in enumerate(statements, 1):
                text_nl, text_en, axis, explanation_nl, explanation_en = statement
                yield key, level, position, text_nl, text_en, axis, explanation_nl, explanation_en
