"""Demo bottlenecks: what the region's CISOs could not solve alone, at every stage.

Each is (reporter, days ago, label, theme, title, description, supporters with an
optional note, status steps, decision asked). A step is (days ago, status, body,
reference, days until the answer is due, reason).
"""

from __future__ import annotations

Step = tuple[int, str, str | None, str | None, int | None, str | None]
Bottleneck = tuple[
    str, int, str, str, str, str, tuple[tuple[str, str | None], ...], tuple[Step, ...], str | None
]

BOTTLENECKS: tuple[Bottleneck, ...] = (
    (
        "bram.leiden", 75, "TLP:GREEN", "leveranciers",
        "Zaaksysteem levert geen volledige auditlogs",
        "Sinds versie 9 van het zaaksysteem (Leverancier Zaaksysteem B.V.) ontbreken "
        "raadpleeglogs van dossiers. Voor de BIO (logging, 8.15) en de AVG moeten we kunnen "
        "aantonen wie welk dossier inzag. De leverancier verwijst naar een betaalde module.",
        (
            ("carla.delft", "Delft heeft hetzelfde probleem sinds de migratie in maart."),
            ("anna.denhaag", None),
            ("karin.alphen", "Ook bij ons; de ENSIA-auditor maakte er een bevinding van."),
            ("lars.gouda", None),
            ("mila.katwijk", None),
        ),
        (
            (60, "in_behandeling", None, None, None, "Werkgroep inventariseert bij de leden."),
            (45, "geescaleerd", "IBD", "IBD-2026-0412", 42,
             "Landelijk oppakken met de leverancier: raakt alle gebruikers."),
        ),
        "Spreek met de leverancier af dat raadpleeglogging standaard in het product zit.",
    ),
    (
        "eva.westland", 50, "TLP:AMBER", "financiering",
        "Kleine gemeenten kunnen 24/7 SOC-dienstverlening niet betalen",
        "De Cyberbeveiligingswet vraagt monitoring en melding binnen 24 uur. Een eigen SOC of "
        "een commercieel contract kost meer dan het hele informatiebeveiligingsbudget.",
        (
            ("jeroen.md", "Midden-Delfland: offerte was drie keer ons budget."),
            ("gijs.wassenaar", None),
            ("petra.lisse", None),
            ("olaf.teylingen", None),
        ),
        ((30, "in_behandeling", None, None, None, "Voorbereiden voor VNG-commissie."),),
        "Vraag het Rijk om structurele financiering van een gezamenlijk gemeentelijk SOC.",
    ),
    (
        "fatima.rijswijk", 40, "TLP:GREEN", "awareness",
        "Geen landelijke phishingsimulatie voor gemeenten",
        "Elke gemeente koopt los een phishingsimulatie in. Een landelijke, door de IBD "
        "gefaciliteerde campagne zou goedkoper zijn en vergelijkbare cijfers opleveren.",
        (("hanna.lv", None), ("ivo.pn", "Graag met Nederlandstalige scenario's.")),
        (),
        None,
    ),
    (
        "anna.denhaag", 120, "TLP:GREEN", "bio",
        "BIO2-overgangstermijn onduidelijk voor gemeenten",
        "BIO2 is richtinggevend voor gemeenten, maar ENSIA toetst nog op de oude BIO. Welke "
        "norm geldt voor het verslagjaar?",
        (("bram.leiden", None), ("daan.zoetermeer", None), ("tess.oegstgeest", None)),
        (
            (110, "in_behandeling", None, None, None, None),
            (100, "geescaleerd", "BZK", "BZK-2026-77", 42, "Vraag om duidelijkheid voor ENSIA."),
            (70, "beantwoord", None, None, None,
             "BZK: ENSIA toetst dit verslagjaar nog op de BIO; BIO2-vragen zijn vrijwillig."),
        ),
        None,
    ),
    (
        "quinten.zuidplas", 12, "TLP:GREEN", "leveranciers",
        "Cloudleverancier meldt incidenten te laat",
        "Een SaaS-leverancier meldde een datalek pas na vijf dagen. Contracten missen een "
        "meldtermijn die past bij de Cyberbeveiligingswet.",
        (("rosa.waddinxveen", None),),
        (),
        None,
    ),
    (
        "sem.krimpenerwaard", 20, "TLP:GREEN", "onderwijs",
        "Te weinig opleidingsplaatsen voor de Cbw-training van het college",
        "De Cyberbeveiligingswet verplicht bestuurders tot een training; het aanbod is vol tot "
        "de zomer.",
        (),
        ((10, "afgewezen", None, None, None, "Regionaal opgelost: RSIV organiseert een sessie."),),
        None,
    ),
    (
        "anna.denhaag", 30, "TLP:GREEN", "financiering",
        "Geen regionale bijdrage voor gezamenlijke pentests",
        "Gemeenten besteden pentests elk apart aan. Samen inkopen halveert de prijs, maar "
        "daarvoor is een regionale bijdrage per gemeente nodig die alleen het RBO kan vaststellen.",
        (("bram.leiden", None), ("carla.delft", "Delft doet mee vanaf het tweede kwartaal.")),
        (
            (25, "in_behandeling", None, None, None, None),
            (14, "geescaleerd", "RBO", "RBO-2027-03", 28, "Besluit nodig in het volgende RBO."),
        ),
        "Stel een regionale bijdrage van € 2.000 per gemeente vast voor gezamenlijke pentests.",
    ),
)  # fmt: skip
