"""Reading a report period as people write it: `Q1 2027`, `maart 2027`, `2027`, or two dates.

A quarter is the usual unit for the regional board; without a period the report
covers the current quarter up to today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from handlers.messages import UserError

QUARTER_WORDS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4}
QUARTER_WORDS |= {"first": 1, "second": 2, "third": 3, "fourth": 4}
MONTHS = {
    **{m: i + 1 for i, m in enumerate("januari februari maart april mei juni juli".split())},
    **{m: i + 8 for i, m in enumerate("augustus september oktober november december".split())},
    **{m: i + 1 for i, m in enumerate("january february march april may june july".split())},
    **{m: i + 8 for i, m in enumerate("august september october november december".split())},
}
LONGEST = timedelta(days=3 * 366)

_QUARTER = (
    r"(?:q\s*(?P<q1>[1-4])|(?P<q2>[1-4])\s*(?:e|de|ste|st|nd|rd|th)?\s*(?:kwartaal|quarter)"
    r"|(?:kwartaal|quarter)\s*(?P<q3>[1-4])|(?P<qw>eerste|tweede|derde|vierde|first|second|"
    r"third|fourth)\s+(?:kwartaal|quarter))"
)
QUARTER_YEAR = re.compile(rf"{_QUARTER}\s*[-/ ]?\s*(?P<year>\d{{4}})")
YEAR_QUARTER = re.compile(r"(?P<year>\d{4})\s*[-/ ]?\s*q\s*(?P<q1>[1-4])")
MONTH_YEAR = re.compile(r"(?P<month>[a-z]+)\s+(?P<year>\d{4})")
ISO_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})")
YEAR = re.compile(r"(?P<year>\d{4})")
RANGE = re.compile(r"\s*(?:\.\.|t/m|tot en met|tot|until|to|through|–|—|\s-\s)\s*")


@dataclass(frozen=True)
class ReportPeriod:
    first: date  # the first day
    last: date  # the last day (included)
    name: str  # how the report names it: `Q1 2027`, `maart 2027`, `2027` or two dates
    file_part: str  # for file names: `q1-2027`
    months: int = 0  # 3 for a quarter, 1 for a month, 12 for a year; 0 for two dates

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def following(self) -> tuple[date, date]:
        """The period after this one, of the same kind (the next quarter, month, year)."""
        first = self.last + timedelta(days=1)
        if not self.months:
            return first, self.last + timedelta(days=self.days)
        month = first.month + self.months - 1
        return first, _month_end(first.year + (month - 1) // 12, (month - 1) % 12 + 1)


def quarter(year: int, number: int) -> ReportPeriod:
    first = date(year, 3 * number - 2, 1)
    last = _month_end(year, 3 * number)
    return ReportPeriod(first, last, f"Q{number} {year}", f"q{number}-{year}", 3)


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def current_quarter(today: date) -> ReportPeriod:
    return quarter(today.year, (today.month - 1) // 3 + 1)


def parse_period(text: str, today: date, language: str, month_names: list[str]) -> ReportPeriod:
    """The period `text` names, or UserError("report.*") saying what is wrong."""
    cleaned = " ".join(text.lower().split())
    if not cleaned:
        return current_quarter(today)
    found = _named(cleaned, month_names) or _between(cleaned, language)
    if found is None:
        raise UserError("report.bad_period", text=text[:60])
    if found.last < found.first:
        raise UserError("report.reversed_period")
    if found.first > today:
        raise UserError("report.future_period", period=found.name)
    if found.last - found.first > LONGEST:
        raise UserError("report.long_period")
    return found


def _named(text: str, month_names: list[str]) -> ReportPeriod | None:
    for pattern in (QUARTER_YEAR, YEAR_QUARTER):
        match = pattern.fullmatch(text)
        if match:
            groups = match.groupdict()
            word = groups.get("qw")
            number = (
                QUARTER_WORDS[word]
                if word
                else int(next(groups[g] for g in ("q1", "q2", "q3") if groups.get(g)))
            )
            return quarter(int(groups["year"]), number)
    match = MONTH_YEAR.fullmatch(text)
    if match and match.group("month") in MONTHS:
        return _month(int(match.group("year")), MONTHS[match.group("month")], month_names)
    match = ISO_MONTH.fullmatch(text)
    if match and 1 <= int(match.group("month")) <= 12:
        return _month(int(match.group("year")), int(match.group("month")), month_names)
    match = YEAR.fullmatch(text)
    if match and 2000 <= int(match.group("year")) <= 2100:
        year = int(match.group("year"))
        return ReportPeriod(date(year, 1, 1), date(year, 12, 31), str(year), str(year), 12)
    return None


def _month(year: int, month: int, month_names: list[str]) -> ReportPeriod | None:
    if not 2000 <= year <= 2100:
        return None
    name = f"{month_names[month - 1]} {year}"
    return ReportPeriod(
        date(year, month, 1), _month_end(year, month), name, f"{year}-{month:02d}", 1
    )


def _between(text: str, language: str) -> ReportPeriod | None:
    parts = RANGE.split(text.removeprefix("van ").removeprefix("from "), maxsplit=1)
    if len(parts) != 2:
        return None
    first, last = (_date(p, language) for p in parts)
    if first is None or last is None:
        return None
    return ReportPeriod(
        first, last, f"{first:%d-%m-%Y} – {last:%d-%m-%Y}", f"{first:%Y%m%d}-{last:%Y%m%d}"
    )


def _date(text: str, language: str) -> date | None:
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    if not re.search(r"\d{4}", text) or len(text) > 40:
        return None  # a date without a year is too vague for a report
    import dateparser  # about 70 ms: loaded when a report's period needs it

    found = dateparser.parse(
        text,
        languages=[language, "nl", "en"] if language != "nl" else ["nl", "en"],
        settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"},
    )
    return found.date() if found else None
