"""Every message the bot sends on its own goes through one outbox; processes beat.

- `outbox`: notices to the werkgroep, overviews, supporters' DMs, late-answer
  notices: a row per recipient with a unique key, claimed, sent, recorded.
- `instances`: a heartbeat per running process, on the database's own clock; a claim
  is taken over only when the process that holds it stopped beating.
- `leases`: which process sweeps (one at a time per database).
- `maybe_sent` on reminders and digests: the last attempt failed in a way that leaves
  open whether the platform stored the message; the next one looks first.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(160), nullable=False, unique=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("claim", sa.String(40), nullable=True),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("maybe_sent", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("error", sa.String(300), nullable=True),
    )
    op.create_index("ix_outbox_state_due_at", "outbox", ["state", "due_at"])
    op.create_table(
        "instances",
        sa.Column("token", sa.String(40), primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(100), nullable=False),
        sa.Column("beat_at", sa.Float(), nullable=False),
    )
    op.create_table(
        "leases",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("holder", sa.String(40), nullable=False),
    )
    for table in ("reminders", "digests"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("maybe_sent", sa.Boolean(), nullable=False, server_default=sa.false())
            )


def downgrade() -> None:
    for table in ("reminders", "digests"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("maybe_sent")
    op.drop_table("leases")
    op.drop_table("instances")
    op.drop_index("ix_outbox_state_due_at", table_name="outbox")
    op.drop_table("outbox")
