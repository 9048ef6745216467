"""Files the bot writes are readable by their owner only (issue: TLP on every write path)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage import migrate
from storage.db import Database
from storage.files import write_private
from tests.bot.cli_runner import run_cli
from tests.template import POSTGRESQL


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual umask 022, under which files come out world-readable by default."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_the_database_and_its_wal_are_created_owner_only(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "data" / "nested" / "bot.sqlite3"
    database = Database.from_url(f"sqlite:///{path}")
    migrate.upgrade(database.engine)
    try:
        assert mode(path) == 0o600
        assert mode(path.parent) == 0o700 and mode(path.parent.parent) == 0o700
        wal = path.with_name(path.name + "-wal")
        assert wal.exists() and mode(wal) == 0o600
    finally:
        database.dispose()


def test_an_existing_world_readable_database_is_made_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    path.touch(mode=0o644)
    os.chmod(path, 0o644)
    Database.from_url(f"sqlite:///{path}").dispose()
    assert mode(path) == 0o600


def test_a_private_file_overwritten_stays_owner_only(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "out" / "report.md"
    write_private(path, "eerste")
    write_private(path, b"tweede")
    assert path.read_text() == "tweede" and mode(path) == 0o600 and mode(path.parent) == 0o700


def test_exports_and_reports_from_the_command_line_are_owner_only(tmp_path: Path) -> None:
    assert run_cli(tmp_path, "demo").returncode == 0
    dump, listing = tmp_path / "backup.json", tmp_path / "knelpunten.md"
    assert run_cli(tmp_path, "export", "--out", str(dump)).returncode == 0
    assert mode(dump) == 0o600 and "TLP:RED" in dump.read_text()
    assert run_cli(tmp_path, "knelpunten", "export", "--out", str(listing)).returncode == 0
    assert mode(listing) == 0o600
    folder = tmp_path / "rapport"
    made = run_cli(tmp_path, "rapport", "--period", "Q4 2026", "--out", str(folder))
    assert made.returncode == 0, made.stderr
    assert mode(folder) == 0o700
    assert [mode(f) for f in folder.iterdir()] == [0o600] * 4  # md, docx, pdf, png
    if not POSTGRESQL:  # the database is a file of ours
        assert mode(tmp_path / "bot.sqlite3") == 0o600
