"""Weekly digests: who asked for one, and each week's digest per recipient (sent once).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # None: by role (a portefeuillehouder gets it); True/False: the member's own choice.
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("digest", sa.Boolean(), nullable=True))
    op.create_table(
        "digests",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "member_id",
            sa.Integer(),
            sa.ForeignKey("members.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("week", sa.String(8), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("claim", sa.String(40), nullable=True),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("error", sa.String(300), nullable=True),
        sa.UniqueConstraint("member_id", "week", name="uq_digests_member_week"),
    )
    op.create_index("ix_digests_state_due_at", "digests", ["state", "due_at"])


def downgrade() -> None:
    op.drop_index("ix_digests_state_due_at", table_name="digests")
    op.drop_table("digests")
    with op.batch_alter_table("members") as batch:
        batch.drop_column("digest")
