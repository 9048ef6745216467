"""Deadlines as Dutch people write them, in one place (DESIGN §2.4).

Our own rules read what dateparser gets wrong or does not read at all: quarters
(`eind Q1`, `Q2 2027`, `tweede kwartaal`), month and year ends (`eind maart`),
working days (`over 10 werkdagen`), `volgende week dinsdag`, numbers in words, and
weekday/date conflicts (`vrijdag 15 maart` when the 15th is a Monday). A quarter,
month or year end means its last working day. What is left goes to dateparser
(`vrijdag`, `morgen`, `15 maart`). Vague phrases (`april`, `volgende week`) and dates
in the past are questions back, never a silent guess.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from handlers.core import UserError
from handlers.i18n import format_weekday_date
from handlers.workdays import WorkCalendar

MONTHS = {
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
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("maandag", "ma", "monday", "mon"),
            ("dinsdag", "di", "tuesday", "tue"),
            ("woensdag", "wo", "wednesday", "wed"),
            ("donderdag", "do", "thursday", "thu"),
            ("vrijdag", "vr", "friday", "fri"),
            ("zaterdag", "za", "saturday", "sat"),
            ("zondag", "zo", "sunday", "sun"),
        )
    )
    for name in names
}
NUMBERS = {
    "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13,
    "veertien": 14, "vijftien": 15, "twintig": 20, "dertig": 30,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10,
}  # fmt: skip
ORDINALS = {
    "eerste": 1, "1e": 1, "1ste": 1, "tweede": 2, "2e": 2, "2de": 2, "derde": 3, "3e": 3,
    "3de": 3, "vierde": 4, "4e": 4, "4de": 4, "first": 1, "second": 2, "third": 3, "fourth": 4,
}  # fmt: skip
UNITS = {
    "dag": "days", "dagen": "days", "day": "days", "days": "days",
    "werkdag": "workdays", "werkdagen": "workdays", "workday": "workdays",
    "workdays": "workdays", "week": "weeks", "weken": "weeks", "weeks": "weeks",
    "wk": "weeks", "maand": "months", "maanden": "months", "month": "months",
    "months": "months",
}  # fmt: skip
MAX_AHEAD = timedelta(days=5 * 366)

_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = "(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
_YEAR = r"(?:\s+(\d{4}))?"
_END = r"(?:eind|einde|eind van|end of|end)\s+"
_QUARTER = re.compile(
    r"(?:" + _END + r")?(?:(?:het\s+)?(?:q|kw)\s*([1-4])|([a-z0-9]+)\s+(?:kwartaal|quarter)"
    r"|(?:kwartaal|quarter)\s+([1-4]))" + _YEAR
)
_MONTH_END = re.compile(_END + r"(?:de\s+maand\s+)?" + _MONTH + _YEAR)
_MID_MONTH = re.compile(r"(?:medio|half|halverwege|mid)\s+" + _MONTH + _YEAR)
_RELATIVE = re.compile(r"(?:over|binnen|in|within)?\s*(\d{1,3}|[a-zéè]+)\s+([a-z]+)")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}|\d{2}))?")
_DAY_MONTH = re.compile(r"(?:" + _WEEKDAY + r"\s+)?(\d{1,2})(?:e|de|ste)?\s+" + _MONTH + _YEAR)
_WEEK_NUMBER = re.compile(r"(?:eind\s+)?(?:week|wk)\s+(\d{1,2})" + _YEAR)
_NOISE = re.compile(
    r"^(?:uiterlijk|voor|op|tegen|per|by|on|before|deadline|termijn)\s+|\s+om\s+\d{1,2}(?:[:.]\d\d)?"
    r"(?:\s*uur)?$|\s+(?:uur|u)$"
)


class Deadlines:
    """Reads deadlines relative to `today` with `calendar` for working days."""

    def __init__(self, today: date, work_calendar: WorkCalendar, language: str = "nl") -> None:
        self.today = today
        self.cal = work_calendar
        self.language = language

    def parse(self, written: str, *, allow_today: bool = True) -> date:
        """The date `written` means; a UserError asks back when it is vague or past."""
        phrase = normalise(written)
        shown = written.strip()[:60] or "…"
        if not phrase:
            raise UserError("deadline.missing")
        found = self._read(phrase, shown)
        if found is None:
            raise UserError("deadline.unknown", term=shown)
        if found < self.today or (found == self.today and not allow_today):
            raise UserError("deadline.past", term=shown)
        if found - self.today > MAX_AHEAD:
            raise UserError("deadline.too_far", term=shown)
        return found

    def _read(self, phrase: str, shown: str) -> date | None:
        for rule in (
            self._named_day,
            self._exact,
            self._relative,
            self._weekday,
            self._week,
            self._quarter,
            self._month_end,
            self._year_end,
        ):
            found = rule(phrase, shown)
            if found is not None:
                return found
        self._refuse_vague(phrase, shown)
        return self._dateparser(phrase)

    # --- rules -----------------------------------------------------------------------

    def _named_day(self, phrase: str, _shown: str) -> date | None:
        offsets = {"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2}
        if phrase in offsets:
            return self.today + timedelta(days=offsets[phrase])
        return None

    def _exact(self, phrase: str, shown: str) -> date | None:
        if match := _ISO.fullmatch(phrase):
            return _make(*(int(g) for g in match.groups())) or self._invalid(shown)
        if match := _NUMERIC.fullmatch(phrase):
            day, month, year_text = int(match.group(1)), int(match.group(2)), match.group(3)
            return self._day_in_year(day, month, year_text, shown)
        if match := _DAY_MONTH.fullmatch(phrase):
            weekday, day_text, month_name, year_text = match.groups()
            found = self._day_in_year(int(day_text), MONTHS[month_name], year_text, shown)
            if weekday and found.weekday() != WEEKDAYS[weekday]:
                raise UserError(
                    "deadline.weekday_conflict",
                    term=shown,
                    day=format_weekday_date(found, self.language),
                )
            return found
        return None

    def _day_in_year(self, day: int, month: int, year_text: str | None, shown: str) -> date:
        if year_text is not None:
            year = int(year_text) + (2000 if len(year_text) == 2 else 0)
            return _make(year, month, day) or self._invalid(shown)
        found = _make(self.today.year, month, day)
        if found is None or found < self.today:
            found = _make(self.today.year + 1, month, day) or found
        return found or self._invalid(shown)

    def _invalid(self, shown: str) -> date:
        raise UserError("deadline.no_such_date", term=shown)

    def _relative(self, phrase: str, _shown: str) -> date | None:
        match = _RELATIVE.fullmatch(phrase)
        if not match:
            return None
        amount_text, unit_text = match.groups()
        amount = int(amount_text) if amount_text.isdigit() else NUMBERS.get(amount_text)
        unit = UNITS.get(unit_text)
        if amount is None or unit is None:
            return None
        if unit == "days":
            return self.today + timedelta(days=amount)
        if unit == "workdays":
            return self.cal.add_workdays(self.today, amount)
        if unit == "weeks":
            return self.today + timedelta(weeks=amount)
        return _add_months(self.today, amount)

    def _weekday(self, phrase: str, _shown: str) -> date | None:
        next_week = re.fullmatch(
            r"(?:volgende|komende)\s+week\s+" + _WEEKDAY + "|" + _WEEKDAY + r"\s+volgende\s+week",
            phrase,
        )
        if next_week:
            name = next_week.group(1) or next_week.group(2)
            monday = self.today - timedelta(days=self.today.weekday()) + timedelta(weeks=1)
            return monday + timedelta(days=WEEKDAYS[name])
        plain = re.fullmatch(r"(?:aanstaande|komende|deze|a\.s\.|this|next)?\s*" + _WEEKDAY, phrase)
        if plain:
            ahead = (WEEKDAYS[plain.group(1)] - self.today.weekday()) % 7 or 7
            return self.today + timedelta(days=ahead)
        return None

    def _week(self, phrase: str, shown: str) -> date | None:
        monday = self.today - timedelta(days=self.today.weekday())
        ends = {
            "eind van de week": monday,
            "eind deze week": monday,
            "einde van de week": monday,
            "end of the week": monday,
            "eind volgende week": monday + timedelta(weeks=1),
            "eind van volgende week": monday + timedelta(weeks=1),
        }
        if phrase in ends:
            return self.cal.on_or_before(ends[phrase] + timedelta(days=4))
        if match := _WEEK_NUMBER.fullmatch(phrase):
            week, year_text = int(match.group(1)), match.group(2)
            year = int(year_text) if year_text else self.today.year
            try:
                friday = date.fromisocalendar(year, week, 5)
            except ValueError:
                return self._invalid(shown)
            if friday < self.today and not year_text:
                friday = date.fromisocalendar(year + 1, min(week, 52), 5)
            return self.cal.on_or_before(friday)
        return None

    def _quarter(self, phrase: str, _shown: str) -> date | None:
        relative = re.fullmatch(r"(?:eind\s+)?(dit|deze|volgend|volgende)\s+kwartaal", phrase)
        current = (self.today.month - 1) // 3 + 1
        if relative:
            counted = current + (1 if relative.group(1).startswith("volgend") else 0)
            year = self.today.year + (counted - 1) // 4
            return self._quarter_end(year, (counted - 1) % 4 + 1)
        match = _QUARTER.fullmatch(phrase)
        if not match:
            return None
        number = match.group(1) or match.group(3)
        quarter = int(number) if number else ORDINALS.get(match.group(2) or "")
        if quarter is None:
            return None
        if match.group(4):
            return self._quarter_end(int(match.group(4)), quarter)
        end = self._quarter_end(self.today.year, quarter)
        return end if end >= self.today else self._quarter_end(self.today.year + 1, quarter)

    def _quarter_end(self, year: int, quarter: int) -> date:
        return self.cal.last_workday_of_month(year, quarter * 3)

    def _month_end(self, phrase: str, _shown: str) -> date | None:
        this = {"eind van de maand", "eind deze maand", "einde van de maand", "end of the month"}
        if phrase in this:
            return self.cal.last_workday_of_month(self.today.year, self.today.month)
        if phrase in ("eind volgende maand", "eind van volgende maand"):
            following = _add_months(self.today.replace(day=1), 1)
            return self.cal.last_workday_of_month(following.year, following.month)
        if match := _MONTH_END.fullmatch(phrase):
            month, year_text = MONTHS[match.group(1)], match.group(2)
            return self._in_month(
                month, year_text, lambda y, m: self.cal.last_workday_of_month(y, m)
            )
        if match := _MID_MONTH.fullmatch(phrase):
            month, year_text = MONTHS[match.group(1)], match.group(2)
            return self._in_month(
                month, year_text, lambda y, m: self.cal.on_or_before(date(y, m, 15))
            )
        return None

    def _in_month(
        self, month: int, year_text: str | None, pick: Callable[[int, int], date]
    ) -> date:
        if year_text:
            return pick(int(year_text), month)
        found = pick(self.today.year, month)
        return found if found >= self.today else pick(self.today.year + 1, month)

    def _year_end(self, phrase: str, _shown: str) -> date | None:
        this = {"eind van het jaar", "eind dit jaar", "einde van het jaar", "end of the year"}
        if phrase in this:
            return self.cal.last_workday_of_month(self.today.year, 12)
        if phrase in ("eind volgend jaar", "eind van volgend jaar"):
            return self.cal.last_workday_of_month(self.today.year + 1, 12)
        if match := re.fullmatch(_END + r"(\d{4})", phrase):
            return self.cal.last_workday_of_month(int(match.group(1)), 12)
        return None

    def _refuse_vague(self, phrase: str, shown: str) -> None:
        month = re.fullmatch(r"(?:begin|in|start)?\s*" + _MONTH + _YEAR, phrase)
        if month:
            name = month.group(1)
            raise UserError("deadline.vague_month", term=shown, month=name)
        if phrase in (
            "volgende week",
            "komende week",
            "next week",
            "deze week",
            "binnenkort",
            "asap",
        ):
            raise UserError("deadline.vague", term=shown)
        if re.fullmatch(r"(?:in|voor)?\s*\d{4}", phrase):
            raise UserError("deadline.vague_year", term=shown, year=phrase.split()[-1])

    def _dateparser(self, phrase: str) -> date | None:
        # Imported here: loading its language data costs time at every start otherwise.
        import dateparser

        # dateparser works in naive datetimes; only the date of its answer is used.
        base = datetime(self.today.year, self.today.month, self.today.day, 12)  # noqa: DTZ001
        found = dateparser.parse(
            phrase,
            languages=["nl", "en"],
            settings={
                "RELATIVE_BASE": base,
                "PREFER_DATES_FROM": "future",
                "DATE_ORDER": "DMY",
                "STRICT_PARSING": False,
            },
        )
        return found.date() if found is not None else None


def normalise(written: str) -> str:
    """Lower case, single spaces, without `uiterlijk`, `om 17 uur` or `vanaf heden –`."""
    phrase = re.sub(r"\s+", " ", written.strip().lower()).strip(" .,;:!?")
    phrase = re.sub(
        r"^vanaf\s+(?:heden|nu|vandaag)\s*(?:[-–—]|tot(?:\s+en\s+met)?|t/m)\s*", "", phrase
    )
    for _ in range(3):
        phrase = _NOISE.sub("", phrase).strip()
    return phrase


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
