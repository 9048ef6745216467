"""A migrated database, made once per test process and copied for each test.

Running the Alembic migrations costs about a quarter of a second; copying their result
costs a millisecond. `tests/storage/test_migrations.py` still runs every migration.

With `CISO_TEST_POSTGRESQL` set to a PostgreSQL server's URL (`make test` and CI set
it to a throwaway server of their own), every test database is a PostgreSQL database
instead: a migrated template database is made once per test process, and each test
gets a copy of it (`CREATE DATABASE … TEMPLATE`), dropped when the process ends.
Tests about one engine say so with `only_sqlite` / `only_postgresql`.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import tempfile
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import URL, create_engine, event, make_url, text

from bot.demo.load import load_demo
from storage import migrate
from storage.db import WRITE_LOCK, Database

SERVER = os.environ.get("CISO_TEST_POSTGRESQL", "")
POSTGRESQL = bool(SERVER)
only_sqlite = pytest.mark.skipif(POSTGRESQL, reason="about SQLite (its file, pragmas, FTS5)")
only_postgresql = pytest.mark.skipif(not POSTGRESQL, reason="needs CISO_TEST_POSTGRESQL")

_template: list[Path] = []
_demos: dict[datetime, Path] = {}


def _made() -> Path:
    if not _template:
        path = _folder() / "template.sqlite3"
        database = Database.from_url(f"sqlite:///{path}")
        migrate.upgrade(database.engine)
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.dispose()
        _template.append(path)
    return _template[0]


def _folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="ciso-template-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def database_url(path: Path) -> str:
    """The URL of a database at the newest revision for this test, named by `path` (the
    same path gives the same database: a bot started again on it)."""
    if not POSTGRESQL:
        return f"sqlite:///{migrated_copy(path)}"
    return _postgresql(path, template=_postgresql_template())


def empty_database_url(path: Path) -> str:
    """The URL of a database with no schema yet (the bot migrates it), named by `path`."""
    if not POSTGRESQL:
        return f"sqlite:///{path}"
    return _postgresql(path, template=None)


# PostgreSQL: the databases this process made, dropped when it ends.
_made_here: list[str] = []
_server_templates: list[str] = []


def _server() -> URL:
    return make_url(SERVER)


def _admin(statement: str) -> None:
    engine = create_engine(_server(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


_versions: list[int] = []


def _copy_clause(template: str) -> str:
    """Copy the template's files as they are: PostgreSQL 15's default writes every
    page to the WAL, which for a small database costs more than the copy."""
    if not _versions:
        engine = create_engine(_server())
        try:
            with engine.connect() as connection:
                _versions.append(int(connection.scalar(text("SHOW server_version_num")) or 0))
        finally:
            engine.dispose()
    return f" TEMPLATE {template}" + (" STRATEGY file_copy" if _versions[0] >= 150000 else "")


def _new_database(template: str | None) -> str:
    name = f"ciso_test_{uuid.uuid4().hex[:20]}"
    copy = _copy_clause(template) if template else ""
    _admin(f"CREATE DATABASE {name}{copy}")
    if not _made_here:
        atexit.register(_drop_made)
    _made_here.append(name)
    return name


def _drop_made() -> None:
    for name in reversed(_made_here):
        try:
            _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        except Exception:  # the server may be gone already; it is a throwaway one
            return


def _url_of(name: str) -> str:
    return _server().set(database=name).render_as_string(hide_password=False)


def _postgresql_template() -> str:
    if not _server_templates:
        name = _new_database(None)
        database = Database.from_url(_url_of(name))
        migrate.upgrade(database.engine)
        database.dispose()
        _server_templates.append(name)
    return _server_templates[0]


def _postgresql(path: Path, template: str | None) -> str:
    if path.exists():  # the file names the database made for this path
        return _url_of(path.read_text().strip())
    name = _new_database(template)
    path.write_text(name)
    url = _url_of(name)
    if template:
        _new_identity_at(url)
    return url


def _new_identity_at(url: str) -> None:
    database = Database.from_url(url)
    try:
        with database.write() as session:
            session.execute(
                text("UPDATE install_facts SET value = :id WHERE name = 'id'"),
                {"id": uuid.uuid4().hex[:16]},
            )
    finally:
        database.dispose()


def migrated_copy(path: Path) -> Path:
    """`path` becomes a database at the newest revision, as `migrate.upgrade` leaves it;
    a database already there (a bot started again on it) is kept."""
    if not path.exists():
        shutil.copyfile(_made(), path)
        os.chmod(path, 0o600)
        _new_identity(path)
    return path


def _new_identity(path: Path) -> None:
    """Each install has its own identity (migration 0012), as a migrated one would."""
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE install_facts SET value = ? WHERE name = 'id'", (uuid.uuid4().hex[:16],)
        )
    connection.close()


def with_demo(db: Database, now: datetime) -> None:
    """`db` (fresh from `migrated_copy`) holds what `load_demo(db, now)` adds; the demo
    is loaded once per test process and moment, and copied (`test_demo.py` still
    loads it itself)."""
    if POSTGRESQL:
        _with_postgresql_demo(db, now)
        return
    if now not in _demos:
        path = _folder() / "demo.sqlite3"
        demo = Database.from_url(f"sqlite:///{migrated_copy(path)}")
        load_demo(demo, now)
        with demo.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        demo.dispose()
        _demos[now] = path
    db.engine.dispose()  # no connection of the pool holds the old contents
    target = db.engine.raw_connection()
    try:
        with sqlite3.connect(_demos[now]) as source:
            source.backup(target.driver_connection)  # type: ignore[arg-type]
        source.close()
    finally:
        target.close()
    db.engine.dispose()
    _new_identity(Path(str(db.engine.url.database)))


_postgresql_demos: dict[datetime, str] = {}


def _with_postgresql_demo(db: Database, now: datetime) -> None:
    """The PostgreSQL form of `with_demo`: the test's database is made again as a copy
    of a database the demo was loaded into once."""
    if now not in _postgresql_demos:
        name = _new_database(_postgresql_template())
        demo = Database.from_url(_url_of(name))
        load_demo(demo, now)
        demo.dispose()
        _postgresql_demos[now] = name
    db.engine.dispose()
    name = str(db.engine.url.database)
    _admin(f"DROP DATABASE {name} WITH (FORCE)")
    _admin(f"CREATE DATABASE {name}{_copy_clause(_postgresql_demos[now])}")
    db.engine.dispose()
    _new_identity_at(db.engine.url.render_as_string(hide_password=False))


class WriteLocker:
    """Another process's hold on the database's write lock, taken and let go at will;
    and `short_waits`, which makes `db` give up waiting for it after 50 ms."""

    def __init__(self, db: Database) -> None:
        self.url = db.engine.url
        self.held = False
        self._connection: Any = None

    @staticmethod
    def short_waits(db: Database) -> None:
        def shorten(connection: Any, _record: Any) -> None:
            if POSTGRESQL:
                connection.execute("SET lock_timeout = 50")
                connection.commit()
            else:
                connection.execute("PRAGMA busy_timeout=50")

        event.listen(db.engine, "connect", shorten)
        db.engine.dispose()

    def take(self) -> None:
        if POSTGRESQL:
            import psycopg

            url = self.url.set(drivername="postgresql")
            self._connection = psycopg.connect(url.render_as_string(hide_password=False),
                                               autocommit=True)  # fmt: skip
            self._connection.execute(f"SELECT pg_advisory_lock({WRITE_LOCK})")
        else:
            self._connection = sqlite3.connect(str(self.url.database), isolation_level=None)
            self._connection.execute("BEGIN EXCLUSIVE")
        self.held = True

    def let_go(self) -> None:
        if not POSTGRESQL:
            self._connection.execute("ROLLBACK")
        self._connection.close()
        self.held = False
