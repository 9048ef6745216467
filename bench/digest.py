"""Digest and report at scale: one reader's weekly digest and the RBO report, timed.

Builds the search benchmark's synthetic knowledge base (one item a minute, so about
10,000 in a week at 100,000 items) with a portfolio holder and open, done and
overdue actions, then times, for the same reader: the digest as the weekly job
builds it (gather and compose), `/ciso digest` through the core, and the quarter's
report with its chart. A small base of 1,000 items is timed in the same run as the
baseline. Then, in a new process per size (`bench/first_report.py`), the first report
in a process against the later ones, and what the first leaves resident; with
`--baseline DIR` the same for another checkout of the code (say, before a change), on
the same database. Run: `python bench/digest.py --sizes 1000,100000`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conditions import ROOT, describe
from engines import Engine
from search import NOW, build

from bot.app import build_router
from bot.clock import FixedClock
from handlers.context import CoreSettings
from handlers.core import Core
from handlers.messages import Request
from handlers.notices import Writer
from handlers.reporting import digest, report
from handlers.reporting.period import quarter
from storage import members
from storage.db import Database
from storage.models import Action
from storage.tlp import TLP, Audience
from storage.views import Actor, MemberView

SETTINGS = CoreSettings()
ZONE = ZoneInfo(SETTINGS.timezone)


def add_people_and_actions(db: Database, actions: int) -> MemberView:
    with db.write() as session:
        org = members.find_organisation(session, "Zoetermeer")
        assert org is not None
        mayor, _ = members.save_member(
            session, Actor("bench"), NOW, platform="console", user_id="burgemeester",
            display_name="Burgemeester", organisation_id=org.id, roles=["portefeuillehouder"],
        )  # fmt: skip
        today = NOW.astimezone(ZONE).date()
        session.execute(insert(Action), [
            {"title": f"Actie {n}", "owner_id": mayor.id, "creator_id": mayor.id,
             "deadline": today + timedelta(days=n % 60 - 20),
             "status": "klaar" if n % 4 == 0 else "open",
             "done_at": NOW - timedelta(days=n % 10) if n % 4 == 0 else None,
             "created_at": NOW - timedelta(days=90), "updated_at": NOW, "overdue_reminders": 0}
            for n in range(actions)
        ])  # fmt: skip
    return mayor


def timed(work: object, repeats: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        samples.append((time.perf_counter() - started) * 1000)
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[
        min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))
    ]


def first_report(database: Path, code: Path) -> dict[str, Any]:
    """The first report in a new process (with `code`) against the later ones."""
    found = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("first_report.py")), str(database),
         str(code)], capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    result: dict[str, Any] = json.loads(found.stdout.strip().splitlines()[-1])
    if Path(result.pop("code")).resolve() != code.resolve():
        raise RuntimeError(f"the child ran other code than {code}")
    return result


def measure(size: int, actions: int, repeats: int, scratch: Path) -> dict[str, tuple[float, float]]:
    db = build(Engine("SQLite", scratch), size)
    mayor = add_people_and_actions(db, actions)
    core = Core(build_router(), db, FixedClock(NOW), SETTINGS)
    week = digest.covered_week(NOW, ZoneInfo("Europe/Amsterdam"))
    request = Request(platform="console", user_id="burgemeester", command="ciso", text="digest")
    words = Writer.for_install(SETTINGS)
    period = quarter(2026, 4)
    results = {
        "digest (weekly job)": timed(lambda: digest.digest_for(db, SETTINGS, mayor, week, NOW),
                                     repeats),
        "/ciso digest": timed(lambda: core.handle(request), repeats),
        "RBO report + chart": timed(lambda: report.build(db, words, Audience.group(TLP.GREEN),
                                                         period, NOW, ZONE), max(3, repeats // 4)),
    }  # fmt: skip
    db.dispose()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--actions", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--baseline", type=Path, help="another checkout's code, for comparison")
    args = parser.parse_args()
    print(describe(), flush=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = {}
    firsts: list[tuple[int, str, dict[str, Any]]] = []
    codes = [("this code", ROOT)] + ([("baseline", args.baseline)] if args.baseline else [])
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            rows[size] = measure(size, args.actions, args.repeats, Path(scratch))
            for _round in range(2):  # interleaved: this code, the baseline, again
                for name, code in codes:
                    database = Path(scratch) / f"search_{size}.sqlite3"  # made by build
                    firsts.append((size, name, first_report(database, code)))
    week = digest.covered_week(NOW, ZoneInfo("Europe/Amsterdam"))
    print(
        f"{args.actions:,} actions; p50 / p95 in ms; "
        f"the week {week.start:%Y-%m-%d} – {NOW:%Y-%m-%d}"
    )
    print(f"{'what':<22}" + "".join(f"{f'{s:,} items':>22}" for s in sizes) + "   ratio")
    for what in rows[sizes[0]]:
        cells = "".join(f"{rows[s][what][0]:>11.1f} / {rows[s][what][1]:>7.1f}" for s in sizes)
        ratio = rows[sizes[-1]][what][0] / rows[sizes[0]][what][0]
        print(f"{what:<22}{cells}   {ratio:.2f}x")
    print("\nThe report in a new process (after one search): first, later (median of 3), "
          "resident memory before the first and after the last")  # fmt: skip
    for size, name, found in firsts:
        print(f"  {size:>9,} items, {name:<10} first {found['first']:7.1f} ms, later "
              f"{found['later']:7.1f} ms ({found['first'] / found['later']:.2f}x); "
              f"{found['rss_before']:.0f} → {found['rss_after']:.0f} MiB "
              f"(+{found['rss_after'] - found['rss_before']:.0f})")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
