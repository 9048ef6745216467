"""What differs between SQLite and PostgreSQL, decided in one place.

The schema, the queries and the claims are the same on both; only a few statements
are spelled differently: an insert that skips or updates a row that is already
there (`ON CONFLICT`), and the full-text search (FTS5 on SQLite, a `tsvector` on
PostgreSQL, see `storage.fulltext`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, Integer, Table, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

SQLITE = "sqlite"
POSTGRESQL = "postgresql"


Bind = Session | Connection | Engine | str


def name_of(bind: Bind) -> str:
    """`sqlite` or `postgresql`: the engine behind a session, connection or engine (or
    the name itself)."""
    if isinstance(bind, str):
        return bind
    if isinstance(bind, Session):
        bind = bind.get_bind()
    return bind.dialect.name


def is_postgresql(bind: Bind) -> bool:
    return name_of(bind) == POSTGRESQL


def upsert(bind: Bind, table: Any) -> sqlite.Insert | postgresql.Insert:
    """An INSERT that can say `ON CONFLICT DO NOTHING / DO UPDATE`, for `bind`'s engine."""
    if is_postgresql(bind):
        return postgresql.insert(table)
    return sqlite.insert(table)


def joined_sql(bind: Bind, expression: str) -> str:
    """SQL that joins the values of `expression` in a group with spaces."""
    if is_postgresql(bind):
        return f"string_agg({expression}, ' ')"
    return f"group_concat({expression}, ' ')"


def restart_numbering(session: Session, tables: list[Table]) -> None:
    """After rows were written with their own ids (an import), the next id of each table
    follows the highest one. SQLite does so by itself; PostgreSQL's sequences do not."""
    if not is_postgresql(session):
        return
    for table in tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer):
            continue
        name, key = table.name, keys[0].name
        sequence = session.scalar(text(f"SELECT pg_get_serial_sequence('{name}', '{key}')"))
        if sequence:
            session.execute(
                text(f"SELECT setval(:sequence, coalesce(max({key}), 0) + 1, false) FROM {name}"),
                {"sequence": sequence},
            )
