"""Re-index knowledge and bottlenecks: a hyphen between letters now joins a word.

`back-up`, `back-ups` and `backup` (and `e-mail` and `email`) meet in the index; a
hyphenated word's parts are kept too, so `IBD` still finds `IBD-advies`. The FTS5
triggers update the index as the search columns change.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from storage.dialect import joined_sql
from storage.fold import index_text

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

BATCH = 2_000


def upgrade() -> None:
    connection = op.get_bind()
    last = 0
    while True:
        rows = connection.execute(
            sa.text(
                f"SELECT k.id, k.title, k.body, (SELECT {joined_sql(connection, 't.name')} FROM "
                "knowledge_tags kt JOIN tags t ON t.id = kt.tag_id WHERE kt.item_id = k.id) "
                "FROM knowledge_items k WHERE k.id > :last ORDER BY k.id LIMIT :batch"
            ),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            break
        connection.execute(
            sa.text(
                "UPDATE knowledge_items SET search_title = :title, search_body = :body, "
                "search_tags = :tags WHERE id = :id"
            ),
            [
                {"id": row[0], "title": index_text(row[1]), "body": index_text(row[2]),
                 "tags": index_text(row[3] or "")}
                for row in rows
            ],
        )  # fmt: skip
        last = rows[-1][0]
    bottlenecks = connection.execute(
        sa.text("SELECT id, title, description, theme FROM bottlenecks")
    ).all()
    if bottlenecks:
        connection.execute(
            sa.text(
                "UPDATE bottlenecks SET search_title = :title, search_body = :body WHERE id = :id"
            ),
            [
                {"id": row[0], "title": index_text(row[1]),
                 "body": index_text(" ".join(filter(None, (row[2], row[3]))))}
                for row in bottlenecks
            ],
        )  # fmt: skip


def downgrade() -> None:
    # The index under the old rule differs only for hyphenated words; search still works.
    pass
