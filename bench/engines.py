"""The databases a benchmark runs on: a SQLite file, and with `--database-url` the same
on a PostgreSQL server, so that both are measured in one run under one set of
conditions.

`--database-url` names a server and a database the benchmark may connect to in order
to create its own (`postgresql+psycopg://ciso@/postgres?host=/tmp/pg`); each one it
makes is named `ciso_bench_<name>`, and kept with `--keep` for a later run (like
`--dir` for the SQLite files), else dropped at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

from storage.db import Database, refresh_statistics
from storage.dialect import SQLITE, name_of


@dataclass
class Engine:
    """Where one benchmark database of one engine lives."""

    name: str  # "SQLite" or "PostgreSQL"
    folder: Path  # SQLite's files
    server: str | None = None  # PostgreSQL's server URL
    keep: bool = False
    made: list[str] = field(default_factory=list)

    def url(self, name: str) -> str:
        if self.server is None:
            return f"sqlite:///{self.folder / f'{name}.sqlite3'}"
        return make_url(self.server).set(database=f"ciso_bench_{name}").render_as_string(False)

    def exists(self, name: str) -> bool:
        if self.server is None:
            return (self.folder / f"{name}.sqlite3").exists()
        found = self._admin(f"SELECT 1 FROM pg_database WHERE datname = 'ciso_bench_{name}'")
        return bool(found)

    def fresh(self, name: str) -> Database:
        """An empty database called `name` (one left from an earlier run is replaced)."""
        if self.server is None:
            path = self.folder / f"{name}.sqlite3"
            for leftover in (path, path.with_name(path.name + "-wal")):
                leftover.unlink(missing_ok=True)
        else:
            self._admin(f"DROP DATABASE IF EXISTS ciso_bench_{name} WITH (FORCE)")
            self._admin(f"CREATE DATABASE ciso_bench_{name}")
            self.made.append(name)
        return Database.from_url(self.url(name))

    def open(self, name: str) -> Database:
        return Database.from_url(self.url(name))

    def tidy(self) -> None:
        """Drop what this run made on the server, unless told to keep it."""
        if self.server is not None and not self.keep:
            for name in self.made:
                self._admin(f"DROP DATABASE IF EXISTS ciso_bench_{name} WITH (FORCE)")

    def _admin(self, statement: str) -> list[object]:
        assert self.server is not None
        engine = create_engine(self.server, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                result = connection.execute(text(statement))
                return list(result.scalars()) if result.returns_rows else []
        finally:
            engine.dispose()

    @property
    def postgresql(self) -> bool:
        return self.server is not None


def engines(folder: Path, database_url: str | None, keep: bool = False) -> list[Engine]:
    """SQLite, and PostgreSQL beside it when a server is given."""
    found = [Engine("SQLite", folder)]
    if database_url:
        url = make_url(database_url)
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        found.append(Engine("PostgreSQL", folder, url.render_as_string(False), keep))
    return found


def describe_server(engine: Engine) -> str:
    """The engine's version and the settings that decide its speed, for the conditions."""
    if engine.server is None:
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}, a file on local disk, synchronous=FULL, WAL"
    settings = engine._admin(
        "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings WHERE "
        "name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'work_mem')"
    )
    version = engine._admin("SHOW server_version")
    return f"PostgreSQL {version[0]} on this machine (Unix socket), {settings[0]}"


def statistics_as_a_bot_keeps_them(db: Database) -> None:
    """The query planner's statistics as a running bot has them after its daily
    housekeeping (`storage.db.refresh_statistics`: not the full-text index's tables),
    whatever an earlier build left; PostgreSQL analyses every table itself (autovacuum,
    here at once after a bulk load)."""
    with db.write() as session:
        if name_of(db.engine) == SQLITE:
            if session.scalar(
                text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            ):
                session.execute(text("DELETE FROM sqlite_stat1"))
            refresh_statistics(session)
        else:
            session.execute(text("ANALYZE"))
