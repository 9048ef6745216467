"""The audit log: every state change is recorded in the same transaction as the change."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from storage.models import AuditEntry
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
