"""Working days: Monday to Friday, without Dutch public holidays (the `holidays` package).

Which holidays count is a setting: municipalities differ on Goede Vrijdag and on
Bevrijdingsdag outside lustrum years, so an install can ignore named holidays and
add days of its own.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

# What `WorkCalendar.day_off` says besides a holiday's name.
WEEKEND = "weekend"
OWN_DAY_OFF = "own"


def _dutch_holidays(year: int) -> dict[date, str]:
    """The Dutch public holidays of `year` (the package is loaded when first needed)."""
    import holidays

    return dict(holidays.country_holidays("NL", years=year, language="nl"))


@dataclass(frozen=True)
class WorkCalendar:
    ignored: frozenset[str] = frozenset()  # holiday names (as the package writes them, nl)
    extra: frozenset[date] = frozenset()  # days off of the install's own
    extra_yearly: frozenset[tuple[int, int]] = frozenset()  # (month, day) every year
    _years: dict[int, frozenset[date]] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def _ignored_folded(self) -> frozenset[str]:
        return frozenset(name.casefold() for name in self.ignored)

    def _holidays(self, year: int) -> frozenset[date]:
        if year not in self._years:
            found = _dutch_holidays(year)
            days = {
                day
                for day, name in found.items()
                if not any(
                    part.strip().casefold() in self._ignored_folded for part in name.split(";")
                )
            }
            days |= {d for d in self.extra if d.year == year}
            days |= {date(year, m, d) for m, d in self.extra_yearly if _exists(year, m, d)}
            self._years[year] = frozenset(days)
        return self._years[year]

    def holiday(self, year: int, name: str) -> date | None:
        """The day in `year` of the public holiday called `name` (as the package names it)."""
        wanted = name.casefold()
        found = _dutch_holidays(year)
        for day, named in sorted(found.items()):
            if wanted in (part.strip().casefold() for part in named.split(";")):
                return day
        return None

    def day_off(self, day: date) -> str | None:
        """Why `day` is no working day: a public holiday's name (as the package writes
        it), WEEKEND, OWN_DAY_OFF (a day off of the install's own), or None."""
        if day in self._holidays(day.year):
            found = _dutch_holidays(day.year).get(day)
            return str(found).split(";")[0] if found else OWN_DAY_OFF
        return WEEKEND if day.weekday() >= 5 else None

    def is_workday(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._holidays(day.year)

    def on_or_before(self, day: date) -> date:
        """`day`, or the working day before it."""
        while not self.is_workday(day):
            day -= timedelta(days=1)
        return day

    def add_workdays(self, day: date, count: int) -> date:
        """The `count`-th working day after `day`."""
        while count > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                count -= 1
        return day

    def last_workday_of_month(self, year: int, month: int) -> date:
        return self.on_or_before(date(year, month, calendar.monthrange(year, month)[1]))


def _exists(year: int, month: int, day: int) -> bool:
    return day <= calendar.monthrange(year, month)[1]
