"""Actions from the command line: planned reminders, `tick` sending them, the agenda file."""

from __future__ import annotations

from pathlib import Path

from tests.bot.cli_runner import run_cli

ENV = {"BOT_ADMINS": "admin"}
SETUP = """\
/ciso lid @anna Den Haag ciso werkgroep
/ciso lid @bram Leiden ciso
:as anna
/actie nieuw Logbeleid opstellen @bram vrijdag 11 december
/actie nieuw Back-uptest @anna eind Q1
"""


def _setup(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "console", "--as", "admin", "--now", "2026-11-30T10:00",
                     stdin=SETUP, env=ENV)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "termijn **vrijdag 11 december 2026**" in result.stdout


def test_reminders_lists_what_is_planned(tmp_path: Path) -> None:
    _setup(tmp_path)
    listed = run_cli(tmp_path, "reminders", env=ENV)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].startswith(
        "2026-12-04 09:00 Europe/Amsterdam before_7  pending  #1 Logbeleid opstellen  → bram"
    )
    assert len(lines) == 6 and "6 reminder(s) planned" in listed.stderr
    until = run_cli(tmp_path, "reminders", "--until", "2026-12-11T12:00", env=ENV)
    assert len(until.stdout.splitlines()) == 3


def test_tick_sends_the_due_reminder_once(tmp_path: Path) -> None:
    _setup(tmp_path)
    first = run_cli(tmp_path, "tick", "--now", "2026-12-04T09:05", env=ENV)
    assert "→ DM @bram: ⏰ Herinnering: actie #1 (Logbeleid opstellen)" in first.stdout
    assert "[✅ Klaar]  :press actie.done 1" in first.stdout
    again = run_cli(tmp_path, "tick", "--now", "2026-12-04T09:10", env=ENV)
    assert "Herinnering" not in again.stdout
    listed = run_cli(tmp_path, "reminders", env=ENV)
    assert "before_7" not in listed.stdout.split("\n")[0]


def test_tick_sends_a_backlog_larger_than_a_batch_in_one_go(tmp_path: Path) -> None:
    """`tick` sends everything due, batch after batch (a running bot claims 50 at a time)."""
    many = "".join(f"/actie nieuw Actie {n} @bram vrijdag 11 december\n" for n in range(60))
    made = run_cli(tmp_path, "console", "--as", "admin", "--now", "2026-11-30T10:00",
                   stdin="/ciso lid @bram Leiden ciso\n" + many, env=ENV)  # fmt: skip
    assert made.returncode == 0, made.stderr
    sent = run_cli(tmp_path, "tick", "--now", "2026-12-04T09:05", env=ENV)
    assert sent.stdout.count("⏰ Herinnering") == 60 and "60 message(s) sent." in sent.stderr


def test_actions_ical_for_a_member(tmp_path: Path) -> None:
    _setup(tmp_path)
    out = tmp_path / "bram.ics"
    result = run_cli(tmp_path, "actions", "ical", "--as", "bram", "--out", str(out), env=ENV)
    assert result.returncode == 0 and "1 action(s) written" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert "SUMMARY:Termijn actie #1: Logbeleid opstellen" in text and "Back-up" not in text
    unknown = run_cli(tmp_path, "actions", "ical", "--as", "nobody", env=ENV)
    assert unknown.returncode == 1 and "No member 'nobody'" in unknown.stderr


def test_reminders_are_listed_in_the_recipients_own_zone(tmp_path: Path) -> None:
    setup = "/ciso lid @nina Leiden ciso\n:as nina\n/ciso instellingen tijdzone America/New_York\n"
    setup += ":as admin\n/actie nieuw Logbeleid @nina vrijdag 11 december\n"
    result = run_cli(tmp_path, "console", "--as", "admin", "--now", "2026-11-30T10:00",
                     stdin=setup, env=ENV)  # fmt: skip
    assert result.returncode == 0, result.stderr
    listed = run_cli(tmp_path, "reminders", env=ENV)
    # Nina's 09:00 in New York, not the 15:00 it is in Amsterdam then.
    assert listed.stdout.splitlines()[0].startswith("2026-12-04 09:00 America/New_York before_7")


def test_the_agenda_file_updates_and_cancels_events_in_any_calendar(tmp_path: Path) -> None:
    """Read back with vobject, an iCalendar parser independent of the one that wrote it."""
    import vobject

    _setup(tmp_path)
    steps = ":as bram\n/actie uitstel 1 vrijdag 18 december — wacht op de leverancier\n"
    steps += "/actie nieuw Tweede actie @bram eind december\n/actie klaar 3\n"
    result = run_cli(tmp_path, "console", "--as", "admin", "--now", "2026-12-01T10:00",
                     stdin=steps, env=ENV)  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = tmp_path / "bram.ics"
    assert run_cli(tmp_path, "actions", "ical", "--as", "bram", "--out", str(out),
                   env=ENV).returncode == 0  # fmt: skip
    calendar = vobject.readOne(out.read_text(encoding="utf-8"))
    events = {e.uid.value: e for e in calendar.vevent_list}
    (first,) = [e for uid, e in events.items() if uid.startswith("actie-1@")]
    assert first.dtstart.value.isoformat() == "2026-12-18"  # the postponed deadline
    assert int(first.sequence.value) >= 2 and first.status.value == "CONFIRMED"
    assert first.last_modified.value.year == 2026
    (done,) = [e for uid, e in events.items() if uid.startswith("actie-3@")]
    assert done.status.value == "CANCELLED"  # finished: agendas drop it
    domains = {uid.split("@", 1)[1] for uid in events}
    assert len(domains) == 1 and domains != {"ciso-netwerk"}
    # Another install (another database) has another UID domain.
    other = tmp_path / "other"
    other.mkdir()
    _setup(other)
    out2 = other / "bram.ics"
    run_cli(other, "actions", "ical", "--as", "bram", "--out", str(out2), env=ENV)
    uids = {e.uid.value for e in vobject.readOne(out2.read_text(encoding="utf-8")).vevent_list}
    assert not uids & set(events)
