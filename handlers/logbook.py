"""`/ciso logboek`: the audit log, readable in chat by whoever is entitled to it.

A beheerder reads all of it, or one item, bottleneck, action or member; anyone else
reads the history of what they wrote (their knowledge items, the bottlenecks they
reported, the actions they made or own). Every entry is filtered through TLP like
anything else: an entry about something the reader may not see is left out and only
counted; an entry about something deleted keeps who, what and when, never its
content. Label changes show the label before and after.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from storage import actions, audit, bottlenecks, knowledge, members, questions
from storage.audit import AuditView
from storage.tlp import TLP, may_see

from handlers.context import Context
from handlers.i18n import format_date, knows
from handlers.messages import Button, Reply, Section, UserError
from handlers.parsing import MENTION
from handlers.permissions import may_read_history, require_member
from handlers.reporting.document_text import cell, csv_document

PAGE = 20
SUBJECTS = {"kennis": "knowledge", "knowledge": "knowledge", "knelpunt": "bottleneck",
            "bottleneck": "bottleneck", "actie": "action", "action": "action"}  # fmt: skip
# Fields that carry what someone wrote: never shown for a subject that is gone.
CONTENT = frozenset({"title", "body", "text", "note", "reason", "answer"})
MORE = "ciso.logbook_more"

Subject = tuple[str, int]


def command(context: Context, rest: str) -> Reply:
    return _page(context, _target(context, rest), 0)


def more(context: Context) -> Reply:
    """*Oudere regels*: the next page of the same log (`kind:id:offset` in its value)."""
    kind, _, rest = context.request.action_value.partition(":")
    number, _, offset = rest.partition(":")
    if not offset.isdigit() or not (number.isdigit() or number == ""):
        raise UserError("logbook.usage")
    if kind and kind not in (*SUBJECTS.values(), "member"):
        raise UserError("logbook.usage")
    target = (kind, int(number)) if kind and number else None
    return _page(context, target, int(offset))


def _target(context: Context, rest: str) -> Subject | None:
    """(`knowledge`, 12), (`member`, 4) or None for the whole log."""
    words = rest.split()
    if not words:
        return None
    found = MENTION.fullmatch(words[0])
    if found and len(words) == 1:
        with context.db.read() as session:
            member = members.get_member(session, context.request.platform, found.group(1))
        if member is None:
            raise UserError("logbook.unknown_member", user=f"<@{found.group(1)}>")
        return "member", member.id
    kind = SUBJECTS.get(words[0].lower())
    number = words[1].lstrip("#") if len(words) == 2 else ""
    if kind is None or not number.isdigit():
        raise UserError("logbook.usage")
    return kind, int(number)


def _page(context: Context, target: Subject | None, offset: int) -> Reply:
    require_member(context)
    writers = _writers(context, target) if target and target[0] != "member" else frozenset()
    if not may_read_history(context.caller, target, writers):
        raise UserError("logbook.not_allowed")
    with context.db.read() as session:
        found = audit.entries(
            session,
            subject=target if target and target[0] != "member" else None,
            actor_id=target[1] if target and target[0] == "member" else None,
            offset=offset,
            limit=PAGE + 1,
        )
        labels = _labels(session, found[:PAGE])
        names = _names(session, found[:PAGE])
    reader = context.audience()
    shown, hidden, strictest = [], 0, None
    for entry in found[:PAGE]:
        label = labels.get((entry.subject_type, entry.subject_id))
        if label is None and entry.subject_type in LABELLED:
            shown.append(_line(context, entry, names, gone=True))  # who, what, when only
            continue
        if label is not None:
            if not may_see(reader, label[0], **label[1]):
                hidden += 1
                continue
            strictest = (
                label[0] if strictest is None or label[0].rank > strictest.rank else strictest
            )
        shown.append(_line(context, entry, names, gone=False))
    return _reply(context, target, offset, found, shown, hidden, strictest)


LABELLED = frozenset({"knowledge", "bottleneck", "action", "question"})


def _writers(context: Context, target: Subject) -> frozenset[int]:
    """Who wrote the subject: its author, its reporter, or an action's creator and owner."""
    kind, number = target
    with context.db.read() as session:
        if kind == "knowledge":
            return frozenset(i.author_id for i in knowledge.views(session, [number]) if i.author_id)
        if kind == "bottleneck":
            found = bottlenecks.views(session, [number])
            return frozenset(b.reporter_id for b in found if b.reporter_id)
        rows = actions.views(session, [number])
        return frozenset(m for a in rows for m in (a.creator_id, a.owner_id) if m)


def _names(session: Any, entries: Iterable[AuditView]) -> dict[int, str]:
    """Names of the members a label change named as readers."""
    ids = [i for e in entries for side in _sides(e.details.get("recipients")) for i in side]
    return {m.id: m.display_name for m in members.members_by_ids(session, ids).values()}


def _sides(value: Any) -> list[list[int]]:
    if isinstance(value, dict):
        return [[i for i in value.get(k) or [] if isinstance(i, int)] for k in ("before", "after")]
    return []


LabelOf = tuple[TLP, dict[str, Any]]


def _labels(session: Any, entries: Iterable[AuditView]) -> dict[tuple[str, str | None], LabelOf]:
    """The current label and origin of each subject the entries are about."""
    wanted: dict[str, set[int]] = {}
    for entry in entries:
        if entry.subject_id and entry.subject_id.isdigit():
            wanted.setdefault(entry.subject_type, set()).add(int(entry.subject_id))
    found: dict[tuple[str, str | None], LabelOf] = {}
    for item in knowledge.views(session, sorted(wanted.get("knowledge", ()))):
        found["knowledge", str(item.id)] = (item.tlp, {
            "organisation_id": item.organisation_id, "author_id": item.author_id,
            "recipient_ids": item.recipient_ids})  # fmt: skip
    for b in bottlenecks.views(session, sorted(wanted.get("bottleneck", ()))):
        found["bottleneck", str(b.id)] = (b.tlp, {
            "organisation_id": b.organisation_id, "author_id": b.reporter_id})  # fmt: skip
    for q in questions.views(session, sorted(wanted.get("question", ()))):
        found["question", str(q.id)] = (q.tlp, {
            "organisation_id": q.organisation_id, "author_id": q.asker_id})  # fmt: skip
    for a in actions.views(session, sorted(wanted.get("action", ()))):
        found["action", str(a.id)] = (a.tlp, {
            "organisation_id": a.organisation_id, "author_id": a.creator_id})  # fmt: skip
    return found


def _line(context: Context, entry: AuditView, names: dict[int, str], *, gone: bool) -> str:
    """`3 december 2026 14:02 · Anna de Vries · kennisitem #12 · gewijzigd: label
    TLP:GREEN → TLP:AMBER`, in the reader's time zone and language."""
    when = f"{context.date(entry.at)} {entry.at.astimezone(context.timezone):%H:%M}"
    who = entry.actor_name or entry.actor
    key = f"audit.{entry.action}"
    what = context.t(key) if knows(key) else entry.action
    subject = context.t(f"logbook.subject.{entry.subject_type}", number=entry.subject_id or "")
    if gone:
        subject += f" {context.t('logbook.gone')}"
    parts = [_detail(context, key, value, names) for key, value in sorted(entry.details.items())
             if not (gone and key in CONTENT)]  # fmt: skip
    details = "; ".join(p for p in parts if p)
    return f"{when} · {who} · {subject} · {what}" + (f": {details}" if details else "")


def _detail(context: Context, key: str, value: Any, names: dict[int, str]) -> str:
    if value is None or value == "" or key in HIDDEN_FIELDS:
        return ""
    label = f"logbook.field.{key}"
    name = context.t(label) if knows(label) else key
    if key == "recipients" and isinstance(value, dict):
        before, after = (", ".join(names.get(i, f"#{i}") for i in side) or "—"
                         for side in _sides(value))  # fmt: skip
        return f"{name} {before} → {after}"
    if isinstance(value, dict) and "before" in value and "after" in value:
        return f"{name} {_value(context, value['before'])} → {_value(context, value['after'])}"
    if value is True:
        return name
    return f"{name} {_value(context, value)}"


# Ids that mean nothing to a reader (the subject and the member are named already).
HIDDEN_FIELDS = frozenset({"organisation_id", "user"})


def _value(context: Context, value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "—"
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return format_date(date.fromisoformat(text), context.language)
    return f"“{text[:80]}”" if " " in text else text


def _reply(
    context: Context,
    target: Subject | None,
    offset: int,
    found: list[AuditView],
    shown: list[str],
    hidden: int,
    strictest: TLP | None,
) -> Reply:
    title = (context.t("logbook.title_all") if target is None
             else context.t(f"logbook.title.{target[0]}", number=target[1]))  # fmt: skip
    lines = shown or [context.t("logbook.empty")]
    if hidden:
        lines.append(context.t("logbook.hidden", count=hidden))
    buttons: tuple[Button, ...] = ()
    if len(found) > PAGE:
        kind, number = target if target else ("", "")
        value = f"{kind}:{number}:{offset + PAGE}"
        buttons = (Button(MORE, value, context.t("logbook.more")),)
    return Reply(
        text=f"**{title}**",
        sections=(Section(text="\n".join(f"• {line}" for line in lines)),),
        buttons=buttons,
        tlp=strictest,
    )


# --- `ciso-bot audit`, for the administrator ------------------------------------------


def audit_csv(entries: Iterable[AuditView], zone: ZoneInfo) -> str:
    """The audit log as CSV (as Dutch Excel opens it), oldest first: the whole of it,
    as the database holds it (whoever has the file has the database)."""
    header = ["tijd", "wie", "naam", "wat", "onderwerp", "nummer", "details"]
    rows = (
        [e.at.astimezone(zone).isoformat(timespec="seconds"), cell(e.actor),
         cell(e.actor_name or ""), e.action, e.subject_type, e.subject_id or "",
         cell(json.dumps(e.details, ensure_ascii=False, sort_keys=True))]
        for e in entries
    )  # fmt: skip
    return csv_document(header, rows)


def audit_text(entries: Iterable[AuditView], zone: ZoneInfo) -> str:
    """One line an entry: `2026-12-03T14:02:00+01:00 console:anna knowledge.updated …`."""
    return "".join(
        f"{e.at.astimezone(zone).isoformat(timespec='seconds')}  {e.actor_name or e.actor}  "
        f"{e.action}  {e.subject_type} {e.subject_id or ''}  "
        f"{json.dumps(e.details, ensure_ascii=False, sort_keys=True)}\n"
        for e in entries
    )
