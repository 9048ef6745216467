"""The command line's reading commands: a member's digest, the RBO progress report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.cli.common import Commands, add_audience, clock_for, member_for, moment

if TYPE_CHECKING:
    from bot.config import Settings


def register(commands: Commands) -> None:
    digest_ = commands.add_parser("digest", help="print a member's weekly digest")
    digest_.add_argument("--as", dest="user", required=True, help="the member's chat user id")
    digest_.add_argument(
        "--week", help="the digest of this ISO week (2027-W10); else the last 7 days"
    )
    digest_.add_argument("--now", type=moment, help="as if it were this ISO date-time")
    digest_.set_defaults(handler=show_digest)

    rapport = commands.add_parser(
        "rapport", help="write the progress report for the regional board"
    )
    rapport.add_argument(
        "--period", help="Q1 2027, maart 2027, 2027 or two dates (default: this quarter)"
    )
    rapport.add_argument("--out", type=Path, required=True,
                         help="directory for the documents and the chart (.png)")  # fmt: skip
    rapport.add_argument("--format", choices=["md", "docx", "pdf"], action="append",
                         help="md, docx or pdf; repeat for more (default: all three)")  # fmt: skip
    add_audience(rapport)
    rapport.add_argument("--now", type=moment, help="as if it were this ISO date-time")
    rapport.set_defaults(handler=write_report)


def show_digest(settings: Settings, args: argparse.Namespace) -> int:
    """Print a member's digest: as it was sent in a week (covering the ISO week before),
    or of the past seven days."""
    from bot.app import create_app
    from bot.console import render
    from bot.digest_schedule import parse_week
    from handlers.reporting import digest

    core = settings.core()
    now = clock_for(settings, args.now).now()
    if args.week:
        try:
            year, week = parse_week(args.week)
        except ValueError as error:
            print(str(error), file=sys.stderr)
            return 2
        monday = now.fromisocalendar(year, week, 1).date()
        schedule = core.digest_schedule
        end = schedule.first_in_week(monday) if schedule else None
        if end is None:
            print(f"DIGEST_CRON has no moment in {args.week}.", file=sys.stderr)
            return 2
        now = max(now, end) if end > now else now
        covered = digest.covered_week(end, ZoneInfo(core.timezone))
    else:
        covered = digest.last_week(now)
    app = create_app(settings, clock_for(settings, now))
    try:
        with app.db.read() as session:
            member = member_for(settings, session, args.user)
        if member is None or not member.active:
            print(f"No active member {args.user!r}.", file=sys.stderr)
            return 1
        found = digest.digest_for(app.db, core, member, covered, now)
    finally:
        app.close()
    sys.stdout.write(render(found) + "\n")
    return 0


def write_report(settings: Settings, args: argparse.Namespace) -> int:
    """Write the report of a period for an audience: a Markdown file and its chart."""
    from bot.app import create_app
    from handlers.i18n import translate
    from handlers.messages import UserError
    from handlers.notices import Writer
    from handlers.reporting import documents, report
    from handlers.reporting.period import parse_period
    from storage.files import private_folder, write_private
    from storage.tlp import Audience

    core = settings.core()
    now = clock_for(settings, args.now).now()
    words = Writer.for_install(core)
    zone = ZoneInfo(settings.timezone)
    try:
        period = parse_period(
            args.period or "", now.astimezone(zone).date(), words.language,
            words.t("date.months").split(),
        )  # fmt: skip
    except UserError as error:
        print(translate("en", error.key, **error.params), file=sys.stderr)
        return 2
    app = create_app(settings, clock_for(settings, now))
    try:
        found = report.build(app.db, words, Audience.group(args.audience), period, now, zone)
    finally:
        app.close()
    private_folder(args.out)
    formats = tuple(args.format or ("md", "docx", "pdf"))
    title = words.t("report.title", period=period.name)
    written = []
    for name, content, _kind in documents.as_files(found.name, found.markdown, found.tlp, title,
                                                   found.chart, formats):  # fmt: skip
        write_private(args.out / name, content)
        written.append(str(args.out / name))
    chart = args.out / f"{found.name}.png"
    write_private(chart, found.chart)
    written.append(str(chart))
    print(f"{period.name} up to {found.tlp.value}: {', '.join(written)}", file=sys.stderr)
    return 0
