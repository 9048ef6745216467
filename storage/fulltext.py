"""The full-text index of each engine, and the query language each one reads.

SQLite keeps an FTS5 table beside `knowledge_items` and `bottlenecks` (BM25 ranking,
column weights set in the migrations); PostgreSQL keeps a generated, weighted
`tsvector` column in the table itself, with a GIN index (migration 0019). Both index
the same folded, stemmed `search_*` columns the bot writes, so both find the same
items for the same words; only the spelling of a query and of the statements that
run it differ, and those are decided here.

A query is written from terms the bot made itself (folded, stemmed runs of letters
and digits), never from what a user typed; each term is quoted all the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    bindparam,
    cast,
    column,
    func,
    literal_column,
    select,
    table,
)
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import TableClause

from storage.dialect import POSTGRESQL, name_of
from storage.models import Bottleneck, KnowledgeItem

# The MATCH (SQLite) or tsquery (PostgreSQL) of a statement, always a parameter.
MATCH = bindparam("match", type_=String)
# The same query without the compounds a word starts (PostgreSQL's ranking only).
EXACT = bindparam("exact", type_=String)


@dataclass(frozen=True)
class Syntax:
    """How one engine's query language writes terms, phrases and prefixes."""

    quote: str
    prefix_mark: str
    tail_mark: str  # a prefix of the compound-tails column only
    tail_column: str
    phrase_join: str
    all_of: str
    any_of: str

    def term(self, term: str) -> str:
        q = self.quote
        return f"{q}{term.replace(q, q + q)}{q}"

    def prefix(self, term: str) -> str:
        return self.term(term) + self.prefix_mark

    def tail(self, term: str) -> str:
        """A prefix of a reversed stem, in the compound tails only."""
        return self.tail_column + self.term(term) + self.tail_mark

    def phrase(self, terms: tuple[str, ...] | list[str]) -> str:
        if self.phrase_join == " ":  # FTS5: one quoted string of words
            return self.term(" ".join(terms))
        if len(terms) == 1:
            return self.term(terms[0])
        return "(" + self.phrase_join.join(self.term(t) for t in terms) + ")"


FTS5 = Syntax(quote='"', prefix_mark="*", tail_mark="*", tail_column="search_tails : ",
              phrase_join=" ", all_of=" AND ", any_of=" OR ")  # fmt: skip
# In a tsquery, `:*` is a prefix and `:*D` a prefix among the words of weight D (the
# compound tails); `<->` says "followed by".
TSQUERY_SYNTAX = Syntax(quote="'", prefix_mark=":*", tail_mark=":*D", tail_column="",
                        phrase_join=" <-> ", all_of=" & ", any_of=" | ")  # fmt: skip


def syntax(bind: Session | str) -> Syntax:
    return TSQUERY_SYNTAX if name_of(bind) == POSTGRESQL else FTS5


@dataclass(frozen=True)
class Index:
    """The search index over one table, for one engine."""

    row: Any  # the mapped class whose rows are indexed
    fts: str  # SQLite's FTS5 table
    weights: str  # PostgreSQL's ts_rank weights, {D, C, B, A}
    postgresql: bool

    @property
    def rowid(self) -> ColumnElement[int]:
        """The indexed row's id, as the index knows it (newest first: descending)."""
        found: ColumnElement[int] = self.row.id if self.postgresql else self._fts.c.rowid
        return found

    def matches(self, stmt: Select[Any]) -> Select[Any]:
        """`stmt`, which selects from the indexed table, limited to rows that match."""
        if self.postgresql:
            return stmt.where(self._vector.op("@@")(self._query))
        fts = self._fts
        return stmt.join(fts, fts.c.rowid == self.row.id).where(
            literal_column(self.fts).op("MATCH")(MATCH)
        )

    def matching_ids(self) -> Select[Any]:
        """The ids of the rows that match, read from the index alone where it can."""
        if self.postgresql:
            return select(self.row.id).where(self._vector.op("@@")(self._query))
        return select(self._fts.c.rowid).where(literal_column(self.fts).op("MATCH")(MATCH))

    def best_first(self, exact: bool = False) -> tuple[ColumnElement[Any], ...]:
        """The order of relevance: FTS5's BM25 rank; on PostgreSQL, ts_rank with the same
        weights, with `exact` first for the words as written (`EXACT`), then for the
        whole query.

        ts_rank counts each distinct word a prefix matches in full but a word's further
        occurrences hardly at all, so `phishing*` would rank a title `Phishingmails`
        above a title `Phishing herkennen`; BM25 counts every occurrence, and the exact
        word comes first. Ranking by the exact words first keeps that order.
        """
        if self.postgresql:
            weights: ColumnElement[Any] = literal_column(f"'{self.weights}'::real[]")
            # 1: divided by 1 + the log of the length, as BM25 favours short texts.
            whole = func.ts_rank(weights, self._vector, self._query, 1).desc()
            if not exact:
                return (whole,)
            return func.ts_rank(weights, self._vector, cast(EXACT, TSQUERY), 1).desc(), whole
        return (literal_column(f"{self.fts}.rank"),)

    @cached_property
    def _fts(self) -> TableClause:
        return table(self.fts, column("rowid"))

    @property
    def _vector(self) -> ColumnElement[Any]:
        return literal_column(f"{self.row.__tablename__}.search_vector")

    @property
    def _query(self) -> ColumnElement[Any]:
        return cast(MATCH, TSQUERY)


@cache
def knowledge(dialect: str) -> Index:
    # FTS5's BM25 weights are 5 (title), 3 (tags), 1 (text) and 0.5 (compound tails).
    return Index(KnowledgeItem, "knowledge_fts", "{0.1, 0.2, 0.6, 1.0}", dialect == POSTGRESQL)


@cache
def bottlenecks(dialect: str) -> Index:
    # FTS5's BM25 weights are 3 (title) and 1 (text).
    return Index(Bottleneck, "bottleneck_fts", "{0, 0.33, 0, 1.0}", dialect == POSTGRESQL)
