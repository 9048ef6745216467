"""English texts. Keys and placeholders match `texts_nl.py` exactly."""

TEXTS: dict[str, str] = {
    # General
    "error.unexpected": (
        "Sorry, something went wrong on my side. Nothing was changed; please try again shortly. "
        "If it keeps failing, tell an administrator."
    ),
    "error.unknown_command": "I don't know that command (`/{command}`). Try `/ciso help`.",
    "error.unknown_action": "This button no longer works. Please ask again.",
    "tlp.blocked_in_channel": (
        "This is {tlp} and may not appear in a channel. I only show it to you "
        "(for example with `/kennis toon`)."
    ),
    "member.not_member": (
        "Hi! You are not (yet) a member of the CISO network in this bot. Ask an administrator "
        "to add you with `/ciso lid @you <municipality> <role>`. Until then you only see "
        "TLP:CLEAR information."
    ),
    "member.not_member_me": (
        "You are not (yet) a member of the CISO network (user `{user}`). An administrator can "
        "add you with `/ciso lid @you <municipality> <role>`. Until then you only see TLP:CLEAR."
    ),
    "member.guest_note": "_You are not (yet) a member: you only see TLP:CLEAR items._",
    "permission.role_needed": "Only the role {roles} may do that.",
    # Roles, fields, values
    "role.ciso": "CISO",
    "role.adviseur": "advisor",
    "role.werkgroep": "working group",
    "role.portefeuillehouder": "portfolio holder",
    "role.partner": "partner",
    "role.beheerder": "administrator",
    "field.name": "Name",
    "field.user_id": "User",
    "field.organisation": "Municipality/organisation",
    "field.roles": "Roles",
    "field.language": "Language",
    "field.timezone": "Time zone",
    "field.tlp_default": "Default TLP",
    "field.tlp": "Classification",
    "field.tags": "Tags",
    "field.author": "Author",
    "field.shared_on": "Shared on",
    "field.updated_on": "Updated on",
    "field.useful": "Useful",
    "field.recipients": "Recipients",
    "field.source": "Original message",
    "value.none": "none",
    "value.no_organisation": "Without organisation",
    "value.unknown": "unknown",
    "language.nl": "Dutch",
    "language.en": "English",
    "date.months": "January February March April May June July August September October "
    "November December",
    "date.weekdays": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    # Buttons
    "button.show": "Open",
    "button.useful": "👍 Useful",
    "button.announce": "Share in channel",
    "button.delete": "Delete",
    "button.more": "More results",
    # /ciso
    "ciso.help": (
        "**CISO network — what can I do?**\n"
        "**Knowledge base** — `/kennis deel <text> [#tag] [TLP:GREEN]`, `/kennis zoek <query>`, "
        "`/kennis toon <no>`, `/kennis recent`, `/kennis help` for everything.\n"
        "**You and the network** — `/ciso ik` (what I know about you), `/ciso leden`, "
        "`/ciso organisaties`, `/ciso instellingen [taal en|nl] [tijdzone <zone>]`.\n"
        "**Administration** — `/ciso lid @someone <municipality> <role…>` (roles: ciso, adviseur, "
        "werkgroep, portefeuillehouder, partner, beheerder), `/ciso verwijder @someone`, "
        "`/ciso organisatie nieuw <name> [partner]`.\n"
        "Classification follows TLP 2.0: AMBER and above is shown to you only, never in a channel."
    ),
    "ciso.unknown": "I don't know `/ciso {word}`. See `/ciso help`.",
    "ciso.me_title": "**What I know about you**",
    "ciso.no_members": "There are no members yet. An administrator adds them with `/ciso lid`.",
    "ciso.members_title": "**Network members** ({count})",
    "ciso.member_usage": (
        "Usage: `/ciso lid @someone <municipality> <role…>`, for example "
        "`/ciso lid @anna Den Haag ciso werkgroep`."
    ),
    "ciso.member_needs_role": "Give at least one role, at the end: {roles}.",
    "ciso.unknown_organisation": (
        "I don't know a municipality or organisation “{name}”. Did you mean: {suggestions}? "
        "See `/ciso organisaties`."
    ),
    "ciso.member_added": "{name} was added: {organisation}, roles {roles}.",
    "ciso.member_updated": "{name} was updated: {organisation}, roles {roles}.",
    "ciso.remove_usage": "Usage: `/ciso verwijder @someone`.",
    "ciso.not_a_member": "<@{user}> is not an (active) member.",
    "ciso.member_removed": (
        "{name} no longer has access. What they shared stays in the knowledge base."
    ),
    "ciso.organisations": (
        "**Participating municipalities** ({count}): {municipalities}\n"
        "**Security partners**: {partners}"
    ),
    "ciso.organisation_usage": "Usage: `/ciso organisatie nieuw <name> [partner]`.",
    "ciso.organisation_exists": "“{name}” already exists.",
    "ciso.organisation_added": "“{name}” was added ({kind}).",
    "ciso.settings_title": "**Your settings**",
    "ciso.settings_hint": (
        "Change: `/ciso instellingen taal en|nl` or `/ciso instellingen tijdzone Europe/Amsterdam`."
    ),
    "ciso.settings_usage": "Usage: `/ciso instellingen [taal nl|en] [tijdzone <zone>]`.",
    "ciso.bad_language": "I don't know that language. Choose from: {languages}.",
    "ciso.language_set": "Your language is now {language}.",
    "ciso.bad_timezone": "“{zone}” is not a time zone I know, for example `Europe/Amsterdam`.",
    "ciso.timezone_set": "Your time zone is now {zone}.",
    # /kennis
    "knowledge.help": (
        "**Knowledge base**\n"
        "`/kennis deel <text> [#tag …] [TLP:GREEN]` — share knowledge; the first line or "
        "sentence is the title. Classification: TLP:CLEAR, TLP:GREEN, TLP:AMBER, "
        "TLP:AMBER+STRICT or `TLP:RED @a @b` (only you and those named).\n"
        '`/kennis zoek <query>` — search; with `"exact phrase"`, `ransom*`, `#tag`, '
        "`tlp:amber`, `gemeente:Delft`, `sinds:2026-01-01`.\n"
        "`/kennis toon <no>`, `/kennis wijzig <no> <text>`, `/kennis verwijder <no>`, "
        "`/kennis nuttig <no>`, `/kennis recent [count]`, `/kennis tags`."
    ),
    "knowledge.unknown": "I don't know `/kennis {word}`. See `/kennis help`.",
    "knowledge.share_usage": (
        "What would you like to share? Usage: `/kennis deel <text> [#tag] [TLP:GREEN]`."
    ),
    "knowledge.too_long": "That is too long: a knowledge item may have at most {limit} characters.",
    "knowledge.recipient_not_member": (
        "These recipients are not members, so I cannot share TLP:RED with them: {users}. "
        "Nothing was saved."
    ),
    "knowledge.saved": "Saved as knowledge item **#{id}**: {title} ({tlp}).",
    "knowledge.saved_red": (
        "Saved as knowledge item **#{id}**: {title} ({tlp}). Only you and {recipients} can see it."
    ),
    "knowledge.bad_number": "“{value}” is not a knowledge item number, for example `12`.",
    "knowledge.bad_count": "“{value}” is not a number, for example `10`.",
    "knowledge.not_found": "Knowledge item #{id} does not exist, or you may not see it.",
    "knowledge.related": "_Related:_",
    "knowledge.not_yours": (
        "Only the author, the working group or an administrator may change or delete "
        "knowledge item #{id}."
    ),
    "knowledge.edit_usage": (
        "Usage: `/kennis wijzig <no> <new text>`, or only a new label or tags: "
        "`/kennis wijzig <no> TLP:AMBER #tag`."
    ),
    "knowledge.updated": "Knowledge item **#{id}** was updated: {title} ({tlp}).",
    "knowledge.confirm_delete": "Really delete knowledge item #{id}? This cannot be undone.",
    "knowledge.deleted": "Knowledge item #{id} ({title}) was deleted.",
    "knowledge.useful_added": "Noted: you find #{id} ({title}) useful. 👍",
    "knowledge.useful_already": "You had already marked #{id} ({title}) as useful.",
    "knowledge.announce_no_channel": "Sharing works from a channel only, not in a direct message.",
    "knowledge.announcement": "📚 {name} shares from the knowledge base:",
    "knowledge.none_yet": "There is nothing in the knowledge base that you may see yet.",
    "knowledge.recent_title": "**New in the knowledge base** (latest {count})",
    "knowledge.no_tags": "There are no tags yet.",
    "knowledge.tags_title": "**Tags in the knowledge base**",
    # Search
    "search.usage": (
        "What are you looking for? For example `/kennis zoek phishing #awareness sinds:2026-01-01`."
    ),
    "search.too_long": "Your query is too long (at most {limit} characters). Please shorten it.",
    "search.nothing_to_search": ("Your query holds no word I can search for. Try a few keywords."),
    "search.no_results": "Nothing found for “{query}”. Try other or fewer words.",
    "search.no_more": "There are no further results for “{query}”.",
    "search.results": "**Results {first}–{last}** for “{query}”",
    "search.broadened": (
        "No item holds all your words; these come closest (**{first}–{last}**) for “{query}”"
    ),
    "search.newest_first": "_These words occur in very many items: the newest are shown first. Add a word, `#tag` or `sinds:` for more focused results._",
    "search.bad_tlp": "I don't know “tlp:{value}”. Use clear, green, amber, amber+strict or red.",
    "search.bad_organisation": (
        "I don't know a municipality or organisation “{value}”. See `/ciso organisaties`."
    ),
    "search.bad_since": "“{value}” is not a date. Write for example `sinds:2026-01-01`.",
    # Console adapter
    "console.welcome": (
        "CISO network — console. You are {user}. Type `/ciso help`, `:as <id>` to switch user, "
        "`:press <action> [value]` for a button, `:help` for more. Ctrl-D stops."
    ),
    "console.help": (
        "`:as <id>` switch user · `:in <channel>` talk in a channel · `:dm` talk in a direct "
        "message · `:press <action> [value]` press a button of the last reply · `\\n` in a "
        "command is a new line"
    ),
    "console.now_as": "You are now {user}.",
    "console.now_in": "You are now talking in {place}.",
    "console.no_button": "The last reply has no button `{action}`{value}.",
    "console.which_button": "Which one? The last reply has several `{action}` buttons: {values}.",
    "console.not_a_command": "Start with a command such as `/kennis zoek phishing`, or type `:help`.",
}
