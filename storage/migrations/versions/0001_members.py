"""Organisations, members with roles, and the audit log; seeds the region's organisations.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

HAAGLANDEN = (
    "Delft", "Den Haag", "Leidschendam-Voorburg", "Midden-Delfland", "Pijnacker-Nootdorp",
    "Rijswijk", "Wassenaar", "Westland", "Zoetermeer",
)  # fmt: skip
HOLLANDS_MIDDEN = (
    "Alphen aan den Rijn", "Bodegraven-Reeuwijk", "Gouda", "Hillegom", "Kaag en Braassem",
    "Katwijk", "Krimpenerwaard", "Leiden", "Leiderdorp", "Lisse", "Nieuwkoop", "Noordwijk",
    "Oegstgeest", "Teylingen", "Voorschoten", "Waddinxveen", "Zoeterwoude", "Zuidplas",
)  # fmt: skip
PARTNERS = (
    "Politie eenheid Den Haag", "Openbaar Ministerie", "Veiligheidsregio Haaglanden",
    "Veiligheidsregio Hollands Midden", "RSIV", "IBD",
)  # fmt: skip


def upgrade() -> None:
    organisations = op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(120), nullable=False, unique=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("region", sa.String(120), nullable=True),
    )
    op.create_table(
        "members",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("platform_user_id", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column(
            "organisation_id",
            sa.Integer(),
            sa.ForeignKey("organisations.id", ondelete="RESTRICT"),
            nullable=True,
        ),
        sa.Column("language", sa.String(5), nullable=True),
        sa.Column("timezone", sa.String(64), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("platform", "platform_user_id"),
    )
    op.create_table(
        "member_roles",
        sa.Column(
            "member_id",
            sa.Integer(),
            sa.ForeignKey("members.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("role", sa.String(30), primary_key=True),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column(
            "actor_id",
            sa.Integer(),
            sa.ForeignKey("members.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(60), nullable=False),
        sa.Column("subject_type", sa.String(40), nullable=False),
        sa.Column("subject_id", sa.String(40), nullable=True),
        sa.Column("details", sa.Text(), nullable=False),
    )
    op.create_index("ix_audit_log_subject", "audit_log", ["subject_type", "subject_id"])
    rows = [
        {"name": name, "kind": "gemeente", "region": "Veiligheidsregio Haaglanden"}
        for name in HAAGLANDEN
    ]
    rows += [
        {"name": name, "kind": "gemeente", "region": "Veiligheidsregio Hollands Midden"}
        for name in HOLLANDS_MIDDEN
    ]
    rows += [{"name": name, "kind": "partner", "region": None} for name in PARTNERS]
    op.bulk_insert(organisations, rows)


def downgrade() -> None:
    op.drop_index("ix_audit_log_subject", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("member_roles")
    op.drop_table("members")
    op.drop_table("organisations")
