"""Backup and restore in-process: what goes out comes back, search included."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import main as cli
from bot.demo.load import load_demo
from storage import backup, bottleneck_links, knowledge, migrate
from storage.db import Database
from storage.search import SearchQuery, search
from storage.tlp import TLP, Audience, Place
from storage.views import Actor
from tests.template import empty_database_url

NOW = datetime(2026, 11, 28, tzinfo=UTC)


def test_round_trip_restores_every_row_and_rebuilds_the_index(db: Database, tmp_path: Path) -> None:
    load_demo(db, NOW)
    with db.read() as session:
        # Through JSON, as the command line writes it.
        exported = json.loads(json.dumps(backup.export_data(session, "0002", NOW)))
    target = Database.from_url(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    migrate.upgrade(target.engine)
    with target.write() as session:
        counts = backup.import_data(session, exported, "0002")
    assert counts["knowledge_items"] == 67
    with target.read() as session:
        assert backup.export_data(session, "0002", NOW)["tables"] == exported["tables"]
        reader = Audience(place=Place.PRIVATE, member_id=1, organisation_id=1, is_member=True)
        hits = search(session, reader, SearchQuery(words=("ransomware",)), 3).hits
        similar = bottleneck_links.similar(session, reader, "auditlogs van het zaaksysteem")
    assert hits and all(h.item.tlp in (TLP.CLEAR, TLP.GREEN, TLP.AMBER) for h in hits)
    assert counts["bottlenecks"] >= 6 and counts["bottleneck_events"] > counts["bottlenecks"]
    assert counts["actions"] >= 8 and counts["reminders"] >= 8
    assert [b.title for b in similar] == ["Zaaksysteem levert geen volledige auditlogs"]
    target.dispose()


def test_import_checks_format_revision_and_emptiness(db: Database) -> None:
    with db.read() as session:
        exported = backup.export_data(session, "0002", NOW)
    with db.write() as session:
        with pytest.raises(backup.ImportRefused, match="schema"):
            backup.import_data(session, exported, "9999")
        with pytest.raises(backup.ImportRefused, match="format"):
            backup.import_data(session, {"format": "other"}, "0002")
    load_demo(db, NOW)
    with db.write() as session, pytest.raises(backup.ImportRefused, match="not empty"):
        backup.import_data(session, exported, "0002")


def test_a_network_moves_between_the_engines_and_back_with_the_command_line(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ciso-bot export` on the suite's engine, `import` into a SQLite file, and from there
    into a new database of the suite's engine (PostgreSQL in its PostgreSQL run): every
    row arrives, search works, and new rows get new numbers after the imported ones."""
    load_demo(db, NOW)
    monkeypatch.setenv("LOG_LEVEL", "WARNING")
    sqlite_url = f"sqlite:///{tmp_path / 'moved.sqlite3'}"
    back_url = empty_database_url(tmp_path / "back.sqlite3")
    for source, target, name in ((db.engine.url, sqlite_url, "one"), (sqlite_url, back_url, "two")):
        dump = tmp_path / f"{name}.json"
        url = source if isinstance(source, str) else source.render_as_string(hide_password=False)
        monkeypatch.setenv("DATABASE_URL", url)
        assert cli.main(["--env-file", "none.env", "export", "--out", str(dump)]) == 0
        monkeypatch.setenv("DATABASE_URL", target)
        assert cli.main(["--env-file", "none.env", "import", str(dump)]) == 0
    with db.read() as session:
        before = backup.export_data(session, None, NOW)["tables"]
    back = Database.from_url(back_url)
    try:
        with back.read() as session:
            assert backup.export_data(session, None, NOW)["tables"] == before
            reader = Audience(place=Place.PRIVATE, member_id=1, organisation_id=1, is_member=True)
            assert search(session, reader, SearchQuery(words=("ransomware",)), 3).hits
        with back.write() as session:
            made = knowledge.create(session, Actor("test"), NOW, title="Nieuw na de verhuizing",
                                    body="Ransomware-oefening gepland.", tlp=TLP.GREEN,
                                    author_id=1, organisation_id=1)  # fmt: skip
        assert made.id > max(row["id"] for row in before["knowledge_items"])
    finally:
        back.dispose()
