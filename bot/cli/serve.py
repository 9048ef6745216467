"""`ciso-bot run` on a chat platform: the adapter, its HTTP endpoint and the scheduler."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any

from bot import http_server
from bot.app import App, create_app
from bot.clock import SystemClock
from bot.config import Settings
from bot.health import Monitor
from bot.http_server import Server
from bot.metrics import Metrics
from bot.preflight import (
    NotReady,
    mattermost_identity,
    mattermost_refusal,
    port_free,
    slack_identity,
)
from bot.scheduler import Deliver, Sweeper
from handlers.core import Core

log = logging.getLogger("bot")

# After SIGTERM or Ctrl-C: how long the work already acknowledged may take to finish.
STOP_SECONDS = 25


class Stopping(KeyboardInterrupt):
    """SIGTERM arrived: stop as for Ctrl-C (systemd and `docker stop` send SIGTERM).

    A KeyboardInterrupt, because that is what waitress's event loop lets through (it
    catches everything else a handler raises, with a bare `except`).
    """


def _stop_on_signals() -> None:
    """SIGTERM and Ctrl-C (SIGINT) stop the bot cleanly, also when it was started as a
    background job from a script, which would otherwise inherit SIGINT as ignored."""

    def stop(_signum: int, _frame: object) -> None:
        raise Stopping

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.default_int_handler)


def _bounded_stop() -> threading.Timer:
    """A watchdog: if stopping takes longer than STOP_SECONDS, leave anyway.

    What was claimed and not yet recorded (reminders, digests) is taken up again by
    the next start; nothing is lost, at most one message repeated.
    """

    def give_up() -> None:
        # Straight to stderr: a logging lock may be what is stuck.
        sys.stderr.write(f"stopping took longer than {STOP_SECONDS} s; leaving the rest "
                         "to the next start\n")  # fmt: skip
        sys.stderr.flush()
        os._exit(3)

    watchdog = threading.Timer(STOP_SECONDS, give_up)
    watchdog.daemon = True
    watchdog.start()
    return watchdog


def _writable(app: App) -> bool:
    """Whether the database takes writes (this process's first heartbeat); says why not."""
    try:
        app.core.beat("run")
    except Exception as error:
        reason = str(getattr(error, "orig", None) or type(error).__name__)[:200]
        print(f"The database cannot be written ({reason}); check DATABASE_URL, the file's "
              "permissions and the free disk space.", file=sys.stderr)  # fmt: skip
        return False
    return True


def _listen(serve: Callable[[str, int], Server], host: str, port: int) -> Server | None:
    """The HTTP server on `host:port`, or None (and why) when it cannot listen there."""
    try:
        return serve(host, port)
    except OSError as error:
        print(f"Cannot listen on {host}:{port}: {error.strerror or error}. Is another process "
              "using the port? Choose another with --port.", file=sys.stderr)  # fmt: skip
        return None


def _ready(*checks: Callable[[], object]) -> bool:
    """Run the checks that come before anything starts; False (and why) at the first failure."""
    try:
        for check in checks:
            check()
    except NotReady as error:
        print(str(error), file=sys.stderr)
        return False
    return True


def _ports_free(args: argparse.Namespace, main: bool) -> None:
    """The ports `run` will listen on are free (raises NotReady when not)."""
    if main:
        port_free(args.host, args.port)
    if args.health_port is not None:
        port_free(args.host, args.health_port)


def run_slack(settings: Settings, args: argparse.Namespace) -> int:
    socket_mode = bool(settings.slack_app_token) and not args.http
    if not socket_mode and not settings.slack_signing_secret:
        print(
            "Configuratiefout / configuration error: SLACK_SIGNING_SECRET: is needed for the "
            "HTTP Events API (or set SLACK_APP_TOKEN for Socket Mode)",
            file=sys.stderr,
        )
        return 2
    if not _ready(
        lambda: _ports_free(args, main=not socket_mode),
        lambda: log.info("Slack: connected as @%s", slack_identity(settings).get("user", "?")),
    ):
        return 2
    return _running(lambda running: _serve_slack(settings, args, socket_mode, running))


def _running(serve: Callable[[contextlib.ExitStack], int]) -> int:
    """Serve until stopped; whatever `serve` started is stopped in reverse order."""
    _stop_on_signals()  # before anything starts: a stop during start-up is clean too
    code = 0
    with contextlib.ExitStack() as running:
        try:
            code = serve(running)
        except KeyboardInterrupt:  # Ctrl-C, or SIGTERM as Stopping
            pass
        finally:
            if code == 0:
                log.info("stopping: no new requests; finishing the work already acknowledged")
            _stop(running)
    if code == 0:
        log.info("stopped")
    return code


def _stop(running: contextlib.ExitStack) -> None:
    """Stop what started, newest first, within STOP_SECONDS."""
    watchdog = _bounded_stop()
    running.close()
    watchdog.cancel()


def _serve_slack(
    settings: Settings, args: argparse.Namespace, socket_mode: bool, running: contextlib.ExitStack
) -> int:
    from bot.slack.adapter import Slack

    app = create_app(settings, SystemClock())
    running.callback(app.close)
    if not _writable(app):
        return 2
    running.callback(app.core.leave)
    slack = Slack(settings, app.core)
    running.callback(slack.close)
    server = None if socket_mode else _listen(slack.serve, args.host, args.port)
    if server is None and not socket_mode:
        return 2
    handler = None
    if socket_mode:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        # Health follows the Socket Mode session from the start (not yet connected: 503).
        handler = SocketModeHandler(slack.app, settings.slack_app_token)
        running.callback(handler.close)
        slack.monitor.platform = lambda: _socket_state(handler)
    if not _health_port(slack.monitor, args, running):
        return 2
    _sweeper(app, slack.deliver, slack.monitor, slack.metrics, running)
    if handler is not None:
        log.info("Slack: Socket Mode")
        handler.start()  # type: ignore[no-untyped-call]
    elif server is not None:
        running.callback(server.shutdown)
        log.info("Slack: HTTP Events API on %s:%s/slack/events", args.host, server.server_port)
        server.serve_forever()
    return 0


def run_mattermost(settings: Settings, args: argparse.Namespace) -> int:
    if not _ready(lambda: _ports_free(args, main=True), lambda: mattermost_identity(settings)):
        return 2
    return _running(lambda running: _serve_mattermost(settings, args, running))


def _serve_mattermost(
    settings: Settings, args: argparse.Namespace, running: contextlib.ExitStack
) -> int:
    from bot.mattermost.adapter import Mattermost
    from bot.mattermost.api import MattermostError

    app = create_app(settings, SystemClock())
    running.callback(app.close)
    if not _writable(app):
        return 2
    running.callback(app.core.leave)
    callback = settings.mattermost_callback_url or f"http://localhost:{args.port}"
    mattermost = Mattermost(settings, app.core, callback)
    running.callback(mattermost.close)
    try:
        mattermost.connect()
    except MattermostError as error:
        print(mattermost_refusal(settings, error.status, error.error_id), file=sys.stderr)
        return 2
    server = _listen(mattermost.serve, args.host, args.port)
    if server is None:
        return 2
    if not _health_port(mattermost.monitor, args, running):
        return 2
    mattermost.start_listening()
    _sweeper(app, mattermost.deliver, mattermost.monitor, mattermost.metrics, running)
    running.callback(server.shutdown)
    log.info("Mattermost: commands, buttons and dialogs on %s:%s/mattermost/…",
             args.host, server.server_port)  # fmt: skip
    server.serve_forever()
    return 0


def _health_port(monitor: Monitor, args: argparse.Namespace, running: contextlib.ExitStack) -> bool:
    """`--health-port`: /health and /metrics on a port of their own (Socket Mode has no
    other; with HTTP it keeps /metrics off the port the platform reaches)."""
    if args.health_port is None:
        return True
    server = _listen(lambda host, port: http_server.make(host, port, monitor.wsgi),
                     args.host, args.health_port)  # fmt: skip
    if server is None:
        return False
    monitor.metrics_elsewhere = True
    running.callback(server.shutdown)
    threading.Thread(target=server.serve_forever, name="health", daemon=True).start()
    log.info("health and metrics on %s:%s", args.host, server.server_port)
    return True


def _sweeper(
    app: App, deliver: Deliver, monitor: Monitor, metrics: Metrics, running: contextlib.ExitStack
) -> Sweeper:
    """The sweeper, started, watched by the health check, its sweeps timed for metrics."""
    sweeper = Sweeper(app.core, deliver, app.settings.sweep_seconds,
                      timed=metrics.sweep_seconds.observe)  # fmt: skip
    running.callback(sweeper.stop)
    sweeper.start()
    monitor.sweeper = sweeper
    return sweeper


def _socket_state(handler: Any) -> tuple[bool, str]:
    """Whether the Socket Mode session is open (slack_sdk's built-in client)."""
    if handler.client.is_connected():
        return True, "Socket Mode connected"
    return False, "Socket Mode not connected (reconnecting)"


def deliverer(settings: Settings, core: Core) -> tuple[Deliver, Callable[[], None]]:
    """How `tick` sends on the configured chat platform, and how to close it afterwards."""
    if settings.platform == "slack":
        from bot.slack.adapter import Slack

        slack = Slack(settings, core)
        return slack.deliver, slack.close
    from bot.mattermost.adapter import Mattermost

    mattermost = Mattermost(settings, core, settings.mattermost_callback_url or "")
    try:
        mattermost.connect()
    except Exception:
        mattermost.close()
        raise
    return mattermost.deliver, mattermost.close
