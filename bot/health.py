"""`GET /health` and `GET /metrics` for the service manager, the load balancer and
Prometheus.

Health is 200 only when the bot can do its work: the database takes a write (a lock
held elsewhere for longer than `WRITE_WAIT` counts as down), the sweeper ran within
three sweep intervals (reminders and digests go out), and the chat platform is
connected (the WebSocket or Socket Mode session, or, for Slack's HTTP mode, a recent
`auth.test`). Otherwise 503, with the failing checks named in the JSON body. The body
holds no secret and no user data.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from bot.metrics import CONTENT_TYPE, Metrics
from bot.scheduler import Sweeper
from storage.db import Database

log = logging.getLogger(__name__)

WRITE_WAIT = 2.0  # seconds a health check waits for the database's write lock
PLATFORM_RECHECK = 60.0  # seconds between two `auth.test` calls for Slack's HTTP mode

PlatformCheck = Callable[[], tuple[bool, str]]
StartResponse = Callable[..., Any]


@dataclass(frozen=True)
class Check:
    ok: bool
    detail: str


class Monitor:
    """The health checks and the metrics of one running bot."""

    def __init__(
        self,
        db: Database,
        metrics: Metrics,
        sweeper: Sweeper | None = None,
        platform: PlatformCheck | None = None,
        *,
        version: str = "",
        monotonic: Callable[[], float] = time.monotonic,
        write_wait: float = WRITE_WAIT,
    ) -> None:
        self.db = db
        self.metrics = metrics
        self.sweeper = sweeper
        self.platform = platform
        self.version = version
        self.monotonic = monotonic
        self.write_wait = write_wait
        # With `--health-port`, /metrics is served there only, not on the platform's port.
        self.metrics_elsewhere = False

    # --- the checks -------------------------------------------------------------------

    def database(self) -> Check:
        """A write transaction begun and rolled back, waiting at most `write_wait`."""
        try:
            self.db.check_writable(self.write_wait)
        except Exception as error:
            reason = str(getattr(error, "orig", None) or error)[:120]
            return Check(False, f"no write possible: {reason}")
        return Check(True, "writable")

    def sweeps(self) -> Check:
        sweeper = self.sweeper
        if sweeper is None:
            return Check(True, "not this process's job")
        if not sweeper.running:
            return Check(False, "the sweeper stopped")
        since = sweeper.last_sweep if sweeper.last_sweep is not None else sweeper.started_at
        ago = self.monotonic() - since
        limit = 3 * sweeper.seconds
        role = "standby" if sweeper.standby else "sweeps"
        if ago > limit:
            return Check(False, f"last ran {ago:.0f} s ago (more than {limit} s)")
        return Check(True, f"{role}, last ran {ago:.0f} s ago")

    def connection(self) -> Check:
        if self.platform is None:
            return Check(True, "no platform connection to check")
        try:
            ok, detail = self.platform()
        except Exception as error:
            return Check(False, f"check failed: {type(error).__name__}")
        return Check(ok, detail)

    def report(self) -> tuple[bool, dict[str, Any]]:
        checks = {
            "database": self.database(),
            "sweeper": self.sweeps(),
            "platform": self.connection(),
        }
        healthy = all(c.ok for c in checks.values())
        body = {
            "status": "ok" if healthy else "unavailable",
            "version": self.version,
            "checks": {name: {"ok": c.ok, "detail": c.detail} for name, c in checks.items()},
        }
        return healthy, body

    # --- over HTTP --------------------------------------------------------------------

    def answers(self, path: str) -> bool:
        """Whether the platform's port routes `path` here."""
        return path == "/health" or (path == "/metrics" and not self.metrics_elsewhere)

    def wsgi(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        """`GET /health` (200 or 503, JSON) and `GET /metrics`; 404 for anything else."""
        path, method = environ.get("PATH_INFO"), environ.get("REQUEST_METHOD")
        if method != "GET" or path not in ("/health", "/metrics"):
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b""]
        if path == "/metrics":
            body = self.metrics.render()
            start_response("200 OK", [("Content-Type", CONTENT_TYPE)])
            return [body]
        healthy, report = self.report()
        if not healthy:
            failing = [n for n, c in report["checks"].items() if not c["ok"]]
            log.warning("health: unavailable (%s)", ", ".join(failing))
        status = "200 OK" if healthy else "503 Service Unavailable"
        start_response(
            status, [("Content-Type", "application/json"), ("Cache-Control", "no-store")]
        )
        return [json.dumps(report).encode()]


class Recheck:
    """A platform check that asks at most every `seconds` (Slack's `auth.test`)."""

    def __init__(
        self,
        ask: Callable[[], str],
        seconds: float = PLATFORM_RECHECK,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ask = ask
        self.seconds = seconds
        self.monotonic = monotonic
        self._lock = threading.Lock()
        self._last: tuple[float, bool, str] | None = None

    def __call__(self) -> tuple[bool, str]:
        with self._lock:
            now = self.monotonic()
            if self._last is None or now - self._last[0] >= self.seconds:
                try:
                    detail = self.ask()
                    self._last = (now, True, detail)
                except Exception as error:
                    self._last = (now, False, str(error)[:200])
            return self._last[1], self._last[2]
