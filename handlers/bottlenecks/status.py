"""`/knelpunt status|heropen|antwoord|samenvoegen|vraag`: the werkgroep moves bottlenecks on.

Every change is stored with its history line before anyone is told; the reporter and
supporters then hear of it by DM. A scheduled job reminds the werkgroep when a
national answer is late: once, then weekly.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from storage import bottleneck_status, bottleneck_support, bottlenecks
from storage.bottleneck_status import Escalation, TransitionRefused
from storage.bottlenecks import ANSWERED, ESCALATED, IN_PROGRESS, REJECTED, SOLVED
from storage.tlp import derived_label, strictest
from storage.views import BottleneckView

from handlers import delivery, notices
from handlers.bottlenecks.common import (
    may_see_bottleneck,
    number_and_rest,
    tell_workgroup,
    threshold_notice,
    visible,
)
from handlers.bottlenecks.views import byline, count_text, heading, show_button, status_text
from handlers.context import Context, JobContext
from handlers.core import Router, Subcommand
from handlers.messages import Reply, Section, UserError
from handlers.parsing import clean
from handlers.permissions import require_role

MAX_REASON = 4_000

# Status words as people type them; the first of each is the one we suggest.
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    IN_PROGRESS: ("in-behandeling", "inbehandeling", "behandeling", "in-progress", "progress"),
    ESCALATED: ("geescaleerd", "geëscaleerd", "escaleren", "escalated", "escalate"),
    ANSWERED: ("beantwoord", "answered"),
    SOLVED: ("opgelost", "resolved", "solved"),
    REJECTED: ("afgewezen", "afwijzen", "rejected", "reject"),
    "reopen": ("heropend", "heropenen", "heropen", "reopen", "reopened"),
}
_BY_WORD = {word: status for status, words in STATUS_WORDS.items() for word in words}
_REASON = re.compile(r"\s+(?:—|–|--)\s+|\s+(?:—|–)|(?:—|–)\s+")
_KEYWORD = re.compile(
    r"\b(naar|to|kenmerk|ref|reference|verwacht|expected)\s+(.+?)"
    r"(?=\s+\b(?:naar|to|kenmerk|ref|reference|verwacht|expected)\b|$)",
    re.IGNORECASE,
)


def register(router: Router) -> None:
    router.add_job("bottleneck.late_answers", late_answers)


@dataclass(frozen=True)
class StatusChange:
    status: str  # a storage status, or "reopen"
    body: str | None = None
    reference: str | None = None
    expected: str | None = None
    reason: str | None = None


def status_word(word: str) -> str:
    """The status `word` means, or a UserError that suggests the closest one."""
    folded = word.lower().strip(".,;:")
    if folded in _BY_WORD:
        return _BY_WORD[folded]
    close = difflib.get_close_matches(folded, list(_BY_WORD), n=1, cutoff=0.6)
    if close:
        raise UserError("bottleneck.status_did_you_mean", word=word[:40], suggestion=close[0])
    raise UserError("bottleneck.status_unknown", word=word[:40] or "…")


def parse_status(text: str) -> StatusChange:
    """`in-behandeling|geescaleerd … [naar X] [kenmerk Y] [verwacht Z] [— toelichting]`."""
    head, *tail = _REASON.split(clean(text), maxsplit=1)
    reason = tail[0].strip() if tail else ""
    head = re.sub(r"^\s*in\s+behandeling\b", "in-behandeling", head, flags=re.IGNORECASE)
    parts = head.split(maxsplit=1)
    if not parts:
        raise UserError("bottleneck.status_usage")
    status = status_word(parts[0])
    remainder = parts[1] if len(parts) > 1 else ""
    found: dict[str, str] = {}
    for match in _KEYWORD.finditer(remainder):
        key = {"to": "naar", "ref": "kenmerk", "reference": "kenmerk", "expected": "verwacht"}.get(
            match.group(1).lower(), match.group(1).lower()
        )
        found[key] = match.group(2).strip()
    leftover = _KEYWORD.sub("", remainder).strip()
    if leftover and not reason:
        reason = leftover  # people forget the dash before their explanation
    elif leftover:
        raise UserError("bottleneck.status_usage")
    if len(reason) > MAX_REASON:
        raise UserError("bottleneck.note_too_long", limit=MAX_REASON)
    return StatusChange(
        status=status,
        body=found.get("naar"),
        reference=found.get("kenmerk", "")[:120] or None,
        expected=found.get("verwacht"),
        reason=reason or None,
    )


def escalation_body(context: Context, written: str | None) -> str:
    bodies = context.settings.escalation_bodies
    if not written:
        raise UserError("bottleneck.needs_body", bodies=", ".join(bodies))
    by_fold = {b.lower(): b for b in bodies}
    if written.lower() in by_fold:
        return by_fold[written.lower()]
    close = difflib.get_close_matches(written.lower(), list(by_fold), n=1, cutoff=0.5)
    suggestion = context.t("bottleneck.did_you_mean", word=by_fold[close[0]]) if close else ""
    raise UserError(
        "bottleneck.unknown_body", body=written[:40], bodies=", ".join(bodies), hint=suggestion
    )


def local_midnight(context: Context | JobContext, day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=context.timezone)


def change_status(context: Context, rest: str) -> list[Reply]:
    require_role(context, "werkgroep", "beheerder")
    number, remainder = number_and_rest(rest)
    change = parse_status(remainder)
    found, _asked = visible(context, number)
    if change.status == "reopen" or (
        change.status == IN_PROGRESS and found.status in bottleneck_status.CLOSED_STATUSES
    ):
        require_role(context, "werkgroep")
        change = StatusChange(IN_PROGRESS, reason=change.reason)
    return apply(context, found, change)


def reopen(context: Context, rest: str) -> list[Reply]:
    number, remainder = number_and_rest(rest)
    return change_status(context, f"{number} heropend {remainder}".strip())


def answer(context: Context, rest: str) -> list[Reply]:
    require_role(context, "werkgroep", "beheerder")
    number, text = number_and_rest(rest)
    found, _asked = visible(context, number)
    return apply(context, found, StatusChange(ANSWERED, reason=clean(text) or None))


def apply(context: Context, found: BottleneckView, change: StatusChange) -> list[Reply]:
    """Check the change, store it with its history line, then tell who should know."""
    escalation = None
    if change.status == ESCALATED:
        body = escalation_body(context, change.body)
        if change.expected:
            due = context.deadlines().parse(change.expected, allow_today=False)
        else:
            due = context.today() + timedelta(weeks=context.settings.answer_weeks)
        escalation = Escalation(body, change.reference, local_midnight(context, due))
    if change.status in (ANSWERED, REJECTED) and not change.reason:
        raise UserError(
            "bottleneck.answer_usage" if change.status == ANSWERED else "bottleneck.needs_reason",
            id=found.id,
        )
    try:
        with context.db.write() as session:
            updated = bottleneck_status.change_status(
                session,
                context.caller.actor,
                context.caller.name,
                context.now(),
                found.id,
                change.status,
                reason=change.reason,
                escalation=escalation,
            )
    except TransitionRefused as refused:
        allowed = bottleneck_status.allowed_next(refused.old)
        raise UserError(
            "bottleneck.transition_refused",
            id=found.id,
            old=context.t("status." + refused.old),
            new=context.t("status." + refused.new),
            allowed=", ".join(STATUS_WORDS[s][0] for s in sorted(allowed)) or "—",
        ) from None
    confirmation = Reply(
        text=context.t(
            "bottleneck.status_changed",
            id=updated.id,
            title=updated.title,
            status=status_text(context, updated.status),
        )
        + escalation_line(context, updated),
        buttons=(show_button(context, updated),),
        tlp=updated.tlp,
    )
    return [confirmation, *tell_involved(context, updated, change.reason)]


def escalation_line(context: Context, b: BottleneckView) -> str:
    if b.status != ESCALATED or not b.answer_due:
        return ""
    return "\n" + context.t(
        "bottleneck.answer_expected", body=b.escalated_to, date=context.date(b.answer_due)
    )


def tell_involved(context: Context, b: BottleneckView, reason: str | None) -> list[Reply]:
    """DM the reporter and supporters (and, for an answer, every CISO of their municipalities)."""
    with context.db.read() as session:
        contacts = bottleneck_support.supporter_contacts(
            session, b.id, role="ciso" if b.status == ANSWERED else None
        )
    key = "bottleneck.answer_dm" if b.status == ANSWERED else "bottleneck.status_dm"

    def message(w: notices.Writer) -> tuple[str, tuple[Section, ...]]:
        text = w.t(key, id=b.id, title=b.title, status=status_text(w, b.status))
        if b.status == ESCALATED and b.answer_due:
            text += "\n" + w.t(
                "bottleneck.answer_expected", body=b.escalated_to, date=w.date(b.answer_due)
            )
        if reason:
            text += "\n> " + reason.replace("\n", "\n> ")
        return text, (Section(text=heading(b), context=byline(w, b)),)

    return notices.direct(
        contacts,
        context.settings,
        message,
        tlp=b.tlp,
        skip=context.caller.member_id,
        may_read=lambda m: may_see_bottleneck(m, b),
        buttons=(show_button(context, b),),
    )


def merge(context: Context, rest: str) -> list[Reply]:
    require_role(context, "werkgroep")
    match = re.fullmatch(r"\s*(\S+)\s+(?:naar|in|into|met|with|to)\s+(\S+)\s*", rest)
    if not match:
        raise UserError("bottleneck.merge_usage")
    source_id, _ = number_and_rest(match.group(1))
    target_id, _ = number_and_rest(match.group(2))
    source, _asked = visible(context, source_id)
    target, _asked = visible(context, target_id)
    if source.id == target.id:
        raise UserError("bottleneck.merge_same", id=source.id)
    sources = ((source.tlp, source.organisation_id), (target.tlp, target.organisation_id))
    if derived_label(sources) is None:
        raise UserError("bottleneck.merge_strict_orgs", old=source.id, id=target.id,
                        tlp=strictest(label for label, _ in sources))  # fmt: skip
    with context.db.read() as session:
        told = bottleneck_support.supporter_contacts(session, source.id)
    with context.db.write() as session:
        merged = bottleneck_status.merge(
            session, context.caller.actor, context.caller.name, context.now(), source.id, target.id
        )
        ready = bottleneck_support.claim_threshold(
            session, target.id, context.now(), context.settings.escalation_threshold
        )
    kept = merged.kept
    text = context.t(
        "bottleneck.merged",
        old=source.id,
        id=kept.id,
        title=kept.title,
        count=count_text(context, kept),
    )
    if merged.label_raised:
        text += "\n" + context.t("bottleneck.merge_label", id=kept.id, tlp=kept.tlp.value)

    def message(w: notices.Writer) -> tuple[str, tuple[Section, ...]]:
        return w.t("bottleneck.merged_dm", old=source.id, id=kept.id, title=kept.title), ()

    def hidden(w: notices.Writer) -> tuple[str, tuple[Section, ...]]:
        return w.t("bottleneck.merged_dm_hidden", old=source.id, tlp=kept.tlp.value), ()

    replies = [Reply(text=text, buttons=(show_button(context, kept),), tlp=kept.tlp)]
    replies += notices.direct(
        told,
        context.settings,
        message,
        tlp=kept.tlp,
        skip=context.caller.member_id,
        may_read=lambda m: may_see_bottleneck(m, kept),
        without_content=hidden,
    )
    return replies + (threshold_notice(context, kept) if ready else [])


def decision(context: Context, rest: str) -> Reply:
    """What the network asks the national body to decide, for the dossier."""
    require_role(context, "werkgroep")
    number, text = number_and_rest(rest)
    text = clean(text)
    if not text:
        raise UserError("bottleneck.decision_usage", id=number)
    if len(text) > MAX_REASON:
        raise UserError("bottleneck.note_too_long", limit=MAX_REASON)
    found, _asked = visible(context, number)
    with context.db.write() as session:
        bottleneck_status.set_decision_asked(
            session, context.caller.actor, context.caller.name, context.now(), found.id, text
        )
    return Reply(text=context.t("bottleneck.decision_saved", id=found.id), tlp=found.tlp)


def late_answers(context: JobContext) -> Sequence[Reply]:
    """Remind the werkgroep of national answers that are late: once, then weekly.

    Reminders go out on working days from the reminder hour, the day after the
    expected date has passed.
    """
    local = context.now().astimezone(context.timezone)
    today = local.date()
    if not context.settings.work_calendar.is_workday(today):
        return []
    if local.hour < context.settings.reminder_hour:
        return []
    with context.db.write() as session:
        ids = bottleneck_status.claim_late_answers(
            session, context.now(), local_midnight(context, today)
        )
        for b in bottlenecks.views(session, ids):
            delivery.plan(session, f"late-answer:{b.id}:{today}", late_notice(context, b),
                          context.now())  # fmt: skip
    return []


def late_notice(context: JobContext, b: BottleneckView) -> list[Reply]:
    def message(w: notices.Writer) -> tuple[str, tuple[Section, ...]]:
        due = w.date(b.answer_due) if b.answer_due else "?"
        text = w.t(
            "bottleneck.answer_late",
            id=b.id,
            body=b.escalated_to or "?",
            date=due,
            reference=b.reference or "—",
        )
        return text, (Section(text=heading(b), context=byline(w, b)),)

    def without_content(w: notices.Writer) -> tuple[str, tuple[Section, ...]]:
        due = w.date(b.answer_due) if b.answer_due else "?"
        text = w.t(
            "bottleneck.answer_late_hidden",
            id=b.id,
            tlp=b.tlp.value,
            body=b.escalated_to or "?",
            date=due,
        )
        return text, ()

    return tell_workgroup(context.db, context.settings, b, message, without_content)


SUBCOMMANDS: dict[tuple[str, ...], Subcommand] = {
    ("status",): change_status,
    ("heropen", "reopen"): reopen,
    ("antwoord", "answer"): answer,
    ("samenvoegen", "merge"): merge,
    ("vraag", "besluit", "decision"): decision,
}
