"""Run as a municipal IT administrator would: loud refusals, `check`, secrets from files,
JSON logs, a forgiving first start, and a command line that answers at once.

Most cases run the command line in-process (`bot.cli.main.main`), against the fake servers
where a chat platform is needed.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main as cli
from tests.bot import fake_mattermost, fake_slack
from tests.bot.processes import free_port

# What the command line reads; each test starts without any of it.
OURS = ("SLACK_", "MATTERMOST_", "BOT_", "LOG_", "DATABASE_URL", "STATE_DIRECTORY")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for name in list(os.environ):
        if name.startswith(OURS):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    yield


def _main(*args: str) -> int:
    return cli.main(["--env-file", "none.env", *args])


def test_version_and_help_answer_without_loading_the_application(tmp_path: Path) -> None:
    probe = (
        "import sys, contextlib, io\n"
        "from bot.cli.main import main\n"
        "for args in (['--version'], ['--help'], ['rapport', '--help'], ['backup', '--help']):\n"
        "    with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "        main(args)\n"
        "heavy = [m for m in ('sqlalchemy', 'slack_bolt', 'matplotlib', 'handlers', 'alembic',"
        " 'storage', 'httpx', 'waitress', 'bot.config') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60, cwd=Path(__file__).parents[2])  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    version = subprocess.run([sys.executable, "-m", "bot", "--version"], capture_output=True,
                             text=True, timeout=60)  # fmt: skip
    assert version.returncode == 0 and version.stdout.startswith("ciso-bot 0.")


def test_every_command_module_registers_its_own_commands() -> None:
    """`bot.cli`: each module adds its commands to the parser (as handlers register on
    the router); the entry point lists the modules, not the commands."""
    import pkgutil

    import bot.cli
    from bot.cli import main as entry

    modules = {m.name for m in pkgutil.iter_modules(bot.cli.__path__)} - {"main", "common"}
    registered = {register.__module__.rsplit(".", 1)[1] for register in entry.REGISTERS}
    assert registered == modules
    parser = entry.build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for name, command in commands.choices.items():
        nested = [a for a in command._actions if isinstance(a, argparse._SubParsersAction)]
        for leaf in [*(p for n in nested for p in n.choices.values())] or [command]:
            handler = leaf.get_default("handler")
            assert callable(handler), name
            assert handler.__module__.startswith("bot.cli."), (name, handler.__module__)


def test_a_misspelt_variable_is_named_with_the_setting_it_resembles(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKN", "xoxb-1")
    monkeypatch.setenv("MATTERMOST_TOKEM", "x")
    monkeypatch.setenv("BOT_ADMIN", "U1")
    monkeypatch.setenv("DATABASE_URL", "sqlite:///bot.sqlite3")
    assert _main("migrate") == 0
    errors = capsys.readouterr().err
    assert "SLACK_BOT_TOKN is not a setting of this bot and is ignored; did you mean " \
        "SLACK_BOT_TOKEN?" in errors  # fmt: skip
    assert "did you mean MATTERMOST_TOKEN?" in errors and "did you mean BOT_ADMINS?" in errors
    assert "xoxb-1" not in errors


def test_both_platforms_with_one_plain_channel_is_refused_not_guessed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A channel id means nothing without its platform: with two, each is named."""
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9/api/")
    monkeypatch.setenv("MATTERMOST_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("MATTERMOST_TOKEN", "t")
    monkeypatch.setenv("MATTERMOST_COMMAND_TOKENS", "ciso=x")
    monkeypatch.setenv("NETWORK_CHANNEL", "C0NETWERK")
    assert _main("run") == 2
    errors = capsys.readouterr().err
    assert "NETWORK_CHANNEL: names one channel" in errors
    assert "SLACK_NETWORK_CHANNEL and MATTERMOST_NETWORK_CHANNEL" in errors
    assert not (Path("data") / "ciso-bot.sqlite3").exists()  # nothing was started


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql+asyncpg://bot:geheim@db/ciso", "DATABASE_URL: use the psycopg driver"),
        ("postgresql://bot:geheim@db", "DATABASE_URL: names no database"),
        ("mysql://db/ciso", "DATABASE_URL: mysql is not supported"),
        ("sqlite:////nonexistent/dir/bot.db", "the folder /nonexistent/dir does not exist"),
        ("sqlite:///", None),  # an in-memory database: allowed, but nothing to back up
    ],
)
def test_an_unsupported_or_impossible_database_is_one_line_before_anything_starts(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], url: str,
    expected: str | None,
) -> None:  # fmt: skip
    monkeypatch.setenv("DATABASE_URL", url)
    code = _main("migrate")
    errors = capsys.readouterr().err
    if expected is None:
        assert code == 0
        return
    assert code == 2 and expected in errors and "Traceback" not in errors
    assert "geheim" not in errors
    assert not Path("/nonexistent").exists()


def test_a_relative_database_path_is_read_from_the_settings_files_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    install = tmp_path / "install"
    (install / "data").mkdir(parents=True)
    (install / ".env").write_text("DATABASE_URL=sqlite:///data/bot.sqlite3\n")
    elsewhere = install / "logs" / "today"
    elsewhere.mkdir(parents=True)
    monkeypatch.chdir(elsewhere)  # `.env` is found in the nearest folder above
    assert cli.main(["migrate"]) == 0
    errors = capsys.readouterr().err
    assert (install / "data" / "bot.sqlite3").exists()
    assert not (elsewhere / "data").exists()
    # The log names the absolute path of the database.
    assert f"database ready at sqlite:///{install / 'data' / 'bot.sqlite3'}" in errors


def test_secrets_may_come_from_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with fake_slack.running() as fake:
        token = tmp_path / "slack_bot_token"
        token.write_text(fake_slack.TOKEN + "\n")
        monkeypatch.setenv("SLACK_BOT_TOKEN_FILE", str(token))
        monkeypatch.setenv("SLACK_SIGNING_SECRET", "geheim-geheim")
        monkeypatch.setenv("SLACK_API_URL", f"{fake.url}/api/")
        monkeypatch.setenv("DATABASE_URL", "sqlite:///bot.sqlite3")
        assert _main("check") == 0
        out = capsys.readouterr().out
        assert "ok    platform  Slack: @" in out
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-also")
    assert _main("check") == 2
    assert "SLACK_BOT_TOKEN_FILE: and SLACK_BOT_TOKEN are both set" in capsys.readouterr().err
    monkeypatch.delenv("SLACK_BOT_TOKEN")
    monkeypatch.setenv("SLACK_BOT_TOKEN_FILE", str(tmp_path / "missing"))
    assert _main("check") == 2
    assert "SLACK_BOT_TOKEN_FILE: " in capsys.readouterr().err


def _slack_env(monkeypatch: pytest.MonkeyPatch, api: str, token: str) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", token)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "geheim-geheim")
    monkeypatch.setenv("SLACK_API_URL", api)
    monkeypatch.setenv("DATABASE_URL", "sqlite:///bot.sqlite3")


def test_slack_checks_its_token_at_start_and_tells_refused_from_unreachable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    port = str(free_port())
    with fake_slack.running() as fake:
        _slack_env(monkeypatch, f"{fake.url}/api/", "xoxb-wrong")
        assert _main("run", "--http", "--host", "127.0.0.1", "--port", port) == 2
        refused = capsys.readouterr().err
    assert "Slack refuses the bot token (invalid_auth): check SLACK_BOT_TOKEN" in refused
    assert "xoxb-wrong" not in refused and "Traceback" not in refused
    _slack_env(monkeypatch, f"http://127.0.0.1:{free_port()}/api/", "xoxb-wrong")
    assert _main("run", "--http", "--host", "127.0.0.1", "--port", port) == 2
    unreachable = capsys.readouterr().err
    assert "cannot be reached" in unreachable and "SLACK_API_URL" in unreachable
    assert "refuses" not in unreachable
    assert not Path("bot.sqlite3").exists()  # refused before anything started


def test_mattermost_tells_a_refused_token_from_an_unreachable_server(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    port = str(free_port())
    monkeypatch.setenv("MATTERMOST_COMMAND_TOKENS", fake_mattermost.COMMAND_TOKENS_SETTING)
    monkeypatch.setenv("DATABASE_URL", "sqlite:///bot.sqlite3")
    with fake_mattermost.running() as fake:
        monkeypatch.setenv("MATTERMOST_URL", fake.url)
        monkeypatch.setenv("MATTERMOST_TOKEN", "wrong-token-123456")
        assert _main("run", "--host", "127.0.0.1", "--port", port) == 2
        refused = capsys.readouterr().err
    assert "refuses the bot's token (401): check MATTERMOST_TOKEN" in refused
    monkeypatch.setenv("MATTERMOST_URL", f"http://127.0.0.1:{free_port()}")
    assert _main("run", "--host", "127.0.0.1", "--port", port) == 2
    unreachable = capsys.readouterr().err
    assert "cannot be reached (ConnectError); check MATTERMOST_URL" in unreachable
    assert "MATTERMOST_TOKEN" not in unreachable
    assert not Path("bot.sqlite3").exists()


def test_a_busy_port_is_found_before_anything_starts(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with fake_mattermost.running() as fake, socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = str(taken.getsockname()[1])
        monkeypatch.setenv("MATTERMOST_URL", fake.url)
        monkeypatch.setenv("MATTERMOST_TOKEN", fake_mattermost.TOKEN)
        monkeypatch.setenv("MATTERMOST_COMMAND_TOKENS", fake_mattermost.COMMAND_TOKENS_SETTING)
        monkeypatch.setenv("DATABASE_URL", "sqlite:///bot.sqlite3")
        code = _main("run", "--host", "127.0.0.1", "--port", str(free_port()),
                     "--health-port", busy)  # fmt: skip
    errors = capsys.readouterr().err
    assert code == 2 and f"Cannot listen on 127.0.0.1:{busy}" in errors
    assert not Path("bot.sqlite3").exists() and fake.connections == 0


def test_check_reports_settings_database_and_platform(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite:///bot.sqlite3")
    monkeypatch.setenv("BOT_LANGUAGE_", "en")
    assert _main("check") == 0
    fresh = capsys.readouterr().out
    assert "warn  database  none yet at" in fresh and str(tmp_path / "bot.sqlite3") in fresh
    assert "BOT_LANGUAGE_ is not a setting" in fresh
    assert "warn  platform  none configured" in fresh
    assert not Path("bot.sqlite3").exists()  # check changes nothing
    assert _main("migrate") == 0
    with fake_mattermost.running() as fake:
        monkeypatch.setenv("MATTERMOST_URL", fake.url)
        monkeypatch.setenv("MATTERMOST_TOKEN", fake_mattermost.TOKEN)
        monkeypatch.setenv("MATTERMOST_COMMAND_TOKENS", fake_mattermost.COMMAND_TOKENS_SETTING)
        capsys.readouterr()
        assert _main("check") == 0
        ready = capsys.readouterr().out
        monkeypatch.setenv("MATTERMOST_TOKEN", "wrong-token-123456")
        assert _main("check") == 1
        failed = capsys.readouterr().out
    assert "(up to date)" in ready and "no bot runs on this database now" in ready
    assert "ok    platform  Mattermost at" in ready and "/kennis" in ready
    assert "FAIL  platform" in failed and "MATTERMOST_TOKEN" in failed
    assert "1 failed" in failed


def test_log_format_json_writes_one_object_a_line_with_an_offset(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LOG_FORMAT", "json")
    monkeypatch.setenv("DATABASE_URL", "sqlite:///bot.sqlite3")
    monkeypatch.setenv("SLACK_SIGNING_SECRETS", "x")
    assert _main("migrate") == 0
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    assert lines and all(set(e) >= {"time", "level", "logger", "message"} for e in lines)
    assert any("SLACK_SIGNING_SECRETS" in e["message"] for e in lines)
    assert lines[0]["time"][-6] in "+-" and "T" in lines[0]["time"]  # ISO 8601, offset
    monkeypatch.setenv("LOG_FORMAT", "xml")
    assert _main("migrate") == 2


def test_the_demo_loads_after_a_first_start_that_made_the_console_admin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's own order: `make run` (type anything), then `ciso-bot demo`."""
    monkeypatch.setenv("DATABASE_URL", "sqlite:///bot.sqlite3")
    first = subprocess.run(
        [sys.executable, "-m", "bot", "--env-file", "none.env", "run", "--console"],
        input="/ciso ik\n/ciso taal en\n", capture_output=True, text=True, timeout=60,
        env={**os.environ, "LOG_LEVEL": "WARNING"},
    )  # fmt: skip
    assert first.returncode == 0 and "console" in first.stdout
    assert _main("demo") == 0
    assert "32 members, 67 knowledge items" in capsys.readouterr().out
    assert _main("demo") == 1  # now it holds data
    assert "already holds data" in capsys.readouterr().err


def _mattermost_env(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("MATTERMOST_URL", url)
    monkeypatch.setenv("MATTERMOST_TOKEN", fake_mattermost.TOKEN)
    monkeypatch.setenv("MATTERMOST_CALLBACK_URL", "http://ciso-bot:3000")
    monkeypatch.setenv("DATABASE_URL", "sqlite:///bot.sqlite3")


def test_mattermost_setup_creates_the_four_commands_then_updates_them_keeping_tokens(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with fake_mattermost.running() as fake:
        _mattermost_env(monkeypatch, fake.url)  # no MATTERMOST_COMMAND_TOKENS yet
        assert _main("run", "--port", "0") == 2
        assert "mattermost setup --team NAME" in capsys.readouterr().err
        assert _main("mattermost", "setup", "--team", "haaglanden") == 0
        first = capsys.readouterr().out
        made = {c["trigger"]: c for c in fake.commands.values()}
        fake.commands[made["kennis"]["id"]]["auto_complete_hint"] = "changed by hand"
        assert _main("mattermost", "setup", "--team", "haaglanden") == 0
        second = capsys.readouterr().out
        assert fake.violations == []  # every request and answer as the API describes
    assert sorted(made) == ["actie", "ciso", "kennis", "knelpunt"]
    for command in made.values():
        assert command["url"] == "http://ciso-bot:3000/mattermost/command"
        assert command["method"] == "P" and command["auto_complete"] is True
        assert command["auto_complete_desc"] and command["auto_complete_hint"]
    assert len(fake.commands) == 4  # updated, not made twice
    assert fake.commands[made["kennis"]["id"]]["auto_complete_hint"].startswith("zoek <vraag>")
    line = next(x for x in first.splitlines() if x.startswith("MATTERMOST_COMMAND_TOKENS="))
    assert line in second  # the tokens stay the same on an update
    tokens = dict(pair.split("=") for pair in line.split("=", 1)[1].split(","))
    assert tokens == {t: c["token"] for t, c in made.items()}
    assert "/kennis: created" in first and "/kennis: updated" in second


def test_mattermost_setup_names_the_missing_permission_and_an_unknown_team(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with fake_mattermost.running() as fake:
        _mattermost_env(monkeypatch, fake.url)
        assert _main("mattermost", "setup", "--team", "nergens") == 1
        assert "There is no team 'nergens'" in capsys.readouterr().err
        fake.may_manage_commands = False
        assert _main("mattermost", "setup", "--team", "haaglanden") == 1
        refused = capsys.readouterr().err
        assert fake.commands == {}
    assert "manage_slash_commands" in refused and "MATTERMOST_TOKEN=… ciso-bot" in refused
    assert "Traceback" not in refused


def test_an_export_imports_after_a_first_start_that_made_the_admin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'source.sqlite3'}")
    assert _main("demo") == 0
    assert _main("export", "--out", str(tmp_path / "export.json")) == 0
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    monkeypatch.setenv("BOT_ADMINS", "U0ADMIN")
    first = subprocess.run(
        [sys.executable, "-m", "bot", "--env-file", "none.env", "console", "--as", "U0ADMIN"],
        input="/ciso ik\n", capture_output=True, text=True, timeout=60,
        env={**os.environ, "LOG_LEVEL": "WARNING"},
    )  # fmt: skip
    assert first.returncode == 0
    capsys.readouterr()
    assert _main("import", str(tmp_path / "export.json")) == 0
    assert "Imported" in capsys.readouterr().out
