"""A bottleneck's status flow: transitions, escalation, the national answer, merging.

The allowed transitions are the domain rule (DESIGN §2.3): `nieuw → in behandeling →
geëscaleerd → beantwoord | opgelost`, `afgewezen` from any open state, and reopening
(back to `in behandeling`) from a closed one. Every change adds a history line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from storage import audit
from storage.bottlenecks import (
    ANSWERED,
    ESCALATED,
    IN_PROGRESS,
    MERGED,
    NEW,
    REJECTED,
    SOLVED,
    add_event,
    view,
)
from storage.models import Bottleneck, BottleneckKnowledge, BottleneckNote, BottleneckSupport
from storage.tlp import TLP, derived_label
from storage.views import Actor, BottleneckView

TRANSITIONS: dict[str, frozenset[str]] = {
    NEW: frozenset({IN_PROGRESS, REJECTED}),
    IN_PROGRESS: frozenset({ESCALATED, SOLVED, REJECTED}),
    ESCALATED: frozenset({ANSWERED, SOLVED, REJECTED}),
    ANSWERED: frozenset({SOLVED, IN_PROGRESS}),
    SOLVED: frozenset({IN_PROGRESS}),
    REJECTED: frozenset({IN_PROGRESS}),
    MERGED: frozenset(),
}
CLOSED_STATUSES = frozenset({ANSWERED, SOLVED, REJECTED})


class TransitionRefused(Exception):
    """The status cannot go from `old` to `new`."""

    def __init__(self, old: str, new: str) -> None:
        super().__init__(f"{old} -> {new}")
        self.old = old
        self.new = new


def allowed_next(status: str) -> frozenset[str]:
    return TRANSITIONS.get(status, frozenset())


def is_reopening(old: str, new: str) -> bool:
    return old in CLOSED_STATUSES and new == IN_PROGRESS


@dataclass(frozen=True)
class Escalation:
    body: str
    reference: str | None
    answer_due: datetime


def change_status(
    session: Session,
    actor: Actor,
    actor_name: str,
    at: datetime,
    bottleneck_id: int,
    new: str,
    *,
    reason: str | None = None,
    escalation: Escalation | None = None,
) -> BottleneckView:
    """Move the bottleneck to `new`, or raise TransitionRefused."""
    row = session.get(Bottleneck, bottleneck_id)
    if row is None:
        raise LookupError(bottleneck_id)
    old = row.status
    if new not in allowed_next(old):
        raise TransitionRefused(old, new)
    if new == ESCALATED:
        if escalation is None:
            raise ValueError("escalating needs a body and an answer date")
        row.escalated_to = escalation.body
        row.escalated_at = at
        row.reference = escalation.reference
        row.answer_due = escalation.answer_due
        row.answer_reminded_at = None
    if new == ANSWERED:
        row.answer = reason
        row.answered_at = at
    row.status = new
    row.updated_at = at
    add_event(
        session,
        actor,
        actor_name,
        at,
        bottleneck_id,
        "reopened" if is_reopening(old, new) else "status",
        old_status=old,
        new_status=new,
        body=escalation.body if escalation else None,
        reference=escalation.reference if escalation else None,
        reason=reason,
    )
    session.flush()
    return view(session, bottleneck_id)


def set_decision_asked(
    session: Session, actor: Actor, actor_name: str, at: datetime, bottleneck_id: int, text: str
) -> None:
    """What the network asks the national body to decide (for the dossier)."""
    session.execute(
        update(Bottleneck)
        .where(Bottleneck.id == bottleneck_id)
        .values(decision_asked=text, updated_at=at)
    )
    add_event(session, actor, actor_name, at, bottleneck_id, "decision", reason=text)


@dataclass(frozen=True)
class Merged:
    kept: BottleneckView
    label_raised: bool  # the kept one took the stricter label of the two


def merge(
    session: Session, actor: Actor, actor_name: str, at: datetime, source_id: int, target_id: int
) -> Merged:
    """Fold `source` into `target`: supports, notes and links move; `source` points on."""
    source = session.get(Bottleneck, source_id)
    target = session.get(Bottleneck, target_id)
    if source is None or target is None:
        raise LookupError(source_id if source is None else target_id)
    if source_id == target_id or MERGED in (source.status, target.status):
        raise TransitionRefused(source.status, MERGED)
    label = derived_label(
        ((TLP(source.tlp), source.organisation_id), (TLP(target.tlp), target.organisation_id))
    )
    if label is None:  # the handler explains; this only makes sure it never happens
        raise ValueError("merging would show AMBER+STRICT content to another organisation")
    members_of_target = set(
        session.scalars(
            select(BottleneckSupport.member_id).where(BottleneckSupport.bottleneck_id == target_id)
        )
    )
    for moved in session.scalars(
        select(BottleneckSupport).where(BottleneckSupport.bottleneck_id == source_id)
    ):
        if moved.member_id not in members_of_target:
            session.add(
                BottleneckSupport(
                    bottleneck_id=target_id,
                    member_id=moved.member_id,
                    organisation_id=moved.organisation_id,
                    created_at=moved.created_at,
                )
            )
    session.execute(delete(BottleneckSupport).where(BottleneckSupport.bottleneck_id == source_id))
    session.execute(
        update(BottleneckNote)
        .where(BottleneckNote.bottleneck_id == source_id)
        .values(bottleneck_id=target_id)
    )
    linked = set(
        session.scalars(
            select(BottleneckKnowledge.item_id).where(
                BottleneckKnowledge.bottleneck_id == target_id
            )
        )
    )
    for item_id in session.scalars(
        select(BottleneckKnowledge.item_id).where(BottleneckKnowledge.bottleneck_id == source_id)
    ).all():
        if item_id not in linked:
            session.add(BottleneckKnowledge(bottleneck_id=target_id, item_id=item_id))
    session.execute(
        delete(BottleneckKnowledge).where(BottleneckKnowledge.bottleneck_id == source_id)
    )
    # What moved may carry the source's label: the kept one must be at least as strict.
    raised = label is not TLP(target.tlp)
    if raised:
        change = {"before": target.tlp, "after": label.value}
        audit.record(session, actor, "bottleneck.label_raised", "bottleneck", target_id, at,
                     tlp=change, merged=source_id)  # fmt: skip
        target.tlp = label.value
    old = source.status
    source.status = MERGED
    source.merged_into_id = target_id
    source.updated_at = at
    target.updated_at = at
    add_event(
        session,
        actor,
        actor_name,
        at,
        source_id,
        "merged_into",
        old_status=old,
        new_status=MERGED,
        reference=str(target_id),
    )
    add_event(session, actor, actor_name, at, target_id, "merged_from", reference=str(source_id))
    session.flush()
    return Merged(kept=view(session, target_id), label_raised=raised)


def resolve_merged(session: Session, bottleneck_id: int) -> int:
    """The number to use for `bottleneck_id`: where a merged one points, followed through."""
    seen: set[int] = set()
    current = bottleneck_id
    while current not in seen:
        seen.add(current)
        target = session.scalar(select(Bottleneck.merged_into_id).where(Bottleneck.id == current))
        if target is None:
            return current
        current = target
    return current


REMIND_EVERY = timedelta(days=7)
# A weekly job that runs a little early must still count as a week later.
_WEEK_SLACK = timedelta(hours=2)


def claim_late_answers(session: Session, now: datetime, due_before: datetime) -> list[int]:
    """Escalated bottlenecks whose answer was due before `due_before` and that were not
    reminded in the last week; marks them reminded now and returns their numbers."""
    reminded_long_ago = now - REMIND_EVERY + _WEEK_SLACK
    late = or_(
        Bottleneck.answer_reminded_at.is_(None),
        Bottleneck.answer_reminded_at <= reminded_long_ago,
    )
    ids = list(
        session.scalars(
            update(Bottleneck)
            .where(
                Bottleneck.status == ESCALATED,
                Bottleneck.answer_due.is_not(None),
                Bottleneck.answer_due < due_before,
                late,
            )
            .values(answer_reminded_at=now)
            .returning(Bottleneck.id)
        )
    )
    return sorted(ids)
