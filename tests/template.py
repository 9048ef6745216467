"""A migrated database, made once per test process and copied for each test.

Running the Alembic migrations costs about a quarter of a second; copying their result
costs a millisecond. `tests/storage/test_migrations.py` still runs every migration.

With `CISO_TEST_POSTGRESQL` set to a PostgreSQL server's URL (`make test` and CI set
it to a throwaway server of their own), every test database is a PostgreSQL database
instead: a migrated template database is made once per test process, and each test
gets a copy of it (`CREATE DATABASE … TEMPLATE`), dropped when the process ends.
A copy costs PostgreSQL about 150 ms of CPU (it copies the system catalogues too), so
after each test (`recycle`, from conftest) a database nobody is connected to any more
and whose schema is still the template's is emptied back to the template's rows
(about 3 ms) and lent to a later test of the same process.
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
    if template and _emptied:
        name = _emptied.pop()
    else:
        name = _new_database(template)
        if template:
            _new_identity_at(_url_of(name))
    path.write_text(name)
    _lent.append(name)
    return _url_of(name)


# The databases lent to the running test, and those emptied and ready for the next.
_lent: list[str] = []
_emptied: list[str] = []


class _Rows:
    """What a database holds, to put back into another one of the same schema: the
    schema's fingerprint, every table's rows (COPY's text form) and every sequence."""

    def __init__(self, name: str) -> None:
        with _connected(name) as connection:
            self.schema = _schema_of(connection)
            self.tables = [row[0] for row in connection.execute(_TABLES)]
            self.rows: dict[str, bytes] = {}
            for table in self.tables:
                with connection.cursor().copy(f'COPY "{table}" TO STDOUT') as copy:
                    data = b"".join(bytes(block) for block in copy)
                if data:
                    self.rows[table] = data
            self.sequences = connection.execute(_SEQUENCES).fetchall()

    def put_into(self, name: str) -> None:
        """`name`'s rows become these (triggers and foreign keys rest meanwhile), with a
        new install id; `name` must have this schema and no other connection."""
        with _connected(name) as connection:
            connection.execute("SET session_replication_role = replica")
            for table in self.tables:
                connection.execute(f'DELETE FROM "{table}"')
            for table, data in self.rows.items():
                with connection.cursor().copy(f'COPY "{table}" FROM STDIN') as copy:
                    copy.write(data)
            for sequence, value, called in self.sequences:
                connection.execute("SELECT setval(%s, %s, %s)", (f'"{sequence}"', value, called))
            connection.execute("SET session_replication_role = DEFAULT")
            connection.execute(
                "UPDATE install_facts SET value = %s WHERE name = 'id'", (uuid.uuid4().hex[:16],)
            )
            connection.commit()


_TABLES = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
_SEQUENCES = (
    "SELECT sequencename, COALESCE(last_value, 1), last_value IS NOT NULL"
    " FROM pg_sequences WHERE schemaname = 'public'"
)
# Every column and trigger of the schema, and the migration it is at.
_SCHEMA = """
SELECT md5(string_agg(part, ',' ORDER BY part)) FROM (
    SELECT c.relname || '.' || a.attname || ':' || format_type(a.atttypid, a.atttypmod)
        AS part
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
    WHERE c.relnamespace = 'public'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
    UNION ALL
    SELECT 'trigger ' || tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE c.relnamespace = 'public'::regnamespace
    UNION ALL
    SELECT 'at ' || version_num FROM alembic_version
) parts
"""


def _schema_of(connection: Any) -> str:
    return str(connection.execute(_SCHEMA).fetchone()[0])


def _connected(name: str) -> Any:
    import psycopg

    url = _server().set(drivername="postgresql", database=name)
    return psycopg.connect(url.render_as_string(hide_password=False))


_template_rows: list[_Rows] = []


def recycle() -> None:
    """After a test: empty the databases it was lent and lend them again, unless
    something still holds a connection to one (a thread the test left behind could
    write into the next test's data) or its schema is no longer the template's (a
    test of migrations); those stay as they are until the process ends."""
    if not _lent:
        return
    if not _template_rows:
        _template_rows.append(_Rows(_postgresql_template()))
    template = _template_rows[0]
    lent = list(_lent)
    _lent.clear()
    with _connected("postgres") as admin:
        busy = {
            row[0]
            for row in admin.execute(
                "SELECT DISTINCT datname FROM pg_stat_activity"
                " WHERE datname = ANY(%s) AND pid <> pg_backend_pid()",
                (lent,),
            )
        }
    for name in lent:
        if name in busy:
            continue
        with _connected(name) as connection:
            same = _schema_of(connection) == template.schema
        if same:
            template.put_into(name)
            _emptied.append(name)


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


_postgresql_demos: dict[datetime, _Rows] = {}


def _with_postgresql_demo(db: Database, now: datetime) -> None:
    """The PostgreSQL form of `with_demo`: the test's database gets the rows of a
    database the demo was loaded into once."""
    if now not in _postgresql_demos:
        name = _new_database(_postgresql_template())
        demo = Database.from_url(_url_of(name))
        load_demo(demo, now)
        demo.dispose()
        _postgresql_demos[now] = _Rows(name)
    db.engine.dispose()  # no connection of the pool holds the old contents
    _postgresql_demos[now].put_into(str(db.engine.url.database))


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
