"""The `ciso-bot` command line. The only place that reads the environment and `.env`.

Only the argument parser is loaded at start, so that `--help` and `--version` answer at
once; each command imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli.common import CONSOLE_OPERATOR, clock_for
from bot.version import version

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.console import Console
    from storage.tlp import TLP

log = logging.getLogger("bot")


def _moment(text: str) -> datetime:
    """`--now` as an aware datetime; a time without zone is read in BOT_TIMEZONE later."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date-time: {text!r}") from None


class _Version(argparse.Action):
    """`--version`, read from the installed package only when asked (importlib.metadata
    costs 30 ms, which every other command would pay)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        print(f"{parser.prog} {version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ciso-bot",
        description="Chat bot for the CISO network: knowledge base, bottlenecks, actions, digest.",
    )
    parser.add_argument(
        "--env-file",
        help="settings file to read (default: .env in this folder or the nearest above it)",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and stop")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser(
        "run", help="start the bot on the configured platform (the console when none)"
    )
    run.add_argument("--as", dest="user", help="console user id when no platform is configured")
    run.add_argument(
        "--http",
        action="store_true",
        help="Slack: serve the HTTP Events API even with an app token",
    )
    run.add_argument("--port", type=int, default=3000, help="HTTP port (default 3000)")
    run.add_argument("--host", default="0.0.0.0", help="HTTP address (default all interfaces)")
    run.add_argument(
        "--health-port",
        type=int,
        help="Slack Socket Mode: serve /health and /metrics on this port (default: none)",
    )
    run.add_argument(
        "--console",
        action="store_true",
        help="start the console even without a terminal (no chat platform configured)",
    )

    sub.add_parser(
        "check", help="check the configuration, the database and the chat platform, then stop"
    )

    console = sub.add_parser("console", help="talk to the bot on standard input and output")
    console.add_argument("--as", dest="user", help="the chat user id to act as")
    console.add_argument("--now", type=_moment, help="run with the clock set to this ISO date-time")
    console.add_argument("--channel", default="algemeen", help="channel to talk in (default)")

    sub.add_parser("migrate", help="bring the database schema up to date")

    demo = sub.add_parser("demo", help="load the demo data set (an empty database only)")
    demo.add_argument("--now", type=_moment, help="the moment the demo data is relative to")

    export = sub.add_parser("export", help="write all data as JSON")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")

    restore = sub.add_parser("import", help="restore a JSON export into an empty database")
    restore.add_argument("file", type=Path, help="the export file (of this or any earlier schema)")

    backup = sub.add_parser("backup", help="an online copy of the database, checked and rotated")
    backup.add_argument("--out", type=Path, help="folder for the copies (default: backups/ "
                        "beside the database)")  # fmt: skip
    backup.add_argument("--keep", type=int, default=14,
                        help="how many copies to keep (default 14)")  # fmt: skip

    audit = sub.add_parser("audit", help="the audit log: who changed what, when (oldest first)")
    audit.add_argument("--since", type=_moment, help="only entries from this ISO date(-time)")
    audit.add_argument("--format", choices=("text", "csv"), default="text")
    audit.add_argument("--out", type=Path, help="file to write (default: standard output)")

    mattermost = sub.add_parser("mattermost", help="Mattermost: set up the slash commands")
    mattermost_sub = mattermost.add_subparsers(dest="mattermost_command", required=True)
    setup = mattermost_sub.add_parser(
        "setup", help="create or update /kennis, /knelpunt, /actie and /ciso in a team"
    )
    setup.add_argument("--team", required=True, help="the team's name (as in its address)")

    tick = sub.add_parser("tick", help="run every scheduled job once and send what is due")
    tick.add_argument("--now", type=_moment, help="run as if it were this ISO date-time")
    tick.add_argument("--force", action="store_true",
                      help="send even while a running bot sweeps this database")  # fmt: skip

    planned = sub.add_parser("reminders", help="list the reminders still to be sent")
    planned.add_argument("--until", type=_moment, help="only those due up to this ISO date-time")

    action_cli = sub.add_parser("actions", help="actions: a member's agenda file")
    action_sub = action_cli.add_subparsers(dest="action_command", required=True)
    ical = action_sub.add_parser("ical", help="a member's open actions as an iCalendar file")
    ical.add_argument("--as", dest="user", required=True, help="the member's chat user id")
    ical.add_argument("--out", type=Path, help="file to write (default: standard output)")

    bottlenecks = sub.add_parser("knelpunten", help="bottlenecks: export for national escalation")
    bottleneck_sub = bottlenecks.add_subparsers(dest="bottleneck_command", required=True)
    export_bottlenecks = bottleneck_sub.add_parser(
        "export", help="write the bottlenecks an audience may see as Markdown or CSV"
    )
    export_bottlenecks.add_argument("--format", choices=("md", "csv", "xlsx"), default="md")
    export_bottlenecks.add_argument("--out", type=Path, help="file to write (default: stdout)")
    export_bottlenecks.add_argument(
        "--audience",
        type=_audience,
        default="tlp:green",
        help="the strictest label the readers may see: tlp:clear, tlp:green (default), tlp:amber",
    )

    digest = sub.add_parser("digest", help="print a member's weekly digest")
    digest.add_argument("--as", dest="user", required=True, help="the member's chat user id")
    digest.add_argument(
        "--week", help="the digest of this ISO week (2027-W10); else the last 7 days"
    )
    digest.add_argument("--now", type=_moment, help="as if it were this ISO date-time")

    rapport = sub.add_parser("rapport", help="write the progress report for the regional board")
    rapport.add_argument(
        "--period", help="Q1 2027, maart 2027, 2027 or two dates (default: this quarter)"
    )
    rapport.add_argument("--out", type=Path, required=True,
                         help="directory for the documents and the chart (.png)")  # fmt: skip
    rapport.add_argument("--format", choices=["md", "docx", "pdf"], action="append",
                         help="md, docx or pdf; repeat for more (default: all three)")  # fmt: skip
    rapport.add_argument(
        "--audience",
        type=_audience,
        default="tlp:green",
        help="the strictest label the readers may see: tlp:clear, tlp:green (default), tlp:amber",
    )
    rapport.add_argument("--now", type=_moment, help="as if it were this ISO date-time")
    return parser


def _audience(text: str) -> TLP:
    from storage.tlp import TLP

    label = TLP.parse(text if ":" in text else f"tlp:{text}")
    if label not in (TLP.CLEAR, TLP.GREEN, TLP.AMBER):
        raise argparse.ArgumentTypeError(
            f"{text!r}: an export audience is tlp:clear, tlp:green or tlp:amber"
        )
    return label


# Each command's function, imported only when it runs.
COMMANDS = {
    "run": "bot.cli.main:run",
    "console": "bot.cli.main:console",
    "check": "bot.preflight:check",
    "migrate": "bot.cli.main:migrate",
    "demo": "bot.cli.tools:demo",
    "export": "bot.cli.tools:export",
    "import": "bot.cli.tools:restore",
    "backup": "bot.cli.tools:backup_copy",
    "tick": "bot.cli.tools:tick_any",
    "knelpunten": "bot.cli.tools:export_bottlenecks",
    "reminders": "bot.cli.tools:list_reminders",
    "actions": "bot.cli.tools:actions_ical",
    "digest": "bot.cli.reports:show_digest",
    "rapport": "bot.cli.reports:write_report",
    "mattermost": "bot.mattermost.setup:setup",
    "audit": "bot.cli.tools:audit_log",
}
Command = Callable[["Settings", argparse.Namespace], int]


def command(name: str) -> Command:
    module, function = COMMANDS[name].split(":")
    found: Command = getattr(importlib.import_module(module), function)
    return found


def env_file(given: str | None) -> Path | None:
    """The settings file: the one given, else `.env` here or in the nearest folder above."""
    if given:
        return Path(given)
    from dotenv import find_dotenv

    found = find_dotenv(".env", usecwd=True)
    return Path(found) if found else None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from dotenv import load_dotenv

    from bot import logs
    from bot.config import ConfigError, load_settings

    settings_file = env_file(args.env_file)
    if settings_file is not None:
        load_dotenv(settings_file, override=False)
    # Relative paths in the settings are read from the settings file's folder.
    base = settings_file.resolve().parent if settings_file and settings_file.exists() else None
    try:
        settings = load_settings(os.environ, base)
    except ConfigError as error:
        print(f"Configuratiefout / configuration error: {error}", file=sys.stderr)
        return 2
    logs.configure(settings.log_level, settings.secrets, settings.log_format)
    for warning in settings.warnings:
        log.warning("%s", warning)
    args.env_path = settings_file if settings_file and settings_file.exists() else None
    return command(args.command)(settings, args)


NO_PLATFORM = (
    "No chat platform is configured, and without a terminal there is no console to start. "
    "Set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) for Slack, or "
    "MATTERMOST_URL, MATTERMOST_TOKEN and MATTERMOST_COMMAND_TOKENS for Mattermost "
    "(in {where}); `ciso-bot check` shows what is read. To script the console: "
    "`ciso-bot console`, or `run --console`."
)


def run(settings: Settings, args: argparse.Namespace) -> int:
    if settings.platforms:
        from bot.cli import serve

        return serve.run(settings, args)
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


def migrate(settings: Settings, _args: argparse.Namespace) -> int:
    from bot.app import create_app
    from bot.clock import SystemClock
    from storage import migrate as migrations

    app = create_app(settings, SystemClock())
    try:
        print(f"Database at revision {migrations.current_revision(app.db.engine)}")
    finally:
        app.close()
    return 0
