"""The digest and the report from the command line: `tick --now`, `digest`, `rapport`."""

from __future__ import annotations

from pathlib import Path

from tests.bot.cli_runner import run_cli


def test_tick_sends_the_digest_once_and_digest_prints_a_week(tmp_path: Path) -> None:
    loaded = run_cli(tmp_path, "demo", "--now", "2027-03-08T07:00")
    assert loaded.returncode == 0, loaded.stderr
    early = run_cli(tmp_path, "tick", "--now", "2027-03-08T07:59")
    assert "Weekoverzicht CISO-netwerk" not in early.stdout
    due = run_cli(tmp_path, "tick", "--now", "2027-03-08T08:00")
    assert due.returncode == 0, due.stderr
    assert due.stdout.count("**Weekoverzicht CISO-netwerk**") == 1
    again = run_cli(tmp_path, "tick", "--now", "2027-03-08T09:00")  # a new process
    assert "Weekoverzicht CISO-netwerk" not in again.stdout

    week = run_cli(tmp_path, "digest", "--as", "burgemeester", "--week", "2027-W10",
                   "--now", "2027-03-20T12:00")  # fmt: skip
    assert week.returncode == 0, week.stderr
    assert (
        "week 9 (1 maart 2027 – 7 maart 2027)" in week.stdout
        and "Wat vraagt dit van u?" in week.stdout
    )
    assert ":press knelpunt.show 1" in week.stdout
    unknown = run_cli(tmp_path, "digest", "--as", "niemand")
    assert unknown.returncode == 1 and "niemand" in unknown.stderr
    bad = run_cli(tmp_path, "digest", "--as", "burgemeester", "--week", "week 10")
    assert bad.returncode == 2 and "2027-W10" in bad.stderr


def test_rapport_writes_the_document_and_the_chart(tmp_path: Path) -> None:
    assert run_cli(tmp_path, "demo", "--now", "2027-03-20T09:00").returncode == 0
    out = tmp_path / "rbo"
    made = run_cli(tmp_path, "rapport", "--period", "Q1 2027", "--out", str(out),
                   "--now", "2027-03-20T10:00")  # fmt: skip
    assert made.returncode == 0, made.stderr
    document = (out / "voortgangsrapportage-q1-2027.md").read_text(encoding="utf-8")
    assert document.startswith("# Voortgangsrapportage CISO-netwerk — Q1 2027")
    assert "Kleine gemeenten kunnen 24/7 SOC" not in document  # TLP:AMBER; default audience GREEN
    assert (out / "voortgangsrapportage-q1-2027.png").read_bytes()[:4] == b"\x89PNG"
    assert (out / "voortgangsrapportage-q1-2027.pdf").read_bytes()[:5] == b"%PDF-"
    assert (out / "voortgangsrapportage-q1-2027.docx").read_bytes()[:2] == b"PK"
    only_pdf = tmp_path / "pdf"
    run_cli(tmp_path, "rapport", "--period", "Q1 2027", "--out", str(only_pdf), "--format", "pdf",
            "--now", "2027-03-20T10:00")  # fmt: skip
    assert sorted(p.suffix for p in only_pdf.iterdir()) == [".pdf", ".png"]
    amber = run_cli(tmp_path, "rapport", "--period", "Q1 2027", "--out", str(out),
                    "--audience", "tlp:amber", "--now", "2027-03-20T10:00")  # fmt: skip
    assert amber.returncode == 0 and "TLP:AMBER" in amber.stderr
    assert "Kleine gemeenten kunnen 24/7 SOC" in (
        out / "voortgangsrapportage-q1-2027.md"
    ).read_text(encoding="utf-8")
    future = run_cli(tmp_path, "rapport", "--period", "Q4 2027", "--out", str(out),
                     "--now", "2027-03-20T10:00")  # fmt: skip
    assert future.returncode == 2 and "has not started yet" in future.stderr
