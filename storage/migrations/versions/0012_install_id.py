"""A random identity per install: calendar UIDs of two installs never collide.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    facts = op.create_table(
        "install_facts",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.String(200), nullable=False),
    )
    op.bulk_insert(facts, [{"name": "id", "value": uuid.uuid4().hex[:16]}])


def downgrade() -> None:
    op.drop_table("install_facts")
