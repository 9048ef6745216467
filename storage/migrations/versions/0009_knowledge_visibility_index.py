"""A covering index for who may see an item: counting what a reader may see stays fast.

The broad-search check counts up to 5,000 matches a reader may see; with the label,
organisation and author in one narrow index, each match is checked without reading
the item's row (and its text).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_knowledge_items_visibility",
        "knowledge_items",
        ["id", "tlp", "organisation_id", "author_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_knowledge_items_visibility", table_name="knowledge_items")
