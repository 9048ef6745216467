"""Terms as people write them: `6 weken`, `over 10 werkdagen`, `15 maart 2027`, `2027-03-15`.

Used for the date a national answer is expected. A term must lie in the future; a
phrase that is not understood raises a UserError that says what is accepted.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from handlers.core import UserError

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan", "january"),
            ("februari", "feb", "february"),
            ("maart", "mrt", "mar", "march"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("augustus", "aug", "august"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct", "october"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_UNITS = {
    "dag": "days",
    "dagen": "days",
    "day": "days",
    "days": "days",
    "werkdag": "workdays",
    "werkdagen": "workdays",
    "workday": "workdays",
    "workdays": "workdays",
    "week": "weeks",
    "weken": "weeks",
    "weeks": "weeks",
    "wk": "weeks",
    "maand": "months",
    "maanden": "months",
    "month": "months",
    "months": "months",
}
_NUMBERS = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "twaalf": 12,
}
_RELATIVE = re.compile(r"(?:over|binnen|in|within)?\s*(\d{1,3}|[a-zé]+)\s+([a-z]+)")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?")
_WORDS = re.compile(r"(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?")
MAX_AHEAD_DAYS = 5 * 366


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_workdays(day: date, count: int) -> date:
    """`count` working days (Monday to Friday) after `day`."""
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _relative(text: str, today: date) -> date | None:
    match = _RELATIVE.fullmatch(text)
    if not match:
        return None
    amount_text, unit_text = match.groups()
    amount = int(amount_text) if amount_text.isdigit() else _NUMBERS.get(amount_text)
    unit = _UNITS.get(unit_text)
    if amount is None or unit is None:
        return None
    if unit == "days":
        return today + timedelta(days=amount)
    if unit == "workdays":
        return add_workdays(today, amount)
    if unit == "weeks":
        return today + timedelta(weeks=amount)
    return add_months(today, amount)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _absolute(text: str, today: date) -> date | None:
    if match := _ISO.fullmatch(text):
        return _make(*(int(g) for g in match.groups()))
    day_month_year: tuple[int, int, str | None] | None = None
    if match := _NUMERIC.fullmatch(text):
        day_month_year = (int(match.group(1)), int(match.group(2)), match.group(3))
    elif (match := _WORDS.fullmatch(text)) and match.group(2) in _MONTHS:
        day_month_year = (int(match.group(1)), _MONTHS[match.group(2)], match.group(3))
    if day_month_year is None:
        return None
    day, month, year_text = day_month_year
    if year_text is not None:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        return _make(year, month, day)
    found = _make(today.year, month, day)
    if found is not None and found <= today:
        found = _make(today.year + 1, month, day)
    return found


def parse_term(text: str, today: date) -> date:
    """The date `text` means, counted from `today`; it must be after today."""
    phrase = re.sub(r"\s+", " ", text.strip().lower())
    found = _relative(phrase, today) or _absolute(phrase, today)
    if found is None:
        raise UserError("term.unknown", term=text.strip()[:60])
    if found <= today:
        raise UserError("term.past", term=text.strip()[:60])
    if (found - today).days > MAX_AHEAD_DAYS:
        raise UserError("term.too_far", term=text.strip()[:60])
    return found
