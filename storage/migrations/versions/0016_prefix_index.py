"""A prefix index for prefixes of 4, 5 and 6 letters in the search index.

FTS5 answers a prefix query (`wachtw*`, and the compounds and word ends the search
looks for itself) by merging the lists of every word that starts with it: at a
million items, hundreds of lists. With `prefix='4 5 6'` it keeps one list per prefix
of those lengths, which a query of that length reads instead. The index is made
again with the option and rebuilt; its triggers are unchanged but made again with it.

It also gives back the accounts that migration 0015 lost: it copied the members table
while foreign keys were on (the migrations meant to turn them off, but SQLite ignored
that inside a transaction), so the copy deleted every member's accounts. Each member
without one gets the account the members table still names. (Roles, RED recipients,
votes, supports, authors and owners went the same way and cannot be restored from
this database: a backup taken before the upgrade can; the README says so.)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op
from storage.dialect import is_postgresql

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

COLUMNS = "search_title, search_body, search_tags, search_tails"
WEIGHTS = "5.0, 1.0, 3.0, 0.5"
PREFIXES = "4 5 6"


def _index(prefix: str | None) -> None:
    if is_postgresql(op.get_bind()):  # no FTS5 (migration 0019)
        return
    for statement in (
        "DROP TABLE IF EXISTS knowledge_fts_vocab",
        "DROP TRIGGER IF EXISTS knowledge_items_fts_insert",
        "DROP TRIGGER IF EXISTS knowledge_items_fts_delete",
        "DROP TRIGGER IF EXISTS knowledge_items_fts_update",
        "DROP TABLE IF EXISTS knowledge_fts",
    ):
        op.execute(statement)
    new = ", ".join(f"new.{c.strip()}" for c in COLUMNS.split(","))
    old = ", ".join(f"old.{c.strip()}" for c in COLUMNS.split(","))
    option = f", prefix='{prefix}'" if prefix else ""
    for statement in (
        f"""CREATE VIRTUAL TABLE knowledge_fts USING fts5({COLUMNS},
            content='knowledge_items', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'{option})""",
        f"INSERT INTO knowledge_fts(knowledge_fts, rank) VALUES('rank', 'bm25({WEIGHTS})')",
        f"""CREATE TRIGGER knowledge_items_fts_insert AFTER INSERT ON knowledge_items BEGIN
            INSERT INTO knowledge_fts(rowid, {COLUMNS}) VALUES (new.id, {new});
        END""",
        f"""CREATE TRIGGER knowledge_items_fts_delete AFTER DELETE ON knowledge_items BEGIN
            INSERT INTO knowledge_fts(knowledge_fts, rowid, {COLUMNS})
            VALUES ('delete', old.id, {old});
        END""",
        f"""CREATE TRIGGER knowledge_items_fts_update
        AFTER UPDATE OF {COLUMNS} ON knowledge_items BEGIN
            INSERT INTO knowledge_fts(knowledge_fts, rowid, {COLUMNS})
            VALUES ('delete', old.id, {old});
            INSERT INTO knowledge_fts(rowid, {COLUMNS}) VALUES (new.id, {new});
        END""",
        "INSERT INTO knowledge_fts(knowledge_fts) VALUES('rebuild')",
        "CREATE VIRTUAL TABLE knowledge_fts_vocab USING fts5vocab('knowledge_fts', 'row')",
    ):
        op.execute(statement)


def upgrade() -> None:
    _index(PREFIXES)
    connection = op.get_bind()
    lost = connection.scalar(
        sa.text(
            "SELECT count(*) FROM members m WHERE NOT EXISTS "
            "(SELECT 1 FROM member_identities i WHERE i.member_id = m.id)"
        )
    )
    if lost:
        logging.getLogger("storage.migrations").warning(
            "%d members had lost their chat accounts in the upgrade to revision 0015; "
            "they get them back now. Their roles, RED recipients, votes, bottleneck "
            "supports and digest records, and the authors, reporters, owners and actors "
            "of items, bottlenecks, actions and the log were lost with them: restore a "
            "backup taken before that upgrade to get them back (README: Upgrading)",
            lost,
        )
    op.execute(
        "INSERT INTO member_identities (member_id, platform, platform_user_id) "
        "SELECT m.id, m.platform, m.platform_user_id FROM members m "
        "WHERE NOT EXISTS (SELECT 1 FROM member_identities i WHERE i.member_id = m.id) "
        "AND NOT EXISTS (SELECT 1 FROM member_identities i WHERE i.platform = m.platform "
        "AND i.platform_user_id = m.platform_user_id)"
    )


def downgrade() -> None:
    _index(None)
