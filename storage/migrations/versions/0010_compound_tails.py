"""Compounds a word ends: their reversed stems in a column of their own in the index.

FTS5 finds words by how they start, never by how they end. So each compound word of
an item (eight letters or more) is also kept reversed (`gebouwbeheersysteem` as
`metsysreehebwuobeg`), and `systeem` finds it as the prefix `metsys*` in that column.
The FTS table gets the fourth column, its triggers are made again, and it is rebuilt.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from storage.dialect import is_postgresql, joined_sql
from storage.fold import tail_text

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

BATCH = 2_000
COLUMNS = "search_title, search_body, search_tags, search_tails"
OLD = "search_title, search_body, search_tags"


def _index_ddl(columns: str, weights: str) -> list[str]:
    new = ", ".join(f"new.{c.strip()}" for c in columns.split(","))
    old = ", ".join(f"old.{c.strip()}" for c in columns.split(","))
    return [
        f"""CREATE VIRTUAL TABLE knowledge_fts USING fts5({columns},
            content='knowledge_items', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2')""",
        f"INSERT INTO knowledge_fts(knowledge_fts, rank) VALUES('rank', 'bm25({weights})')",
        f"""CREATE TRIGGER knowledge_items_fts_insert AFTER INSERT ON knowledge_items BEGIN
            INSERT INTO knowledge_fts(rowid, {columns}) VALUES (new.id, {new});
        END""",
        f"""CREATE TRIGGER knowledge_items_fts_delete AFTER DELETE ON knowledge_items BEGIN
            INSERT INTO knowledge_fts(knowledge_fts, rowid, {columns})
            VALUES ('delete', old.id, {old});
        END""",
        f"""CREATE TRIGGER knowledge_items_fts_update
        AFTER UPDATE OF {columns} ON knowledge_items BEGIN
            INSERT INTO knowledge_fts(knowledge_fts, rowid, {columns})
            VALUES ('delete', old.id, {old});
            INSERT INTO knowledge_fts(rowid, {columns}) VALUES (new.id, {new});
        END""",
        "INSERT INTO knowledge_fts(knowledge_fts) VALUES('rebuild')",
    ]


def _drop_index() -> None:
    if is_postgresql(op.get_bind()):  # no FTS5 (migration 0019)
        return
    op.execute("DROP TABLE IF EXISTS knowledge_fts_vocab")
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS knowledge_items_fts_{trigger}")
    op.execute("DROP TABLE IF EXISTS knowledge_fts")


def _vocabulary() -> None:
    if is_postgresql(op.get_bind()):
        return
    op.execute("CREATE VIRTUAL TABLE knowledge_fts_vocab USING fts5vocab('knowledge_fts', 'row')")


def upgrade() -> None:
    sqlite = not is_postgresql(op.get_bind())
    _drop_index()
    op.add_column(
        "knowledge_items",
        sa.Column("search_tails", sa.Text(), nullable=False, server_default=""),
    )
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
            sa.text("UPDATE knowledge_items SET search_tails = :tails WHERE id = :id"),
            [{"id": r[0], "tails": tail_text(f"{r[1]} {r[2]} {r[3] or ''}")} for r in rows],
        )
        last = rows[-1][0]
    for statement in _index_ddl(COLUMNS, "5.0, 1.0, 3.0, 0.5") if sqlite else ():
        op.execute(statement)
    _vocabulary()


def downgrade() -> None:
    sqlite = not is_postgresql(op.get_bind())
    _drop_index()
    with op.batch_alter_table("knowledge_items") as batch:
        batch.drop_column("search_tails")
    for statement in _index_ddl(OLD, "5.0, 1.0, 3.0") if sqlite else ():
        op.execute(statement)
    _vocabulary()
