"""Reminders as rows: planned, claimed by one sweep, sent exactly once (as near as can be).

A sweep claims due rows with one `UPDATE … RETURNING` (state `sending`, its claim
token), sends, then marks each `sent` only while the claim is still its own. A row
left `sending` by a process that died is claimed again by the next process, so a
crash repeats at most the message that was in flight. Claims read the
`(state, due_at)` index, so a sweep costs what is due, not what is planned.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.orm import Session

from storage.db import affected_rows
from storage.models import Notice, Reminder
from storage.views import ReminderView

PENDING = "pending"
SENDING = "sending"
SENT = "sent"
FAILED = "failed"
CANCELLED = "cancelled"

# A claim older than this, held by another process, belongs to a process that died.
STALE_CLAIM = timedelta(minutes=2)
BATCH = 200


def _view(row: Reminder) -> ReminderView:
    return ReminderView(
        id=row.id,
        action_id=row.action_id,
        recipient_id=row.recipient_id,
        kind=row.kind,
        due_at=row.due_at,
        planned_at=row.planned_at,
        state=row.state,
        attempts=row.attempts,
    )


def cancel(session: Session, action_id: int) -> int:
    """Cancel the action's pending reminders; returns how many."""
    return affected_rows(
        session,
        update(Reminder)
        .where(Reminder.action_id == action_id, Reminder.state == PENDING)
        .values(state=CANCELLED),
    )


def plan(
    session: Session,
    action_id: int,
    recipient_id: int,
    moments: Iterable[tuple[str, datetime]],
) -> None:
    """Replace the action's pending reminders with these (kind, moment) pairs."""
    cancel(session, action_id)
    add(session, action_id, recipient_id, moments)


def add(
    session: Session,
    action_id: int,
    recipient_id: int,
    moments: Iterable[tuple[str, datetime]],
) -> None:
    rows = [
        {
            "action_id": action_id,
            "recipient_id": recipient_id,
            "kind": kind,
            "due_at": moment,
            "planned_at": moment,
            "state": PENDING,
            "attempts": 0,
            "late": False,
        }
        for kind, moment in moments
    ]
    if rows:
        session.execute(insert(Reminder), rows)


def claim_due(session: Session, now: datetime, token: str, limit: int = BATCH) -> list[int]:
    """Claim what is due (and what a dead process left half-sent), earliest first."""
    due = or_(
        and_(Reminder.state == PENDING, Reminder.due_at <= now),
        and_(
            Reminder.state == SENDING,
            Reminder.claim != token,
            Reminder.claimed_at <= now - STALE_CLAIM,
        ),
    )
    chosen = select(Reminder.id).where(due).order_by(Reminder.due_at, Reminder.id).limit(limit)
    claimed = session.execute(
        update(Reminder)
        .where(Reminder.id.in_(chosen.scalar_subquery()))
        .values(state=SENDING, claim=token, claimed_at=now, attempts=Reminder.attempts + 1)
        .returning(Reminder.id, Reminder.due_at)
    )
    return [row_id for row_id, _due in sorted(claimed, key=lambda r: (r[1], r[0]))]


def get(session: Session, reminder_id: int) -> ReminderView | None:
    row = session.get(Reminder, reminder_id)
    return _view(row) if row else None


def mark_sent(session: Session, reminder_id: int, token: str, at: datetime, *, late: bool) -> bool:
    """Record the send, if this claim still holds; False means someone else has it."""
    return bool(
        affected_rows(
            session,
            update(Reminder)
            .where(Reminder.id == reminder_id, Reminder.state == SENDING, Reminder.claim == token)
            .values(state=SENT, sent_at=at, late=late, error=None),
        )
    )


def mark_failed(
    session: Session,
    reminder_id: int,
    token: str,
    error: str,
    retry_at: datetime | None,
) -> bool:
    """Back to pending for a retry at `retry_at`, or failed for good when it is None."""
    values: dict[str, object] = {"error": error[:300], "claim": None}
    values |= {"state": PENDING, "due_at": retry_at} if retry_at else {"state": FAILED}
    return bool(
        affected_rows(
            session,
            update(Reminder)
            .where(Reminder.id == reminder_id, Reminder.state == SENDING, Reminder.claim == token)
            .values(**values),
        )
    )


def release(session: Session, reminder_id: int, token: str) -> None:
    """Give a claimed reminder back untouched (its action changed meanwhile)."""
    session.execute(
        update(Reminder)
        .where(Reminder.id == reminder_id, Reminder.claim == token, Reminder.state == SENDING)
        .values(state=CANCELLED, claim=None)
    )


def planned(
    session: Session, until: datetime | None = None, states: Iterable[str] = (PENDING, SENDING)
) -> list[ReminderView]:
    """Reminders still to go, earliest first (up to `until`)."""
    stmt = select(Reminder).where(Reminder.state.in_(list(states)))
    if until is not None:
        stmt = stmt.where(Reminder.due_at <= until)
    return [_view(r) for r in session.scalars(stmt.order_by(Reminder.due_at, Reminder.id))]


def for_action(session: Session, action_id: int) -> list[ReminderView]:
    stmt = select(Reminder).where(Reminder.action_id == action_id)
    return [_view(r) for r in session.scalars(stmt.order_by(Reminder.due_at, Reminder.id))]


def failed_unreported(session: Session) -> list[ReminderView]:
    """Reminders that failed for good and whose failure nobody was told about yet."""
    reported = set(session.scalars(select(Notice.key).where(Notice.key.like("reminder-failed:%"))))
    stmt = select(Reminder).where(Reminder.state == FAILED).order_by(Reminder.id)
    return [_view(r) for r in session.scalars(stmt) if failure_key(r.id) not in reported]


def failure_key(reminder_id: int) -> str:
    return f"reminder-failed:{reminder_id}"


def claim_notice(session: Session, key: str, at: datetime) -> bool:
    """True exactly once per key: whoever claims it sends the notice."""
    # Write sessions start with BEGIN IMMEDIATE: no other writer between look and insert.
    if session.get(Notice, key) is not None:
        return False
    session.add(Notice(key=key, sent_at=at))
    session.flush()
    return True
