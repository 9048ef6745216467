"""How bottlenecks read in a reply: a list line, the whole bottleneck, its history."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from storage.bottlenecks import OPEN_STATUSES
from storage.views import BottleneckDetail, BottleneckEventView, BottleneckView

from handlers.knowledge.views import TLP_ICONS
from handlers.messages import Button, Field, Section
from handlers.wording import Words, counted

STATUS_ICONS = {
    "nieuw": "🆕",
    "in_behandeling": "🔧",
    "geescaleerd": "📤",
    "beantwoord": "📨",
    "opgelost": "✅",
    "afgewezen": "⛔",
    "samengevoegd": "🔗",
}


def status_text(words: Words, status: str) -> str:
    return f"{STATUS_ICONS.get(status, '')} {words.t('status.' + status)}".strip()


def count_text(words: Words, bottleneck: BottleneckView) -> str:
    return municipality_count(words, bottleneck.support_count)


def municipality_count(words: Words, count: int) -> str:
    return counted(words, "bottleneck.count", count)


def byline(words: Words, bottleneck: BottleneckView) -> str:
    """`🟢 TLP:GREEN · #cloud · 🆕 nieuw · 3 gemeenten · Anna (Den Haag) · 29 november 2026`."""
    parts = [f"{TLP_ICONS[bottleneck.tlp]} {bottleneck.tlp.value}"]
    if bottleneck.theme:
        parts.append(f"#{bottleneck.theme}")
    parts += [status_text(words, bottleneck.status), count_text(words, bottleneck)]
    reporter = bottleneck.reporter_name or words.t("value.unknown")
    if bottleneck.organisation_name:
        reporter += f" ({bottleneck.organisation_name})"
    parts += [reporter, words.date(bottleneck.created_at)]
    return " · ".join(parts)


def heading(bottleneck: BottleneckView) -> str:
    return f"**#{bottleneck.id} {bottleneck.title}**"


def support_button(words: Words, bottleneck: BottleneckView) -> Button:
    return Button("knelpunt.support", str(bottleneck.id), words.t("button.recognise"), "primary")


def show_button(words: Words, bottleneck: BottleneckView) -> Button:
    return Button("knelpunt.show", str(bottleneck.id), words.t("button.show"))


def short_section(
    words: Words, bottleneck: BottleneckView, member_id: int | None = None
) -> Section:
    """One line in a list, with "Herkennen wij ook" while the reader does not yet support it."""
    buttons = [show_button(words, bottleneck)]
    if bottleneck.status in OPEN_STATUSES and member_id not in bottleneck.supporter_ids:
        buttons.append(support_button(words, bottleneck))
    municipalities = ", ".join(bottleneck.municipalities)
    text = heading(bottleneck) + (f"\n{municipalities}" if municipalities else "")
    return Section(text=text, context=byline(words, bottleneck), buttons=tuple(buttons))


def event_line(words: Words, event: BottleneckEventView, quote: Callable[[str], str] = str) -> str:
    """One history line: `29 november 2026 — Anna: in behandeling → geëscaleerd (naar IBD)`.

    `quote` makes what people wrote (names, bodies, references, reasons) inert for
    where the line goes (`handlers.reporting.document_text.inline` in a document).
    """
    if event.kind in ("status", "reopened"):
        what = words.t(
            "history." + event.kind,
            old=words.t("status." + (event.old_status or "nieuw")),
            new=words.t("status." + (event.new_status or "nieuw")),
        )
    elif event.kind in ("merged_into", "merged_from"):
        what = words.t("history." + event.kind, id=event.reference or "?")
    else:
        what = words.t("history." + event.kind)
    extras = []
    if event.body:
        extras.append(words.t("history.to_body", body=quote(event.body)))
    if event.reference and event.kind not in ("merged_into", "merged_from"):
        extras.append(words.t("history.reference", reference=quote(event.reference)))
    if extras:
        what += f" ({', '.join(extras)})"
    line = f"{words.date(event.at)} — {quote(event.actor_name)}: {what}"
    if event.reason:
        line += f"\n    _{quote(event.reason)}_"
    return line


def history_lines(
    words: Words, events: Sequence[BottleneckEventView], quote: Callable[[str], str] = str
) -> list[str]:
    shown = [e for e in events if e.kind not in ("supported", "withdrawn")]
    return [event_line(words, e, quote) for e in shown]


def escalation_fields(
    words: Words, bottleneck: BottleneckView, now: datetime | None = None
) -> list[Field]:
    """Where it was escalated, the reference, when an answer is expected (marked when
    that day has passed, as of `now`) and the answer."""
    fields = []
    if bottleneck.escalated_to and bottleneck.escalated_at:
        fields.append(
            Field(
                words.t("field.escalated"),
                words.t(
                    "bottleneck.escalated_to",
                    body=bottleneck.escalated_to,
                    date=words.date(bottleneck.escalated_at),
                ),
            )
        )
    if bottleneck.reference:
        fields.append(Field(words.t("field.reference"), bottleneck.reference))
    if bottleneck.answer_due and bottleneck.status == "geescaleerd":
        due = words.date(bottleneck.answer_due)
        if now is not None and words.day(bottleneck.answer_due) < words.day(now):
            days = (words.day(now) - words.day(bottleneck.answer_due)).days
            due = words.t("bottleneck.answer_overdue", date=due,
                          late=counted(words, "action.late", days))  # fmt: skip
        fields.append(Field(words.t("field.answer_due"), due))
    if bottleneck.answer and bottleneck.answered_at:
        fields.append(
            Field(
                words.t("field.answer"),
                f"{bottleneck.answer} ({words.date(bottleneck.answered_at)})",
            )
        )
    return fields


def detail_sections(
    words: Words, detail: BottleneckDetail, now: datetime | None = None
) -> list[Section]:
    """The whole bottleneck: text, who recognises it, notes, history, linked knowledge."""
    b = detail.bottleneck
    fields = [
        Field(words.t("field.status"), status_text(words, b.status)),
        Field(words.t("field.tlp"), f"{TLP_ICONS[b.tlp]} {b.tlp.value}"),
        Field(words.t("field.theme"), f"#{b.theme}" if b.theme else "—"),
        Field(
            words.t("field.reporter"),
            (b.reporter_name or words.t("value.unknown"))
            + (f" ({b.organisation_name})" if b.organisation_name else ""),
        ),
        Field(words.t("field.reported_on"), words.date(b.created_at)),
        Field(
            words.t("field.municipalities"),
            f"{count_text(words, b)}: {', '.join(b.municipalities)}"
            if b.municipalities
            else count_text(words, b),
        ),
    ]
    if b.partners:
        fields.append(Field(words.t("field.partners"), ", ".join(b.partners)))
    fields += escalation_fields(words, b, now)
    if b.decision_asked:
        fields.append(Field(words.t("field.decision_asked"), b.decision_asked))
    sections = [Section(text=f"{heading(b)}\n\n{b.description or '—'}", fields=tuple(fields))]
    if detail.notes:
        lines = [
            f"• {n.text} — _{n.member_name or words.t('value.unknown')}"
            + (f" ({n.organisation_name})_" if n.organisation_name else "_")
            for n in detail.notes
        ]
        sections.append(Section(text=words.t("bottleneck.notes_title") + "\n" + "\n".join(lines)))
    history = history_lines(words, detail.events)
    if history:
        sections.append(
            Section(text=words.t("bottleneck.history_title") + "\n" + "\n".join(history))
        )
    if detail.knowledge or detail.hidden_knowledge:
        lines = [f"• #{k.id} {k.title} ({k.tlp.value})" for k in detail.knowledge]
        if detail.hidden_knowledge:
            items = counted(words, "count.item", detail.hidden_knowledge)
            lines.append(words.t("bottleneck.hidden_knowledge", items=items))
        sections.append(
            Section(text=words.t("bottleneck.knowledge_title") + "\n" + "\n".join(lines))
        )
    return sections
