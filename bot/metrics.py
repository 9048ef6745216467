"""Metrics in Prometheus's text format (`GET /metrics`), with the official client library.

Counters for what happened in this process (requests by kind, name and outcome;
messages due, sent and failed; platform API errors and 429s; sweep durations), and
gauges read from the database when scraped (what is owed and late, across restarts),
plus the depth of the queue of acknowledged work. No label holds user text: names are
the registered commands, buttons and forms, or `unknown`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from handlers.delivery import LATE_AFTER
from handlers.messages import Clock, Observer
from storage.backlog import backlog
from storage.db import Database

log = logging.getLogger(__name__)

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class Owed(Collector):
    """Messages due and not yet sent, and those late, read from the database."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def collect(self) -> Iterator[GaugeMetricFamily]:
        waiting = GaugeMetricFamily(
            "ciso_bot_messages_waiting", "Messages due and not yet sent", labels=["kind"]
        )
        late = GaugeMetricFamily(
            "ciso_bot_messages_late",
            f"Messages still unsent {int(LATE_AFTER.total_seconds() // 60)} minutes after "
            "they fell due",
            labels=["kind"],
        )
        sent_late = GaugeMetricFamily(
            "ciso_bot_messages_sent_late", "Messages that went out late, ever", labels=["kind"]
        )
        try:
            with self.db.read() as session:
                rows = backlog(session, self.clock.now(), LATE_AFTER)
        except Exception as error:  # a scrape must not fail because the database does
            log.warning("metrics: the backlog could not be read (%s)", type(error).__name__)
            return
        for row in rows:
            waiting.add_metric([row.kind], row.waiting)
            late.add_metric([row.kind], row.late)
            if row.kind != "notice":
                sent_late.add_metric([row.kind], row.sent_late)
        yield from (waiting, late, sent_late)


class Metrics(Observer):
    """This process's metrics; the core reports to it as its observer."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.registry = CollectorRegistry()
        ProcessCollector(registry=self.registry)
        PlatformCollector(registry=self.registry)
        self._requests = Counter(
            "ciso_bot_requests",
            "Requests handled, by kind (command, button, form), name and outcome "
            "(ok, refused, asked, failed)",
            ["kind", "name", "outcome"],
            registry=self.registry,
        )
        self._request_seconds = Histogram(
            "ciso_bot_request_seconds",
            "Time to handle a request, from arrival at the core to its replies",
            ["kind"],
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
            registry=self.registry,
        )
        self._messages = Counter(
            "ciso_bot_messages",
            "Messages the bot sends on its own (reminder, digest, notice), by outcome "
            "(due: handed out by a sweep; sent; failed)",
            ["kind", "outcome"],
            registry=self.registry,
        )
        self.sweep_seconds = Histogram(
            "ciso_bot_sweep_seconds",
            "Duration of a sweep for due work, sending included",
            buckets=(0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300),
            registry=self.registry,
        )
        self._api_errors = Counter(
            "ciso_bot_platform_api_errors",
            "Calls to the chat platform's API that failed, by status (429: rate limited; "
            "0: no connection; refused: Slack's ok false)",
            ["platform", "status"],
            registry=self.registry,
        )
        self._queue = Gauge(
            "ciso_bot_work_queue_depth",
            "Acknowledged requests waiting for a worker",
            registry=self.registry,
        )
        self._queue.set(0)
        self.registry.register(Owed(db, clock))

    # --- what the core and the adapters report ------------------------------------------

    def request(self, kind: str, name: str, outcome: str, seconds: float) -> None:
        self._requests.labels(kind, name, outcome).inc()
        self._request_seconds.labels(kind).observe(seconds)

    def messages(self, kind: str, outcome: str, count: int = 1) -> None:
        self._messages.labels(kind, outcome).inc(count)

    def api_error(self, platform: str, status: int | str) -> None:
        self._api_errors.labels(platform, str(status)).inc()

    def queue_depth(self, read: Callable[[], int]) -> None:
        self._queue.set_function(lambda: float(read()))

    def render(self) -> bytes:
        return generate_latest(self.registry)
