"""The first report in a running bot's process against the reports after it.

Run by `bench/digest.py` as a child process, on a database it built: the child first
answers a search (as a running bot has), then builds the quarter's report with its
chart four times. Prints one JSON line: the first report's milliseconds, the median of
the later ones, and the resident memory before the first and after the last.
`--code DIR` runs another checkout's code on the same database (the baseline).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path


def resident_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    database, code = sys.argv[1], sys.argv[2]
    sys.path.insert(0, code)
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from bot.app import build_router
    from bot.clock import FixedClock
    from handlers.context import CoreSettings
    from handlers.core import Core
    from handlers.messages import Request
    from handlers.notices import Writer
    from handlers.reporting import report
    from handlers.reporting.period import quarter
    from storage.db import Database
    from storage.tlp import TLP, Audience

    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
    settings = CoreSettings()
    db = Database.from_url(f"sqlite:///{database}")
    core = Core(build_router(), db, FixedClock(now), settings)
    core.handle(Request(platform="console", user_id="burgemeester", command="kennis",
                        text="zoek wachtwoord"))  # fmt: skip
    words = Writer.for_install(settings)
    before = resident_mib()
    timings = []
    for _ in range(4):
        started = time.perf_counter()
        report.build(db, words, Audience.group(TLP.GREEN), quarter(2026, 4), now,
                     ZoneInfo(settings.timezone))  # fmt: skip
        timings.append((time.perf_counter() - started) * 1000)
    print(json.dumps({"first": timings[0], "later": statistics.median(timings[1:]),
                      "rss_before": before, "rss_after": resident_mib(),
                      "code": str(Path(report.__file__).parent.parent.parent)}))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
