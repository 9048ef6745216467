"""`/kennis`: share, show, edit, delete, vote on and list knowledge (DESIGN §2.1).

Search lives in `handlers.knowledge.search`; both read items only through TLP.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from storage import bottleneck_links, knowledge, members
from storage.search import related
from storage.tlp import TLP, Place, may_show_in
from storage.views import KnowledgeView

from handlers import label_choice
from handlers.context import Context
from handlers.core import Router, subcommands
from handlers.knowledge import questions
from handlers.knowledge import review as knowledge_review
from handlers.knowledge import search as knowledge_search
from handlers.knowledge.review import next_review, read_valid_until, split_valid_until
from handlers.knowledge.views import (
    announce_button,
    changeable_item,
    item_section,
    short_section,
    strictest,
    visible_item,
)
from handlers.labels import LabelledText, labelled_text
from handlers.messages import Button, Reply, Section, UserError, Visibility
from handlers.notices import Writer, direct
from handlers.parsing import clean, item_number, split_word, title_and_body
from handlers.permissions import may_relabel, require_member

MAX_TEXT = 20_000
RECENT_DEFAULT = 10


def register(router: Router) -> None:
    handle = subcommands(
        {
            ("", "help", "hulp"): show_help,
            ("deel", "share"): share,
            ("zoek", "search"): knowledge_search.search,
            ("toon", "show"): show,
            ("wijzig", "edit"): edit,
            ("verwijder", "delete"): delete,
            ("nuttig", "useful"): useful,
            ("recent", "nieuw", "latest"): recent,
            ("tags",): list_tags,
            ("herzien", "review"): knowledge_review.still_true,
            ("archiveer", "archive"): knowledge_review.archive,
            ("herstel", "restore"): knowledge_review.restore,
            ("vraag", "ask", "question"): questions.ask,
            ("vragen", "questions"): questions.open_list,
            ("antwoord", "answer"): questions.answer_command,
        },
        unknown_key="knowledge.unknown",
    )
    router.add_command("kennis", handle, "knowledge", "kb")
    router.add_action("kennis.show", lambda c: show(c, c.request.action_value))
    router.add_action("kennis.useful", lambda c: useful(c, c.request.action_value))
    router.add_action("kennis.delete", lambda c: delete(c, c.request.action_value))
    router.add_action("kennis.announce", announce)
    router.add_action("kennis.capture", capture)
    router.add_action("kennis.relabel", relabel)
    router.add_form("kennis.share", share_form)
    # Review: the question to the author (a job), and the answers to it.
    router.add_job("knowledge.review", knowledge_review.ask)
    router.add_action(
        "kennis.review_ok", lambda c: knowledge_review.still_true(c, c.request.action_value)
    )
    router.add_action("kennis.review_edit", knowledge_review.edit_prompt)
    router.add_action(
        "kennis.archive", lambda c: knowledge_review.archive(c, c.request.action_value)
    )
    router.add_action(
        "kennis.restore", lambda c: knowledge_review.restore(c, c.request.action_value)
    )
    router.add_form("kennis.edit", knowledge_review.edit_form)
    router.add_form_initial("kennis.edit", knowledge_review.edit_initial)
    # Questions to the network and their answers.
    router.add_action(questions.ANSWER, questions.answer_prompt)
    router.add_action(questions.HELPFUL, questions.helpful)
    router.add_action(questions.SHOW, questions.show)
    router.add_action(questions.THREAD, questions.thread_answer)
    router.add_form("kennis.answer", questions.answer_form)
    router.add_job("questions.unanswered", questions.unanswered_overview)
    knowledge_search.register(router)


def show_help(context: Context, _rest: str = "") -> Reply:
    return Reply(text=context.t("knowledge.help"))


def checked_text(rest: str) -> str:
    text = clean(rest)
    if len(text) > MAX_TEXT:
        raise UserError("knowledge.too_long", limit=f"{MAX_TEXT:,}".replace(",", "."))
    return text


def _recipient_ids(context: Context, user_ids: tuple[str, ...]) -> list[int]:
    """Member ids for `TLP:RED @a @b`; every name must be an active member."""
    with context.db.read() as session:
        found = members.members_by_user_ids(session, context.request.platform, user_ids)
        by_user = {m.platform_user_id: m for m in found if m.active}
    missing = [u for u in user_ids if u not in by_user]
    if missing:
        raise UserError(
            "knowledge.recipient_not_member", users=", ".join(f"<@{u}>" for u in missing)
        )
    return [by_user[u].id for u in user_ids]


def _store(context: Context, parsed: LabelledText, label: TLP, **extra: Any) -> KnowledgeView:
    """Save shared or captured text as the caller's item: title, body, tags, label."""
    title, body = title_and_body(parsed.text)
    return _create(context, title, body, parsed.tags, label, **extra)


def _create(
    context: Context,
    title: str,
    body: str,
    tags: tuple[str, ...],
    label: TLP,
    review_at: date | None = None,
    **extra: Any,
) -> KnowledgeView:
    """Store the caller's item, with its review date (given, or by its tags)."""
    member = context.caller.member
    review_at = review_at or next_review(context, tags)
    with context.db.write() as session:
        return knowledge.create(
            session,
            context.caller.actor,
            context.now(),
            title=title,
            body=body,
            tlp=label,
            tags=tags,
            author_id=context.caller.member_id,
            organisation_id=member.organisation_id if member else None,
            review_at=review_at,
            **extra,
        )


def share(context: Context, rest: str) -> Reply:
    require_member(context)
    text, valid_until = split_valid_until(context, checked_text(rest))
    parsed = labelled_text(text, chosen=context.request.chosen_label)
    if not parsed.text:
        raise UserError("knowledge.share_usage")
    label = parsed.label or context.settings.tlp_default
    recipient_ids = _recipient_ids(context, parsed.recipients) if label is TLP.RED else []
    if similar := _similar_first(context, *title_and_body(parsed.text)):
        return similar
    return _saved(
        context,
        _store(context, parsed, label, review_at=valid_until, recipient_ids=recipient_ids),
    )


def _similar_first(context: Context, title: str, body: str) -> Reply | None:
    """Before a new item: up to three similar ones the sharer may see, with *Toch delen*
    and *Annuleren* (as `/knelpunt meld` shows similar bottlenecks first)."""
    if context.request.similar_seen:
        return None
    with context.db.read() as session:
        items = bottleneck_links.similar_knowledge(
            session, context.audience(), f"{title} {body}", thesaurus=context.settings.thesaurus
        )
    if not items:
        return None
    return label_choice.similar_first(
        context,
        context.t("knowledge.similar_first", title=title),
        tuple(short_section(context, item) for item in items),
        context.t("button.share_anyway"),
        strictest(items),
    )


def share_form(context: Context) -> Reply:
    """The share form: its fields are the item, the label is the one picked."""
    require_member(context)
    fields = context.request.fields
    title, body = clean(fields.get("title", "")), checked_text(fields.get("text", ""))
    label = TLP(fields.get("tlp", ""))  # the form checked it is one of its labels
    if not title or not body:
        raise UserError("knowledge.share_usage")
    given = fields.get("valid_until", "").strip()
    valid_until = read_valid_until(context, given) if given else None
    tags = tags_from_field(fields.get("tags", ""))
    if similar := _similar_first(context, title, body):
        return similar
    return _saved(context, _create(context, title, body, tags, label, valid_until))


def tags_from_field(written: str) -> tuple[str, ...]:
    """A form's tags field: `#a b, c` → (`a`, `b`, `c`), stored as tags are."""
    found = (knowledge.normalise_tag(tag) for tag in re.split(r"[,;\s]+", written))
    return tuple(t for t in dict.fromkeys(found) if t)


def _saved(context: Context, item: KnowledgeView) -> Reply:
    buttons = [Button("kennis.show", str(item.id), context.t("button.show"))]
    buttons += announce_button(context, item)
    note = "knowledge.saved"
    if item.tlp is TLP.RED:
        note = "knowledge.saved_red" if item.recipient_names else "knowledge.saved_red_alone"
    return Reply(
        text=context.t(
            note,
            id=item.id,
            title=item.title,
            tlp=item.tlp.value,
            recipients=", ".join(item.recipient_names) or "—",
        ),
        buttons=tuple(buttons),
        tlp=item.tlp,
    )


def show(context: Context, rest: str) -> Reply:
    item = visible_item(context, rest)
    with context.db.read() as session:
        others = related(session, context.audience(), item)
    sections = [item_section(context, item)]
    if others:
        sections.append(Section(text=context.t("knowledge.related")))
        sections += [short_section(context, other) for other in others]
    return Reply(text="", sections=tuple(sections), tlp=strictest([item, *others]))


def edit(context: Context, rest: str) -> list[Reply]:
    number_word, new_text = split_word(rest)
    item = changeable_item(context, number_word)
    parsed = labelled_text(checked_text(new_text), chosen=context.request.chosen_label)
    if not parsed.text and parsed.label is None and not parsed.tags:
        raise UserError("knowledge.edit_usage")
    label = parsed.label or item.tlp
    recipients = None
    if label is TLP.RED and (parsed.recipients or item.tlp is not TLP.RED):
        recipients = _recipient_ids(context, parsed.recipients)
    added = set(recipients or ()) - (item.recipient_ids if item.tlp is TLP.RED else set())
    if not may_relabel(context.caller, item.author_id, item.tlp, label, bool(added)):
        raise UserError("knowledge.only_author_lowers", id=item.id, old=item.tlp.value,
                        new=label.value)  # fmt: skip
    title, body = title_and_body(parsed.text) if parsed.text else (None, None)
    with context.db.write() as session:
        updated = knowledge.update(
            session,
            context.caller.actor,
            context.now(),
            item.id,
            title=title,
            body=body,
            tlp=parsed.label,
            tags=parsed.tags if parsed.tags else None,
            recipient_ids=recipients,
        )
    reply = Reply(
        text=context.t(
            "knowledge.updated", id=updated.id, title=updated.title, tlp=updated.tlp.value
        ),
        buttons=(Button("kennis.show", str(updated.id), context.t("button.show")),),
        tlp=updated.tlp,
    )
    return [reply, *tell_author(context, item, updated)]


def relabel(context: Context) -> list[Reply]:
    """A label button under a captured item: the same as `/kennis wijzig <nr> <label>`."""
    number, _, written = context.request.action_value.partition("|")
    try:
        label = TLP(written)
    except ValueError:
        raise UserError("knowledge.bad_number", value=written[:40]) from None
    return edit(context, f"{number} {label.value}")


def _changes(w: Writer, before: KnowledgeView, after: KnowledgeView | None) -> str:
    if after is None:
        return w.t("knowledge.change.deleted")
    parts = []
    if before.tlp is not after.tlp:
        parts.append(w.t("knowledge.change.label", old=before.tlp.value, new=after.tlp.value))
    removed = [n for n in before.recipient_names if n not in after.recipient_names]
    if removed:
        parts.append(w.t("knowledge.change.recipients_removed", names=", ".join(removed)))
    if (before.title, before.body) != (after.title, after.body):
        parts.append(w.t("knowledge.change.text"))
    if before.tags != after.tags:
        parts.append(w.t("knowledge.change.tags"))
    return "; ".join(parts)


def tell_author(
    context: Context, before: KnowledgeView, after: KnowledgeView | None
) -> list[Reply]:
    """The source owns the label: when someone else changed or deleted an item, its author hears."""
    if before.author_id is None or before.author_id == context.caller.member_id:
        return []
    with context.db.read() as session:
        author = members.get_member_by_id(session, before.author_id)
    if author is None:
        return []
    shown = after or before

    def message(w: Writer) -> tuple[str, tuple[Section, ...]]:
        changes = _changes(w, before, after)
        return w.t("knowledge.changed_by_other", name=context.caller.name, id=before.id,
                   title=shown.title, changes=changes), ()  # fmt: skip

    # The author may read their own item, whatever its label.
    return direct([author], context.settings, message, tlp=shown.tlp)


def delete(context: Context, rest: str) -> list[Reply]:
    item = changeable_item(context, rest)
    with context.db.write() as session:
        knowledge.remove(session, context.caller.actor, context.now(), item.id)
    reply = Reply(text=context.t("knowledge.deleted", id=item.id, title=item.title), tlp=item.tlp)
    return [reply, *tell_author(context, item, None)]


def useful(context: Context, rest: str) -> Reply:
    require_member(context)
    item = visible_item(context, rest)
    member_id = context.caller.member_id
    if member_id is None:
        raise UserError("member.not_member")
    with context.db.write() as session:
        added = knowledge.add_useful_vote(
            session, context.caller.actor, context.now(), item.id, member_id
        )
    key = "knowledge.useful_added" if added else "knowledge.useful_already"
    return Reply(text=context.t(key, id=item.id, title=item.title), tlp=item.tlp)


def announce(context: Context) -> Reply:
    """Post an item to the channel the button was pressed in, if its label allows."""
    item = visible_item(context, context.request.action_value)
    if context.request.is_direct or not context.request.channel_id:
        raise UserError("knowledge.announce_no_channel")
    if not may_show_in(item.tlp, Place.CHANNEL):
        raise UserError("tlp.blocked_in_channel", tlp=item.tlp.value)
    author = context.caller.name
    return Reply(
        text=context.t("knowledge.announcement", name=author),
        sections=(short_section(context, item),),
        visibility=Visibility.CHANNEL,
        channel=context.request.channel_id,
        tlp=item.tlp,
    )


def recent(context: Context, rest: str) -> Reply:
    count = RECENT_DEFAULT
    if rest.strip():
        count = min(max(item_number(rest, "knowledge.bad_count"), 1), 25)
    with context.db.read() as session:
        items = knowledge.recent(session, context.audience(), count)
    if not items:
        return Reply(text=context.t("knowledge.none_yet"))
    intro = context.t("knowledge.recent_title", count=len(items))
    if not context.caller.has_access:
        intro = context.t("member.guest_note") + "\n" + intro
    return Reply(
        text=intro,
        sections=tuple(short_section(context, item) for item in items),
        tlp=strictest(items),
    )


def list_tags(context: Context, _rest: str) -> Reply:
    with context.db.read() as session:
        counted = knowledge.tag_counts(session, context.audience())
    if not counted:
        return Reply(text=context.t("knowledge.no_tags"))
    return Reply(
        text=context.t("knowledge.tags_title"),
        sections=(Section(text="  ".join(f"#{name} ({count})" for name, count in counted)),),
    )


def capture(context: Context) -> Reply:
    """Save a chat message (a shortcut or a reaction on it) as a knowledge item, once."""
    require_member(context)
    request = context.request
    if not request.source_url:
        raise UserError("knowledge.capture_no_source")
    parsed = labelled_text(checked_text(request.text), chosen=request.chosen_label)
    if not parsed.text:
        raise UserError("knowledge.capture_empty")
    # A message from a private channel or a DM was not meant for the whole network.
    private_default = request.source_private and parsed.label is None
    label = parsed.label or (TLP.AMBER if request.source_private else context.settings.tlp_default)
    if label is TLP.RED:
        raise UserError("knowledge.capture_red")
    with context.db.read() as session:
        known = knowledge.find_by_source(session, request.source_url)
    if known is not None:
        return Reply(
            text=context.t("knowledge.capture_known", id=known),
            buttons=(Button("kennis.show", str(known), context.t("button.show")),),
        )
    item = _store(
        context,
        parsed,
        label,
        source_url=request.source_url[:500],
        source_author=request.source_author[:200] or None,
    )
    buttons = [Button("kennis.show", str(item.id), context.t("button.show"))]
    if private_default:
        buttons += [
            Button("kennis.relabel", f"{item.id}|{other.value}", other.value)
            for other in (TLP.CLEAR, TLP.GREEN, TLP.AMBER_STRICT)
        ]
    return Reply(
        text=context.t(
            "knowledge.captured_private" if private_default else "knowledge.captured",
            id=item.id,
            title=item.title,
            tlp=item.tlp.value,
            author=item.source_author or context.t("value.unknown"),
        ),
        buttons=tuple(buttons),
        tlp=item.tlp,
    )
