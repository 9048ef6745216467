"""Requests held back until their author answers a question (which label?).

Nothing a held request would store is stored; the request itself waits here, in the
database, so that the answer still works after a restart. Only the person who sent
it can take it back, and it is forgotten after a day.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import HeldRequest

KEPT = timedelta(days=1)


def hold(session: Session, at: datetime, platform: str, user_id: str, request: str) -> int:
    """Keep a request (as JSON) for its sender; returns its number."""
    row = HeldRequest(platform=platform, user_id=user_id, request=request, created_at=at)
    session.add(row)
    session.flush()
    return row.id


def take(session: Session, at: datetime, held_id: int, platform: str, user_id: str) -> str | None:
    """The held request, removed, if it is this sender's and still fresh."""
    row = session.scalar(
        select(HeldRequest).where(
            HeldRequest.id == held_id,
            HeldRequest.platform == platform,
            HeldRequest.user_id == user_id,
        )
    )
    if row is None:
        return None
    session.delete(row)
    return row.request if row.created_at >= at - KEPT else None


def forget(session: Session, at: datetime) -> None:
    """Drop requests nobody answered within a day."""
    session.execute(delete(HeldRequest).where(HeldRequest.created_at < at - KEPT))
