"""The command line's data commands: migrate, demo, export and import, backup, the audit
log, tick, reminders, agenda files and the bottleneck export."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO
from zoneinfo import ZoneInfo

from bot.cli.common import CONSOLE_OPERATOR, Commands, add_audience, clock_for, member_for, moment

if TYPE_CHECKING:
    from bot.config import Settings
    from handlers.core import Core

log = logging.getLogger("bot")


def register(commands: Commands) -> None:
    commands.add_parser("migrate", help="bring the database schema up to date").set_defaults(
        handler=migrate_schema
    )

    demo_ = commands.add_parser("demo", help="load the demo data set (an empty database only)")
    demo_.add_argument("--now", type=moment, help="the moment the demo data is relative to")
    demo_.set_defaults(handler=demo)

    export_ = commands.add_parser("export", help="write all data as JSON")
    export_.add_argument("--out", type=Path, help="file to write (default: standard output)")
    export_.set_defaults(handler=export)

    restore_ = commands.add_parser("import", help="restore a JSON export into an empty database")
    restore_.add_argument("file", type=Path,
                          help="the export file (of this or any earlier schema)")  # fmt: skip
    restore_.set_defaults(handler=restore)

    backup_ = commands.add_parser(
        "backup", help="an online copy of the database, checked and rotated"
    )
    backup_.add_argument("--out", type=Path, help="folder for the copies (default: backups/ "
                         "beside the database)")  # fmt: skip
    backup_.add_argument("--keep", type=int, default=14,
                         help="how many copies to keep (default 14)")  # fmt: skip
    backup_.set_defaults(handler=backup_copy)

    audit_ = commands.add_parser(
        "audit", help="the audit log: who changed what, when (oldest first)"
    )
    audit_.add_argument("--since", type=moment, help="only entries from this ISO date(-time)")
    audit_.add_argument("--format", choices=("text", "csv"), default="text")
    audit_.add_argument("--out", type=Path, help="file to write (default: standard output)")
    audit_.set_defaults(handler=audit_log)

    tick_ = commands.add_parser("tick", help="run every scheduled job once and send what is due")
    tick_.add_argument("--now", type=moment, help="run as if it were this ISO date-time")
    tick_.add_argument("--force", action="store_true",
                       help="send even while a running bot sweeps this database")  # fmt: skip
    tick_.set_defaults(handler=tick_any)

    planned = commands.add_parser("reminders", help="list the reminders still to be sent")
    planned.add_argument("--until", type=moment, help="only those due up to this ISO date-time")
    planned.set_defaults(handler=list_reminders)

    action_cli = commands.add_parser("actions", help="actions: a member's agenda file")
    action_commands = action_cli.add_subparsers(dest="action_command", required=True)
    ical = action_commands.add_parser("ical", help="a member's open actions as an iCalendar file")
    ical.add_argument("--as", dest="user", required=True, help="the member's chat user id")
    ical.add_argument("--out", type=Path, help="file to write (default: standard output)")
    ical.set_defaults(handler=actions_ical)

    bottleneck_cli = commands.add_parser(
        "knelpunten", help="bottlenecks: export for national escalation"
    )
    bottleneck_commands = bottleneck_cli.add_subparsers(dest="bottleneck_command", required=True)
    export_bottlenecks_ = bottleneck_commands.add_parser(
        "export", help="write the bottlenecks an audience may see as Markdown or CSV"
    )
    export_bottlenecks_.add_argument("--format", choices=("md", "csv", "xlsx"), default="md")
    export_bottlenecks_.add_argument("--out", type=Path, help="file to write (default: stdout)")
    add_audience(export_bottlenecks_)
    export_bottlenecks_.set_defaults(handler=export_bottlenecks)


def migrate_schema(settings: Settings, _args: argparse.Namespace) -> int:
    from bot.app import create_app
    from bot.clock import SystemClock
    from storage import migrate

    app = create_app(settings, SystemClock())
    try:
        print(f"Database at revision {migrate.current_revision(app.db.engine)}")
    finally:
        app.close()
    return 0


def placeholders(settings: Settings) -> frozenset[str]:
    """Who a first start makes a member of itself: the console's operator, BOT_ADMINS."""
    return settings.admins | {CONSOLE_OPERATOR}


def demo(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import create_app
    from bot.demo.load import DemoRefused, load_demo

    clock = clock_for(settings, args.now)
    app = create_app(settings, clock)
    try:
        counts = load_demo(app.db, clock.now(), placeholders(settings))
    except DemoRefused as error:
        print(f"Demo not loaded: {error}", file=sys.stderr)
        return 1
    finally:
        app.close()
    print(", ".join(f"{n} {what}" for what, n in counts.items()) + " loaded.")
    return 0


def export(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import create_app
    from bot.clock import SystemClock
    from storage import backup, migrate
    from storage.files import write_private

    app = create_app(settings, SystemClock())
    try:
        with app.db.read() as session:
            data = backup.export_data(
                session, migrate.current_revision(app.db.engine), SystemClock().now()
            )
    finally:
        app.close()
    if args.out:
        write_private(args.out, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        print(f"Exported to {args.out}", file=sys.stderr)
    else:
        write_json(data, sys.stdout)
    return 0


def tick_any(settings: Settings, args: argparse.Namespace) -> int:
    """`tick` sends through the configured platforms (Slack, Mattermost) or prints it."""
    if not settings.platforms:
        return tick(settings, args)
    from bot.app import create_app
    from bot.cli.serve import deliverer
    from bot.preflight import NotReady
    from bot.scheduler import sweep

    app = create_app(settings, clock_for(settings, args.now))
    if not _may_sweep(app.core, args.force):
        app.close()
        return 2
    try:
        deliver, close = deliverer(settings, app.core)
    except NotReady as error:
        print(error, file=sys.stderr)
        app.core.leave()
        app.close()
        return 2
    try:
        sent = sweep(app.core, deliver, until_done=True)  # everything due, batch after batch
    finally:
        close()
        app.core.leave()
        app.close()
    print(f"{sent} message(s) sent.", file=sys.stderr)
    return 0


def _may_sweep(core: Core, force: bool) -> bool:
    """`tick` sweeps only when no running bot does (or when told to: `--force`)."""
    from bot.scheduler import describe

    core.beat("tick")
    if core.hold_sweep() or force:
        return True
    print(f"Not sent: {describe(core.sweeper())} sends the reminders, digests and notices "
          "of this database. Stop it first, or add --force.", file=sys.stderr)  # fmt: skip
    core.leave()
    return False


def tick(settings: Settings, args: argparse.Namespace) -> int:
    """Run the scheduled jobs once, as at `--now`; the console prints what it would send."""
    from bot.app import create_app
    from bot.console import Console
    from bot.scheduler import sweep

    app = create_app(settings, clock_for(settings, args.now))
    if not _may_sweep(app.core, args.force):
        app.close()
        return 2
    try:
        console = Console(app.core, sys.stdout, CONSOLE_OPERATOR, settings.language)
        sent = sweep(app.core, console.deliver, until_done=True)
    finally:
        app.core.leave()
        app.close()
    print(f"{sent} message(s) sent.", file=sys.stderr)
    return 0


def list_reminders(settings: Settings, args: argparse.Namespace) -> int:
    """Planned reminders, in the install's time zone, one line each."""
    from bot.app import create_app
    from bot.clock import SystemClock
    from storage import actions, members, reminders

    app = create_app(settings, SystemClock())
    zone = ZoneInfo(settings.timezone)
    until = args.until.replace(tzinfo=args.until.tzinfo or zone) if args.until else None
    try:
        with app.db.read() as session:
            found = reminders.planned(session, until)
            by_action = {a.id: a for a in actions.views(session, [r.action_id for r in found])}
            people = members.members_by_ids(session, [r.recipient_id or -1 for r in found])
    finally:
        app.close()
    for r in found:
        action = by_action.get(r.action_id)
        person = people.get(r.recipient_id or -1)
        # When the recipient reads it: in their own zone, named.
        theirs = ZoneInfo(person.timezone) if person and person.timezone else zone
        print(
            f"{r.due_at.astimezone(theirs):%Y-%m-%d %H:%M} {theirs.key:<16} {r.kind:<9} "
            f"{r.state:<8} #{r.action_id} {action.title if action else '?'}  → "
            f"{person.platform_user_id if person else '?'}"
        )
    print(f"{len(found)} reminder(s) planned.", file=sys.stderr)
    return 0


def actions_ical(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import create_app
    from bot.clock import SystemClock
    from handlers.actions.ical import member_calendar
    from handlers.notices import Writer, reader
    from storage.files import write_private

    app = create_app(settings, SystemClock())
    try:
        with app.db.read() as session:
            member = member_for(settings, session, args.user)
        if member is None:
            print(f"No member {args.user!r}.", file=sys.stderr)
            return 1
        words = Writer.for_member(member, settings.core())
        file, mine = member_calendar(app.db, reader(member), member.id, words, SystemClock().now())
    finally:
        app.close()
    document = file.text
    if args.out:
        write_private(args.out, document)
        print(f"{len(mine)} action(s) written to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(document)
    return 0


def export_bottlenecks(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import create_app
    from bot.clock import SystemClock
    from handlers.bottlenecks import export as bottleneck_export
    from handlers.notices import Writer
    from storage import bottlenecks, members
    from storage.files import write_private
    from storage.tlp import Audience

    app = create_app(settings, SystemClock())
    now = SystemClock().now()
    words = Writer.for_install(settings.core())
    try:
        with app.db.read() as session:
            found = bottlenecks.details(session, Audience.group(args.audience))
            names = members.names_by_user_id(session)
    finally:
        app.close()
    document: str | bytes
    if args.format == "csv":
        document = bottleneck_export.export_csv(words, found, names)
    elif args.format == "xlsx":
        document = bottleneck_export.export_xlsx(words, found, names)
    else:
        document = bottleneck_export.export_markdown(words, found, now)
    if args.out:
        write_private(args.out, document)
        print(
            f"{len(found)} bottleneck(s) up to {args.audience.value} written to {args.out}",
            file=sys.stderr,
        )
    elif isinstance(document, bytes):
        print("An Excel workbook needs --out FILE.", file=sys.stderr)
        return 2
    else:
        sys.stdout.write(document)
    return 0


def write_json(data: object, handle: TextIO) -> None:
    json.dump(data, handle, ensure_ascii=False, indent=1)
    handle.write("\n")


def restore(settings: Settings, args: argparse.Namespace) -> int:
    """Restore an export into a fresh database; one of an earlier schema is migrated first."""
    from bot.app import create_app
    from bot.clock import SystemClock
    from storage import backup, migrate

    try:
        data = json.loads(args.file.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as error:
        print(f"Cannot read {args.file}: {error}", file=sys.stderr)
        return 1
    app = create_app(settings, SystemClock())
    try:
        revision = migrate.current_revision(app.db.engine)
        theirs = data.get("schema_revision")
        if data.get("format") == backup.FORMAT and theirs != revision:
            log.info("the export is from schema %s: migrating it to %s first", theirs, revision)
            data = backup.upgrade_export(data, SystemClock().now())
        with app.db.write() as session:
            counts = backup.import_data(session, data, revision, placeholders(settings))
    except backup.ImportRefused as error:
        print(f"Import refused: {error}", file=sys.stderr)
        return 1
    finally:
        app.close()
    print(f"Imported {sum(counts.values())} rows from {args.file} (schema {theirs}"
          + (f", migrated to {revision})" if theirs != revision else ")"))  # fmt: skip
    return 0


def backup_copy(settings: Settings, args: argparse.Namespace) -> int:
    """`ciso-bot backup`: an online copy, checked, in a folder that keeps the newest N."""
    from bot.clock import SystemClock
    from storage import snapshot

    source = settings.database_path
    if source is None and settings.database_url.startswith("postgresql"):
        print("`ciso-bot backup` copies a SQLite file; back PostgreSQL up with its own tools "
              "(pg_dump -Fc, or your provider's backups; README: Growing beyond one server).",
              file=sys.stderr)  # fmt: skip
        return 1
    if source is None or not source.exists():
        print(f"No database file to back up at {source or settings.safe_database_url}.",
              file=sys.stderr)  # fmt: skip
        return 1
    if args.keep < 1:
        print("--keep is at least 1.", file=sys.stderr)
        return 2
    folder = args.out or source.parent / "backups"
    try:
        made = snapshot.take(source, folder, SystemClock().now())
        removed = snapshot.rotate(folder, args.keep)
    except snapshot.BackupFailed as error:
        print(f"Backup failed: {error}", file=sys.stderr)
        return 1
    print(f"Backup {made.path} ({made.size / 1e6:.1f} MB, schema {made.revision}, "
          f"integrity ok) in {made.seconds:.1f} s; {len(removed)} older copy(ies) removed, "
          f"{args.keep} kept at most.")  # fmt: skip
    return 0


def audit_log(settings: Settings, args: argparse.Namespace) -> int:
    """`ciso-bot audit`: the whole audit log, oldest first, as text or CSV."""
    from bot.app import create_app
    from bot.clock import SystemClock
    from handlers.logbook import audit_csv, audit_text
    from storage import audit
    from storage.files import write_private

    zone = ZoneInfo(settings.timezone)
    since = args.since.replace(tzinfo=args.since.tzinfo or zone) if args.since else None
    app = create_app(settings, SystemClock())
    try:
        with app.db.read() as session:
            found = audit.entries(session, since=since, oldest_first=True)
    finally:
        app.close()
    document = audit_csv(found, zone) if args.format == "csv" else audit_text(found, zone)
    if args.out:
        write_private(args.out, document)
        print(f"{len(found)} audit entries written to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(document)
    return 0
