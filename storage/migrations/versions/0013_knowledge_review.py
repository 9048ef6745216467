"""Knowledge that stays true: a review date per item, when it was last reviewed, whether
it is archived, and for which review date its author was asked already.

Columns are added with ALTER TABLE (no batch copy), so the search triggers stay. Items
that exist get a review date a year after they were shared, and never sooner than a
month from the upgrade: an upgrade does not flood authors with questions on day one.
The covering index for labels gains both columns (search ranks with them).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from storage.dialect import is_postgresql

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

COLUMNS = ("review_at", "reviewed_at", "archived_at", "review_asked_for")


def upgrade() -> None:
    op.add_column("knowledge_items", sa.Column("review_at", sa.Date(), nullable=True))
    op.add_column("knowledge_items", sa.Column("reviewed_at", sa.DateTime(), nullable=True))
    op.add_column("knowledge_items", sa.Column("archived_at", sa.DateTime(), nullable=True))
    op.add_column("knowledge_items", sa.Column("review_asked_for", sa.Date(), nullable=True))
    if is_postgresql(op.get_bind()):
        op.execute(
            "UPDATE knowledge_items SET review_at = greatest(CAST(created_at AS date) + 365, "
            "current_date + 30)"
        )
    else:
        op.execute(
            "UPDATE knowledge_items SET review_at = max(date(created_at, '+365 days'), "
            "date('now', '+30 days'))"
        )
    op.create_index("ix_knowledge_items_review_at", "knowledge_items", ["review_at"])
    # Search ranks current items first and leaves the archive out: the covering index
    # of who may see an item holds both, so ranking never reads an item's row.
    op.drop_index("ix_knowledge_items_visibility", table_name="knowledge_items")
    op.create_index("ix_knowledge_items_visibility", "knowledge_items",
                    [*VISIBILITY, "archived_at", "review_at"])  # fmt: skip


VISIBILITY = ["id", "tlp", "organisation_id", "author_id"]


def downgrade() -> None:
    op.drop_index("ix_knowledge_items_visibility", table_name="knowledge_items")
    op.create_index("ix_knowledge_items_visibility", "knowledge_items", VISIBILITY)
    op.drop_index("ix_knowledge_items_review_at", "knowledge_items")
    for name in COLUMNS:  # SQLite 3.35+ drops a column in place: the triggers stay
        op.execute(f"ALTER TABLE knowledge_items DROP COLUMN {name}")
