"""The outbox: every message the bot sends on its own that is not a reminder or digest.

Notices to the werkgroep, its weekly overview, supporters' DMs, late-answer notices:
each is a row per recipient with a unique key, written in the transaction that
decided to send it, so a notice is planned once and never lost. Sending follows the
reminders' protocol: claim (`sending`, a process's token), send, then `sent` only
while the claim is still ours. A failed send goes back to `pending` with a later
`due_at`; a claim whose process stopped beating is taken over, marked `maybe_sent`,
so that the adapter looks for the message before it sends it again.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage import instances
from storage.db import affected_rows
from storage.dialect import upsert
from storage.models import OutboxMessage

PENDING = "pending"
SENDING = "sending"
SENT = "sent"
EXPIRED = "expired"  # still undelivered when it no longer meant anything
# Claimed per sweep; a full batch asks for another sweep at once (JobContext.more_due).
# Small, so that running bots on PostgreSQL share a backlog, and a bot that dies
# leaves few claims for another to take over.
BATCH = 50


class Outgoing(NamedTuple):
    id: int
    payload: str
    created_at: datetime
    attempts: int
    maybe_sent: bool


def enqueue(
    session: Session, key: str, payload: str, now: datetime, *, claim: str | None = None
) -> int | None:
    """Plan a message once: its id, or None when its key was planned before.

    With `claim`, the row is claimed by that process at once: it sends the message
    itself now (an answer's DM to someone else) and records the outcome.
    """
    values: dict[str, object] = {
        "key": key[:160],
        "payload": payload,
        "state": SENDING if claim else PENDING,
        "attempts": 1 if claim else 0,
        "created_at": now,
        "due_at": now,
        "claim": claim,
        "claimed_at": now if claim else None,
        "maybe_sent": False,
    }
    found = session.scalar(
        upsert(session, OutboxMessage)
        .values(**values)
        .on_conflict_do_nothing()
        .returning(OutboxMessage.id)
    )
    return int(found) if found is not None else None


def claim_due(session: Session, now: datetime, token: str, limit: int = BATCH) -> list[Outgoing]:
    """Claim what is due, and what a process that stopped beating left half-sent."""
    abandoned = set(
        session.scalars(
            select(OutboxMessage.id)
            .where(
                OutboxMessage.state == SENDING,
                OutboxMessage.claim != token,
                OutboxMessage.claim.not_in(instances.live(session)),
            )
            .limit(limit)
        )
    )
    due = session.scalars(
        select(OutboxMessage.id)
        .where(OutboxMessage.state == PENDING, OutboxMessage.due_at <= now)
        .order_by(OutboxMessage.due_at, OutboxMessage.id)
        .limit(limit)
    )
    chosen = (list(abandoned) + list(due))[:limit]
    if not chosen:
        return []
    rows = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(chosen))
        .values(state=SENDING, claim=token, claimed_at=now, attempts=OutboxMessage.attempts + 1)
        .returning(
            OutboxMessage.id,
            OutboxMessage.payload,
            OutboxMessage.created_at,
            OutboxMessage.attempts,
            OutboxMessage.maybe_sent,
        )
    ).all()
    found = [
        Outgoing(r.id, r.payload, r.created_at, r.attempts, r.maybe_sent or r.id in abandoned)
        for r in rows
    ]
    return sorted(found, key=lambda m: m.id)


def get(session: Session, message_id: int) -> Outgoing | None:
    row = session.get(OutboxMessage, message_id)
    if row is None:
        return None
    return Outgoing(row.id, row.payload, row.created_at, row.attempts, row.maybe_sent)


def _settle(session: Session, message_id: int, token: str, **values: object) -> bool:
    """Change a claimed row, if this claim still holds; False means someone else has it."""
    return bool(
        affected_rows(
            session,
            update(OutboxMessage)
            .where(
                OutboxMessage.id == message_id,
                OutboxMessage.state == SENDING,
                OutboxMessage.claim == token,
            )
            .values(**values),
        )
    )


def mark_sent(session: Session, message_id: int, token: str, at: datetime) -> bool:
    """Record the send, if this claim still holds; False means someone else has it."""
    return _settle(session, message_id, token, state=SENT, sent_at=at, claim=None, error=None)


def mark_failed(
    session: Session,
    message_id: int,
    token: str,
    error: str,
    retry_at: datetime | None,
    *,
    maybe_sent: bool,
) -> bool:
    """Try again at `retry_at` (looking first when `maybe_sent`), or expire when None."""
    values: dict[str, object] = {"error": error[:300], "claim": None, "maybe_sent": maybe_sent}
    values |= {"state": PENDING, "due_at": retry_at} if retry_at else {"state": EXPIRED}
    return _settle(session, message_id, token, **values)
