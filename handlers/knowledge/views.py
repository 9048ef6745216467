"""How knowledge items read in a reply: a result line, a full item, the buttons."""

from __future__ import annotations

from storage import knowledge, tlp
from storage.tlp import TLP, Place, may_show_in
from storage.views import KnowledgeView, SearchHit

from handlers.context import Context
from handlers.messages import Button, Field, Section, UserError
from handlers.parsing import item_number, split_word
from handlers.permissions import can_change_knowledge, require_member

TLP_ICONS = {
    TLP.CLEAR: "⚪",
    TLP.GREEN: "🟢",
    TLP.AMBER: "🟠",
    TLP.AMBER_STRICT: "🟠",
    TLP.RED: "🔴",
}


def strictest(items: list[KnowledgeView]) -> TLP | None:
    """The most restrictive label among `items`: what a reply showing them carries."""
    return tlp.strictest(i.tlp for i in items)


def byline(context: Context, item: KnowledgeView) -> str:
    """`🟢 TLP:GREEN · #phishing · Anna (Delft) · 15 maart 2027 · 👍 3`."""
    parts = [f"{TLP_ICONS[item.tlp]} {item.tlp.value}"]
    if item.tags:
        parts.append(" ".join(f"#{t}" for t in item.tags))
    author = item.author_name or item.source_author or context.t("value.unknown")
    parts.append(f"{author} ({item.organisation_name})" if item.organisation_name else author)
    parts.append(context.date(item.created_at))
    if item.useful_votes:
        parts.append(f"👍 {item.useful_votes}")
    if mark := currency_mark(context, item):
        parts.append(mark)
    return " · ".join(parts)


def currency_mark(context: Context, item: KnowledgeView) -> str:
    """`⏳ niet herzien sinds 3 maart 2026` past its review date, `🗄 gearchiveerd op …`."""
    if item.archived_at is not None:
        return "🗄 " + context.t("knowledge.archived_mark", date=context.date(item.archived_at))
    if item.stale(context.today()):
        since = context.date(item.reviewed_at or item.created_at)
        return "⏳ " + context.t("knowledge.stale", date=since)
    return ""


def hit_section(context: Context, hit: SearchHit) -> Section:
    item = hit.item
    return Section(
        text=f"**#{item.id} {item.title}**\n{hit.snippet}",
        context=byline(context, item),
        buttons=(Button("kennis.show", str(item.id), context.t("button.show")),),
    )


def short_section(context: Context, item: KnowledgeView) -> Section:
    return Section(
        text=f"**#{item.id} {item.title}**",
        context=byline(context, item),
        buttons=(Button("kennis.show", str(item.id), context.t("button.show")),),
    )


def announce_button(context: Context, item: KnowledgeView) -> list[Button]:
    """ "Share in channel", offered only in a channel and only for CLEAR and GREEN."""
    if context.request.is_direct or not may_show_in(item.tlp, Place.CHANNEL):
        return []
    return [Button("kennis.announce", str(item.id), context.t("button.announce"))]


def item_section(context: Context, item: KnowledgeView) -> Section:
    """The whole item, with what the caller may do with it."""
    fields = [
        Field(context.t("field.tlp"), f"{TLP_ICONS[item.tlp]} {item.tlp.value}"),
        Field(context.t("field.tags"), " ".join(f"#{t}" for t in item.tags) or "—"),
        Field(context.t("field.author"), item.author_name or context.t("value.unknown")),
        Field(context.t("field.organisation"), item.organisation_name or "—"),
        Field(context.t("field.shared_on"), context.date(item.created_at)),
        Field(context.t("field.useful"), str(item.useful_votes)),
    ]
    if item.updated_at != item.created_at:
        fields.append(Field(context.t("field.updated_on"), context.date(item.updated_at)))
    if mark := currency_mark(context, item):
        fields.append(Field(context.t("field.currency"), mark))
    elif item.review_at is not None:
        fields.append(Field(context.t("field.review_by"), context.date_of(item.review_at)))
    if item.tlp is TLP.RED:
        fields.append(Field(context.t("field.recipients"), ", ".join(item.recipient_names) or "—"))
    if item.source_url:
        original = item.source_author or context.t("value.unknown")
        fields.append(Field(context.t("field.source"), f"<{item.source_url}|{original}>"))
    buttons = [Button("kennis.useful", str(item.id), context.t("button.useful"))]
    buttons += announce_button(context, item)
    if can_change_knowledge(context.caller, item) and item.archived_at is not None:
        buttons.append(Button("kennis.restore", str(item.id), context.t("button.restore")))
    elif can_change_knowledge(context.caller, item) and item.stale(context.today()):
        buttons.append(Button("kennis.review_ok", str(item.id), context.t("button.review_ok")))
    if can_change_knowledge(context.caller, item):
        buttons.append(
            Button(
                "kennis.delete",
                str(item.id),
                context.t("button.delete"),
                style="danger",
                confirm=context.t("knowledge.confirm_delete", id=item.id),
            )
        )
    return Section(
        text=f"**#{item.id} {item.title}**\n\n{item.body}",
        fields=tuple(fields),
        buttons=tuple(buttons),
    )


def visible_item(context: Context, rest: str) -> KnowledgeView:
    """The item numbered first in `rest`, if the caller may see it (else: not found)."""
    number = item_number(split_word(rest)[0] if rest.strip() else "", "knowledge.bad_number")
    with context.db.read() as session:
        item = knowledge.get_visible(session, context.audience(), number)
    if item is None:
        raise UserError("knowledge.not_found", id=number)
    return item


def changeable_item(context: Context, rest: str) -> KnowledgeView:
    """As `visible_item`, and the caller may change it (author, werkgroep, beheerder)."""
    require_member(context)
    item = visible_item(context, rest)
    if not can_change_knowledge(context.caller, item):
        raise UserError("knowledge.not_yours", id=item.id)
    return item
