"""Backup and restore: every table as JSON, and back into an empty database.

The search columns are not exported; they are rebuilt on import from the texts, so a
backup stays valid when the stemming changes.
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Engine, MetaData, Table, delete, func, insert, select
from sqlalchemy.orm import Session

from storage import bottlenecks, migrate
from storage.dialect import restart_numbering
from storage.fold import index_text, tail_text
from storage.models import Action, Base, Bottleneck, KnowledgeItem, Member, Tag, UTCDateTime

FORMAT = "ciso-bot-export"
VERSION = 1
DERIVED_COLUMNS = frozenset({"search_title", "search_body", "search_tags", "search_tails"})


class ImportRefused(Exception):
    """The database is not empty, or the file is not an export of ours."""


# Which processes run and which one sweeps belong to the running install, not its data.
PROCESS_TABLES = frozenset({"instances", "leases"})
# Filled by the migrations; a fresh database holds them already.
SEEDED_TABLES = frozenset({"organisations", "install_facts"})


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in PROCESS_TABLES]


def _encode(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value


def export_data(session: Session, revision: str | None, exported_at: datetime) -> dict[str, Any]:
    """All data as a JSON-ready dict."""
    return export_tables(session, _tables(), revision, exported_at)


def export_tables(
    session: Session, tables: list[Table], revision: str | None, exported_at: datetime
) -> dict[str, Any]:
    """`tables` as a JSON-ready dict (the current models', or an older schema's)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for table in tables:
        columns = [c for c in table.columns if c.name not in DERIVED_COLUMNS and not c.computed]
        rows = session.execute(select(*columns).order_by(*table.primary_key.columns))
        found[table.name] = [{k: _encode(v) for k, v in row._mapping.items()} for row in rows]
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema_revision": revision,
        "exported_at": exported_at.isoformat(),
        "tables": found,
    }


def schema_tables(engine: Engine) -> list[Table]:
    """The data tables as they are in the database now, at whatever revision it is.

    Used to read and write an older schema (an export made before the last upgrade):
    its dates are read and written as the models do, naive UTC in the file.
    """
    metadata = MetaData()
    metadata.reflect(engine)
    tables = []
    for table in metadata.sorted_tables:
        if table.name in PROCESS_TABLES or table.name == "alembic_version":
            continue
        if "_fts" in table.name or table.name.startswith("sqlite_"):
            continue
        for column in table.columns:
            if isinstance(column.type, DateTime):
                column.type = UTCDateTime()
        tables.append(table)
    return tables


def is_empty(session: Session, placeholders: frozenset[str] = frozenset()) -> bool:
    """True when nothing is stored but the seeded organisations and `placeholders`.

    `placeholders` are the administrators a first start makes members of themselves
    (the console's operator, BOT_ADMINS): a database that holds only them is still
    fresh for the demo or an import, which replace them.
    """
    others = select(func.count()).select_from(Member)
    others = others.where(Member.platform_user_id.not_in(placeholders))
    if session.scalar(others):
        return False
    return not any(
        session.scalar(select(func.count()).select_from(model))
        for model in (KnowledgeItem, Tag, Bottleneck, Action)
    )


def clear(session: Session) -> None:
    """Remove every row a first start may have made (kept: organisations, install id)."""
    for table in reversed(_tables()):
        if table.name not in SEEDED_TABLES:
            session.execute(delete(table))


def import_data(
    session: Session,
    data: dict[str, Any],
    revision: str | None,
    placeholders: frozenset[str] = frozenset(),
    tables: list[Table] | None = None,
) -> dict[str, int]:
    """Restore an export into an empty database; returns rows per table.

    `tables`: the schema to write (default: the current models'); an older schema's
    tables restore an export of that revision before the database is upgraded.
    """
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ImportRefused("not a ciso-bot export (format/version)")
    if data.get("schema_revision") != revision:
        raise ImportRefused(
            f"export is from schema {data.get('schema_revision')}, this database is {revision}"
        )
    current = tables is None  # else a fresh database at an older revision, made for this
    if current and not is_empty(session, placeholders):
        raise ImportRefused("the database is not empty")
    rows_by_table = data.get("tables")
    if not isinstance(rows_by_table, dict):
        raise ImportRefused("the export has no tables")
    tables = _tables() if tables is None else tables
    for table in reversed(tables):
        session.execute(delete(table))
    counts: dict[str, int] = {}
    for table in tables:
        rows = [_decode(table, row) for row in rows_by_table.get(table.name, [])]
        if rows:
            session.execute(insert(table), rows)
        counts[table.name] = len(rows)
    restart_numbering(session, tables)
    if current:
        _reindex_all(session)
    return counts


def _decode(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    decoded = {}
    for column in table.columns:
        if column.name in DERIVED_COLUMNS:
            decoded[column.name] = ""
        elif column.name in row:
            value = row[column.name]
            if isinstance(column.type, UTCDateTime) and isinstance(value, str):
                value = datetime.fromisoformat(value)
            elif isinstance(column.type, Date) and isinstance(value, str):
                value = date.fromisoformat(value)
            decoded[column.name] = value
    return decoded


def _reindex_all(session: Session) -> None:
    for item in session.scalars(select(KnowledgeItem)):
        item.search_title = index_text(item.title)
        item.search_body = index_text(item.body)
        item.search_tags = index_text(" ".join(t.name for t in item.tags))
        item.search_tails = tail_text(
            f"{item.title} {item.body} {' '.join(t.name for t in item.tags)}"
        )
    for row in session.scalars(select(Bottleneck)):
        bottlenecks.reindex(row)
    session.flush()


def upgrade_export(data: dict[str, Any], now: datetime) -> dict[str, Any]:
    """An export of an earlier schema revision, brought to the current one.

    It is restored into a scratch database at its own revision, the migrations run as
    they would on the database it came from, and it is exported again.
    """
    from storage.db import Database  # storage.db imports nothing of ours but files

    revision = data.get("schema_revision")
    with tempfile.TemporaryDirectory(prefix="ciso-bot-import-") as folder:  # mode 0700
        scratch = Database.from_url(f"sqlite:///{Path(folder) / 'import.sqlite3'}")
        try:
            known = migrate.revisions(scratch.engine)
            if revision not in known:
                raise ImportRefused(
                    f"export is from schema {revision}, which this version does not know "
                    f"(it knows {known[0]} to {known[-1]}): is it from a newer version?"
                )
            migrate.upgrade(scratch.engine, str(revision))
            with scratch.write() as session:
                import_data(session, data, revision, tables=schema_tables(scratch.engine))
            migrate.upgrade(scratch.engine)
            with scratch.read() as session:
                return export_data(session, migrate.current_revision(scratch.engine), now)
        finally:
            scratch.dispose()
