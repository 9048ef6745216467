"""The demo data set: members of the police unit Den Haag region and their knowledge.

Written for this project; supplier names are fictional. Each knowledge item is
(author, days ago, label, tags, text); a TLP:RED item names its recipients after
the label (`"TLP:RED anna.denhaag"`).
"""

# (user id, display name, organisation, roles)
MEMBERS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("beheer", "Sanne Beheer", "RSIV", ("beheerder", "werkgroep")),
    ("burgemeester", "Burgemeester Van Dijk", "Zoetermeer", ("portefeuillehouder",)),
    ("anna.denhaag", "Anna de Vries", "Den Haag", ("ciso", "werkgroep")),
    ("bram.leiden", "Bram Jansen", "Leiden", ("ciso", "werkgroep")),
    ("carla.delft", "Carla Bakker", "Delft", ("ciso",)),
    ("daan.zoetermeer", "Daan Visser", "Zoetermeer", ("ciso",)),
    ("eva.westland", "Eva Smit", "Westland", ("ciso",)),
    ("fatima.rijswijk", "Fatima El Amrani", "Rijswijk", ("ciso",)),
    ("gijs.wassenaar", "Gijs Mulder", "Wassenaar", ("ciso",)),
    ("hanna.lv", "Hanna de Boer", "Leidschendam-Voorburg", ("ciso",)),
    ("ivo.pn", "Ivo Meijer", "Pijnacker-Nootdorp", ("ciso",)),
    ("jeroen.md", "Jeroen de Groot", "Midden-Delfland", ("ciso",)),
    ("karin.alphen", "Karin Bos", "Alphen aan den Rijn", ("ciso",)),
    ("lars.gouda", "Lars Vos", "Gouda", ("ciso", "werkgroep")),
    ("mila.katwijk", "Mila Peters", "Katwijk", ("ciso",)),
    ("noor.noordwijk", "Noor Hendriks", "Noordwijk", ("ciso",)),
    ("olaf.teylingen", "Olaf van Leeuwen", "Teylingen", ("ciso",)),
    ("petra.lisse", "Petra Dekker", "Lisse", ("ciso",)),
    ("quinten.zuidplas", "Quinten Brouwer", "Zuidplas", ("ciso",)),
    ("rosa.waddinxveen", "Rosa de Wit", "Waddinxveen", ("ciso",)),
    ("sem.krimpenerwaard", "Sem Dijkstra", "Krimpenerwaard", ("ciso",)),
    ("tess.oegstgeest", "Tess Smits", "Oegstgeest", ("ciso",)),
    ("umar.leiderdorp", "Umar Yilmaz", "Leiderdorp", ("ciso",)),
    ("vera.voorschoten", "Vera de Graaf", "Voorschoten", ("ciso",)),
    ("wout.denhaag", "Wout Kok", "Den Haag", ("adviseur",)),
    ("xandra.leiden", "Xandra Jacobs", "Leiden", ("adviseur",)),
    ("yusuf.delft", "Yusuf Kaya", "Delft", ("adviseur",)),
    ("zoe.gouda", "Zoë van den Berg", "Gouda", ("adviseur",)),
    ("politie", "Rik Willems", "Politie eenheid Den Haag", ("partner",)),
    ("om", "Linda Maas", "Openbaar Ministerie", ("partner",)),
    ("vrh", "Tom Koster", "Veiligheidsregio Haaglanden", ("partner",)),
    ("ibd", "Ellen Prins", "IBD", ("partner",)),
)

# (author, days ago, label, tags, text)
ITEMS: tuple[tuple[str, int, str, tuple[str, ...], str], ...] = (
    # Phishing
    ("anna.denhaag", 2, "TLP:GREEN", ("phishing", "e-mail"),
     "Phishinggolf met valse facturen van 'Leverancier Zaaksysteem B.V.'\nSinds maandag komen bij "
     "meerdere gemeenten e-mails binnen met een PDF-factuur die naar een nagemaakte inlogpagina "
     "leidt. Blokkeer het afzenderdomein en waarschuw de crediteurenadministratie."),
    ("carla.delft", 5, "TLP:CLEAR", ("phishing", "awareness"),
     "Herkennen van phishingmails: vijf kenmerken voor medewerkers\nAfzender klopt net niet, "
     "haast in de tekst, een link die niet past bij de organisatie, een onverwachte bijlage en "
     "een verzoek om inloggegevens. Vrij te gebruiken in intranetberichten."),
    ("bram.leiden", 9, "TLP:GREEN", ("phishing", "mfa"),
     "Adversary-in-the-middle phishing omzeilt sms-codes. Bij twee gemeenten zijn sessiecookies "
     "buitgemaakt ondanks MFA. Overweeg phishingbestendige MFA (FIDO2) voor beheerders en "
     "conditional access op beheerde apparaten."),
    ("fatima.rijswijk", 14, "TLP:AMBER", ("phishing", "incident"),
     "Gecompromitteerd mailaccount van een wethouderssecretariaat\nDe aanvaller stuurde vanuit "
     "het account phishingmails naar ketenpartners. Mailboxregels die berichten doorsturen zijn "
     "de eerste indicator; controleer inbox rules in de hele tenant."),
    ("ibd", 20, "TLP:GREEN", ("phishing", "ibd"),
     "IBD-advies: meld phishing centraal\nDeel headers van ontvangen phishingmails met de IBD, "
     "zodat indicatoren snel bij alle gemeenten terechtkomen. Gebruik de knop 'phishing melden' "
     "in Outlook in plaats van doorsturen."),
    ("petra.lisse", 33, "TLP:CLEAR", ("phishing", "awareness", "oefening"),
     "Resultaten phishingsimulatie Lisse: 14% klikte, 4% vulde gegevens in\nNa een korte "
     "e-learning daalde dit bij de herhaling naar 6% en 1%. Meldingen door medewerkers "
     "verdubbelden. Draaiboek en mailteksten op aanvraag."),
    ("umar.leiderdorp", 48, "TLP:GREEN", ("phishing", "qr-code"),
     "Quishing: phishing met QR-codes in PDF-bijlagen\nMailfilters lezen QR-codes in "
     "afbeeldingen vaak niet. Leer medewerkers dat een QR-code om in te loggen altijd verdacht "
     "is."),
    ("politie", 60, "TLP:AMBER", ("phishing", "politie"),
     "Politie: actieve groep richt zich op salarisadministraties\nDe groep wijzigt via "
     "gephishte accounts de IBAN van medewerkers in het HR-systeem. Laat IBAN-wijzigingen "
     "altijd via een tweede kanaal bevestigen."),
    # Ransomware
    ("daan.zoetermeer", 3, "TLP:AMBER", ("ransomware", "leverancier"),
     "Ransomware bij hostingpartij van het parkeersysteem\nParkeerdata B.V. meldt een "
     "versleuteling bij haar hostingpartner. Vergunningen kunnen niet worden verwerkt; "
     "gegevens van burgers zijn mogelijk ingezien. Verwerkersovereenkomsten nalopen."),
    ("anna.denhaag", 12, "TLP:GREEN", ("ransomware", "draaiboek"),
     "Draaiboek ransomware voor gemeenten: eerste 24 uur\nIsoleren, niet uitzetten, back-ups "
     "veiligstellen, crisisteam bijeen, melden bij IBD en politie, AP binnen 72 uur. Het "
     "draaiboek van Den Haag is als voorbeeld te delen."),
    ("ibd", 25, "TLP:GREEN", ("ransomware", "kwetsbaarheid"),
     "Ransomwaregroepen misbruiken kwetsbare VPN-appliances\nPatch binnen 48 uur na een "
     "kritieke melding en controleer de appliances op achtergelaten accounts. Zie het "
     "IBD-beveiligingsadvies van deze maand."),
    ("karin.alphen", 41, "TLP:AMBER+STRICT", ("ransomware", "incident"),
     "Evaluatie ransomware-incident Alphen aan den Rijn (intern)\nDe aanvaller kwam binnen via "
     "een vergeten testserver. Herstel duurde elf dagen; de offline back-up was bepalend."),
    ("vrh", 55, "TLP:GREEN", ("ransomware", "crisisbeheersing"),
     "Veiligheidsregio: cyberincidenten in de crisisorganisatie\nBij uitval van gemeentelijke "
     "systemen schaalt de veiligheidsregio op. Zorg dat het gemeentelijk crisisplan een "
     "cyberparagraaf heeft en oefen die jaarlijks."),
    ("gijs.wassenaar", 70, "TLP:CLEAR", ("ransomware", "bestuur"),
     "Bestuurlijke handreiking: betalen bij ransomware?\nDe VNG adviseert niet te betalen. De "
     "handreiking helpt het college vooraf een standpunt te bepalen, zodat er in de crisis niet "
     "over hoeft te worden besloten."),
    ("om", 90, "TLP:GREEN", ("ransomware", "aangifte"),
     "Aangifte doen na ransomware: wat heeft het OM nodig?\nTijdlijn, logbestanden, het "
     "losgeldbericht en contactgegevens van de aanvallers. Aangifte helpt de opsporing, ook "
     "als de gemeente niet betaalt."),
    # Supplier vulnerabilities
    ("bram.leiden", 1, "TLP:AMBER", ("leverancier", "kwetsbaarheid", "zaaksysteem"),
     "Kritieke kwetsbaarheid in het zaaksysteem van Leverancier Zaaksysteem B.V.\nIngelogde "
     "gebruikers kunnen dossiers van andere afdelingen inzien. De leverancier levert een patch "
     "in week 50; tot die tijd de rol 'medewerker breed' beperken."),
    ("eva.westland", 7, "TLP:GREEN", ("leverancier", "inkoop"),
     "Beveiligingseisen in aanbestedingen: de GIBIT gebruiken\nNeem de Gemeentelijke Inkoop "
     "Bij IT op in elke aanbesteding en vraag een ISAE 3402 type II of ISO 27001-certificaat."),
    ("hanna.lv", 16, "TLP:AMBER", ("leverancier", "datalek"),
     "Datalek bij HR-Cloud Nederland B.V.\nDe leverancier meldt ongeautoriseerde toegang tot "
     "een back-upomgeving met salarisgegevens van vier gemeenten in de regio. Meldplicht bij "
     "de AP wordt per gemeente beoordeeld."),
    ("ibd", 23, "TLP:GREEN", ("leverancier", "kwetsbaarheid", "ibd"),
     "Kwetsbaarheid in burgerzakenpakket: update beschikbaar\nBurgerzaken Suite B.V. heeft "
     "versie 8.4.2 uitgebracht. De IBD schat het risico hoog in; installeer binnen een week."),
    ("noor.noordwijk", 37, "TLP:GREEN", ("leverancier", "verwerkersovereenkomst"),
     "Checklist verwerkersovereenkomst voor SaaS-leveranciers\nSubverwerkers, locatie van "
     "data, meldtermijn bij incidenten (24 uur), auditrecht en exit-afspraken. Gebaseerd op "
     "het VNG-model."),
    ("lars.gouda", 52, "TLP:AMBER", ("leverancier", "belastingen"),
     "Belastingsoft B.V. gebruikt gedeelde beheeraccounts\nBij een audit bleek dat de "
     "leverancier één beheeraccount voor alle klanten gebruikt. We hebben gezamenlijk "
     "persoonlijke accounts en MFA geëist."),
    ("rosa.waddinxveen", 75, "TLP:CLEAR", ("leverancier", "ketens"),
     "Ketenrisico's in kaart: welke leveranciers zijn kritiek?\nEen eenvoudig overzicht van "
     "de twintig belangrijkste applicaties, hun leveranciers en de impact bij uitval maakt "
     "het gesprek met de directie concreet."),
    ("sem.krimpenerwaard", 100, "TLP:GREEN", ("leverancier", "exit"),
     "Exitstrategie bij een leverancier die failliet gaat\nLeg vast hoe je bij data komt als de "
     "leverancier omvalt: escrow, periodieke export en een tweede beheerder."),
    # BIO / ENSIA
    ("lars.gouda", 4, "TLP:GREEN", ("ensia", "bio"),
     "ENSIA-vragenlijst: deadline 31 december\nVergeet niet de vragenlijsten voor DigiD en "
     "Suwinet voor het eind van het jaar af te ronden. De IT-audit volgt in het eerste "
     "kwartaal."),
    ("anna.denhaag", 11, "TLP:CLEAR", ("bio", "bio2"),
     "BIO2: wat verandert er voor gemeenten?\nBIO2 is sinds september 2025 vastgesteld en "
     "richtinggevend voor gemeenten. De nadruk ligt op risicomanagement en aansluiting op "
     "ISO 27002:2022."),
    ("xandra.leiden", 19, "TLP:GREEN", ("ensia", "audit"),
     "Ervaringen met de ENSIA IT-audit van vorig jaar\nDe auditor keek vooral naar "
     "wijzigingsbeheer en logging bij DigiD. Lever bewijs per maatregel aan, niet per document."),
    ("tess.oegstgeest", 30, "TLP:GREEN", ("ensia", "collegeverklaring"),
     "Collegeverklaring ENSIA: een voorbeeldtekst\nHet college verklaart vóór 1 mei of de "
     "maatregelen werken. Een voorbeeldtekst en aanbiedingsbrief voor de raad zijn "
     "beschikbaar."),
    ("beheer", 45, "TLP:CLEAR", ("bio", "risicomanagement"),
     "Risicomanagement volgens BIO: een praktisch format\nEen risicoregister met eigenaar, "
     "kans, impact en maatregel per proces. Klein beginnen met de vijf kritieke processen."),
    ("vera.voorschoten", 63, "TLP:GREEN", ("bio", "baseline"),
     "Baseline-informatiebeveiliging voor kleine gemeenten\nVoorschoten deelt hoe zij met "
     "anderhalve fte de BIO-maatregelen prioriteren en samenwerken met buurgemeenten."),
    ("zoe.gouda", 85, "TLP:GREEN", ("ensia", "suwinet"),
     "Suwinet-normenkader: veelgemaakte fouten\nTe ruime autorisaties en geen periodieke "
     "controle op gebruik. Laat teamleiders elk kwartaal de toegang aftekenen."),
    ("olaf.teylingen", 120, "TLP:CLEAR", ("bio", "privacy"),
     "Samenwerking CISO en FG: wie doet wat?\nEen heldere taakverdeling tussen CISO en "
     "functionaris gegevensbescherming voorkomt dat datalekken blijven liggen."),
    # Logging and monitoring
    ("ivo.pn", 6, "TLP:GREEN", ("logging", "soc"),
     "Gezamenlijke SOC-dienst: offerte van drie aanbieders vergeleken\nPijnacker-Nootdorp "
     "vergeleek drie aanbieders. De grootste verschillen zitten in de reactietijd buiten "
     "kantooruren en het aantal logbronnen."),
    ("jeroen.md", 18, "TLP:GREEN", ("logging", "m365"),
     "Microsoft 365: welke logging staat standaard aan?\nAudit logging staat aan, maar de "
     "bewaartermijn is kort. Exporteer de unified audit log naar je eigen opslag of SIEM."),
    ("ibd", 29, "TLP:CLEAR", ("logging", "ibd"),
     "IBD-handreiking logging en monitoring\nWelke bronnen je minimaal logt (domeincontrollers, "
     "firewalls, VPN, M365) en hoe lang je bewaart. Bruikbaar voor BIO-maatregel 8.15."),
    ("mila.katwijk", 44, "TLP:AMBER", ("logging", "incident"),
     "Ongebruikelijke aanmeldingen op de VPN vanuit het buitenland\nIn de logging zagen we "
     "aanmeldingen met geldige accounts vanaf Oost-Europese IP-adressen. Geo-blocking en MFA "
     "op de VPN hebben het gestopt."),
    ("fatima.rijswijk", 80, "TLP:GREEN", ("logging", "siem"),
     "SIEM-regels die bij ons de meeste echte incidenten vonden\nNieuwe mailbox-doorstuurregels, "
     "aanmelding van beheerders buiten kantooruren en massale bestandswijzigingen."),
    ("quinten.zuidplas", 140, "TLP:GREEN", ("logging", "bewaartermijn"),
     "Bewaartermijnen van logbestanden: wat is redelijk?\nZes maanden online en een jaar in "
     "archief is gangbaar; stem het af met de FG vanwege persoonsgegevens in logs."),
    # Back-ups and recovery
    ("carla.delft", 8, "TLP:GREEN", ("back-up", "herstel"),
     "Hersteltest van back-ups: één keer per kwartaal een volledige restore\nDelft test elk "
     "kwartaal de restore van het zaaksysteem in een afgesloten omgeving. De eerste test duurde "
     "drie dagen, nu zes uur."),
    ("daan.zoetermeer", 27, "TLP:CLEAR", ("back-up", "3-2-1"),
     "De 3-2-1-regel voor back-ups uitgelegd voor bestuurders\nDrie kopieën, op twee soorten "
     "opslag, waarvan één offline of onveranderbaar. Een plaat voor de collegevergadering."),
    ("eva.westland", 39, "TLP:AMBER", ("back-up", "ransomware"),
     "Back-upserver was bereikbaar vanuit het kantoornetwerk\nBij een pentest bleek de "
     "back-upserver met domeinaccounts benaderbaar. We hebben hem in een apart segment met "
     "eigen accounts geplaatst."),
    ("hanna.lv", 66, "TLP:GREEN", ("back-up", "cloud"),
     "Back-up van Microsoft 365: niet vanzelfsprekend\nMicrosoft bewaart data, maar een back-up "
     "tegen verwijdering of versleuteling moet je zelf regelen. Vergelijking van drie "
     "oplossingen."),
    ("karin.alphen", 95, "TLP:GREEN", ("back-up", "immutable"),
     "Onveranderbare (immutable) back-ups: ervaringen\nNa ons incident zijn we overgestapt. "
     "Let op de retentie-instelling: die kan daarna niet meer korter."),
    ("gijs.wassenaar", 150, "TLP:GREEN", ("back-up", "bcp"),
     "Bedrijfscontinuïteit: welke processen moeten binnen een dag terug?\nBurgerzaken, "
     "uitkeringen en de website met crisiscommunicatie. Maak er hersteltijden (RTO) van."),
    # Awareness
    ("petra.lisse", 10, "TLP:CLEAR", ("awareness", "campagne"),
     "Campagne 'Denk na, klik niet' voor de Maand van de Cybersecurity\nPosters, "
     "intranetberichten en een korte quiz, vrij te gebruiken door alle gemeenten in de regio."),
    ("tess.oegstgeest", 22, "TLP:GREEN", ("awareness", "bestuur"),
     "Awarenesssessie voor het college en de raad\nEen sessie van 45 minuten met een "
     "live-hack-demonstratie werkte goed. Bestuurders stelden daarna vragen over het budget."),
    ("noor.noordwijk", 35, "TLP:GREEN", ("awareness", "e-learning"),
     "E-learning informatiebeveiliging verplicht voor nieuwe medewerkers\nOnboarding bevat nu "
     "een verplichte module van twintig minuten; de afronding staat in het HR-systeem."),
    ("wout.denhaag", 58, "TLP:GREEN", ("awareness", "meten"),
     "Awareness meten zonder alleen naar klikratio's te kijken\nMeet ook het aantal meldingen "
     "en de tijd tot de eerste melding. Die stijgen als de cultuur verbetert."),
    ("yusuf.delft", 110, "TLP:CLEAR", ("awareness", "thuiswerken"),
     "Tips voor veilig thuiswerken\nVergrendel je scherm, gebruik geen privé-USB-sticks en bel "
     "bij twijfel de servicedesk. Een flyer voor alle medewerkers."),
    ("politie", 130, "TLP:CLEAR", ("awareness", "ceo-fraude"),
     "CEO-fraude: zo herken je het\nEen 'burgemeester' die met spoed vraagt om een betaling of "
     "cadeaubonnen. Bel altijd terug via een bekend nummer."),
    # Cyberbeveiligingswet / NIS2
    ("anna.denhaag", 13, "TLP:GREEN", ("cbw", "nis2", "bestuur"),
     "Cyberbeveiligingswet: wat moet het college doen?\nGemeenten zijn essentiële entiteiten. "
     "Het college keurt de maatregelen goed, houdt toezicht en volgt een training. Voorstel "
     "voor een collegebesluit bijgevoegd."),
    ("bram.leiden", 31, "TLP:GREEN", ("cbw", "meldplicht"),
     "Meldplicht onder de Cbw: binnen 24 uur een vroegtijdige waarschuwing\nRicht het "
     "incidentproces zo in dat een significant incident binnen 24 uur gemeld kan worden, ook "
     "in het weekend."),
    ("om", 72, "TLP:GREEN", ("cbw", "jenv"),
     "JenV-informatiesessie over de Cyberbeveiligingswet\nPresentatie en vragen uit de sessie "
     "voor gemeenten; de zorgplicht en de rol van de toezichthouder komen aan bod."),
    ("lars.gouda", 99, "TLP:CLEAR", ("cbw", "nis2"),
     "NIS2 in één A4 voor bestuurders\nWat de Europese richtlijn vraagt, wat de Nederlandse "
     "Cyberbeveiligingswet daarvan maakt en wat het betekent voor de gemeente."),
    # Identity, MFA and access
    ("ivo.pn", 15, "TLP:GREEN", ("mfa", "wachtwoord"),
     "Wachtwoordbeleid herzien: lange wachtzinnen en geen verplichte wisseling\nWe volgen het "
     "NCSC-advies: minimaal 14 tekens, controle op gelekte wachtwoorden en MFA overal."),
    ("umar.leiderdorp", 42, "TLP:GREEN", ("mfa", "beheerders"),
     "Beheeraccounts gescheiden van dagelijks werk\nBeheerders hebben nu een apart account "
     "met phishingbestendige MFA, alleen bruikbaar vanaf beheerwerkplekken."),
    ("jeroen.md", 88, "TLP:AMBER", ("wachtwoord", "datalek"),
     "Gelekte wachtwoorden van medewerkers in een openbare dump\nWe troffen 37 adressen van "
     "collega's aan. Accounts geblokkeerd en wachtwoorden gereset; MFA voorkwam misbruik."),
    ("sem.krimpenerwaard", 125, "TLP:GREEN", ("toegang", "uitdiensttreding"),
     "Uitdiensttreding: accounts op tijd intrekken\nKoppel het HR-systeem aan het "
     "accountbeheer, zodat accounts op de laatste werkdag worden geblokkeerd."),
    # Incident response and cooperation
    ("hanna.lv", 17, "TLP:GREEN", ("incident", "oefening"),
     "Regionale cyberoefening voorjaar: deelnemers gezocht\nDe veiligheidsregio organiseert "
     "een tabletop-oefening met een ransomware-scenario. Aanmelden via de werkgroep."),
    ("vrh", 50, "TLP:AMBER", ("incident", "stroomuitval"),
     "Scenario: langdurige stroom- en netwerkuitval in de regio\nUitwerking van de gevolgen "
     "voor gemeentelijke dienstverlening en de crisiscommunicatie, alleen voor deelnemers."),
    ("beheer", 80, "TLP:CLEAR", ("netwerk", "samenwerking"),
     "Afspraken van het CISO-netwerk van de eenheid Den Haag\nWe delen kennis volgens TLP, "
     "formuleren knelpunten samen en brengen ze landelijk in via de werkgroep."),
    ("mila.katwijk", 105, "TLP:GREEN", ("incident", "communicatie"),
     "Communicatie bij een cyberincident: berichten klaarzetten\nHoud standaardteksten klaar "
     "voor website, sociale media en de raad, zodat je in het eerste uur kunt communiceren."),
    # TLP:AMBER+STRICT and TLP:RED
    ("anna.denhaag", 24, "TLP:AMBER+STRICT", ("incident", "intern"),
     "Interne evaluatie inbraakpoging op de Haagse website\nDe aanval werd door de WAF "
     "tegengehouden; de evaluatie noemt verbeterpunten in het patchproces."),
    ("bram.leiden", 40, "TLP:AMBER+STRICT", ("audit", "intern"),
     "Bevindingen interne audit Leiden: toegangsbeheer\nVijf bevindingen, waarvan twee hoog. "
     "Het verbeterplan loopt tot het tweede kwartaal."),
    ("anna.denhaag", 6, "TLP:RED bram.leiden lars.gouda", ("incident", "politie"),
     "Lopend onderzoek naar een insider bij een ketenpartner\nAlleen voor de werkgroep: de "
     "politie vraagt om geen maatregelen te nemen die de verdachte kunnen waarschuwen."),
    ("politie", 21, "TLP:RED anna.denhaag", ("politie", "dreiging"),
     "Concrete dreiging tegen de website van de gemeente Den Haag\nDe politie heeft "
     "aanwijzingen voor een geplande DDoS-aanval rond de verkiezingen."),
    ("lars.gouda", 57, "TLP:RED bram.leiden", ("leverancier", "onderhandeling"),
     "Vertrouwelijk: onderhandelingspositie richting Belastingsoft B.V.\nVoorstel om "
     "gezamenlijk de contracten te heronderhandelen en zo nodig op te zeggen."),
    ("daan.zoetermeer", 64, "TLP:RED burgemeester", ("bestuur", "incident"),
     "Vertrouwelijke briefing voor de burgemeester over het parkeerincident\nStand van zaken "
     "en mogelijke gevolgen voor inwoners; niet verder verspreiden."),
)  # fmt: skip

# (voter, item number in ITEMS, counted from 1)
VOTES: tuple[tuple[str, int], ...] = (
    ("bram.leiden", 1), ("carla.delft", 1), ("eva.westland", 1), ("lars.gouda", 10),
    ("karin.alphen", 10), ("petra.lisse", 10), ("ivo.pn", 10), ("anna.denhaag", 24),
    ("hanna.lv", 33), ("daan.zoetermeer", 37), ("noor.noordwijk", 37), ("tess.oegstgeest", 49),
    ("umar.leiderdorp", 49), ("gijs.wassenaar", 49), ("mila.katwijk", 53), ("beheer", 2),
)  # fmt: skip
