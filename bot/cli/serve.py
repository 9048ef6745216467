"""Running the bot: `run` on the chat platforms (their adapters, one HTTP port and the
scheduler) or on the terminal, `console`, `check`, and `mattermost setup`."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from bot.cli.common import CONSOLE_OPERATOR, Commands, clock_for, moment

if TYPE_CHECKING:
    from bot.app import App
    from bot.config import Settings
    from bot.console import Console
    from bot.health import Monitor
    from bot.http_server import Server
    from bot.metrics import Metrics
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


def register(commands: Commands) -> None:
    run_ = commands.add_parser(
        "run", help="start the bot on the configured platform (the console when none)"
    )
    run_.add_argument("--as", dest="user", help="console user id when no platform is configured")
    run_.add_argument(
        "--http",
        action="store_true",
        help="Slack: serve the HTTP Events API even with an app token",
    )
    run_.add_argument("--port", type=int, default=3000, help="HTTP port (default 3000)")
    run_.add_argument("--host", default="0.0.0.0", help="HTTP address (default all interfaces)")
    run_.add_argument(
        "--health-port",
        type=int,
        help="Slack Socket Mode: serve /health and /metrics on this port (default: none)",
    )
    run_.add_argument(
        "--console",
        action="store_true",
        help="start the console even without a terminal (no chat platform configured)",
    )
    run_.set_defaults(handler=run)

    check = commands.add_parser(
        "check", help="check the configuration, the database and the chat platform, then stop"
    )
    check.set_defaults(handler=_check)

    console_ = commands.add_parser("console", help="talk to the bot on standard input and output")
    console_.add_argument("--as", dest="user", help="the chat user id to act as")
    console_.add_argument("--now", type=moment,
                          help="run with the clock set to this ISO date-time")  # fmt: skip
    console_.add_argument("--channel", default="algemeen", help="channel to talk in (default)")
    console_.set_defaults(handler=console)

    mattermost = commands.add_parser("mattermost", help="Mattermost: set up the slash commands")
    mattermost_commands = mattermost.add_subparsers(dest="mattermost_command", required=True)
    setup = mattermost_commands.add_parser(
        "setup", help="create or update /kennis, /knelpunt, /actie and /ciso in a team"
    )
    setup.add_argument("--team", required=True, help="the team's name (as in its address)")
    setup.set_defaults(handler=_mattermost_setup)


NO_PLATFORM = (
    "No chat platform is configured, and without a terminal there is no console to start. "
    "Set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) for Slack, or "
    "MATTERMOST_URL, MATTERMOST_TOKEN and MATTERMOST_COMMAND_TOKENS for Mattermost "
    "(in {where}); `ciso-bot check` shows what is read. To script the console: "
    "`ciso-bot console`, or `run --console`."
)


def run(settings: Settings, args: argparse.Namespace) -> int:
    """The configured chat platforms; the console when there is none (and a terminal)."""
    if settings.platforms:
        return _platforms(settings, args)
    if not sys.stdin.isatty() and not args.console:
        # Under systemd or in a container a console would read nothing and stop at once.
        where = args.env_path or "the environment or a .env file"
        print(NO_PLATFORM.format(where=where), file=sys.stderr)
        return 2
    console_args = argparse.Namespace(user=args.user, now=None, channel="algemeen")
    return console(settings, console_args, scheduled=True)


def console(settings: Settings, args: argparse.Namespace, *, scheduled: bool = False) -> int:
    from dataclasses import replace

    from bot.app import create_app
    from bot.console import Console
    from handlers.i18n import translate

    user = args.user or next(iter(sorted(settings.admins)), None)
    if user is None:
        # Whoever runs the console owns the database file: make them its administrator.
        user = CONSOLE_OPERATOR
        settings = replace(settings, admins=settings.admins | {CONSOLE_OPERATOR})
    app = create_app(settings, clock_for(settings, args.now))
    chat = Console(app.core, sys.stdout, user, settings.language, channel=args.channel)
    # `run` sweeps for due reminders and notices; `console` (for trying and testing)
    # sends them only when asked with `:tick`, so its output stays predictable.
    sweeper = None
    if scheduled:
        from bot.scheduler import Sweeper

        sweeper = Sweeper(app.core, chat.deliver, settings.sweep_seconds)
    try:
        interactive = sys.stdin.isatty()
        if interactive:
            print(translate(settings.language, "console.welcome", user=user) + "\n")
        if sweeper:
            sweeper.start()
        return chat.run(_prompted_lines(chat) if interactive else sys.stdin)
    finally:
        if sweeper:
            sweeper.stop()
        app.close()


def _prompted_lines(chat: Console) -> Iterator[str]:
    with contextlib.suppress(ImportError):  # not on every platform
        import readline  # noqa: F401 - line editing and history at the prompt
    while True:
        try:
            yield input(chat.prompt)
        except EOFError:
            print()
            return
        except KeyboardInterrupt:
            print()
            return


def _check(settings: Settings, args: argparse.Namespace) -> int:
    from bot.preflight import check

    return check(settings, args)


def _mattermost_setup(settings: Settings, args: argparse.Namespace) -> int:
    from bot.mattermost.setup import setup

    return setup(settings, args)


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
    from storage import instances

    try:
        app.core.beat(instances.RUN)
    except Exception as error:
        reason = str(getattr(error, "orig", None) or type(error).__name__)[:200]
        print(f"The database cannot be written ({reason}); check DATABASE_URL, the file's "
              "permissions and the free disk space.", file=sys.stderr)  # fmt: skip
        return False
    return True


def _listen(serve: Callable[[str, int], Server | None], host: str, port: int) -> Server | None:
    """The HTTP server on `host:port`, or None (and why) when it cannot listen there."""
    try:
        return serve(host, port)
    except OSError as error:
        print(f"Cannot listen on {host}:{port}: {error.strerror or error}. Is another process "
              "using the port? Choose another with --port.", file=sys.stderr)  # fmt: skip
        return None


def _ready(*checks: Callable[[], object]) -> bool:
    """Run the checks that come before anything starts; False (and why) at the first failure."""
    from bot.preflight import NotReady

    try:
        for check in checks:
            check()
    except NotReady as error:
        print(str(error), file=sys.stderr)
        return False
    return True


def _ports_free(args: argparse.Namespace, main: bool) -> None:
    """The ports `run` will listen on are free (raises NotReady when not)."""
    from bot.preflight import port_free

    if main:
        port_free(args.host, args.port)
    if args.health_port is not None:
        port_free(args.host, args.health_port)


SWITCH_SECONDS = 0.001


def _platforms(settings: Settings, args: argparse.Namespace) -> int:
    """Serve every configured platform from this process, until stopped."""
    socket_mode = _options(settings, args)["slack"]["socket_mode"]
    if "slack" in settings.platforms and not socket_mode and not settings.slack_signing_secret:
        print(
            "Configuratiefout / configuration error: SLACK_SIGNING_SECRET: is needed for "
            "the HTTP Events API (or set SLACK_APP_TOKEN for Socket Mode)",
            file=sys.stderr,
        )
        return 2
    # A request thread waits for the interpreter while a worker thread runs a search:
    # by default up to 5 ms at each step of an ack. At 1 ms acks stay quick under load
    # (bench/slack_ack.py: ack p99 at 4 at a time); the work itself loses little.
    sys.setswitchinterval(SWITCH_SECONDS)
    return _running(lambda running: _serve(settings, args, running))


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


def _serve(settings: Settings, args: argparse.Namespace, running: contextlib.ExitStack) -> int:
    from bot.app import create_app
    from bot.clock import SystemClock
    from bot.health import Monitor
    from bot.metrics import Metrics
    from bot.platform import kinds, platform_for
    from bot.version import version

    # Before anything starts (no database yet): each platform takes its credentials, and
    # the ports are free.
    # Slack in Socket Mode alone needs no HTTP port (only --health-port, when asked).
    options = _options(settings, args)
    needs_port = settings.platforms != ("slack",) or not options["slack"]["socket_mode"]
    if not _ready(*(partial(kind.check, settings) for kind in kinds(settings)),
                  lambda: _ports_free(args, main=needs_port)):  # fmt: skip
        return 2
    app = create_app(settings, SystemClock())
    running.callback(app.close)
    if not _writable(app):
        return 2
    metrics = Metrics(app.db, app.core.clock)
    platforms = platform_for(settings, app.core, metrics, options=options)
    running.callback(platforms.close)
    if not _ready(*(platform.connect for platform in platforms.all)):
        return 2
    running.callback(app.core.leave)
    app.core.observer = metrics
    monitor = Monitor(app.db, metrics, platform=platforms.connected, version=version())
    server = None
    if any(p.wsgi() is not None for p in platforms.all):
        server = _listen(partial(platforms.serve, monitor), args.host, args.port)
        if server is None:
            return 2
    if not _health_port(monitor, args, running):
        return 2
    # Health watches the sweeper from here on: 503 until it runs.
    sweeper = _sweeper(app, platforms.deliver, monitor, metrics, running)
    base_url = f"http://localhost:{server.server_port if server else args.port}"
    for platform in platforms.all:
        platform.start(base_url)
        log.info("%s: %s", platform.name, platform.connected()[1])
    sweeper.start()
    if server is None:
        log.info("serving (no HTTP endpoint needed); stop with Ctrl-C or SIGTERM")
        threading.Event().wait()
        return 0
    running.callback(server.shutdown)
    paths = ", ".join(f"/{name}/…" for name in platforms.mounted)
    log.info("HTTP on %s:%s: %s", args.host, server.server_port, paths)
    server.serve_forever()
    return 0


def _options(settings: Settings, args: argparse.Namespace) -> dict[str, dict[str, Any]]:
    """`--http` serves Slack's HTTP Events API even with an app-level token."""
    return {"slack": {"socket_mode": bool(settings.slack_app_token) and not args.http}}


def _health_port(monitor: Monitor, args: argparse.Namespace, running: contextlib.ExitStack) -> bool:
    """`--health-port`: /health and /metrics on a port of their own (Socket Mode has no
    other; with HTTP it keeps /metrics off the port the platform reaches)."""
    if args.health_port is None:
        return True
    from bot import http_server

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
    """The sweeper (not started yet), watched by the health check, its sweeps timed for
    metrics, stopped with the rest."""
    from bot.scheduler import Sweeper

    sweeper = Sweeper(app.core, deliver, app.settings.sweep_seconds,
                      timed=metrics.sweep_seconds.observe)  # fmt: skip
    running.callback(sweeper.stop)
    monitor.sweeper = sweeper
    return sweeper


def deliverer(settings: Settings, core: Core) -> tuple[Deliver, Callable[[], None]]:
    """How `tick` sends on the configured chat platforms, and how to close them afterwards.
    Raises NotReady when a platform refuses the credentials."""
    from bot.metrics import Metrics
    from bot.platform import platform_for

    options = {"slack": {"socket_mode": False}}
    platforms = platform_for(settings, core, Metrics(core.db, core.clock), options=options)
    try:
        for platform in platforms.all:
            platform.connect()
    except Exception:
        platforms.close()
        raise
    return platforms.deliver, platforms.close
