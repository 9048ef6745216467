"""Two `ciso-bot run` processes on one database, a slow chat API: nothing twice.

On SQLite one process sweeps (it holds the lease), the other waits as a standby; on
PostgreSQL both sweep, each reminder claimed by one. A `tick` by hand meanwhile
refuses. Real processes against the fake Mattermost server.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from bot.app import create_app
from bot.clock import FixedClock
from bot.config import load_settings
from handlers.messages import Request
from storage import members, reminders
from storage.models import Reminder
from tests.bot.fake_mattermost import COMMAND_TOKENS_SETTING, TOKEN, running
from tests.bot.processes import free_port, stop
from tests.bot.test_run import _wait_until_healthy
from tests.template import POSTGRESQL, empty_database_url

ADMIN = "usradmin000000000000000001"
OWNERS = [f"usrowner{n:018d}" for n in range(4)]
ACTIONS = 120  # more than a claimed batch (storage.reminders.BATCH)


def _seed(env: dict[str, str], now: datetime) -> None:
    """Members and actions, each with a reminder due a minute ago."""
    app = create_app(load_settings(env), FixedClock(now))
    try:
        core = app.core
        for n, owner in enumerate(OWNERS):
            text = f"lid <@{owner}|eigenaar{n}> Leiden ciso"
            core.handle(Request(platform="mattermost", user_id=ADMIN, command="ciso", text=text))
        for n in range(ACTIONS):
            owner = OWNERS[n % len(OWNERS)]
            text = f"nieuw Actie {n} <@{owner}> over 3 weken"
            for reply in core.handle(
                Request(platform="mattermost", user_id=ADMIN, command="actie", text=text)
            ):
                core.confirm(reply, None)  # the owners' DMs count as delivered
        with app.db.write() as session:
            for n in range(ACTIONS):
                member = members.get_member(session, "mattermost", OWNERS[n % len(OWNERS)])
                assert member is not None
                reminders.add(session, n + 1, member.id, [("due", now - timedelta(minutes=1))])
    finally:
        app.close()


def _senders(env: dict[str, str]) -> int:
    """How many processes sent reminders (a sent reminder keeps its sender's claim)."""
    app = create_app(load_settings(env), FixedClock(datetime.now(UTC)))
    try:
        with app.db.read() as session:
            claims = session.scalars(select(Reminder.claim).where(Reminder.state == "sent"))
            return len(set(claims))
    finally:
        app.close()


def _run(tmp_path: Path, env: dict[str, str], port: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "--env-file", str(tmp_path / "none.env"),
         "run", "--host", "127.0.0.1", "--port", str(port)],
        env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_two_running_bots_on_one_database_send_each_reminder_once(tmp_path: Path) -> None:
    with running() as fake:
        fake.post_seconds = 0.05  # a slow API: a sweep takes seconds
        fake.add_user(ADMIN, "beheerder")
        for n, owner in enumerate(OWNERS):
            fake.add_user(owner, f"eigenaar{n}")
        env = {
            "PATH": os.environ.get("PATH", ""),
            "DATABASE_URL": empty_database_url(tmp_path / "shared.sqlite3"),
            "MATTERMOST_URL": fake.url,
            "MATTERMOST_TOKEN": TOKEN,
            "MATTERMOST_COMMAND_TOKENS": COMMAND_TOKENS_SETTING,
            "BOT_ADMINS": ADMIN,
            "LOG_LEVEL": "INFO",
            "SWEEP_SECONDS": "5",
        }
        _seed(env, datetime.now(UTC))
        ports = [free_port(), free_port()]
        processes = [_run(tmp_path, env, port) for port in ports]
        try:
            for port, process in zip(ports, processes, strict=True):
                _wait_until_healthy(port, process)
            tomorrow = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
            tick = subprocess.run(
                [sys.executable, "-m", "bot", "--env-file", str(tmp_path / "none.env"),
                 "tick", "--now", tomorrow],
                env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60,
            )  # fmt: skip
            assert tick.returncode == 2 and "Not sent: ciso-bot run (pid" in tick.stderr
            assert fake.wait(
                lambda: sum(k.startswith("reminder:") for k in fake.posts_by_key()) >= ACTIONS,
                timeout=60,
            ), fake.posts_by_key()
        finally:
            for process in processes:
                process.send_signal(signal.SIGINT)
            errors = [stop(process, None, timeout=40) for process in processes]
        sent = fake.posts_by_key()
        assert all(times == 1 for times in sent.values()), sent
        assert sum(k.startswith("reminder:") for k in sent) == ACTIONS
        assert sum("standby" in e for e in errors) == (0 if POSTGRESQL else 1), errors
        senders = _senders(env)
        assert senders == (2 if POSTGRESQL else 1)  # on PostgreSQL both sent a share
        assert all(p.returncode == 0 for p in processes) and "Traceback" not in "".join(errors)
