"""The scheduler: APScheduler as a clock that sweeps for due work, nothing more.

What is due lives in the database (reminders claimed, notices recorded); the one
interval job asks the core to run its jobs and hands the replies to the adapter.
No job state is kept in APScheduler, so a restart loses nothing: the first sweep
runs at start and sends whatever fell due while the bot was down.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler

from handlers.core import Core
from handlers.messages import Reply
from storage import instances

log = logging.getLogger(__name__)

Deliver = Callable[[Reply], None]


def unclear(error: BaseException) -> bool:
    """Whether a failed send may still have reached the platform.

    A refusal with a 4xx status (or Slack's `ok: false`, HTTP 200) stored nothing; a
    timeout, a dropped connection or a 5xx may have come after the server stored the
    post: the next try looks for it first.
    """
    if isinstance(error, ValueError):  # refused by our own checks, never sent
        return False
    status = getattr(error, "status", None)
    if status is None:
        status = getattr(getattr(error, "response", None), "status_code", None)
    if isinstance(status, int) and status > 0:
        return status >= 500
    return True


def send_one(core: Core, deliver: Deliver, reply: Reply) -> bool:
    """Deliver one keyed message and tell the core how it went; True when it went out."""
    try:
        deliver(reply)
    except Exception as error:
        log.warning("delivery failed (%s): %s", reply.message_id or "notice",
                    type(error).__name__)  # fmt: skip
        core.confirm(reply, f"{type(error).__name__}: {error}"[:300], unclear(error))
        return False
    core.confirm(reply, None)
    return True


def sweep(
    core: Core, deliver: Deliver, stopping: threading.Event | None = None, *,
    until_done: bool = False,
) -> int:  # fmt: skip
    """Run every job once and deliver what it says, one message at a time; with
    `until_done`, again at once while a job claimed a full batch (a backlog is sent at
    the platform's speed, not one batch per SWEEP_SECONDS).

    Each message is confirmed to the core right after it went out (or failed), so
    that a crash in the middle repeats at most the one message in flight. When
    `stopping` is set, the sweep ends after the message in flight: what it claimed
    and did not send is taken over by the next process, which looks before it sends.
    """
    sent = 0
    while True:
        replies = core.tick()
        for reply in replies:
            if stopping is not None and stopping.is_set():
                log.info("stopping: the rest of this sweep is left to the next start")
                return sent
            sent += send_one(core, deliver, reply)
        if not until_done or not core.more_due:
            return sent


def _not_a_skipped_sweep(record: logging.LogRecord) -> bool:
    """A sweep longer than the interval makes APScheduler skip the next start and say so
    at WARNING each time; that is how it is meant to work, not news."""
    return "maximum number of running instances reached" not in record.getMessage()


class Sweeper:
    """Beats every few seconds and sweeps every `seconds`, on background threads.

    On SQLite one process sweeps a database at a time (the `sweeper` lease): a second
    `run` waits as a standby, and takes over when the first stops beating. On
    PostgreSQL every `run` sweeps, each message claimed by one of them. The heartbeat
    runs on its own thread, so a long sweep keeps its claims alive.
    """

    def __init__(
        self,
        core: Core,
        deliver: Deliver,
        seconds: int,
        role: str = instances.RUN,
        *,
        timed: Callable[[float], None] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.core = core
        self.deliver = deliver
        self.seconds = seconds
        self.role = role
        self.standby = False
        # For the health check: when it started, and when a sweep (or a standby's look
        # at the lease) last ended without an error; `timed` hears each sweep's duration.
        self.monotonic = monotonic
        self.started_at = monotonic()
        self.last_sweep: float | None = None
        self._timed = timed
        self._stopping = threading.Event()
        self._scheduler = BackgroundScheduler(timezone=UTC)
        logging.getLogger("apscheduler.scheduler").addFilter(_not_a_skipped_sweep)

    def start(self) -> None:
        """Start beating and sweeping; raises when the database cannot be written."""
        self.core.beat(self.role)
        self._scheduler.add_job(
            self._beat, "interval", seconds=instances.BEAT, id="beat", coalesce=True,
            max_instances=1, misfire_grace_time=None,
        )  # fmt: skip
        self._scheduler.add_job(
            self.sweep_once,
            "interval",
            seconds=self.seconds,
            id="sweep",
            next_run_time=datetime.now(UTC),  # catch up at once after downtime
            coalesce=True,
            max_instances=1,
            misfire_grace_time=None,
        )
        self.started_at = self.monotonic()
        self._scheduler.start()

    @property
    def running(self) -> bool:
        return bool(self._scheduler.running) and not self._stopping.is_set()

    def stop(self) -> None:
        self._stopping.set()  # a sweep in progress ends after the message in flight
        if self._scheduler.running:
            self._scheduler.shutdown(wait=True)
        self.core.leave()

    def _beat(self) -> None:
        try:
            self.core.beat(self.role)
        except Exception as error:
            log.warning("heartbeat not written (%s); trying again", type(error).__name__)

    def sweep_once(self) -> None:
        """One sweep (or, on standby, one look whether the sweeping process is gone)."""
        started = self.monotonic()
        try:
            if not self.core.hold_sweep():
                if not self.standby:
                    other = self.core.sweeper()
                    log.info("standby: %s sweeps this database; this one takes over when it "
                             "stops", describe(other))  # fmt: skip
                self.standby = True
                self.last_sweep = self.monotonic()
                return
            if self.standby:
                log.info("the other process stopped: this one sweeps now")
                self.standby = False
            sweep(self.core, self.deliver, self._stopping, until_done=True)
            self.last_sweep = self.monotonic()
            if self._timed is not None:
                self._timed(self.last_sweep - started)
        except Exception:
            log.exception("sweep failed; the next one tries again")


def describe(other: instances.InstanceView | None) -> str:
    """Which process, for a log line or a refusal: `ciso-bot run (pid 12 on host)`."""
    if other is None:
        return "another process"
    return f"ciso-bot {other.role} (pid {other.pid} on {other.host})"
