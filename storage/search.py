"""Full-text search over knowledge items: ranked by relevance, Dutch stems, TLP applied.

The index is FTS5 with BM25 on SQLite and a weighted tsvector on PostgreSQL
(`storage.fulltext`); the rules below (which words, prefixes, compounds, typos,
fallbacks) are the same on both.

User text never reaches `MATCH` as written. The query is rebuilt from words (runs of
letters and digits, folded and stemmed exactly as the index was), each one quoted, so
that `"`, `*`, `NEAR`, `AND`, `-`, `:` or brackets are just words or separators.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import (
    Integer,
    Select,
    String,
    bindparam,
    case,
    column,
    func,
    literal,
    select,
    table,
)
from sqlalchemy.orm import Session

from storage import fulltext
from storage.db import core_of
from storage.dialect import POSTGRESQL, name_of
from storage.fold import WORD, folded_word, joint_variants, phrase_variants, stem, word_key, words
from storage.fulltext import FTS5, Syntax, syntax
from storage.knowledge import views, visible
from storage.models import KnowledgeItem, KnowledgeTag, SearchTerm, Tag, UTCDateTime
from storage.thesaurus import Thesaurus
from storage.tlp import TLP, Audience, audience_params, audience_shape, surely_visible
from storage.views import KnowledgeView, SearchHit

# A plain word also finds longer words that start with its stem (`phishing` finds
# `phishingmails`, `wachtwoord` finds `wachtwoordbeleid`); below this length that
# would find too much (`log` → `login`).
PREFIX_FROM = 5
MAX_TERMS = 12

# Words too common to narrow a search; dropped unless the query has nothing else.
# Questions as people type them (`hoe melden jullie een datalek?`) bring their
# question words and everyday verbs, which say nothing about the subject.
STOPWORDS = frozenset(
    "de het een en of in op van voor met aan bij te tot om als dat die dit is zijn was er "
    "ook nog wel niet geen maar dan naar over door uit wat hoe wie waar welke ik je jij "
    "we wij ze zij u onze ons mijn hun the a an and or of to for is are "
    "jullie uw jouw men zich mij me hem haar deze dus al alle iets iemand iedereen zo nu "
    "hier daar waarom wanneer waarmee waarvoor waarop hoeveel welk moet moeten moest "
    "doen doet deed krijgen krijg krijgt kreeg hebben heb hebt heeft had kan kun kunnen "
    "kon wordt worden werd word zou zouden mag mogen wil willen wilt gaat gaan ga gaan "
    "zijn ben bent graag eigenlijk precies even via bijvoorbeeld regelen regelt regel omgaan "
    "omgaat weten weet vinden vindt zien ziet maken maakt iemand ervaring ervaringen tips "
    "how do does we what which when who why can should our your you it this that".split()
)


@dataclass(frozen=True)
class SearchQuery:
    """What to look for: words as typed, filters already resolved."""

    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    tlp: TLP | None = None
    organisation_id: int | None = None
    since: datetime | None = None
    exclude_ids: tuple[int, ...] = ()
    match_any: bool = False
    # Let a plain word also find compounds it starts (`phishing` → `phishingmails`).
    # None: only when the exact words find less than a page, since expanding a
    # common word's prefix makes the index merge large lists.
    compounds: bool | None = None
    # Abbreviations, full forms and English terms that mean the same (`ddos` finds
    # `overbelastingsaanval`); None: the words only.
    thesaurus: Thesaurus | None = field(default=None, compare=False)
    # Stems the index does not hold, and the close ones searched instead (typos).
    corrections: tuple[tuple[str, str], ...] = ()
    # Compounds the index also holds with another linking letter, searched as well
    # (`kwetsbaarheidsscan` also finds `kwetsbaarhedenscan`); None: not looked up yet.
    joints: tuple[tuple[str, tuple[str, ...]], ...] | None = None
    # Archived items too (`archief:ja`); by default they leave search.
    archived: bool = False
    # Items past their review date on this day rank below current ones (None: no order).
    today: date | None = None
    # Rank only the newest this many matches (None: all). For the any-word searches
    # behind "related" and "similar" items, which match much of a large base: ranking
    # thousands of matches costs more than it tells, and the newest are what counts.
    newest: int | None = None
    # Hits come with a marked snippet; False for callers that only need the items.
    snippets: bool = True
    # The words are an item's own (related items): no typos to correct, no other
    # linking letters to look up.
    indexed_words: bool = False

    @property
    def has_text(self) -> bool:
        return bool(self.words or self.phrases or self.prefixes)


@dataclass(frozen=True)
class _Terms:
    exact: tuple[str, ...] = ()
    prefix: tuple[str, ...] = ()
    # Each phrase as its variants (a hyphenated word: joined, or its parts).
    phrases: tuple[tuple[tuple[str, ...], ...], ...] = field(default=())
    # Each thesaurus group found in the query: its terms, any of which will do.
    synonyms: tuple[tuple[tuple[str, ...], ...], ...] = field(default=())
    compounds: bool = False
    joined: str = ""  # two query words written as one, as a prefix
    starts: tuple[tuple[str, str], ...] = ()


def _terms(query: SearchQuery) -> _Terms:
    plain = [w for text in query.words for w in words(text)]
    # A word or run of words that is a thesaurus term is searched as any term of its
    # group, each as a phrase (a term may be several words: `denial of service`).
    found = query.thesaurus.expand([stem(w) for w in plain]) if query.thesaurus else []
    taken = {i for start, size, _group in found for i in range(start, start + size)}
    synonyms = [group for _start, _size, group in found]
    rest = [w for i, w in enumerate(plain) if i not in taken]
    meaningful = [w for w in rest if w not in STOPWORDS] or ([] if synonyms else rest)
    exact: list[str] = []
    prefix: list[str] = []
    starts: dict[str, str] = {}  # a prefix term's stem → what its compounds start with
    corrected = dict(query.corrections)
    joints = dict(query.joints or ())
    for word in dict.fromkeys(meaningful):
        stemmed = stem(word)
        stemmed = corrected.get(stemmed, stemmed)
        if stemmed in joints:
            synonyms.append(tuple((t,) for t in (stemmed, *joints[stemmed])))
        elif query.compounds and len(stemmed) >= PREFIX_FROM:
            starts[stemmed] = _start(stemmed, word)
            prefix.append(stemmed)
        else:
            exact.append(stemmed)
    # Two words that people also write as one (`gebouwbeheer systeem`): either way.
    joined = ""
    if query.compounds and len(meaningful) == 2 and not corrected:
        joined = _start(stem("".join(meaningful)), "".join(meaningful))
    for written in query.prefixes:
        folded = words(written)
        if folded:
            prefix.append(min(stem(folded[0]), folded[0], key=len))
    phrases = [tuple(phrase_variants(text)) for text in query.phrases]
    return _Terms(
        exact=tuple(dict.fromkeys(exact))[:MAX_TERMS],
        prefix=tuple(dict.fromkeys(prefix))[:MAX_TERMS],
        phrases=tuple(p for p in dict.fromkeys(phrases) if p)[:MAX_TERMS],
        synonyms=tuple(dict.fromkeys(synonyms))[:MAX_TERMS],
        compounds=bool(query.compounds),
        joined=joined,
        starts=tuple(starts.items()),
    )


def _start(stemmed: str, folded: str) -> str:
    """What a compound starting with this word starts with: the stem, or as much of it as
    the word itself begins with (the stemmer writes `beheer` as `beher`, a compound keeps
    `beheersysteem`)."""
    length = next((i for i, (a, b) in enumerate(zip(stemmed, folded, strict=False)) if a != b),
                  min(len(stemmed), len(folded)))  # fmt: skip
    common = stemmed[:length]
    return common if len(common) >= PREFIX_FROM else stemmed


def _synonym(term: tuple[str, ...], compounds: bool, language: Syntax) -> str:
    """One term of a thesaurus group (a one-word term may start compounds)."""
    if len(term) == 1 and compounds and len(term[0]) >= PREFIX_FROM:
        return language.term(term[0]) + language.any_of + language.prefix(term[0])
    return language.phrase(term)


def match_expression(query: SearchQuery, language: Syntax = FTS5) -> str | None:
    """The index's query for `query` (an FTS5 MATCH or a PostgreSQL tsquery), or None
    when it holds no searchable word."""
    terms = _terms(query)
    any_of, all_of = language.any_of, language.all_of

    # With compounds, a word also finds the compounds it ends (`systeem`:
    # gebouwbeheersysteem), by its reversed stem in the tails column.
    def tail(t: str) -> str:
        return any_of + language.tail(t[::-1]) if terms.compounds and len(t) >= 4 else ""

    parts = [f"({language.term(t)}{tail(t)})" if tail(t) else language.term(t)
             for t in terms.exact]  # fmt: skip
    # A prefix term also matches as a whole word, so that the exact word (`phishing`)
    # outranks the compounds it starts (`phishingmails`): the ranking adds up both.
    starts = dict(terms.starts)
    parts += [f"({language.term(t)}{any_of}{language.prefix(starts.get(t, t))}{tail(t)})"
              for t in terms.prefix]  # fmt: skip
    if terms.joined and len(parts) == 2 and not query.match_any:
        parts = [f"(({parts[0]}{all_of}{parts[1]}){any_of}{language.prefix(terms.joined)})"]
    parts += ["(" + any_of.join(language.phrase(v) for v in variants) + ")"
              for variants in terms.phrases]  # fmt: skip
    parts += ["(" + any_of.join(_synonym(t, terms.compounds, language) for t in group) + ")"
              for group in terms.synonyms]  # fmt: skip
    if not parts:
        return None
    return (any_of if query.match_any else all_of).join(parts)


@dataclass(frozen=True)
class SearchPage:
    hits: list[SearchHit]
    query: SearchQuery  # the query that found them, every fallback settled: page on with it
    newest_first: bool = False  # the words match so many items that relevance means little
    # Words as they stand in the items found, for words that found nothing: "Bedoelde je".
    did_you_mean: tuple[str, ...] = ()


# When the rarest required word is in more items than this, ranking every match by
# relevance costs more than it tells: show the newest matches first instead, which
# the index can deliver without scoring them all.
BROAD_MATCH = 5_000
# Below that, ranking still reads every match's word counts (at 100,000 items a word
# in 3,000 items took 10–15 ms): a search ranks the newest this many matches. A search
# with fewer matches is therefore not broad (`_search` counts only beyond them).
RANKED_AMONG = 2_000
assert RANKED_AMONG <= BROAD_MATCH


def search(
    session: Session, audience: Audience, query: SearchQuery, limit: int, offset: int = 0
) -> SearchPage:
    """Hits that `audience` may see, best (or, for very broad queries, newest) first.

    A first search that finds less than a page widens itself: plain words also match
    the compounds they start, and when no item holds every word, any word will do.
    A widening that comes down to a search already run (one word: "any word" is the
    same search) is not run again.
    """
    return _widening(session, audience, query, limit, offset, {})


Tried = dict[tuple[str | None, SearchQuery], SearchPage]


def _widening(
    session: Session, audience: Audience, query: SearchQuery, limit: int, offset: int,
    tried: Tried, typos: bool = True,
) -> SearchPage:  # fmt: skip
    """`typos`: look for typos first (not again when only `match_any` changed: a
    corrected search that matches any word is never shown as "Bedoelde je")."""
    if query.compounds is not None:
        return _search_once(session, audience, query, limit, offset, tried)
    if query.joints is None:
        query = replace(query, joints=() if query.indexed_words else _joints(session, query))
    if typos and not query.corrections and not query.indexed_words:
        corrected = _with_corrections(session, query)
        if corrected is not None:
            page = _widening(session, audience, corrected, limit, offset, tried)
            if page.hits and not page.query.match_any:
                return replace(page, did_you_mean=_as_written(page, corrected))
    page = _search_once(session, audience, replace(query, compounds=False), limit, offset, tried)
    if offset or len(page.hits) >= limit:
        return page
    if query.words:
        page = _search_once(session, audience, replace(query, compounds=True), limit, offset,
                            tried)  # fmt: skip
    if page.hits or query.match_any or not query.has_text:
        return page
    return _widening(session, audience, replace(query, match_any=True), limit, offset, tried,
                     typos=False)  # fmt: skip


def _search_once(
    session: Session, audience: Audience, query: SearchQuery, limit: int, offset: int,
    tried: Tried,
) -> SearchPage:  # fmt: skip
    """`_search`, unless this search's MATCH (with the same filters) already ran."""
    match = match_expression(query, syntax(session)) if query.has_text else None
    key = (match, _filters(query))
    if key not in tried:
        tried[key] = _search(session, audience, query, match, limit, offset)
    return tried[key]


def _filters(query: SearchQuery) -> SearchQuery:
    """`query` without what only makes its MATCH: equal filters, equal results."""
    return replace(query, words=(), phrases=(), prefixes=(), match_any=False, compounds=None,
                   thesaurus=None, corrections=(), joints=None)  # fmt: skip


VOCABULARY = table("knowledge_fts_vocab", column("term"), column("doc"))
# How close a word must be to count as a typo of an indexed word (0–100).
TYPO_SCORE = 80


# Statements run for every search are built once per engine; the words and the reader
# are parameters. They select columns, not entities, and run on the session's
# connection (`core_of`).
_HELD = select(SearchTerm.term).where(SearchTerm.term.in_(bindparam("terms", expanding=True)))
_OF_LABELS = select(func.count()).where(KnowledgeItem.tlp.in_(bindparam("labels", expanding=True)))
_NEAR = (
    bindparam("low", type_=String),
    bindparam("high", type_=String),
    bindparam("shortest", type_=Integer),
    bindparam("longest", type_=Integer),
)


@dataclass(frozen=True)
class _Statements:
    holds: Select[Any]  # is a term in the index at all
    close: Select[Any]  # the index's terms about as long as a word, that start like it
    nth_newest: Select[Any]  # the id of the newest match but `skip`
    all_matches: Select[Any]  # how many items match, counting stops at `cap`


@cache
def _statements(dialect: str) -> _Statements:
    index = fulltext.knowledge(dialect)
    matching = index.matching_ids()
    low, high, shortest, longest = _NEAR
    # SQLite's FTS5 counts each term's items in its vocabulary table; PostgreSQL's
    # words are in search_terms (migration 0017) and are counted one by one (`_counts`).
    words: Any = SearchTerm.term if index.postgresql else VOCABULARY.c.term
    counted = (literal(0),) if index.postgresql else (VOCABULARY.c.doc,)
    return _Statements(
        holds=matching.limit(1),
        close=select(words, *counted).where(
            words >= low, words < high, func.length(words).between(shortest, longest)
        ),
        nth_newest=matching.order_by(index.rowid.desc())
        .limit(1)
        .offset(bindparam("skip", type_=Integer)),
        all_matches=select(func.count()).select_from(
            matching.limit(bindparam("cap", type_=Integer)).subquery()
        ),
    )


def _joints(session: Session, query: SearchQuery) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """For each compound in the query, the forms with another linking letter the index holds."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for term in _terms(replace(query, compounds=False, joints=())).exact:
        variants = joint_variants(term)
        if variants:
            held = core_of(session).scalars(_HELD, {"terms": list(variants)})
            if forms := tuple(sorted(str(t) for t in held)):
                found.append((term, forms))
    return tuple(found)


def _with_corrections(session: Session, query: SearchQuery) -> SearchQuery | None:
    """The query with each word the index does not hold replaced by its closest word.

    Candidates are the index's own terms that start like the word (typos rarely hit
    the first letter) and are about as long; rapidfuzz ranks them by edit distance,
    and a more common term wins a tie. None when every word is in the index, or when
    nothing is close enough: then no guess is shown.
    """
    terms = _terms(replace(query, compounds=False))
    language = syntax(session)
    statements = _statements(name_of(session))
    connection = core_of(session)
    fixes: list[tuple[str, str]] = []
    for term in terms.exact:  # a word with other joints in the index is a synonym group
        # Held by the index? One look in the FTS index itself: the vocabulary table would
        # count the documents of the term, which for a very common word reads its whole
        # list (77 ms at a million items instead of 0.04 ms).
        if connection.execute(statements.holds, {"match": language.term(term)}).first():
            continue
        rows = connection.execute(statements.close, {"low": term[0], "high": term[0] + "\uffff",
                                                     "shortest": len(term) - 3,
                                                     "longest": len(term) + 3}).all()  # fmt: skip
        counts = {str(t): int(d) for t, d in rows}
        from rapidfuzz import fuzz, process  # only a query with an unknown word needs it

        close = process.extract(term, list(counts), scorer=fuzz.ratio, limit=5,
                                score_cutoff=TYPO_SCORE)  # fmt: skip
        if language is not FTS5:  # the items of the close terms only, counted now
            counts = _counts(session, [c[0] for c in close], statements, language)
            close = [c for c in close if counts[c[0]]]
        if close:
            best = max(close, key=lambda found: (found[1], counts[found[0]]))
            fixes.append((term, best[0]))
    return replace(query, corrections=tuple(fixes)) if fixes else None


# A close term is counted up to this many items: enough to tell the common one.
COUNT_CLOSE = 1_000


def _counts(
    session: Session, terms: list[str], statements: _Statements, language: Syntax
) -> dict[str, int]:
    """How many items hold each term (at most COUNT_CLOSE); 0 for a term no item holds
    any more (search_terms keeps the words of deleted items)."""
    return {t: int(core_of(session).scalar(statements.all_matches,
                                  {"match": language.term(t), "cap": COUNT_CLOSE}) or 0)
            for t in terms}  # fmt: skip


def _as_written(page: SearchPage, query: SearchQuery) -> tuple[str, ...]:
    """The corrected words as the items found write them (`ransomware`, not `ransomwar`)."""
    wanted = {fixed for _typo, fixed in query.corrections}
    found: dict[str, str] = {}
    for hit in page.hits:
        for match in WORD.finditer(f"{hit.item.title} {hit.item.body}"):
            key = word_key(match.group())
            if key in wanted and key not in found:
                found[key] = match.group().lower()
    return tuple(found.get(fixed, fixed) for _typo, fixed in query.corrections)


def _search(
    session: Session, audience: Audience, query: SearchQuery, match: str | None, limit: int,
    offset: int,
) -> SearchPage:  # fmt: skip
    if query.has_text and match is None:
        return SearchPage(hits=[], query=query)
    floor = _window(session, query, match)
    # Fewer matches than the window are not broad, and neither is a search that ranks
    # the newest `query.newest` (related and similar items): it costs the same however
    # many there are.
    newest_first = (
        match is not None
        and floor is not None
        and not query.newest
        and _is_broad(session, audience, match)
    )
    ids = _ranked_ids(session, audience, query, match, limit, offset, newest_first, floor)
    marker = _marker(_terms(query)) if match and query.snippets else None
    hits = [SearchHit(item=item, snippet=snippet(item, marker) if query.snippets else "")
            for item in views(session, ids)]  # fmt: skip
    return SearchPage(hits=hits, query=query, newest_first=newest_first)


def best_ids(session: Session, audience: Audience, query: SearchQuery, limit: int) -> list[int]:
    """The ids of the best matches of an any-word `query` among its newest
    `query.newest`, as `search` ranks them, without reading the items (a caller that
    keeps only some of them reads those)."""
    assert query.match_any and query.newest and query.compounds is not None
    match = match_expression(query, syntax(session))
    if match is None:
        return []
    floor = _window(session, query, match)
    return _ranked_ids(session, audience, query, match, limit, 0, False, floor)


def _window(session: Session, query: SearchQuery, match: str | None) -> int | None:
    """The oldest of the newest matches a search ranks (`query.newest`, else
    RANKED_AMONG); None when fewer match, or the search has no words."""
    if match is None:
        return None
    skip = (query.newest or RANKED_AMONG) - 1
    found = core_of(session).scalar(_statements(name_of(session)).nth_newest,
                           {"match": match, "skip": skip})  # fmt: skip
    return None if found is None else int(found)


def _is_broad(session: Session, audience: Audience, match: str) -> bool:
    """Whether `match` finds more than BROAD_MATCH items `audience` may see; counting stops there.

    Only what the reader may see counts: the notice that follows must not reveal how
    many labelled items hold these words. All matches are counted first, in the FTS
    index alone (well under a millisecond): when they are not more than BROAD_MATCH,
    those the reader may see are not either, and checking each one's label is spared.
    When they outnumber BROAD_MATCH plus every item of the labels the reader may not
    always see, more than BROAD_MATCH are certainly the reader's: no label is read
    either. Only in between is each match's label read.

    PostgreSQL reads each matching row to count it (its index only says where the
    rows are): there the matches the reader may see are counted at once, up to
    BROAD_MATCH + 1, which costs what the first count alone would.
    """
    dialect = name_of(session)
    params = {"match": match, **audience_params(audience)}
    visible_matches = _visible_matches(dialect, audience_shape(audience))
    if dialect == POSTGRESQL:
        return (core_of(session).scalar(visible_matches, params) or 0) > BROAD_MATCH
    statements = _statements(dialect)
    everything = {"match": match, "cap": BROAD_MATCH + 1}
    if (core_of(session).scalar(statements.all_matches, everything) or 0) <= BROAD_MATCH:
        return False
    unsure = [t.value for t in TLP if t not in surely_visible(audience)]
    others = (core_of(session).scalar(_OF_LABELS, {"labels": unsure}) or 0) if unsure else 0
    if not others:  # every item is one the reader surely sees
        return True
    cap = BROAD_MATCH + others + 1
    if (core_of(session).scalar(statements.all_matches, {"match": match, "cap": cap}) or 0) == cap:
        return True
    return (core_of(session).scalar(visible_matches, params) or 0) > BROAD_MATCH


@lru_cache(maxsize=64)
def _visible_matches(dialect: str, shape: Audience) -> Select[Any]:
    index = fulltext.knowledge(dialect)
    capped = (
        index.matches(select(KnowledgeItem.id).where(visible(shape, bound=True)))
        .limit(BROAD_MATCH + 1)
        .subquery()
    )
    return select(func.count()).select_from(capped)


def _ranked_ids(
    session: Session,
    audience: Audience,
    query: SearchQuery,
    match: str | None,
    limit: int,
    offset: int,
    newest_first: bool,
    floor: int | None,
) -> list[int]:
    order = "all" if match is None else "newest" if newest_first else "rank"
    if order != "rank":
        floor = None
    exact = _exact(session, query, match)
    stmt = _ranked(
        name_of(session),
        audience_shape(audience),
        order,
        exact=exact is not None,
        archived=query.archived,
        stale=query.today is not None,
        tags=bool(query.tags),
        tlp=query.tlp is not None,
        organisation=query.organisation_id is not None,
        since=query.since is not None,
        exclude=bool(query.exclude_ids),
        floor=floor is not None,
    )
    params: dict[str, Any] = {
        "floor": floor,
        **audience_params(audience),
        "match": match,
        "exact": exact,
        "today": query.today,
        "tags": list(query.tags),
        "tag_count": len(set(query.tags)),
        "tlp": query.tlp.value if query.tlp is not None else None,
        "organisation": query.organisation_id,
        "since": query.since,
        "exclude": list(query.exclude_ids),
        "limit": limit,
        "offset": offset,
    }
    return list(core_of(session).scalars(stmt, params))


def _exact(session: Session, query: SearchQuery, match: str | None) -> str | None:
    """The query without the compounds its words start, for PostgreSQL's ranking; None
    when that is the query itself (or on SQLite, whose ranking does not need it)."""
    language = syntax(session)
    if match is None or language is FTS5 or not query.compounds:
        return None
    exact = match_expression(replace(query, compounds=False), language)
    return exact if exact != match else None


@lru_cache(maxsize=256)
def _ranked(
    dialect: str,
    shape: Audience,
    order: str,
    *,
    exact: bool,
    archived: bool,
    stale: bool,
    tags: bool,
    tlp: bool,
    organisation: bool,
    since: bool,
    exclude: bool,
    floor: bool,
) -> Select[Any]:
    """The ranked search for one shape of query and reader, built once; every value
    (the MATCH, the reader, the filters, the page) is a parameter."""
    index = fulltext.knowledge(dialect)
    stmt = select(KnowledgeItem.id).where(visible(shape, bound=True))
    if not archived:
        stmt = stmt.where(KnowledgeItem.archived_at.is_(None))
    # Current knowledge first: an item past its review date comes after all that is not.
    today = bindparam("today", type_=KnowledgeItem.review_at.type)
    current = [case((KnowledgeItem.review_at < today, 1), else_=0)] if stale else []
    if order != "all":
        stmt = index.matches(stmt)
        if order == "newest":
            stmt = stmt.order_by(index.rowid.desc())
        else:
            ranking = index.best_first(exact=exact)
            stmt = stmt.order_by(*current, *ranking, KnowledgeItem.created_at.desc())
    else:
        stmt = stmt.order_by(*current, KnowledgeItem.created_at.desc(), KnowledgeItem.id.desc())
    if tags:  # every tag asked for
        tagged = (
            select(func.count(func.distinct(Tag.name)))
            .join(KnowledgeTag, Tag.id == KnowledgeTag.tag_id)
            .where(
                KnowledgeTag.item_id == KnowledgeItem.id,
                Tag.name.in_(bindparam("tags", expanding=True)),
            )
            .scalar_subquery()
        )
        stmt = stmt.where(tagged == bindparam("tag_count", type_=Integer))
    if tlp:
        stmt = stmt.where(KnowledgeItem.tlp == bindparam("tlp", type_=String))
    if organisation:
        stmt = stmt.where(KnowledgeItem.organisation_id == bindparam("organisation", type_=Integer))
    if since:
        stmt = stmt.where(KnowledgeItem.created_at >= bindparam("since", type_=UTCDateTime()))
    if exclude:
        stmt = stmt.where(KnowledgeItem.id.not_in(bindparam("exclude", expanding=True)))
    if floor:
        stmt = stmt.where(index.rowid >= bindparam("floor", type_=Integer))
    return stmt.limit(bindparam("limit", type_=Integer)).offset(bindparam("offset", type_=Integer))


# Related and similar items are ranked among the newest this many matches.
RELATED_AMONG = 1_000


def related(
    session: Session, audience: Audience, item: KnowledgeView, limit: int = 3
) -> list[KnowledgeView]:
    """Other items on the same subject: its title and tags as an any-word search."""
    query = SearchQuery(words=(item.title, *item.tags), exclude_ids=(item.id,), match_any=True,
                        newest=RELATED_AMONG, snippets=False, indexed_words=True)  # fmt: skip
    return [hit.item for hit in search(session, audience, query, limit).hits]


Marker = Callable[[str], bool]


def _marker(terms: _Terms) -> Marker:
    exact = set(terms.exact) | {s for p in terms.phrases for v in p for s in v}
    exact |= {s for group in terms.synonyms for t in group for s in t}
    prefixes = terms.prefix

    def is_hit(word: str) -> bool:
        stemmed = word_key(word)
        if stemmed in exact:
            return True
        folded = folded_word(word)
        return any(stemmed.startswith(p) or folded.startswith(p) for p in prefixes)

    return is_hit


SNIPPET_WORDS = 28


def snippet(item: KnowledgeView, is_hit: Marker | None) -> str:
    """A short excerpt of the body around the first hit, with hits between `**`."""
    body = re.sub(r"\s+", " ", item.body).strip()
    spans = list(WORD.finditer(body))
    if not spans:
        return body[:200]
    hits = [i for i, m in enumerate(spans) if is_hit(m.group())] if is_hit else []
    first = max(0, min(hits[0] - 6, len(spans) - SNIPPET_WORDS)) if hits else 0
    last = min(len(spans), first + SNIPPET_WORDS)
    start = spans[first].start() if first else 0
    end = spans[last - 1].end() if last < len(spans) else len(body)
    marked: list[str] = []
    cursor = start
    for i in hits:
        if first <= i < last:
            m = spans[i]
            marked += [body[cursor : m.start()], "**", m.group(), "**"]
            cursor = m.end()
    marked.append(body[cursor:end])
    text = "".join(marked)
    return ("…" if start else "") + text + ("…" if end < len(body) else "")
