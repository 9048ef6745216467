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
    "date.months_short": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
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
        "**Bottlenecks** — `/knelpunt meld <title> — <explanation>`, `/knelpunt steun <no>`, "
        "`/knelpunt` (by number of municipalities), `/knelpunt help`.\n"
        "**Actions** — `/actie nieuw <title> @owner <deadline>`, `/actie` (my actions), "
        "`/actie klaar <no>`, `/actie help`.\n"
        "**You and the network** — `/ciso ik` (what I know about you), `/ciso leden`, "
        "`/ciso organisaties`, `/ciso instellingen [taal en|nl] [tijdzone <zone>]`.\n"
        "**Administrators** — `/ciso digest [aan|uit]` (the portfolio holder's weekly digest), "
        "`/ciso rapport [Q1 2027]` (progress report for the RBO).\n"
        "**Administration** — `/ciso lid @someone <municipality> <role…>` (roles: ciso, adviseur, "
        "werkgroep, portefeuillehouder, partner, beheerder), `/ciso verwijder @someone`, "
        "`/ciso koppel @someone slack:<id>` (one member, an account on Slack and Mattermost), "
        "`/ciso organisatie nieuw <name> [partner]`, `/ciso logboek [kennis <no> | @someone]` "
        "(who changed what; you can read the history of your own items yourself).\n"
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
    "ciso.settings_usage": (
        "Usage: `/ciso settings [language nl|en] [timezone <zone>] "
        "[platform slack|mattermost|last]`."
    ),
    "ciso.bad_language": "I don't know that language. Choose from: {languages}.",
    "ciso.language_set": "Your language is now {language}.",
    "ciso.bad_timezone": "“{zone}” is not a time zone I know, for example `Europe/Amsterdam`.",
    "ciso.timezone_set": "Your time zone is now {zone}.",
    "field.accounts": "Accounts",
    "field.messages_on": "Messages via",
    "ciso.platform_chosen": "{platform} (your choice)",
    "ciso.platform_last_used": "{platform} (used last)",
    "ciso.link_usage": "Usage: `/ciso link @someone <platform>:<user id>`, for example `/ciso link @anna slack:U0123ABC`. Write out the account on the other platform; its user id is in the profile.",
    "ciso.link_same_platform": "Both accounts are on {platform}. Link an account on another platform.",
    "ciso.link_taken": "{account} already belongs to member {name}. I do not merge two members: remove one of them first (`/ciso remove`), or choose another account.",
    "ciso.linked": "{name} now has these accounts: {accounts}. Messages go to the platform {name} used last.",
    "ciso.linked_you": "An administrator of the CISO network linked this account to your membership ({accounts}). Reminders and messages now come on the platform you used last; choose one with `/ciso settings platform`.",
    "ciso.unlink_usage": "Usage: `/ciso unlink @someone <platform>`, for example `/ciso unlink @anna slack`.",
    "ciso.unlink_none": "{name} has no account on {platform}.",
    "ciso.unlink_last": "That is {name}'s only account. To take away access, use `/ciso remove`.",
    "ciso.unlinked": "{name}'s {platform} account is unlinked.",
    "ciso.bad_platform": "Choose from: {platforms}.",
    "ciso.platform_set": "The bot's messages now come on {platform}.",
    "ciso.platform_set_last": "The bot's messages now come on the platform you used last (now {platform}).",
    # /kennis
    "knowledge.help": (
        "**Knowledge base**\n"
        "`/kennis deel <text> [#tag …] [TLP:GREEN]` — share knowledge; the first line or "
        "sentence is the title. Classification: TLP:CLEAR, TLP:GREEN, TLP:AMBER, "
        "TLP:AMBER+STRICT or `TLP:RED @a @b` (only you and those named).\n"
        '`/kennis zoek <query>` — search; with `"exact phrase"`, `ransom*`, `#tag`, '
        "`tlp:amber`, `gemeente:Delft`, `sinds:2026-01-01`.\n"
        "`/kennis toon <no>`, `/kennis wijzig <no> <text>`, `/kennis verwijder <no>`, "
        "`/kennis nuttig <no>`, `/kennis recent [count]`, `/kennis tags`.\n"
        "Knowledge goes stale: put `geldig tot 1 maart` in what you share, or the period "
        "follows from the tags. On that day I ask you whether it is still true. "
        "`/kennis herzien <no>`, `/kennis archiveer <no>`, `/kennis herstel <no>`; to search "
        "the archive: `archief:ja`.\n"
        "Ask the network: `/kennis vraag <question> [#tag] [TLP:…]`, `/kennis vragen` (open "
        "questions), `/kennis antwoord <no> <answer>`, or answer in the thread under it."
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
    "search.did_you_mean": "Did you mean {words}? That finds these:",
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
        "message · `:press <action> [value]` press a button of the last reply · `:tick` send what "
        "is due now · `\\n` in a "
        "command is a new line"
    ),
    "console.nothing_due": "Nothing is due right now.",
    "console.now_as": "You are now {user}.",
    "console.now_in": "You are now talking in {place}.",
    "console.no_button": "The last reply has no button `{action}`{value}.",
    "console.which_button": "Which one? The last reply has several `{action}` buttons: {values}.",
    "console.not_a_command": "Start with a command such as `/kennis zoek phishing`, or type `:help`.",
    # /knelpunt
    "bottleneck.help": (
        "**Bottlenecks** — raise together what municipalities cannot solve alone.\n"
        "`/knelpunt meld <title> [— explanation] [#theme] [TLP:…]` — report a bottleneck; I "
        "first show what looks like it.\n"
        "`/knelpunt steun <nr> [explanation]` — does your municipality recognise it too? Each "
        "municipality counts once. `/knelpunt intrekken <nr>`, `/knelpunt notitie <nr> <text>`.\n"
        "`/knelpunt` or `/knelpunt lijst [open|alle] [thema:…]` — by number of municipalities; "
        "`/knelpunt toon <nr>`, `/knelpunt themas`.\n"
        "`/knelpunt koppel <nr> kennis <nr>` — link a knowledge item.\n"
        "`/knelpunt export [md|csv]` — everything you may see, as a file.\n"
        "**Working group** — `/knelpunt status <nr> in-behandeling|geescaleerd|beantwoord|"
        "opgelost|afgewezen [naar IBD] [kenmerk …] [verwacht 6 weken] [— explanation]`, "
        "`/knelpunt antwoord <nr> <text>`, `/knelpunt heropen <nr>`, "
        "`/knelpunt samenvoegen <nr> naar <nr>`, `/knelpunt vraag <nr> <decision asked>`, "
        "`/knelpunt dossier <nr> [naar <body>] [anoniem]`.\n"
        "At {threshold} municipalities the working group hears a bottleneck is ready to escalate."
    ),
    "bottleneck.unknown": "I don't know `/knelpunt {word}`. See `/knelpunt help`.",
    "bottleneck.bad_number": "“{value}” is not a bottleneck number, for example `12`.",
    "bottleneck.not_found": "Bottleneck #{id} does not exist, or you may not see it.",
    "bottleneck.was_merged": "_Bottleneck #{old} was merged into #{id}; showing #{id}._",
    "bottleneck.needs_organisation": (
        "You are not linked to a municipality or organisation yet, and a bottleneck counts per "
        "municipality. Ask an administrator: `/ciso lid @you <municipality> <role>`."
    ),
    "bottleneck.too_long": "That is too long: a bottleneck may have at most {limit} characters.",
    "bottleneck.report_usage": (
        "What is the bottleneck? Use: `/knelpunt meld <title> [— explanation] [#theme] "
        "[TLP:GREEN]`."
    ),
    "bottleneck.no_red": (
        "A bottleneck is meant to be shared with municipalities, so TLP:RED is not possible. "
        "Choose TLP:AMBER or TLP:AMBER+STRICT, or share it with named people via `/kennis deel`."
    ),
    "bottleneck.similar_first": (
        "Before I save “{title}” as a new bottleneck: does it look like one of these? Then "
        "support that one instead, so your municipality counts there."
    ),
    "bottleneck.draft_gone": "This report was already handled or cancelled.",
    "bottleneck.draft_discarded": "Fine, “{title}” was not reported.",
    "bottleneck.reported": (
        "Bottleneck **#{id}** is reported: {title} ({tlp}). Your municipality counts first."
    ),
    "bottleneck.announcement": (
        "🚧 New bottleneck, reported by {name}. Does your municipality recognise it?"
    ),
    "bottleneck.threshold": (
        "📣 This bottleneck is now recognised by {threshold} or more municipalities and is ready "
        "to escalate:"
    ),
    "bottleneck.threshold_hidden": (
        "📣 Bottleneck #{id} ({tlp}) is now recognised by {threshold} or more municipalities and "
        "is ready to escalate. See it with `/knelpunt toon {id}`."
    ),
    "bottleneck.closed": "Bottleneck #{id} is {status}; only open bottlenecks can be supported.",
    "bottleneck.supported": "Noted: {organisation} recognises bottleneck **#{id}** ({title}). Now {count}.",
    "bottleneck.supported_same_org": (
        "{organisation} already counted for bottleneck **#{id}** ({title}); your support and note "
        "are recorded. It stays at {count}."
    ),
    "bottleneck.already_supported": (
        "You already support bottleneck #{id} ({title}); nothing changed. Now {count}."
    ),
    "bottleneck.use_note": "Want to add something? Use `/knelpunt notitie {id} <text>`.",
    "bottleneck.withdrawn": "Your support for bottleneck #{id} ({title}) is withdrawn. Now {count}.",
    "bottleneck.not_supporting": "You did not support bottleneck #{id}; nothing changed.",
    "bottleneck.note_usage": "Use: `/knelpunt notitie <nr> <text>`.",
    "bottleneck.note_too_long": "That is too long: at most {limit} characters.",
    "bottleneck.note_needs_support": (
        "You can add a note only when your municipality supports bottleneck #{id}: "
        "`/knelpunt steun {id}`."
    ),
    "bottleneck.note_added": "Your note on bottleneck #{id} is added.",
    "bottleneck.count": "{count} municipalities",
    "bottleneck.count_one": "1 municipality",
    "bottleneck.list_usage": "I don't understand “{word}”. Use: `/knelpunt lijst [open|alle] [thema:…]`.",
    "bottleneck.none_open": (
        "There are no open bottlenecks you may see. Report one with `/knelpunt meld`."
    ),
    "bottleneck.none": "There are no bottlenecks you may see.",
    "bottleneck.list_open": "**Open bottlenecks{theme}** ({total}), by number of municipalities",
    "bottleneck.list_all": "**All bottlenecks{theme}** ({total}), by number of municipalities",
    "bottleneck.no_themes": "There are no themes yet. Add one when reporting: `#cloud`.",
    "bottleneck.themes_title": "**Bottleneck themes**",
    "bottleneck.notes_title": "**What municipalities say**",
    "bottleneck.history_title": "**History**",
    "bottleneck.actions_title": "**Actions**",
    "bottleneck.knowledge_title": "**Linked knowledge**",
    "bottleneck.hidden_knowledge": "• ({items} hidden from you)",
    "count.item": "{count} linked items",
    "count.item_one": "1 linked item",
    "count.action": "{count} actions",
    "count.action_one": "1 action",
    "count.bottleneck": "{count} bottlenecks",
    "count.bottleneck_one": "1 bottleneck",
    "bottleneck.escalated_to": "to {body} on {date}",
    "bottleneck.link_usage": "Use: `/knelpunt koppel <nr> kennis <nr>`.",
    "bottleneck.link_not_allowed": (
        "Only whoever reported or supports bottleneck #{id}, or the working group, can link "
        "knowledge to it."
    ),
    "bottleneck.linked": "Knowledge item #{item} ({title}) is linked to bottleneck #{id}.",
    "bottleneck.already_linked": "Knowledge item #{item} was already linked to bottleneck #{id}.",
    "bottleneck.unlinked": "Knowledge item #{item} is unlinked from bottleneck #{id}.",
    "bottleneck.not_linked": "Knowledge item #{item} was not linked to bottleneck #{id}.",
    "bottleneck.status_usage": (
        "Use: `/knelpunt status <nr> in-behandeling|geescaleerd|beantwoord|opgelost|afgewezen "
        "[naar IBD] [kenmerk …] [verwacht 6 weken] [— explanation]`."
    ),
    "bottleneck.status_unknown": (
        "“{word}” is not a status. Choose from: in-behandeling, geescaleerd, beantwoord, "
        "opgelost, afgewezen (or heropend)."
    ),
    "bottleneck.status_did_you_mean": "“{word}” is not a status. Did you mean `{suggestion}`?",
    "bottleneck.needs_body": "Which body do you escalate to? Add `naar …`: {bodies}.",
    "bottleneck.unknown_body": "I don't know the body “{body}”.{hint} Choose from: {bodies}.",
    "bottleneck.did_you_mean": " Did you mean {word}?",
    "bottleneck.needs_reason": (
        "Give a short reason when rejecting: `/knelpunt status {id} afgewezen — <reason>`."
    ),
    "bottleneck.answer_usage": "What is the answer? Use: `/knelpunt antwoord {id} <text>`.",
    "bottleneck.transition_refused": (
        "Bottleneck #{id} cannot go from “{old}” to “{new}”. From here it can go to: {allowed}."
    ),
    "bottleneck.status_changed": "Bottleneck **#{id}** ({title}) is now {status}.",
    "bottleneck.answer_expected": "Answer from {body} expected by {date}.",
    "bottleneck.status_dm": "News on bottleneck #{id} ({title}): it is now {status}.",
    "bottleneck.answer_dm": (
        "📨 There is an answer on bottleneck #{id} ({title}), which your municipality recognises:"
    ),
    "bottleneck.merge_usage": "Use: `/knelpunt samenvoegen <nr> naar <nr>`.",
    "bottleneck.merge_same": "Bottleneck #{id} cannot be merged with itself.",
    "bottleneck.merged": (
        "Bottleneck #{old} is merged into **#{id}** ({title}): support, notes and links moved. "
        "Now {count}. Asking for #{old} leads to #{id}."
    ),
    "bottleneck.merge_label": "Note: #{id} now has the stricter label {tlp}.",
    "bottleneck.merged_dm": (
        "Bottleneck #{old}, which you supported or reported, was merged into #{id} ({title}). "
        "Your support counts there now."
    ),
    "bottleneck.decision_usage": (
        "What decision does the network ask for? Use: `/knelpunt vraag {id} <decision asked>`."
    ),
    "bottleneck.decision_saved": "The decision asked on bottleneck #{id} is saved.",
    "bottleneck.answer_late": (
        "⏰ The answer from {body} on bottleneck #{id} was expected on {date} (reference "
        "{reference}) and has not come. Time to ask; record the answer with "
        "`/knelpunt antwoord {id} <text>`."
    ),
    "bottleneck.answer_late_hidden": (
        "⏰ The answer from {body} on bottleneck #{id} ({tlp}) was expected on {date} and has not "
        "come. See it with `/knelpunt toon {id}`."
    ),
    "bottleneck.export_usage": "I don't know the format “{word}”. Use `md`, `csv` or `xlsx`.",
    "bottleneck.export_ready": (
        "The export of {bottlenecks} is below. Strictest label in it: {tlp}; share it "
        "only as that label allows."
    ),
    "bottleneck.sent_privately": "📬 I sent it to you in a direct message.",
    "bottleneck.dossier_usage": "Use: `/knelpunt dossier <nr> [naar <body>] [anoniem]`.",
    "bottleneck.dossier_ready": (
        "The draft dossier for bottleneck #{id} to {body} is below. Read it through before you "
        "send it."
    ),
    "button.recognise": "We recognise this too",
    "button.report_anyway": "Report as new anyway",
    "button.cancel": "Cancel",
    "button.withdraw": "Withdraw support",
    "field.status": "Status",
    "field.theme": "Theme",
    "field.reporter": "Reported by",
    "field.reported_on": "Reported on",
    "field.municipalities": "Recognised by",
    "field.partners": "Also recognised by partners",
    "field.escalated": "Escalated",
    "field.reference": "Reference",
    "bottleneck.answer_overdue": "⚠️ {date} — {late}",
    "field.answer_due": "Answer expected",
    "field.answer": "Answer",
    "field.decision_asked": "Decision asked",
    "status.nieuw": "new",
    "status.in_behandeling": "in progress",
    "status.geescaleerd": "escalated",
    "status.beantwoord": "answered",
    "status.opgelost": "resolved",
    "status.afgewezen": "rejected",
    "status.samengevoegd": "merged",
    "history.reported": "reported",
    "history.supported": "supports",
    "history.withdrawn": "withdrew support",
    "history.status": "{old} → {new}",
    "history.reopened": "reopened ({old} → {new})",
    "history.merged_into": "merged into #{id}",
    "history.merged_from": "#{id} was merged into this one",
    "history.decision": "decision asked recorded",
    "history.to_body": "to {body}",
    "history.reference": "reference {reference}",
    "body.IBD": "IBD — the municipalities' Information Security Service (VNG)",
    "body.VNG": "VNG — committees Information Society and Governance & Security",
    "body.NCSC": "NCSC — National Cyber Security Centre (JenV)",
    "body.BZK": "Ministry of the Interior and Kingdom Relations",
    "body.JenV": "Ministry of Justice and Security",
    "body.RBO": "Regional board (regioburgemeester)",
    "body.TK": "House of Representatives, committee Digital Affairs",
    "export.title": "Bottlenecks of the CISO network",
    "export.intro": (
        "Export of {date} · {bottlenecks} · strictest label in this document: {tlp}. "
        "Share it only as that label allows."
    ),
    "export.history": "History",
    "export.sheet": "Bottlenecks",
    "export.columns": (
        "number|title|explanation|theme|label|status|municipalities count|municipalities|"
        "partners|reported on|escalated to|reference|answer|history"
    ),
    "dossier.title": "Bottleneck: {title}",
    "dossier.to": "To",
    "dossier.from": "From",
    "dossier.sender": "Working group of the CISO network of the region's municipalities",
    "dossier.date": "Date",
    "dossier.number": "Our number",
    "dossier.problem": "The problem",
    "dossier.who": "Who recognises it",
    "dossier.count_only": "{count} municipalities in the region recognise this bottleneck.",
    "dossier.count_only_one": "1 municipality in the region recognises this bottleneck.",
    "dossier.count_named": "{count} municipalities recognise this bottleneck: {names}.",
    "dossier.count_named_one": "1 municipality recognises this bottleneck: {names}.",
    "dossier.partners": "Also recognised by the security partners: {names}.",
    "dossier.notes": "What municipalities experience",
    "dossier.done": "What the network has done",
    "dossier.actions": "Agreed actions",
    "dossier.steps": "Steps so far",
    "dossier.knowledge": "Knowledge shared",
    "dossier.knowledge_left_out": "_Left out for a stricter label: {items}._",
    "dossier.actions_left_out": "_Actions left out for a stricter label: {actions}._",
    "dossier.decision": "Decision asked",
    "dossier.decision_missing": (
        "_To be filled in by the working group: `/knelpunt vraag {id} <decision asked>`._"
    ),
    "dossier.check_quotes": "Note: this dossier is anonymous, but quotes may contain names of municipalities or people. Check them.",
    "dossier.decision_hint": (
        "Tip: the decision asked is still missing. Record it with `/knelpunt vraag {id} <text>` "
        "and make the dossier again."
    ),
    "deadline.day_off": "Note: {date} is {why}. I keep that deadline; the working day before is {before}.",
    "deadline.weekend": "a weekend day",
    "deadline.own_day_off": "a day off of the organisation",
    "deadline.holiday": "a public holiday ({name})",
    "button.workday_before": "Move to {date}",
    "action.moved_to_workday": "The deadline fell on a day off; moved to the working day before.",
    "deadline.missing": "Which deadline? For example `vrijdag`, `over 2 weken`, `15 maart` or `eind Q1`.",
    "deadline.unknown": (
        "I don't understand “{term}” as a deadline. Write for example `vrijdag`, `volgende week "
        "dinsdag`, `over 10 werkdagen`, `15 maart`, `eind maart`, `eind Q1` or `2027-03-15`."
    ),
    "deadline.past": "“{term}” is not in the future. Choose a later date.",
    "deadline.too_far": "“{term}” is more than five years ahead. Is that right? Choose an earlier date.",
    "deadline.no_such_date": "“{term}” is not a date that exists. Which day do you mean?",
    "deadline.weekday_conflict": "“{term}” does not add up: it is {day}. Which of the two do you mean?",
    "deadline.vague_month": "When in {month} exactly? Write for example `eind {month}` or `15 {month}`.",
    "deadline.vague": "“{term}” is too vague for a deadline. Name a day, for example `volgende week vrijdag`.",
    "deadline.vague_year": "When in {year}? Write for example `eind {year}`, `Q2 {year}` or a date.",
    # /actie
    "action.help": (
        "**Actions** — agreements with an owner and a deadline; I remind in time.\n"
        "`/actie nieuw <title> @owner <deadline> [knelpunt <nr>]` — the deadline as you say it: "
        "`vrijdag`, `volgende week dinsdag`, `over 10 werkdagen`, `15 maart`, `eind maart`, "
        "`eind Q1`, `Q2 2027`, `tweede kwartaal`. A quarter or month ends on its last working "
        "day.\n"
        "`/actie` (my open actions), `/actie lijst [mijn|alle|te-laat|@someone]`, "
        "`/actie toon <nr>`.\n"
        "`/actie klaar <nr>`, `/actie uitstel <nr> <deadline> — <reason>`, "
        "`/actie update <nr> <progress>`, `/actie eigenaar <nr> @someone`, "
        "`/actie heropen <nr>`, `/actie verwijder <nr>` (owner, creator, working group or "
        "administrator).\n"
        "`/actie ical` — your actions as a calendar file.\n"
        "Reminders by DM at {hour}:00: 7 days and 1 day before, on the day itself and then "
        "every {every} working days while overdue."
    ),
    "action.unknown": "I don't know `/actie {word}`. See `/actie help`.",
    "action.bad_number": "“{value}” is not an action number, for example `12`.",
    "action.not_found": "Action #{id} does not exist (any more).",
    "action.not_yours": (
        "Only the owner, whoever created it, the working group or an administrator can change "
        "action #{id}."
    ),
    "action.create_usage": (
        "Use: `/actie nieuw <title> @owner <deadline> [knelpunt <nr>]`, for example "
        "`/actie nieuw Write logging policy @anna eind Q1`. Yourself? Write `@ik`."
    ),
    "action.title_too_long": "The title is too long: at most {limit} characters.",
    "action.text_too_long": "That is too long: at most {limit} characters.",
    "action.owner_not_member": "<@{user}> is not an (active) member and cannot own an action.",
    "action.created": "Action **#{id}** is set: {title}. Owner {owner}, deadline **{deadline}**.",
    "action.reminders_at": "Reminders on: {when}.",
    "action.postponed_dm": (
        "📅 {name} moved the deadline of your action #{id} ({title}) to {deadline}. "
        "Reason: {reason}"
    ),
    "action.done_dm": "✅ {name} marked your action #{id} ({title}) as done.",
    "action.reopened_dm": "↩️ {name} reopened your action #{id} ({title}). Deadline: {deadline}.",
    "action.deleted_dm": "🗑️ {name} deleted your action #{id} ({title}).",
    "action.reassigned_dm": "🔁 {name} handed your action #{id} ({title}) over to {new_owner}.",
    "action.reopen_not_allowed": (
        "Action #{id} can only be reopened by the werkgroep, or by its owner within a week of "
        "finishing it."
    ),
    "action.reopened_late": "⚠️ The deadline ({deadline}) has passed: agree a new one with `/actie uitstel`.",
    "action.assigned_dm": "📌 {name} assigned action #{id} to you: {title}. Deadline: {deadline}.",
    "action.list_usage": (
        "I don't understand “{word}”. Use: `/actie lijst [mijn|alle|te-laat|@someone]`."
    ),
    "action.list_mine": "**Your open actions** ({total}), the nearest deadline first",
    "action.list_all": "**All open actions** ({total}), the nearest deadline first",
    "action.list_overdue": "**Actions past their deadline** ({total})",
    "action.list_of": "**Open actions of {name}** ({total})",
    "action.list_more": "_The first {shown} are below._",
    "action.none_mine": "You have no open actions. 🎉",
    "action.none_all": "There are no open actions.",
    "action.none_overdue": "No action is late. 👍",
    "action.none_of": "That person has no open actions.",
    "action.deadline": "deadline {date}",
    "action.late": "{count} days late",
    "action.late_one": "1 day late",
    "action.left": "{count} days left",
    "action.left_one": "1 day left",
    "action.today": "today",
    "action.status.klaar": "done",
    "action.status.verwijderd": "deleted",
    "action.history.created": "created, deadline {date}",
    "action.history.done": "done",
    "action.history.reopened": "reopened",
    "action.history.deleted": "deleted",
    "action.history.postponed": "postponed from {old} to {new}",
    "action.history.update": "progress",
    "action.history.owner": "owner is now {text}",
    "action.already_done": "Action #{id} is not open (any more).",
    "action.still_open": "Action #{id} is still open.",
    "action.done": "✅ Action #{id} ({title}) is done. Reminders have stopped.",
    "action.reopened": "Action #{id} ({title}) is open again; reminders run again.",
    "action.postpone_usage": "Use: `/actie uitstel {id} <deadline> — <short reason>`.",
    "action.postpone_why": (
        "Why does action #{id} move to {deadline}? A short reason belongs with it (it goes into "
        "the progress report): `/actie uitstel {id} {term} — <reason>`."
    ),
    "action.postpone_week_why": (
        "A week more, to {deadline}? Add a short reason: `/actie uitstel {id} {date} — <reason>`."
    ),
    "action.same_deadline": "Action #{id} already has that deadline.",
    "action.postponed": "Action #{id} ({title}) now has deadline **{deadline}**.",
    "action.update_how": (
        "How is action #{id} ({title}) going? Write: `/actie update {id} <progress>`."
    ),
    "action.updated": "Progress on action #{id} ({title}) is recorded.",
    "action.owner_usage": "Use: `/actie eigenaar {id} @someone`.",
    "action.same_owner": "{name} already owns action #{id}.",
    "action.owner_changed": "Action #{id} ({title}) is now owned by {name}.",
    "action.deleted": "Action #{id} ({title}) is deleted; reminders have stopped.",
    "action.ical_ready": "Your open actions ({actions}) as a calendar file: open it in your agenda.",
    "action.ical_name": "Actions CISO network",
    "action.ical_summary": "Deadline action #{id}: {title}",
    "action.ical_description": "Action #{id} of the CISO network. See /actie toon {id}.",
    "action.escalated": (
        "⚠️ Action #{id} ({title}) of {owner} is {late} (deadline {deadline}); reminders did not "
        "help. Will the working group get in touch?"
    ),
    "action.overview": "📋 **Weekly overview: {actions} past their deadline**",
    "action.overview_line": "• #{id} {title} — {owner}, deadline {deadline}, {late}",
    "reminder.before": "⏰ Reminder: action #{id} ({title}) is due {deadline} — {when}.",
    "reminder.due": "⏰ Today is the deadline of action #{id}: {title}.",
    "reminder.overdue": (
        "⚠️ Action #{id} ({title}) is {late} (deadline {deadline}). Done, postpone or an update?"
    ),
    "reminder.late": "_(Late: this reminder was planned for {planned} at {time}.)_",
    "reminder.failed": (
        "❗ I could not remind {owner} of action #{id} ({title}), even after several attempts. "
        "I keep trying every hour; could someone pass it on in person meanwhile?"
    ),
    "when.days": "in {count} days",
    "when.tomorrow": "tomorrow",
    "button.done": "✅ Done",
    "button.postpone_week": "Postpone 1 week",
    "button.update": "Give an update",
    "field.owner": "Owner",
    "field.creator": "Created by",
    "field.created_on": "Created on",
    "field.bottleneck": "Bottleneck",
    "knowledge.capture_no_source": "I don't know which message you want to save. Try again from the message.",
    "knowledge.capture_empty": "That message has no text I can save.",
    "knowledge.capture_red": "I don't save a TLP:RED message in the knowledge base; share it with `/kennis deel … TLP:RED @who`.",
    "knowledge.capture_known": "This message is already in the knowledge base as item #{id}.",
    "knowledge.captured": "📚 Saved as knowledge item **#{id}**: {title} ({tlp}), originally by {author}.",
    "home.title": "**CISO network** — welcome, {name}",
    "home.actions": "**Your open actions**",
    "home.no_actions": "_You have no open actions._",
    "home.bottlenecks": "**Bottlenecks most municipalities recognise**",
    "home.no_bottlenecks": "_No open bottlenecks._",
    "home.knowledge": "**New in the knowledge base**",
    "confirm.title": "Are you sure?",
    "confirm.yes": "Yes",
    "confirm.no": "No",
    "slack.truncated": "_There is more; it did not fit in one message._",
    "delivery.retrying": (
        "What I stored is safe. A message about it to someone else could not be delivered "
        "in {platform} yet; I keep trying until it is."
    ),
    "delivery.failed": (
        "What I stored is safe, but I could not deliver my message about it (everywhere) in "
        "{platform}. Try again shortly or look with `/kennis`, `/knelpunt` or `/actie`."
    ),
    "form.title.kennis.share": "Share knowledge",
    "form.title.knelpunt.report": "Report bottleneck",
    "form.title.actie.new": "New action",
    "form.submit": "Save",
    "form.cancel": "Cancel",
    "form.field.title": "Title",
    "form.field.text": "Text",
    "form.field.tags": "Tags (comma-separated)",
    "form.field.tlp": "Label (TLP)",
    "form.field.description": "Explanation",
    "form.field.theme": "Theme",
    "form.field.owner": "Owner",
    "form.field.deadline": "Deadline",
    "form.field.bottleneck": "For bottleneck (number)",
    "form.placeholder.title": "Short and clear",
    "form.placeholder.text": "What should others know?",
    "form.placeholder.tags": "phishing, awareness",
    "form.placeholder.description": "How does your municipality notice it?",
    "form.placeholder.theme": "for example suppliers",
    "form.placeholder.deadline": "vrijdag, over 2 weken, eind Q1, 15 maart",
    "form.placeholder.bottleneck": "12",
    "form.error.required": "Please fill this in.",
    "form.error.too_long": "Too long: at most {limit} characters.",
    "form.error.tlp": "Choose a label.",
    "form.error.number": "A number, for example 12.",
    "form.title.actie.update": "Give an update",
    "form.title.actie.postpone": "Postpone",
    "form.field.reason": "Reason",
    "form.placeholder.reason": "Why does it move?",
    # the weekly digest (/ciso digest)
    "digest.title": "**CISO network weekly digest** · week {week} ({start} – {end})",
    "digest.title_days": "**CISO network weekly digest** · {start} – {end}",
    "digest.preview": "_This is what your digest looks like now (the past seven days):_",
    "digest.late": (
        "_This digest was due on {date} at {time}, but could not be sent then. "
        "It covers the week before._"
    ),
    "digest.usage": (
        "Usage: `/ciso digest` (preview your digest), `/ciso digest aan` (subscribe) or "
        "`/ciso digest uit` (unsubscribe)."
    ),
    "digest.subscribed": "Subscribed: you will get the weekly digest from {date}.",
    "digest.unsubscribed": (
        "Unsubscribed: you will no longer get the weekly digest. You can always view it with "
        "`/ciso digest`."
    ),
    "digest.failed": (
        "⚠️ The {week} digest for {name} could not be delivered after several attempts. "
        "I keep trying every hour until the next one is due. Check that the bot may send "
        "this person a message."
    ),
    "digest.missed": (
        "❗ The {week} digest for {name} never arrived; the next one is due now. {name} can "
        "read it with `/ciso digest`."
    ),
    "digest.join": "{first} and {last}",
    "digest.attention": "Your attention is needed for {items}.",
    "digest.attention.none": "No decision or action is asked of you this week.",
    "digest.attention.decisions": "{count} decisions asked",
    "digest.attention.decisions_one": "1 decision asked",
    "digest.attention.waiting": "{count} bottlenecks waiting for a national answer",
    "digest.attention.waiting_one": "1 bottleneck waiting for a national answer",
    "digest.attention.late_answers": "({count} past the deadline)",
    "digest.attention.overdue": "{count} actions still overdue after escalation",
    "digest.attention.overdue_one": "1 action still overdue after escalation",
    "digest.week_numbers": "This week: {knowledge}, {bottlenecks}, {done}; {overdue}.",
    "digest.count.knowledge": "{count} knowledge items shared",
    "digest.count.knowledge_one": "1 knowledge item shared",
    "digest.count.bottlenecks": "{count} new bottlenecks",
    "digest.count.bottlenecks_one": "1 new bottleneck",
    "digest.count.done": "{count} actions completed",
    "digest.count.done_one": "1 action completed",
    "digest.count.overdue": "{count} actions overdue",
    "digest.count.overdue_one": "1 action overdue",
    "digest.trend": (
        "Compared with last week (in brackets): knowledge {knowledge} · bottlenecks "
        "{bottlenecks} · completed {done} · overdue {overdue}"
    ),
    "digest.asked_title": "What does this ask of you?",
    "digest.nothing_asked": "Nothing: no decisions or escalations are waiting for you.",
    "digest.decisions": "Decision asked",
    "digest.decision_line": "#{id} {title} — {decision}",
    "digest.waiting": "Waiting for a national answer",
    "digest.waiting_line": "#{id} {title} — with {body} since {since}",
    "digest.answer_due": "(answer expected {date})",
    "digest.answer_late": "(answer expected {date}, {days} days late)",
    "digest.overdue_escalated": "Overdue, even after escalation to the working group",
    "digest.overdue_line": "#{id} {title} — {owner}, {late}",
    "digest.more": "… and {count} more",
    "digest.hidden_bottlenecks": "Also {count} bottlenecks outside your classification.",
    "digest.hidden_bottlenecks_one": "Also 1 bottleneck outside your classification.",
    "digest.bottlenecks_title": "Bottlenecks",
    "digest.no_bottlenecks": "No news on bottlenecks this week.",
    "digest.new_bottlenecks": "Newly reported",
    "digest.new_line": "{icon} #{id} {title} — {organisation}, {municipalities}",
    "digest.recognised": "Recognised by more municipalities",
    "digest.recognised_line": "#{id} {title} — +{joined}, now {municipalities}",
    "digest.national_decisions": "The network asks a national body to decide",
    "digest.national_line": "#{id} {title} — of {body}: {decision}",
    "digest.body_unknown": "the national body (not escalated yet)",
    "digest.escalated": "Escalated nationally",
    "digest.escalated_line": "#{id} {title} — to {body}",
    "digest.answered": "Answer received",
    "digest.answered_line": "#{id} {title} — {body}: {answer}",
    "digest.actions_title": "Actions",
    "digest.no_actions": "No actions completed, coming up or overdue.",
    "digest.done": "Completed",
    "digest.done_line": "#{id} {title} — {owner}",
    "digest.due_soon": "Due in the next two weeks",
    "digest.due_line": "#{id} {title} — {owner}, {deadline}",
    "digest.overdue": "Past the deadline",
    "digest.late_line": "#{id} {title} — {owner}, {late}",
    "digest.knowledge_title": "New knowledge",
    "digest.no_knowledge": "No new knowledge was shared this week.",
    "digest.hidden_knowledge": "Also {count} knowledge items outside your classification.",
    "digest.hidden_knowledge_one": "Also 1 knowledge item outside your classification.",
    "digest.footer": (
        "Classification: {tlp} — this digest is for you only. View again: `/ciso digest`; "
        "unsubscribe: `/ciso digest uit`."
    ),
    # the progress report for the regional board (/ciso rapport)
    "report.usage": "Usage: `/ciso rapport [Q1 2027 | march 2027 | 2027 | 2027-01-01 to 2027-03-31]`.",
    "report.bad_period": (
        "I don't understand that period: “{text}”. Write for example `Q1 2027`, `march 2027`, "
        "`2027` or `2027-01-01 to 2027-03-31`."
    ),
    "report.future_period": "{period} has not started yet; a report is about what has happened.",
    "report.reversed_period": "The end date is before the start date. Swap them?",
    "report.long_period": "A report covers at most three years. Choose a shorter period.",
    "report.ready": (
        "📊 Progress report {period} for the RBO: the document and the chart are below. "
        "Classification: {tlp} — share it only within those limits."
    ),
    "report.file": "progress-report",
    "report.title": "CISO network progress report — {period}",
    "report.intro": (
        "For the Regional Administrative Consultation (RBO). Period: {first} – {last}. "
        "Prepared on {made}. Classification: **{tlp}**."
    ),
    "report.running": "_The period is still running: figures as of {date}._",
    "report.summary_title": "Summary",
    "report.summary_actions": (
        "Actions: {actions} in the period; {done} completed, {on_time} of them on time; "
        "{overdue} overdue, {delayed} delayed (postponed)."
    ),
    "report.summary_bottlenecks": (
        "Bottlenecks: {new} newly reported, {escalated} escalated nationally, {answered} "
        "answers received."
    ),
    "report.summary_knowledge": "Knowledge: {items} items shared by {organisations} organisations.",
    "report.national_title": "What the network asks nationally",
    "report.national_line": "asked of {body}: {decision}",
    "report.decisions_title": "Decisions asked of the board",
    "report.decisions_none": "No decisions are asked of the board in this period.",
    "report.actions_title": "Agreed actions",
    "report.actions_none": "No actions ran in this period.",
    "report.col.action": "Action",
    "report.col.owner": "Owner",
    "report.col.term": "Term",
    "report.col.status": "Status",
    "report.col.bottleneck": "Bottleneck",
    "report.col.municipalities": "Municipalities",
    "report.col.escalated": "Escalated to",
    "report.col.answer": "Answer",
    "report.col.municipality": "Municipality",
    "report.col.shared": "Knowledge shared",
    "report.col.recognised": "Bottlenecks recognised",
    "report.term": "from {start} – {deadline}",
    "report.state.op_schema": "on schedule",
    "report.state.vertraagd": "delayed",
    "report.state.termijn_verstreken": "overdue",
    "report.state.afgerond": "completed",
    "report.progress_title": "Progress and postponements",
    "report.postponed_why": "reason:",
    "report.postponed": "{date}: deadline moved from {old} to {new}",
    "report.bottlenecks_title": "Bottlenecks and national answers",
    "report.bottlenecks_none": "No bottlenecks reported, escalated or answered in this period.",
    "report.hidden_bottlenecks": "Also {count} bottlenecks outside this report's classification.",
    "report.hidden_bottlenecks_one": "Also 1 bottleneck outside this report's classification.",
    "report.knowledge_title": "Knowledge shared",
    "report.knowledge_none": "No knowledge was shared in this period.",
    "report.per_theme": "Per theme:",
    "report.per_organisation": "Per organisation:",
    "report.hidden_knowledge": "Also {count} knowledge items outside this report's classification.",
    "report.hidden_knowledge_one": "Also 1 knowledge item outside this report's classification.",
    "report.participation_title": "Participation per municipality",
    "report.participation": "{active} of the {total} participating municipalities shared knowledge or recognised a bottleneck.",
    "report.quiet": "Not yet active in this period: {municipalities}.",
    "report.next_title": "Looking ahead: deadlines in the next period",
    "report.next_span": "_From {first} up to and including {last}._",
    "report.next_none": "No deadlines fall in the next period.",
    "report.chart_title": "Actions by status",
    "report.chart_axis": "number of actions",
    "mattermost.in_dm": "Your answer is in your direct message with me.",
    "dm.help": (
        "Type a command here without the slash, such as `kennis zoek phishing` or "
        "`actie lijst`, or use `/ciso help`."
    ),
    "mattermost.expired_button": "This button has expired. Run the command again (for example `/knelpunt toon <nr>`).",
    "mattermost.already_pressed": "This button was already handled; nothing was done again.",
    "mattermost.bad_button": "This button no longer works. Please run the command again.",
    "mattermost.bad_token": "This command does not come from a known Mattermost integration.",
    "mattermost.unknown_user": "I cannot find a Mattermost user {names}. Is it spelt right?",
    # Labels: read exactly, asked when unclear, owned by their source.
    "tlp.unclear": (
        "I do not recognise `{written}` as a label, so nothing is saved yet. "
        "Did you mean **{suggestion}**? Choose the label:"
    ),
    "tlp.unclear_no_guess": (
        "I do not recognise `{written}` as a label, so nothing is saved yet. Choose the label:"
    ),
    "tlp.two_labels": (
        "Your text names more than one label ({labels}), so nothing is saved yet. "
        "Which one does it get?"
    ),
    "tlp.held_gone": (
        "That question has expired or was already answered; nothing was saved. "
        "Type the command again."
    ),
    "tlp.held_cancelled": "Cancelled; nothing was saved.",
    "knowledge.saved_red_alone": (
        "Saved as knowledge item **#{id}**: {title} (TLP:RED). Only you can see it. "
        "Give colleagues access with `/kennis wijzig {id} TLP:RED @name`."
    ),
    "knowledge.only_author_lowers": (
        "Only the author may lower the label of knowledge item #{id} ({old} → {new}) or add "
        "readers. You may make it stricter, remove readers or delete it; nothing was changed."
    ),
    "knowledge.changed_by_other": "{name} changed your knowledge item #{id} ({title}): {changes}.",
    "knowledge.change.label": "label {old} → {new}",
    "knowledge.change.recipients_removed": "{names} can no longer see it",
    "knowledge.change.text": "title or text edited",
    "knowledge.change.tags": "tags edited",
    "knowledge.change.deleted": "deleted",
    "knowledge.captured_private": (
        "📚 Saved as knowledge item **#{id}**: {title}, originally by {author}. It comes from a "
        "private channel or a direct message, so it is {tlp}. If another label fits better, "
        "choose it below."
    ),
    "bottleneck.merge_strict_orgs": (
        "I cannot merge bottlenecks #{old} and #{id}: the result would be {tlp}, but they come "
        "from different organisations, so one municipality would read what was meant for the "
        "other only. Nothing was changed; link them with a note if you like."
    ),
    "bottleneck.merged_dm_hidden": (
        "Bottleneck #{old}, which you supported or reported, was merged into one with the "
        "stricter label {tlp} that you cannot see. Your support counts there."
    ),
    "action.escalated_hidden": (
        "⚠️ Action #{id} ({tlp}) stays overdue after reminders. Whoever may see it opens it with "
        "`/actie toon {id}`."
    ),
    "action.overview_hidden": "_And {count} with a stricter label; see `/actie lijst te-laat`._",
    "reminder.failed_hidden": (
        "A reminder for action #{id} ({tlp}) could not be delivered; I keep trying every hour. "
        "Whoever may see the action opens it with `/actie toon {id}`."
    ),
    "action.no_red": (
        "An action is shared work and cannot be TLP:RED. Choose TLP:AMBER+STRICT if only your own "
        "organisation may see it; nothing was saved."
    ),
    "action.label_below_bottleneck": (
        "Bottleneck #{bottleneck} is {bottleneck_tlp}; an action on it cannot be less strict than "
        "that ({tlp}). Nothing was saved."
    ),
    "action.owner_may_not_read": (
        "{owner} may not read an action with {tlp} of this organisation, so cannot own it. "
        "Nothing was saved."
    ),
    # The audit log in chat (`/ciso logboek`).
    "logbook.usage": (
        "Usage: `/ciso logboek` (everything, for an administrator), `/ciso logboek kennis <no>`, "
        "`/ciso logboek knelpunt <no>`, `/ciso logboek actie <no>` or `/ciso logboek @someone`."
    ),
    "logbook.unknown_member": "{user} is not a member of the network.",
    "logbook.not_allowed": (
        "The log is for administrators. You can read the history of what you wrote yourself: "
        "your knowledge items, the bottlenecks you reported and your actions "
        "(`/ciso logboek kennis <no>`)."
    ),
    "logbook.title_all": "Log: the latest changes",
    "logbook.title.knowledge": "Log of knowledge item #{number}",
    "logbook.title.bottleneck": "Log of bottleneck #{number}",
    "logbook.title.action": "Log of action #{number}",
    "logbook.title.member": "Log: what this member did",
    "logbook.subject.knowledge": "knowledge item #{number}",
    "logbook.subject.bottleneck": "bottleneck #{number}",
    "logbook.subject.action": "action #{number}",
    "logbook.subject.member": "member #{number}",
    "logbook.subject.organisation": "organisation #{number}",
    "logbook.gone": "(deleted)",
    "logbook.empty": "Nothing in it (yet).",
    "logbook.hidden": "{count} line(s) about something you may not see, left out.",
    "logbook.more": "Older lines",
    "logbook.field.tlp": "label",
    "logbook.field.title": "title",
    "logbook.field.body": "text changed",
    "logbook.field.tags": "tags",
    "logbook.field.recipients": "readers",
    "logbook.field.roles": "roles",
    "logbook.field.new_deadline": "new deadline",
    "logbook.field.old_deadline": "old deadline",
    "logbook.field.text": "text",
    "logbook.field.item": "knowledge item",
    "logbook.field.merged": "merged from bottleneck",
    "audit.knowledge.created": "shared",
    "audit.knowledge.updated": "changed",
    "audit.knowledge.deleted": "deleted",
    "audit.knowledge.useful": "found useful",
    "audit.bottleneck.reported": "reported",
    "audit.bottleneck.supported": "supported",
    "audit.bottleneck.withdrawn": "support withdrawn",
    "audit.bottleneck.status": "status changed",
    "audit.bottleneck.reopened": "reopened",
    "audit.bottleneck.decision": "decision recorded",
    "audit.bottleneck.note": "note added",
    "audit.bottleneck.link": "knowledge item linked",
    "audit.bottleneck.unlink": "knowledge item unlinked",
    "audit.bottleneck.label_raised": "label raised by a merge",
    "audit.bottleneck.merged_from": "merged",
    "audit.action.created": "created",
    "audit.action.labelled": "labelled",
    "audit.action.update": "progress reported",
    "audit.action.postponed": "postponed",
    "audit.action.done": "done",
    "audit.action.reopened": "reopened",
    "audit.action.deleted": "deleted",
    "audit.action.owner": "new owner",
    "audit.member.added": "added",
    "audit.member.updated": "changed",
    "audit.member.removed": "removed",
    "audit.member.preferences": "settings changed",
    "audit.member.digest": "digest switched on or off",
    "audit.member.admin_from_config": "administrator from the configuration",
    "audit.organisation.added": "added",
    # Knowledge that stays true: review dates and the archive.
    "knowledge.valid_until_past": "“{phrase}” is not in the future. Until when is it valid?",
    "knowledge.valid_until_twice": "Give one `geldig tot`: until when is this valid?",
    "knowledge.review_usage": (
        "Usage: `/kennis herzien <no>` (still true: the usual period) or "
        "`/kennis herzien <no> geldig tot 1 juni`."
    ),
    "knowledge.review_question": (
        "Is knowledge item **#{id}** “{title}” still true? It was reviewed or shared on "
        "{since} and was due for review on {review}. Choose below: still true, update or "
        "archive."
    ),
    "knowledge.review_orphan": (
        "Knowledge item **#{id}** “{title}” is due for review (since {review}), and whoever "
        "shared it is no longer a member. Can the werkgroep check whether it is still true?"
    ),
    "knowledge.review_orphan_hidden": (
        "Knowledge item **#{id}** is due for review, and whoever shared it is no longer a "
        "member. Someone who may read it can review it."
    ),
    "knowledge.reviewed": "Thank you. #{id} “{title}” stays; next review: {review}.",
    "knowledge.review_updated": "Updated: #{id} “{title}”. Next review: {review}.",
    "knowledge.archived": (
        "#{id} “{title}” is archived: it no longer shows in search results, and can still be "
        "read by number (`/kennis toon {id}`; to search the archive: `archief:ja`)."
    ),
    "knowledge.restored": "#{id} “{title}” is back from the archive; next review: {review}.",
    "knowledge.not_archived": "#{id} is not archived.",
    "knowledge.review_edit_how": (
        "To update #{id} “{title}”: `/kennis wijzig {id} <new text>` replaces the text (the "
        "first line is the title), then `/kennis herzien {id}`. The text now:"
    ),
    "knowledge.stale": "not reviewed since {date}",
    "knowledge.archived_mark": "archived on {date}",
    "knowledge.review_line": "Review by: {date}",
    "button.review_ok": "Still true",
    "button.review_edit": "Update",
    "button.archive": "Archive",
    "button.restore": "Restore",
    "form.title.kennis.edit": "Update knowledge",
    "form.field.valid_until": "Valid until (empty: the usual period)",
    "form.placeholder.valid_until": "1 maart 2027, eind Q2, over 3 maanden",
    "audit.knowledge.reviewed": "reviewed",
    "audit.knowledge.archived": "archived",
    "audit.knowledge.restored": "restored from the archive",
    "logbook.field.review_at": "review by",
    "field.currency": "Currency",
    "field.review_by": "Review by",
    "search.bad_archive": "I don't know “archief:{value}”: `archief:ja` also searches the archive.",
    "digest.to_review": "{count} knowledge items are past their review date: their authors were asked whether they are still true.",
    "digest.to_review_one": "1 knowledge item is past its review date: its author was asked whether it is still true.",
    "report.currency": "Currency: {current} of the {total} knowledge items are current ({share}%); {stale} past their review date, {archived} archived.",
    "knowledge.similar_first": (
        "Before I share “{title}”: is it like one of these? Then add to that item instead, "
        "or share it anyway."
    ),
    "button.share_anyway": "Share anyway",
    # Questions to the network (`/kennis vraag`).
    "question.usage": (
        "What would you like to ask the network? Usage: `/kennis vraag <question> [#tag] "
        "[TLP:GREEN]`, for example `/kennis vraag Has anyone worked with supplier X?`."
    ),
    "question.too_long": "That is too long: {limit} characters at most.",
    "question.no_red": (
        "A question to the network cannot be TLP:RED: hardly anyone may read it. Choose "
        "TLP:AMBER or TLP:AMBER+STRICT, or ask someone directly."
    ),
    "question.maybe_answered": (
        "Before I ask the network “{title}”: is the answer perhaps in one of these items?"
    ),
    "question.asked_channel": (
        "Your question **#{id}** “{title}” is in the network channel. I will send you the "
        "answers by direct message."
    ),
    "question.asked_dm": (
        "Your question **#{id}** “{title}” went to {count} members who may read it. I will "
        "send you the answers by direct message."
    ),
    "question.posted": "❓ **Question #{id}** from {who}: **{title}**",
    "question.bad_number": "“{value}” is not a question number, for example `3`.",
    "question.not_found": "Question #{id} does not exist, or you may not see it.",
    "question.closed": "Question #{id} has been answered; it is in knowledge item #{item}.",
    "question.answer_usage": "What is your answer? Usage: `/kennis antwoord {id} <answer>`.",
    "question.answer_how": (
        "To answer question #{id} “{title}”: `/kennis antwoord {id} <your answer> [TLP:…]`, "
        "or answer in the thread under the question."
    ),
    "question.asker_may_not_read": (
        "Whoever asked #{id} may not read {tlp} of your organisation, so I cannot pass this "
        "answer on. Choose another label, or answer them directly. Nothing was saved."
    ),
    "question.answer_sent": "Thank you. Your answer to #{id} “{title}” was passed on to whoever asked.",
    "question.new_answer": "💬 A new answer to your question **#{id}** “{title}”, from {who}:",
    "question.answer_gone": "This answer does not exist (any more), or you may not see it.",
    "question.only_asker": "Only whoever asked the question picks the answer that helped.",
    "question.saved": (
        "Thank you. Question #{id} is answered and is now in the knowledge base with its "
        "answers as knowledge item **#{item}** ({tlp})."
    ),
    "question.left_out": (
        "{count} answer(s) with TLP:AMBER+STRICT of another organisation are not in it: they "
        "stay with the question."
    ),
    "question.your_answer_helped": "👍 Your answer to “{title}” helped; it is now in knowledge item #{item}.",
    "question.answer_by": "Answer from {who}",
    "question.none_open": "There are no open questions you may see.",
    "question.open_title": "**Open questions to the network** ({count})",
    "question.line": "{who} · {date} · {answers} answer(s) · {tlp}",
    "question.hidden_answers": "{count} answer(s) you may not see, left out.",
    "question.unanswered_title": "Questions without an answer after three working days:",
    "question.unanswered_hidden": "{count} unanswered question(s) that may not be shown in this channel.",
    "digest.unanswered": "{count} questions to the network have no answer after three working days.",
    "digest.unanswered_one": "1 question to the network has no answer after three working days.",
    "button.answer": "Answer",
    "button.helpful": "This helped",
    "button.ask_anyway": "Ask anyway",
    "form.title.kennis.answer": "Answer",
    "audit.question.asked": "asked",
    "audit.question.answered": "answered",
    "audit.question.closed": "closed: knowledge item made",
    "logbook.subject.question": "question #{number}",
    "logbook.field.answer": "answer",
    # What members see while typing a slash command (`ciso-bot mattermost setup`).
    "setup.kennis.name": "Knowledge base",
    "setup.kennis.description": "Share, search and find knowledge (TLP 2.0)",
    "setup.kennis.hint": "zoek <query> | deel <text> | toon <no> | vraag <question> | help",
    "setup.knelpunt.name": "Bottlenecks",
    "setup.knelpunt.description": "Report, recognise and escalate bottlenecks nationally",
    "setup.knelpunt.hint": "meld <title> | steun <no> | toon <no> | escaleer <no> | help",
    "setup.actie.name": "Actions",
    "setup.actie.description": "Actions with an owner and a deadline, with reminders",
    "setup.actie.hint": "nieuw <title> @owner <deadline> | lijst | klaar <no> | help",
    "setup.ciso.name": "CISO network",
    "setup.ciso.description": "You, the network, the weekly digest and administration",
    "setup.ciso.hint": "ik | organisaties | digest aan|uit | rapport | logboek | help",
}
