"""Bottlenecks: report, support by municipality, notes, linked knowledge, lists, drafts.

A bottleneck counts the municipalities that recognise it, not the people: several
CISOs of one municipality count once, and partner organisations are listed but do
not count. Status changes, escalation and merging live in `storage.bottleneck_status`.
Every read goes through TLP (`visible`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from storage import audit, knowledge
from storage.fold import index_text
from storage.models import (
    Bottleneck,
    BottleneckEvent,
    BottleneckKnowledge,
    BottleneckNote,
    BottleneckSupport,
    KnowledgeItem,
    Member,
    Organisation,
)
from storage.tlp import TLP, Audience, visible_clause
from storage.views import (
    Actor,
    BottleneckDetail,
    BottleneckEventView,
    BottleneckNoteView,
    BottleneckView,
    MemberView,
)

NEW = "nieuw"
IN_PROGRESS = "in_behandeling"
ESCALATED = "geescaleerd"
ANSWERED = "beantwoord"
SOLVED = "opgelost"
REJECTED = "afgewezen"
MERGED = "samengevoegd"
STATUSES = (NEW, IN_PROGRESS, ESCALATED, ANSWERED, SOLVED, REJECTED, MERGED)
OPEN_STATUSES = (NEW, IN_PROGRESS, ESCALATED)
ALL_STATUSES_BUT_MERGED = tuple(s for s in STATUSES if s != MERGED)
LABELS = (TLP.CLEAR, TLP.GREEN, TLP.AMBER, TLP.AMBER_STRICT)  # RED is for named people only
MUNICIPALITY = "gemeente"


def visible(audience: Audience) -> ColumnElement[bool]:
    """The TLP condition for bottlenecks read by `audience`."""
    return visible_clause(
        audience,
        label=Bottleneck.tlp,
        organisation_id=Bottleneck.organisation_id,
        author_id=Bottleneck.reporter_id,
        item_id=Bottleneck.id,
    )


def reindex(row: Bottleneck) -> None:
    row.search_title = index_text(row.title)
    row.search_body = index_text(" ".join(filter(None, (row.description, row.theme))))


_REPORTER = aliased(Member)


def views(session: Session, ids: Sequence[int]) -> list[BottleneckView]:
    """Snapshots of these bottlenecks, in the order of `ids` (no TLP check: callers filter)."""
    if not ids:
        return []
    rows = session.execute(
        select(Bottleneck, _REPORTER.display_name, Organisation.name)
        .outerjoin(_REPORTER, _REPORTER.id == Bottleneck.reporter_id)
        .outerjoin(Organisation, Organisation.id == Bottleneck.organisation_id)
        .where(Bottleneck.id.in_(ids))
    )
    found = {row[0].id: row for row in rows}
    supports = session.execute(
        select(
            BottleneckSupport.bottleneck_id,
            BottleneckSupport.member_id,
            Organisation.name,
            Organisation.kind,
        )
        .join(Organisation, Organisation.id == BottleneckSupport.organisation_id)
        .where(BottleneckSupport.bottleneck_id.in_(ids))
        .order_by(BottleneckSupport.created_at, Organisation.name)
    )
    municipalities: dict[int, dict[str, None]] = defaultdict(dict)
    partners: dict[int, dict[str, None]] = defaultdict(dict)
    supporters: dict[int, set[int]] = defaultdict(set)
    for bottleneck_id, member_id, name, kind in supports:
        (municipalities if kind == MUNICIPALITY else partners)[bottleneck_id][name] = None
        supporters[bottleneck_id].add(member_id)
    result = []
    for bottleneck_id in ids:
        if bottleneck_id not in found:
            continue
        row, reporter_name, organisation_name = found[bottleneck_id]
        result.append(
            BottleneckView(
                id=row.id,
                title=row.title,
                description=row.description,
                theme=row.theme,
                tlp=TLP(row.tlp),
                status=row.status,
                reporter_id=row.reporter_id,
                reporter_name=reporter_name,
                organisation_id=row.organisation_id,
                organisation_name=organisation_name,
                created_at=row.created_at,
                updated_at=row.updated_at,
                merged_into_id=row.merged_into_id,
                decision_asked=row.decision_asked,
                escalated_to=row.escalated_to,
                escalated_at=row.escalated_at,
                reference=row.reference,
                answer_due=row.answer_due,
                answer=row.answer,
                answered_at=row.answered_at,
                municipalities=tuple(municipalities[bottleneck_id]),
                partners=tuple(partners[bottleneck_id]),
                supporter_ids=frozenset(supporters[bottleneck_id]),
            )
        )
    return result


def view(session: Session, bottleneck_id: int) -> BottleneckView:
    return views(session, [bottleneck_id])[0]


def get_visible(session: Session, audience: Audience, bottleneck_id: int) -> BottleneckView | None:
    """The bottleneck if it exists and `audience` may see it."""
    found = session.scalar(
        select(Bottleneck.id).where(Bottleneck.id == bottleneck_id, visible(audience))
    )
    return view(session, found) if found is not None else None


def _municipality_count() -> ColumnElement[int]:
    """Correlated count of the municipalities that support the outer bottleneck."""
    return (
        select(func.count(func.distinct(BottleneckSupport.organisation_id)))
        .join(Organisation, Organisation.id == BottleneckSupport.organisation_id)
        .where(
            BottleneckSupport.bottleneck_id == Bottleneck.id,
            Organisation.kind == MUNICIPALITY,
        )
        .scalar_subquery()
    )


def ranked(
    session: Session,
    audience: Audience,
    *,
    statuses: Collection[str] = OPEN_STATUSES,
    theme: str | None = None,
    limit: int | None = 10,
    offset: int = 0,
) -> tuple[list[BottleneckView], int]:
    """Bottlenecks by the number of municipalities that recognise them; and how many match."""
    conditions = [visible(audience), Bottleneck.status.in_(list(statuses))]
    if theme is not None:
        conditions.append(Bottleneck.theme == theme)
    total = session.scalar(select(func.count()).select_from(Bottleneck).where(*conditions)) or 0
    count = _municipality_count()
    stmt = (
        select(Bottleneck.id)
        .where(*conditions)
        .order_by(count.desc(), Bottleneck.updated_at.desc(), Bottleneck.id.desc())
    )
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    return views(session, list(session.scalars(stmt))), total


def themes(session: Session, audience: Audience) -> list[tuple[str, int]]:
    """The themes in use on visible, unmerged bottlenecks, with how many each."""
    rows = session.execute(
        select(Bottleneck.theme, func.count())
        .where(visible(audience), Bottleneck.theme.is_not(None), Bottleneck.status != MERGED)
        .group_by(Bottleneck.theme)
        .order_by(func.count().desc(), Bottleneck.theme)
    )
    return [(theme, n) for theme, n in rows if theme]


def add_event(
    session: Session,
    actor: Actor,
    actor_name: str,
    at: datetime,
    bottleneck_id: int,
    kind: str,
    *,
    old_status: str | None = None,
    new_status: str | None = None,
    body: str | None = None,
    reference: str | None = None,
    reason: str | None = None,
) -> None:
    """One line in the bottleneck's history, and one in the audit log."""
    session.add(
        BottleneckEvent(
            bottleneck_id=bottleneck_id,
            at=at,
            actor_id=actor.member_id,
            actor_name=actor_name,
            kind=kind,
            old_status=old_status,
            new_status=new_status,
            body=body,
            reference=reference,
            reason=reason,
        )
    )
    audit.record(
        session,
        actor,
        f"bottleneck.{kind}",
        "bottleneck",
        bottleneck_id,
        at,
        old_status=old_status,
        new_status=new_status,
        body=body,
        reference=reference,
    )


def create(
    session: Session,
    at: datetime,
    reporter: MemberView,
    *,
    title: str,
    description: str,
    theme: str | None,
    tlp: TLP,
) -> BottleneckView:
    """Record a new bottleneck; the reporter's organisation is its first supporter."""
    if tlp not in LABELS:
        raise ValueError(f"a bottleneck cannot be {tlp}")
    row = Bottleneck(
        title=title,
        description=description,
        theme=theme,
        tlp=tlp.value,
        status=NEW,
        reporter_id=reporter.id,
        organisation_id=reporter.organisation_id,
        created_at=at,
        updated_at=at,
    )
    reindex(row)
    session.add(row)
    session.flush()
    if reporter.organisation_id is not None:
        session.add(
            BottleneckSupport(
                bottleneck_id=row.id,
                member_id=reporter.id,
                organisation_id=reporter.organisation_id,
                created_at=at,
            )
        )
    add_event(
        session, reporter.actor, reporter.display_name, at, row.id, "reported", new_status=NEW
    )
    session.flush()
    return view(session, row.id)


def detail(session: Session, audience: Audience, bottleneck_id: int) -> BottleneckDetail | None:
    """The bottleneck with its notes, history and the linked knowledge `audience` may see."""
    found = get_visible(session, audience, bottleneck_id)
    return _details(session, audience, [found])[0] if found is not None else None


def details(session: Session, audience: Audience) -> list[BottleneckDetail]:
    """Every bottleneck `audience` may see (merged ones left out), most recognised first."""
    found, _total = ranked(session, audience, statuses=ALL_STATUSES_BUT_MERGED, limit=None)
    return _details(session, audience, found)


def _details(
    session: Session, audience: Audience, found: Sequence[BottleneckView]
) -> list[BottleneckDetail]:
    """Notes, history and linked knowledge for these bottlenecks: a few queries for all."""
    ids = [b.id for b in found]
    author = aliased(Member)
    notes: dict[int, list[BottleneckNoteView]] = defaultdict(list)
    for row in session.execute(
        select(
            BottleneckNote.bottleneck_id,
            author.display_name,
            BottleneckNote.organisation_id,
            Organisation.name,
            BottleneckNote.text,
            BottleneckNote.created_at,
        )
        .outerjoin(author, author.id == BottleneckNote.member_id)
        .outerjoin(Organisation, Organisation.id == BottleneckNote.organisation_id)
        .where(BottleneckNote.bottleneck_id.in_(ids))
        .order_by(BottleneckNote.created_at, BottleneckNote.id)
    ):
        bottleneck_id, name, organisation_id, organisation, text_, at = row
        notes[bottleneck_id].append(
            BottleneckNoteView(name, organisation_id, organisation, text_, at)
        )
    events: dict[int, list[BottleneckEventView]] = defaultdict(list)
    for e in session.scalars(
        select(BottleneckEvent)
        .where(BottleneckEvent.bottleneck_id.in_(ids))
        .order_by(BottleneckEvent.at, BottleneckEvent.id)
    ):
        events[e.bottleneck_id].append(
            BottleneckEventView(
                at=e.at,
                actor_name=e.actor_name,
                kind=e.kind,
                old_status=e.old_status,
                new_status=e.new_status,
                body=e.body,
                reference=e.reference,
                reason=e.reason,
            )
        )
    linked: dict[int, list[int]] = defaultdict(list)
    for bottleneck_id, item_id in session.execute(
        select(BottleneckKnowledge.bottleneck_id, BottleneckKnowledge.item_id)
        .where(BottleneckKnowledge.bottleneck_id.in_(ids))
        .order_by(BottleneckKnowledge.item_id)
    ):
        linked[bottleneck_id].append(item_id)
    every_link = sorted({i for items in linked.values() for i in items})
    may_see = set(
        session.scalars(
            select(KnowledgeItem.id).where(
                KnowledgeItem.id.in_(every_link), knowledge.visible(audience)
            )
        )
    )
    items = {k.id: k for k in knowledge.views(session, sorted(may_see))}
    result = []
    for b in found:
        shown = [items[i] for i in linked[b.id] if i in items]
        result.append(
            BottleneckDetail(
                bottleneck=b,
                notes=tuple(notes[b.id]),
                events=tuple(events[b.id]),
                knowledge=tuple(shown),
                hidden_knowledge=len(linked[b.id]) - len(shown),
            )
        )
    return result
