"""Reminder sweeps at scale: the cost follows what is due, not what is planned.

Builds a database through the real migrations with N actions (100,000 by default),
each with its three pending reminders (7 days, 1 day, on the day), then times one
whole sweep — claim, build each DM, deliver (a no-op adapter), confirm as sent and
plan the next overdue reminder — with 10 and with 1,000 reminders due. The same
sweeps on a small database (1,000 actions) are the baseline in the same run: equal
figures mean the sweep does not grow with the total. With `--database-url` (a
PostgreSQL server, see bench/engines.py) the same sweeps run on PostgreSQL beside
SQLite. Run: `make bench` or `python bench/reminders.py --actions 100000`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conditions import describe
from engines import Engine, describe_server, engines, statistics_as_a_bot_keeps_them

from bot.app import build_router
from bot.clock import FixedClock
from bot.scheduler import sweep
from handlers.context import CoreSettings
from handlers.core import Core
from handlers.messages import Reply
from storage import members, migrate
from storage.db import Database
from storage.models import Action, Reminder
from storage.views import Actor

NOW = datetime(2027, 1, 11, 8, 0, tzinfo=UTC)  # a Monday, 09:00 in Amsterdam
FAR = NOW + timedelta(days=400)
OWNERS = 200


def build(engine: Engine, count: int) -> Database:
    """`count` open actions with three pending reminders each, all due far ahead."""
    db = engine.fresh(f"reminders_{count}")
    migrate.upgrade(db.engine)
    with db.write() as session:
        org = members.find_organisation(session, "Delft")
        assert org is not None
        owner_ids = [
            members.save_member(
                session,
                Actor("bench"),
                NOW,
                platform="console",
                user_id=f"owner{n}",
                display_name=f"Eigenaar {n}",
                organisation_id=org.id,
                roles=["ciso"],
            )[0].id
            for n in range(OWNERS)
        ]
    deadline = date(2028, 2, 15)
    for start in range(0, count, 10_000):
        batch = range(start, min(count, start + 10_000))
        with db.write() as session:
            session.execute(
                insert(Action),
                [
                    {
                        "id": n + 1,
                        "title": f"Actie {n}",
                        "owner_id": owner_ids[n % OWNERS],
                        "creator_id": owner_ids[0],
                        "deadline": deadline,
                        "status": "open",
                        "created_at": NOW,
                        "updated_at": NOW,
                        "overdue_reminders": 0,
                    }
                    for n in batch
                ],
            )
            session.execute(
                insert(Reminder),
                [
                    {
                        "action_id": n + 1,
                        "recipient_id": owner_ids[n % OWNERS],
                        "kind": kind,
                        "due_at": FAR,
                        "planned_at": FAR,
                        "state": "pending",
                        "attempts": 0,
                        "late": False,
                    }
                    for n in batch
                    for kind in ("before_7", "before_1", "due")
                ],
            )
    statistics_as_a_bot_keeps_them(db)
    return db


def make_due(db: Database, due: int) -> None:
    """Reset every reminder to far ahead, then make `due` of them (spread out) due now."""
    with db.write() as session:
        session.execute(text("DELETE FROM reminders WHERE kind = 'overdue'"))
        session.execute(
            text("UPDATE reminders SET state='pending', due_at=:far, planned_at=:far, claim=NULL"),
            {"far": FAR.replace(tzinfo=None)},
        )
        total = session.scalar(text("SELECT count(*) FROM reminders")) or 1
        step = max(1, total // due)
        session.execute(
            text(
                "UPDATE reminders SET due_at=:now, planned_at=:now, kind='due' "
                "WHERE id IN (SELECT id FROM reminders WHERE id % :step = 0 LIMIT :due)"
            ),
            {"now": (NOW - timedelta(minutes=1)).replace(tzinfo=None), "step": step, "due": due},
        )


def time_sweeps(db: Database, due: int, repeats: int) -> tuple[float, float, int]:
    """Median wall and CPU milliseconds of one sweep with `due` reminders due, and how
    many it sent."""
    core = Core(build_router(), db, FixedClock(NOW), CoreSettings())
    delivered: list[Reply] = []
    timings, cpu = [], []
    sent = 0
    for _ in range(repeats):
        make_due(db, due)
        delivered.clear()
        started, started_cpu = time.perf_counter(), time.process_time()
        sent = sweep(core, delivered.append, until_done=True)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(timings), statistics.median(cpu), sent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actions", type=int, default=100_000, help="actions in the big database")
    parser.add_argument("--baseline", type=int, default=1_000, help="actions in the small one")
    parser.add_argument("--repeats", type=int, default=5, help="sweeps timed per figure")
    parser.add_argument("--database-url", help="a PostgreSQL server to measure beside SQLite")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        found = engines(Path(scratch), args.database_url)
        try:
            for engine in found:
                for count in (args.baseline, args.actions):
                    print(f"{engine.name}: building {count:,} actions with {3 * count:,} "
                          "pending reminders …", flush=True)  # fmt: skip
                    started = time.perf_counter()
                    db = build(engine, count)
                    print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)
                    time_sweeps(db, 10, 2)  # warm up
                    for due in (10, 1_000):
                        ms, cpu, sent = time_sweeps(db, due, args.repeats)
                        rows.append((engine.name, count, due, ms, cpu, sent))
                    db.dispose()
        finally:
            for engine in found:
                engine.tidy()
    print()
    print(describe())
    for engine in found:
        print(f"{engine.name}: {describe_server(engine)}")
    print("The adapter is a no-op (delivery not timed); CPU is this process's (the bot's), "
          "not the database server's")  # fmt: skip
    print(f"{'engine':<11} {'actions':>9} {'reminders':>10} {'due':>6} {'sent':>6} "
          f"{'sweep ms':>9} {'CPU ms':>8} {'CPU ms/due':>11}")  # fmt: skip
    for name, count, due, ms, cpu, sent in rows:
        print(f"{name:<11} {count:>9,} {3 * count:>10,} {due:>6,} {sent:>6,} {ms:>9.1f} "
              f"{cpu:>8.1f} {cpu / due:>11.2f}")  # fmt: skip
    for engine in found:
        small = {due: ms for n, count, due, ms, _, _ in rows
                 if n == engine.name and count == args.baseline}  # fmt: skip
        big = {due: ms for n, count, due, ms, _, _ in rows
               if n == engine.name and count == args.actions}  # fmt: skip
        print(f"{engine.name}:")
        for due in (10, 1_000):
            print(
                f"  {due:,} due: {big[due]:.1f} ms at {args.actions:,} actions vs "
                f"{small[due]:.1f} ms at {args.baseline:,} (×{big[due] / small[due]:.2f})"
            )
        print(f"  1,000 due vs 10 due at {args.actions:,} actions: ×{big[1_000] / big[10]:.1f}")
        per_due = max(cpu / due for n, _, due, _, cpu, _ in rows
                      if n == engine.name and due == 1_000)  # fmt: skip
        print(f"  CPU per due reminder (1,000 due, worst size): {per_due:.2f} ms (target < 2 "
              f"ms); 1,000 due sent in {max(big[1_000], small[1_000]) / 1000:.2f} s (target "
              "< 2 s)")  # fmt: skip
    if len(found) == 2:
        for due in (10, 1_000):
            by = {n: ms for n, count, d, ms, _, _ in rows if count == args.actions and d == due}
            print(
                f"PostgreSQL ÷ SQLite, {due:,} due at {args.actions:,} actions: "
                f"×{by['PostgreSQL'] / by['SQLite']:.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
