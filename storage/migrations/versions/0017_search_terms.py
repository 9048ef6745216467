"""Every word the search index holds, in a table of its own, for look-ups by word.

Before a compound is searched, the bot asks whether the index also holds it with
another linking letter (`kwetsbaarheidsscan`, `kwetsbaarhedenscan`): some 20 forms for
a long word. The index's vocabulary table (`fts5vocab`) answers those one at a time,
reading each word's list of items: about 1.5 ms a search word. `search_terms` holds
each word (stem) once, filled by triggers as items are written, and answers from its
own B-tree. Words of items deleted or edited since stay: looking one up finds nothing
more than the index itself would. Triggers are lost when SQLite copies
`knowledge_items` (a batch migration): such a migration must make them again.

On PostgreSQL one trigger function does the same, and the table is filled from the
items' own search columns (there is no vocabulary table to read).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from storage.dialect import is_postgresql

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# The stems of an item, as the index stores them (words of letters and digits, no
# quotes or backslashes), as a JSON array that json_each can read in a trigger.
_STEMS = (
    "json_each('[\"' || replace(trim(new.search_title || ' ' || new.search_body || ' ' || "
    "new.search_tags), ' ', '\",\"') || '\"]')"
)


_POSTGRESQL_TRIGGER = (
    """CREATE FUNCTION knowledge_items_terms() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO search_terms (term)
        SELECT DISTINCT word FROM regexp_split_to_table(
            NEW.search_title || ' ' || NEW.search_body || ' ' || NEW.search_tags, ' +'
        ) AS word WHERE word <> ''
        ON CONFLICT DO NOTHING;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER knowledge_items_terms
    AFTER INSERT OR UPDATE OF search_title, search_body, search_tags ON knowledge_items
    FOR EACH ROW EXECUTE FUNCTION knowledge_items_terms()""",
    """INSERT INTO search_terms (term)
    SELECT DISTINCT word FROM knowledge_items, regexp_split_to_table(
        search_title || ' ' || search_body || ' ' || search_tags, ' +') AS word
    WHERE word <> '' ON CONFLICT DO NOTHING""",
)


def upgrade() -> None:
    op.create_table(
        "search_terms",
        sa.Column("term", sa.Text(), primary_key=True),
        sqlite_with_rowid=False,
    )
    if is_postgresql(op.get_bind()):
        for statement in _POSTGRESQL_TRIGGER:
            op.execute(statement)
        return
    written = "UPDATE OF search_title, search_body, search_tags"
    for event, when in (("insert", "INSERT"), ("update", written)):
        op.execute(
            f"CREATE TRIGGER knowledge_items_terms_{event} AFTER {when} ON knowledge_items "
            f"BEGIN INSERT OR IGNORE INTO search_terms (term) SELECT value FROM {_STEMS} "
            "WHERE value != ''; END"
        )
    op.execute("INSERT OR IGNORE INTO search_terms (term) SELECT term FROM knowledge_fts_vocab")


def downgrade() -> None:
    if is_postgresql(op.get_bind()):
        op.execute("DROP TRIGGER IF EXISTS knowledge_items_terms ON knowledge_items")
        op.execute("DROP FUNCTION IF EXISTS knowledge_items_terms()")
    else:
        op.execute("DROP TRIGGER IF EXISTS knowledge_items_terms_insert")
        op.execute("DROP TRIGGER IF EXISTS knowledge_items_terms_update")
    op.drop_table("search_terms")
