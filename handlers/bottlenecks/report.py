"""`/knelpunt meld`: report a bottleneck, after a look at what is already there.

Similar open bottlenecks and knowledge come first; the report waits as a draft (in
the database) until its author reports it anyway, supports one of those instead, or
drops it. A new bottleneck is announced where its label allows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace

from storage import bottleneck_links, bottleneck_support, bottlenecks, knowledge
from storage.tlp import TLP, Place, may_show_in, strictest
from storage.views import BottleneckView

from handlers.bottlenecks.common import (
    require_organisation,
    threshold_notice,
)
from handlers.bottlenecks.recognition import MAX_NOTE, support
from handlers.bottlenecks.views import (
    byline,
    heading,
    short_section,
    show_button,
    support_button,
)
from handlers.context import Context
from handlers.knowledge.views import short_section as knowledge_section
from handlers.labels import labelled_text
from handlers.messages import Button, Reply, Section, UserError, Visibility
from handlers.parsing import clean, item_number, title_and_body
from handlers.permissions import require_member

MAX_TEXT = 20_000
# `titel — toelichting`: an em or en dash, or a double hyphen, with spaces around it.
_DASH = re.compile(r"\s+(?:—|–|--)\s+|\n")


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
    parsed = labelled_text(text, bottlenecks.LABELS, context.request.chosen_label)
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
    return _report(context, parse_report(context, rest))


def report_form(context: Context) -> Sequence[Reply]:
    """The report form: title, description, theme and label, each as filled in."""
    require_organisation(context)
    fields = context.request.fields
    title, description = clean(fields.get("title", "")), clean(fields.get("description", ""))
    if not title:
        raise UserError("bottleneck.report_usage")
    if len(description) > MAX_TEXT:
        raise UserError("bottleneck.too_long", limit=f"{MAX_TEXT:,}".replace(",", "."))
    theme = knowledge.normalise_tag(fields.get("theme", "").lstrip("#")) or None
    label = TLP(fields.get("tlp", ""))  # the form checked it is one of its labels
    return _report(context, Draft(title=title, description=description, theme=theme, tlp=label))


def _report(context: Context, draft: Draft) -> Sequence[Reply]:
    words = f"{draft.title} {draft.description}"
    with context.db.read() as session:
        thesaurus = context.settings.thesaurus
        others = bottleneck_links.similar(session, context.audience(), words,
                                          thesaurus=thesaurus)  # fmt: skip
        items = bottleneck_links.similar_knowledge(session, context.audience(), words,
                                                   thesaurus=thesaurus)  # fmt: skip
    if not others and not items:
        return create(context, draft)
    member_id = context.caller.member_id
    assert member_id is not None
    with context.db.write() as session:
        draft_id = bottleneck_links.save_draft(session, context.now(), member_id, **asdict(draft))
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
            tlp=strictest(shown),
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
        created = bottlenecks.create(session, context.now(), reporter, **asdict(draft))
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
    """The network hears of a new bottleneck, in its channel on each platform, when its
    label may be shown in a channel."""
    if not may_show_in(bottleneck.tlp, Place.CHANNEL):
        return []
    channels = context.settings.network_channels()
    if not channels and not context.request.is_direct and context.request.channel_id:
        channels = [("", context.request.channel_id)]
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
            platform=platform,
            tlp=bottleneck.tlp,
        )
        for platform, channel in channels
    ]
