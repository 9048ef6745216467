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
from datetime import datetime
from pathlib import Path

from bot.demo.load import load_demo
from storage import migrate
from storage.db import Database

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
