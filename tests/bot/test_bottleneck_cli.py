"""Bottlenecks from the command line and the console: export, `tick`, `:tick`, files."""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path

from bot.clock import FixedClock
from bot.scheduler import Sweeper, sweep
from handlers.core import Core
from handlers.messages import Reply
from tests.bot.cli_runner import run_cli
from tests.conftest import Chat

SETUP = """\
/ciso lid @anna Den Haag ciso werkgroep
/ciso lid @bram Leiden ciso
/ciso lid @carla Delft ciso
:as bram
/knelpunt meld Auditlogs ontbreken in het zaaksysteem #logging
/knelpunt meld Budget voor SOC ontbreekt TLP:AMBER
:as carla
/knelpunt steun 1 Delft ook
:as anna
/knelpunt status 1 in-behandeling
/knelpunt status 1 geescaleerd naar IBD kenmerk IBD-1 verwacht 2 weken
"""


def test_cli_export_is_filtered_for_the_audience(tmp_path: Path) -> None:
    env = {"BOT_ADMINS": "admin"}
    setup = run_cli(tmp_path, "console", "--as", "admin", "--now", "2026-11-30T10:00",
                    stdin=SETUP, env=env)  # fmt: skip
    assert setup.returncode == 0, setup.stderr
    green = run_cli(tmp_path, "knelpunten", "export", env=env)
    assert green.returncode == 0, green.stderr
    assert "Auditlogs ontbreken" in green.stdout and "Budget voor SOC" not in green.stdout
    assert "**2 gemeenten:** Delft, Leiden" in green.stdout

    out = tmp_path / "amber.csv"
    amber = run_cli(tmp_path, "knelpunten", "export", "--format", "csv",
                    "--audience", "tlp:amber", "--out", str(out), env=env)  # fmt: skip
    assert amber.returncode == 0 and "2 bottleneck(s) up to TLP:AMBER" in amber.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert {row[1] for row in rows[1:]} == {
        "Auditlogs ontbreken in het zaaksysteem",
        "Budget voor SOC ontbreekt",
    }
    refused = run_cli(tmp_path, "knelpunten", "export", "--audience", "tlp:red", env=env)
    assert refused.returncode == 2 and "tlp:clear, tlp:green or tlp:amber" in refused.stderr


def test_tick_sends_the_late_answer_reminder_once(tmp_path: Path) -> None:
    env = {"BOT_ADMINS": "admin", "WORKGROUP_CHANNEL": "werkgroep"}
    run_cli(tmp_path, "console", "--as", "admin", "--now", "2026-11-30T10:00", stdin=SETUP,
            env=env)  # fmt: skip
    early = run_cli(tmp_path, "tick", "--now", "2026-12-14T10:00", env=env)
    assert early.returncode == 0 and early.stdout == ""  # due on the 14th itself
    late = run_cli(tmp_path, "tick", "--now", "2026-12-15T09:30", env=env)
    assert "→ #werkgroep: ⏰ Het antwoord van IBD op knelpunt #1" in late.stdout
    assert "1 message(s) sent" in late.stderr
    again = run_cli(tmp_path, "tick", "--now", "2026-12-15T10:30", env=env)
    assert again.stdout == "" and "0 message(s) sent" in again.stderr


def test_console_tick_and_files_are_shown(tmp_path: Path) -> None:
    env = {"BOT_ADMINS": "admin", "WORKGROUP_CHANNEL": "werkgroep"}
    script = SETUP + ":tick\n/knelpunt export\n"
    result = run_cli(tmp_path, "console", "--as", "admin", "--now", "2026-11-30T10:00",
                     stdin=script, env=env)  # fmt: skip
    assert "Er is nu niets te versturen." in result.stdout
    assert "📎 knelpunten-2026-11-30.md" in result.stdout
    assert "## #1 Auditlogs ontbreken in het zaaksysteem" in result.stdout


def test_an_incomplete_mattermost_configuration_is_named(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "tick", env={"MATTERMOST_URL": "http://127.0.0.1:9"})
    assert result.returncode == 2 and "MATTERMOST_TOKEN" in result.stderr
    env = {"MATTERMOST_URL": "http://127.0.0.1:9", "MATTERMOST_TOKEN": "t",
           "MATTERMOST_COMMAND_TOKENS": "ciso=c"}  # fmt: skip
    unreachable = run_cli(tmp_path, "tick", env=env)
    assert unreachable.returncode == 2 and "Mattermost at http://127.0.0.1:9 cannot be reached" in (
        unreachable.stderr
    )


def test_sweep_delivers_what_the_jobs_return(network: Chat, clock: FixedClock) -> None:
    delivered: list[Reply] = []
    network.say("anna", "/knelpunt meld Een knelpunt")
    network.say("anna", "/knelpunt status 1 in-behandeling")
    network.say("anna", "/knelpunt status 1 geescaleerd naar VNG verwacht 1 week")
    assert sweep(network.core, delivered.append) == 0
    clock.set(clock.now().replace(day=7, month=12, hour=9))  # Monday after the due date
    assert sweep(network.core, delivered.append) == 1
    assert "knelpunt #1" in delivered[0].text


def test_the_sweeper_runs_a_first_sweep_at_start(core: Core) -> None:
    swept = threading.Event()

    class Recording(Core):
        def tick(self) -> list[Reply]:
            swept.set()
            return []

    recording = Recording(core.router, core.db, core.clock, core.settings)
    sweeper = Sweeper(recording, lambda replies: None, seconds=3600)
    sweeper.start()
    try:
        assert swept.wait(timeout=10)
    finally:
        sweeper.stop()
