"""PostgreSQL's search index: a weighted `tsvector` of the search columns, in GIN.

On SQLite the search index is FTS5 (migrations 0002, 0003, 0010, 0016); this
migration does nothing there. On PostgreSQL, knowledge items and bottlenecks get a
generated column over the same folded, stemmed `search_*` columns, with the same
order of weights as FTS5's BM25 (knowledge: title A, tags B, text C, compound tails D;
bottlenecks: title A, text C), and a GIN index on it. The `simple` configuration
keeps each stored word as it is: folding and stemming were done by the bot, exactly
as for the words of a query. `storage.fulltext` writes the queries for it.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op
from storage.dialect import is_postgresql

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

_KNOWLEDGE = (
    "setweight(to_tsvector('simple', search_title), 'A') || "
    "setweight(to_tsvector('simple', search_tags), 'B') || "
    "setweight(to_tsvector('simple', search_body), 'C') || "
    "setweight(to_tsvector('simple', search_tails), 'D')"
)
_BOTTLENECKS = (
    "setweight(to_tsvector('simple', search_title), 'A') || "
    "setweight(to_tsvector('simple', search_body), 'C')"
)


def upgrade() -> None:
    if not is_postgresql(op.get_bind()):
        return
    for table, vector in (("knowledge_items", _KNOWLEDGE), ("bottlenecks", _BOTTLENECKS)):
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
            f"GENERATED ALWAYS AS ({vector}) STORED"
        )
        op.execute(f"CREATE INDEX ix_{table}_search ON {table} USING gin (search_vector)")


def downgrade() -> None:
    if not is_postgresql(op.get_bind()):
        return
    for table in ("knowledge_items", "bottlenecks"):
        op.execute(f"DROP INDEX ix_{table}_search")
        op.execute(f"ALTER TABLE {table} DROP COLUMN search_vector")
