"""Weekly digests as rows: one per recipient per week, claimed, sent, recorded once.

The week's rows are made when its digest falls due (`ensure`); the unique
(member, week) pair makes a second row impossible, so a restart or a second sweep
never plans a digest twice. Sending follows the reminders' protocol: claim with a
token (`sending`), send, then `sent` only while the claim is still ours. A claim
left by a process that stopped beating is taken over and marked `maybe_sent`, so the
adapter can look before it sends again. After the retry ladder a digest is owed
(`failed`, tried every hour) until the next week's falls due; then it is `missed`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from storage import instances
from storage.db import affected_rows
from storage.dialect import upsert
from storage.models import Digest
from storage.views import DigestView

PENDING = "pending"
SENDING = "sending"
SENT = "sent"
FAILED = "failed"  # the retry ladder is used up: still owed, tried every hour
REPORTED = "reported"  # earlier versions: failed, given up, the werkgroep told
SKIPPED = "skipped"  # the member joined after it fell due: their first is next week's
MISSED = "missed"  # still undelivered when the next week's digest fell due


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
        session.execute(upsert(session, Digest).on_conflict_do_nothing(), rows)


def claim_due(session: Session, now: datetime, token: str) -> list[DigestView]:
    """Claim every digest that is due, and those a dead process left half-sent."""
    abandoned = set(
        session.scalars(
            select(Digest.id).where(
                Digest.state == SENDING,
                Digest.claim != token,
                Digest.claim.not_in(instances.live(session)),
            )
        )
    )
    claimed = session.scalars(
        update(Digest)
        .where(
            or_(
                Digest.id.in_(abandoned),
                (Digest.state.in_((PENDING, FAILED))) & (Digest.due_at <= now),
            )
        )
        .values(state=SENDING, claim=token, claimed_at=now, attempts=Digest.attempts + 1)
        .returning(Digest)
    ).all()
    return sorted(
        (_view(row, maybe_sent=row.maybe_sent or row.id in abandoned) for row in claimed),
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
            .values(state=SENT, sent_at=at, late=late, claim=None, error=None, maybe_sent=False),
        )
        == 1
    )


def mark_failed(
    session: Session,
    digest_id: int,
    token: str,
    error: str,
    retry_at: datetime,
    *,
    owed: bool = False,
    maybe_sent: bool = False,
) -> None:
    """Try again at `retry_at`: `pending` on the ladder, `failed` (owed) after it."""
    values: dict[str, object] = {
        "claim": None,
        "error": error[:300],
        "due_at": retry_at,
        "state": FAILED if owed else PENDING,
        "maybe_sent": maybe_sent,
    }
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


def mark_missed(session: Session, digest_id: int, token: str) -> bool:
    """The week is over and its digest never arrived: it is no longer sent."""
    return (
        affected_rows(
            session,
            update(Digest)
            .where(Digest.id == digest_id, Digest.claim == token, Digest.state == SENDING)
            .values(state=MISSED, claim=None),
        )
        == 1
    )
