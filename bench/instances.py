"""Two bots on one PostgreSQL database: a backlog of reminders, one bot killed halfway.

Builds a network on PostgreSQL whose members are on a (fake, local) Mattermost server,
with N actions (10,000 by default) each with one reminder due now. Then, each on a
database of its own built the same way:

- one:  one `ciso-bot run` process sends the backlog;
- two:  two `ciso-bot run` processes share it;
- kill: two share it, and when half has been posted, one of them is killed with
        SIGKILL (no clean stop: its claims stay behind; it is reaped at once, as
        systemd or a container runtime does, so the other sees it gone).

and prints, per run, how long until every reminder was posted (from the start of the
processes), how many were lost (never posted; target 0) and how many were posted
twice (target at most 1 per kill), and the database's own count of what is sent. The
fake server answers each post after `--post-ms` (a real Mattermost takes that long or
longer); it runs in this process, the bots each in their own.

Run: `python bench/instances.py --database-url postgresql+psycopg://ciso@/postgres?host=/tmp/pg`
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chat_load import bot_process, stop, wait_healthy
from conditions import describe
from engines import Engine, describe_server, engines

from storage import members, migrate
from storage.db import Database
from storage.models import Action, Reminder
from storage.views import Actor
from tests.bot.fake_mattermost import COMMAND_TOKENS_SETTING, TOKEN, FakeMattermost, running
from tests.bot.processes import free_port

OWNERS = 200
ADMIN = "usradmin000000000000000001"


def owner_id(n: int) -> str:
    return f"usrowner{n:018d}"


def build(engine: Engine, name: str, count: int, now: datetime) -> Database:
    """`count` open actions of `OWNERS` members, each with one reminder due a minute ago."""
    db = engine.fresh(name)
    migrate.upgrade(db.engine)
    with db.write() as session:
        org = members.find_organisation(session, "Delft")
        assert org is not None
        owners = [
            members.save_member(session, Actor("bench"), now, platform="mattermost",
                                user_id=owner_id(n), display_name=f"Eigenaar {n}",
                                organisation_id=org.id, roles=["ciso"])[0].id
            for n in range(OWNERS)
        ]  # fmt: skip
    due = now - timedelta(minutes=1)
    for start in range(0, count, 5_000):
        numbers = range(start, min(count, start + 5_000))
        with db.write() as session:
            session.execute(insert(Action), [
                {"id": n + 1, "title": f"Actie {n}", "owner_id": owners[n % OWNERS],
                 "creator_id": owners[0], "deadline": date(2028, 2, 15), "status": "open",
                 "created_at": now, "updated_at": now, "overdue_reminders": 0}
                for n in numbers
            ])  # fmt: skip
            session.execute(insert(Reminder), [
                {"action_id": n + 1, "recipient_id": owners[n % OWNERS], "kind": "due",
                 "due_at": due, "planned_at": due, "state": "pending", "attempts": 0,
                 "late": False}
                for n in numbers
            ])  # fmt: skip
    return db


def reminders_posted(fake: FakeMattermost) -> dict[str, int]:
    return {k: n for k, n in fake.posts_by_key().items() if k.startswith("reminder:")}


def run(
    fake: FakeMattermost, db: Database, folder: Path, count: int, bots: int, kill: bool,
    timeout: float,
) -> dict[str, float]:  # fmt: skip
    env = {
        "DATABASE_URL": db.engine.url.render_as_string(hide_password=False),
        "MATTERMOST_URL": fake.url,
        "MATTERMOST_TOKEN": TOKEN,
        "MATTERMOST_COMMAND_TOKENS": COMMAND_TOKENS_SETTING,
        "BOT_ADMINS": ADMIN,
        "SWEEP_SECONDS": "5",
    }
    with fake.changed:
        fake.posts.clear()
    ports = [free_port() for _ in range(bots)]
    started = time.perf_counter()
    processes = [bot_process(env, folder, "--host", "127.0.0.1", "--port", str(p)) for p in ports]
    killed_at = None
    try:
        for port, process in zip(ports, processes, strict=True):
            wait_healthy(port, process)
        if kill:
            fake.wait(lambda: len(reminders_posted(fake)) >= count // 2, timeout=timeout)
            processes[0].send_signal(signal.SIGKILL)
            processes[0].wait()  # reaped, as systemd or a container runtime does at once
            killed_at = time.perf_counter() - started
        fake.wait(lambda: len(reminders_posted(fake)) >= count, timeout=timeout)
        finished = time.perf_counter() - started
        time.sleep(3)  # anything still on its way arrives (and would count twice)
    finally:
        for process in processes:
            stop(process)
    posted = reminders_posted(fake)
    with db.read() as session:
        sent = session.scalar(
            select(func.count()).select_from(Reminder).where(Reminder.state == "sent")
        )
    return {
        "seconds": finished,
        "killed_at": killed_at or 0.0,
        "lost": count - len(posted),
        "twice": sum(1 for n in posted.values() if n > 1),
        "extra": sum(n - 1 for n in posted.values() if n > 1),
        "sent": float(sent or 0),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True, help="a PostgreSQL server")
    parser.add_argument("--reminders", type=int, default=10_000, help="reminders due")
    parser.add_argument("--post-ms", type=float, default=10.0, help="the fake's time per post")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds a run may take")
    args = parser.parse_args()
    now = datetime.now(UTC)
    results = {}
    with tempfile.TemporaryDirectory() as scratch, running() as fake:
        fake.api = None  # the fake's own checks are not what is measured
        fake.post_seconds = args.post_ms / 1000
        fake.add_user(ADMIN, "beheerder")
        for n in range(OWNERS):
            fake.add_user(owner_id(n), f"eigenaar{n}")
        engine = engines(Path(scratch), args.database_url)[1]
        try:
            for name, bots, kills in (("one", 1, False), ("two", 2, False), ("kill", 2, True)):
                print(f"Building {args.reminders:,} due reminders for run '{name}' …", flush=True)
                db = build(engine, f"instances_{name}", args.reminders, now)
                print(f"  {bots} bot(s){', one killed halfway' if kills else ''} …", flush=True)
                results[name] = run(fake, db, Path(scratch), args.reminders, bots, kills,
                                    args.timeout)  # fmt: skip
                db.dispose()
        finally:
            engine.tidy()
    print()
    print(describe())
    print(describe_server(engine))
    print(
        f"fake Mattermost in the benchmark's process, {args.post_ms:.0f} ms per post; "
        f"{args.reminders:,} reminders due to {OWNERS} members; SWEEP_SECONDS=5"
    )
    print(f"{'run':<34} {'all posted':>11} {'lost':>5} {'twice':>6} {'sent in db':>11}")
    labels = {"one": "one bot", "two": "two bots", "kill": "two bots, one killed halfway"}
    for name, found in results.items():
        print(f"{labels[name]:<34} {found['seconds']:>9.1f} s {found['lost']:>5.0f} "
              f"{found['twice']:>6.0f} {found['sent']:>11,.0f}")  # fmt: skip
    one, two, kill = results["one"], results["two"], results["kill"]
    print(
        f"two bots ÷ one bot: ×{two['seconds'] / one['seconds']:.2f} of the time; one of two "
        f"killed after {kill['killed_at']:.1f} s: ×{kill['seconds'] / one['seconds']:.2f}"
    )
    print(
        f"with the kill: lost {kill['lost']:.0f} (target 0), posted twice "
        f"{kill['twice']:.0f} (target ≤ 1 per kill)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
