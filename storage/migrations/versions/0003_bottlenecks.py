"""Bottlenecks: supports, notes, history, linked knowledge, drafts, and their search index.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from storage.dialect import is_postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Like knowledge_fts: an external-content index over the folded, stemmed search_*
# columns, kept in step by triggers (which a batch rebuild of the table would drop).
FTS_DDL = (
    """CREATE VIRTUAL TABLE bottleneck_fts USING fts5(
        search_title, search_body,
        content='bottlenecks', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    "INSERT INTO bottleneck_fts(bottleneck_fts, rank) VALUES('rank', 'bm25(3.0, 1.0)')",
    """CREATE TRIGGER bottlenecks_fts_insert AFTER INSERT ON bottlenecks BEGIN
        INSERT INTO bottleneck_fts(rowid, search_title, search_body)
        VALUES (new.id, new.search_title, new.search_body);
    END""",
    """CREATE TRIGGER bottlenecks_fts_delete AFTER DELETE ON bottlenecks BEGIN
        INSERT INTO bottleneck_fts(bottleneck_fts, rowid, search_title, search_body)
        VALUES ('delete', old.id, old.search_title, old.search_body);
    END""",
    """CREATE TRIGGER bottlenecks_fts_update
    AFTER UPDATE OF search_title, search_body ON bottlenecks BEGIN
        INSERT INTO bottleneck_fts(bottleneck_fts, rowid, search_title, search_body)
        VALUES ('delete', old.id, old.search_title, old.search_body);
        INSERT INTO bottleneck_fts(rowid, search_title, search_body)
        VALUES (new.id, new.search_title, new.search_body);
    END""",
)


def _member(name: str = "member_id", *, primary_key: bool = False) -> sa.Column[int]:
    on_delete = "CASCADE" if primary_key else "SET NULL"
    return sa.Column(
        name,
        sa.Integer(),
        sa.ForeignKey("members.id", ondelete=on_delete),
        primary_key=primary_key,
        nullable=not primary_key,
    )


def _bottleneck(*, primary_key: bool = False) -> sa.Column[int]:
    return sa.Column(
        "bottleneck_id",
        sa.Integer(),
        sa.ForeignKey("bottlenecks.id", ondelete="CASCADE"),
        primary_key=primary_key,
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "bottlenecks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("theme", sa.String(60), nullable=True),
        sa.Column("tlp", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        _member("reporter_id"),
        sa.Column(
            "organisation_id",
            sa.Integer(),
            sa.ForeignKey("organisations.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column(
            "merged_into_id",
            sa.Integer(),
            sa.ForeignKey("bottlenecks.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("decision_asked", sa.Text(), nullable=True),
        sa.Column("escalated_to", sa.String(40), nullable=True),
        sa.Column("escalated_at", sa.DateTime(), nullable=True),
        sa.Column("reference", sa.String(120), nullable=True),
        sa.Column("answer_due", sa.DateTime(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("threshold_notified_at", sa.DateTime(), nullable=True),
        sa.Column("answer_reminded_at", sa.DateTime(), nullable=True),
        sa.Column("search_title", sa.Text(), nullable=False),
        sa.Column("search_body", sa.Text(), nullable=False),
    )
    op.create_index("ix_bottlenecks_status", "bottlenecks", ["status"])
    op.create_index("ix_bottlenecks_reporter_id", "bottlenecks", ["reporter_id"])
    op.create_index("ix_bottlenecks_organisation_id", "bottlenecks", ["organisation_id"])
    op.create_table(
        "bottleneck_supports",
        _bottleneck(primary_key=True),
        _member(primary_key=True),
        sa.Column(
            "organisation_id",
            sa.Integer(),
            sa.ForeignKey("organisations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        "ix_bottleneck_supports_organisation_id", "bottleneck_supports", ["organisation_id"]
    )
    op.create_table(
        "bottleneck_notes",
        sa.Column("id", sa.Integer(), primary_key=True),
        _bottleneck(),
        _member(),
        sa.Column(
            "organisation_id",
            sa.Integer(),
            sa.ForeignKey("organisations.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_bottleneck_notes_bottleneck_id", "bottleneck_notes", ["bottleneck_id"])
    op.create_table(
        "bottleneck_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        _bottleneck(),
        sa.Column("at", sa.DateTime(), nullable=False),
        _member("actor_id"),
        sa.Column("actor_name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("old_status", sa.String(20), nullable=True),
        sa.Column("new_status", sa.String(20), nullable=True),
        sa.Column("body", sa.String(40), nullable=True),
        sa.Column("reference", sa.String(120), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
    )
    op.create_index("ix_bottleneck_events_bottleneck_id", "bottleneck_events", ["bottleneck_id"])
    op.create_table(
        "bottleneck_knowledge",
        _bottleneck(primary_key=True),
        sa.Column(
            "item_id",
            sa.Integer(),
            sa.ForeignKey("knowledge_items.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_table(
        "bottleneck_drafts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "member_id",
            sa.Integer(),
            sa.ForeignKey("members.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("theme", sa.String(60), nullable=True),
        sa.Column("tlp", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    if not is_postgresql(op.get_bind()):  # PostgreSQL's index: migration 0019
        for statement in FTS_DDL:
            op.execute(statement)


def downgrade() -> None:
    if not is_postgresql(op.get_bind()):
        op.execute("DROP TABLE bottleneck_fts")
    op.drop_table("bottleneck_drafts")
    op.drop_table("bottleneck_knowledge")
    op.drop_index("ix_bottleneck_events_bottleneck_id", table_name="bottleneck_events")
    op.drop_table("bottleneck_events")
    op.drop_index("ix_bottleneck_notes_bottleneck_id", table_name="bottleneck_notes")
    op.drop_table("bottleneck_notes")
    op.drop_index("ix_bottleneck_supports_organisation_id", table_name="bottleneck_supports")
    op.drop_table("bottleneck_supports")
    op.drop_index("ix_bottlenecks_organisation_id", table_name="bottlenecks")
    op.drop_index("ix_bottlenecks_reporter_id", table_name="bottlenecks")
    op.drop_index("ix_bottlenecks_status", table_name="bottlenecks")
    op.drop_table("bottlenecks")
