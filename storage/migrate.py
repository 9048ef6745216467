"""Schema migrations with Alembic, run from code (`ciso-bot migrate` and on start)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(engine: Engine) -> Config:
    """An Alembic configuration bound to `engine`; no alembic.ini needed."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    command.downgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def is_fts_table(name: str | None) -> bool:
    """FTS5 virtual tables and their shadow tables, which autogenerate must not touch."""
    return bool(name) and "_fts" in (name or "")


def revisions(engine: Engine) -> list[str]:
    """Every revision this version knows, oldest first."""
    script = ScriptDirectory.from_config(alembic_config(engine))
    return [r.revision for r in reversed(list(script.walk_revisions()))]
