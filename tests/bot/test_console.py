"""End to end: `ciso-bot console` driven through a whole conversation on stdin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bot.cli_runner import run_cli, run_process
from tests.bot.processes import gone

CONVERSATION = """\
/ciso lid @anna Den Haag ciso werkgroep
/ciso lid @bram Leiden ciso
:as anna
/kennis deel Wachtwoordbeleid herzien\\nLange wachtwoorden en MFA. #wachtwoord
:press kennis.announce
/kennis deel Lek bij leverancier TLP:AMBER #leverancier
:as bram
/kennis zoek wachtwoorden
:press kennis.show 1
:press kennis.useful 1
/kennis zoek leverancier
:in netwerk
:press kennis.announce 2
:press kennis.nope
:dm
/kennis zoek "NEAR AND ( - ransom*
hallo
"""


def test_a_whole_conversation_through_the_console(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "console", "--now", "2027-03-10T09:00", stdin=CONVERSATION)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "anna is toegevoegd: Den Haag, rollen ciso, werkgroep." in out
    assert "Je bent nu anna." in out
    assert "Opgeslagen als kennisitem **#1**" in out
    assert "→ #algemeen: 📚 anna deelt uit de kennisbank:" in out  # name as given by @anna
    assert "**wachtwoorden**" in out  # the hit is marked in the snippet
    assert "Gedeeld op: 10 maart 2027" in out  # --now sets the clock
    assert "Genoteerd: je vindt #1" in out
    assert "Lek bij leverancier" in out  # AMBER is fine privately ...
    assert "→ #netwerk" not in out  # ... but never in a channel
    assert "geen knop `kennis.announce` (2)" in out  # AMBER offers no such button
    assert "geen knop `kennis.nope`" in out
    assert "**#1 Wachtwoordbeleid herzien**\nLange **wachtwoorden**" in out  # \\n: new line
    assert "Begin met een opdracht" in out
    assert "Traceback" not in out + result.stderr


def test_console_prints_nothing_but_replies_when_piped(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "console", stdin="/ciso ik\n")
    assert result.returncode == 0
    assert result.stdout.startswith("**Wat ik van je weet**")
    assert "console>" not in result.stdout


def test_console_as_an_unknown_user_explains_membership(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "console", "--as", "U999", stdin="/kennis zoek phishing\n/ciso ik\n")
    assert result.returncode == 0
    assert "geen lid" in result.stdout


def test_run_without_a_platform_or_a_terminal_stops_naming_what_to_set(tmp_path: Path) -> None:
    # Under systemd or in a container: a console would read nothing and exit 0 at once.
    # A real process with a pipe for standard input, as systemd or a container gives it.
    result = run_process(tmp_path, "run", stdin="/ciso help\n", env={"SLACK_BOT_TOKN": "xoxb-1"})
    assert result.returncode == 2 and result.stdout == ""
    for variable in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "MATTERMOST_URL"):
        assert variable in result.stderr
    assert "SLACK_BOT_TOKN is not a setting" in result.stderr  # the misspelling, by name
    assert "did you mean SLACK_BOT_TOKEN?" in result.stderr
    asked = run_cli(tmp_path, "run", "--console", stdin="/ciso help\n")
    assert asked.returncode == 0 and "CISO-netwerk — wat kan ik?" in asked.stdout


def test_bad_configuration_stops_start_up_naming_the_variable(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "console", env={"BOT_TIMEZONE": "Nergens/Niets"})
    assert result.returncode == 2
    assert "BOT_TIMEZONE" in result.stderr and "Traceback" not in result.stderr


def test_english_install_answers_in_english(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "console", stdin="/ciso ik\n", env={"BOT_LANGUAGE": "en"})
    assert "What I know about you" in result.stdout


@pytest.mark.parametrize("command", ["run", "console", "migrate", "demo", "export", "import"])
def test_every_subcommand_has_help(tmp_path: Path, command: str) -> None:
    result = run_cli(tmp_path, command, "--help")
    assert result.returncode == 0 and "usage: ciso-bot" in result.stdout


def test_on_a_terminal_the_console_greets_prompts_and_stops_at_ctrl_d(tmp_path: Path) -> None:
    controller, terminal = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "--env-file", str(tmp_path / "none.env"), "console"],
        stdin=terminal,
        stdout=terminal,
        stderr=subprocess.DEVNULL,
        env={
            "PATH": os.environ.get("PATH", ""),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.sqlite3'}",
            "TERM": "dumb",
        },
        cwd=tmp_path,
    )
    os.close(terminal)
    try:
        seen = _greets_and_stops(controller, process)
    finally:
        gone(process)
        os.close(controller)
    assert b"CISO-netwerk \xe2\x80\x94 console" in seen


def _greets_and_stops(controller: int, process: subprocess.Popen[bytes]) -> bytes:
    import select

    seen = b""

    def read_until(marker: bytes, times: int = 1) -> None:
        nonlocal seen
        while seen.count(marker) < times:
            ready, _, _ = select.select([controller], [], [], 30)
            assert ready, seen
            seen += os.read(controller, 4096)

    read_until(b"console #algemeen> ")
    os.write(controller, b"/ciso ik\n")
    read_until(b"console #algemeen> ", times=2)  # the next prompt: it reads again
    assert b"Wat ik van je weet" in seen
    os.write(controller, b"\x04")
    assert process.wait(timeout=30) == 0
    return seen


def test_sharing_something_similar_asks_first_in_the_console(tmp_path: Path) -> None:
    script = (
        "/ciso lid @anna Den Haag ciso\n"
        "/kennis deel Ransomware: de eerste 24 uur #ransomware\n"
        "/kennis deel Ransomware: de eerste uren\n"
        ":press held.anyway\n"
        "/kennis recent\n"
    )
    result = run_cli(tmp_path, "console", "--as", "admin", stdin=script,
                     env={"BOT_ADMINS": "admin"})  # fmt: skip
    assert "lijkt het op een van deze?" in result.stdout
    assert "[Toch delen]" in result.stdout and "[Annuleren]" in result.stdout
    assert "Opgeslagen als kennisitem **#2**" in result.stdout
