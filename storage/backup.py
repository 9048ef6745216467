"""Backup and restore: every table as JSON, and back into an empty database.

The search columns are not exported; they are rebuilt on import from the texts, so a
backup stays valid when the stemming changes.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, Table, delete, func, insert, select
from sqlalchemy.orm import Session

from storage import bottlenecks
from storage.fold import index_text, tail_text
from storage.models import AuditEntry, Base, Bottleneck, KnowledgeItem, Member, Tag, UTCDateTime

FORMAT = "ciso-bot-export"
VERSION = 1
DERIVED_COLUMNS = frozenset({"search_title", "search_body", "search_tags", "search_tails"})


class ImportRefused(Exception):
    """The database is not empty, or the file is not an export of ours."""


# Which processes run and which one sweeps belong to the running install, not its data.
PROCESS_TABLES = frozenset({"instances", "leases"})


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in PROCESS_TABLES]


def _encode(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value


def export_data(session: Session, revision: str | None, exported_at: datetime) -> dict[str, Any]:
    """All data as a JSON-ready dict."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in _tables():
        columns = [c for c in table.columns if c.name not in DERIVED_COLUMNS]
        rows = session.execute(select(*columns).order_by(*table.primary_key.columns))
        tables[table.name] = [{k: _encode(v) for k, v in row._mapping.items()} for row in rows]
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema_revision": revision,
        "exported_at": exported_at.isoformat(),
        "tables": tables,
    }


def is_empty(session: Session) -> bool:
    """True when nothing but the seeded organisations is stored."""
    return not any(
        session.scalar(select(func.count()).select_from(model))
        for model in (Member, KnowledgeItem, Tag, AuditEntry)
    )


def import_data(session: Session, data: dict[str, Any], revision: str | None) -> dict[str, int]:
    """Restore an export into an empty database; returns rows per table."""
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ImportRefused("not a ciso-bot export (format/version)")
    if data.get("schema_revision") != revision:
        raise ImportRefused(
            f"export is from schema {data.get('schema_revision')}, this database is {revision}"
        )
    if not is_empty(session):
        raise ImportRefused("the database is not empty")
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise ImportRefused("the export has no tables")
    for table in reversed(_tables()):
        session.execute(delete(table))
    counts: dict[str, int] = {}
    for table in _tables():
        rows = [_decode(table, row) for row in tables.get(table.name, [])]
        if rows:
            session.execute(insert(table), rows)
        counts[table.name] = len(rows)
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
