"""Weekly digests as rows: one per recipient per week, claimed, sent, recorded once.

The week's rows are made when its digest falls due (`ensure`); the unique
(member, week) pair makes a second row impossible, so a restart or a second sweep
never plans a digest twice. Sending follows the reminders' protocol: claim with a
token (`sending`), send, then `sent` only while the claim is still ours. A claim
left by a process that died is taken over and marked `maybe_sent`, so the adapter
can look before it sends again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from storage.db import affected_rows
from storage.models import Digest
from storage.views import DigestView

PENDING = "pending"
SENDING = "sending"
SENT = "sent"
FAILED = "failed"  # every attempt failed
REPORTED = "reported"  # failed, and the werkgroep was told
SKIPPED = "skipped"  # the member joined after it fell due: their first is next week's

STALE_CLAIM = timedelta(minutes=2)


def week_key(moment: datetime) -> str:
    """The ISO week of a moment (in the zone it carries): `2027-W10`."""
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def _view(row: Digest, maybe_sent: bool = False) -> DigestView:
    return DigestView(
        id=row.id,
        member_id=row.member_id,
        week=row.week,
        due_at=row.due_at,
        state=row.state,
        attempts=row.attempts,
        maybe_sent=maybe_sent,
    )


def ensure(
    session: Session, week: str, due_at: datetime, member_ids: Iterable[int], state: str = PENDING
) -> None:
    """Plan the week's digest for these members, unless it already is."""
    rows = [
        {
            "member_id": member_id,
            "week": week,
            "due_at": due_at,
            "state": state,
            "attempts": 0,
            "late": False,
        }
        for member_id in member_ids
    ]
    if rows:
        session.execute(insert(Digest).on_conflict_do_nothing(), rows)


def claim_due(session: Session, now: datetime, token: str) -> list[DigestView]:
    """Claim every digest that is due, and those a dead process left half-sent."""
    abandoned = set(
        session.scalars(
            select(Digest.id).where(
                Digest.state == SENDING,
                Digest.claim != token,
                Digest.claimed_at <= now - STALE_CLAIM,
            )
        )
    )
    claimed = session.scalars(
        update(Digest)
        .where(
            or_(
                Digest.id.in_(abandoned),
                (Digest.state == PENDING) & (Digest.due_at <= now),
            )
        )
        .values(state=SENDING, claim=token, claimed_at=now, attempts=Digest.attempts + 1)
        .returning(Digest)
    ).all()
    return sorted(
        (_view(row, maybe_sent=row.id in abandoned) for row in claimed),
        key=lambda d: (d.due_at, d.id),
    )


def get(session: Session, digest_id: int) -> DigestView | None:
    row = session.get(Digest, digest_id)
    return _view(row) if row else None


def mark_sent(session: Session, digest_id: int, token: str, at: datetime, *, late: bool) -> bool:
    """Record the digest as sent, if this claim still holds it."""
    return (
        affected_rows(
            session,
            update(Digest)
            .where(Digest.id == digest_id, Digest.state == SENDING, Digest.claim == token)
            .values(state=SENT, sent_at=at, late=late, claim=None, error=None),
        )
        == 1
    )


def mark_failed(
    session: Session, digest_id: int, token: str, error: str, retry_at: datetime | None
) -> None:
    """Try again at `retry_at`, or give up (`failed`) when there is none."""
    values: dict[str, object] = {"claim": None, "error": error[:300]}
    values.update({"state": PENDING, "due_at": retry_at} if retry_at else {"state": FAILED})
    session.execute(
        update(Digest)
        .where(Digest.id == digest_id, Digest.state == SENDING, Digest.claim == token)
        .values(**values)
    )


def release(session: Session, digest_id: int, token: str) -> None:
    """Drop a claimed digest that has no one left to read it."""
    session.execute(
        update(Digest)
        .where(Digest.id == digest_id, Digest.claim == token)
        .values(state=SKIPPED, claim=None)
    )


def claim_failures(session: Session) -> list[DigestView]:
    """Digests that failed for good and nobody was told of yet; they are `reported` now."""
    rows = session.scalars(
        update(Digest).where(Digest.state == FAILED).values(state=REPORTED).returning(Digest)
    ).all()
    return sorted((_view(row) for row in rows), key=lambda d: d.id)
