"""`/ciso`: help, who am I, members and roles, organisations, personal settings."""

from __future__ import annotations

import difflib
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storage import members

from handlers import logbook
from handlers.actions.reminders import replan_owner
from handlers.context import ROLES, Context
from handlers.core import Router, subcommands
from handlers.i18n import LANGUAGES, translate
from handlers.messages import Field, Reply, Section, UserError
from handlers.parsing import MENTION, split_word
from handlers.permissions import require_member, require_role
from handlers.reporting import digest, report

ROLE_WORDS = {
    "ciso": "ciso",
    "adviseur": "adviseur",
    "advisor": "adviseur",
    "werkgroep": "werkgroep",
    "workgroup": "werkgroep",
    "portefeuillehouder": "portefeuillehouder",
    "portfolio-holder": "portefeuillehouder",
    "partner": "partner",
    "beheerder": "beheerder",
    "admin": "beheerder",
}


def register(router: Router) -> None:
    handle = subcommands(
        {
            ("", "help", "hulp"): show_help,
            ("ik", "me"): who_am_i,
            ("leden", "members"): list_members,
            ("lid", "member"): add_member,
            ("verwijder", "remove"): remove_member,
            ("organisaties", "organisations"): list_organisations,
            ("organisatie", "organisation"): add_organisation,
            ("instellingen", "settings"): settings,
            ("digest", "weekoverzicht"): digest.command,
            ("rapport", "report"): report.command,
            ("logboek", "log", "history"): logbook.command,
        },
        unknown_key="ciso.unknown",
    )
    router.add_command("ciso", handle, "bot")
    router.add_action(logbook.MORE, logbook.more)


def show_help(context: Context, _rest: str = "") -> Reply:
    return Reply(text=context.t("ciso.help"))


def who_am_i(context: Context, _rest: str) -> Reply:
    caller = context.caller
    if not caller.has_access:
        return Reply(text=context.t("member.not_member_me", user=caller.user_id))
    member = caller.member
    fields = [
        Field(context.t("field.name"), caller.name),
        Field(context.t("field.user_id"), f"{caller.platform}:{caller.user_id}"),
        Field(
            context.t("field.organisation"),
            (member.organisation_name if member else None) or context.t("value.none"),
        ),
        Field(context.t("field.roles"), _role_names(context, caller.roles)),
        Field(context.t("field.language"), context.t(f"language.{context.language}")),
        Field(context.t("field.timezone"), str(context.timezone)),
    ]
    return Reply(
        text=context.t("ciso.me_title"), sections=(Section(text="", fields=tuple(fields)),)
    )


def _role_names(context: Context, roles: frozenset[str]) -> str:
    ordered = [r for r in ROLES if r in roles]
    return ", ".join(context.t(f"role.{r}") for r in ordered) or context.t("value.none")


def list_members(context: Context, _rest: str) -> Reply:
    require_member(context)
    with context.db.read() as session:
        everyone = members.active_members(session)
    if not everyone:
        return Reply(text=context.t("ciso.no_members"))
    lines: list[str] = []
    current: str | None = None
    for member in everyone:
        org = member.organisation_name or context.t("value.no_organisation")
        if org != current:
            lines.append(f"**{org}**")
            current = org
        lines.append(f"• {member.display_name} — {_role_names(context, member.roles)}")
    return Reply(
        text=context.t("ciso.members_title", count=len(everyone)),
        sections=(Section(text="\n".join(lines)),),
    )


def add_member(context: Context, rest: str) -> Reply:
    require_role(context, "beheerder")
    mention = MENTION.match(rest.strip())
    if not mention:
        raise UserError("ciso.member_usage")
    user_id = mention.group(1)
    name = mention.group(2) or context.request.mention_names.get(user_id) or user_id
    words = rest.strip()[mention.end() :].split()
    roles: list[str] = []
    while words and words[-1].lower().strip(",") in ROLE_WORDS:
        roles.insert(0, ROLE_WORDS[words.pop().lower().strip(",")])
    if not roles:
        raise UserError("ciso.member_needs_role", roles=", ".join(ROLES))
    org_name = " ".join(words).strip(" ,")
    if not org_name:
        raise UserError("ciso.member_usage")
    with context.db.read() as session:
        before = members.get_member(session, context.request.platform, user_id)
    with context.db.write() as session:
        org = members.find_organisation(session, org_name)
        if org is None:
            known = [o.name for o in members.organisations(session)]
            close = difflib.get_close_matches(org_name, known, n=3, cutoff=0.6)
            raise UserError(
                "ciso.unknown_organisation",
                name=org_name[:80],
                suggestions=", ".join(close) or context.t("value.none"),
            )
        member, created = members.save_member(
            session,
            context.caller.actor,
            context.now(),
            platform=context.request.platform,
            user_id=user_id,
            display_name=name,
            organisation_id=org.id,
            roles=roles,
        )
    if member.gets_digest and not (before and before.active and before.gets_digest):
        digest.start_next_week(context.db, context.settings, [member.id], context.now())
    if before is not None and not before.active:
        # Back after being removed: reminders that came due meanwhile were dropped.
        replan_owner(context.db, member, context.now(), context.settings)
    key = "ciso.member_added" if created else "ciso.member_updated"
    return Reply(
        text=context.t(
            key,
            name=member.display_name,
            organisation=org.name,
            roles=_role_names(context, member.roles),
        )
    )


def remove_member(context: Context, rest: str) -> Reply:
    require_role(context, "beheerder")
    mention = MENTION.match(rest.strip())
    if not mention:
        raise UserError("ciso.remove_usage")
    with context.db.write() as session:
        removed = members.deactivate_member(
            session,
            context.caller.actor,
            context.now(),
            context.request.platform,
            mention.group(1),
        )
    if removed is None:
        raise UserError("ciso.not_a_member", user=mention.group(1))
    return Reply(text=context.t("ciso.member_removed", name=removed.display_name))


def list_organisations(context: Context, _rest: str) -> Reply:
    with context.db.read() as session:
        orgs = members.organisations(session)
    municipalities = [o.name for o in orgs if o.kind == "gemeente"]
    partners = [o.name for o in orgs if o.kind != "gemeente"]
    text = context.t(
        "ciso.organisations",
        municipalities=", ".join(municipalities),
        count=len(municipalities),
        partners=", ".join(partners) or context.t("value.none"),
    )
    return Reply(text=text)


def add_organisation(context: Context, rest: str) -> Reply:
    require_role(context, "beheerder")
    word, name = split_word(rest)
    if word not in ("nieuw", "new") or not name:
        raise UserError("ciso.organisation_usage")
    kind = "gemeente"
    last = name.rsplit(maxsplit=1)
    if len(last) == 2 and last[1].lower() in ("partner", "gemeente"):
        name, kind = last[0], last[1].lower()
    name = name.strip()[:120]
    with context.db.write() as session:
        if members.find_organisation(session, name) is not None:
            raise UserError("ciso.organisation_exists", name=name)
        org = members.add_organisation(session, context.caller.actor, context.now(), name, kind)
    return Reply(text=context.t("ciso.organisation_added", name=org.name, kind=org.kind))


def settings(context: Context, rest: str) -> Reply:
    require_member(context)
    word, value = split_word(rest)
    if not word:
        return Reply(
            text=context.t("ciso.settings_title"),
            sections=(
                Section(
                    text="",
                    fields=(
                        Field(
                            context.t("field.language"), context.t(f"language.{context.language}")
                        ),
                        Field(context.t("field.timezone"), str(context.timezone)),
                        Field(context.t("field.tlp_default"), context.settings.tlp_default.value),
                    ),
                    context=context.t("ciso.settings_hint"),
                ),
            ),
        )
    member = context.caller.member
    if member is None:
        raise UserError("member.not_member")
    if word in ("taal", "language"):
        language = value.strip().lower()
        if language not in LANGUAGES:
            raise UserError("ciso.bad_language", languages=", ".join(LANGUAGES))
        with context.db.write() as session:
            members.set_preferences(
                session, context.caller.actor, context.now(), member.id, language=language
            )
        # Answer in the language just chosen: the first sign that it worked.
        chosen = translate(language, f"language.{language}")
        return Reply(text=translate(language, "ciso.language_set", language=chosen))
    if word in ("tijdzone", "timezone"):
        zone = value.strip()
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise UserError("ciso.bad_timezone", zone=zone[:60]) from None
        with context.db.write() as session:
            moved = members.set_preferences(
                session, context.caller.actor, context.now(), member.id, timezone=zone
            )
        # Reminders go at the reminder hour where the owner is: plan them again.
        replan_owner(context.db, moved, context.now(), context.settings)
        return Reply(text=context.t("ciso.timezone_set", zone=zone))
    raise UserError("ciso.settings_usage")
