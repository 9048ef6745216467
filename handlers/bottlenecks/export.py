"""Bottlenecks as documents: the export (Markdown or CSV) and the escalation dossier.

Both are built only from what the audience may see; the document states the
strictest label it contains. The command line uses the same functions.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date, datetime

from storage import bottlenecks, members
from storage.tlp import TLP, strictest
from storage.views import ActionView, BottleneckDetail, BottleneckView

from handlers.actions.views import deadline_words
from handlers.bottlenecks.common import detail_and_actions, number_and_rest, visible
from handlers.bottlenecks.status import escalation_body
from handlers.bottlenecks.views import history_lines, municipality_count
from handlers.context import ESCALATION_BODIES, Context
from handlers.core import Subcommand
from handlers.messages import Attachment, Reply, UserError, Visibility
from handlers.permissions import require_member, require_role
from handlers.reporting import documents
from handlers.reporting.document_text import block, cell, csv_document, inline, plain
from handlers.wording import Words, counted


def status_line(words: Words, b: BottleneckView) -> str:
    line = words.t("status." + b.status)
    if b.escalated_to and b.escalated_at:
        line += " (" + words.t(
            "bottleneck.escalated_to", body=b.escalated_to, date=words.date(b.escalated_at)
        )
        line += f", {words.t('history.reference', reference=b.reference)})" if b.reference else ")"
    return line


def export_markdown(words: Words, details: Sequence[BottleneckDetail], now: datetime) -> str:
    """Per bottleneck: title, description, who recognises it, status and history."""
    label = strictest(d.bottleneck.tlp for d in details) or TLP.CLEAR
    lines = [
        f"# {words.t('export.title')}",
        "",
        words.t(
            "export.intro",
            date=words.date(now),
            bottlenecks=counted(words, "count.bottleneck", len(details)),
            tlp=label.value,
        ),
        "",
    ]
    for d in details:
        b = d.bottleneck
        municipalities = ", ".join(b.municipalities) or "—"
        lines += [
            f"## #{b.id} {inline(b.title)}",
            "",
            f"- **{words.t('field.status')}:** {status_line(words, b)}",
            f"- **{words.t('field.tlp')}:** {b.tlp.value}",
            f"- **{words.t('field.theme')}:** {'#' + b.theme if b.theme else '—'}",
            f"- **{words.t('field.reported_on')}:** {words.date(b.created_at)}"
            + (f" ({b.organisation_name})" if b.organisation_name else ""),
            f"- **{municipality_count(words, b.support_count)}:** {municipalities}",
        ]
        if b.partners:
            lines.append(f"- **{words.t('field.partners')}:** {', '.join(b.partners)}")
        if b.answer:
            lines.append(f"- **{words.t('field.answer')}:** {inline(b.answer)}")
        lines += ["", block(b.description or b.title), "", f"### {words.t('export.history')}", ""]
        lines += [f"- {line}" for line in history_lines(words, d.events, inline)]
        lines.append("")
    return "\n".join(lines)


def export_csv(
    words: Words, details: Sequence[BottleneckDetail], names: Mapping[str, str] | None = None
) -> str:
    """One row per bottleneck, history in one cell (a line per change), as Dutch Excel
    opens it: `;` between cells, UTF-8 with a byte-order mark, CRLF, every cell quoted,
    dates in the reader's time zone, no markup, and no cell that Excel would run as a
    formula. `names`: platform user id → name, for mentions in the text."""
    rows = (
        [v.isoformat() if isinstance(v, date) else cell(str(v)) for v in _row(words, d, names)]
        for d in details
    )
    return csv_document(words.t("export.columns").split("|"), rows)


def _row(words: Words, d: BottleneckDetail, names: Mapping[str, str] | None) -> list[object]:
    """One bottleneck as the exports' columns (`export.columns`): texts without markup,
    the day it was reported as a date in the reader's zone."""
    b = d.bottleneck
    return [
        b.id, plain(b.title, names), plain(b.description, names), b.theme or "", b.tlp.value,
        words.t("status." + b.status), b.support_count, ", ".join(b.municipalities),
        ", ".join(b.partners), words.day(b.created_at), b.escalated_to or "",
        plain(b.reference or "", names), plain(b.answer or "", names),
        plain("\n".join(history_lines(words, d.events)), names),
    ]  # fmt: skip


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_xlsx(
    words: Words, details: Sequence[BottleneckDetail], names: Mapping[str, str] | None = None
) -> bytes:
    """The same rows as the CSV as an Excel workbook: every cell a string (never a
    formula), the report date a real date, a header row that stays in view and filters."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = words.t("export.sheet")
    header = words.t("export.columns").split("|")
    sheet.append(header)
    for heading in sheet[1]:
        heading.font = Font(bold=True)
    for d in details:
        sheet.append(_row(words, d, names))
        for item in sheet[sheet.max_row]:
            if isinstance(item.value, str):
                item.data_type = "s"  # text, even when it starts with = + - @
                item.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(sheet.max_row, 10).number_format = "d-m-yyyy"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for column, width in zip("ABCDEFGHIJKLMN", (8, 40, 60, 14, 18, 16, 10, 30, 20, 12, 10, 16,
                                                40, 60), strict=True):  # fmt: skip
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _private(context: Context, reply: Reply) -> list[Reply]:
    """Files go to the caller's DM; in a channel they are told where to look."""
    replies = [reply]
    if not context.request.is_direct:
        replies.append(Reply(text=context.t("bottleneck.sent_privately")))
    return replies


def export(context: Context, rest: str) -> list[Reply]:
    require_member(context)
    fmt = rest.strip().lower() or "md"
    if fmt not in ("md", "markdown", "csv", "xlsx", "excel"):
        raise UserError("bottleneck.export_usage", word=fmt[:20])
    with context.db.read() as session:
        found = bottlenecks.details(session, context.audience())
    if not found:
        raise UserError("bottleneck.none")
    stamp = context.today().isoformat()
    if fmt in ("csv", "xlsx", "excel"):
        with context.db.read() as session:
            names = members.names_by_user_id(session, context.request.platform)
        if fmt == "csv":
            content: str | bytes = export_csv(context, found, names)
            file = Attachment(f"knelpunten-{stamp}.csv", content, "text/csv")
        else:
            file = Attachment(f"knelpunten-{stamp}.xlsx", export_xlsx(context, found, names), XLSX)
    else:
        file = Attachment(f"knelpunten-{stamp}.md", export_markdown(context, found, context.now()))
    label = strictest(d.bottleneck.tlp for d in found) or TLP.CLEAR
    reply = Reply(
        text=context.t(
            "bottleneck.export_ready",
            bottlenecks=counted(context, "count.bottleneck", len(found)),
            tlp=label.value,
        ),
        files=(file,),
        visibility=Visibility.DIRECT,
        user=context.caller.user_id,
        tlp=label,
    )
    return _private(context, reply)


def dossier_markdown(
    words: Words,
    detail: BottleneckDetail,
    body: str,
    now: datetime,
    *,
    anonymous: bool,
    linked_actions: Sequence[ActionView] = (),
) -> str:
    """A draft escalation dossier for `body`, in the install's administrative tone."""
    b = detail.bottleneck
    # Linked knowledge goes along only up to the bottleneck's own label.
    knowledge = [k for k in detail.knowledge if k.tlp.rank <= b.tlp.rank]
    left_out = len(detail.knowledge) - len(knowledge) + detail.hidden_knowledge
    body_name = words.t("body." + body) if body in ESCALATION_BODIES else body
    lines = [
        f"# {words.t('dossier.title', title=inline(b.title))}",
        "",
        f"**{words.t('dossier.to')}:** {body_name}  ",
        f"**{words.t('dossier.from')}:** {words.t('dossier.sender')}  ",
        f"**{words.t('dossier.date')}:** {words.date(now)}  ",
        f"**{words.t('field.tlp')}:** {b.tlp.value}  ",
        f"**{words.t('dossier.number')}:** #{b.id}"
        + (
            f" · {words.t('history.reference', reference=inline(b.reference))}"
            if b.reference
            else ""
        ),
        "",
        f"## {words.t('dossier.problem')}",
        "",
        block(b.description or b.title),
        "",
        f"## {words.t('dossier.who')}",
        "",
    ]
    if anonymous:
        lines.append(counted(words, "dossier.count_only", b.support_count))
    else:
        key = "dossier.count_named_one" if b.support_count == 1 else "dossier.count_named"
        lines.append(words.t(key, count=b.support_count, names=", ".join(b.municipalities)))
        if b.partners:
            lines.append(words.t("dossier.partners", names=", ".join(b.partners)))
    supporting = set(b.municipalities) | set(b.partners)
    notes = [n for n in detail.notes if n.organisation_name in supporting]
    if notes:
        lines += ["", f"## {words.t('dossier.notes')}", ""]
        for n in notes:
            who = "" if anonymous else f" — {n.organisation_name}"
            lines.append(f"- “{inline(n.text)}”{who}")
    lines += ["", f"## {words.t('dossier.done')}", ""]
    # Each part its own paragraph: a blank line between a list, a note and a heading.
    if knowledge:
        lines += [f"**{words.t('dossier.knowledge')}**", ""]
        lines += [f"- #{k.id} {inline(k.title)} ({k.tlp.value})" for k in knowledge]
        lines.append("")
    if left_out:
        lines += [
            words.t("dossier.knowledge_left_out", items=counted(words, "count.item", left_out)),
            "",
        ]
    # Linked actions too: one stricter than the bottleneck stays out, and is counted.
    actions_shown = [a for a in linked_actions if a.tlp.rank <= b.tlp.rank]
    if actions_shown:
        lines += [f"**{words.t('dossier.actions')}**", ""]
        for action in actions_shown:
            who = f" ({action.owner_organisation})" if action.owner_organisation else ""
            if action.is_open:
                state = words.t("action.deadline", date=deadline_words(words, action.deadline))
            else:
                state = words.t("action.status." + action.status)
            lines.append(f"- {inline(action.title)}{'' if anonymous else who}: {state}")
        lines.append("")
    if len(actions_shown) < len(linked_actions):
        hidden = len(linked_actions) - len(actions_shown)
        lines.append(
            words.t("dossier.actions_left_out", actions=counted(words, "count.action", hidden))
        )
    steps = [e for e in detail.events if e.kind in ("reported", "status", "reopened", "answer")]
    if steps:
        lines.append(f"**{words.t('dossier.steps')}**")
    for event in steps:
        what = words.t("status." + (event.new_status or b.status))
        lines.append(
            f"- {words.date(event.at)}: {what}" + (f" ({event.body})" if event.body else "")
        )
    lines += ["", f"## {words.t('dossier.decision')}", ""]
    lines.append(block(b.decision_asked) if b.decision_asked else
                 words.t("dossier.decision_missing", id=b.id))  # fmt: skip
    lines.append("")
    return "\n".join(lines)


def dossier(context: Context, rest: str) -> list[Reply]:
    require_role(context, "werkgroep")
    number, options = number_and_rest(rest)
    words = options.split()
    anonymous = any(w.lower() in ("anoniem", "anonymous") for w in words)
    rest_words = [w for w in words if w.lower() not in ("anoniem", "anonymous")]
    body: str | None = None
    if rest_words:
        if rest_words[0].lower() not in ("naar", "to") or len(rest_words) != 2:
            raise UserError("bottleneck.dossier_usage")
        body = rest_words[1]
    found, _asked = visible(context, number)
    body = escalation_body(context, body or found.escalated_to)
    detail, linked = detail_and_actions(context, found)
    text = dossier_markdown(
        context, detail, body, context.now(), anonymous=anonymous, linked_actions=linked
    )
    name = f"dossier-knelpunt-{found.id}-{body.lower()}"
    title = context.t("dossier.title", title=found.title)
    made = documents.as_files(name, text, found.tlp, title)
    reply = Reply(
        text=context.t("bottleneck.dossier_ready", id=found.id, body=body),
        files=tuple(Attachment(file, content, kind) for file, content, kind in made),
        visibility=Visibility.DIRECT,
        user=context.caller.user_id,
        tlp=found.tlp,
    )
    hints = []
    if anonymous:
        hints.append(Reply(text=context.t("dossier.check_quotes")))
    if not found.decision_asked:
        hints.append(Reply(text=context.t("dossier.decision_hint", id=found.id)))
    return _private(context, reply) + hints


SUBCOMMANDS: dict[tuple[str, ...], Subcommand] = {
    ("export",): export,
    ("dossier",): dossier,
}
