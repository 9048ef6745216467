"""kill -9 during sweeps: are reminders lost or sent twice? Real processes, loopback only.

For each platform, a fake chat server (the tests' fakes, on 127.0.0.1, a little slow
per post so that kills land mid-sweep) and a database with REMINDERS reminders due
now. Then, until KILLS kills or SECONDS seconds: start `ciso-bot run`, let it work
for a random moment, SIGKILL it. Last, a run that is not killed sends what is left.
Prints due / delivered / lost / duplicates / kills per platform: every keyed post
the fake server stored is counted by its key.

    .venv/bin/python bench/kill_loop.py --platform both --reminders 300 --kills 30
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import create_app
from bot.clock import FixedClock
from bot.config import load_settings
from handlers.messages import Request
from storage import members, reminders
from tests.bot import fake_mattermost, fake_slack
from tests.bot.processes import free_port

ADMIN_MM = "usradmin000000000000000001"
OWNERS_MM = [f"usrowner{n:018d}" for n in range(10)]
ADMIN_SLACK = "U0ADMIN"
OWNERS_SLACK = [f"U0OWNER{n:02d}" for n in range(10)]
SECRET = "bench-signing-secret"
# The bot's environment, how to count what the fake server stored, `run`'s options.
Setup = tuple[dict[str, str], Callable[[], dict[str, int]], list[str]]


def _seed(env: dict[str, str], platform: str, admin: str, owners: list[str], count: int) -> None:
    """Members, one action per reminder, and each reminder due a minute ago."""
    now = datetime.now(UTC)
    app = create_app(load_settings(env), FixedClock(now))
    try:
        for n, owner in enumerate(owners):
            text = f"lid <@{owner}|eigenaar{n}> Leiden ciso"
            app.core.handle(Request(platform=platform, user_id=admin, command="ciso", text=text))
        for n in range(count):
            text = f"nieuw Actie {n} <@{owners[n % len(owners)]}> over 3 weken"
            for reply in app.core.handle(
                Request(platform=platform, user_id=admin, command="actie", text=text)
            ):
                app.core.confirm(reply, None)  # the owners' DMs count as delivered
        with app.db.write() as session:
            for n in range(count):
                member = members.get_member(session, platform, owners[n % len(owners)])
                assert member is not None
                reminders.add(session, n + 1, member.id, [("due", now - timedelta(minutes=1))])
    finally:
        app.close()


@contextmanager
def _mattermost(tmp: Path, post_seconds: float) -> Iterator[Setup]:
    with fake_mattermost.running() as fake:
        fake.api = None  # answers are not checked against the description here
        fake.post_seconds = post_seconds
        fake.add_user(ADMIN_MM, "beheerder")
        for n, owner in enumerate(OWNERS_MM):
            fake.add_user(owner, f"eigenaar{n}")
        env = {
            "DATABASE_URL": f"sqlite:///{tmp / 'mattermost.sqlite3'}",
            "MATTERMOST_URL": fake.url,
            "MATTERMOST_TOKEN": fake_mattermost.TOKEN,
            "MATTERMOST_COMMAND_TOKENS": fake_mattermost.COMMAND_TOKENS_SETTING,
            "BOT_ADMINS": ADMIN_MM,
        }
        _seed(env, "mattermost", ADMIN_MM, OWNERS_MM, ARGS.reminders)
        yield env, fake.posts_by_key, []


@contextmanager
def _slack(tmp: Path, post_seconds: float) -> Iterator[Setup]:
    with fake_slack.running() as fake:
        fake.post_seconds = post_seconds
        fake.add_user(ADMIN_SLACK, "Beheerder")
        for n, owner in enumerate(OWNERS_SLACK):
            fake.add_user(owner, f"eigenaar{n}")
        env = {
            "DATABASE_URL": f"sqlite:///{tmp / 'slack.sqlite3'}",
            "SLACK_BOT_TOKEN": fake_slack.TOKEN,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": f"{fake.url}/api/",
            "BOT_ADMINS": ADMIN_SLACK,
        }
        _seed(env, "slack", ADMIN_SLACK, OWNERS_SLACK, ARGS.reminders)
        yield env, fake.posts_by_key, ["--http"]


def _start(tmp: Path, env: dict[str, str], extra: list[str]) -> subprocess.Popen[bytes]:
    full = {"PATH": os.environ.get("PATH", ""), "LOG_LEVEL": "INFO", "SWEEP_SECONDS": "5",
            **env}  # fmt: skip
    with open(tmp / "bot.log", "ab") as log:  # kept for a look when a figure is odd
        return subprocess.Popen(
            [sys.executable, "-m", "bot", "--env-file", str(tmp / "none.env"), "run", *extra,
             "--host", "127.0.0.1", "--port", str(free_port())],
            env=full, cwd=tmp, stdout=subprocess.DEVNULL, stderr=log,
        )  # fmt: skip


def run(platform: str) -> None:
    rng = random.Random(ARGS.seed)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(ARGS.keep or name)
        tmp.mkdir(parents=True, exist_ok=True)
        setup = _mattermost if platform == "mattermost" else _slack
        with setup(tmp, ARGS.post_ms / 1000) as (env, counted, extra):

            def delivered() -> dict[str, int]:
                return {k: n for k, n in counted().items() if k.startswith("reminder:")}

            started = time.monotonic()
            kills = 0
            while kills < ARGS.kills and time.monotonic() - started < ARGS.seconds:
                if len(delivered()) >= ARGS.reminders:
                    break
                process = _start(tmp, env, extra)
                time.sleep(rng.uniform(0.5, 3.0))  # a random moment, most often mid-sweep
                process.send_signal(signal.SIGKILL)
                process.wait()  # reaped, as systemd or a container runtime does
                kills += 1
            final = _start(tmp, env, extra)
            deadline = time.monotonic() + ARGS.seconds
            while len(delivered()) < ARGS.reminders and time.monotonic() < deadline:
                time.sleep(0.2)
            time.sleep(2)  # anything still on its way arrives (or shows up twice)
            # SIGTERM, as systemd sends it (a background job started from a script
            # ignores SIGINT, and so would the bot).
            final.send_signal(signal.SIGTERM)
            try:
                final.wait(timeout=60)
            except subprocess.TimeoutExpired:
                print(f"{platform}: the last run did not stop within 60 s of SIGTERM; killed")
                final.kill()
                final.wait()
            found = delivered()
            duplicates = sum(n - 1 for n in counted().values())
            print(f"{platform:<11} due {ARGS.reminders:>5}  delivered {len(found):>5}  "
                  f"lost {ARGS.reminders - len(found):>3}  duplicates {duplicates:>3}  "
                  f"kills {kills:>3}  {time.monotonic() - started:6.1f} s")  # fmt: skip


def main() -> None:
    print(f"kill -9 loop: {ARGS.reminders} reminders due, at most {ARGS.kills} kills or "
          f"{ARGS.seconds} s per platform, a kill 0.5-3 s after each start, "
          f"{ARGS.post_ms} ms per post, SWEEP_SECONDS=5, {os.cpu_count()} cores, "
          f"fake servers on 127.0.0.1 (Slack in HTTP mode)")  # fmt: skip
    platforms = ["mattermost", "slack"] if ARGS.platform == "both" else [ARGS.platform]
    for platform in platforms:
        # The fake servers print a traceback for each connection a kill cut off.
        with open(os.devnull, "w") as quiet, contextlib.redirect_stderr(quiet):
            run(platform)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", choices=["mattermost", "slack", "both"], default="both")
    parser.add_argument("--reminders", type=int, default=300)
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument("--seconds", type=int, default=240)
    parser.add_argument("--post-ms", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", help="a directory to keep the database and bot.log in")
    ARGS = parser.parse_args()
    main()
