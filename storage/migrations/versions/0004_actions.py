"""Actions, their history, reminders (the scheduler's source of truth) and once-only notices.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _member(name: str) -> sa.Column[int]:
    return sa.Column(
        name, sa.Integer(), sa.ForeignKey("members.id", ondelete="SET NULL"), nullable=True
    )


def _action() -> sa.Column[int]:
    return sa.Column(
        "action_id",
        sa.Integer(),
        sa.ForeignKey("actions.id", ondelete="CASCADE"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "actions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(300), nullable=False),
        _member("owner_id"),
        _member("creator_id"),
        sa.Column(
            "bottleneck_id",
            sa.Integer(),
            sa.ForeignKey("bottlenecks.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("overdue_reminders", sa.Integer(), nullable=False),
        sa.Column("escalated_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_actions_status_deadline", "actions", ["status", "deadline"])
    op.create_index("ix_actions_owner_id", "actions", ["owner_id"])
    op.create_index("ix_actions_overdue_reminders", "actions", ["overdue_reminders"])
    op.create_index("ix_actions_bottleneck_id", "actions", ["bottleneck_id"])
    op.create_table(
        "action_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        _action(),
        sa.Column("at", sa.DateTime(), nullable=False),
        _member("actor_id"),
        sa.Column("actor_name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("old_deadline", sa.Date(), nullable=True),
        sa.Column("new_deadline", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
    )
    op.create_index("ix_action_events_action_id", "action_events", ["action_id"])
    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer(), primary_key=True),
        _action(),
        _member("recipient_id"),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("planned_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("claim", sa.String(40), nullable=True),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("error", sa.String(300), nullable=True),
    )
    op.create_index("ix_reminders_state_due_at", "reminders", ["state", "due_at"])
    op.create_index("ix_reminders_action_id", "reminders", ["action_id"])
    op.create_table(
        "notices",
        sa.Column("key", sa.String(120), primary_key=True),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("notices")
    op.drop_index("ix_reminders_action_id", table_name="reminders")
    op.drop_index("ix_reminders_state_due_at", table_name="reminders")
    op.drop_table("reminders")
    op.drop_index("ix_action_events_action_id", table_name="action_events")
    op.drop_table("action_events")
    op.drop_index("ix_actions_bottleneck_id", table_name="actions")
    op.drop_index("ix_actions_overdue_reminders", table_name="actions")
    op.drop_index("ix_actions_owner_id", table_name="actions")
    op.drop_index("ix_actions_status_deadline", table_name="actions")
    op.drop_table("actions")
