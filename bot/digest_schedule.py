"""When the weekly digest is due: a cron expression, read as cron reads it, in one zone.

APScheduler's `CronTrigger` does the calendar arithmetic (months, DST). One thing
differs from cron: APScheduler counts weekdays from Monday = 0, cron from Sunday =
0 (and 7). Numeric weekdays are therefore turned into names first, so that `0 8 * *
1` means Monday here as it does in every crontab.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

DEFAULT_CRON = "0 8 * * mon"
_CRON_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
_NUMBER = re.compile(r"(?<![/\d])\d+")


def _weekday_names(field: str) -> str:
    def name(match: re.Match[str]) -> str:
        number = int(match.group(0))
        if number > 7:
            raise ValueError(f"day of week {number} is not 0–7")
        return _CRON_DAYS[number]

    return _NUMBER.sub(name, field)


def parse_cron(expression: str, zone: ZoneInfo) -> CronTrigger:
    """A trigger for a five-field cron expression, or ValueError saying what is wrong."""
    fields = expression.split()
    if len(fields) != 5:
        raise ValueError("a cron expression has five fields: minute hour day month weekday")
    fields[4] = _weekday_names(fields[4])
    return CronTrigger.from_crontab(" ".join(fields), timezone=zone)


class DigestSchedule:
    """The moments the digest falls due; a week's digest is its first moment in that week."""

    def __init__(self, expression: str, zone: ZoneInfo) -> None:
        self.zone = zone
        self.trigger = parse_cron(expression, zone)

    def _week_start(self, day: date) -> datetime:
        monday = day - timedelta(days=day.weekday())
        return datetime.combine(monday, time(0), tzinfo=self.zone)

    def first_in_week(self, day: date) -> datetime | None:
        """The week's due moment (the week holding `day`), if the expression has one."""
        start = self._week_start(day)
        moment: datetime | None = self.trigger.get_next_fire_time(None, start)
        if moment is None or moment >= start + timedelta(days=7):
            return None
        return moment

    def due(self, now: datetime) -> datetime | None:
        """The latest week's due moment at or before `now`: this week's, else last week's.

        Last week's counts only until this week's falls due, so a digest missed in
        downtime is caught up once, not after the next one has come.
        """
        today = now.astimezone(self.zone).date()
        for day in (today, today - timedelta(days=7)):
            moment = self.first_in_week(day)
            if moment is not None and moment <= now:
                return moment
        return None

    def next_after(self, now: datetime) -> datetime | None:
        """The next due moment after `now` that starts a new week's digest."""
        moment: datetime | None = self.trigger.get_next_fire_time(None, now + timedelta(seconds=1))
        for _ in range(3):
            if moment is None:
                return None
            if moment == self.first_in_week(moment.date()):
                return moment
            moment = self.first_in_week(moment.date() + timedelta(days=7))
        return moment


def parse_week(text: str) -> tuple[int, int]:
    """`2027-W10` (or `2027W10`, `2027-w10`) as (year, week), or ValueError."""
    match = re.fullmatch(r"\s*(\d{4})-?[Ww](\d{1,2})\s*", text)
    if not match:
        raise ValueError(f"{text!r} is not an ISO week like 2027-W10")
    year, week = int(match.group(1)), int(match.group(2))
    date.fromisocalendar(year, week, 1)  # raises ValueError for week 53 of a 52-week year
    return year, week
