"""The search index's own vocabulary (FTS5 `fts5vocab`), for "Bedoelde je …?".

A read-only view of the terms in `knowledge_fts` and how many items hold each: a word
that finds nothing is compared with these, never with a hand-kept word list.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op
from storage.dialect import is_postgresql

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if is_postgresql(op.get_bind()):  # no FTS5 (migration 0019)
        return
    op.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS knowledge_fts_vocab "
        "USING fts5vocab('knowledge_fts', 'row')"
    )


def downgrade() -> None:
    if is_postgresql(op.get_bind()):
        return
    op.execute("DROP TABLE IF EXISTS knowledge_fts_vocab")
