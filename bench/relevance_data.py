"""Items and queries for bench/relevance.py: Dutch municipal security knowledge.

The items compete for the same words on purpose (several are about phishing, back-ups,
passwords, data breaches, suppliers), so a query must find the one it means, not just
any item with a common word. Each query names the item it is after and its kind.
"""

from __future__ import annotations

# key, title, body
ITEMS: tuple[tuple[str, str, str], ...] = (
    (
        "phish-herkennen",
        "Phishing herkennen",
        "Let op afzender, haast en links. Meld verdachte mails bij de servicedesk.",
    ),
    (
        "phish-campagne",
        "Phishingcampagne uit naam van de Belastingdienst",
        "Valse aanslagen met een betaallink; blokkeer het domein en waarschuw medewerkers.",
    ),
    (
        "phish-oefening",
        "Phishingsimulatie voor medewerkers",
        "Hoe wij een oefencampagne opzetten en de klikratio meten zonder te beschamen.",
    ),
    (
        "phish-melden",
        "Meldknop voor verdachte e-mail",
        "Een knop in Outlook stuurt verdachte berichten naar het securityteam.",
    ),
    (
        "phish-sms",
        "Smishing: phishing via sms",
        "Berichten over pakketjes en boetes; geef medewerkers een voorbeeldenlijst.",
    ),
    (
        "ww-beleid",
        "Wachtwoordbeleid herzien",
        "Lange wachtzinnen in plaats van complexe regels; geen verplichte wissel meer.",
    ),
    (
        "ww-manager",
        "Wachtwoordmanager invoeren",
        "Drie pakketten vergeleken op beheer, herstel en kosten voor de organisatie.",
    ),
    (
        "ww-lek",
        "Gelekte wachtwoorden controleren",
        "Vergelijk hashes met bekende lekken en dwing een nieuw wachtwoord af.",
    ),
    (
        "mfa-invoeren",
        "Tweestapsverificatie voor alle accounts",
        "Eerst beheerders, daarna raadsleden en medewerkers; authenticator-app als standaard.",
    ),
    (
        "mfa-uitzondering",
        "Uitzonderingen op tweestapsverificatie",
        "Serviceaccounts en gedeelde postbussen: hoe je ze toch afdekt.",
    ),
    (
        "backup-offline",
        "Back-ups offline bewaren",
        "Een kopie buiten het netwerk beschermt tegen ransomware die ook back-ups versleutelt.",
    ),
    (
        "backup-test",
        "Hersteltest van de back-up",
        "Elk kwartaal een volledige terugzetting oefenen en de hersteltijd meten.",
    ),
    (
        "backup-cloud",
        "Backup van Microsoft 365",
        "De standaardbewaartermijn is te kort; een aparte backupdienst vult dat aan.",
    ),
    (
        "ransom-leverancier",
        "Ransomware bij een leverancier",
        "De leverancier van het zaaksysteem werd getroffen; wij ontkoppelden de koppeling.",
    ),
    (
        "ransom-draaiboek",
        "Draaiboek ransomware",
        "Wie beslist, wie belt wie, en wanneer schakelen we de crisisorganisatie in.",
    ),
    (
        "ransom-betalen",
        "Losgeld betalen of niet",
        "Het standpunt van de VNG en de politie, en wat de verzekering zegt.",
    ),
    (
        "datalek-melden",
        "Datalek melden bij de AP",
        "Binnen 72 uur melden bij de Autoriteit Persoonsgegevens; het registratieformulier.",
    ),
    (
        "datalek-register",
        "Register van datalekken bijhouden",
        "Ook lekken die je niet meldt, registreer je met de afweging erbij.",
    ),
    (
        "datalek-mail",
        "Mail naar verkeerde ontvanger",
        "De meest voorkomende inbreuk: hoe je de impact beoordeelt en wanneer je meldt.",
    ),
    (
        "avg-verwerkers",
        "Verwerkersovereenkomsten op orde",
        "Een model voor leveranciers, met de beveiligingsbijlage en auditrecht.",
    ),
    (
        "avg-dpia",
        "Gegevensbeschermingseffectbeoordeling uitvoeren",
        "Wanneer een DPIA verplicht is en hoe je de risico's weegt.",
    ),
    (
        "fg-rol",
        "Functionaris gegevensbescherming aanstellen",
        "De onafhankelijke positie van de FG en de verhouding tot de CISO.",
    ),
    (
        "ap-boete",
        "Boete van de Autoriteit Persoonsgegevens",
        "Een gemeente kreeg een boete voor het bewaren van gegevens zonder grondslag.",
    ),
    (
        "bio-nulmeting",
        "BIO-nulmeting uitvoeren",
        "Met de Baseline Informatiebeveiliging Overheid meten waar de gemeente staat.",
    ),
    (
        "bio-2",
        "Overgang naar BIO 2.0",
        "Wat verandert er en wat moeten gemeenten voor de deadline regelen.",
    ),
    (
        "ensia-planning",
        "ENSIA-verantwoording plannen",
        "De jaarlijkse cyclus: zelfevaluatie, collegeverklaring en de auditor.",
    ),
    (
        "ensia-digid",
        "DigiD-assessment in ENSIA",
        "De normen voor DigiD-aansluitingen en hoe de IT-auditor toetst.",
    ),
    (
        "suwi",
        "Suwinet-normen toetsen",
        "Wie inzage heeft in Suwinet en hoe je het gebruik logt en controleert.",
    ),
    (
        "ddos-site",
        "Overbelastingsaanval op de gemeentesite",
        "De provider filterde het verkeer; de website was twee uur onbereikbaar.",
    ),
    (
        "ddos-plan",
        "Plan tegen overbelasting van digitale diensten",
        "Afspraken met de hostingpartij over scrubbing en communicatie naar inwoners.",
    ),
    (
        "cvd-beleid",
        "Coordinated vulnerability disclosure",
        "Een pagina en een mailadres waar onderzoekers kwetsbaarheden kunnen melden.",
    ),
    (
        "cvd-melding",
        "Melding van een ethisch hacker afhandelen",
        "Bedank de melder, bevestig binnen drie dagen en houd een termijn aan.",
    ),
    (
        "vog-beheer",
        "Verklaring omtrent het gedrag voor beheerders",
        "Welke functies een VOG nodig hebben en hoe je die aanvraagt via Justis.",
    ),
    (
        "sso-entra",
        "Eenmalige aanmelding met Entra ID",
        "Koppelingen met zaaksystemen en de valkuilen bij gastaccounts.",
    ),
    (
        "bcp-plan",
        "Bedrijfscontinuiteitsplan voor ICT-uitval",
        "Welke processen eerst terug moeten en met welke noodprocedures.",
    ),
    (
        "bcp-oefening",
        "Continuiteitsoefening met de crisisorganisatie",
        "Een tabletop over een dag zonder netwerk, met het college erbij.",
    ),
    (
        "soc-inkoop",
        "SOC inkopen als kleine gemeente",
        "Gezamenlijk inkopen met de regio; wat een security operations center moet leveren.",
    ),
    (
        "siem-logging",
        "SIEM-koppeling van logbronnen",
        "Welke logbronnen eerst: AD, firewall, mail en de zaaksystemen.",
    ),
    (
        "logging-bewaren",
        "Logging bewaren in eigen opslag",
        "Audit logs van Microsoft 365 exporteren en een jaar bewaren.",
    ),
    (
        "mdm-telefoons",
        "Mobile device management voor telefoons",
        "Diensttelefoons beheren: versleuteling, wissen op afstand en appbeleid.",
    ),
    (
        "mdm-byod",
        "Eigen apparaten van raadsleden",
        "Bring your own device: wat mag wel en wat niet, met een beheerde container.",
    ),
    (
        "vpn-vervangen",
        "VPN vervangen door zero trust",
        "Toegang per applicatie in plaats van het hele netwerk open te zetten.",
    ),
    (
        "vpn-kwetsbaar",
        "Kwetsbaarheid in de VPN-gateway",
        "Direct patchen en de logging nalopen op misbruik sinds de publicatie.",
    ),
    (
        "edr-uitrol",
        "EDR uitrollen op werkplekken",
        "Endpoint detection and response: pilotgroep, meldingen en opvolging.",
    ),
    (
        "patch-beleid",
        "Patchbeleid en termijnen",
        "Kritieke updates binnen een week, de rest in de maandelijkse cyclus.",
    ),
    (
        "kwets-scan",
        "Kwetsbaarhedenscan van het netwerk",
        "Maandelijks scannen en de bevindingen prioriteren op risico.",
    ),
    (
        "pentest",
        "Pentest van de website",
        "Een externe partij testte de site; de belangrijkste bevindingen en herstel.",
    ),
    (
        "leverancier-eisen",
        "Beveiligingseisen voor leveranciers",
        "Standaardeisen in aanbestedingen, afgeleid van de BIO.",
    ),
    (
        "leverancier-audit",
        "Audit bij een leverancier",
        "Een ISAE-verklaring vragen of zelf een audit uitvoeren.",
    ),
    (
        "keten-aanval",
        "Aanval via de toeleveringsketen",
        "Een supply chain attack via een update van een softwareleverancier.",
    ),
    (
        "awareness-jaar",
        "Jaarplan bewustwording",
        "Maandelijks een thema, met e-learning en korte filmpjes.",
    ),
    (
        "awareness-raad",
        "Bewustwording bij raadsleden",
        "Een sessie over phishing, sociale media en het verlies van telefoons.",
    ),
    (
        "cbw-zorgplicht",
        "Zorgplicht onder de Cyberbeveiligingswet",
        "Wat de Cbw van gemeenten vraagt en hoe NIS2 doorwerkt.",
    ),
    (
        "cbw-melding",
        "Meldplicht incidenten onder de Cbw",
        "Binnen 24 uur een vroege waarschuwing, binnen 72 uur de melding.",
    ),
    (
        "ibd-advies",
        "IBD-advies opvolgen",
        "Hoe wij de beveiligingsadviezen van de Informatiebeveiligingsdienst verwerken.",
    ),
    (
        "ncsc-samenwerking",
        "Samenwerking met het NCSC",
        "Welke informatie wij delen en via welk kanaal.",
    ),
    (
        "ciso-rol",
        "De rol van de CISO in de organisatie",
        "Positionering naast de FG, de directie en het college.",
    ),
    (
        "incident-proces",
        "Incidentproces informatiebeveiliging",
        "Van melding tot evaluatie: wie doet wat en wanneer.",
    ),
    (
        "incident-evaluatie",
        "Evaluatie na een incident",
        "Een blameless review met verbeteracties en eigenaren.",
    ),
    (
        "crisis-comm",
        "Crisiscommunicatie bij een cyberincident",
        "Wat zeg je tegen inwoners en pers, en wanneer.",
    ),
    (
        "toegang-beheer",
        "Autorisatiebeheer en rechten",
        "Periodiek de rechten controleren met de proceseigenaren.",
    ),
    (
        "toegang-vertrek",
        "Accounts bij uitdiensttreding",
        "Het account dezelfde dag blokkeren en de rechten intrekken.",
    ),
    (
        "beheerder-accounts",
        "Beheeraccounts scheiden",
        "Aparte accounts voor beheer, zonder mail en internet.",
    ),
    (
        "cloud-strategie",
        "Cloudstrategie en risico's",
        "Welke gegevens naar de cloud mogen en onder welke voorwaarden.",
    ),
    (
        "cloud-exit",
        "Exitstrategie bij clouddiensten",
        "Gegevens terugkrijgen bij het einde van een contract.",
    ),
    (
        "email-dmarc",
        "DMARC instellen voor e-mail",
        "SPF, DKIM en DMARC zodat niemand namens de gemeente kan mailen.",
    ),
    (
        "email-versleutelen",
        "E-mail versleutelen",
        "Wanneer beveiligd mailen verplicht is en welke oplossing werkt.",
    ),
    (
        "ot-gebouw",
        "Gebouwbeheersysteem beveiligen",
        "Het gebouwbeheersysteem hing aan het kantoornetwerk; segmentatie hielp.",
    ),
    (
        "ot-gemaal",
        "Beveiliging van gemalen en sluizen",
        "Operationele technologie bij de buitendienst en de risico's van afstandsbediening.",
    ),
    (
        "camera",
        "Camerabeveiliging en privacy",
        "Cameratoezicht in de openbare ruimte en de bewaartermijn van beelden.",
    ),
    (
        "printer",
        "Printers als zwakke plek",
        "Firmware bijwerken en standaardwachtwoorden wijzigen.",
    ),
    (
        "ai-gebruik",
        "Gebruik van generatieve AI",
        "Afspraken over het invoeren van gegevens in chatbots.",
    ),
    ("usb", "USB-sticks blokkeren", "Alleen versleutelde sticks toestaan en de rest blokkeren."),
    ("thuiswerk", "Veilig thuiswerken", "Afspraken over wifi, printen en het scherm vergrendelen."),
    (
        "fysiek",
        "Fysieke beveiliging van het gemeentehuis",
        "Toegangspassen, bezoekersregistratie en de serverruimte.",
    ),
    (
        "archief",
        "Digitaal archief en bewaartermijnen",
        "Wat je bewaart, hoe lang, en hoe je vernietigt.",
    ),
    (
        "classificatie",
        "Informatie classificeren",
        "Van openbaar tot geheim, en wat dat betekent voor de behandeling.",
    ),
    (
        "risico",
        "Risicoanalyse informatiebeveiliging",
        "Een methode om risico's te wegen met de proceseigenaren.",
    ),
    (
        "verzekering",
        "Cyberverzekering afsluiten",
        "Wat dekt de polis, welke eisen stelt de verzekeraar.",
    ),
    (
        "social-engineering",
        "Social engineering aan de telefoon",
        "Bellers die zich voordoen als leverancier of collega.",
    ),
    (
        "ceo-fraude",
        "CEO-fraude herkennen",
        "Een spoedverzoek om te betalen uit naam van de gemeentesecretaris.",
    ),
    (
        "deepfake",
        "Deepfakes en stemklonen",
        "Nepstemmen van bestuurders; spreek een terugbelcontrole af.",
    ),
    (
        "raad-info",
        "Informeren van de gemeenteraad",
        "Hoe vaak en hoe uitgebreid de raad over informatieveiligheid hoort.",
    ),
    (
        "college-verklaring",
        "Collegeverklaring informatieveiligheid",
        "De verklaring in ENSIA en wat het college tekent.",
    ),
)

# query, the key it is after, kind
QUERIES: tuple[tuple[str, str, str], ...] = (
    # inflection
    ("wachtwoorden beleid", "ww-beleid", "inflection"),
    ("gelekte wachtwoord", "ww-lek", "inflection"),
    ("datalekken registreren", "datalek-register", "inflection"),
    ("verwerkersovereenkomst", "avg-verwerkers", "inflection"),
    ("hersteltesten back-up", "backup-test", "inflection"),
    ("raadslid bewustwording", "awareness-raad", "inflection"),
    ("printer firmware", "printer", "inflection"),
    ("gemaal beveiliging", "ot-gemaal", "inflection"),
    # compound
    ("phishing simulatie", "phish-oefening", "compound"),
    ("gebouwbeheer systeem", "ot-gebouw", "compound"),
    ("kwetsbaarheidsscan", "kwets-scan", "compound"),
    ("beveiligingeisen leverancier", "leverancier-eisen", "compound"),
    ("wachtwoord manager", "ww-manager", "compound"),
    ("crisis communicatie", "crisis-comm", "compound"),
    ("autorisatie beheer", "toegang-beheer", "compound"),
    ("cloud strategie", "cloud-strategie", "compound"),
    ("beheer accounts scheiden", "beheerder-accounts", "compound"),
    # hyphen
    ("backup offline", "backup-offline", "hyphen"),
    ("back up Microsoft 365", "backup-cloud", "hyphen"),
    ("e-mail versleutelen", "email-versleutelen", "hyphen"),
    ("email dmarc", "email-dmarc", "hyphen"),
    ("ceo fraude", "ceo-fraude", "hyphen"),
    ("usb sticks", "usb", "hyphen"),
    ("DigiD assessment", "ensia-digid", "hyphen"),
    ("BIO nulmeting", "bio-nulmeting", "hyphen"),
    # diacritics
    ("continuiteitsoefening", "bcp-oefening", "diacritics"),
    ("bedrijfscontinuïteitsplan", "bcp-plan", "diacritics"),
    ("coördinated vulnerability disclosure", "cvd-beleid", "diacritics"),
    ("risicoanalyse", "risico", "diacritics"),
    ("classificeren informatie", "classificatie", "diacritics"),
    ("deepfakes stemklonen", "deepfake", "diacritics"),
    ("privacy camera's", "camera", "diacritics"),
    # typo
    ("ransomwear leverancier", "ransom-leverancier", "typo"),
    ("phising herkennen", "phish-herkennen", "typo"),
    ("wachtwoordmanger", "ww-manager", "typo"),
    ("cyberverzekring", "verzekering", "typo"),
    ("tweestapsverficatie", "mfa-invoeren", "typo"),
    ("smishng", "phish-sms", "typo"),
    ("exitstratgie cloud", "cloud-exit", "typo"),
    ("draaiboek ransomwere", "ransom-draaiboek", "typo"),
    # abbreviation
    ("ddos", "ddos-site", "abbreviation"),
    ("2fa", "mfa-invoeren", "abbreviation"),
    ("fg", "fg-rol", "abbreviation"),
    ("cvd", "cvd-beleid", "abbreviation"),
    ("vog beheerders", "vog-beheer", "abbreviation"),
    ("ap boete", "ap-boete", "abbreviation"),
    ("sso", "sso-entra", "abbreviation"),
    ("bcp ict", "bcp-plan", "abbreviation"),
    ("mdm", "mdm-telefoons", "abbreviation"),
    ("dpia", "avg-dpia", "abbreviation"),
    # English
    ("password manager", "ww-manager", "english"),
    ("supply chain attack", "keten-aanval", "english"),
    ("mobile device management", "mdm-telefoons", "english"),
    ("data breach notification", "datalek-melden", "english"),
    ("security awareness plan", "awareness-jaar", "english"),
    ("business continuity", "bcp-plan", "english"),
    ("responsible disclosure", "cvd-beleid", "english"),
    ("ransomware playbook", "ransom-draaiboek", "english"),
    # question
    ("hoe melden jullie een datalek?", "datalek-melden", "question"),
    ("wat doen jullie met gelekte wachtwoorden?", "ww-lek", "question"),
    ("hoe regelen jullie tweestapsverificatie?", "mfa-invoeren", "question"),
    ("moet de VPN weg?", "vpn-vervangen", "question"),
    ("hoe krijgen jullie de raad geïnformeerd?", "raad-info", "question"),
    ("wie doet wat bij een incident?", "incident-proces", "question"),
    ("hoe lang bewaren jullie logging?", "logging-bewaren", "question"),
    ("wat doen we als een medewerker vertrekt met zijn account?", "toegang-vertrek", "question"),
)
