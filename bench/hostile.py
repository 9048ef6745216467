"""Hostile traffic against a real `ciso-bot run`, on loopback, for Slack and Mattermost.

For each platform: a database with the demo data and a member who searches; the bot
as its own process behind waitress. First signed `/kennis zoek` commands alone (the
baseline), then the same commands while the attack runs in the same process run:
idle connections that sent headers and never the body, a stream of bodies over the
cap (413) and of unsigned or wrongly signed requests. Prints the p50/p99 of the signed
commands with and without the attack, the bot's RSS before and after, and how many log
bytes each refused request cost. Bounded in count and time; loopback only.

Run: `python bench/hostile.py` (or `--platform slack --commands 200 --idle 300`).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from slack_sdk.signature import SignatureVerifier

from bot.demo.load import load_demo
from storage import members, migrate
from storage.db import Database
from storage.views import Actor

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
QUERIES = ("wachtwoord", "phishing", "back-up herstel", "leverancier", "datalek melden")
SECRET = "bench-signing-secret-0123456789"
DEADLINE_SECONDS = 240  # per platform, whatever the counts


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def prepare(path: Path, platform: str, user: str) -> None:
    """The demo data, and the bench's user as a CISO of Delft on `platform`."""
    database = Database.from_url(f"sqlite:///{path}")
    migrate.upgrade(database.engine)
    load_demo(database, NOW)
    with database.write() as session:
        delft = members.find_organisation(session, "Delft")
        assert delft is not None
        members.save_member(session, Actor("bench"), NOW, platform=platform, user_id=user,
                            display_name="Carla Bakker", organisation_id=delft.id,
                            roles=["ciso"])  # fmt: skip
    database.dispose()


@contextmanager
def bot_process(env: dict[str, str], log: Path, *args: str) -> Iterator[tuple[int, int]]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    environment = {"PATH": os.environ.get("PATH", ""), "LOG_LEVEL": "INFO", **env}
    with log.open("w") as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "--env-file", os.devnull, "run", "--host",
             "127.0.0.1", "--port", str(port), *args],
            env=environment, stdout=subprocess.DEVNULL, stderr=errors,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=1):
                        break
                except OSError:
                    time.sleep(0.1)  # waiting for the process to listen
            yield port, process.pid
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=60)


def post(port: int, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, float]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    started = time.perf_counter()
    connection.request("POST", path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    elapsed = (time.perf_counter() - started) * 1000
    connection.close()
    return response.status, elapsed


def slack_command(user: str, response_url: str) -> Callable[[int, int], tuple[int, float]]:
    def send(port: int, n: int) -> tuple[int, float]:
        body = urlencode({"token": "t", "team_id": "T0", "channel_id": "C0ALGEMEEN",
                          "user_id": user, "command": "/kennis",
                          "text": f"zoek {QUERIES[n % len(QUERIES)]}", "trigger_id": f"{n}.b",
                          "response_url": response_url}).encode()  # fmt: skip
        stamp = str(int(time.time()))
        signature = SignatureVerifier(SECRET).generate_signature(
            timestamp=stamp, body=body.decode()
        )
        return post(port, "/slack/events", body, {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature or ""})  # fmt: skip

    return send


def mattermost_command(user: str, token: str, url: str) -> Callable[[int, int], tuple[int, float]]:
    def send(port: int, n: int) -> tuple[int, float]:
        body = urlencode({"token": token, "team_id": "team", "channel_id": "chan",
                          "channel_name": "algemeen", "user_id": user, "command": "/kennis",
                          "text": f"zoek {QUERIES[n % len(QUERIES)]}", "trigger_id": f"t{n}",
                          "response_url": url}).encode()  # fmt: skip
        return post(port, "/mattermost/command", body, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Authorization": f"Token {token}"})  # fmt: skip

    return send


def commands(port: int, send: Callable[[int, int], tuple[int, float]], count: int) -> list[float]:
    timings = []
    for n in range(count):
        status, elapsed = send(port, n)
        if status != 200:
            raise RuntimeError(f"a signed command got HTTP {status}")
        timings.append(elapsed)
    return timings


class Attack:
    """Idle connections held open, and a stream of oversize and unsigned requests."""

    def __init__(self, port: int, path: str, idle: int, stream: int) -> None:
        self.port, self.path, self.idle, self.stream = port, path, idle, stream
        self.sockets: list[socket.socket] = []
        self.refused = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        head = (f"POST {self.path} HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\n"
                "Content-Length: 4000\r\n\r\n").encode()  # fmt: skip
        for _ in range(self.idle):
            connection = socket.create_connection(("127.0.0.1", self.port), timeout=10)
            connection.sendall(head + b"{")  # the body never follows
            self.sockets.append(connection)
        self._thread.start()

    def _run(self) -> None:
        oversize = (f"POST {self.path} HTTP/1.1\r\nHost: bot\r\n"
                    "Content-Length: 50000000\r\n\r\n").encode() + b"x" * 65536  # fmt: skip
        for n in range(self.stream):
            if self._stop.is_set():
                return
            try:
                if n % 2:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=10) as c:
                        c.sendall(oversize)
                        c.recv(100)
                else:
                    body = json.dumps({"user_id": "x", "text": "unsigned\nERROR nep"}).encode()
                    post(self.port, self.path, body, {"Content-Type": "application/json",
                         "X-Slack-Request-Timestamp": str(int(time.time())),
                         "X-Slack-Signature": "v0=00"})  # fmt: skip
                self.refused += 1
            except OSError:
                pass

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=60)
        for connection in self.sockets:
            connection.close()


@dataclass
class Result:
    platform: str
    quiet: list[float]
    attack: list[float]
    rss: tuple[float, float]
    refused: int
    log_bytes: int


Setup = tuple[dict[str, str], tuple[str, ...], Callable[[int, int], tuple[int, float]], str]


def slack_setup(stack: ExitStack, database: Path) -> Setup:
    from tests.bot.fake_slack import TOKEN, running

    user = "U0CARLA"
    prepare(database, "slack", user)
    fake = stack.enter_context(running())
    env = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET,
           "SLACK_API_URL": f"{fake.url}/api/"}  # fmt: skip
    return env, ("--http",), slack_command(user, fake.response_url(1)), "/slack/events"


def mattermost_setup(stack: ExitStack, database: Path) -> Setup:
    from tests.bot.fake_mattermost import COMMAND_TOKENS, COMMAND_TOKENS_SETTING, TOKEN, running

    user = "usrcarla00000000000000001"
    prepare(database, "mattermost", user)
    fake = stack.enter_context(running())
    fake.api = None  # measure the bot, not the fake's checks against the API description
    fake.add_user(user, "carla", "Carla", "Bakker", zone="Europe/Amsterdam")
    env = {"MATTERMOST_URL": fake.url, "MATTERMOST_TOKEN": TOKEN,
           "MATTERMOST_COMMAND_TOKENS": COMMAND_TOKENS_SETTING}  # fmt: skip
    send = mattermost_command(user, COMMAND_TOKENS["kennis"], f"{fake.url}/hooks/commands/b")
    return env, (), send, "/mattermost/action"


def run_platform(platform: str, args: argparse.Namespace, scratch: Path) -> Result:
    database, log = scratch / f"{platform}.sqlite3", scratch / f"{platform}.log"
    with ExitStack() as stack:
        setup = slack_setup if platform == "slack" else mattermost_setup
        env, extra, send, path = setup(stack, database)
        env["DATABASE_URL"] = f"sqlite:///{database}"
        with bot_process(env, log, *extra) as (port, pid):
            commands(port, send, 20)  # warm up
            quiet = commands(port, send, args.commands)
            rss_before, log_before = rss_mb(pid), log.stat().st_size
            attack = Attack(port, path, args.idle, args.stream)
            attack.start()
            under_attack = commands(port, send, args.commands)
            attack.stop()
            time.sleep(1)  # let the process settle before reading its memory
            rss_after, log_after = rss_mb(pid), log.stat().st_size
    return Result(platform, quiet, under_attack, (rss_before, rss_after), attack.refused,
                  log_after - log_before)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--platform", choices=("slack", "mattermost", "both"), default="both")
    parser.add_argument("--commands", type=int, default=200)
    parser.add_argument("--idle", type=int, default=300)
    parser.add_argument("--stream", type=int, default=400)
    args = parser.parse_args()
    args.commands, args.idle, args.stream = (min(args.commands, 2000), min(args.idle, 900),
                                             min(args.stream, 5000))  # fmt: skip
    platforms = ("slack", "mattermost") if args.platform == "both" else (args.platform,)

    def out_of_time(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"over {DEADLINE_SECONDS} s per platform: stopped")

    signal.signal(signal.SIGALRM, out_of_time)  # bounded in time, whatever the counts
    signal.alarm(DEADLINE_SECONDS * len(platforms))
    print(f"ciso-bot run on loopback (waitress), demo data, a CISO searching with /kennis zoek; "
          f"{args.commands} signed commands one at a time, alone and under attack: "
          f"{args.idle} idle connections (headers, no body) held open and "
          f"{args.stream} hostile requests (half 50 MB bodies, half unsigned); "
          f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")  # fmt: skip
    print(
        f"{'platform':<11} {'quiet p50':>9} {'quiet p99':>9} {'attack p50':>10} "
        f"{'attack p99':>10} {'ratio':>6} {'RSS MB before→after':>20} {'log B/refused':>13}"
    )
    with tempfile.TemporaryDirectory() as scratch:
        for platform in platforms:
            row = run_platform(platform, args, Path(scratch))
            quiet, attack = row.quiet, row.attack
            before, after = row.rss
            per_refused = row.log_bytes / max(row.refused, 1)
            print(f"{platform:<11} {statistics.median(quiet):>9.1f} {percentile(quiet, 99):>9.1f} "
                  f"{statistics.median(attack):>10.1f} {percentile(attack, 99):>10.1f} "
                  f"{percentile(attack, 99) / percentile(quiet, 99):>5.1f}x "
                  f"{before:>9.0f} → {after:<8.0f} {per_refused:>13.0f}")  # fmt: skip
    print("targets: RSS flat within 20 MB; under 1 KB of log per refused request")
    return 0


if __name__ == "__main__":
    sys.exit(main())
