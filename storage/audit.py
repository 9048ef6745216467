"""The audit log: every state change is recorded in the same transaction as the change."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import AuditEntry, Member
from storage.views import Actor


def record(
    session: Session,
    actor: Actor,
    action: str,
    subject_type: str,
    subject_id: object | None,
    at: datetime,
    **details: Any,
) -> None:
    """Add one audit entry for a change made in `session`."""
    session.add(
        AuditEntry(
            at=at,
            actor_id=actor.member_id,
            actor=actor.ref,
            action=action,
            subject_type=subject_type,
            subject_id=None if subject_id is None else str(subject_id),
            details=json.dumps(details, ensure_ascii=False, default=str, sort_keys=True),
        )
    )


@dataclass(frozen=True)
class AuditView:
    id: int
    at: datetime
    actor: str  # "platform:user id" as it was, kept when the member goes
    actor_id: int | None
    actor_name: str | None  # the member's name now, when they are still known
    action: str
    subject_type: str
    subject_id: str | None
    details: dict[str, Any]


def entries(
    session: Session,
    *,
    subject: tuple[str, int] | None = None,
    actor_id: int | None = None,
    since: datetime | None = None,
    offset: int = 0,
    limit: int | None = None,
    oldest_first: bool = False,
) -> list[AuditView]:
    """Audit entries, newest first (by when they happened): about one subject, by one
    member, since a moment."""
    order = (AuditEntry.at, AuditEntry.id) if oldest_first else (
        AuditEntry.at.desc(), AuditEntry.id.desc())  # fmt: skip
    stmt = (
        select(AuditEntry, Member.display_name)
        .outerjoin(Member, Member.id == AuditEntry.actor_id)
        .order_by(*order)
        .offset(offset)
    )
    if subject is not None:
        stmt = stmt.where(
            AuditEntry.subject_type == subject[0], AuditEntry.subject_id == str(subject[1])
        )
    if actor_id is not None:
        stmt = stmt.where(AuditEntry.actor_id == actor_id)
    if since is not None:
        stmt = stmt.where(AuditEntry.at >= since)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [
        AuditView(
            id=row.id,
            at=row.at,
            actor=row.actor,
            actor_id=row.actor_id,
            actor_name=name,
            action=row.action,
            subject_type=row.subject_type,
            subject_id=row.subject_id,
            details=_details(row.details),
        )
        for row, name in session.execute(stmt)
    ]


def _details(text: str) -> dict[str, Any]:
    try:
        found = json.loads(text or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}
