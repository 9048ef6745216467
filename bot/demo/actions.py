"""Demo actions: what the werkgroep agreed, with owners, Dutch deadlines and progress.

Each is (owner, creator, days ago created, deadline as people write it, title, linked
bottleneck number or 0, progress updates, postponement (new deadline, reason) or
None, done days ago or None). Deadlines are read relative to the demo's "now".
"""

from __future__ import annotations

DemoAction = tuple[
    str, str, int, str, str, int, tuple[str, ...], tuple[str, str] | None, int | None
]

ACTIONS: tuple[DemoAction, ...] = (
    ("anna.denhaag", "anna.denhaag", 40, "eind Q1",
     "Regionale logeis voor zaaksystemen opstellen", 1,
     ("Concept besproken in de werkgroep.", "Leverancier heeft gereageerd op het concept."),
     None, None),
    ("wout.denhaag", "anna.denhaag", 30, "over 10 werkdagen",
     "Inventarisatie SOC-offertes bij kleine gemeenten", 2,
     ("Vijf van de acht offertes binnen.",), None, None),
    ("xandra.leiden", "bram.leiden", 60, "over 2 weken",
     "Phishingsimulatie gezamenlijk aanbesteden: marktverkenning", 3, (),
     ("eind Q1", "Wachten op de landelijke aanpak van de IBD."), None),
    ("yusuf.delft", "bram.leiden", 45, "vrijdag",
     "Cbw-zorgplicht: gap-analyse per gemeente verzamelen", 0,
     ("Twaalf gemeenten hebben aangeleverd.",), None, None),
    ("carla.delft", "anna.denhaag", 50, "over 3 dagen",
     "Draaiboek ransomware regionaal afstemmen", 0, (), None, None),
    ("zoe.gouda", "lars.gouda", 35, "volgende week dinsdag",
     "Awarenesscampagne 'Denk na voor je klikt' voorbereiden", 0, (), None, None),
    ("lars.gouda", "lars.gouda", 80, "15 maart",
     "ENSIA-planning 2027 delen met alle gemeenten", 0, (), None, 5),
    ("eva.westland", "anna.denhaag", 70, "eind van de maand",
     "Contactlijst CISO's en crisiscoördinatoren bijwerken", 0, (), None, 12),
    ("bram.leiden", "anna.denhaag", 25, "tweede kwartaal",
     "Voorstel RBO: structurele financiering gezamenlijke monitoring", 2, (), None, None),
)  # fmt: skip

# Actions that the demo makes overdue: (title, days past the deadline).
OVERDUE: tuple[tuple[str, int], ...] = (
    ("Draaiboek ransomware regionaal afstemmen", 6),
    ("Cbw-zorgplicht: gap-analyse per gemeente verzamelen", 11),
)
