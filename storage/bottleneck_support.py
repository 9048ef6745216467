"""Who recognises a bottleneck: supports (one count per municipality) and notes.

Several CISOs of one municipality may each support a bottleneck, but their
municipality counts once; withdrawing removes only that person's support.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.orm import Session

from storage import audit
from storage.bottlenecks import add_event, view
from storage.db import affected_rows
from storage.members import selected
from storage.models import Bottleneck, BottleneckNote, BottleneckSupport, Member, MemberRole
from storage.views import MemberView


class Support(enum.Enum):
    COUNTED = "counted"  # the member's municipality now counts
    SAME_ORGANISATION = "same_organisation"  # it already counted; the member is added
    ALREADY = "already"  # this member already supports it: nothing changed


def support(
    session: Session,
    at: datetime,
    bottleneck_id: int,
    member: MemberView,
    note: str | None,
) -> Support:
    """Add `member`'s support (and note); one organisation counts once."""
    if member.organisation_id is None:
        raise ValueError("a supporter needs an organisation")
    mine = session.get(BottleneckSupport, (bottleneck_id, member.id))
    if mine is not None:
        return Support.ALREADY
    counted_before = session.scalar(
        select(func.count()).where(
            BottleneckSupport.bottleneck_id == bottleneck_id,
            BottleneckSupport.organisation_id == member.organisation_id,
        )
    )
    session.add(
        BottleneckSupport(
            bottleneck_id=bottleneck_id,
            member_id=member.id,
            organisation_id=member.organisation_id,
            created_at=at,
        )
    )
    if note:
        add_note(session, at, bottleneck_id, member, note)
    add_event(
        session, member.actor, member.display_name, at, bottleneck_id, "supported", reason=note
    )
    _touch(session, bottleneck_id, at)
    session.flush()
    return Support.SAME_ORGANISATION if counted_before else Support.COUNTED


def organisation_supports(
    session: Session, bottleneck_id: int, organisation_id: int | None
) -> bool:
    """Whether someone of this organisation supports the bottleneck."""
    if organisation_id is None:
        return False
    found = session.scalar(
        select(BottleneckSupport.member_id)
        .where(
            BottleneckSupport.bottleneck_id == bottleneck_id,
            BottleneckSupport.organisation_id == organisation_id,
        )
        .limit(1)
    )
    return found is not None


def withdraw(session: Session, at: datetime, bottleneck_id: int, member: MemberView) -> bool:
    """Take back `member`'s support; False when they did not support it."""
    removed = affected_rows(
        session,
        delete(BottleneckSupport).where(
            BottleneckSupport.bottleneck_id == bottleneck_id,
            BottleneckSupport.member_id == member.id,
        ),
    )
    if not removed:
        return False
    add_event(session, member.actor, member.display_name, at, bottleneck_id, "withdrawn")
    _touch(session, bottleneck_id, at)
    session.flush()
    return True


def add_note(
    session: Session, at: datetime, bottleneck_id: int, member: MemberView, note: str
) -> None:
    session.add(
        BottleneckNote(
            bottleneck_id=bottleneck_id,
            member_id=member.id,
            organisation_id=member.organisation_id,
            text=note,
            created_at=at,
        )
    )
    audit.record(session, member.actor, "bottleneck.note", "bottleneck", bottleneck_id, at)


def _touch(session: Session, bottleneck_id: int, at: datetime) -> None:
    session.execute(update(Bottleneck).where(Bottleneck.id == bottleneck_id).values(updated_at=at))


def claim_threshold(session: Session, bottleneck_id: int, at: datetime, threshold: int) -> bool:
    """True exactly once: the first time the bottleneck has `threshold` municipalities."""
    if view(session, bottleneck_id).support_count < threshold:
        return False
    claimed = affected_rows(
        session,
        update(Bottleneck)
        .where(Bottleneck.id == bottleneck_id, Bottleneck.threshold_notified_at.is_(None))
        .values(threshold_notified_at=at),
    )
    return bool(claimed)


def supporter_contacts(
    session: Session, bottleneck_id: int, *, role: str | None = None
) -> list[MemberView]:
    """Active members who reported or support the bottleneck and (with `role`) every
    active member with that role in a supporting organisation."""
    supporting = select(BottleneckSupport.member_id).where(
        BottleneckSupport.bottleneck_id == bottleneck_id
    )
    reporter = select(Bottleneck.reporter_id).where(Bottleneck.id == bottleneck_id)
    condition = or_(Member.id.in_(supporting), Member.id.in_(reporter))
    if role is not None:
        orgs = select(BottleneckSupport.organisation_id).where(
            BottleneckSupport.bottleneck_id == bottleneck_id
        )
        with_role = select(MemberRole.member_id).where(MemberRole.role == role)
        condition = or_(condition, and_(Member.organisation_id.in_(orgs), Member.id.in_(with_role)))
    return selected(session, Member.active.is_(True), condition, order_by=(Member.id,))
