"""`/knelpunt`: report, recognise, list and show bottlenecks (DESIGN §2.3).

Status changes, escalation, answers and merging live in `handlers.bottleneck_status`;
exports and the escalation dossier in `handlers.bottleneck_export`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from storage import bottleneck_links, bottleneck_support, bottlenecks, knowledge
from storage.bottlenecks import ALL_STATUSES_BUT_MERGED, OPEN_STATUSES
from storage.tlp import TLP, Place, may_show_in
from storage.views import BottleneckView, KnowledgeView

from handlers import bottleneck_export, bottleneck_status
from handlers.action_views import action_line
from handlers.bottleneck_common import (
    detail_and_actions,
    merged_note,
    number_and_rest,
    require_organisation,
    threshold_notice,
    visible,
)
from handlers.bottleneck_views import (
    byline,
    count_text,
    detail_sections,
    heading,
    short_section,
    show_button,
    support_button,
)
from handlers.context import Context
from handlers.core import Button, Reply, Section, UserError, Visibility
from handlers.knowledge_views import short_section as knowledge_section
from handlers.parsing import clean, item_number, labelled_text, title_and_body
from handlers.permissions import require_member
from handlers.router import Router, subcommands

MAX_TEXT = 20_000
MAX_NOTE = 2_000
PAGE = 10
# `titel — toelichting`: an em or en dash, or a double hyphen, with spaces around it.
_DASH = re.compile(r"\s+(?:—|–|--)\s+|\n")


def register(router: Router) -> None:
    handle = subcommands(
        {
            ("", "lijst", "list"): list_bottlenecks,
            ("help", "hulp"): show_help,
            ("meld", "report", "nieuw", "new"): report,
            ("steun", "support", "herken"): support,
            ("intrekken", "withdraw", "trekin"): withdraw,
            ("notitie", "note", "toelichting"): add_note,
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
    router.add_action("knelpunt.support", lambda c: support(c, c.request.action_value))
    router.add_action("knelpunt.withdraw", lambda c: withdraw(c, c.request.action_value))
    router.add_action("knelpunt.report", report_draft)
    router.add_action("knelpunt.discard", discard_draft)
    router.add_action("knelpunt.support_instead", support_instead)
    router.add_action("knelpunt.more", more)
    bottleneck_status.register(router)


def show_help(context: Context, _rest: str = "") -> Reply:
    return Reply(text=context.t("bottleneck.help", threshold=context.settings.escalation_threshold))


# --- report -------------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    title: str
    description: str
    theme: str | None
    tlp: TLP


def parse_report(context: Context, rest: str) -> Draft:
    """`<titel> [— toelichting] [#thema] [TLP:…]` as a draft bottleneck."""
    text = clean(rest)
    if len(text) > MAX_TEXT:
        raise UserError("bottleneck.too_long", limit=f"{MAX_TEXT:,}".replace(",", "."))
    parsed = labelled_text(text)
    if not parsed.text:
        raise UserError("bottleneck.report_usage")
    label = parsed.label or context.settings.tlp_default
    if label not in bottlenecks.LABELS:
        raise UserError("bottleneck.no_red")
    parts = _DASH.split(parsed.text, maxsplit=1)
    if len(parts) == 2 and parts[0].strip():
        title, _ = title_and_body(parts[0])
        description = parts[1].strip()
    else:
        title, body = title_and_body(parsed.text)
        description = "" if body.strip() == title else body.strip()
    if not title:
        raise UserError("bottleneck.report_usage")
    theme = knowledge.normalise_tag(parsed.tags[0]) if parsed.tags else None
    return Draft(title=title, description=description, theme=theme or None, tlp=label)


def report(context: Context, rest: str) -> Sequence[Reply]:
    require_organisation(context)
    draft = parse_report(context, rest)
    words = f"{draft.title} {draft.description}"
    with context.db.read() as session:
        others = bottleneck_links.similar(session, context.audience(), words)
        items = bottleneck_links.similar_knowledge(session, context.audience(), words)
    if not others and not items:
        return create(context, draft)
    member_id = context.caller.member_id
    assert member_id is not None
    with context.db.write() as session:
        draft_id = bottleneck_links.save_draft(
            session,
            context.now(),
            member_id,
            title=draft.title,
            description=draft.description,
            theme=draft.theme,
            tlp=draft.tlp,
        )
    sections = [
        replace(
            short_section(context, b, member_id),
            buttons=(
                show_button(context, b),
                Button(
                    "knelpunt.support_instead",
                    f"{b.id}|{draft_id}",
                    context.t("button.recognise"),
                    "primary",
                ),
            ),
        )
        for b in others
    ]
    sections += [knowledge_section(context, item) for item in items]
    shown: list[TLP] = [draft.tlp, *(b.tlp for b in others), *(i.tlp for i in items)]
    return [
        Reply(
            text=context.t("bottleneck.similar_first", title=draft.title),
            sections=tuple(sections),
            buttons=(
                Button("knelpunt.report", str(draft_id), context.t("button.report_anyway")),
                Button("knelpunt.discard", str(draft_id), context.t("button.cancel")),
            ),
            tlp=max(shown, key=lambda t: t.rank),
        )
    ]


def report_draft(context: Context) -> Sequence[Reply]:
    """ "Toch nieuw melden": the held-back report goes in after all."""
    require_organisation(context)
    number = item_number(context.request.action_value, "bottleneck.bad_number")
    with context.db.write() as session:
        draft = bottleneck_links.take_draft(session, number, context.caller.member_id or -1)
    if draft is None:
        raise UserError("bottleneck.draft_gone")
    return create(context, Draft(draft.title, draft.description, draft.theme, draft.tlp))


def support_instead(context: Context) -> list[Reply]:
    """Support a similar bottleneck; the held-back report becomes the note."""
    number_text, _, draft_text = context.request.action_value.partition("|")
    number = item_number(number_text, "bottleneck.bad_number")
    draft_id = item_number(draft_text, "bottleneck.bad_number")
    member_id = context.caller.member_id or -1
    with context.db.read() as session:
        draft = bottleneck_links.get_draft(session, draft_id, member_id)
    note = ""
    if draft is not None:
        note = " — ".join(filter(None, (draft.title, draft.description)))[:MAX_NOTE]
    replies = support(context, f"{number} {note}")
    with context.db.write() as session:
        bottleneck_links.take_draft(session, draft_id, member_id)
    return replies


def discard_draft(context: Context) -> Reply:
    require_member(context)
    number = item_number(context.request.action_value, "bottleneck.bad_number")
    with context.db.write() as session:
        draft = bottleneck_links.take_draft(session, number, context.caller.member_id or -1)
    if draft is None:
        raise UserError("bottleneck.draft_gone")
    return Reply(text=context.t("bottleneck.draft_discarded", title=draft.title))


def create(context: Context, draft: Draft) -> list[Reply]:
    reporter = require_organisation(context)
    with context.db.write() as session:
        created = bottlenecks.create(
            session,
            context.now(),
            reporter,
            title=draft.title,
            description=draft.description,
            theme=draft.theme,
            tlp=draft.tlp,
        )
        ready = bottleneck_support.claim_threshold(
            session, created.id, context.now(), context.settings.escalation_threshold
        )
        extra = threshold_notice(context, created) if ready else []
    replies = [
        Reply(
            text=context.t(
                "bottleneck.reported", id=created.id, title=created.title, tlp=created.tlp.value
            ),
            buttons=(show_button(context, created),),
            tlp=created.tlp,
        )
    ]
    replies += announcement(context, created)
    return replies + extra


def announcement(context: Context, bottleneck: BottleneckView) -> list[Reply]:
    """The network hears of a new bottleneck when its label may be shown in a channel."""
    if not may_show_in(bottleneck.tlp, Place.CHANNEL):
        return []
    channel = context.settings.network_channel
    if not channel and not context.request.is_direct:
        channel = context.request.channel_id
    if not channel:
        return []
    return [
        Reply(
            text=context.t("bottleneck.announcement", name=context.caller.name),
            sections=(
                Section(
                    text=heading(bottleneck)
                    + (f"\n{bottleneck.description[:300]}" if bottleneck.description else ""),
                    context=byline(context, bottleneck),
                    buttons=(
                        support_button(context, bottleneck),
                        show_button(context, bottleneck),
                    ),
                ),
            ),
            visibility=Visibility.CHANNEL,
            channel=channel,
            tlp=bottleneck.tlp,
        )
    ]


# --- support --------------------------------------------------------------------------


def support(context: Context, rest: str) -> list[Reply]:
    member = require_organisation(context)
    number, note = number_and_rest(rest)
    note = clean(note)
    if len(note) > MAX_NOTE:
        raise UserError("bottleneck.note_too_long", limit=MAX_NOTE)
    found, asked = visible(context, number)
    if found.status not in OPEN_STATUSES:
        raise UserError(
            "bottleneck.closed", id=found.id, status=context.t("status." + found.status)
        )
    with context.db.write() as session:
        result = bottleneck_support.support(session, context.now(), found.id, member, note or None)
        ready = result is bottleneck_support.Support.COUNTED and (
            bottleneck_support.claim_threshold(
                session, found.id, context.now(), context.settings.escalation_threshold
            )
        )
        updated = bottlenecks.view(session, found.id)
    key = {
        bottleneck_support.Support.COUNTED: "bottleneck.supported",
        bottleneck_support.Support.SAME_ORGANISATION: "bottleneck.supported_same_org",
        bottleneck_support.Support.ALREADY: "bottleneck.already_supported",
    }[result]
    text = context.t(
        key,
        id=updated.id,
        title=updated.title,
        organisation=member.organisation_name or "",
        count=count_text(context, updated),
    )
    if note and result is bottleneck_support.Support.ALREADY:
        text += "\n" + context.t("bottleneck.use_note", id=updated.id)
    prefix = merged_note(context, asked, updated)
    replies = [Reply(text=f"{prefix}\n{text}".strip(), tlp=updated.tlp)]
    return replies + (threshold_notice(context, updated) if ready else [])


def withdraw(context: Context, rest: str) -> Reply:
    member = require_organisation(context)
    number, _ = number_and_rest(rest)
    found, _asked = visible(context, number)
    with context.db.write() as session:
        removed = bottleneck_support.withdraw(session, context.now(), found.id, member)
        updated = bottlenecks.view(session, found.id)
    if not removed:
        raise UserError("bottleneck.not_supporting", id=found.id)
    return Reply(
        text=context.t(
            "bottleneck.withdrawn",
            id=updated.id,
            title=updated.title,
            count=count_text(context, updated),
        ),
        tlp=updated.tlp,
    )


def add_note(context: Context, rest: str) -> Reply:
    member = require_organisation(context)
    number, note = number_and_rest(rest)
    note = clean(note)
    if not note:
        raise UserError("bottleneck.note_usage")
    if len(note) > MAX_NOTE:
        raise UserError("bottleneck.note_too_long", limit=MAX_NOTE)
    found, _asked = visible(context, number)
    with context.db.write() as session:
        supporting = bottleneck_support.organisation_supports(
            session, found.id, member.organisation_id
        )
        if supporting:
            bottleneck_support.add_note(session, context.now(), found.id, member, note)
    if not supporting:
        raise UserError("bottleneck.note_needs_support", id=found.id)
    return Reply(text=context.t("bottleneck.note_added", id=found.id), tlp=found.tlp)


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
        tlp=max((b.tlp for b in found), key=lambda t: t.rank),
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
    sections = detail_sections(context, detail)
    if linked:
        lines = [f"• {action_line(context, a, context.today())}" for a in linked]
        sections.append(
            Section(text=context.t("bottleneck.actions_title") + "\n" + "\n".join(lines))
        )
    labels = [found.tlp, *(k.tlp for k in detail.knowledge)]
    return Reply(
        text=merged_note(context, asked, found),
        sections=tuple(sections),
        buttons=tuple(buttons),
        tlp=max(labels, key=lambda t: t.rank),
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
    is_involved = context.caller.member_id in found.supporter_ids or (
        context.caller.member_id == found.reporter_id
    )
    if not (is_involved or context.caller.has_role("werkgroep", "beheerder")):
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
        tlp=max((found.tlp, item.tlp), key=lambda t: t.rank),
    )


def unlink(context: Context, rest: str) -> Reply:
    found, item = _link_args(context, rest)
    with context.db.write() as session:
        removed = bottleneck_links.unlink_knowledge(
            session, context.caller.actor, context.now(), found.id, item.id
        )
    key = "bottleneck.unlinked" if removed else "bottleneck.not_linked"
    return Reply(text=context.t(key, id=found.id, item=item.id), tlp=found.tlp)
