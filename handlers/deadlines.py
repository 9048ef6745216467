"""Deadlines as Dutch people write them, in one place (DESIGN §2.4).

Our own rules read what dateparser gets wrong or does not read at all: quarters
(`eind Q1`, `Q2-2027`, `2027 Q3`, `3e kw. 2027`, `tweede kwartaal`), half years
(`H1 2027`, `eerste helft van 2028`), month and year ends (`eind maart`, `ultimo
april`), working days (`over 10 werkdagen`), `volgende week dinsdag`, `vrijdag over een
week`, `vrijdag a.s.`, parts of a day (`morgenochtend`, `vrijdagmiddag`), named days
(`Koningsdag`, `tweede paasdag`), two-digit years (`Q1 '28`), numbers in words, and
weekday/date conflicts (`vrijdag 15 maart` when the 15th is a Monday). A quarter, half
year, month or year end means its last working day.

Never a silent wrong date: a phrase is accepted only when every word of it was
understood, by our rules or by dateparser (last, strict: it must read a day and a
month from a phrase of date words only). Anything else, vague phrases (`april`,
`volgende maand`, `na de zomer`) and dates in the past are questions back.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from handlers.i18n import format_weekday_date
from handlers.messages import UserError
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
_ORDINAL = r"(eerste|tweede|derde|vierde|first|second|third|fourth|[1-4](?:e|ste|de))"
_QUARTER = re.compile(
    r"(?:"
    + _END
    + r")?(?:het\s+)?(?:(?:q|kw)\s*([1-4])|"
    + _ORDINAL
    + r"\s+(?:kwartaal|quarter|kw)|(?:kwartaal|quarter)\s+([1-4]))(?:[-\s]+(\d{4}))?"
)
_QUARTER_YEAR_FIRST = re.compile(r"(\d{4})[-\s]+(?:q|kw)\s*([1-4])")
_HALF = re.compile(
    r"(?:" + _END + r")?(?:het\s+)?(?:h\s*([12])|(eerste|tweede|1e|2e|1ste|2de)\s+"
    r"(?:helft|halfjaar|half\s+jaar)(?:\s+van)?)(?:[-\s]+(\d{4}))?"
)
_HALF_YEAR_FIRST = re.compile(r"(\d{4})[-\s]+h\s*([12])")
_WEEKDAY_WEEKS_ON = re.compile(
    _WEEKDAY + r"\s+over\s+(\d{1,2}|een|één|twee|drie|vier)\s+(?:week|weken)"
)
_ULTIMO = re.compile(r"ultimo\s+(?:" + _MONTH + _YEAR + r"|(\d{4})|(dit jaar))")
# Days with a name: from the holidays package (as it names them in Dutch), and others.
NAMED_HOLIDAYS = {
    "nieuwjaarsdag": "Nieuwjaarsdag", "nieuwjaar": "Nieuwjaarsdag",
    "goede vrijdag": "Goede vrijdag", "pasen": "Eerste paasdag",
    "eerste paasdag": "Eerste paasdag", "paaszondag": "Eerste paasdag",
    "tweede paasdag": "Tweede paasdag", "paasmaandag": "Tweede paasdag",
    "koningsdag": "Koningsdag", "hemelvaart": "Hemelvaartsdag",
    "hemelvaartsdag": "Hemelvaartsdag", "pinksteren": "Eerste pinksterdag",
    "eerste pinksterdag": "Eerste pinksterdag", "tweede pinksterdag": "Tweede pinksterdag",
    "pinkstermaandag": "Tweede pinksterdag", "kerst": "Eerste kerstdag",
    "kerstmis": "Eerste kerstdag", "eerste kerstdag": "Eerste kerstdag",
    "tweede kerstdag": "Tweede kerstdag",
}  # fmt: skip
NAMED_DATES = {
    "bevrijdingsdag": (5, 5), "oudejaarsdag": (12, 31), "oudjaar": (12, 31),
    "oudejaarsavond": (12, 31), "sinterklaas": (12, 5), "pakjesavond": (12, 5),
    "kerstavond": (12, 24),
}  # fmt: skip
VAGUE = frozenset({
    "volgende week", "komende week", "next week", "deze week", "binnenkort", "asap", "zsm",
    "z.s.m", "zo snel mogelijk", "volgende maand", "komende maand", "next month",
    "deze maand", "this month", "na de zomer", "na de zomervakantie", "voor de zomer",
    "in de zomer", "deze zomer", "dit voorjaar", "dit najaar", "in het voorjaar",
    "in het najaar", "na de kerst", "rond de kerst", "voor de kerst", "later", "ooit",
    "zo spoedig mogelijk", "na de vakantie", "begin volgend jaar", "volgend jaar",
})  # fmt: skip
# The only words dateparser may see: dates written in words and digits, nothing else.
_DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | {"of", "the", "van", "de", "den"}
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


_DAY_PART = re.compile(
    "^(" + "|".join(n for n in WEEKDAYS if len(n) > 3) + r"|morgen)(?:ochtend|middag|avond|morgen)$"
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
            self._half_year,
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
        offsets = {"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2,
                   "gisteren": -1, "yesterday": -1, "eergisteren": -2}  # fmt: skip
        if phrase in offsets:
            return self.today + timedelta(days=offsets[phrase])
        if phrase in NAMED_HOLIDAYS or phrase in NAMED_DATES:
            return self._next_named(phrase)
        return None

    def _next_named(self, phrase: str) -> date | None:
        """The next time a named day comes (this year's, or next year's once it passed)."""
        for year in (self.today.year, self.today.year + 1):
            if phrase in NAMED_DATES:
                found: date | None = date(year, *NAMED_DATES[phrase])
            else:
                found = self.cal.holiday(year, NAMED_HOLIDAYS[phrase])
            if found is not None and found >= self.today:
                return found
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

    def _next_weekday(self, name: str) -> date:
        ahead = (WEEKDAYS[name] - self.today.weekday()) % 7 or 7
        return self.today + timedelta(days=ahead)

    def _weekday(self, phrase: str, _shown: str) -> date | None:
        next_week = re.fullmatch(
            r"(?:volgende|komende)\s+week\s+" + _WEEKDAY + "|" + _WEEKDAY + r"\s+volgende\s+week",
            phrase,
        )
        if next_week:
            name = next_week.group(1) or next_week.group(2)
            monday = self.today - timedelta(days=self.today.weekday()) + timedelta(weeks=1)
            return monday + timedelta(days=WEEKDAYS[name])
        plain = re.fullmatch(r"(?:aanstaande|komende|deze|this|next)?\s*" + _WEEKDAY, phrase)
        if plain:
            return self._next_weekday(plain.group(1))
        if match := _WEEKDAY_WEEKS_ON.fullmatch(phrase):
            weeks_text = match.group(2)
            weeks = int(weeks_text) if weeks_text.isdigit() else NUMBERS[weeks_text]
            return self._next_weekday(match.group(1)) + timedelta(weeks=weeks)
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
        if match := _QUARTER_YEAR_FIRST.fullmatch(phrase):
            return self._quarter_end(int(match.group(1)), int(match.group(2)))
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

    def _half_year(self, phrase: str, _shown: str) -> date | None:
        """`H1 2027`, `eerste helft van 2028`: 30 June or 31 December (a working day)."""
        if match := _HALF_YEAR_FIRST.fullmatch(phrase):
            return self.cal.last_workday_of_month(int(match.group(1)), 6 * int(match.group(2)))
        match = _HALF.fullmatch(phrase)
        if not match:
            return None
        half = int(match.group(1)) if match.group(1) else ORDINALS[match.group(2)]
        if match.group(3):
            return self.cal.last_workday_of_month(int(match.group(3)), 6 * half)
        end = self.cal.last_workday_of_month(self.today.year, 6 * half)
        if end >= self.today:
            return end
        return self.cal.last_workday_of_month(self.today.year + 1, 6 * half)

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
        if match := _ULTIMO.fullmatch(phrase):
            if match.group(1):
                month, year_text = MONTHS[match.group(1)], match.group(2)
                return self._in_month(
                    month, year_text, lambda y, m: self.cal.last_workday_of_month(y, m)
                )
            year = int(match.group(3)) if match.group(3) else self.today.year
            return self.cal.last_workday_of_month(year, 12)
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
        if phrase in VAGUE:
            raise UserError("deadline.vague", term=shown)
        if re.fullmatch(r"(?:in|voor)?\s*\d{4}", phrase):
            year = phrase.split()[-1]
            if int(year) < self.today.year:
                raise UserError("deadline.past", term=shown)
            raise UserError("deadline.vague_year", term=shown, year=year)

    def _dateparser(self, phrase: str) -> date | None:
        """Last: dateparser, for date words in another order (`march 15th`), strictly.

        It sees only phrases made of month and weekday names, numbers and a few glue
        words, and must read a day and a month itself: never fills in from today.
        """
        words = re.findall(r"[a-zé]+|\d+", phrase)
        glue = re.sub(r"[a-zé0-9\s,]", "", phrase)
        if (
            not words
            or glue
            or any(
                not (w.isdigit() or w in _DATE_WORDS or w in ("st", "nd", "rd", "th", "e", "ste"))
                for w in words
            )
        ):
            return None
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
                "REQUIRE_PARTS": ["day", "month"],
            },
        )
        return found.date() if found is not None else None


def normalise(written: str) -> str:
    """Lower case, single spaces, without `uiterlijk`, `om 17 uur` or `vanaf heden –`.

    Also: `'28` is 2028, `kw.` is `kw`, `a.s.` means the coming one (before or after
    its day), and a part of a day (`vrijdagmiddag`, `morgenochtend`) is that day.
    """
    phrase = re.sub(r"\s+", " ", written.strip().lower())
    phrase = re.sub(r"(?<![\w'’])['’](\d{2})\b", r"20\1", phrase)
    phrase = re.sub(r"\bkw\.", "kw", phrase)
    phrase = re.sub(r"^a\.s\.?\s+", "aanstaande ", phrase)
    phrase = re.sub(r"\s+a\.s\.?$", "", phrase).strip(" .,;:!?")
    phrase = re.sub(
        r"^vanaf\s+(?:heden|nu|vandaag)\s*(?:[-–—]|tot(?:\s+en\s+met)?|t/m)\s*", "", phrase
    )
    for _ in range(3):
        phrase = _NOISE.sub("", phrase).strip()
    return _DAY_PART.sub(r"\1", phrase)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
