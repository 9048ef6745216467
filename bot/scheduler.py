"""The scheduler: APScheduler as a clock that sweeps for due work, nothing more.

What is due lives in the database (reminders claimed, notices recorded); the one
interval job asks the core to run its jobs and hands the replies to the adapter.
No job state is kept in APScheduler, so a restart loses nothing: the first sweep
runs at start and sends whatever fell due while the bot was down.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler

from handlers.core import Reply
from handlers.router import Core

log = logging.getLogger(__name__)

Deliver = Callable[[Reply], None]


def sweep(core: Core, deliver: Deliver) -> int:
    """Run every job once and deliver what it says, one message at a time.

    Each message is confirmed to the core right after it went out (or failed), so
    that a crash in the middle repeats at most the one message in flight.
    """
    sent = 0
    for reply in core.tick():
        try:
            deliver(reply)
        except Exception as error:
            log.warning("delivery failed (%s): %s", reply.key or "notice", type(error).__name__)
            core.confirm(reply, f"{type(error).__name__}: {error}"[:300])
            continue
        core.confirm(reply, None)
        sent += 1
    return sent


class Sweeper:
    """Runs `sweep` every `seconds` on a background thread."""

    def __init__(self, core: Core, deliver: Deliver, seconds: int) -> None:
        self.core = core
        self.deliver = deliver
        self.seconds = seconds
        self._scheduler = BackgroundScheduler(timezone=UTC)

    def start(self) -> None:
        self._scheduler.add_job(
            self._sweep,
            "interval",
            seconds=self.seconds,
            id="sweep",
            next_run_time=datetime.now(UTC),  # catch up at once after downtime
            coalesce=True,
            max_instances=1,
            misfire_grace_time=None,
        )
        self._scheduler.start()

    def stop(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=True)

    def _sweep(self) -> None:
        try:
            sweep(self.core, self.deliver)
        except Exception:
            log.exception("sweep failed; the next one tries again")
