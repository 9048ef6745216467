"""Knowledge items: create, read (always through TLP), change, delete, vote."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import BindParameter, ColumnElement, bindparam, delete, func, select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session, aliased

from storage import audit
from storage.db import core_of
from storage.fold import fold, index_text, tail_text
from storage.models import (
    KnowledgeItem,
    KnowledgeRecipient,
    KnowledgeTag,
    Member,
    Organisation,
    Tag,
    UsefulVote,
)
from storage.tlp import TLP, Audience, visible_clause
from storage.views import Actor, KnowledgeView

RECIPIENTS = KnowledgeRecipient.__table__


def visible(audience: Audience, *, bound: bool = False) -> ColumnElement[bool]:
    """The TLP condition for knowledge items read by `audience` (`bound`: the reader
    left as parameters, see `storage.tlp.audience_params`)."""
    return visible_clause(
        audience,
        label=KnowledgeItem.tlp,
        organisation_id=KnowledgeItem.organisation_id,
        author_id=KnowledgeItem.author_id,
        item_id=KnowledgeItem.id,
        recipients_table=RECIPIENTS,
        bound=bound,
    )


def normalise_tag(tag: str) -> str:
    """How a tag is stored: folded, without its `#`."""
    return fold(tag.lstrip("#")).strip()[:60]


_IDS: BindParameter[int] = bindparam("ids", expanding=True)
_AUTHOR = aliased(Member)
# Built once: views() runs for every page of search results.
_ITEMS = (
    select(
        KnowledgeItem.id,
        KnowledgeItem.title,
        KnowledgeItem.body,
        KnowledgeItem.tlp,
        KnowledgeItem.author_id,
        _AUTHOR.display_name,
        KnowledgeItem.organisation_id,
        Organisation.name,
        KnowledgeItem.source_url,
        KnowledgeItem.source_author,
        KnowledgeItem.created_at,
        KnowledgeItem.updated_at,
        KnowledgeItem.review_at,
        KnowledgeItem.reviewed_at,
        KnowledgeItem.archived_at,
    )
    .outerjoin(_AUTHOR, _AUTHOR.id == KnowledgeItem.author_id)
    .outerjoin(Organisation, Organisation.id == KnowledgeItem.organisation_id)
    .where(KnowledgeItem.id.in_(_IDS))
)
_TAGS = (
    select(KnowledgeTag.item_id, Tag.name)
    .join(Tag, Tag.id == KnowledgeTag.tag_id)
    .where(KnowledgeTag.item_id.in_(_IDS))
    .order_by(Tag.name)
)
_VOTES = (
    select(UsefulVote.item_id, func.count())
    .where(UsefulVote.item_id.in_(_IDS))
    .group_by(UsefulVote.item_id)
)
_RECIPIENTS = (
    select(KnowledgeRecipient.item_id, Member.id, Member.display_name)
    .join(Member, Member.id == KnowledgeRecipient.member_id)
    .where(KnowledgeRecipient.item_id.in_(_IDS))
)


def views(session: Session, ids: Sequence[int]) -> list[KnowledgeView]:
    """Snapshots of the items with `ids`, in that order (missing ids are skipped)."""
    if not ids:
        return []
    wanted = {"ids": list(ids)}
    connection = core_of(session)
    rows = connection.execute(_ITEMS, wanted).all()
    tags: dict[int, list[str]] = {}
    for item_id, name in connection.execute(_TAGS, wanted):
        tags.setdefault(item_id, []).append(name)
    votes = {item_id: count for item_id, count in connection.execute(_VOTES, wanted)}
    red = [row.id for row in rows if row.tlp == TLP.RED.value]
    recipients: dict[int, list[tuple[int, str]]] = {}
    if red:
        for item_id, member_id, name in connection.execute(_RECIPIENTS, {"ids": red}):
            recipients.setdefault(item_id, []).append((member_id, name))
    found = {
        row.id: KnowledgeView(
            id=row.id,
            title=row.title,
            body=row.body,
            tlp=TLP(row.tlp),
            tags=tuple(tags.get(row.id, ())),
            author_id=row.author_id,
            author_name=row.display_name,
            organisation_id=row.organisation_id,
            organisation_name=row.name,
            recipient_ids=frozenset(m for m, _ in recipients.get(row.id, ())),
            recipient_names=tuple(sorted(n for _, n in recipients.get(row.id, ()))),
            source_url=row.source_url,
            source_author=row.source_author,
            created_at=row.created_at,
            updated_at=row.updated_at,
            useful_votes=votes.get(row.id, 0),
            review_at=row.review_at,
            reviewed_at=row.reviewed_at,
            archived_at=row.archived_at,
        )
        for row in rows
    }
    return [found[i] for i in ids if i in found]


def get_visible(session: Session, audience: Audience, item_id: int) -> KnowledgeView | None:
    """The item if it exists and `audience` may see it; otherwise None (never say which)."""
    found = session.scalar(
        select(KnowledgeItem.id).where(KnowledgeItem.id == item_id, visible(audience))
    )
    return views(session, [found])[0] if found is not None else None


def recent(
    session: Session, audience: Audience, limit: int, offset: int = 0
) -> list[KnowledgeView]:
    """The newest items `audience` may see (the archive left out)."""
    query = (
        select(KnowledgeItem.id)
        .where(visible(audience), KnowledgeItem.archived_at.is_(None))
        .order_by(KnowledgeItem.created_at.desc(), KnowledgeItem.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return views(session, list(session.scalars(query)))


def _tags(session: Session, names: Iterable[str]) -> list[Tag]:
    wanted = list(dict.fromkeys(n for n in (normalise_tag(n) for n in names) if n))
    if not wanted:
        return []
    existing = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(wanted)))}
    for name in wanted:
        if name not in existing:
            existing[name] = Tag(name=name)
            session.add(existing[name])
    return [existing[n] for n in wanted]


def _reindex(item: KnowledgeItem) -> None:
    item.search_title = index_text(item.title)
    item.search_body = index_text(item.body)
    item.search_tags = index_text(" ".join(t.name for t in item.tags))
    item.search_tails = tail_text(f"{item.title} {item.body} {' '.join(t.name for t in item.tags)}")


def create(
    session: Session,
    actor: Actor,
    at: datetime,
    *,
    title: str,
    body: str,
    tlp: TLP,
    tags: Iterable[str] = (),
    author_id: int | None,
    organisation_id: int | None,
    recipient_ids: Iterable[int] = (),
    source_url: str | None = None,
    source_author: str | None = None,
    review_at: date | None = None,
) -> KnowledgeView:
    """Store a new item and index it."""
    item = KnowledgeItem(
        review_at=review_at,
        title=title,
        body=body,
        tlp=tlp.value,
        author_id=author_id,
        organisation_id=organisation_id,
        source_url=source_url,
        source_author=source_author,
        created_at=at,
        updated_at=at,
    )
    item.tags = _tags(session, tags)
    item.recipients = _members(session, recipient_ids)
    _reindex(item)
    session.add(item)
    session.flush()
    audit.record(
        session, actor, "knowledge.created", "knowledge", item.id, at, title=title, tlp=tlp.value
    )
    return views(session, [item.id])[0]


def find_by_source(session: Session, source_url: str) -> int | None:
    """The item already saved from this chat message, if any."""
    return session.scalar(
        select(KnowledgeItem.id).where(KnowledgeItem.source_url == source_url).limit(1)
    )


def _members(session: Session, ids: Iterable[int]) -> list[Member]:
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    return list(session.scalars(select(Member).where(Member.id.in_(wanted))))


def update(
    session: Session,
    actor: Actor,
    at: datetime,
    item_id: int,
    *,
    title: str | None = None,
    body: str | None = None,
    tlp: TLP | None = None,
    tags: Iterable[str] | None = None,
    recipient_ids: Iterable[int] | None = None,
) -> KnowledgeView:
    """Change the given fields of an item and re-index it."""
    item = session.get(KnowledgeItem, item_id)
    if item is None:
        raise LookupError(item_id)
    changed: dict[str, object] = {}
    if title is not None and title != item.title:
        item.title = title
        changed["title"] = title
    if body is not None and body != item.body:
        item.body = body
        changed["body"] = True
    if tlp is not None and tlp.value != item.tlp:
        changed["tlp"] = {"before": item.tlp, "after": tlp.value}
        item.tlp = tlp.value
    if tags is not None:
        new_tags = _tags(session, tags)
        if [t.name for t in new_tags] != [t.name for t in item.tags]:
            item.tags = new_tags
            changed["tags"] = [t.name for t in new_tags]
    if recipient_ids is not None:
        before = sorted(m.id for m in item.recipients)
        item.recipients = _members(session, recipient_ids)
        after = sorted(m.id for m in item.recipients)
        if before != after:
            changed["recipients"] = {"before": before, "after": after}
    if changed:
        item.updated_at = at
        _reindex(item)
        session.flush()
        audit.record(session, actor, "knowledge.updated", "knowledge", item.id, at, **changed)
    return views(session, [item.id])[0]


def remove(session: Session, actor: Actor, at: datetime, item_id: int) -> None:
    """Delete an item; the audit log keeps its title and label."""
    item = session.get(KnowledgeItem, item_id)
    if item is None:
        raise LookupError(item_id)
    audit.record(
        session,
        actor,
        "knowledge.deleted",
        "knowledge",
        item.id,
        at,
        title=item.title,
        tlp=item.tlp,
    )
    session.execute(delete(KnowledgeItem).where(KnowledgeItem.id == item_id))


def add_useful_vote(
    session: Session, actor: Actor, at: datetime, item_id: int, member_id: int
) -> bool:
    """Record that a member found an item useful; False if they had already said so."""
    if session.get(UsefulVote, (item_id, member_id)) is not None:
        return False
    session.add(UsefulVote(item_id=item_id, member_id=member_id, created_at=at))
    session.flush()
    audit.record(session, actor, "knowledge.useful", "knowledge", item_id, at)
    return True


def tag_counts(session: Session, audience: Audience, limit: int = 30) -> list[tuple[str, int]]:
    """The most used tags on items `audience` may see."""
    query = (
        select(Tag.name, func.count())
        .join(KnowledgeTag, KnowledgeTag.tag_id == Tag.id)
        .join(KnowledgeItem, KnowledgeItem.id == KnowledgeTag.item_id)
        .where(visible(audience))
        .group_by(Tag.name)
        .order_by(func.count().desc(), Tag.name)
        .limit(limit)
    )
    return [(name, count) for name, count in session.execute(query)]


# --- review dates and the archive -----------------------------------------------------


def _row(session: Session, item_id: int) -> KnowledgeItem:
    item = session.get(KnowledgeItem, item_id)
    if item is None:
        raise LookupError(item_id)
    return item


def set_review(
    session: Session, actor: Actor, at: datetime, item_id: int, review_at: date
) -> KnowledgeView:
    """The item was reviewed (still true, or updated): its next review date."""
    item = _row(session, item_id)
    before = item.review_at
    item.review_at, item.reviewed_at = review_at, at
    session.flush()
    audit.record(session, actor, "knowledge.reviewed", "knowledge", item.id, at,
                 review_at={"before": before, "after": review_at})  # fmt: skip
    return views(session, [item.id])[0]


def set_archived(
    session: Session, actor: Actor, at: datetime, item_id: int, archived: bool
) -> KnowledgeView:
    """Archive an item (it leaves search, stays readable by number), or restore it."""
    item = _row(session, item_id)
    item.archived_at = at if archived else None
    session.flush()
    action = "knowledge.archived" if archived else "knowledge.restored"
    audit.record(session, actor, action, "knowledge", item.id, at)
    return views(session, [item.id])[0]


def reviews_due(session: Session, until: date, limit: int = 200) -> list[KnowledgeView]:
    """Items whose review date has come by `until` and whose author was not yet asked
    about that date (oldest first)."""
    ids = session.scalars(
        select(KnowledgeItem.id)
        .where(
            KnowledgeItem.review_at <= until,
            KnowledgeItem.archived_at.is_(None),
            (KnowledgeItem.review_asked_for.is_(None))
            | (KnowledgeItem.review_asked_for != KnowledgeItem.review_at),
        )
        .order_by(KnowledgeItem.review_at, KnowledgeItem.id)
        .limit(limit)
    )
    return views(session, list(ids))


def mark_asked(session: Session, item_id: int, review_at: date) -> None:
    """The author was asked (planned in the outbox) about this review date."""
    session.execute(
        sql_update(KnowledgeItem)
        .where(KnowledgeItem.id == item_id)
        .values(review_asked_for=review_at)
    )


def currency(session: Session, audience: Audience, today: date) -> tuple[int, int, int]:
    """How current the knowledge `audience` may see is: (current, past review, archived)."""
    counted = select(
        func.count().filter(KnowledgeItem.archived_at.is_(None),
                            (KnowledgeItem.review_at.is_(None))
                            | (KnowledgeItem.review_at >= today)),
        func.count().filter(KnowledgeItem.archived_at.is_(None), KnowledgeItem.review_at < today),
        func.count().filter(KnowledgeItem.archived_at.is_not(None)),
    ).where(visible(audience))  # fmt: skip
    current, stale, archived = session.execute(counted).one()
    return int(current), int(stale), int(archived)
