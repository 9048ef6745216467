"""One member, an identity per chat platform: an install serves Slack and Mattermost.

Every member's existing identity becomes their first. `members.platform` and
`members.platform_user_id` stay: they name where the bot writes to the member (the
identity they used last, or the one they chose: `platform_chosen`).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member_identities",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "member_id",
            sa.Integer(),
            sa.ForeignKey("members.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("platform_user_id", sa.String(64), nullable=False),
        sa.Column("last_used_at", sa.DateTime()),
        sa.UniqueConstraint("platform", "platform_user_id"),
    )
    op.execute(
        "INSERT INTO member_identities (member_id, platform, platform_user_id) "
        "SELECT id, platform, platform_user_id FROM members"
    )
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("platform_chosen", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))  # fmt: skip


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_column("platform_chosen")
    op.drop_table("member_identities")
