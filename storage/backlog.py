"""What the bot still owes, for the metrics: messages due and not yet out, and late ones.

One query per kind, on the indexes the sweep uses; it reads, never claims.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage import digests, outbox, reminders
from storage.models import Digest, OutboxMessage, Reminder


@dataclass(frozen=True)
class Backlog:
    kind: str  # reminder, digest, notice
    waiting: int  # due and not yet sent
    late: int  # of those, due longer ago than the lateness rule allows
    sent_late: int  # sent, but late (kept in the database, so it survives a restart)


def backlog(session: Session, now: datetime, late_after: timedelta) -> list[Backlog]:
    owed = (reminders.PENDING, reminders.SENDING, reminders.FAILED)
    owed_digests = (digests.PENDING, digests.SENDING, digests.FAILED)
    found = [
        _count(session, "reminder", Reminder, owed, now, late_after, Reminder.late),
        _count(session, "digest", Digest, owed_digests, now, late_after, Digest.late),
        _count(
            session,
            "notice",
            OutboxMessage,
            (outbox.PENDING, outbox.SENDING),
            now,
            late_after,
            None,
        ),
    ]
    return found


def _count(
    session: Session,
    kind: str,
    model: Any,
    owed: tuple[str, ...],
    now: datetime,
    late_after: timedelta,
    late_column: Any,
) -> Backlog:
    due = select(func.count()).select_from(model).where(model.state.in_(owed))
    waiting = session.scalar(due.where(model.due_at <= now)) or 0
    late = session.scalar(due.where(model.due_at <= now - late_after)) or 0
    sent_late = 0
    if late_column is not None:
        sent = select(func.count()).select_from(model).where(late_column.is_(True))
        sent_late = session.scalar(sent) or 0
    return Backlog(kind, waiting, late, sent_late)
