"""Online backups of the SQLite file, taken while the bot runs.

SQLite's backup API copies a consistent snapshot: in WAL mode one step is one read
transaction, so the bot goes on writing meanwhile and the copy holds either all of a
transaction or none of it. The copy is checked (`PRAGMA integrity_check`) under a
temporary name and only then given its final one, so a folder of backups never holds
a half-written file. Copies are 0600 in a 0700 folder: they hold TLP:RED items too.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from storage.files import private_file, private_folder

PREFIX = "ciso-bot-"
SUFFIX = ".sqlite3"


class BackupFailed(Exception):
    """The copy could not be made or did not pass its check; nothing was kept."""


@dataclass(frozen=True)
class Copy:
    path: Path
    size: int
    revision: str | None
    seconds: float


def take(source: Path, folder: Path, now: datetime) -> Copy:
    """Copy `source` into `folder` as `ciso-bot-YYYYMMDD-HHMMSS.sqlite3` and check it."""
    started = time.monotonic()
    private_folder(folder)
    stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    final = folder / f"{PREFIX}{stamp}{SUFFIX}"
    partial = folder / f".{final.name}.partial"
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    private_file(partial)
    try:
        reader = sqlite3.connect(source, timeout=30)
        copy = sqlite3.connect(partial)
        try:
            reader.backup(copy)  # one step: a consistent snapshot, writers go on
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            verdict = copy.execute("PRAGMA integrity_check").fetchall()
            if verdict != [("ok",)]:
                raise BackupFailed(f"the copy fails its integrity check: {verdict[:3]}")
            revision = _revision(copy)
        finally:
            copy.close()
            reader.close()
        os.replace(partial, final)
    except sqlite3.Error as error:
        raise BackupFailed(f"{source}: {error}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    return Copy(final, final.stat().st_size, revision, time.monotonic() - started)


def _revision(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return str(row[0]) if row else None


def rotate(folder: Path, keep: int) -> list[Path]:
    """Remove all but the newest `keep` copies in `folder`; returns those removed."""
    copies = sorted(folder.glob(f"{PREFIX}*{SUFFIX}"), key=lambda p: p.name, reverse=True)
    removed = copies[keep:]
    for old in removed:
        old.unlink()
    return removed
