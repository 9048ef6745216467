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
from storage.dialect import is_postgresql

NAMING = {"uq": "uq_%(table_name)s_%(column_0_name)s"}

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
        sa.UniqueConstraint("platform", "platform_user_id"),
    )
    op.execute(
        "INSERT INTO member_identities (member_id, platform, platform_user_id) "
        "SELECT id, platform, platform_user_id FROM members"
    )
    # The identities are unique now; a member's "where to write" need not be (a removed
    # member's account may move to the member who links it).
    # SQLite's copy names the constraint by NAMING; PostgreSQL has the name it was given
    # (by 0001, or by a downgrade of this migration).
    name = "uq_members_platform"
    if is_postgresql(op.get_bind()):
        name = next(
            str(c["name"])
            for c in sa.inspect(op.get_bind()).get_unique_constraints("members")
            if c["column_names"] == ["platform", "platform_user_id"]
        )
    with op.batch_alter_table("members", naming_convention=NAMING) as batch:
        batch.drop_constraint(name, type_="unique")
        batch.add_column(sa.Column("platform_chosen", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))  # fmt: skip


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_column("platform_chosen")
        batch.create_unique_constraint("uq_members_platform", ["platform", "platform_user_id"])
    op.drop_table("member_identities")
