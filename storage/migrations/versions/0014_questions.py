"""Questions to the network and their answers (`/kennis vraag`).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "questions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("asker_id", sa.Integer(), sa.ForeignKey("members.id", ondelete="SET NULL")),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisations.id", ondelete="SET NULL")
        ),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("tags", sa.String(400), nullable=False),
        sa.Column("tlp", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column(
            "item_id", sa.Integer(), sa.ForeignKey("knowledge_items.id", ondelete="SET NULL")
        ),
    )
    op.create_index("ix_questions_open", "questions", ["closed_at", "created_at"])
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "question_id",
            sa.Integer(),
            sa.ForeignKey("questions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("members.id", ondelete="SET NULL")),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisations.id", ondelete="SET NULL")
        ),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("tlp", sa.String(20), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_answers_question_id", "answers", ["question_id"])


def downgrade() -> None:
    op.drop_index("ix_answers_question_id", "answers")
    op.drop_table("answers")
    op.drop_index("ix_questions_open", "questions")
    op.drop_table("questions")
