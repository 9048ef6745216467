"""Knowledge items, tags, RED recipients, useful votes and the FTS5 search index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from storage.dialect import is_postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The index reads the folded, stemmed search_* columns of knowledge_items
# (external content), kept in step by triggers. A later migration that rebuilds
# knowledge_items in batch mode drops these triggers and must create them again.
FTS_DDL = (
    """CREATE VIRTUAL TABLE knowledge_fts USING fts5(
        search_title, search_body, search_tags,
        content='knowledge_items', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    # Title weighs most, then tags, then the body.
    "INSERT INTO knowledge_fts(knowledge_fts, rank) VALUES('rank', 'bm25(5.0, 1.0, 3.0)')",
    """CREATE TRIGGER knowledge_items_fts_insert AFTER INSERT ON knowledge_items BEGIN
        INSERT INTO knowledge_fts(rowid, search_title, search_body, search_tags)
        VALUES (new.id, new.search_title, new.search_body, new.search_tags);
    END""",
    """CREATE TRIGGER knowledge_items_fts_delete AFTER DELETE ON knowledge_items BEGIN
        INSERT INTO knowledge_fts(knowledge_fts, rowid, search_title, search_body, search_tags)
        VALUES ('delete', old.id, old.search_title, old.search_body, old.search_tags);
    END""",
    """CREATE TRIGGER knowledge_items_fts_update
    AFTER UPDATE OF search_title, search_body, search_tags ON knowledge_items BEGIN
        INSERT INTO knowledge_fts(knowledge_fts, rowid, search_title, search_body, search_tags)
        VALUES ('delete', old.id, old.search_title, old.search_body, old.search_tags);
        INSERT INTO knowledge_fts(rowid, search_title, search_body, search_tags)
        VALUES (new.id, new.search_title, new.search_body, new.search_tags);
    END""",
)


def upgrade() -> None:
    op.create_table(
        "knowledge_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("tlp", sa.String(20), nullable=False),
        sa.Column(
            "author_id",
            sa.Integer(),
            sa.ForeignKey("members.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column(
            "organisation_id",
            sa.Integer(),
            sa.ForeignKey("organisations.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("source_url", sa.String(500), nullable=True),
        sa.Column("source_author", sa.String(200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("search_title", sa.Text(), nullable=False),
        sa.Column("search_body", sa.Text(), nullable=False),
        sa.Column("search_tags", sa.Text(), nullable=False),
    )
    op.create_index("ix_knowledge_items_created_at", "knowledge_items", ["created_at"])
    op.create_index("ix_knowledge_items_author_id", "knowledge_items", ["author_id"])
    op.create_index("ix_knowledge_items_organisation_id", "knowledge_items", ["organisation_id"])
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(60), nullable=False, unique=True),
    )
    op.create_table(
        "knowledge_tags",
        sa.Column(
            "item_id",
            sa.Integer(),
            sa.ForeignKey("knowledge_items.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "tag_id", sa.Integer(), sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True
        ),
    )
    op.create_index("ix_knowledge_tags_tag_id", "knowledge_tags", ["tag_id"])
    for name in ("knowledge_recipients", "useful_votes"):
        columns = [
            sa.Column(
                "item_id",
                sa.Integer(),
                sa.ForeignKey("knowledge_items.id", ondelete="CASCADE"),
                primary_key=True,
            ),
            sa.Column(
                "member_id",
                sa.Integer(),
                sa.ForeignKey("members.id", ondelete="CASCADE"),
                primary_key=True,
            ),
        ]
        if name == "useful_votes":
            columns.append(sa.Column("created_at", sa.DateTime(), nullable=False))
        op.create_table(name, *columns)
    if not is_postgresql(op.get_bind()):  # PostgreSQL's index: migration 0019
        for statement in FTS_DDL:
            op.execute(statement)


def downgrade() -> None:
    if not is_postgresql(op.get_bind()):
        op.execute("DROP TABLE knowledge_fts")
    op.drop_table("useful_votes")
    op.drop_table("knowledge_recipients")
    op.drop_index("ix_knowledge_tags_tag_id", table_name="knowledge_tags")
    op.drop_table("knowledge_tags")
    op.drop_table("tags")
    op.drop_index("ix_knowledge_items_organisation_id", table_name="knowledge_items")
    op.drop_index("ix_knowledge_items_author_id", table_name="knowledge_items")
    op.drop_index("ix_knowledge_items_created_at", table_name="knowledge_items")
    op.drop_table("knowledge_items")
