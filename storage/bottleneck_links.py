"""What surrounds a bottleneck: linked knowledge, similar reports, and held-back drafts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from storage import audit
from storage.bottlenecks import OPEN_STATUSES, views, visible
from storage.db import affected_rows
from storage.fold import stem, stems, words
from storage.models import Bottleneck, BottleneckDraft, BottleneckKnowledge
from storage.search import STOPWORDS, SearchQuery, search
from storage.tlp import TLP, Audience
from storage.views import Actor, BottleneckView, KnowledgeView
from storage.views import BottleneckDraft as DraftView


def link_knowledge(
    session: Session, actor: Actor, at: datetime, bottleneck_id: int, item_id: int
) -> bool:
    """Link a knowledge item; False when it was linked already."""
    if session.get(BottleneckKnowledge, (bottleneck_id, item_id)) is not None:
        return False
    session.add(BottleneckKnowledge(bottleneck_id=bottleneck_id, item_id=item_id))
    audit.record(session, actor, "bottleneck.link", "bottleneck", bottleneck_id, at, item=item_id)
    session.flush()
    return True


def unlink_knowledge(
    session: Session, actor: Actor, at: datetime, bottleneck_id: int, item_id: int
) -> bool:
    removed = affected_rows(
        session,
        delete(BottleneckKnowledge).where(
            BottleneckKnowledge.bottleneck_id == bottleneck_id,
            BottleneckKnowledge.item_id == item_id,
        ),
    )
    if removed:
        audit.record(
            session, actor, "bottleneck.unlink", "bottleneck", bottleneck_id, at, item=item_id
        )
    return bool(removed)


# Similar bottlenecks: the any-word index match is only a shortlist; a candidate must
# share enough meaningful words with the new report to be worth showing.
_SIMILAR = text(
    "SELECT rowid FROM bottleneck_fts WHERE bottleneck_fts MATCH :match ORDER BY rank LIMIT 50"
)


def meaningful_stems(words_text: str) -> list[str]:
    """The stems that say what a text is about, in order, once each.

    Stop words are recognised as written (`voor`, `geen`), before stemming: their stems
    (`vor`, `gen`) would otherwise pass for meaningful words.
    """
    kept = (stem(w) for w in words(words_text) if w not in STOPWORDS)
    return list(dict.fromkeys(s for s in kept if len(s) > 2))


def shares_enough(wanted: Sequence[str], candidate_text: str) -> bool:
    """Whether `candidate_text` shares at least two (or, for a one-word report, one) stems."""
    shared = len(set(wanted) & set(stems(candidate_text)))
    return shared >= min(2, len(wanted))


def similar(
    session: Session, audience: Audience, text_: str, limit: int = 3
) -> list[BottleneckView]:
    """Open bottlenecks `audience` may see that are about the same as `text_`."""
    wanted = meaningful_stems(text_)[:24]
    if not wanted:
        return []
    match = " OR ".join(f'"{s}"' for s in wanted)
    shortlist = list(session.scalars(_SIMILAR, {"match": match}))
    if not shortlist:
        return []
    allowed = set(
        session.scalars(
            select(Bottleneck.id).where(
                Bottleneck.id.in_(shortlist),
                Bottleneck.status.in_(OPEN_STATUSES),
                visible(audience),
            )
        )
    )
    found = views(session, [i for i in shortlist if i in allowed])
    close = [b for b in found if shares_enough(wanted, f"{b.title} {b.description} {b.theme}")]
    return close[:limit]


DRAFT_DAYS = timedelta(days=7)


def save_draft(
    session: Session,
    at: datetime,
    member_id: int,
    *,
    title: str,
    description: str,
    theme: str | None,
    tlp: TLP,
) -> int:
    """Hold a report back; drafts nobody acted on for a week are cleared out."""
    session.execute(delete(BottleneckDraft).where(BottleneckDraft.created_at < at - DRAFT_DAYS))
    row = BottleneckDraft(
        member_id=member_id,
        title=title,
        description=description,
        theme=theme,
        tlp=tlp.value,
        created_at=at,
    )
    session.add(row)
    session.flush()
    return row.id


def get_draft(session: Session, draft_id: int, member_id: int) -> DraftView | None:
    """The member's own draft (None if gone or someone else's)."""
    row = session.get(BottleneckDraft, draft_id)
    if row is None or row.member_id != member_id:
        return None
    return DraftView(
        id=row.id,
        member_id=row.member_id,
        title=row.title,
        description=row.description,
        theme=row.theme,
        tlp=TLP(row.tlp),
    )


def take_draft(session: Session, draft_id: int, member_id: int) -> DraftView | None:
    """Remove and return the member's own draft (None if gone or someone else's)."""
    draft = get_draft(session, draft_id, member_id)
    if draft is not None:
        session.execute(delete(BottleneckDraft).where(BottleneckDraft.id == draft_id))
    return draft


def similar_knowledge(
    session: Session, audience: Audience, text_: str, limit: int = 3
) -> list[KnowledgeView]:
    """Knowledge items `audience` may see that are about the same as `text_`."""
    wanted = meaningful_stems(text_)[:24]
    if not wanted:
        return []
    query = SearchQuery(words=(text_,), match_any=True, compounds=False)
    hits = search(session, audience, query, limit=20).hits
    close = [h.item for h in hits if shares_enough(wanted, f"{h.item.title} {h.item.body}")]
    return close[:limit]
