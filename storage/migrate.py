"""Schema migrations with Alembic, run from code (`ciso-bot migrate` and on start).

Alembic is imported only when a migration is to be done: a start on a database that
is already at `HEAD` reads one row and goes on (importing Alembic costs a third of a
second, and every command of the command line starts the application).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest revision in `migrations/versions`; a test keeps the two equal.
HEAD = "0019"
# The advisory lock a migration holds on PostgreSQL: one instance migrates at a time.
MIGRATION_LOCK = 0x63697361


def alembic_config(engine: Engine) -> Config:
    """An Alembic configuration bound to `engine`; no alembic.ini needed."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def at_head(engine: Engine) -> bool:
    """Whether the schema is at `HEAD`, read without loading Alembic."""
    try:
        with engine.connect() as connection:
            found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:  # no alembic_version table: a new database
        return False
    return found == HEAD


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def is_fts_table(name: str | None) -> bool:
    """FTS5 virtual tables and their shadow tables, which autogenerate must not touch."""
    return bool(name) and "_fts" in (name or "")


def is_search_vector(name: str | None) -> bool:
    """PostgreSQL's generated search columns and their indexes (migration 0019), which
    the models leave out: the search reads them by name (`storage.fulltext`)."""
    return name in ("search_vector", "ix_knowledge_items_search", "ix_bottlenecks_search")


def revisions(engine: Engine) -> list[str]:
    """Every revision this version knows, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(engine))
    return [r.revision for r in reversed(list(script.walk_revisions()))]
