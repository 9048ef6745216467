"""`/knelpunt`: the command, lists, showing one, and linked knowledge (DESIGN §2.3).

Reporting lives in `handlers.bottlenecks.report`, support and notes in
`handlers.bottlenecks.recognition`, status changes, escalation, answers and merging in
`handlers.bottlenecks.status`, exports and the escalation dossier in
`handlers.bottlenecks.export`.
"""

from __future__ import annotations

import re

from storage import bottleneck_links, bottlenecks, knowledge
from storage.bottlenecks import ALL_STATUSES_BUT_MERGED, OPEN_STATUSES
from storage.tlp import strictest
from storage.views import BottleneckView, KnowledgeView

from handlers.actions.views import action_line
from handlers.bottlenecks import export as bottleneck_export
from handlers.bottlenecks import recognition as bottleneck_recognition
from handlers.bottlenecks import report as bottleneck_report
from handlers.bottlenecks import status as bottleneck_status
from handlers.bottlenecks.common import (
    detail_and_actions,
    merged_note,
    number_and_rest,
    visible,
)
from handlers.bottlenecks.views import (
    detail_sections,
    short_section,
    support_button,
)
from handlers.context import Context
from handlers.core import Router, subcommands
from handlers.messages import Button, Reply, Section, UserError
from handlers.parsing import item_number
from handlers.permissions import can_link_to_bottleneck, require_member

PAGE = 10


def register(router: Router) -> None:
    handle = subcommands(
        {
            ("", "lijst", "list"): list_bottlenecks,
            ("help", "hulp"): show_help,
            ("meld", "report", "nieuw", "new"): bottleneck_report.report,
            ("steun", "support", "herken"): bottleneck_recognition.support,
            ("intrekken", "withdraw", "trekin"): bottleneck_recognition.withdraw,
            ("notitie", "note", "toelichting"): bottleneck_recognition.add_note,
            ("toon", "show"): show,
            ("themas", "thema's", "themes"): list_themes,
            ("koppel", "link"): link,
            ("ontkoppel", "unlink"): unlink,
            **bottleneck_status.SUBCOMMANDS,
            **bottleneck_export.SUBCOMMANDS,
        },
        unknown_key="bottleneck.unknown",
    )
    router.add_command("knelpunt", handle, "knelpunten", "bottleneck", "bottlenecks")
    router.add_action("knelpunt.show", lambda c: show(c, c.request.action_value))
    router.add_action(
        "knelpunt.support", lambda c: bottleneck_recognition.support(c, c.request.action_value)
    )
    router.add_action(
        "knelpunt.withdraw", lambda c: bottleneck_recognition.withdraw(c, c.request.action_value)
    )
    router.add_action("knelpunt.report", bottleneck_report.report_draft)
    router.add_action("knelpunt.discard", bottleneck_report.discard_draft)
    router.add_action("knelpunt.support_instead", bottleneck_report.support_instead)
    router.add_action("knelpunt.more", more)
    router.add_form("knelpunt.report", bottleneck_report.report_form)
    bottleneck_status.register(router)


def show_help(context: Context, _rest: str = "") -> Reply:
    return Reply(text=context.t("bottleneck.help", threshold=context.settings.escalation_threshold))


# --- reading ----------------------------------------------------------------------------


def list_bottlenecks(context: Context, rest: str) -> Reply:
    scope, theme = "open", None
    for word in rest.lower().split():
        if word in ("open", "alle", "all"):
            scope = "all" if word in ("alle", "all") else "open"
        elif word.startswith(("thema:", "theme:", "#")):
            theme = knowledge.normalise_tag(word.split(":", 1)[-1]) or None
        else:
            raise UserError("bottleneck.list_usage", word=word[:40])
    return page(context, scope, theme, 0)


def page(context: Context, scope: str, theme: str | None, offset: int) -> Reply:
    statuses = OPEN_STATUSES if scope == "open" else ALL_STATUSES_BUT_MERGED
    with context.db.read() as session:
        found, total = bottlenecks.ranked(
            session, context.audience(), statuses=statuses, theme=theme, limit=PAGE, offset=offset
        )
    if not found:
        return Reply(
            text=context.t("bottleneck.none_open" if scope == "open" else "bottleneck.none")
        )
    title_key = "bottleneck.list_open" if scope == "open" else "bottleneck.list_all"
    intro = context.t(title_key, total=total, theme=f" #{theme}" if theme else "")
    if not context.caller.has_access:
        intro = context.t("member.guest_note") + "\n" + intro
    buttons: tuple[Button, ...] = ()
    if offset + PAGE < total:
        value = f"{offset + PAGE}|{scope}|{theme or ''}"
        buttons = (Button("knelpunt.more", value, context.t("button.more")),)
    member_id = context.caller.member_id
    return Reply(
        text=intro,
        sections=tuple(short_section(context, b, member_id) for b in found),
        buttons=buttons,
        tlp=strictest(b.tlp for b in found),
    )


def more(context: Context) -> Reply:
    offset_text, _, rest = context.request.action_value.partition("|")
    scope, _, theme = rest.partition("|")
    if not offset_text.isdigit() or scope not in ("open", "all") or len(theme) > 60:
        raise UserError("error.unknown_action", command="knelpunt")
    return page(context, scope, knowledge.normalise_tag(theme) or None, int(offset_text))


def list_themes(context: Context, _rest: str) -> Reply:
    with context.db.read() as session:
        counted = bottlenecks.themes(session, context.audience())
    if not counted:
        return Reply(text=context.t("bottleneck.no_themes"))
    return Reply(
        text=context.t("bottleneck.themes_title"),
        sections=(Section(text="  ".join(f"#{name} ({n})" for name, n in counted)),),
    )


def show(context: Context, rest: str) -> Reply:
    number, _ = number_and_rest(rest)
    found, asked = visible(context, number)
    detail, linked = detail_and_actions(context, found)
    buttons: list[Button] = []
    member_id = context.caller.member_id
    if found.status in OPEN_STATUSES and member_id not in found.supporter_ids:
        buttons.append(support_button(context, found))
    if member_id in found.supporter_ids:
        buttons.append(
            Button("knelpunt.withdraw", str(found.id), context.t("button.withdraw"), "danger")
        )
    sections = detail_sections(context, detail, context.now())
    if linked:
        lines = [f"• {action_line(context, a, context.today())}" for a in linked]
        sections.append(
            Section(text=context.t("bottleneck.actions_title") + "\n" + "\n".join(lines))
        )
    labels = [found.tlp, *(k.tlp for k in detail.knowledge), *(a.tlp for a in linked)]
    return Reply(
        text=merged_note(context, asked, found),
        sections=tuple(sections),
        buttons=tuple(buttons),
        tlp=strictest(labels),
    )


# --- linked knowledge -------------------------------------------------------------------


def _link_args(context: Context, rest: str) -> tuple[BottleneckView, KnowledgeView]:
    require_member(context)
    number, remainder = number_and_rest(rest, "bottleneck.link_usage")
    remainder = re.sub(r"^(?:kennis|knowledge|item)\s+", "", remainder.strip(), flags=re.I)
    item_id = item_number(
        remainder.split()[0] if remainder.split() else "", "bottleneck.link_usage"
    )
    found, _asked = visible(context, number)
    with context.db.read() as session:
        item = knowledge.get_visible(session, context.audience(), item_id)
    if item is None:
        raise UserError("knowledge.not_found", id=item_id)
    if not can_link_to_bottleneck(context.caller, found):
        raise UserError("bottleneck.link_not_allowed", id=found.id)
    return found, item


def link(context: Context, rest: str) -> Reply:
    found, item = _link_args(context, rest)
    with context.db.write() as session:
        added = bottleneck_links.link_knowledge(
            session, context.caller.actor, context.now(), found.id, item.id
        )
    key = "bottleneck.linked" if added else "bottleneck.already_linked"
    return Reply(
        text=context.t(key, id=found.id, item=item.id, title=item.title),
        tlp=strictest((found.tlp, item.tlp)),
    )


def unlink(context: Context, rest: str) -> Reply:
    found, item = _link_args(context, rest)
    with context.db.write() as session:
        removed = bottleneck_links.unlink_knowledge(
            session, context.caller.actor, context.now(), found.id, item.id
        )
    key = "bottleneck.unlinked" if removed else "bottleneck.not_linked"
    return Reply(text=context.t(key, id=found.id, item=item.id), tlp=found.tlp)
