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
        "**Jij en het netwerk** — `/ciso ik` (wat ik van je weet), `/ciso leden`, "
        "`/ciso organisaties`, `/ciso instellingen [taal en|nl] [tijdzone <zone>]`.\n"
        "**Beheer** — `/ciso lid @iemand <gemeente> <rol…>` (rollen: ciso, adviseur, werkgroep, "
        "portefeuillehouder, partner, beheerder), `/ciso verwijder @iemand`, "
        "`/ciso organisatie nieuw <naam> [partner]`.\n"
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
    "ciso.settings_usage": "Gebruik: `/ciso instellingen [taal nl|en] [tijdzone <zone>]`.",
    "ciso.bad_language": "Die taal ken ik niet. Kies uit: {languages}.",
    "ciso.language_set": "Je taal is nu {language}.",
    "ciso.bad_timezone": "“{zone}” is geen tijdzone die ik ken, bijvoorbeeld `Europe/Amsterdam`.",
    "ciso.timezone_set": "Je tijdzone is nu {zone}.",
    # /kennis
    "knowledge.help": (
        "**Kennisbank**\n"
        "`/kennis deel <tekst> [#tag …] [TLP:GREEN]` — deel kennis; de eerste regel of zin is de "
        "titel. Rubricering: TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT of "
        "`TLP:RED @a @b` (alleen voor jou en de genoemden).\n"
        '`/kennis zoek <vraag>` — zoek; met `"exacte zin"`, `ransom*`, `#tag`, `tlp:amber`, '
        "`gemeente:Delft`, `sinds:2026-01-01`.\n"
        "`/kennis toon <nr>`, `/kennis wijzig <nr> <tekst>`, `/kennis verwijder <nr>`, "
        "`/kennis nuttig <nr>`, `/kennis recent [aantal]`, `/kennis tags`."
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
        "een privégesprek · `:press <actie> [waarde]` druk op een knop van het laatste antwoord · "
        "`\\n` in een opdracht is een nieuwe regel"
    ),
    "console.now_as": "Je bent nu {user}.",
    "console.now_in": "Je praat nu in {place}.",
    "console.no_button": "Het laatste antwoord heeft geen knop `{action}`{value}.",
    "console.which_button": "Welke? Het laatste antwoord heeft meer knoppen `{action}`: {values}.",
    "console.not_a_command": (
        "Begin met een opdracht zoals `/kennis zoek phishing`, of typ `:help`."
    ),
}
