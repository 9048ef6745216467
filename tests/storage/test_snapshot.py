"""Online backups while the bot writes, and restoring exports of every earlier schema."""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli import main as cli
from bot.demo.load import load_demo
from storage import backup, migrate, snapshot
from storage.db import Database
from storage.models import KnowledgeItem, Member
from storage.search import SearchQuery, search
from storage.tlp import Audience, Place
from tests.conftest import Chat
from tests.template import empty_database_url, only_sqlite

NOW = datetime(2026, 11, 28, tzinfo=UTC)


def _count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@only_sqlite  # a copy of the SQLite file (PostgreSQL: pg_dump)
def test_a_backup_taken_while_writes_go_on_is_consistent_and_restorable(
    network: Chat, db: Database, tmp_path: Path
) -> None:
    stop = threading.Event()
    written = [0]

    def write() -> None:
        while not stop.is_set():
            written[0] += 1
            network.share("anna", f"Notitie {written[0]} over back-ups #backup")

    writer = threading.Thread(target=write)
    writer.start()
    copies: list[snapshot.Copy] = []
    try:
        while len(copies) < 3:
            if written[0] > 5 * (len(copies) + 1):  # wait until writes are under way
                made = snapshot.take(Path(str(db.engine.url.database)), tmp_path / "backups",
                                     NOW + timedelta(seconds=len(copies)))  # fmt: skip
                copies.append(made)
    finally:
        stop.set()
        writer.join()
    for made in copies:
        assert stat.S_IMODE(made.path.stat().st_mode) == 0o600 and made.revision
        with sqlite3.connect(made.path) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert copy.execute("PRAGMA foreign_key_check").fetchall() == []
            # The search index holds exactly the items: no half transaction in the copy.
            copy.execute("INSERT INTO knowledge_fts(knowledge_fts) VALUES('integrity-check')")
            tags = copy.execute("SELECT count(*) FROM knowledge_tags").fetchone()[0]
            items = copy.execute("SELECT count(*) FROM knowledge_items").fetchone()[0]
        assert tags == items  # every item was written with its one tag, all or nothing
    counts = [_count(c.path, "knowledge_items") for c in copies]
    assert counts == sorted(counts) and counts[-1] < _count(Path(str(db.engine.url.database)),
                                                              "knowledge_items")  # fmt: skip
    # Restore: the copy is a database file like any other.
    restored = tmp_path / "restored.sqlite3"
    shutil.copy(copies[-1].path, restored)
    target = Database.from_url(f"sqlite:///{restored}")
    migrate.upgrade(target.engine)
    reader = Audience(place=Place.PRIVATE, member_id=1, organisation_id=1, is_member=True)
    with target.read() as session:
        assert search(session, reader, SearchQuery(words=("notitie",)), 3).hits
    target.dispose()


@only_sqlite  # a copy of the SQLite file (PostgreSQL: pg_dump)
def test_old_copies_are_rotated_and_a_failed_copy_leaves_nothing(
    tmp_path: Path, db: Database
) -> None:
    source = Path(str(db.engine.url.database))
    folder = tmp_path / "backups"
    for day in range(5):
        snapshot.take(source, folder, NOW + timedelta(days=day))
    removed = snapshot.rotate(folder, 2)
    assert [p.name for p in removed][:1] == ["ciso-bot-20261130-000000.sqlite3"]
    assert sorted(p.name for p in folder.iterdir()) == [
        "ciso-bot-20261201-000000.sqlite3", "ciso-bot-20261202-000000.sqlite3"
    ]  # fmt: skip
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database" * 100)
    with pytest.raises(snapshot.BackupFailed):
        snapshot.take(broken, folder, NOW + timedelta(days=9))
    assert len(list(folder.iterdir())) == 2  # no partial file left behind


@only_sqlite  # a copy of the SQLite file (PostgreSQL: pg_dump)
def test_the_backup_command_copies_checks_and_keeps_n(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'bot.sqlite3'}")
    monkeypatch.delenv("LOG_LEVEL", raising=False)
    assert cli.main(["--env-file", "none.env", "backup"]) == 1  # nothing to back up yet
    assert "No database file" in capsys.readouterr().err
    assert cli.main(["--env-file", "none.env", "migrate"]) == 0
    assert cli.main(["--env-file", "none.env", "backup", "--out", str(tmp_path / "b"),
                     "--keep", "1"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "integrity ok" in out and "schema 00" in out
    (copy,) = (tmp_path / "b").iterdir()
    assert stat.S_IMODE((tmp_path / "b").stat().st_mode) == 0o700
    assert _count(copy, "organisations") == _count(tmp_path / "bot.sqlite3", "organisations")


def test_the_backup_command_sends_postgresql_to_its_own_tools(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://bot:geheim@db.invalid/ciso")
    assert cli.main(["--env-file", "none.env", "backup"]) == 1
    errors = capsys.readouterr().err
    assert "pg_dump" in errors and "geheim" not in errors and "Traceback" not in errors


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo at the current schema, made once for every revision's export."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = Database.from_url(f"sqlite:///{path}")
    migrate.upgrade(db.engine)
    load_demo(db, NOW)
    db.dispose()
    return path


def _export_at(revision: str, tmp_path: Path, demo: Path) -> dict[str, object]:
    """An export as an older version made it: the demo, taken back to `revision` by the
    old migrations' own downgrades, and written with that schema's tables."""
    copy = tmp_path / f"old-{revision}.sqlite3"
    shutil.copy(demo, copy)
    source = Database.from_url(f"sqlite:///{copy}")
    try:
        migrate.downgrade(source.engine, revision)
        with source.read() as session:
            data = backup.export_tables(session, backup.schema_tables(source.engine), revision,
                                        NOW)  # fmt: skip
    finally:
        source.dispose()
    restored: dict[str, object] = json.loads(json.dumps(data))
    return restored


def _revisions() -> list[str]:
    engine = Database.from_url("sqlite://").engine
    return migrate.revisions(engine)[:-1]


@pytest.mark.parametrize("revision", _revisions())
def test_an_export_of_every_earlier_schema_is_restored_and_migrated(
    revision: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], demo_file: Path,
) -> None:  # fmt: skip
    exported = tmp_path / f"export-{revision}.json"
    exported.write_text(json.dumps(_export_at(revision, tmp_path, demo_file)))
    target = empty_database_url(tmp_path / "new.sqlite3")  # PostgreSQL's, when tested on it
    monkeypatch.setenv("DATABASE_URL", target)
    monkeypatch.setenv("LOG_LEVEL", "WARNING")
    assert cli.main(["--env-file", "none.env", "import", str(exported)]) == 0
    assert f"(schema {revision}, migrated to " in capsys.readouterr().out
    db = Database.from_url(target)
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision(db.engine)
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(Member)) == 32
            items = session.scalar(select(func.count()).select_from(KnowledgeItem))
            reader = Audience(place=Place.PRIVATE, member_id=1, organisation_id=1, is_member=True)
            found = search(session, reader, SearchQuery(words=("ransomware",)), 3).hits
        assert items == (0 if revision == "0001" else 67)
        assert bool(found) == (revision != "0001")
    finally:
        db.dispose()


def test_an_export_from_a_newer_version_is_refused_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "future.json"
    exported.write_text(json.dumps({"format": backup.FORMAT, "version": backup.VERSION,
                                    "schema_revision": "0099", "tables": {}}))  # fmt: skip
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert cli.main(["--env-file", "none.env", "import", str(exported)]) == 1
    assert "schema 0099, which this version does not know" in capsys.readouterr().err
