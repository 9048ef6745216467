"""Labels on actions, and requests held back until their author chose a label.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("actions") as batch:
        batch.add_column(
            sa.Column("tlp", sa.String(20), nullable=False, server_default="TLP:GREEN")
        )
        batch.add_column(sa.Column("organisation_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_actions_organisation_id",
            "organisations",
            ["organisation_id"],
            ["id"],
            ondelete="SET NULL",
        )
    # An action is its creator's organisation's, and never less strict than the
    # bottleneck it works on (TLP:RED is not a label for shared work).
    op.execute(
        "UPDATE actions SET organisation_id = "
        "(SELECT organisation_id FROM members WHERE members.id = actions.creator_id)"
    )
    op.execute(
        "UPDATE actions SET tlp = (SELECT b.tlp FROM bottlenecks b "
        "WHERE b.id = actions.bottleneck_id) "
        "WHERE bottleneck_id IS NOT NULL AND (SELECT b.tlp FROM bottlenecks b "
        "WHERE b.id = actions.bottleneck_id) IN ('TLP:AMBER', 'TLP:AMBER+STRICT')"
    )
    op.execute(
        "UPDATE actions SET organisation_id = (SELECT b.organisation_id FROM bottlenecks b "
        "WHERE b.id = actions.bottleneck_id) WHERE tlp = 'TLP:AMBER+STRICT'"
    )
    op.create_table(
        "held_requests",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("request", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("held_requests")
    with op.batch_alter_table("actions") as batch:
        batch.drop_constraint("fk_actions_organisation_id", type_="foreignkey")
        batch.drop_column("organisation_id")
        batch.drop_column("tlp")
