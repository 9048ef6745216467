"""`/ciso`: help, who am I, members and roles, organisations, personal settings."""

from __future__ import annotations

import difflib
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storage import members
from storage.views import MemberView

from handlers import logbook
from handlers.actions.reminders import replan_owner
from handlers.context import ROLES, Context
from handlers.core import Router, subcommands
from handlers.i18n import LANGUAGES, translate
from handlers.messages import Field, Reply, Section, UserError, Visibility
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
            ("koppel", "link"): link_account,
            ("ontkoppel", "unlink"): unlink_account,
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
        *_account_fields(context, member),
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


def _account_fields(context: Context, member: MemberView | None) -> list[Field]:
    """With accounts on more than one platform: each, and where messages go."""
    if member is None or len(member.identities) < 2:
        return []
    accounts = ", ".join(f"{platform}:{user}" for platform, user in member.identities)
    how = "ciso.platform_chosen" if member.platform_chosen else "ciso.platform_last_used"
    return [
        Field(context.t("field.accounts"), accounts),
        Field(context.t("field.messages_on"), context.t(how, platform=member.platform)),
    ]


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


# An account on another platform, written out: `slack:U0123ABC`, `mattermost:8ch3…`.
ACCOUNT = re.compile(r"^([a-z][a-z0-9_-]{1,19}):([A-Za-z0-9._-]{1,64})$")


def link_account(context: Context, rest: str) -> list[Reply]:
    """`/ciso koppel @iemand <platform>:<id>`: one member, an account on each platform.

    The mention is on this platform, the other account is written out (it cannot be
    mentioned from here). Whichever of the two is a member gets the other; two members
    are never merged, and an account of someone else is refused.
    """
    require_role(context, "beheerder")
    mention = MENTION.match(rest.strip())
    other = ACCOUNT.match(rest.strip()[mention.end() :].strip()) if mention else None
    if mention is None or other is None:
        raise UserError("ciso.link_usage")
    here = (context.request.platform, mention.group(1))
    there = (other.group(1), other.group(2))
    if here[0] == there[0]:
        raise UserError("ciso.link_same_platform", platform=here[0])
    with context.db.write() as session:
        near, far = members.get_member(session, *here), members.get_member(session, *there)
        # Two members: only a removed one's account moves (what they wrote stays theirs).
        found = {m.id: m for m in (near, far) if m is not None}
        active = [m for m in found.values() if m.active]
        if not active:
            raise UserError("ciso.not_a_member", user=here[1])
        if len(active) > 1:
            raise UserError("ciso.link_taken", account=f"{there[0]}:{there[1]}",
                            name=active[1].display_name)  # fmt: skip
        member = active[0]
        added = there if near is not None and near.id == member.id else here
        linked = members.link_identity(
            session, context.caller.actor, context.now(), member.id, *added
        )
    accounts = ", ".join(f"{p}:{u}" for p, u in linked.identities)
    linked_here = Reply(text=context.t("ciso.linked", name=linked.display_name,
                                       accounts=accounts))  # fmt: skip
    served = context.settings.platforms
    if served and added[0] not in served:
        return [linked_here]  # a platform this install does not serve: nobody to tell yet
    language = linked.language or context.settings.language
    told = Reply(
        text=translate(language, "ciso.linked_you", accounts=accounts),
        visibility=Visibility.DIRECT,
        user=added[1],
        platform=added[0],
    )
    return [linked_here, told]


def unlink_account(context: Context, rest: str) -> Reply:
    """`/ciso ontkoppel @iemand <platform>`: the member keeps their other accounts."""
    require_role(context, "beheerder")
    mention = MENTION.match(rest.strip())
    platform = rest.strip()[mention.end() :].strip().lower() if mention else ""
    if mention is None or not platform:
        raise UserError("ciso.unlink_usage")
    with context.db.write() as session:
        member = members.get_member(session, context.request.platform, mention.group(1))
        if member is None:
            raise UserError("ciso.not_a_member", user=mention.group(1))
        if platform not in {p for p, _user in member.identities}:
            raise UserError("ciso.unlink_none", name=member.display_name, platform=platform[:20])
        left = members.unlink_identity(
            session, context.caller.actor, context.now(), member.id, platform
        )
    if left is None:
        raise UserError("ciso.unlink_last", name=member.display_name)
    return Reply(text=context.t("ciso.unlinked", name=left.display_name, platform=platform))


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
    if word == "platform":
        return _choose_platform(context, member, value.strip().lower())
    raise UserError("ciso.settings_usage")


def _choose_platform(context: Context, member: MemberView, wanted: str) -> Reply:
    """`/ciso instellingen platform slack|mattermost|laatst`: where the bot writes to you."""
    mine = [p for p, _user in member.identities]
    last = wanted in ("laatst", "last", "auto")
    if not last and wanted not in mine:
        raise UserError("ciso.bad_platform", platforms=", ".join([*mine, "laatst"]))
    with context.db.write() as session:
        using = (context.request.platform, context.request.user_id)
        chosen = members.choose_platform(session, context.caller.actor, context.now(),
                                         member.id, None if last else wanted, using)  # fmt: skip
    key = "ciso.platform_set_last" if last else "ciso.platform_set"
    return Reply(text=context.t(key, platform=chosen.platform))
