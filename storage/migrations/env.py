"""Alembic environment: runs migrations on the engine that `storage.migrate` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, Engine
from storage.migrate import MIGRATION_LOCK, is_fts_table, is_search_vector
from storage.models import Base


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    return not is_fts_table(name) and not is_search_vector(name)


def run_migrations() -> None:
    engine = context.config.attributes.get("engine")
    if not isinstance(engine, Engine):
        raise RuntimeError("run migrations through storage.migrate, which passes the engine")
    with engine.connect() as connection:
        # SQLite's batch mode copies tables: with foreign keys on, dropping the old
        # copy would cascade-delete child rows. PRAGMA foreign_keys is ignored inside a
        # transaction, and SQLAlchemy begins one (`BEGIN`, see storage.db) before the
        # first statement it runs: so it is set on the driver's connection itself.
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            _foreign_keys(connection, on=False)
        try:
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                include_object=include_object,
                render_as_batch=sqlite,
            )
            with context.begin_transaction():
                if connection.dialect.name == "postgresql":
                    # Two instances started at once: the second waits, then finds the
                    # schema migrated (the version is read after the lock is taken).
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
                context.run_migrations()
            connection.commit()
        finally:
            if sqlite:
                connection.rollback()  # nothing is left open (a failed migration)
                _foreign_keys(connection, on=True)


def _foreign_keys(connection: Connection, *, on: bool) -> None:
    """Turn SQLite's foreign keys on or off, outside any transaction; raises when SQLite
    did not take it (a migration must never run with them on)."""
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    if driver.execute("PRAGMA foreign_keys").fetchone()[0] != int(on):
        raise RuntimeError("SQLite did not change PRAGMA foreign_keys")


run_migrations()
