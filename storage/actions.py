"""Actions: create, list, change (done, postponed, progress, owner, deleted), history.

Reminders for an action live in `storage.reminders`; whoever changes the deadline,
owner or status here also re-plans them there, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import ColumnElement, bindparam, func, select, text, update
from sqlalchemy.orm import Session, aliased

from storage import audit
from storage.dialect import POSTGRESQL, SQLITE, name_of
from storage.models import Action, ActionEvent, InstallFact, Member, Organisation, UTCDateTime
from storage.tlp import TLP, Audience, visible_clause
from storage.views import ActionEventView, ActionView, Actor

OPEN = "open"
DONE = "klaar"
DELETED = "verwijderd"

_OWNER = aliased(Member)
_CREATOR = aliased(Member)


def views(session: Session, ids: Sequence[int]) -> list[ActionView]:
    """Snapshots of these actions, in the order of `ids`."""
    if not ids:
        return []
    rows = session.execute(
        select(Action, _OWNER.display_name, Organisation.name, _CREATOR.display_name)
        .outerjoin(_OWNER, _OWNER.id == Action.owner_id)
        .outerjoin(Organisation, Organisation.id == _OWNER.organisation_id)
        .outerjoin(_CREATOR, _CREATOR.id == Action.creator_id)
        .where(Action.id.in_(ids))
    )
    found = {}
    for row, owner_name, organisation, creator_name in rows:
        found[row.id] = ActionView(
            id=row.id,
            title=row.title,
            owner_id=row.owner_id,
            owner_name=owner_name,
            owner_organisation=organisation,
            creator_id=row.creator_id,
            creator_name=creator_name,
            bottleneck_id=row.bottleneck_id,
            deadline=row.deadline,
            status=row.status,
            created_at=row.created_at,
            updated_at=row.updated_at,
            done_at=row.done_at,
            overdue_reminders=row.overdue_reminders,
            escalated_at=row.escalated_at,
            tlp=TLP(row.tlp),
            organisation_id=row.organisation_id,
        )
    return [found[i] for i in ids if i in found]


def visible(audience: Audience) -> ColumnElement[bool]:
    """The SQL condition for actions `audience` may see (TLP as for knowledge)."""
    return visible_clause(
        audience,
        label=Action.tlp,
        organisation_id=Action.organisation_id,
        author_id=Action.creator_id,
        item_id=Action.id,
    )


def get(session: Session, audience: Audience, action_id: int) -> ActionView | None:
    """The action if `audience` may see it, unless it does not exist or was deleted."""
    found = session.scalar(select(Action.id).where(Action.id == action_id, visible(audience)))
    views_ = views(session, [found]) if found is not None else []
    return views_[0] if views_ and views_[0].status != DELETED else None


def listed(
    session: Session,
    audience: Audience,
    *,
    owner_id: int | None = None,
    statuses: Sequence[str] = (OPEN,),
    due_before: date | None = None,
    bottleneck_id: int | None = None,
    limit: int | None = 15,
    offset: int = 0,
) -> tuple[list[ActionView], int]:
    """Actions by deadline (soonest first), and how many match."""
    conditions: list[ColumnElement[bool]] = [Action.status.in_(list(statuses)), visible(audience)]
    if owner_id is not None:
        conditions.append(Action.owner_id == owner_id)
    if due_before is not None:
        conditions.append(Action.deadline < due_before)
    if bottleneck_id is not None:
        conditions.append(Action.bottleneck_id == bottleneck_id)
    total = session.scalar(select(func.count()).select_from(Action).where(*conditions)) or 0
    stmt = select(Action.id).where(*conditions).order_by(Action.deadline, Action.id)
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    return views(session, list(session.scalars(stmt))), total


def recently_closed(
    session: Session, audience: Audience, owner_id: int, since: datetime
) -> list[ActionView]:
    """The owner's actions finished or deleted since `since` (for calendars to drop)."""
    found = select(Action.id).where(
        Action.owner_id == owner_id,
        Action.status.in_((DONE, DELETED)),
        Action.updated_at >= since,
        visible(audience),
    )
    return views(session, list(session.scalars(found.order_by(Action.deadline, Action.id))))


def change_counts(session: Session, ids: Sequence[int]) -> dict[int, int]:
    """How often each action changed (its history's length): a calendar's SEQUENCE."""
    rows = session.execute(
        select(ActionEvent.action_id, func.count())
        .where(ActionEvent.action_id.in_(list(ids)))
        .group_by(ActionEvent.action_id)
    )
    return {int(action_id): int(count) for action_id, count in rows}


def install_id(session: Session) -> str:
    """This install's random identity (made by migration 0012)."""
    return str(session.scalar(select(InstallFact.value).where(InstallFact.name == "id")) or "")


def add_event(
    session: Session,
    actor: Actor,
    actor_name: str,
    at: datetime,
    action_id: int,
    kind: str,
    *,
    old_deadline: date | None = None,
    new_deadline: date | None = None,
    text: str | None = None,
) -> None:
    session.add(
        ActionEvent(
            action_id=action_id,
            at=at,
            actor_id=actor.member_id,
            actor_name=actor_name,
            kind=kind,
            old_deadline=old_deadline,
            new_deadline=new_deadline,
            text=text,
        )
    )
    audit.record(
        session,
        actor,
        f"action.{kind}",
        "action",
        action_id,
        at,
        old_deadline=old_deadline,
        new_deadline=new_deadline,
    )


def create(
    session: Session,
    actor: Actor,
    actor_name: str,
    at: datetime,
    *,
    title: str,
    owner_id: int,
    deadline: date,
    bottleneck_id: int | None = None,
    tlp: TLP = TLP.GREEN,
    organisation_id: int | None = None,
) -> ActionView:
    if tlp is TLP.RED:
        raise ValueError("an action is shared work: it cannot be TLP:RED")
    row = Action(
        title=title,
        tlp=tlp.value,
        organisation_id=organisation_id,
        owner_id=owner_id,
        creator_id=actor.member_id,
        bottleneck_id=bottleneck_id,
        deadline=deadline,
        status=OPEN,
        created_at=at,
        updated_at=at,
        overdue_reminders=0,
    )
    session.add(row)
    session.flush()
    add_event(session, actor, actor_name, at, row.id, "created", new_deadline=deadline)
    audit.record(session, actor, "action.labelled", "action", row.id, at, tlp=tlp.value,
                 organisation_id=organisation_id)  # fmt: skip
    session.flush()
    return views(session, [row.id])[0]


def _change(session: Session, action_id: int, at: datetime, **values: object) -> ActionView:
    session.execute(update(Action).where(Action.id == action_id).values(updated_at=at, **values))
    session.flush()
    return views(session, [action_id])[0]


def set_status(
    session: Session, actor: Actor, actor_name: str, at: datetime, action_id: int, status: str
) -> ActionView:
    """Mark an action done, open again, or deleted."""
    kind = {DONE: "done", OPEN: "reopened", DELETED: "deleted"}[status]
    add_event(session, actor, actor_name, at, action_id, kind)
    done_at = at if status == DONE else None
    return _change(session, action_id, at, status=status, done_at=done_at)


def postpone(
    session: Session,
    actor: Actor,
    actor_name: str,
    at: datetime,
    action_id: int,
    deadline: date,
    reason: str,
) -> ActionView:
    """A new deadline, with why; the overdue count starts again."""
    old = session.scalar(select(Action.deadline).where(Action.id == action_id))
    add_event(
        session, actor, actor_name, at, action_id, "postponed",
        old_deadline=old, new_deadline=deadline, text=reason,
    )  # fmt: skip
    return _change(
        session, action_id, at, deadline=deadline, overdue_reminders=0, escalated_at=None
    )


def add_progress(
    session: Session, actor: Actor, actor_name: str, at: datetime, action_id: int, text: str
) -> ActionView:
    add_event(session, actor, actor_name, at, action_id, "update", text=text)
    return _change(session, action_id, at)


def change_owner(
    session: Session,
    actor: Actor,
    actor_name: str,
    at: datetime,
    action_id: int,
    owner_id: int,
    owner_name: str,
) -> ActionView:
    add_event(session, actor, actor_name, at, action_id, "owner", text=owner_name)
    return _change(session, action_id, at, owner_id=owner_id, overdue_reminders=0)


def events(session: Session, action_id: int) -> list[ActionEventView]:
    rows = session.scalars(
        select(ActionEvent)
        .where(ActionEvent.action_id == action_id)
        .order_by(ActionEvent.at, ActionEvent.id)
    )
    return [
        ActionEventView(
            at=e.at,
            actor_name=e.actor_name,
            kind=e.kind,
            old_deadline=e.old_deadline,
            new_deadline=e.new_deadline,
            text=e.text,
        )
        for e in rows
    ]


def claim_escalations(session: Session, at: datetime, after: int) -> list[int]:
    """Open actions with `after` overdue reminders whose werkgroep was not told yet."""
    found = session.execute(_ESCALATE[name_of(session)], {"at": at, "after": after, "open": OPEN})
    return sorted(int(row[0]) for row in found)


# Read through the index of overdue reminders by name, which finds the few actions that
# have them: with the statistics of the daily housekeeping (sampled) SQLite chose the
# index of open actions instead, which is all of them (17 ms a sweep at 100,000
# actions). PostgreSQL needs no such hint.
_ESCALATION_HINT = {SQLITE: " INDEXED BY ix_actions_overdue_reminders", POSTGRESQL: ""}
_ESCALATE = {
    dialect: text(
        "UPDATE actions SET escalated_at = :at WHERE id IN ("
        f"SELECT id FROM actions{hint} WHERE overdue_reminders >= :after "
        "AND status = :open AND escalated_at IS NULL) RETURNING id"
    ).bindparams(bindparam("at", type_=UTCDateTime()))
    for dialect, hint in _ESCALATION_HINT.items()
}
