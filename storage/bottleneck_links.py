"""What surrounds a bottleneck: linked knowledge, similar reports, and held-back drafts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, delete, select
from sqlalchemy.orm import Session

from storage import audit, fulltext
from storage.bottlenecks import OPEN_STATUSES, views, visible
from storage.db import affected_rows
from storage.dialect import name_of
from storage.fold import index_words, stem, words
from storage.fulltext import Syntax, syntax
from storage.knowledge import views as knowledge_views
from storage.models import Bottleneck, BottleneckDraft, BottleneckKnowledge, KnowledgeItem
from storage.search import RELATED_AMONG, STOPWORDS, SearchQuery, best_ids
from storage.thesaurus import Thesaurus
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
@cache
def _similar(dialect: str) -> Select[Any]:
    index = fulltext.bottlenecks(dialect)
    return index.matching_ids().order_by(*index.best_first()).limit(50)


def meaningful_stems(words_text: str, thesaurus: Thesaurus | None = None) -> list[str]:
    """The stems that say what a text is about, in order, once each.

    Stop words are recognised as written (`voor`, `geen`), before stemming: their stems
    (`vor`, `gen`) would otherwise pass for meaningful words. With a thesaurus, a term
    becomes its group's token (`ddos` and `overbelastingsaanval` are one subject).
    """
    written = words(words_text)
    stemmed = [stem(w) for w in written]
    keep = [w not in STOPWORDS and len(s) > 2 for w, s in zip(written, stemmed, strict=True)]
    if thesaurus is not None:
        found = thesaurus.concepts(stemmed, keep)
    else:
        found = [s for s, k in zip(stemmed, keep, strict=True) if k]
    return list(dict.fromkeys(found))


def shares_enough(
    wanted: Sequence[str], candidate_text: str, thesaurus: Thesaurus | None = None
) -> bool:
    """Whether `candidate_text` shares at least two (or, for a one-word report, one) stems."""
    # As the index reads it: a hyphenated word's parts count too (`DDoS-aanvallen`).
    stemmed = [stem(w) for w in index_words(candidate_text)]
    return shares_enough_stems(wanted, stemmed, thesaurus)


def shares_enough_stems(
    wanted: Sequence[str], stemmed: list[str], thesaurus: Thesaurus | None = None
) -> bool:
    """`shares_enough` for a text already stemmed as the index stores it."""
    candidate = thesaurus.concepts(stemmed) if thesaurus is not None else stemmed
    shared = len(set(wanted) & set(candidate))
    return shared >= min(2, len(wanted))


def _match_any(wanted: Sequence[str], thesaurus: Thesaurus | None, language: Syntax) -> str:
    """The index's query for any of the wanted stems (a group token: any of its terms)."""
    parts = []
    for token in wanted:
        terms = thesaurus.terms_of(token) if thesaurus and token.startswith("~") else ()
        parts += [language.phrase(t) for t in terms] or [language.term(token)]
    return language.any_of.join(parts)


def similar(
    session: Session,
    audience: Audience,
    text_: str,
    limit: int = 3,
    thesaurus: Thesaurus | None = None,
) -> list[BottleneckView]:
    """Open bottlenecks `audience` may see that are about the same as `text_`."""
    wanted = meaningful_stems(text_, thesaurus)[:24]
    if not wanted:
        return []
    match = _match_any(wanted, thesaurus, syntax(session))
    shortlist = list(session.scalars(_similar(name_of(session)), {"match": match}))
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
    close = [
        b for b in found if shares_enough(wanted, f"{b.title} {b.description} {b.theme}", thesaurus)
    ]
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
    session: Session,
    audience: Audience,
    text_: str,
    limit: int = 3,
    thesaurus: Thesaurus | None = None,
) -> list[KnowledgeView]:
    """Knowledge items `audience` may see that are about the same as `text_`."""
    wanted = meaningful_stems(text_, thesaurus)[:24]
    if not wanted:
        return []
    query = SearchQuery(words=(text_,), match_any=True, compounds=False, thesaurus=thesaurus,
                        newest=RELATED_AMONG, snippets=False)  # fmt: skip
    best = best_ids(session, audience, query, limit=20)
    # Each one's title and text as the index stores them: stemmed already.
    rows = session.execute(_STORED_STEMS, {"ids": best})
    stored: dict[int, str] = {number: str(stems) for number, stems in rows}
    close = [n for n in best if shares_enough_stems(wanted, stored.get(n, "").split(), thesaurus)]
    return knowledge_views(session, close[:limit])


_STORED_STEMS = select(
    KnowledgeItem.id, KnowledgeItem.search_title + " " + KnowledgeItem.search_body
).where(KnowledgeItem.id.in_(bindparam("ids", expanding=True)))
