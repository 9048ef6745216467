"""`ciso-bot run` against hostile traffic, as a real process on both platforms.

Reproductions 1, 2 and 5 of the hostile-traffic issue: no production server (held
connections, an unbounded body on /slack/events), message texts, tokens and
response_urls in the log, HTTP 500 for malformed headers, and SIGTERM killing the
process without clean-up.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

import httpx

from bot.clock import FixedClock
from tests.bot.fake_mattermost import COMMAND_TOKENS, COMMAND_TOKENS_SETTING
from tests.bot.fake_mattermost import TOKEN as MM_TOKEN
from tests.bot.fake_mattermost import running as mattermost_running
from tests.bot.fake_slack import TOKEN, running
from tests.bot.processes import free_port
from tests.bot.slack_harness import SECRET, SlackBot
from tests.bot.test_run import _wait_until_healthy

SECRET_TEXT = "Geheimzinnigheid-7f3a-ransomware-onderhandeling"
ADMIN = "usradmin000000000000000001"


@contextmanager
def bot_process(
    tmp_path: Path, env: dict[str, str], *args: str
) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    port = free_port()
    environment = {"PATH": os.environ.get("PATH", ""), "LOG_LEVEL": "DEBUG",
                   "DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}", **env}  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "--env-file", str(tmp_path / "none.env"), "run",
         "--host", "127.0.0.1", "--port", str(port), *args],
        env=environment, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        _wait_until_healthy(port, process)
        yield port, process
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=30)


def _stop(process: subprocess.Popen[str]) -> str:
    """SIGTERM, as systemd and `docker stop` send it: a clean stop, exit 0, quickly."""
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    _out, errors = process.communicate(timeout=30)
    assert process.returncode == 0, errors[-2000:]
    assert time.monotonic() - started < 30
    return errors


def _raw(port: int, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(data)
        return connection.recv(200)


def test_slack_over_http_at_debug_logs_no_text_secret_or_url_and_stops_on_sigterm(
    tmp_path: Path, clock: FixedClock
) -> None:
    with running() as fake:
        fake.add_user("U0ADMIN", "Beheerder")
        env = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET,
               "SLACK_API_URL": f"{fake.url}/api/", "BOT_ADMINS": "U0ADMIN"}  # fmt: skip
        with bot_process(tmp_path, env, "--http") as (port, process):
            client = SlackBot(fake, None, None, clock, port)  # type: ignore[arg-type]
            # A signed command with a secret text, and the same arriving 10 minutes late.
            assert client.command("U0ADMIN", "/kennis", f"deel {SECRET_TEXT} TLP:RED").status == 200
            fake.wait_for_response()
            # Slow clients (headers, then nothing) hold sockets, not the commands.
            idle = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(60)]
            for connection in idle:
                connection.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\n"
                                   b"Content-Length: 4000\r\n\r\n{")  # fmt: skip
            assert client.command("U0ADMIN", "/ciso", "ik").status == 200
            for connection in idle:
                connection.close()
            form = urlencode(
                {
                    "command": "/kennis",
                    "text": f"deel {SECRET_TEXT}",
                    "user_id": "U0ADMIN",
                    "response_url": fake.response_url(5),
                }
            )
            late = client.post(form, "application/x-www-form-urlencoded",
                               timestamp=int(time.time()) - 600)  # fmt: skip
            assert late.status == 401
            forged = client.post(f"text={SECRET_TEXT}%0AERROR forged line", "application/"
                                 "x-www-form-urlencoded", secret="wrong")  # fmt: skip
            assert forged.status == 401
            bad_stamp = client.post(form, "application/x-www-form-urlencoded",
                                    headers={"X-Slack-Request-Timestamp": "abc"})  # fmt: skip
            assert bad_stamp.status == 400
            big = _raw(port, b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: "
                       b"50000000\r\n\r\n")  # fmt: skip
            assert b" 413 " in big
            negative = _raw(port, b"POST /slack/events HTTP/1.1\r\nHost: x\r\n"
                            b"Content-Length: -5\r\n\r\n")  # fmt: skip
            assert b" 400 " in negative
            errors = _stop(process)
    for secret in (SECRET_TEXT, TOKEN, SECRET, fake.response_url(5), "respond/"):
        assert secret not in errors, secret
    assert "Traceback" not in errors and "ERROR forged" not in errors.replace("\\n", "")
    assert "refused a Slack request" in errors and "stopped" in errors


def test_mattermost_at_debug_logs_no_text_or_token_and_stops_on_sigterm(tmp_path: Path) -> None:
    with mattermost_running() as fake:
        fake.add_user(ADMIN, "beheerder")
        env = {"MATTERMOST_URL": fake.url, "MATTERMOST_TOKEN": MM_TOKEN, "BOT_ADMINS": ADMIN,
               "MATTERMOST_COMMAND_TOKENS": COMMAND_TOKENS_SETTING}  # fmt: skip
        with bot_process(tmp_path, env) as (port, process):
            url = f"http://127.0.0.1:{port}"
            assert fake.wait(lambda: fake.connections >= 1)
            answer = fake.slash(url, ADMIN, "kennis", f"deel {SECRET_TEXT} TLP:AMBER")
            assert answer.status_code == 200
            refused = fake.slash(url, ADMIN, "ciso", "ik", token=COMMAND_TOKENS["kennis"])
            assert refused.status_code == 401
            odd = httpx.post(f"{url}/mattermost/action", content=json.dumps(
                {"user_id": ADMIN, "context": {"action_id": "kennis.show", "value": SECRET_TEXT}}
            ))  # fmt: skip
            assert odd.status_code == 200
            dialog = httpx.post(f"{url}/mattermost/dialog", json={
                "user_id": ADMIN, "state": "{}", "submission": {"text": SECRET_TEXT}})  # fmt: skip
            assert dialog.status_code == 200
            negative = _raw(port, b"POST /mattermost/command HTTP/1.1\r\nHost: x\r\n"
                            b"Content-Length: -5\r\n\r\n")  # fmt: skip
            assert b" 400 " in negative
            big = _raw(port, b"POST /mattermost/action HTTP/1.1\r\nHost: x\r\n"
                       b"Content-Length: 50000000\r\n\r\n")  # fmt: skip
            assert b" 413 " in big
            errors = _stop(process)
    for secret in (SECRET_TEXT, MM_TOKEN, *COMMAND_TOKENS.values()):
        assert secret not in errors, secret
    assert "Traceback" not in errors and "stopped" in errors
