"""What the chat benchmarks share: a network whose members are on the benchmarked
platform, the mix of commands they type, closed-loop clients, and the figures.

The bot (and the bare app it is compared with) run as child processes, as `ciso-bot
run` runs in production; this process is the load generator and hosts the fake chat
server, which knows every member's account. Every command has its own trigger id and
its own `response_url`, so none is dropped as a repeat and each reply is matched to
its command. Rounds of the bare app and the bot alternate, after a warm-up of both.
"""

from __future__ import annotations

import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engines import statistics_as_a_bot_keeps_them
from search import TLP_MIX, Sampler

from bot.demo.data import MEMBERS
from bot.demo.load import load_demo
from storage import members, migrate
from storage.db import Database
from storage.fold import index_text, tail_text
from storage.models import KnowledgeItem
from storage.views import Actor

ROOT = Path(__file__).resolve().parent.parent

# What members search for: subjects of the network, in the words they type.
SEARCHES = (
    "wachtwoord", "phishing", "ransomware", "leverancier", "back-up", "ensia", "logging",
    "datalek melden", "mfa", "bio audit", "awareness campagne", "incident", "patch",
    "kwetsbaarheid", "netwerksegmentatie", "toegangsbeheer", "continuiteit", "ddos",
    "cloud", "verwerkersovereenkomst", "ransom*", '"back-up herstel"', "logging siem",
)  # fmt: skip
TAGS = ("#phishing", "#bio", "#awareness", "#logging", "#leveranciers", "#incident")


@dataclass(frozen=True)
class Account:
    """A demo member's account on the benchmarked platform."""

    user_id: str
    username: str
    name: str


@dataclass(frozen=True)
class Network:
    path: Path
    accounts: tuple[Account, ...]
    items: tuple[int, ...]  # knowledge item numbers to show
    bottlenecks: tuple[int, ...]


def prepare(path: Path, platform: str, account_id: Callable[[str], str], extra: int) -> Network:
    """The demo network, its members linked to accounts on `platform`, and `extra`
    knowledge items more (written by its members over three years, every label)."""
    now = datetime.now(UTC)
    db = Database.from_url(f"sqlite:///{path}")
    migrate.upgrade(db.engine)
    load_demo(db, now)
    accounts = []
    with db.write() as session:
        for user_id, name, _org, _roles in MEMBERS:
            member = members.get_member(session, "console", user_id)
            assert member is not None
            account = account_id(user_id)
            members.link_identity(session, Actor("bench"), now, member.id, platform, account)
            members.choose_platform(session, Actor("bench"), now, member.id, None,
                                    (platform, account))  # fmt: skip
            accounts.append(Account(account, user_id.split(".")[0], name))
        authors = [(r[0], r[1]) for r in session.execute(
            text("SELECT id, organisation_id FROM members"))]  # fmt: skip
    rng = random.Random(extra)
    sample = Sampler(rng)
    rows: list[dict[str, object]] = []
    for number in range(extra):
        author, organisation = rng.choice(authors)
        title = " ".join(sample.content(6)).capitalize()
        body = " ".join(sample.running_text(60)) + "."
        tags = " ".join(sample.content(2))
        moment = now - timedelta(hours=number * 26_000 / max(extra, 1))
        rows.append({
            "title": title, "body": body, "tlp": rng.choice(TLP_MIX).value,
            "author_id": author, "organisation_id": organisation, "created_at": moment,
            "updated_at": moment, "search_title": index_text(title),
            "search_body": index_text(body), "search_tags": index_text(tags),
            "search_tails": tail_text(f"{title} {body} {tags}"),
        })  # fmt: skip
    with db.write() as session:
        if rows:
            session.execute(insert(KnowledgeItem), rows)
        items = tuple(session.scalars(text("SELECT id FROM knowledge_items ORDER BY id")))
        bottlenecks = tuple(session.scalars(text("SELECT id FROM bottlenecks ORDER BY id")))
    statistics_as_a_bot_keeps_them(db)
    db.dispose()
    return Network(path, tuple(accounts), items, bottlenecks)


@dataclass(frozen=True)
class Command:
    kind: str  # search, show, share, support
    user: Account
    command: str  # without the slash
    text: str


def mix(network: Network, count: int, seed: int) -> list[Command]:
    """`count` commands as members type them: half searches, a quarter shows (an item
    or a bottleneck), shares (new knowledge) and supports (a bottleneck recognised)."""
    rng = random.Random(seed)
    commands = []
    for n in range(count):
        user = rng.choice(network.accounts)
        draw = rng.random()
        if draw < 0.5:
            commands.append(Command("search", user, "kennis", f"zoek {rng.choice(SEARCHES)}"))
        elif draw < 0.75:
            if rng.random() < 0.5:
                number = rng.choice(network.items)
                commands.append(Command("show", user, "kennis", f"toon {number}"))
            else:
                number = rng.choice(network.bottlenecks)
                commands.append(Command("show", user, "knelpunt", f"toon {number}"))
        elif draw < 0.9:
            words = " ".join(Sampler(rng).running_text(25))
            shared = f"deel Tip {seed}-{n}: {words} {rng.choice(TAGS)}"
            commands.append(Command("share", user, "kennis", shared))
        else:
            number = rng.choice(network.bottlenecks)
            supported = f"steun {number} Herkennen wij ook ({seed}-{n})"
            commands.append(Command("support", user, "knelpunt", supported))
    return commands


@dataclass
class Sample:
    kind: str
    ack_ms: float
    reply_ms: float | None  # None: no reply within the timeout


@dataclass
class Samples:
    items: list[Sample] = field(default_factory=list)

    def acks(self) -> list[float]:
        return [s.ack_ms for s in self.items]

    def replies(self, kind: str | None = None) -> list[float]:
        return [s.reply_ms for s in self.items
                if s.reply_ms is not None and (kind is None or s.kind == kind)]  # fmt: skip

    def missing(self) -> int:
        return sum(s.reply_ms is None for s in self.items)


def closed_loop(
    commands: Sequence[Command], clients: int, send: Callable[[int, Command], Sample]
) -> tuple[list[Sample], float]:
    """Each of `clients` sends its next command when the last one was answered; the
    samples and the answered commands per second."""
    counter = iter(range(len(commands)))
    lock = threading.Lock()
    found: list[Sample] = []

    def client() -> None:
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                return
            sample = send(n, commands[n])
            with lock:
                found.append(sample)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        for future in [pool.submit(client) for _ in range(clients)]:
            future.result()
    return found, len(commands) / (time.perf_counter() - started)


def percentile(values: Sequence[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def cells(values: Sequence[float]) -> str:
    return f"{statistics.median(values) if values else float('nan'):7.1f} / " \
           f"{percentile(values, 99):7.1f}"  # fmt: skip


# --- child processes --------------------------------------------------------------------


def start(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.Popen[str]:
    """A child process whose standard error goes to a file (a pipe nobody reads while
    the benchmark runs would fill up and stop the child at its next log line)."""
    full = {"PATH": os.environ.get("PATH", ""), "LOG_LEVEL": "WARNING", **env}
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed in `stop`
        "w+", dir=cwd, prefix="child-", suffix=".log", delete=False
    )
    process = subprocess.Popen(args, env=full, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=log, text=True)  # fmt: skip
    _LOGS[process.pid] = log
    return process


_LOGS: dict[int, Any] = {}


def bot_process(env: dict[str, str], cwd: Path, *args: str) -> subprocess.Popen[str]:
    """`ciso-bot run ARGS` as in production (its own process, the real clock)."""
    # faulthandler: a bot that hangs is stopped with SIGABRT and shows every thread's stack.
    return start([sys.executable, "-X", "faulthandler", "-m", "bot", "--env-file",
                  str(cwd / "none.env"), "run", *args], env, cwd)  # fmt: skip


def wait_healthy(port: int, process: subprocess.Popen[str], path: str = "/health") -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the process stopped: {stop(process)[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.1)  # waiting for the child to listen
    raise RuntimeError("the process did not become healthy")


def stop(process: subprocess.Popen[str]) -> str:
    """Stop the child and return its standard error; when an exception is on its way
    (a command went unanswered), with every thread's stack first."""
    if process.poll() is None:
        if sys.exc_info()[0] is not None:
            process.send_signal(signal.SIGABRT)
        process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log = _LOGS.pop(process.pid, None)
    if log is None:  # stopped already (its log was read then)
        return ""
    log.seek(0)
    errors = str(log.read())
    log.close()
    return errors


@dataclass
class Rounds:
    """Alternating rounds of several apps; samples per app and concurrency."""

    samples: dict[tuple[str, int], Samples] = field(default_factory=dict)
    throughput: dict[tuple[str, int], list[float]] = field(default_factory=dict)

    def run(
        self, apps: Sequence[tuple[str, Callable[[int, Command], Sample]]],
        commands: Sequence[Command], clients: int, rounds: int,
    ) -> None:  # fmt: skip
        size = len(commands) // rounds
        for r in range(rounds):
            order = apps if r % 2 == 0 else list(reversed(apps))
            for name, send in order:
                chunk = commands[r * size : (r + 1) * size]
                found, rate = closed_loop(chunk, clients, send)
                self.samples.setdefault((name, clients), Samples()).items.extend(found)
                self.throughput.setdefault((name, clients), []).append(rate)


def unique(prefix: str) -> Iterator[str]:
    n = 0
    while True:
        n += 1
        yield f"{prefix}{n}"
