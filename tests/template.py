"""A migrated database, made once per test process and copied for each test.

Running the Alembic migrations costs about a quarter of a second; copying their result
costs a millisecond. `tests/storage/test_migrations.py` still runs every migration.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import tempfile
import uuid
from pathlib import Path

from storage import migrate
from storage.db import Database

_template: list[Path] = []


def _made() -> Path:
    if not _template:
        folder = Path(tempfile.mkdtemp(prefix="ciso-template-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        path = folder / "template.sqlite3"
        database = Database.from_url(f"sqlite:///{path}")
        migrate.upgrade(database.engine)
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.dispose()
        _template.append(path)
    return _template[0]


def migrated_copy(path: Path) -> Path:
    """`path` becomes a database at the newest revision, as `migrate.upgrade` leaves it;
    a database already there (a bot started again on it) is kept."""
    if not path.exists():
        shutil.copyfile(_made(), path)
        os.chmod(path, 0o600)
        # Each install has its own identity (migration 0012), as a migrated one would.
        with sqlite3.connect(path) as connection:
            connection.execute(
                "UPDATE install_facts SET value = ? WHERE name = 'id'", (uuid.uuid4().hex[:16],)
            )
        connection.close()
    return path
