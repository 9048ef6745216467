"""The database handle: one engine per process, SQLite tuned for many threads.

SQLite runs in WAL mode with foreign keys on and a busy timeout. Sessions come in two
kinds: `read()` and `write()`. A write session starts with `BEGIN IMMEDIATE` so that
two threads that read and then write never fail with "database is locked" halfway;
they queue on the busy timeout instead.

On PostgreSQL (`postgresql+psycopg://…`) the same holds for every process on the
database: a write session first takes one transaction-level advisory lock, so write
transactions run one at a time, as on SQLite, and each one reads what the one before
it committed (READ COMMITTED reads anew at every statement). Every rule the code
keeps by "read, then write" (a claim, a number, a once-only notice) holds across
instances without a retry loop. Reads take no lock, and run without a transaction
(READ COMMITTED reads anew at every statement in one too); a read session refuses
to write, on both engines.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import CursorResult, Engine, Executable, create_engine, event, make_url, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from storage.dialect import SQLITE, name_of
from storage.files import private_file

BUSY_TIMEOUT_MS = 10_000
# The key of the advisory lock that write transactions take on PostgreSQL (any number
# no other program on the database uses: "ciso" in ASCII).
WRITE_LOCK = 0x6369736F


def create_db_engine(url: str) -> Engine:
    """Build an engine for `url`; SQLite gets the pragmas and transaction handling we rely on."""
    parsed = make_url(url)
    if parsed.drivername.startswith("postgresql"):
        return _postgresql_engine(url)
    if not parsed.drivername.startswith("sqlite"):
        raise ValueError(f"unsupported database {parsed.drivername}: use sqlite or postgresql")
    database = parsed.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        # SQLite gives its -wal and -shm files the database file's mode.
        private_file(Path(database))
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _postgresql_engine(url: str) -> Engine:
    engine = create_engine(
        url,
        pool_pre_ping=True,
        isolation_level="READ COMMITTED",
        # Every server-side wait is bounded: a lock held by a hung instance makes a
        # request fail (and be logged), not hang forever.
        connect_args={"options": f"-c lock_timeout={BUSY_TIMEOUT_MS} -c timezone=UTC"},
    )
    event.listen(engine, "begin", _begin_postgresql_transaction)
    return engine


def _begin_postgresql_transaction(connection: Connection) -> None:
    if connection.get_execution_options().get("write_lock"):
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")


CACHE_KIB = 16 * 1024


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when a transaction begins;
    # otherwise PRAGMA foreign_keys and BEGIN IMMEDIATE are silently ignored.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=FULL")
        # 16 MiB of pages per connection instead of SQLite's 2 MiB: a search reads the
        # item row of each of its matches, and at 100,000 items those did not stay in
        # 2 MiB (a word's p95 14.1 → 8.6 ms, bench/search.py). A small network's
        # database never fills it.
        cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    finally:
        cursor.close()


def _begin_sqlite_transaction(connection: Connection) -> None:
    if connection.get_execution_options().get("write_lock"):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


class ReadOnlySession(RuntimeError):
    """A write was tried in a session opened for reading (`Database.read`)."""


def _no_writes_in_a_read(session: Session, _context: Any, _instances: Any) -> None:
    if session.new or session.dirty or session.deleted:
        raise ReadOnlySession("a read session does not write; use Database.write()")


def _no_statement_writes_in_a_read(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        raise ReadOnlySession("a read session does not write; use Database.write()")


class Database:
    """Hands out sessions: one unit of work per request."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # PostgreSQL reads in autocommit: at READ COMMITTED each statement reads anew
        # anyway, so a transaction around reads only costs a BEGIN and a ROLLBACK.
        reads = engine
        if engine.dialect.name == "postgresql":
            reads = engine.execution_options(isolation_level="AUTOCOMMIT")
        self._reader = sessionmaker(reads, expire_on_commit=False)
        # A read session never writes: on PostgreSQL it would be written at once.
        event.listen(self._reader, "before_flush", _no_writes_in_a_read)
        event.listen(self._reader, "do_orm_execute", _no_statement_writes_in_a_read)
        self._writer = sessionmaker(
            engine.execution_options(write_lock=True), expire_on_commit=False
        )

    @classmethod
    def from_url(cls, url: str) -> Database:
        return cls(create_db_engine(url))

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; it never commits."""
        with self._reader() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session that commits at the end of the block, or rolls back on an error."""
        with self._writer() as session, session.begin():
            yield session

    def check_writable(self, wait: float) -> None:
        """Begin a write transaction and roll it back, waiting at most `wait` seconds for
        the write lock; raises when the database takes no writes now."""
        with self.engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                try:
                    connection.exec_driver_sql(f"SET LOCAL lock_timeout = {int(wait * 1000)}")
                    if connection.exec_driver_sql("SHOW transaction_read_only").scalar() == "on":
                        raise RuntimeError("the database is read-only (a standby?)")
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
                finally:
                    connection.rollback()
                return
            raw: Any = connection.connection.driver_connection
            raw.execute(f"PRAGMA busy_timeout={int(wait * 1000)}")
            try:
                raw.execute("BEGIN IMMEDIATE")
                raw.execute("ROLLBACK")
            finally:
                raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    def dispose(self) -> None:
        self.engine.dispose()


def refresh_statistics(session: Session) -> None:
    """SQLite: tell the query planner how the rows are spread over each table's indexes
    (`ANALYZE`, reading about 10,000 entries of each index: 0.1 s at a million items from
    a cold disk). The full-text index's own tables are left out: they have no index to
    choose, and counting their rows read the whole index (8 s). Without statistics,
    which a bot never had while the benchmarks analysed their databases, SQLite read
    each search match's own row to check its label instead of the covering index
    (counting 5,000 visible matches at 100,000 items: 14 → 3 ms), and a sweep of 1,000
    due reminders at 100,000 actions took 2.5 s instead of 1.8. PostgreSQL keeps its
    statistics itself (autovacuum)."""
    if name_of(session) != SQLITE:
        return
    tables = session.execute(text(
        "SELECT name, sql LIKE 'CREATE VIRTUAL TABLE%' FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )).all()  # fmt: skip
    virtual = [name for name, is_virtual in tables if is_virtual]
    session.execute(text("PRAGMA analysis_limit=10000"))
    for name, is_virtual in tables:
        if not is_virtual and not any(name.startswith(f"{v}_") for v in virtual):
            session.execute(text(f'ANALYZE "{name}"'))


def core_of(session: Session) -> Connection:
    """The session's connection, for statements that select columns: running them there
    skips the ORM's way of running a statement, which cost more than SQLite took for
    most of a search's (a search's mean 4.2–5.4 → 3.5–3.8 ms at 100,000 items). What
    the session holds unwritten is flushed first, as the ORM would before a query."""
    if session.new or session.dirty or session.deleted:
        session.flush()
    return session.connection()


def affected_rows(session: Session, statement: Executable) -> int:
    """Run an UPDATE or DELETE and return how many rows it changed."""
    result = session.execute(statement)
    assert isinstance(result, CursorResult)
    return result.rowcount


__all__ = [
    "Database",
    "Session",
    "affected_rows",
    "core_of",
    "create_db_engine",
    "refresh_statistics",
]
