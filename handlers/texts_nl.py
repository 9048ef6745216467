"""Dutch texts (the default). Keys and placeholders match `texts_en.py` exactly."""

TEXTS: dict[str, str] = {
    # General
    "error.unexpected": (
        "Sorry, er ging iets mis aan mijn kant. Er is niets veranderd; probeer het zo nog eens. "
        "Blijft het misgaan, meld het dan bij een beheerder."
    ),
    "error.unknown_command": "Die opdracht ken ik niet (`/{command}`). Probeer `/ciso help`.",
    "error.unknown_action": "Deze knop werkt niet (meer). Vraag het opnieuw op.",
    "tlp.blocked_in_channel": (
        "Dit is {tlp} en mag niet in een kanaal verschijnen. Ik laat het alleen aan jou zien "
        "(bijvoorbeeld met `/kennis toon`)."
    ),
    "member.not_member": (
        "Hoi! Je bent (nog) geen lid van het CISO-netwerk in deze bot. Vraag een beheerder om "
        "je toe te voegen met `/ciso lid @jij <gemeente> <rol>`. Tot die tijd zie je alleen "
        "informatie met TLP:CLEAR."
    ),
    "member.not_member_me": (
        "Je bent (nog) geen lid van het CISO-netwerk (gebruiker `{user}`). Een beheerder kan je "
        "toevoegen met `/ciso lid @jij <gemeente> <rol>`. Tot die tijd zie je alleen TLP:CLEAR."
    ),
    "member.guest_note": "_Je bent (nog) geen lid: je ziet alleen items met TLP:CLEAR._",
    "permission.role_needed": "Dat mag alleen met de rol {roles}.",
    # Roles, fields, values
    "role.ciso": "ciso",
    "role.adviseur": "adviseur",
    "role.werkgroep": "werkgroep",
    "role.portefeuillehouder": "portefeuillehouder",
    "role.partner": "partner",
    "role.beheerder": "beheerder",
    "field.name": "Naam",
    "field.user_id": "Gebruiker",
    "field.organisation": "Gemeente/organisatie",
    "field.roles": "Rollen",
    "field.language": "Taal",
    "field.timezone": "Tijdzone",
    "field.tlp_default": "Standaard-TLP",
    "field.tlp": "Rubricering",
    "field.tags": "Tags",
    "field.author": "Auteur",
    "field.shared_on": "Gedeeld op",
    "field.updated_on": "Bijgewerkt op",
    "field.useful": "Nuttig",
    "field.recipients": "Ontvangers",
    "field.source": "Oorspronkelijk bericht",
    "value.none": "geen",
    "value.no_organisation": "Zonder organisatie",
    "value.unknown": "onbekend",
    "language.nl": "Nederlands",
    "language.en": "Engels",
    "date.months_short": "jan feb mrt apr mei jun jul aug sep okt nov dec",
    "date.months": "januari februari maart april mei juni juli augustus september oktober "
    "november december",
    "date.weekdays": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    # Buttons
    "button.show": "Bekijken",
    "button.useful": "👍 Nuttig",
    "button.announce": "Delen in kanaal",
    "button.delete": "Verwijderen",
    "button.more": "Meer resultaten",
    # /ciso
    "ciso.help": (
        "**CISO-netwerk — wat kan ik?**\n"
        "**Kennisbank** — `/kennis deel <tekst> [#tag] [TLP:GREEN]`, `/kennis zoek <vraag>`, "
        "`/kennis toon <nr>`, `/kennis recent`, `/kennis help` voor alles.\n"
        "**Knelpunten** — `/knelpunt meld <titel> — <toelichting>`, `/knelpunt steun <nr>`, "
        "`/knelpunt` (op aantal gemeenten), `/knelpunt help`.\n"
        "**Acties** — `/actie nieuw <titel> @eigenaar <termijn>`, `/actie` (mijn acties), "
        "`/actie klaar <nr>`, `/actie help`.\n"
        "**Jij en het netwerk** — `/ciso ik` (wat ik van je weet), `/ciso leden`, "
        "`/ciso organisaties`, `/ciso instellingen [taal en|nl] [tijdzone <zone>]`.\n"
        "**Bestuur** — `/ciso digest [aan|uit]` (het weekoverzicht voor de portefeuillehouder), "
        "`/ciso rapport [Q1 2027]` (voortgangsrapportage voor het RBO).\n"
        "**Beheer** — `/ciso lid @iemand <gemeente> <rol…>` (rollen: ciso, adviseur, werkgroep, "
        "portefeuillehouder, partner, beheerder), `/ciso verwijder @iemand`, "
        "`/ciso koppel @iemand slack:<id>` (één lid, een account op Slack én Mattermost), "
        "`/ciso organisatie nieuw <naam> [partner]`, `/ciso logboek [kennis <nr> | @iemand]` "
        "(wie wijzigde wat; de geschiedenis van je eigen items kun je zelf lezen).\n"
        "Rubricering volgt TLP 2.0: AMBER en hoger zie je alleen zelf, nooit in een kanaal."
    ),
    "ciso.unknown": "`/ciso {word}` ken ik niet. Zie `/ciso help`.",
    "ciso.me_title": "**Wat ik van je weet**",
    "ciso.no_members": "Er zijn nog geen leden. Een beheerder voegt ze toe met `/ciso lid`.",
    "ciso.members_title": "**Leden van het netwerk** ({count})",
    "ciso.member_usage": (
        "Gebruik: `/ciso lid @iemand <gemeente> <rol…>`, bijvoorbeeld "
        "`/ciso lid @anna Den Haag ciso werkgroep`."
    ),
    "ciso.member_needs_role": "Geef minstens één rol op, aan het eind: {roles}.",
    "ciso.unknown_organisation": (
        "Ik ken geen gemeente of organisatie “{name}”. Bedoel je: {suggestions}? "
        "Zie `/ciso organisaties`."
    ),
    "ciso.member_added": "{name} is toegevoegd: {organisation}, rollen {roles}.",
    "ciso.member_updated": "{name} is bijgewerkt: {organisation}, rollen {roles}.",
    "ciso.remove_usage": "Gebruik: `/ciso verwijder @iemand`.",
    "ciso.not_a_member": "<@{user}> is geen (actief) lid.",
    "ciso.member_removed": (
        "{name} heeft geen toegang meer. Wat diegene deelde blijft in de kennisbank staan."
    ),
    "ciso.organisations": (
        "**Deelnemende gemeenten** ({count}): {municipalities}\n**Veiligheidspartners**: {partners}"
    ),
    "ciso.organisation_usage": "Gebruik: `/ciso organisatie nieuw <naam> [partner]`.",
    "ciso.organisation_exists": "“{name}” bestaat al.",
    "ciso.organisation_added": "“{name}” is toegevoegd ({kind}).",
    "ciso.settings_title": "**Je instellingen**",
    "ciso.settings_hint": (
        "Wijzigen: `/ciso instellingen taal en|nl` of `/ciso instellingen tijdzone Europe/Amsterdam`."
    ),
    "ciso.settings_usage": (
        "Gebruik: `/ciso instellingen [taal nl|en] [tijdzone <zone>] "
        "[platform slack|mattermost|laatst]`."
    ),
    "ciso.bad_language": "Die taal ken ik niet. Kies uit: {languages}.",
    "ciso.language_set": "Je taal is nu {language}.",
    "ciso.bad_timezone": "“{zone}” is geen tijdzone die ik ken, bijvoorbeeld `Europe/Amsterdam`.",
    "ciso.timezone_set": "Je tijdzone is nu {zone}.",
    "field.accounts": "Accounts",
    "field.messages_on": "Berichten via",
    "ciso.platform_chosen": "{platform} (zelf gekozen)",
    "ciso.platform_last_used": "{platform} (laatst gebruikt)",
    "ciso.link_usage": "Gebruik: `/ciso koppel @iemand <platform>:<gebruikers-id>`, bijvoorbeeld `/ciso koppel @anna slack:U0123ABC`. Het account op het andere platform schrijf je uit; het gebruikers-id staat in diens profiel.",
    "ciso.link_same_platform": "Beide accounts zijn op {platform}. Koppel een account op een ander platform.",
    "ciso.link_taken": "{account} hoort al bij lid {name}. Twee leden voeg ik niet samen: verwijder eerst één van beide (`/ciso verwijder`), of kies een ander account.",
    "ciso.linked": "{name} heeft nu deze accounts: {accounts}. Berichten gaan naar het platform dat {name} het laatst gebruikte.",
    "ciso.linked_you": "Een beheerder van het CISO-netwerk heeft dit account gekoppeld aan je lidmaatschap ({accounts}). Herinneringen en berichten komen voortaan op het platform dat je het laatst gebruikte; kiezen kan met `/ciso instellingen platform`.",
    "ciso.unlink_usage": "Gebruik: `/ciso ontkoppel @iemand <platform>`, bijvoorbeeld `/ciso ontkoppel @anna slack`.",
    "ciso.unlink_none": "{name} heeft geen account op {platform}.",
    "ciso.unlink_last": "Dat is het enige account van {name}. Toegang intrekken doe je met `/ciso verwijder`.",
    "ciso.unlinked": "Het {platform}-account van {name} is ontkoppeld.",
    "ciso.bad_platform": "Kies uit: {platforms}.",
    "ciso.platform_set": "Berichten van de bot komen voortaan op {platform}.",
    "ciso.platform_set_last": "Berichten van de bot komen voortaan op het platform dat je het laatst gebruikte (nu {platform}).",
    # /kennis
    "knowledge.help": (
        "**Kennisbank**\n"
        "`/kennis deel <tekst> [#tag …] [TLP:GREEN]` — deel kennis; de eerste regel of zin is de "
        "titel. Rubricering: TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT of "
        "`TLP:RED @a @b` (alleen voor jou en de genoemden).\n"
        '`/kennis zoek <vraag>` — zoek; met `"exacte zin"`, `ransom*`, `#tag`, `tlp:amber`, '
        "`gemeente:Delft`, `sinds:2026-01-01`.\n"
        "`/kennis toon <nr>`, `/kennis wijzig <nr> <tekst>`, `/kennis verwijder <nr>`, "
        "`/kennis nuttig <nr>`, `/kennis recent [aantal]`, `/kennis tags`.\n"
        "Kennis veroudert: zet `geldig tot 1 maart` in wat je deelt, of de termijn volgt uit "
        "de tags. Op die dag vraag ik je of het nog actueel is. `/kennis herzien <nr>`, "
        "`/kennis archiveer <nr>`, `/kennis herstel <nr>`; zoeken in het archief: `archief:ja`.\n"
        "Vraag het netwerk: `/kennis vraag <vraag> [#tag] [TLP:…]`, `/kennis vragen` (open "
        "vragen), `/kennis antwoord <nr> <antwoord>`, of antwoord in de draad onder de vraag."
    ),
    "knowledge.unknown": "`/kennis {word}` ken ik niet. Zie `/kennis help`.",
    "knowledge.share_usage": (
        "Wat wil je delen? Gebruik: `/kennis deel <tekst> [#tag] [TLP:GREEN]`."
    ),
    "knowledge.too_long": "Dat is te lang: een kennisitem mag hooguit {limit} tekens hebben.",
    "knowledge.recipient_not_member": (
        "Deze ontvangers zijn geen lid, dus ik kan TLP:RED niet met hen delen: {users}. "
        "Er is niets opgeslagen."
    ),
    "knowledge.saved": "Opgeslagen als kennisitem **#{id}**: {title} ({tlp}).",
    "knowledge.saved_red": (
        "Opgeslagen als kennisitem **#{id}**: {title} ({tlp}). Alleen jij en {recipients} "
        "kunnen het zien."
    ),
    "knowledge.bad_number": "“{value}” is geen nummer van een kennisitem, bijvoorbeeld `12`.",
    "knowledge.bad_count": "“{value}” is geen aantal, bijvoorbeeld `10`.",
    "knowledge.not_found": "Kennisitem #{id} bestaat niet, of je mag het niet zien.",
    "knowledge.related": "_Gerelateerd:_",
    "knowledge.not_yours": (
        "Alleen de auteur, de werkgroep of een beheerder mag kennisitem #{id} wijzigen of "
        "verwijderen."
    ),
    "knowledge.edit_usage": (
        "Gebruik: `/kennis wijzig <nr> <nieuwe tekst>`, of alleen een nieuw label of tags: "
        "`/kennis wijzig <nr> TLP:AMBER #tag`."
    ),
    "knowledge.updated": "Kennisitem **#{id}** is bijgewerkt: {title} ({tlp}).",
    "knowledge.confirm_delete": "Kennisitem #{id} echt verwijderen? Dat kan niet ongedaan worden.",
    "knowledge.deleted": "Kennisitem #{id} ({title}) is verwijderd.",
    "knowledge.useful_added": "Genoteerd: je vindt #{id} ({title}) nuttig. 👍",
    "knowledge.useful_already": "Je had #{id} ({title}) al als nuttig gemarkeerd.",
    "knowledge.announce_no_channel": "Delen kan alleen vanuit een kanaal, niet in een privégesprek.",
    "knowledge.announcement": "📚 {name} deelt uit de kennisbank:",
    "knowledge.none_yet": "Er is nog niets in de kennisbank dat jij mag zien.",
    "knowledge.recent_title": "**Nieuw in de kennisbank** (laatste {count})",
    "knowledge.no_tags": "Er zijn nog geen tags.",
    "knowledge.tags_title": "**Tags in de kennisbank**",
    # Search
    "search.usage": (
        "Waar zoek je naar? Bijvoorbeeld `/kennis zoek phishing #awareness sinds:2026-01-01`."
    ),
    "search.too_long": "Je zoekvraag is te lang (hooguit {limit} tekens). Maak hem korter.",
    "search.nothing_to_search": (
        "In je zoekvraag staat geen woord waarop ik kan zoeken. Probeer een paar trefwoorden."
    ),
    "search.no_results": "Niets gevonden voor “{query}”. Probeer andere of minder woorden.",
    "search.no_more": "Er zijn geen verdere resultaten voor “{query}”.",
    "search.results": "**Resultaten {first}–{last}** voor “{query}”",
    "search.did_you_mean": "Bedoelde je {words}? Daarmee vond ik dit:",
    "search.broadened": (
        "Geen item bevat al je woorden; dit komt het dichtst in de buurt "
        "(**{first}–{last}**) voor “{query}”"
    ),
    "search.newest_first": "_Deze woorden komen in heel veel items voor: de nieuwste staan bovenaan. Voeg een woord, `#tag` of `sinds:` toe voor gerichtere resultaten._",
    "search.bad_tlp": (
        "“tlp:{value}” ken ik niet. Gebruik clear, green, amber, amber+strict of red."
    ),
    "search.bad_organisation": (
        "Ik ken geen gemeente of organisatie “{value}”. Zie `/ciso organisaties`."
    ),
    "search.bad_since": "“{value}” is geen datum. Schrijf bijvoorbeeld `sinds:2026-01-01`.",
    # Console adapter
    "console.welcome": (
        "CISO-netwerk — console. Je bent {user}. Typ `/ciso help`, `:as <id>` om van gebruiker "
        "te wisselen, `:press <actie> [waarde]` voor een knop, `:help` voor meer. Ctrl-D stopt."
    ),
    "console.help": (
        "`:as <id>` wissel van gebruiker · `:in <kanaal>` praat in een kanaal · `:dm` praat in "
        "een privégesprek · `:press <actie> [waarde]` druk op een knop van het laatste antwoord · `:tick` verstuur wat nu aan de beurt is · "
        "`\\n` in een opdracht is een nieuwe regel"
    ),
    "console.nothing_due": "Er is nu niets te versturen.",
    "console.now_as": "Je bent nu {user}.",
    "console.now_in": "Je praat nu in {place}.",
    "console.no_button": "Het laatste antwoord heeft geen knop `{action}`{value}.",
    "console.which_button": "Welke? Het laatste antwoord heeft meer knoppen `{action}`: {values}.",
    "console.not_a_command": (
        "Begin met een opdracht zoals `/kennis zoek phishing`, of typ `:help`."
    ),
    # /knelpunt
    "bottleneck.help": (
        "**Knelpunten** — wat gemeenten niet alleen kunnen oplossen, samen agenderen.\n"
        "`/knelpunt meld <titel> [— toelichting] [#thema] [TLP:…]` — meld een knelpunt; ik laat "
        "eerst zien wat er al op lijkt.\n"
        "`/knelpunt steun <nr> [toelichting]` — herkent jouw gemeente het ook? Elke gemeente "
        "telt één keer. `/knelpunt intrekken <nr>`, `/knelpunt notitie <nr> <tekst>`.\n"
        "`/knelpunt` of `/knelpunt lijst [open|alle] [thema:…]` — op aantal gemeenten; "
        "`/knelpunt toon <nr>`, `/knelpunt themas`.\n"
        "`/knelpunt koppel <nr> kennis <nr>` — koppel een kennisitem.\n"
        "`/knelpunt export [md|csv]` — alles wat jij mag zien, als bestand.\n"
        "**Werkgroep** — `/knelpunt status <nr> in-behandeling|geescaleerd|beantwoord|opgelost|"
        "afgewezen [naar IBD] [kenmerk …] [verwacht 6 weken] [— toelichting]`, "
        "`/knelpunt antwoord <nr> <tekst>`, `/knelpunt heropen <nr>`, "
        "`/knelpunt samenvoegen <nr> naar <nr>`, `/knelpunt vraag <nr> <gevraagd besluit>`, "
        "`/knelpunt dossier <nr> [naar <instantie>] [anoniem]`.\n"
        "Bij {threshold} gemeenten hoort de werkgroep dat een knelpunt klaar is om te escaleren."
    ),
    "bottleneck.unknown": "`/knelpunt {word}` ken ik niet. Zie `/knelpunt help`.",
    "bottleneck.bad_number": "“{value}” is geen knelpuntnummer, bijvoorbeeld `12`.",
    "bottleneck.not_found": "Knelpunt #{id} bestaat niet, of je mag het niet zien.",
    "bottleneck.was_merged": "_Knelpunt #{old} is samengevoegd met #{id}; ik laat #{id} zien._",
    "bottleneck.needs_organisation": (
        "Je bent nog niet aan een gemeente of organisatie gekoppeld, en een knelpunt telt per "
        "gemeente. Vraag een beheerder: `/ciso lid @jij <gemeente> <rol>`."
    ),
    "bottleneck.too_long": "Dat is te lang: een knelpunt mag hooguit {limit} tekens hebben.",
    "bottleneck.report_usage": (
        "Wat is het knelpunt? Gebruik: `/knelpunt meld <titel> [— toelichting] [#thema] "
        "[TLP:GREEN]`."
    ),
    "bottleneck.no_red": (
        "Een knelpunt is bedoeld om met gemeenten te delen, dus TLP:RED kan niet. Kies "
        "TLP:AMBER of TLP:AMBER+STRICT, of deel het met genoemde personen via `/kennis deel`."
    ),
    "bottleneck.similar_first": (
        "Voordat ik “{title}” als nieuw knelpunt opsla: lijkt het op een van deze? Steun dan "
        "liever dat knelpunt, dan telt jouw gemeente daar mee."
    ),
    "bottleneck.draft_gone": "Deze melding is al verwerkt of ingetrokken.",
    "bottleneck.draft_discarded": "Goed, “{title}” is niet gemeld.",
    "bottleneck.reported": (
        "Knelpunt **#{id}** is gemeld: {title} ({tlp}). Jouw gemeente telt als eerste mee."
    ),
    "bottleneck.announcement": "🚧 Nieuw knelpunt, gemeld door {name}. Herkent jouw gemeente dit?",
    "bottleneck.threshold": (
        "📣 Dit knelpunt wordt nu door {threshold} of meer gemeenten herkend en is klaar om te "
        "escaleren:"
    ),
    "bottleneck.threshold_hidden": (
        "📣 Knelpunt #{id} ({tlp}) wordt nu door {threshold} of meer gemeenten herkend en is "
        "klaar om te escaleren. Bekijk het met `/knelpunt toon {id}`."
    ),
    "bottleneck.closed": "Knelpunt #{id} is {status}; steunen kan alleen bij een open knelpunt.",
    "bottleneck.supported": (
        "Genoteerd: {organisation} herkent knelpunt **#{id}** ({title}). Nu {count}."
    ),
    "bottleneck.supported_same_org": (
        "{organisation} telde al mee bij knelpunt **#{id}** ({title}); jouw steun en toelichting "
        "zijn genoteerd. Het blijft {count}."
    ),
    "bottleneck.already_supported": (
        "Je steunt knelpunt #{id} ({title}) al; er is niets veranderd. Nu {count}."
    ),
    "bottleneck.use_note": "Wil je iets toevoegen? Gebruik `/knelpunt notitie {id} <tekst>`.",
    "bottleneck.withdrawn": "Je steun voor knelpunt #{id} ({title}) is ingetrokken. Nu {count}.",
    "bottleneck.not_supporting": "Je steunde knelpunt #{id} niet; er is niets veranderd.",
    "bottleneck.note_usage": "Gebruik: `/knelpunt notitie <nr> <tekst>`.",
    "bottleneck.note_too_long": "Dat is te lang: hooguit {limit} tekens.",
    "bottleneck.note_needs_support": (
        "Een notitie kan alleen als jouw gemeente knelpunt #{id} steunt: `/knelpunt steun {id}`."
    ),
    "bottleneck.note_added": "Je notitie bij knelpunt #{id} is toegevoegd.",
    "bottleneck.count": "{count} gemeenten",
    "bottleneck.count_one": "1 gemeente",
    "bottleneck.list_usage": (
        "“{word}” begrijp ik niet. Gebruik: `/knelpunt lijst [open|alle] [thema:…]`."
    ),
    "bottleneck.none_open": (
        "Er zijn geen open knelpunten die jij mag zien. Meld er een met `/knelpunt meld`."
    ),
    "bottleneck.none": "Er zijn geen knelpunten die jij mag zien.",
    "bottleneck.list_open": "**Open knelpunten{theme}** ({total}), op aantal gemeenten",
    "bottleneck.list_all": "**Alle knelpunten{theme}** ({total}), op aantal gemeenten",
    "bottleneck.no_themes": "Er zijn nog geen thema's. Geef er een mee bij het melden: `#cloud`.",
    "bottleneck.themes_title": "**Thema's van knelpunten**",
    "bottleneck.notes_title": "**Wat gemeenten erover zeggen**",
    "bottleneck.history_title": "**Verloop**",
    "bottleneck.actions_title": "**Acties**",
    "bottleneck.knowledge_title": "**Gekoppelde kennis**",
    "bottleneck.hidden_knowledge": "• ({items} voor jou afgeschermd)",
    "count.item": "{count} gekoppelde items",
    "count.item_one": "1 gekoppeld item",
    "count.action": "{count} acties",
    "count.action_one": "1 actie",
    "count.bottleneck": "{count} knelpunten",
    "count.bottleneck_one": "1 knelpunt",
    "bottleneck.escalated_to": "naar {body} op {date}",
    "bottleneck.link_usage": "Gebruik: `/knelpunt koppel <nr> kennis <nr>`.",
    "bottleneck.link_not_allowed": (
        "Alleen wie knelpunt #{id} meldde of steunt, of de werkgroep, kan er kennis aan koppelen."
    ),
    "bottleneck.linked": "Kennisitem #{item} ({title}) is gekoppeld aan knelpunt #{id}.",
    "bottleneck.already_linked": "Kennisitem #{item} was al gekoppeld aan knelpunt #{id}.",
    "bottleneck.unlinked": "Kennisitem #{item} is losgekoppeld van knelpunt #{id}.",
    "bottleneck.not_linked": "Kennisitem #{item} was niet gekoppeld aan knelpunt #{id}.",
    "bottleneck.status_usage": (
        "Gebruik: `/knelpunt status <nr> in-behandeling|geescaleerd|beantwoord|opgelost|"
        "afgewezen [naar IBD] [kenmerk …] [verwacht 6 weken] [— toelichting]`."
    ),
    "bottleneck.status_unknown": (
        "“{word}” is geen status. Kies uit: in-behandeling, geescaleerd, beantwoord, opgelost, "
        "afgewezen (of heropend)."
    ),
    "bottleneck.status_did_you_mean": "“{word}” is geen status. Bedoel je `{suggestion}`?",
    "bottleneck.needs_body": "Naar welke instantie escaleer je? Voeg `naar …` toe: {bodies}.",
    "bottleneck.unknown_body": ("Instantie “{body}” ken ik niet.{hint} Kies uit: {bodies}."),
    "bottleneck.did_you_mean": " Bedoel je {word}?",
    "bottleneck.needs_reason": (
        "Geef een korte reden bij het afwijzen: `/knelpunt status {id} afgewezen — <reden>`."
    ),
    "bottleneck.answer_usage": "Wat is het antwoord? Gebruik: `/knelpunt antwoord {id} <tekst>`.",
    "bottleneck.transition_refused": (
        "Knelpunt #{id} kan niet van “{old}” naar “{new}”. Vanaf hier kan: {allowed}."
    ),
    "bottleneck.status_changed": "Knelpunt **#{id}** ({title}) is nu {status}.",
    "bottleneck.answer_expected": "Antwoord van {body} verwacht uiterlijk {date}.",
    "bottleneck.status_dm": "Nieuws over knelpunt #{id} ({title}): het is nu {status}.",
    "bottleneck.answer_dm": (
        "📨 Er is antwoord op knelpunt #{id} ({title}), dat jouw gemeente herkent:"
    ),
    "bottleneck.merge_usage": "Gebruik: `/knelpunt samenvoegen <nr> naar <nr>`.",
    "bottleneck.merge_same": "Knelpunt #{id} samenvoegen met zichzelf kan niet.",
    "bottleneck.merged": (
        "Knelpunt #{old} is samengevoegd met **#{id}** ({title}): steun, notities en koppelingen "
        "zijn verplaatst. Nu {count}. Wie #{old} opvraagt, komt bij #{id} uit."
    ),
    "bottleneck.merge_label": "Let op: #{id} heeft nu de strengere rubricering {tlp}.",
    "bottleneck.merged_dm": (
        "Knelpunt #{old}, dat jij steunde of meldde, is samengevoegd met #{id} ({title}). Je steun "
        "telt daar nu mee."
    ),
    "bottleneck.decision_usage": (
        "Welk besluit vraagt het netwerk? Gebruik: `/knelpunt vraag {id} <gevraagd besluit>`."
    ),
    "bottleneck.decision_saved": "Het gevraagde besluit bij knelpunt #{id} is opgeslagen.",
    "bottleneck.answer_late": (
        "⏰ Het antwoord van {body} op knelpunt #{id} werd verwacht op {date} (kenmerk {reference})"
        " en is er nog niet. Tijd om na te vragen; leg het antwoord vast met "
        "`/knelpunt antwoord {id} <tekst>`."
    ),
    "bottleneck.answer_late_hidden": (
        "⏰ Het antwoord van {body} op knelpunt #{id} ({tlp}) werd verwacht op {date} en is er "
        "nog niet. Bekijk het met `/knelpunt toon {id}`."
    ),
    "bottleneck.export_usage": "“{word}” ken ik niet als formaat. Gebruik `md`, `csv` of `xlsx`.",
    "bottleneck.export_ready": (
        "De export van {bottlenecks} staat hieronder. Strengste rubricering erin: {tlp}; "
        "deel hem alleen volgens dat label."
    ),
    "bottleneck.sent_privately": "📬 Ik heb het je in een privébericht gestuurd.",
    "bottleneck.dossier_usage": "Gebruik: `/knelpunt dossier <nr> [naar <instantie>] [anoniem]`.",
    "bottleneck.dossier_ready": (
        "Het conceptdossier voor knelpunt #{id} aan {body} staat hieronder. Lees het na voor je "
        "het verstuurt."
    ),
    "button.recognise": "Herkennen wij ook",
    "button.report_anyway": "Toch nieuw melden",
    "button.cancel": "Annuleren",
    "button.withdraw": "Steun intrekken",
    "field.status": "Status",
    "field.theme": "Thema",
    "field.reporter": "Gemeld door",
    "field.reported_on": "Gemeld op",
    "field.municipalities": "Herkend door",
    "field.partners": "Ook herkend door partners",
    "field.escalated": "Geëscaleerd",
    "field.reference": "Kenmerk",
    "bottleneck.answer_overdue": "⚠️ {date} — {late}",
    "field.answer_due": "Antwoord verwacht",
    "field.answer": "Antwoord",
    "field.decision_asked": "Gevraagd besluit",
    "status.nieuw": "nieuw",
    "status.in_behandeling": "in behandeling",
    "status.geescaleerd": "geëscaleerd",
    "status.beantwoord": "beantwoord",
    "status.opgelost": "opgelost",
    "status.afgewezen": "afgewezen",
    "status.samengevoegd": "samengevoegd",
    "history.reported": "gemeld",
    "history.supported": "steunt",
    "history.withdrawn": "trok steun in",
    "history.status": "{old} → {new}",
    "history.reopened": "heropend ({old} → {new})",
    "history.merged_into": "samengevoegd met #{id}",
    "history.merged_from": "#{id} is hierin samengevoegd",
    "history.decision": "gevraagd besluit vastgelegd",
    "history.to_body": "naar {body}",
    "history.reference": "kenmerk {reference}",
    "body.IBD": "IBD — Informatiebeveiligingsdienst voor gemeenten (VNG)",
    "body.VNG": "VNG — commissies Informatiesamenleving en Bestuur & Veiligheid",
    "body.NCSC": "NCSC — Nationaal Cyber Security Centrum (JenV)",
    "body.BZK": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
    "body.JenV": "Ministerie van Justitie en Veiligheid",
    "body.RBO": "Regionaal Bestuurlijk Overleg (regioburgemeester)",
    "body.TK": "Tweede Kamer, commissie Digitale Zaken",
    "export.title": "Knelpunten CISO-netwerk",
    "export.intro": (
        "Export van {date} · {bottlenecks} · strengste rubricering in dit document: {tlp}. "
        "Deel het alleen volgens dat label."
    ),
    "export.history": "Verloop",
    "export.sheet": "Knelpunten",
    "export.columns": (
        "nummer|titel|toelichting|thema|rubricering|status|aantal gemeenten|gemeenten|partners|"
        "gemeld op|geëscaleerd naar|kenmerk|antwoord|verloop"
    ),
    "dossier.title": "Knelpunt: {title}",
    "dossier.to": "Aan",
    "dossier.from": "Van",
    "dossier.sender": "Werkgroep van het CISO-netwerk van de gemeenten in de regio",
    "dossier.date": "Datum",
    "dossier.number": "Ons nummer",
    "dossier.problem": "Het probleem",
    "dossier.who": "Wie herkent dit",
    "dossier.count_only": "{count} gemeenten in de regio herkennen dit knelpunt.",
    "dossier.count_only_one": "1 gemeente in de regio herkent dit knelpunt.",
    "dossier.count_named": "{count} gemeenten herkennen dit knelpunt: {names}.",
    "dossier.count_named_one": "1 gemeente herkent dit knelpunt: {names}.",
    "dossier.partners": "Ook herkend door de veiligheidspartners: {names}.",
    "dossier.notes": "Wat gemeenten ervaren",
    "dossier.done": "Wat het netwerk al deed",
    "dossier.actions": "Afgesproken acties",
    "dossier.steps": "Verloop",
    "dossier.knowledge": "Gedeelde kennis",
    "dossier.knowledge_left_out": ("_Weggelaten wegens een strengere rubricering: {items}._"),
    "dossier.actions_left_out": "_Acties weggelaten wegens een strengere rubricering: {actions}._",
    "dossier.decision": "Gevraagd besluit",
    "dossier.decision_missing": (
        "_Nog in te vullen door de werkgroep: `/knelpunt vraag {id} <gevraagd besluit>`._"
    ),
    "dossier.check_quotes": "Let op: dit dossier is anoniem, maar citaten kunnen namen van gemeenten of personen bevatten. Lees ze na.",
    "dossier.decision_hint": (
        "Tip: het gevraagde besluit ontbreekt nog. Leg het vast met `/knelpunt vraag {id} <tekst>` "
        "en maak het dossier opnieuw."
    ),
    "deadline.day_off": "Let op: {date} is {why}. Ik houd die termijn aan; de werkdag ervoor is {before}.",
    "deadline.weekend": "een weekenddag",
    "deadline.own_day_off": "een vrije dag van de organisatie",
    "deadline.holiday": "een feestdag ({name})",
    "button.workday_before": "Naar {date}",
    "action.moved_to_workday": "De termijn viel op een vrije dag; verschoven naar de werkdag ervoor.",
    "deadline.missing": "Welke termijn? Bijvoorbeeld `vrijdag`, `over 2 weken`, `15 maart` of `eind Q1`.",
    "deadline.unknown": (
        "“{term}” begrijp ik niet als termijn. Schrijf bijvoorbeeld `vrijdag`, `volgende week "
        "dinsdag`, `over 10 werkdagen`, `15 maart`, `eind maart`, `eind Q1` of `2027-03-15`."
    ),
    "deadline.past": "“{term}” ligt niet in de toekomst. Kies een latere datum.",
    "deadline.too_far": "“{term}” ligt meer dan vijf jaar vooruit. Klopt dat? Kies een eerdere datum.",
    "deadline.no_such_date": "“{term}” bestaat niet als datum. Welke dag bedoel je?",
    "deadline.weekday_conflict": "“{term}” klopt niet: het is {day}. Welke van de twee bedoel je?",
    "deadline.vague_month": "Wanneer in {month} precies? Schrijf bijvoorbeeld `eind {month}` of `15 {month}`.",
    "deadline.vague": "“{term}” is te vaag voor een termijn. Noem een dag, bijvoorbeeld `volgende week vrijdag`.",
    "deadline.vague_year": "Wanneer in {year}? Schrijf bijvoorbeeld `eind {year}`, `Q2 {year}` of een datum.",
    # /actie
    "action.help": (
        "**Acties** — afspraken met een eigenaar en een termijn; ik herinner op tijd.\n"
        "`/actie nieuw <titel> @eigenaar <termijn> [knelpunt <nr>]` — de termijn zoals je hem "
        "zegt: `vrijdag`, `volgende week dinsdag`, `over 10 werkdagen`, `15 maart`, `eind maart`, "
        "`eind Q1`, `Q2 2027`, `tweede kwartaal`. Een kwartaal of maand eindigt op de laatste "
        "werkdag.\n"
        "`/actie` (mijn open acties), `/actie lijst [mijn|alle|te-laat|@iemand]`, "
        "`/actie toon <nr>`.\n"
        "`/actie klaar <nr>`, `/actie uitstel <nr> <termijn> — <reden>`, "
        "`/actie update <nr> <voortgang>`, `/actie eigenaar <nr> @iemand`, "
        "`/actie heropen <nr>`, `/actie verwijder <nr>` (eigenaar, maker, werkgroep of "
        "beheerder).\n"
        "`/actie ical` — je acties als agendabestand.\n"
        "Herinneringen per DM om {hour}:00: 7 dagen en 1 dag vooraf, op de dag zelf en daarna "
        "elke {every} werkdagen zolang de termijn verstreken is."
    ),
    "action.unknown": "`/actie {word}` ken ik niet. Zie `/actie help`.",
    "action.bad_number": "“{value}” is geen actienummer, bijvoorbeeld `12`.",
    "action.not_found": "Actie #{id} bestaat niet (meer).",
    "action.not_yours": (
        "Alleen de eigenaar, wie de actie maakte, de werkgroep of een beheerder kan actie #{id} "
        "wijzigen."
    ),
    "action.create_usage": (
        "Gebruik: `/actie nieuw <titel> @eigenaar <termijn> [knelpunt <nr>]`, bijvoorbeeld "
        "`/actie nieuw Logbeleid opstellen @anna eind Q1`. Eigenaar zelf? Schrijf `@ik`."
    ),
    "action.title_too_long": "De titel is te lang: hooguit {limit} tekens.",
    "action.text_too_long": "Dat is te lang: hooguit {limit} tekens.",
    "action.owner_not_member": "<@{user}> is geen (actief) lid en kan geen eigenaar zijn.",
    "action.created": ("Actie **#{id}** staat: {title}. Eigenaar {owner}, termijn **{deadline}**."),
    "action.reminders_at": "Herinneringen op: {when}.",
    "action.postponed_dm": (
        "📅 {name} heeft de termijn van je actie #{id} ({title}) verschoven naar {deadline}. "
        "Reden: {reason}"
    ),
    "action.done_dm": "✅ {name} heeft je actie #{id} ({title}) afgerond.",
    "action.reopened_dm": (
        "↩️ {name} heeft je actie #{id} ({title}) heropend. Termijn: {deadline}."
    ),
    "action.deleted_dm": "🗑️ {name} heeft je actie #{id} ({title}) verwijderd.",
    "action.reassigned_dm": (
        "🔁 {name} heeft je actie #{id} ({title}) overgedragen aan {new_owner}."
    ),
    "action.reopen_not_allowed": (
        "Actie #{id} kan alleen de werkgroep heropenen, of de eigenaar binnen een week na het "
        "afronden."
    ),
    "action.reopened_late": "⚠️ De termijn ({deadline}) is al voorbij: spreek een nieuwe af met `/actie uitstel`.",
    "action.assigned_dm": (
        "📌 {name} heeft actie #{id} aan je toegewezen: {title}. Termijn: {deadline}."
    ),
    "action.list_usage": (
        "“{word}” begrijp ik niet. Gebruik: `/actie lijst [mijn|alle|te-laat|@iemand]`."
    ),
    "action.list_mine": "**Jouw open acties** ({total}), de eerstvolgende termijn bovenaan",
    "action.list_all": "**Alle open acties** ({total}), de eerstvolgende termijn bovenaan",
    "action.list_overdue": "**Acties met een verstreken termijn** ({total})",
    "action.list_of": "**Open acties van {name}** ({total})",
    "action.list_more": "_De eerste {shown} staan hieronder._",
    "action.none_mine": "Je hebt geen open acties. 🎉",
    "action.none_all": "Er zijn geen open acties.",
    "action.none_overdue": "Geen enkele actie is te laat. 👍",
    "action.none_of": "Die persoon heeft geen open acties.",
    "action.deadline": "termijn {date}",
    "action.late": "{count} dagen te laat",
    "action.late_one": "1 dag te laat",
    "action.left": "nog {count} dagen",
    "action.left_one": "nog 1 dag",
    "action.today": "vandaag",
    "action.status.klaar": "afgerond",
    "action.status.verwijderd": "verwijderd",
    "action.history.created": "aangemaakt, termijn {date}",
    "action.history.done": "afgerond",
    "action.history.reopened": "heropend",
    "action.history.deleted": "verwijderd",
    "action.history.postponed": "uitgesteld van {old} naar {new}",
    "action.history.update": "voortgang",
    "action.history.owner": "eigenaar is nu {text}",
    "action.already_done": "Actie #{id} is niet (meer) open.",
    "action.still_open": "Actie #{id} is nog open.",
    "action.done": "✅ Actie #{id} ({title}) is afgerond. Herinneringen zijn gestopt.",
    "action.reopened": "Actie #{id} ({title}) is weer open; de herinneringen lopen weer.",
    "action.postpone_usage": "Gebruik: `/actie uitstel {id} <termijn> — <korte reden>`.",
    "action.postpone_why": (
        "Waarom schuift actie #{id} op naar {deadline}? Een korte reden hoort erbij (hij komt in "
        "de voortgangsrapportage): `/actie uitstel {id} {term} — <reden>`."
    ),
    "action.postpone_week_why": (
        "Een week uitstel, tot {deadline}? Geef er een korte reden bij: "
        "`/actie uitstel {id} {date} — <reden>`."
    ),
    "action.same_deadline": "Actie #{id} heeft die termijn al.",
    "action.postponed": "Actie #{id} ({title}) heeft nu termijn **{deadline}**.",
    "action.update_how": (
        "Hoe staat actie #{id} ({title}) ervoor? Schrijf: `/actie update {id} <voortgang>`."
    ),
    "action.updated": "Voortgang bij actie #{id} ({title}) is genoteerd.",
    "action.owner_usage": "Gebruik: `/actie eigenaar {id} @iemand`.",
    "action.same_owner": "{name} is al eigenaar van actie #{id}.",
    "action.owner_changed": "Actie #{id} ({title}) staat nu op naam van {name}.",
    "action.deleted": "Actie #{id} ({title}) is verwijderd; de herinneringen zijn gestopt.",
    "action.ical_ready": "Je open acties ({actions}) als agendabestand: open het in je agenda.",
    "action.ical_name": "Acties CISO-netwerk",
    "action.ical_summary": "Termijn actie #{id}: {title}",
    "action.ical_description": "Actie #{id} van het CISO-netwerk. Zie /actie toon {id}.",
    "action.escalated": (
        "⚠️ Actie #{id} ({title}) van {owner} is {late} (termijn {deadline}); herinneringen "
        "hielpen niet. Wil de werkgroep contact opnemen?"
    ),
    "action.overview": "📋 **Weekoverzicht: {actions} met een verstreken termijn**",
    "action.overview_line": "• #{id} {title} — {owner}, termijn {deadline}, {late}",
    "reminder.before": "⏰ Herinnering: actie #{id} ({title}) heeft termijn {deadline} — {when}.",
    "reminder.due": "⏰ Vandaag is de termijn van actie #{id}: {title}.",
    "reminder.overdue": (
        "⚠️ Actie #{id} ({title}) is {late} (termijn {deadline}). Klaar, uitstel of een update?"
    ),
    "reminder.late": "_(Verlaat: deze herinnering stond gepland voor {planned} om {time}.)_",
    "reminder.failed": (
        "❗ Ik kon {owner} niet herinneren aan actie #{id} ({title}), ook niet na meerdere "
        "pogingen. Ik blijf het elk uur proberen; wil iemand het intussen persoonlijk doorgeven?"
    ),
    "when.days": "over {count} dagen",
    "when.tomorrow": "morgen",
    "button.done": "✅ Klaar",
    "button.postpone_week": "Uitstel 1 week",
    "button.update": "Update geven",
    "field.owner": "Eigenaar",
    "field.creator": "Aangemaakt door",
    "field.created_on": "Aangemaakt op",
    "field.bottleneck": "Knelpunt",
    "knowledge.capture_no_source": "Ik weet niet welk bericht je wilt opslaan. Probeer het opnieuw vanaf het bericht.",
    "knowledge.capture_empty": "Dat bericht heeft geen tekst die ik kan opslaan.",
    "knowledge.capture_red": "Een bericht met TLP:RED sla ik niet op in de kennisbank; deel het met `/kennis deel … TLP:RED @wie`.",
    "knowledge.capture_known": "Dit bericht staat al in de kennisbank als kennisitem #{id}.",
    "knowledge.captured": "📚 Opgeslagen als kennisitem **#{id}**: {title} ({tlp}), oorspronkelijk van {author}.",
    "home.title": "**CISO-netwerk** — welkom, {name}",
    "home.actions": "**Jouw open acties**",
    "home.no_actions": "_Je hebt geen open acties._",
    "home.bottlenecks": "**Knelpunten die de meeste gemeenten herkennen**",
    "home.no_bottlenecks": "_Geen open knelpunten._",
    "home.knowledge": "**Nieuw in de kennisbank**",
    "confirm.title": "Zeker weten?",
    "confirm.yes": "Ja",
    "confirm.no": "Nee",
    "slack.truncated": "_Er is meer; het paste niet in één bericht._",
    "delivery.retrying": (
        "Wat ik opsloeg staat vast. Een bericht daarover aan iemand anders kon ik nog niet "
        "afleveren in {platform}; ik probeer het vanzelf opnieuw tot het lukt."
    ),
    "delivery.failed": (
        "Wat ik opsloeg staat vast, maar ik kon mijn bericht daarover niet (overal) afleveren "
        "in {platform}. Probeer het zo nog eens of kijk met `/kennis`, `/knelpunt` of `/actie`."
    ),
    "form.title.kennis.share": "Kennis delen",
    "form.title.knelpunt.report": "Knelpunt melden",
    "form.title.actie.new": "Nieuwe actie",
    "form.submit": "Opslaan",
    "form.cancel": "Annuleren",
    "form.field.title": "Titel",
    "form.field.text": "Tekst",
    "form.field.tags": "Tags (met komma's)",
    "form.field.tlp": "Rubricering (TLP)",
    "form.field.description": "Toelichting",
    "form.field.theme": "Thema",
    "form.field.owner": "Eigenaar",
    "form.field.deadline": "Termijn",
    "form.field.bottleneck": "Bij knelpunt (nummer)",
    "form.placeholder.title": "Kort en duidelijk",
    "form.placeholder.text": "Wat moeten anderen weten?",
    "form.placeholder.tags": "phishing, awareness",
    "form.placeholder.description": "Wat merkt je gemeente ervan?",
    "form.placeholder.theme": "bijvoorbeeld leveranciers",
    "form.placeholder.deadline": "vrijdag, over 2 weken, eind Q1, 15 maart",
    "form.placeholder.bottleneck": "12",
    "form.error.required": "Vul dit in.",
    "form.error.too_long": "Te lang: hooguit {limit} tekens.",
    "form.error.tlp": "Kies een rubricering.",
    "form.error.number": "Een nummer, bijvoorbeeld 12.",
    "form.title.actie.update": "Voortgang geven",
    "form.title.actie.postpone": "Uitstel aanvragen",
    "form.field.reason": "Reden",
    "form.placeholder.reason": "Waarom schuift het op?",
    # the weekly digest (/ciso digest); "u" for administrators
    "digest.title": "**Weekoverzicht CISO-netwerk** · week {week} ({start} – {end})",
    "digest.title_days": "**Weekoverzicht CISO-netwerk** · {start} – {end}",
    "digest.preview": "_Zo ziet uw weekoverzicht er nu uit (de afgelopen zeven dagen):_",
    "digest.preview@je": "_Zo ziet je weekoverzicht er nu uit (de afgelopen zeven dagen):_",
    "digest.late": (
        "_Dit weekoverzicht had {date} om {time} moeten komen, maar kon toen niet worden "
        "verstuurd. Het gaat over de week daarvoor._"
    ),
    "digest.usage": (
        "Gebruik: `/ciso digest` (voorbeeld van uw weekoverzicht), `/ciso digest aan` of "
        "`/ciso digest uit`."
    ),
    "digest.subscribed": "Aangemeld: u krijgt het weekoverzicht vanaf {date}.",
    "digest.subscribed@je": "Aangemeld: je krijgt het weekoverzicht vanaf {date}.",
    "digest.unsubscribed": (
        "Afgemeld: u krijgt het weekoverzicht niet meer. Bekijken kan altijd met `/ciso digest`."
    ),
    "digest.unsubscribed@je": (
        "Afgemeld: je krijgt het weekoverzicht niet meer. Bekijken kan altijd met `/ciso digest`."
    ),
    "digest.failed": (
        "⚠️ Het weekoverzicht van {week} voor {name} kon na meerdere pogingen niet worden "
        "bezorgd. Ik blijf het elk uur proberen tot het volgende klaarstaat. Kijk of de bot "
        "deze persoon een bericht mag sturen."
    ),
    "digest.missed": (
        "❗ Het weekoverzicht van {week} voor {name} is nooit aangekomen; inmiddels staat het "
        "volgende klaar. {name} kan het bekijken met `/ciso digest`."
    ),
    "digest.join": "{first} en {last}",
    "digest.attention": "Uw aandacht is nodig voor {items}.",
    "digest.attention@je": "Je aandacht is nodig voor {items}.",
    "digest.attention.none": "Er wordt deze week geen besluit of actie van u gevraagd.",
    "digest.attention.none@je": "Er wordt deze week geen besluit of actie van je gevraagd.",
    "digest.attention.decisions": "{count} gevraagde besluiten",
    "digest.attention.decisions_one": "1 gevraagd besluit",
    "digest.attention.waiting": "{count} knelpunten die op een landelijk antwoord wachten",
    "digest.attention.waiting_one": "1 knelpunt dat op een landelijk antwoord wacht",
    "digest.attention.late_answers": "({count} over de termijn)",
    "digest.attention.overdue": "{count} acties die na escalatie nog te laat zijn",
    "digest.attention.overdue_one": "1 actie die na escalatie nog te laat is",
    "digest.week_numbers": "Deze week: {knowledge}, {bottlenecks}, {done}; {overdue}.",
    "digest.count.knowledge": "{count} kennisitems gedeeld",
    "digest.count.knowledge_one": "1 kennisitem gedeeld",
    "digest.count.bottlenecks": "{count} nieuwe knelpunten",
    "digest.count.bottlenecks_one": "1 nieuw knelpunt",
    "digest.count.done": "{count} acties afgerond",
    "digest.count.done_one": "1 actie afgerond",
    "digest.count.overdue": "{count} acties over de termijn",
    "digest.count.overdue_one": "1 actie over de termijn",
    "digest.trend": (
        "Vergeleken met vorige week (tussen haakjes): kennis {knowledge} · knelpunten "
        "{bottlenecks} · afgerond {done} · te laat {overdue}"
    ),
    "digest.asked_title": "Wat vraagt dit van u?",
    "digest.asked_title@je": "Wat vraagt dit van jou?",
    "digest.nothing_asked": "Niets: er liggen geen besluiten of escalaties bij u.",
    "digest.nothing_asked@je": "Niets: er liggen geen besluiten of escalaties bij jou.",
    "digest.decisions": "Besluit gevraagd",
    "digest.decision_line": "#{id} {title} — {decision}",
    "digest.waiting": "Wacht op een landelijk antwoord",
    "digest.waiting_line": "#{id} {title} — bij {body} sinds {since}",
    "digest.answer_due": "(antwoord verwacht {date})",
    "digest.answer_late": "(antwoord verwacht {date}, {days} dagen over de termijn)",
    "digest.overdue_escalated": "Te laat, ook na escalatie naar de werkgroep",
    "digest.overdue_line": "#{id} {title} — {owner}, {late}",
    "digest.more": "… en nog {count}",
    "digest.hidden_bottlenecks": "Daarnaast {count} knelpunten die buiten uw rubricering vallen.",
    "digest.hidden_bottlenecks@je": "Daarnaast {count} knelpunten die buiten je rubricering vallen.",
    "digest.hidden_bottlenecks_one": "Daarnaast 1 knelpunt dat buiten uw rubricering valt.",
    "digest.hidden_bottlenecks_one@je": "Daarnaast 1 knelpunt dat buiten je rubricering valt.",
    "digest.bottlenecks_title": "Knelpunten",
    "digest.no_bottlenecks": "Geen nieuws over knelpunten deze week.",
    "digest.new_bottlenecks": "Nieuw gemeld",
    "digest.new_line": "{icon} #{id} {title} — {organisation}, {municipalities}",
    "digest.recognised": "Door meer gemeenten herkend",
    "digest.recognised_line": "#{id} {title} — +{joined}, nu {municipalities}",
    "digest.national_decisions": "Het netwerk vraagt landelijk om een besluit",
    "digest.national_line": "#{id} {title} — aan {body}: {decision}",
    "digest.body_unknown": "de landelijke partij (nog niet geëscaleerd)",
    "digest.escalated": "Landelijk geëscaleerd",
    "digest.escalated_line": "#{id} {title} — naar {body}",
    "digest.answered": "Antwoord ontvangen",
    "digest.answered_line": "#{id} {title} — {body}: {answer}",
    "digest.actions_title": "Acties",
    "digest.no_actions": "Geen acties afgerond, op komst of te laat.",
    "digest.done": "Afgerond",
    "digest.done_line": "#{id} {title} — {owner}",
    "digest.due_soon": "Termijn in de komende twee weken",
    "digest.due_line": "#{id} {title} — {owner}, {deadline}",
    "digest.overdue": "Termijn verstreken",
    "digest.late_line": "#{id} {title} — {owner}, {late}",
    "digest.knowledge_title": "Nieuwe kennis",
    "digest.no_knowledge": "Deze week is geen nieuwe kennis gedeeld.",
    "digest.hidden_knowledge": "Daarnaast {count} kennisitems die buiten uw rubricering vallen.",
    "digest.hidden_knowledge@je": "Daarnaast {count} kennisitems die buiten je rubricering vallen.",
    "digest.hidden_knowledge_one": "Daarnaast 1 kennisitem dat buiten uw rubricering valt.",
    "digest.hidden_knowledge_one@je": "Daarnaast 1 kennisitem dat buiten je rubricering valt.",
    "digest.footer": (
        "Rubricering: {tlp} — dit overzicht is alleen voor u. Opnieuw bekijken: `/ciso digest`; "
        "afmelden: `/ciso digest uit`."
    ),
    "digest.footer@je": (
        "Rubricering: {tlp} — dit overzicht is alleen voor jou. Opnieuw bekijken: `/ciso digest`; "
        "afmelden: `/ciso digest uit`."
    ),
    # the progress report for the regional board (/ciso rapport); "u" for administrators
    "report.usage": "Gebruik: `/ciso rapport [Q1 2027 | maart 2027 | 2027 | 1-1-2027 tot 31-3-2027]`.",
    "report.bad_period": (
        "Die periode begrijp ik niet: “{text}”. Schrijf bijvoorbeeld `Q1 2027`, `maart 2027`, "
        "`2027` of `1-1-2027 tot 31-3-2027`."
    ),
    "report.future_period": "{period} is nog niet begonnen; een rapportage gaat over wat al gebeurd is.",
    "report.reversed_period": "De einddatum ligt vóór de begindatum. Draai ze om?",
    "report.long_period": "Een rapportage beslaat hoogstens drie jaar. Kies een kortere periode.",
    "report.ready": (
        "📊 Voortgangsrapportage {period} voor het RBO: het document en de grafiek staan "
        "hieronder. Rubricering: {tlp} — deel het alleen binnen die grenzen."
    ),
    "report.file": "voortgangsrapportage",
    "report.title": "Voortgangsrapportage CISO-netwerk — {period}",
    "report.intro": (
        "Voor het Regionaal Bestuurlijk Overleg (RBO). Periode: {first} – {last}. "
        "Opgesteld op {made}. Rubricering: **{tlp}**."
    ),
    "report.running": "_De periode loopt nog: de stand is die van {date}._",
    "report.summary_title": "Samenvatting",
    "report.summary_actions": (
        "Acties: {actions} in de periode; {done} afgerond, waarvan {on_time} binnen de termijn; "
        "{overdue} over de termijn, {delayed} vertraagd (uitgesteld)."
    ),
    "report.summary_bottlenecks": (
        "Knelpunten: {new} nieuw gemeld, {escalated} landelijk geëscaleerd, {answered} "
        "antwoorden ontvangen."
    ),
    "report.summary_knowledge": "Kennis: {items} kennisitems gedeeld door {organisations} organisaties.",
    "report.national_title": "Wat het netwerk landelijk vraagt",
    "report.national_line": "gevraagd aan {body}: {decision}",
    "report.decisions_title": "Besluiten gevraagd aan het bestuur",
    "report.decisions_none": "Er worden in deze periode geen besluiten van het bestuur gevraagd.",
    "report.actions_title": "Afgesproken acties",
    "report.actions_none": "Er liepen in deze periode geen acties.",
    "report.col.action": "Actie",
    "report.col.owner": "Actiehouder",
    "report.col.term": "Looptijd",
    "report.col.status": "Status",
    "report.col.bottleneck": "Knelpunt",
    "report.col.municipalities": "Gemeenten",
    "report.col.escalated": "Geëscaleerd naar",
    "report.col.answer": "Antwoord",
    "report.col.municipality": "Gemeente",
    "report.col.shared": "Kennisitems gedeeld",
    "report.col.recognised": "Knelpunten herkend",
    "report.term": "vanaf {start} – {deadline}",
    "report.state.op_schema": "op schema",
    "report.state.vertraagd": "vertraagd",
    "report.state.termijn_verstreken": "termijn verstreken",
    "report.state.afgerond": "afgerond",
    "report.progress_title": "Voortgang en uitstel",
    "report.postponed_why": "reden:",
    "report.postponed": "{date}: termijn verschoven van {old} naar {new}",
    "report.bottlenecks_title": "Knelpunten en landelijke antwoorden",
    "report.bottlenecks_none": "Geen knelpunten gemeld, geëscaleerd of beantwoord in deze periode.",
    "report.hidden_bottlenecks": "Daarnaast {count} knelpunten die buiten de rubricering van dit rapport vallen.",
    "report.hidden_bottlenecks_one": "Daarnaast 1 knelpunt dat buiten de rubricering van dit rapport valt.",
    "report.knowledge_title": "Gedeelde kennis",
    "report.knowledge_none": "In deze periode is geen kennis gedeeld.",
    "report.per_theme": "Per thema:",
    "report.per_organisation": "Per organisatie:",
    "report.hidden_knowledge": "Daarnaast {count} kennisitems die buiten de rubricering van dit rapport vallen.",
    "report.hidden_knowledge_one": "Daarnaast 1 kennisitem dat buiten de rubricering van dit rapport valt.",
    "report.participation_title": "Deelname per gemeente",
    "report.participation": "{active} van de {total} deelnemende gemeenten deelden kennis of herkenden een knelpunt.",
    "report.quiet": "Nog niet actief in deze periode: {municipalities}.",
    "report.next_title": "Vooruitblik: termijnen in de volgende periode",
    "report.next_span": "_Van {first} tot en met {last}._",
    "report.next_none": "Er vallen geen termijnen in de volgende periode.",
    "report.chart_title": "Acties per status",
    "report.chart_axis": "aantal acties",
    "mattermost.in_dm": "Je antwoord staat in je privébericht met mij.",
    "dm.help": (
        "Typ hier een opdracht zonder schuine streep, zoals `kennis zoek phishing` of "
        "`actie lijst`, of gebruik `/ciso help`."
    ),
    "mattermost.expired_button": "Deze knop is verlopen. Gebruik de opdracht opnieuw (bijvoorbeeld `/knelpunt toon <nr>`).",
    "mattermost.already_pressed": "Deze knop is al verwerkt; er is niets opnieuw gedaan.",
    "mattermost.bad_button": "Deze knop werkt niet (meer). Probeer de opdracht opnieuw.",
    "mattermost.bad_token": "Deze opdracht komt niet van een bekende Mattermost-koppeling.",
    "mattermost.unknown_user": "Ik vind geen Mattermost-gebruiker {names}. Klopt de schrijfwijze?",
    # Labels: read exactly, asked when unclear, owned by their source.
    "tlp.unclear": (
        "Ik herken `{written}` niet als rubricering, dus ik heb nog niets opgeslagen. "
        "Bedoel je **{suggestion}**? Kies de rubricering:"
    ),
    "tlp.unclear_no_guess": (
        "Ik herken `{written}` niet als rubricering, dus ik heb nog niets opgeslagen. "
        "Kies de rubricering:"
    ),
    "tlp.two_labels": (
        "Je tekst noemt meer dan één rubricering ({labels}), dus ik heb nog niets opgeslagen. "
        "Welke krijgt het?"
    ),
    "tlp.held_gone": (
        "Die vraag is verlopen of al beantwoord; er is niets opgeslagen. Typ de opdracht opnieuw."
    ),
    "tlp.held_cancelled": "Geannuleerd; er is niets opgeslagen.",
    "knowledge.saved_red_alone": (
        "Opgeslagen als kennisitem **#{id}**: {title} (TLP:RED). Alleen jij kunt het zien. "
        "Geef collega's toegang met `/kennis wijzig {id} TLP:RED @naam`."
    ),
    "knowledge.only_author_lowers": (
        "Alleen de auteur mag de rubricering van kennisitem #{id} verlagen ({old} → {new}) of "
        "er lezers aan toevoegen. Strenger maken, lezers weghalen of verwijderen mag je wel; "
        "er is niets veranderd."
    ),
    "knowledge.changed_by_other": "{name} heeft je kennisitem #{id} ({title}) gewijzigd: {changes}.",
    "knowledge.change.label": "rubricering {old} → {new}",
    "knowledge.change.recipients_removed": "{names} kan of kunnen het niet meer zien",
    "knowledge.change.text": "titel of tekst aangepast",
    "knowledge.change.tags": "tags aangepast",
    "knowledge.change.deleted": "verwijderd",
    "knowledge.captured_private": (
        "📚 Opgeslagen als kennisitem **#{id}**: {title}, oorspronkelijk van {author}. Het komt "
        "uit een besloten kanaal of privébericht, dus het is {tlp}. Past een andere "
        "rubricering beter, kies die hieronder."
    ),
    "bottleneck.merge_strict_orgs": (
        "Knelpunt #{old} en #{id} kan ik niet samenvoegen: het resultaat zou {tlp} zijn, maar ze "
        "komen uit verschillende organisaties, en dan kan de ene gemeente lezen wat alleen voor "
        "de andere bedoeld was. Er is niets veranderd; koppel ze eventueel met een notitie."
    ),
    "bottleneck.merged_dm_hidden": (
        "Knelpunt #{old}, dat jij steunde of meldde, is samengevoegd met een knelpunt met de "
        "strengere rubricering {tlp}, dat jij niet kunt inzien. Je steun telt daar wel mee."
    ),
    "action.escalated_hidden": (
        "⚠️ Actie #{id} ({tlp}) blijft na herinneringen te laat. Wie haar mag zien, opent haar met "
        "`/actie toon {id}`."
    ),
    "action.overview_hidden": "_En {count} met een strengere rubricering; zie `/actie lijst te-laat`._",
    "reminder.failed_hidden": (
        "Een herinnering voor actie #{id} ({tlp}) kon niet worden bezorgd; ik blijf het elk uur "
        "proberen. Wie de actie mag zien, opent haar met `/actie toon {id}`."
    ),
    "action.no_red": (
        "Een actie is gedeeld werk en kan geen TLP:RED zijn. Kies TLP:AMBER+STRICT als alleen je "
        "eigen organisatie haar mag zien; er is niets opgeslagen."
    ),
    "action.label_below_bottleneck": (
        "Knelpunt #{bottleneck} is {bottleneck_tlp}; een actie erop kan niet minder streng zijn "
        "dan dat ({tlp}). Er is niets opgeslagen."
    ),
    "action.owner_may_not_read": (
        "{owner} mag een actie met {tlp} van deze organisatie niet lezen en kan dus geen eigenaar "
        "zijn. Er is niets opgeslagen."
    ),
    # The audit log in chat (`/ciso logboek`).
    "logbook.usage": (
        "Gebruik: `/ciso logboek` (alles, voor een beheerder), `/ciso logboek kennis <nr>`, "
        "`/ciso logboek knelpunt <nr>`, `/ciso logboek actie <nr>` of `/ciso logboek @iemand`."
    ),
    "logbook.unknown_member": "{user} is geen lid van het netwerk.",
    "logbook.not_allowed": (
        "Het logboek is voor beheerders. Zelf kun je de geschiedenis lezen van wat je schreef: "
        "je kennisitems, de knelpunten die je meldde en je acties (`/ciso logboek kennis <nr>`)."
    ),
    "logbook.title_all": "Logboek: de laatste wijzigingen",
    "logbook.title.knowledge": "Logboek van kennisitem #{number}",
    "logbook.title.bottleneck": "Logboek van knelpunt #{number}",
    "logbook.title.action": "Logboek van actie #{number}",
    "logbook.title.member": "Logboek: wat dit lid deed",
    "logbook.subject.knowledge": "kennisitem #{number}",
    "logbook.subject.bottleneck": "knelpunt #{number}",
    "logbook.subject.action": "actie #{number}",
    "logbook.subject.member": "lid #{number}",
    "logbook.subject.organisation": "organisatie #{number}",
    "logbook.gone": "(verwijderd)",
    "logbook.empty": "Er staat (nog) niets in.",
    "logbook.hidden": "{count} regel(s) over iets wat je niet mag zien, weggelaten.",
    "logbook.more": "Oudere regels",
    "logbook.field.tlp": "label",
    "logbook.field.title": "titel",
    "logbook.field.body": "tekst gewijzigd",
    "logbook.field.tags": "tags",
    "logbook.field.recipients": "lezers",
    "logbook.field.roles": "rollen",
    "logbook.field.new_deadline": "nieuwe termijn",
    "logbook.field.old_deadline": "oude termijn",
    "logbook.field.text": "tekst",
    "logbook.field.item": "kennisitem",
    "logbook.field.merged": "samengevoegd uit knelpunt",
    "audit.knowledge.created": "gedeeld",
    "audit.knowledge.updated": "gewijzigd",
    "audit.knowledge.deleted": "verwijderd",
    "audit.knowledge.useful": "nuttig gevonden",
    "audit.bottleneck.reported": "gemeld",
    "audit.bottleneck.supported": "gesteund",
    "audit.bottleneck.withdrawn": "steun ingetrokken",
    "audit.bottleneck.status": "status gewijzigd",
    "audit.bottleneck.reopened": "heropend",
    "audit.bottleneck.decision": "besluit vastgelegd",
    "audit.bottleneck.note": "notitie toegevoegd",
    "audit.bottleneck.link": "kennisitem gekoppeld",
    "audit.bottleneck.unlink": "kennisitem ontkoppeld",
    "audit.bottleneck.label_raised": "label verhoogd bij samenvoegen",
    "audit.bottleneck.merged_from": "samengevoegd",
    "audit.action.created": "aangemaakt",
    "audit.action.labelled": "gerubriceerd",
    "audit.action.update": "voortgang gemeld",
    "audit.action.postponed": "uitgesteld",
    "audit.action.done": "afgerond",
    "audit.action.reopened": "heropend",
    "audit.action.deleted": "verwijderd",
    "audit.action.owner": "nieuwe eigenaar",
    "audit.member.added": "toegevoegd",
    "audit.member.updated": "gewijzigd",
    "audit.member.removed": "verwijderd",
    "audit.member.preferences": "instellingen gewijzigd",
    "audit.member.digest": "weekoverzicht aan- of uitgezet",
    "audit.member.admin_from_config": "beheerder uit de configuratie",
    "audit.organisation.added": "toegevoegd",
    # Knowledge that stays true: review dates and the archive.
    "knowledge.valid_until_past": "“{phrase}” ligt niet in de toekomst. Tot wanneer is het geldig?",
    "knowledge.valid_until_twice": "Noem één `geldig tot`: tot wanneer is dit geldig?",
    "knowledge.review_usage": (
        "Gebruik: `/kennis herzien <nr>` (nog actueel: de gewone termijn) of "
        "`/kennis herzien <nr> geldig tot 1 juni`."
    ),
    "knowledge.review_question": (
        "Is kennisitem **#{id}** “{title}” nog actueel? Het werd herzien of gedeeld op "
        "{since} en zou herzien worden op {review}. Kies hieronder: nog actueel, bijwerken "
        "of archiveren."
    ),
    "knowledge.review_orphan": (
        "Kennisitem **#{id}** “{title}” is aan herziening toe (sinds {review}), en wie het "
        "deelde is geen lid meer. Kan de werkgroep kijken of het nog actueel is?"
    ),
    "knowledge.review_orphan_hidden": (
        "Kennisitem **#{id}** is aan herziening toe, en wie het deelde is geen lid meer. "
        "Iemand die het mag lezen kan het herzien."
    ),
    "knowledge.reviewed": "Dank je. #{id} “{title}” blijft staan; volgende herziening: {review}.",
    "knowledge.review_updated": ("Bijgewerkt: #{id} “{title}”. Volgende herziening: {review}."),
    "knowledge.archived": (
        "#{id} “{title}” is gearchiveerd: het staat niet meer in zoekresultaten, en blijft op "
        "nummer te lezen (`/kennis toon {id}`; zoeken in het archief: `archief:ja`)."
    ),
    "knowledge.restored": "#{id} “{title}” is terug uit het archief; volgende herziening: {review}.",
    "knowledge.not_archived": "#{id} is niet gearchiveerd.",
    "knowledge.review_edit_how": (
        "Bijwerken van #{id} “{title}”: `/kennis wijzig {id} <nieuwe tekst>` vervangt de tekst "
        "(de eerste regel is de titel), daarna `/kennis herzien {id}`. De tekst nu:"
    ),
    "knowledge.stale": "niet herzien sinds {date}",
    "knowledge.archived_mark": "gearchiveerd op {date}",
    "knowledge.review_line": "Herzien uiterlijk: {date}",
    "button.review_ok": "Nog actueel",
    "button.review_edit": "Bijwerken",
    "button.archive": "Archiveren",
    "button.restore": "Terugzetten",
    "form.title.kennis.edit": "Kennis bijwerken",
    "form.field.valid_until": "Geldig tot (leeg: de gewone termijn)",
    "form.placeholder.valid_until": "1 maart 2027, eind Q2, over 3 maanden",
    "audit.knowledge.reviewed": "herzien",
    "audit.knowledge.archived": "gearchiveerd",
    "audit.knowledge.restored": "uit het archief gehaald",
    "logbook.field.review_at": "herzien uiterlijk",
    "field.currency": "Actualiteit",
    "field.review_by": "Herzien uiterlijk",
    "search.bad_archive": "“archief:{value}” ken ik niet: `archief:ja` zoekt ook in het archief.",
    "digest.to_review": "{count} kennisitems zijn over hun herzieningsdatum: de auteurs is gevraagd of ze nog actueel zijn.",
    "digest.to_review_one": "1 kennisitem is over zijn herzieningsdatum: de auteur is gevraagd of het nog actueel is.",
    "report.currency": "Actualiteit: {current} van de {total} kennisitems zijn actueel ({share}%); {stale} over hun herzieningsdatum, {archived} gearchiveerd.",
    "knowledge.similar_first": (
        "Voordat ik “{title}” deel: lijkt het op een van deze? Vul dan liever dat item aan, "
        "of deel het toch."
    ),
    "button.share_anyway": "Toch delen",
    # Questions to the network (`/kennis vraag`).
    "question.usage": (
        "Wat wil je het netwerk vragen? Gebruik: `/kennis vraag <vraag> [#tag] [TLP:GREEN]`, "
        "bijvoorbeeld `/kennis vraag Heeft iemand ervaring met leverancier X? #leveranciers`."
    ),
    "question.too_long": "Dat is te lang: hooguit {limit} tekens.",
    "question.no_red": (
        "Een vraag aan het netwerk kan niet TLP:RED zijn: die mag bijna niemand lezen. Kies "
        "TLP:AMBER of TLP:AMBER+STRICT, of vraag het iemand rechtstreeks."
    ),
    "question.maybe_answered": (
        "Voordat ik “{title}” aan het netwerk vraag: staat het antwoord misschien al in een "
        "van deze items?"
    ),
    "question.asked_channel": (
        "Je vraag **#{id}** “{title}” staat in het netwerkkanaal. Antwoorden krijg je van mij "
        "per privébericht."
    ),
    "question.asked_dm": (
        "Je vraag **#{id}** “{title}” is naar {count} leden gestuurd die haar mogen lezen. "
        "Antwoorden krijg je van mij per privébericht."
    ),
    "question.posted": "❓ **Vraag #{id}** van {who}: **{title}**",
    "question.bad_number": "“{value}” is geen nummer van een vraag, bijvoorbeeld `3`.",
    "question.not_found": "Vraag #{id} bestaat niet, of je mag haar niet zien.",
    "question.closed": "Vraag #{id} is al beantwoord; het staat in kennisitem #{item}.",
    "question.answer_usage": "Wat is je antwoord? Gebruik: `/kennis antwoord {id} <antwoord>`.",
    "question.answer_how": (
        "Antwoorden op vraag #{id} “{title}”: `/kennis antwoord {id} <je antwoord> [TLP:…]`, "
        "of antwoord in de draad onder de vraag."
    ),
    "question.asker_may_not_read": (
        "De vrager van #{id} mag {tlp} van jouw organisatie niet lezen, dus dit antwoord kan "
        "ik niet doorgeven. Kies een ander label, of antwoord rechtstreeks. Er is niets "
        "opgeslagen."
    ),
    "question.answer_sent": "Dank je. Je antwoord op #{id} “{title}” is doorgegeven aan de vrager.",
    "question.new_answer": "💬 Nieuw antwoord op je vraag **#{id}** “{title}”, van {who}:",
    "question.answer_gone": "Dit antwoord bestaat niet (meer), of je mag het niet zien.",
    "question.only_asker": "Alleen wie de vraag stelde kiest het antwoord dat hielp.",
    "question.saved": (
        "Dank je. Vraag #{id} is beantwoord en staat nu met de antwoorden in de kennisbank als "
        "kennisitem **#{item}** ({tlp})."
    ),
    "question.left_out": (
        "{count} antwoord(en) met TLP:AMBER+STRICT van een andere organisatie staan er niet "
        "in: die blijven bij de vraag."
    ),
    "question.your_answer_helped": (
        "👍 Je antwoord op “{title}” hielp; het staat nu in kennisitem #{item}."
    ),
    "question.answer_by": "Antwoord van {who}",
    "question.none_open": "Er staan geen open vragen die je mag zien.",
    "question.open_title": "**Open vragen aan het netwerk** ({count})",
    "question.line": "{who} · {date} · {answers} antwoord(en) · {tlp}",
    "question.hidden_answers": "{count} antwoord(en) die je niet mag zien, weggelaten.",
    "question.unanswered_title": "Vragen zonder antwoord na drie werkdagen:",
    "question.unanswered_hidden": "{count} vraag/vragen zonder antwoord die niet in dit kanaal mogen.",
    "digest.unanswered": "{count} vragen aan het netwerk hebben na drie werkdagen nog geen antwoord.",
    "digest.unanswered_one": "1 vraag aan het netwerk heeft na drie werkdagen nog geen antwoord.",
    "button.answer": "Antwoorden",
    "button.helpful": "Dit hielp",
    "button.ask_anyway": "Toch vragen",
    "form.title.kennis.answer": "Antwoorden",
    "audit.question.asked": "gevraagd",
    "audit.question.answered": "beantwoord",
    "audit.question.closed": "afgesloten: kennisitem gemaakt",
    "logbook.subject.question": "vraag #{number}",
    "logbook.field.answer": "antwoord",
    # What members see while typing a slash command (`ciso-bot mattermost setup`).
    "setup.kennis.name": "Kennisbank",
    "setup.kennis.description": "Kennis delen, zoeken en terugvinden (TLP 2.0)",
    "setup.kennis.hint": "zoek <vraag> | deel <tekst> | toon <nr> | vraag <vraag> | help",
    "setup.knelpunt.name": "Knelpunten",
    "setup.knelpunt.description": "Knelpunten melden, herkennen en landelijk escaleren",
    "setup.knelpunt.hint": "meld <titel> | steun <nr> | toon <nr> | escaleer <nr> | help",
    "setup.actie.name": "Acties",
    "setup.actie.description": "Acties met eigenaar en deadline, met herinneringen",
    "setup.actie.hint": "nieuw <titel> @eigenaar <termijn> | lijst | klaar <nr> | help",
    "setup.ciso.name": "CISO-netwerk",
    "setup.ciso.description": "Jij, het netwerk, het weekoverzicht en beheer",
    "setup.ciso.hint": "ik | organisaties | digest aan|uit | rapport | logboek | help",
}
