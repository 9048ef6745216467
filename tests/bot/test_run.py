"""`ciso-bot run` as a real process on Slack (HTTP) and Mattermost: health, a command."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from bot.clock import FixedClock
from tests.bot.fake_slack import TOKEN, running
from tests.bot.processes import free_port, stop
from tests.bot.slack_harness import SECRET, SlackBot


def _started(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    """`ciso-bot run ARGS` as a real process (stop it with `processes.stop`)."""
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "--env-file", str(tmp_path / "none.env"), "run", *args],
        env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _wait_until_healthy(port: int, process: subprocess.Popen[str]) -> dict[str, Any]:
    """The first healthy answer of `/health` (its checks), once the bot gives one."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[1]
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as answer:
                if answer.status == 200:
                    found: dict[str, Any] = json.loads(answer.read())["checks"]
                    return found
        except OSError:
            time.sleep(0.1)  # polling for the process to listen, not timing behaviour
    raise AssertionError("the bot did not start")


def test_run_serves_slack_over_http(tmp_path: Path, clock: FixedClock) -> None:
    port = free_port()
    with running() as fake:
        fake.add_user("U0ADMIN", "Beheerder")
        env = {
            "PATH": os.environ.get("PATH", ""),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}",
            "SLACK_BOT_TOKEN": TOKEN,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": f"{fake.url}/api/",
            "BOT_ADMINS": "U0ADMIN",
            "LOG_LEVEL": "WARNING",
        }
        process = _started(tmp_path, env, "--http", "--host", "127.0.0.1", "--port", str(port))
        try:
            _wait_until_healthy(port, process)
            client = SlackBot(fake, None, None, clock, port)  # type: ignore[arg-type]
            assert client.command("U0ADMIN", "/ciso", "organisaties").status == 200
            (response,) = fake.wait_for_response()
            assert "Deelnemende gemeenten" in response["text"]
            assert client.command("U0ADMIN", "/ciso", "ik", channel="C0X").status == 200
        finally:
            errors = stop(process)
        assert process.returncode == 0, errors
        assert "Traceback" not in errors


def test_run_without_a_signing_secret_names_the_variable(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "--env-file", str(tmp_path / "none.env"), "run"],
        env={"PATH": os.environ.get("PATH", ""), "SLACK_BOT_TOKEN": TOKEN,
             "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"},
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2 and "SLACK_SIGNING_SECRET" in result.stderr


def test_run_serves_mattermost(tmp_path: Path) -> None:
    from tests.bot.fake_mattermost import COMMAND_TOKENS_SETTING
    from tests.bot.fake_mattermost import TOKEN as MM_TOKEN
    from tests.bot.fake_mattermost import running as mattermost_running

    port = free_port()
    with mattermost_running() as fake:
        fake.add_user("usradmin000000000000000001", "beheerder")
        env = {
            "PATH": os.environ.get("PATH", ""),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}",
            "MATTERMOST_URL": fake.url,
            "MATTERMOST_TOKEN": MM_TOKEN,
            "MATTERMOST_COMMAND_TOKENS": COMMAND_TOKENS_SETTING,
            "BOT_ADMINS": "usradmin000000000000000001",
            "LOG_LEVEL": "WARNING",
        }
        process = _started(tmp_path, env, "--host", "127.0.0.1", "--port", str(port))
        try:
            _wait_until_healthy(port, process)
            assert fake.wait(lambda: fake.connections >= 1), "no WebSocket connection"
            answer = fake.slash(f"http://127.0.0.1:{port}", "usradmin000000000000000001",
                                "ciso", "organisaties")  # fmt: skip
            assert answer.status_code == 200 and "Deelnemende gemeenten" in answer.json()["text"]
            refused = fake.slash(f"http://127.0.0.1:{port}", "usradmin000000000000000001",
                                 "ciso", "ik", token="fout")  # fmt: skip
            assert refused.status_code == 401
        finally:
            errors = stop(process)
        assert process.returncode == 0, errors
        assert "Traceback" not in errors and MM_TOKEN not in errors
        assert fake.violations == []


def _run_until_exit(
    tmp_path: Path, database_url: str, port: int
) -> subprocess.CompletedProcess[str]:
    with running() as fake:  # Slack answers auth.test: the failure is ours to find
        env = {"PATH": os.environ.get("PATH", ""), "DATABASE_URL": database_url,
               "SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET,
               "SLACK_API_URL": f"{fake.url}/api/"}  # fmt: skip
        return _run_slack(tmp_path, env, port)


def _run_slack(tmp_path: Path, env: dict[str, str], port: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "--env-file", str(tmp_path / "none.env"),
         "run", "--http", "--host", "127.0.0.1", "--port", str(port)],
        env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip


def test_a_busy_port_is_one_clear_line_and_a_non_zero_exit(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _run_until_exit(tmp_path, f"sqlite:///{tmp_path / 'bot.sqlite3'}", port)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"Cannot listen on 127.0.0.1:{port}" in result.stderr


def test_a_read_only_database_is_one_clear_line_before_anything_starts(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    made = subprocess.run(
        [sys.executable, "-m", "bot", "--env-file", str(tmp_path / "none.env"), "migrate"],
        env={"PATH": os.environ.get("PATH", ""), "DATABASE_URL": f"sqlite:///{path}"},
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert made.returncode == 0
    result = _run_until_exit(tmp_path, f"sqlite:///file:{path}?mode=ro&uri=true", free_port())
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "The database cannot be written (attempt to write a readonly database)" in result.stderr


def test_socket_mode_serves_health_and_metrics_on_the_health_port(tmp_path: Path) -> None:
    from tests.bot.fake_socket_mode import socket_mode

    port = free_port()
    with running() as fake, socket_mode() as endpoint:
        fake.socket_url = endpoint.url
        env = {"PATH": os.environ.get("PATH", ""),
               "DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}",
               "SLACK_BOT_TOKEN": TOKEN, "SLACK_APP_TOKEN": "xapp-1-test",
               "SLACK_API_URL": f"{fake.url}/api/", "LOG_LEVEL": "WARNING"}  # fmt: skip
        process = _started(tmp_path, env, "--host", "127.0.0.1", "--health-port", str(port))
        try:
            checks = _wait_until_healthy(port, process)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as answer:
                metrics = answer.read().decode()
        finally:
            errors = stop(process, signal.SIGTERM)
    assert checks["platform"] == {"ok": True, "detail": "Socket Mode connected"}
    assert checks["sweeper"]["ok"] and checks["database"]["ok"]
    assert "ciso_bot_messages_waiting" in metrics and "process_resident_memory_bytes" in metrics
    assert process.returncode == 0, errors


def test_run_serves_slack_and_mattermost_from_one_process_on_one_port(
    tmp_path: Path, clock: FixedClock
) -> None:
    from tests.bot import fake_mattermost

    port = free_port()
    admin_mm = "usradmin000000000000000001"
    with running() as slack_fake, fake_mattermost.running() as mm_fake:
        slack_fake.add_user("U0ADMIN", "Beheerder")
        env = {
            "PATH": os.environ.get("PATH", ""),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'both.sqlite3'}",
            "SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": f"{slack_fake.url}/api/",
            "MATTERMOST_URL": mm_fake.url, "MATTERMOST_TOKEN": fake_mattermost.TOKEN,
            "MATTERMOST_COMMAND_TOKENS": fake_mattermost.COMMAND_TOKENS_SETTING,
            "BOT_ADMINS": f"U0ADMIN,{admin_mm}", "LOG_LEVEL": "INFO",
        }  # fmt: skip
        process = _started(tmp_path, env, "--host", "127.0.0.1", "--port", str(port))
        try:
            _wait_until_healthy(port, process)
            assert mm_fake.wait(lambda: mm_fake.connections >= 1), "no WebSocket connection"
            client = SlackBot(slack_fake, None, None, clock, port)  # type: ignore[arg-type]
            assert client.command("U0ADMIN", "/ciso", "organisaties").status == 200
            (response,) = slack_fake.wait_for_response()
            assert "Deelnemende gemeenten" in response["text"]
            answer = mm_fake.slash(f"http://127.0.0.1:{port}", admin_mm, "ciso", "organisaties")
            assert answer.status_code == 200 and "Deelnemende gemeenten" in answer.json()["text"]
        finally:
            errors = stop(process, signal.SIGTERM)
    assert process.returncode == 0, errors
    assert "slack: " in errors and "mattermost: " in errors and "/slack/…, /mattermost/…" in errors
    assert "Traceback" not in errors and mm_fake.violations == []
