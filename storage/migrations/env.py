"""Alembic environment: runs migrations on the engine that `storage.migrate` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine
from storage.migrate import is_fts_table
from storage.models import Base


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    return not is_fts_table(name)


def run_migrations() -> None:
    engine = context.config.attributes.get("engine")
    if not isinstance(engine, Engine):
        raise RuntimeError("run migrations through storage.migrate, which passes the engine")
    with engine.connect() as connection:
        # SQLite's batch mode copies tables: with foreign keys on, dropping the old
        # copy would cascade-delete child rows. PRAGMA only works outside a transaction.
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                include_object=include_object,
                render_as_batch=sqlite,
            )
            with context.begin_transaction():
                context.run_migrations()
            connection.commit()
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")


run_migrations()
