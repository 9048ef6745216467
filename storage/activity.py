"""What happened in a period, read for one audience: the digest's and the report's facts.

Knowledge and bottlenecks are shown only as far as the audience may see them
(`storage.tlp`, through each module's `visible`); what it may not see is counted,
never described. Actions carry no label of their own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from storage import actions, bottlenecks, knowledge
from storage.bottlenecks import ESCALATED, MERGED, MUNICIPALITY, OPEN_STATUSES
from storage.models import (
    Action,
    ActionEvent,
    Bottleneck,
    BottleneckSupport,
    KnowledgeItem,
    KnowledgeTag,
    Organisation,
    Tag,
)
from storage.tlp import TLP, Audience
from storage.views import ActionView, BottleneckView, KnowledgeView

# Action states over time (DOMAIN.md's status words), in the order a chart stacks them.
ON_SCHEDULE = "op_schema"
DELAYED = "vertraagd"  # open and within its term, but postponed at least once
OVERDUE = "termijn_verstreken"
DONE = "afgerond"
ACTION_STATES = (ON_SCHEDULE, DELAYED, OVERDUE, DONE)


@dataclass(frozen=True)
class Period:
    """From `start` up to (not including) `end`."""

    start: datetime
    end: datetime


T = TypeVar("T")


@dataclass(frozen=True)
class Shown(Generic[T]):
    """What the audience may see, and how many more there are that it may not."""

    items: tuple[T, ...]
    hidden: int = 0
    more: int = 0  # visible too, but not read (beyond the limit asked for)

    @property
    def total(self) -> int:
        return len(self.items) + self.more + self.hidden


def _between(column: Any, period: Period) -> ColumnElement[bool]:
    return and_(column >= period.start, column < period.end)


def new_knowledge(
    session: Session, audience: Audience, period: Period, limit: int | None = None
) -> Shown[KnowledgeView]:
    """Knowledge shared in the period, newest first (the first `limit`, and counts)."""
    in_period = _between(KnowledgeItem.created_at, period)
    visible = and_(in_period, knowledge.visible(audience))
    query = (
        select(KnowledgeItem.id)
        .where(visible)
        .order_by(KnowledgeItem.created_at.desc(), KnowledgeItem.id.desc())
    )
    ids = list(session.scalars(query.limit(limit) if limit is not None else query))
    seen = session.scalar(select(func.count()).select_from(KnowledgeItem).where(visible)) or 0
    total = knowledge_shared(session, period)
    return Shown(tuple(knowledge.views(session, ids)), total - seen, seen - len(ids))


def knowledge_shared(session: Session, period: Period) -> int:
    """How many items were shared in the period, whatever their label (a count only)."""
    in_period = _between(KnowledgeItem.created_at, period)
    return session.scalar(select(func.count()).select_from(KnowledgeItem).where(in_period)) or 0


def _bottlenecks_where(
    session: Session, audience: Audience, condition: ColumnElement[bool]
) -> Shown[BottleneckView]:
    ids = list(
        session.scalars(
            select(Bottleneck.id)
            .where(condition, bottlenecks.visible(audience))
            .order_by(Bottleneck.created_at, Bottleneck.id)
        )
    )
    total = session.scalar(select(func.count()).select_from(Bottleneck).where(condition)) or 0
    return Shown(tuple(bottlenecks.views(session, ids)), total - len(ids))


def new_bottlenecks(session: Session, audience: Audience, period: Period) -> Shown[BottleneckView]:
    return _bottlenecks_where(
        session, audience, _between(Bottleneck.created_at, period) & (Bottleneck.status != MERGED)
    )


def escalated(session: Session, audience: Audience, period: Period) -> Shown[BottleneckView]:
    return _bottlenecks_where(session, audience, _between(Bottleneck.escalated_at, period))


def answered(session: Session, audience: Audience, period: Period) -> Shown[BottleneckView]:
    return _bottlenecks_where(session, audience, _between(Bottleneck.answered_at, period))


# The regional board (Regionaal Bestuurlijk Overleg): a decision asked of it is asked of
# the administrators who read the digest and the report; every other body is national.
BOARD = "RBO"


def waiting_for_answer(session: Session, audience: Audience) -> Shown[BottleneckView]:
    """Escalated bottlenecks still waiting for a national body's answer (what waits for
    the regional board is a decision asked of the reader, not an answer awaited)."""
    return _bottlenecks_where(
        session,
        audience,
        (Bottleneck.status == ESCALATED)
        & (Bottleneck.escalated_to.is_(None) | (Bottleneck.escalated_to != BOARD)),
    )


def decisions_asked(
    session: Session, audience: Audience, *, of_board: bool = True
) -> Shown[BottleneckView]:
    """Open bottlenecks with a decision asked: of the regional board (escalated to the
    RBO), or, with `of_board=False`, of a national body (`/knelpunt vraag`)."""
    to_board = Bottleneck.escalated_to == BOARD
    return _bottlenecks_where(
        session,
        audience,
        Bottleneck.decision_asked.is_not(None)
        & Bottleneck.status.in_(list(OPEN_STATUSES))
        & (to_board if of_board else (Bottleneck.escalated_to.is_(None) | ~to_board)),
    )


def newly_recognised(
    session: Session, audience: Audience, period: Period
) -> tuple[tuple[tuple[BottleneckView, int], ...], int]:
    """Older bottlenecks that more municipalities recognised in the period.

    Returns (bottleneck, municipalities that joined) pairs, most joined first, and
    how many such bottlenecks the audience may not see.
    """
    rows = session.execute(
        select(
            BottleneckSupport.bottleneck_id,
            func.count(func.distinct(BottleneckSupport.organisation_id)),
        )
        .join(Organisation, Organisation.id == BottleneckSupport.organisation_id)
        .join(Bottleneck, Bottleneck.id == BottleneckSupport.bottleneck_id)
        .where(
            _between(BottleneckSupport.created_at, period),
            Organisation.kind == MUNICIPALITY,
            Bottleneck.created_at < period.start,
            Bottleneck.status != MERGED,
        )
        .group_by(BottleneckSupport.bottleneck_id)
    )
    joined: dict[int, int] = {b: n for b, n in rows}
    allowed = set(
        session.scalars(
            select(Bottleneck.id).where(
                Bottleneck.id.in_(list(joined)), bottlenecks.visible(audience)
            )
        )
    )
    shown = sorted(
        ((b, joined[b.id]) for b in bottlenecks.views(session, sorted(allowed))),
        key=lambda pair: (-pair[1], -pair[0].support_count, pair[0].id),
    )
    return tuple(shown), len(joined) - len(allowed)


def actions_done(session: Session, audience: Audience, period: Period) -> list[ActionView]:
    ids = session.scalars(
        select(Action.id)
        .where(
            Action.status == actions.DONE,
            _between(Action.done_at, period),
            actions.visible(audience),
        )
        .order_by(Action.done_at)
    )
    return actions.views(session, list(ids))


def actions_due(session: Session, audience: Audience, first: date, last: date) -> list[ActionView]:
    """Open actions whose deadline falls from `first` to `last`, soonest first."""
    ids = session.scalars(
        select(Action.id)
        .where(
            Action.status == actions.OPEN,
            Action.deadline >= first,
            Action.deadline <= last,
            actions.visible(audience),
        )
        .order_by(Action.deadline, Action.id)
    )
    return actions.views(session, list(ids))


def actions_overdue(session: Session, audience: Audience, today: date) -> list[ActionView]:
    """Open actions past their deadline, the longest overdue first."""
    found, _ = actions.listed(session, audience, due_before=today, limit=None)
    return found


# --- actions over time -----------------------------------------------------------------


@dataclass(frozen=True)
class ActionHistory:
    """An action as it stood over time: its deadlines and its done/reopened moments."""

    action: ActionView
    # at, old deadline, new deadline, why (as the person postponing wrote it)
    postponements: tuple[tuple[datetime, date | None, date | None, str], ...]
    status_changes: tuple[tuple[datetime, str], ...]  # at, "done" / "reopened" / "deleted"
    progress: tuple[tuple[datetime, str, str], ...]  # at, who, text

    def state_at(self, moment: datetime, day: date) -> str | None:
        """The action's state at `moment` (its deadline compared with `day`), or None."""
        if self.action.created_at > moment:
            return None
        status = "open"
        for at, kind in self.status_changes:
            if at <= moment:
                status = kind
        if status == "deleted":
            return None
        if status == "done":
            return DONE
        deadline = self.deadline_at(moment)
        if deadline < day:
            return OVERDUE
        postponed = any(at <= moment for at, _old, _new, _why in self.postponements)
        return DELAYED if postponed else ON_SCHEDULE

    def deadline_at(self, moment: datetime) -> date:
        """The deadline as it was at `moment` (before later postponements)."""
        for at, old, _new, _why in self.postponements:
            if at > moment and old is not None:
                return old
        return self.action.deadline

    @property
    def done_on_time(self) -> bool | None:
        """Whether it was done by the deadline it had then (None while not done)."""
        done_at = self.action.done_at
        if self.action.status != actions.DONE or done_at is None:
            return None
        return done_at.date() <= self.deadline_at(done_at)


def action_histories(session: Session, audience: Audience, period: Period) -> list[ActionHistory]:
    """Every action `audience` may see that was open at some point in the period."""
    rows = session.scalars(
        select(Action.id)
        .where(
            actions.visible(audience),
            Action.status != actions.DELETED,
            Action.created_at < period.end,
            (Action.done_at.is_(None)) | (Action.done_at >= period.start),
        )
        .order_by(Action.deadline, Action.id)
    )
    found = actions.views(session, list(rows))
    events: dict[int, list[ActionEvent]] = defaultdict(list)
    for event in session.scalars(
        select(ActionEvent)
        .where(ActionEvent.action_id.in_([a.id for a in found]))
        .order_by(ActionEvent.at, ActionEvent.id)
    ):
        events[event.action_id].append(event)
    result = []
    for action in found:
        mine = events[action.id]
        result.append(
            ActionHistory(
                action=action,
                postponements=tuple(
                    (e.at, e.old_deadline, e.new_deadline, e.text or "")
                    for e in mine
                    if e.kind == "postponed"
                ),
                status_changes=tuple(
                    (e.at, {"done": "done", "reopened": "open", "deleted": "deleted"}[e.kind])
                    for e in mine
                    if e.kind in ("done", "reopened", "deleted")
                ),
                progress=tuple(
                    (e.at, e.actor_name, e.text or "") for e in mine if e.kind == "update"
                ),
            )
        )
    return result


def states_over_time(
    histories: Sequence[ActionHistory], moments: Sequence[tuple[datetime, date]]
) -> list[Counter[str]]:
    """For each (moment, local day): how many actions were in each state."""
    counts = []
    for moment, day in moments:
        counter: Counter[str] = Counter({state: 0 for state in ACTION_STATES})
        for history in histories:
            state = history.state_at(moment, day)
            if state is not None:
                counter[state] += 1
        counts.append(counter)
    return counts


# --- counts for reports ----------------------------------------------------------------


def knowledge_labels(session: Session, audience: Audience, period: Period) -> list[TLP]:
    """The labels of the knowledge of the period that `audience` may see (and a report counts)."""
    found = session.scalars(
        select(KnowledgeItem.tlp)
        .where(_between(KnowledgeItem.created_at, period), knowledge.visible(audience))
        .distinct()
    )
    return [TLP(label) for label in found]


def knowledge_counts(
    session: Session, audience: Audience, period: Period
) -> tuple[list[tuple[str, int]], list[tuple[str, int]], int]:
    """Visible knowledge shared in the period, counted per tag and per organisation.

    Returns (per tag, per organisation, how many the audience may not see).
    """
    in_period = _between(KnowledgeItem.created_at, period)
    seen = in_period & knowledge.visible(audience)
    per_tag = session.execute(
        select(Tag.name, func.count())
        .join(KnowledgeTag, KnowledgeTag.tag_id == Tag.id)
        .join(KnowledgeItem, KnowledgeItem.id == KnowledgeTag.item_id)
        .where(seen)
        .group_by(Tag.name)
        .order_by(func.count().desc(), Tag.name)
    )
    per_organisation = session.execute(
        select(Organisation.name, func.count())
        .join(KnowledgeItem, KnowledgeItem.organisation_id == Organisation.id)
        .where(seen)
        .group_by(Organisation.name)
        .order_by(func.count().desc(), Organisation.name)
    )
    total = session.scalar(select(func.count()).select_from(KnowledgeItem).where(in_period)) or 0
    shown = session.scalar(select(func.count()).select_from(KnowledgeItem).where(seen)) or 0
    tags = [(name, n) for name, n in per_tag]
    organisations = [(name, n) for name, n in per_organisation]
    return tags, organisations, total - shown


def supports_per_municipality(session: Session, period: Period) -> dict[str, int]:
    """How many bottlenecks each municipality recognised in the period (a count only)."""
    rows = session.execute(
        select(Organisation.name, func.count(func.distinct(BottleneckSupport.bottleneck_id)))
        .join(Organisation, Organisation.id == BottleneckSupport.organisation_id)
        .where(_between(BottleneckSupport.created_at, period), Organisation.kind == MUNICIPALITY)
        .group_by(Organisation.name)
    )
    return {name: n for name, n in rows}
