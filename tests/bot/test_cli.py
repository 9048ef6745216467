"""The command line: migrate, demo, export and import (a round trip)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.bot.cli_runner import run_cli


def test_migrate_reports_the_revision(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "migrate")
    assert result.returncode == 0 and "revision 0019" in result.stdout


def test_demo_loads_once_and_then_refuses(tmp_path: Path) -> None:
    first = run_cli(tmp_path, "demo")
    assert first.returncode == 0 and "67 knowledge items" in first.stdout
    again = run_cli(tmp_path, "demo")
    assert again.returncode == 1 and "already holds data" in again.stderr


def test_export_then_import_into_an_empty_database_restores_everything(tmp_path: Path) -> None:
    assert run_cli(tmp_path, "demo").returncode == 0
    dump = tmp_path / "backup.json"
    assert run_cli(tmp_path, "export", "--out", str(dump)).returncode == 0
    data = json.loads(dump.read_text(encoding="utf-8"))
    assert data["format"] == "ciso-bot-export" and len(data["tables"]["knowledge_items"]) >= 60

    restored = tmp_path / "restored"
    restored.mkdir()
    result = run_cli(restored, "import", str(dump))
    assert result.returncode == 0, result.stderr
    again = run_cli(restored, "export")
    assert json.loads(again.stdout)["tables"] == data["tables"]

    search = run_cli(
        restored, "console", "--as", "carla.delft", stdin="/kennis zoek wachtwoorden\n"
    )
    assert "Wachtwoordbeleid herzien" in search.stdout


def test_import_refuses_a_database_that_holds_data(tmp_path: Path) -> None:
    assert run_cli(tmp_path, "demo").returncode == 0
    dump = tmp_path / "backup.json"
    run_cli(tmp_path, "export", "--out", str(dump))
    result = run_cli(tmp_path, "import", str(dump))
    assert result.returncode == 1 and "not empty" in result.stderr


def test_import_refuses_a_file_that_is_not_an_export(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"hello": 1}', encoding="utf-8")
    assert "Import refused" in run_cli(tmp_path, "import", str(bogus)).stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert "Cannot read" in run_cli(tmp_path, "import", str(broken)).stderr


def test_the_console_keeps_members_display_names(tmp_path: Path) -> None:
    assert run_cli(tmp_path, "demo").returncode == 0
    run_cli(tmp_path, "console", "--as", "anna.denhaag", stdin="/ciso ik\n")
    members = run_cli(tmp_path, "console", "--as", "bram.leiden", stdin="/ciso leden\n")
    assert "Anna de Vries — ciso, werkgroep" in members.stdout


def test_audit_prints_the_whole_log_as_text_or_csv_since_a_date(tmp_path: Path) -> None:
    import csv

    assert run_cli(tmp_path, "demo", "--now", "2026-11-28T10:00").returncode == 0
    text = run_cli(tmp_path, "audit")
    assert text.returncode == 0
    lines = text.stdout.splitlines()
    assert len(lines) > 100 and "knowledge.created" in text.stdout
    assert lines == sorted(lines, key=lambda line: line.split()[0])  # oldest first
    recent = run_cli(tmp_path, "audit", "--since", "2026-11-20", "--format", "csv",
                     "--out", str(tmp_path / "audit.csv"))  # fmt: skip
    assert recent.returncode == 0 and "audit entries written" in recent.stderr
    with open(tmp_path / "audit.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == ["tijd", "wie", "naam", "wat", "onderwerp", "nummer", "details"]
    assert 1 < len(rows) < len(lines) and all(r[0] >= "2026-11-20" for r in rows[1:])
    assert (tmp_path / "audit.csv").stat().st_mode & 0o777 == 0o600
