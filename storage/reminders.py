"""Reminders as rows: planned, claimed by one sweep, sent exactly once (as near as can be).

A sweep claims due rows with one `UPDATE … RETURNING` (state `sending`, its claim
token), sends, then marks each `sent` only while the claim is still its own. A row
left `sending` by a process that stopped beating (`storage.instances`) is claimed
again, marked `maybe_sent` so the adapter looks before it sends, so a crash repeats
nothing the platform can show. Claims read the
`(state, due_at)` index, so a sweep costs what is due, not what is planned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import cast

from sqlalchemy import Table, bindparam, delete, insert, select, text, update
from sqlalchemy.orm import Session

from storage import instances
from storage.db import affected_rows
from storage.dialect import POSTGRESQL, SQLITE, name_of, upsert
from storage.models import Action, Member, Notice, Reminder, UTCDateTime
from storage.views import ReminderView

PENDING = "pending"
SENDING = "sending"
SENT = "sent"
FAILED = "failed"  # the retry ladder is used up: still owed, tried every hour
REPORTED = "reported"  # earlier versions: failed, given up, the werkgroep told
CANCELLED = "cancelled"
SUPERSEDED = "superseded"  # not sent: a later reminder of the action went out with it

# Claimed per sweep; a full batch asks for another sweep at once (JobContext.more_due).
# Small, so that running bots on PostgreSQL share a backlog, and a bot that dies
# leaves few claims for another to take over.
BATCH = 50


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


_REMINDERS = cast(Table, Reminder.__table__)
_ADD = insert(_REMINDERS)


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
    if rows:  # Core, not the ORM: a sweep adds one after each reminder it sends
        session.connection().execute(_ADD, rows)


# Rare states are read through the (state, due_at) index by name: once most rows are
# `sent`, SQLite's statistics would otherwise make it scan the whole table for them.
# PostgreSQL has no such hint, nor needs it (its statistics count the states).
_HINT = {SQLITE: " INDEXED BY ix_reminders_state_due_at", POSTGRESQL: ""}
_ABANDONED = {
    dialect: text(
        f"SELECT id FROM reminders{hint} WHERE state = 'sending' AND claim != :token AND "
        "claim NOT IN (SELECT token FROM instances WHERE beat_at > :alive) LIMIT :limit"
    )
    for dialect, hint in _HINT.items()
}
_OWED = {
    dialect: text(
        f"SELECT id FROM reminders{hint} WHERE state = 'failed' AND due_at <= :now "
        "ORDER BY due_at LIMIT :limit"
    ).bindparams(bindparam("now", type_=UTCDateTime()))
    for dialect, hint in _HINT.items()
}


def claim_due(
    session: Session, now: datetime, token: str, limit: int = BATCH
) -> list[ReminderView]:
    """Claim what is due, what is owed (failed before) and is due again, and what a
    process that stopped beating left half-sent; earliest first."""
    # Index range reads on (state, due_at), not one OR that would scan the table.
    due = (
        select(Reminder.id)
        .where(Reminder.state == PENDING, Reminder.due_at <= now)
        .order_by(Reminder.due_at, Reminder.id)
        .limit(limit)
    )
    alive = instances.now(session) - instances.GONE_AFTER
    dialect = name_of(session)
    left_behind = set(
        session.scalars(_ABANDONED[dialect], {"token": token, "alive": alive, "limit": limit})
    )
    owed = list(session.scalars(_OWED[dialect], {"now": now, "limit": limit}))
    chosen = list(left_behind) + owed + list(session.scalars(due))
    if not chosen:
        return []
    claimed = list(
        session.scalars(
            update(Reminder)
            .where(Reminder.id.in_(chosen[:limit]))
            .values(state=SENDING, claim=token, claimed_at=now, attempts=Reminder.attempts + 1)
            .returning(Reminder.id)
        )
    )
    if not claimed:
        return []
    rows = session.scalars(select(Reminder).where(Reminder.id.in_(claimed)))
    views = [replace(_view(r), maybe_sent=r.maybe_sent or r.id in left_behind) for r in rows]
    return sorted(views, key=lambda r: (r.due_at, r.id))


def get(session: Session, reminder_id: int) -> ReminderView | None:
    row = session.get(Reminder, reminder_id)
    return _view(row) if row else None


@dataclass(frozen=True)
class Sent:
    """What a reminder just recorded as sent leads to: its kind, action and recipient."""

    kind: str
    action_id: int
    recipient_id: int | None


# A sweep records every reminder it sends: statements built once, run as Core (the ORM's
# per-statement work was most of a sweep's cost).
_MARK_SENT = (
    update(_REMINDERS)
    .where(
        _REMINDERS.c.id == bindparam("p_id"),
        _REMINDERS.c.state == SENDING,
        _REMINDERS.c.claim == bindparam("p_token"),
    )
    .values(
        state=SENT,
        sent_at=bindparam("p_at", type_=UTCDateTime()),
        late=_REMINDERS.c.planned_at < bindparam("p_late_before", type_=UTCDateTime()),
        error=None,
        maybe_sent=False,
    )
    .returning(_REMINDERS.c.kind, _REMINDERS.c.action_id, _REMINDERS.c.recipient_id)
)


def mark_sent(
    session: Session, reminder_id: int, token: str, at: datetime, *, late_before: datetime
) -> Sent | None:
    """Record the send, if this claim still holds (late when it was planned before
    `late_before`); None means someone else has it."""
    row = (
        session.connection()
        .execute(
            _MARK_SENT,
            {"p_id": reminder_id, "p_token": token, "p_at": at, "p_late_before": late_before},
        )
        .first()
    )
    return Sent(row.kind, row.action_id, row.recipient_id) if row else None


_ACTIONS = cast(Table, Action.__table__)
_MEMBERS = cast(Table, Member.__table__)
_FOLLOW_UP = (
    select(_ACTIONS.c.deadline, _MEMBERS.c.timezone)
    .join(_MEMBERS, _MEMBERS.c.id == bindparam("p_member"))
    .where(_ACTIONS.c.id == bindparam("p_action"), _ACTIONS.c.status == "open")
)
_COUNT_OVERDUE = (
    update(_ACTIONS)
    .where(_ACTIONS.c.id == bindparam("p_action"))
    .values(overdue_reminders=_ACTIONS.c.overdue_reminders + 1)
)


def follow_up(session: Session, sent: Sent) -> tuple[date, str | None] | None:
    """For a reminder on or after the deadline: its open action's deadline and the
    recipient's time zone (to plan the next overdue one), counting an overdue one
    sent; None when the action is closed or gone, or the recipient is gone."""
    if sent.recipient_id is None:
        return None
    connection = session.connection()
    row = connection.execute(
        _FOLLOW_UP, {"p_action": sent.action_id, "p_member": sent.recipient_id}
    ).first()
    if row is None:
        return None
    if sent.kind == "overdue":
        connection.execute(_COUNT_OVERDUE, {"p_action": sent.action_id})
    return row.deadline, row.timezone


def mark_failed(
    session: Session,
    reminder_id: int,
    token: str,
    error: str,
    retry_at: datetime,
    *,
    owed: bool = False,
    maybe_sent: bool = False,
) -> bool:
    """Try again at `retry_at`: `pending` on the ladder, `failed` (owed) after it.

    `maybe_sent`: the try may have reached the platform; the next one looks first.
    """
    values: dict[str, object] = {
        "error": error[:300],
        "claim": None,
        "due_at": retry_at,
        "state": FAILED if owed else PENDING,
        "maybe_sent": maybe_sent,
    }
    return bool(
        affected_rows(
            session,
            update(Reminder)
            .where(Reminder.id == reminder_id, Reminder.state == SENDING, Reminder.claim == token)
            .values(**values),
        )
    )


def release(session: Session, reminder_id: int, token: str, state: str = CANCELLED) -> None:
    """Drop a claimed reminder unsent: its action changed (`cancelled`), or a later
    reminder of the same action goes out instead (`superseded`)."""
    session.execute(
        update(Reminder)
        .where(Reminder.id == reminder_id, Reminder.claim == token, Reminder.state == SENDING)
        .values(state=state, claim=None)
    )


def planned(
    session: Session, until: datetime | None = None, states: Iterable[str] = (PENDING, SENDING)
) -> list[ReminderView]:
    """Reminders still to go, earliest first (up to `until`)."""
    stmt = select(Reminder).where(Reminder.state.in_(list(states)))
    if until is not None:
        stmt = stmt.where(Reminder.due_at <= until)
    return [_view(r) for r in session.scalars(stmt.order_by(Reminder.due_at, Reminder.id))]


def forget_notices(session: Session, prefix: str, before: datetime) -> int:
    """Drop claimed keys with `prefix` from before `before` (they cannot come back)."""
    return affected_rows(
        session,
        delete(Notice).where(
            Notice.key.startswith(prefix, autoescape=True), Notice.sent_at < before
        ),
    )


_NOTICES = cast(Table, Notice.__table__)
# Every command claims its platform's id for it (a retry must not act twice): one
# statement, the key's primary key deciding.
_CLAIM = {
    dialect: upsert(dialect, _NOTICES)
    .values(key=bindparam("p_key"), sent_at=bindparam("p_at", type_=UTCDateTime()))
    .on_conflict_do_nothing(index_elements=[_NOTICES.c.key])
    .returning(_NOTICES.c.key)  # psycopg's rowcount of an INSERT does not reach SQLAlchemy
    for dialect in (SQLITE, POSTGRESQL)
}


def claim_notice(session: Session, key: str, at: datetime) -> bool:
    """True exactly once per key: whoever claims it sends the notice."""
    found = session.connection().execute(_CLAIM[name_of(session)], {"p_key": key, "p_at": at})
    return found.first() is not None
