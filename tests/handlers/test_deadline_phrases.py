"""Deadlines as Dutch municipal civil servants write them: a set of 125 phrases.

Written before the code that reads them (issue "Dutch that is never misread"). Each
expected date is worked out here from the calendar, with Dutch public holidays from
the `holidays` package, not from the code under test: a quarter, half year or month
ends on its last working day; a named date is that date, even on a weekend or a
holiday (the reply then says so). Anything not understood word for word is a
question back, never a date.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.deadlines import Deadlines
from handlers.i18n import translate
from handlers.messages import UserError
from handlers.workdays import WorkCalendar

A = date(2027, 1, 13)  # a Wednesday in January
B = date(2026, 12, 1)  # a Tuesday in December
NL = WorkCalendar()


def _day_off(day: date) -> bool:
    return day.weekday() >= 5 or day in holidays.country_holidays("NL", years=day.year)


def last_workday(year: int, month: int) -> date:
    day = date(year, month, calendar.monthrange(year, month)[1])
    while _day_off(day):
        day -= timedelta(days=1)
    return day


def holiday(year: int, name: str) -> date:
    found = holidays.country_holidays("NL", years=year, language="nl")
    return next(day for day, named in found.items() if named.lower() == name.lower())


PHRASES: list[tuple[date, str, date]] = [
    # Quarters, written every way.
    (A, "Q1-2027", last_workday(2027, 3)),
    (A, "Q2-2027", last_workday(2027, 6)),
    (A, "2027 Q3", last_workday(2027, 9)),
    (A, "Q3 2027", last_workday(2027, 9)),
    (A, "Q1 '28", last_workday(2028, 3)),
    (A, "3e kw. 2027", last_workday(2027, 9)),
    (A, "1e kwartaal", last_workday(2027, 3)),
    (A, "eerste kwartaal", last_workday(2027, 3)),
    (A, "Q4", last_workday(2027, 12)),
    (A, "kw4 2027", last_workday(2027, 12)),
    (A, "eind Q2", last_workday(2027, 6)),
    (A, "tweede kwartaal 2028", last_workday(2028, 6)),
    (A, "vierde kwartaal", last_workday(2027, 12)),
    (A, "Q1 2027", last_workday(2027, 3)),
    (A, "het tweede kwartaal", last_workday(2027, 6)),
    (A, "2027-Q2", last_workday(2027, 6)),
    # Half years.
    (A, "H1 2027", last_workday(2027, 6)),
    (A, "H2 2027", last_workday(2027, 12)),
    (A, "H1", last_workday(2027, 6)),
    (A, "H2", last_workday(2027, 12)),
    (A, "eerste helft van 2028", last_workday(2028, 6)),
    (A, "tweede helft 2027", last_workday(2027, 12)),
    (A, "eerste halfjaar", last_workday(2027, 6)),
    (A, "1e helft 2028", last_workday(2028, 6)),
    (A, "eind H1", last_workday(2027, 6)),
    (A, "H2-2028", last_workday(2028, 12)),
    # Ultimo.
    (A, "ultimo april", last_workday(2027, 4)),
    (A, "ultimo maart 2027", last_workday(2027, 3)),
    (A, "ultimo 2027", last_workday(2027, 12)),
    (A, "ultimo juni", last_workday(2027, 6)),
    # Two-digit years.
    (A, "15 maart '27", date(2027, 3, 15)),
    (A, "1 april '28", date(2028, 4, 1)),
    (A, "eind maart '27", last_workday(2027, 3)),
    # a.s. before or after.
    (A, "vrijdag a.s.", date(2027, 1, 15)),
    (A, "1 februari a.s.", date(2027, 2, 1)),
    (A, "a.s. vrijdag", date(2027, 1, 15)),
    (A, "maandag a.s.", date(2027, 1, 18)),
    (A, "aanstaande maandag", date(2027, 1, 18)),
    # Parts of the day.
    (A, "morgenochtend", date(2027, 1, 14)),
    (A, "vrijdagmiddag", date(2027, 1, 15)),
    (A, "donderdagavond", date(2027, 1, 14)),
    (A, "morgenmiddag", date(2027, 1, 14)),
    (A, "maandagochtend", date(2027, 1, 18)),
    (A, "vrijdagmorgen", date(2027, 1, 15)),
    (A, "morgen om 9 uur", date(2027, 1, 14)),
    # A weekday a week or more after its next one.
    (A, "vrijdag over een week", date(2027, 1, 22)),
    (A, "vrijdag over twee weken", date(2027, 1, 29)),
    (A, "maandag over een week", date(2027, 1, 25)),
    # Named days.
    (A, "Koningsdag", holiday(2027, "Koningsdag")),
    (A, "tweede paasdag", holiday(2027, "Tweede paasdag")),
    (A, "Hemelvaartsdag", holiday(2027, "Hemelvaartsdag")),
    (A, "hemelvaart", holiday(2027, "Hemelvaartsdag")),
    (A, "Goede Vrijdag", holiday(2027, "Goede vrijdag")),
    (A, "tweede pinksterdag", holiday(2027, "Tweede pinksterdag")),
    (A, "eerste kerstdag", holiday(2027, "Eerste kerstdag")),
    (A, "kerst", holiday(2027, "Eerste kerstdag")),
    (A, "Bevrijdingsdag", date(2027, 5, 5)),
    (A, "oudejaarsdag", date(2027, 12, 31)),
    (A, "nieuwjaarsdag", holiday(2028, "Nieuwjaarsdag")),
    (A, "pasen", holiday(2027, "Eerste paasdag")),
    (A, "pinksteren", holiday(2027, "Eerste pinksterdag")),
    # What the README promises.
    (A, "vrijdag", date(2027, 1, 15)),
    (A, "volgende week dinsdag", date(2027, 1, 19)),
    (A, "over 2 weken", date(2027, 1, 27)),
    (A, "15 maart", date(2027, 3, 15)),
    (A, "2027-03-15", date(2027, 3, 15)),
    (A, "eind Q1", last_workday(2027, 3)),
    (A, "eerste kwartaal 2027", last_workday(2027, 3)),
    (A, "tweede kwartaal", last_workday(2027, 6)),
    (A, "over 10 werkdagen", date(2027, 1, 27)),
    (A, "eind maart", last_workday(2027, 3)),
    (A, "medio februari", date(2027, 2, 15)),
    (A, "week 5", date(2027, 2, 5)),
    (A, "eind volgende week", date(2027, 1, 22)),
    (A, "over een maand", date(2027, 2, 13)),
    (A, "morgen", date(2027, 1, 14)),
    (A, "overmorgen", date(2027, 1, 15)),
    (A, "15-3", date(2027, 3, 15)),
    (A, "15/3/2027", date(2027, 3, 15)),
    (A, "uiterlijk 1 maart", date(2027, 3, 1)),
    (A, "vanaf heden – eerste kwartaal", last_workday(2027, 3)),
    (A, "eind van de maand", last_workday(2027, 1)),
    (A, "eind volgende maand", last_workday(2027, 2)),
    (A, "eind dit kwartaal", last_workday(2027, 3)),
    (A, "eind volgend kwartaal", last_workday(2027, 6)),
    (A, "eind van het jaar", last_workday(2027, 12)),
    (A, "eind 2027", last_workday(2027, 12)),
    (A, "over drie dagen", date(2027, 1, 16)),
    (A, "binnen 2 weken", date(2027, 1, 27)),
    (A, "next friday", date(2027, 1, 15)),
    (A, "end of march", last_workday(2027, 3)),
    (A, "zaterdag", date(2027, 1, 16)),
    (A, "25 december", date(2027, 12, 25)),
    (A, "31 december 2027", date(2027, 12, 31)),
    (A, "maandag 15 maart", date(2027, 3, 15)),
    (A, "1 februari", date(2027, 2, 1)),
    (A, "12 januari", date(2028, 1, 12)),
    # In December, with the new year close.
    (B, "H1 2027", last_workday(2027, 6)),
    (B, "H2 2027", last_workday(2027, 12)),
    (B, "H1", last_workday(2027, 6)),
    (B, "H2", last_workday(2026, 12)),
    (B, "Q1", last_workday(2027, 3)),
    (B, "Q4", last_workday(2026, 12)),
    (B, "eind Q4", last_workday(2026, 12)),
    (B, "over een maand", date(2027, 1, 1)),
    (B, "vrijdag", date(2026, 12, 4)),
    (B, "sinterklaas", date(2026, 12, 5)),
    (B, "pakjesavond", date(2026, 12, 5)),
    (B, "kerst", holiday(2026, "Eerste kerstdag")),
    (B, "tweede kerstdag", holiday(2026, "Tweede kerstdag")),
    (B, "oudejaarsdag", date(2026, 12, 31)),
    (B, "ultimo december", last_workday(2026, 12)),
    (B, "ultimo januari", last_workday(2027, 1)),
    (B, "vrijdag a.s.", date(2026, 12, 4)),
    (B, "8 december a.s.", date(2026, 12, 8)),
    (B, "donderdagmiddag", date(2026, 12, 3)),
    (B, "morgenochtend", date(2026, 12, 2)),
    (B, "vrijdag over een week", date(2026, 12, 11)),
    (B, "1e kw. 2027", last_workday(2027, 3)),
    (B, "Q2 '27", last_workday(2027, 6)),
    (B, "eerste helft 2027", last_workday(2027, 6)),
    (B, "tweede halfjaar", last_workday(2026, 12)),
    (B, "Koningsdag", holiday(2027, "Koningsdag")),
    (B, "Hemelvaartsdag", holiday(2027, "Hemelvaartsdag")),
    (B, "2027-Q2", last_workday(2027, 6)),
]


def test_the_set_is_large_enough() -> None:
    assert len(PHRASES) >= 120


@pytest.mark.parametrize(("today", "written", "expected"), PHRASES)
def test_each_phrase_is_the_date_the_calendar_gives(
    today: date, written: str, expected: date
) -> None:
    assert Deadlines(today, NL).parse(written) == expected


QUESTIONS = [
    ("volgende maand", "deadline.vague"),
    ("komende maand", "deadline.vague"),
    ("na de zomer", "deadline.vague"),
    ("zsm", "deadline.vague"),
    ("asap", "deadline.vague"),
    ("binnenkort", "deadline.vague"),
    ("begin februari", "deadline.vague_month"),
    ("april", "deadline.vague_month"),
    ("2028", "deadline.vague_year"),
    ("2025", "deadline.past"),
    ("Q1-2026", "deadline.past"),
    ("Q5", "deadline.unknown"),
    ("H3 2027", "deadline.unknown"),
    ("vrijdag blabla", "deadline.unknown"),
    ("15 maart of zo", "deadline.unknown"),
    ("ergens in Q2", "deadline.unknown"),
    ("eind", "deadline.unknown"),
    ("vrijdag 16 januari", "deadline.weekday_conflict"),  # 16 January 2027 is a Saturday
]


@pytest.mark.parametrize(("written", "key"), QUESTIONS)
def test_what_is_not_understood_word_for_word_is_asked(written: str, key: str) -> None:
    with pytest.raises(UserError) as raised:
        Deadlines(A, NL).parse(written)
    assert raised.value.key == key


@given(
    st.sampled_from([p for _t, p, _e in PHRASES]),
    st.sampled_from(["xyzzy", "ofzo", "misschien", "graag", "ongeveer", "rond", "cq", "??x"]),
    st.booleans(),
)
def test_a_word_left_over_is_never_read_past(phrase: str, extra: str, before: bool) -> None:
    """No phrase with a word outside the understood forms yields a date (strictness)."""
    written = f"{extra} {phrase}" if before else f"{phrase} {extra}"
    with pytest.raises(UserError):
        Deadlines(A, NL).parse(written)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    ("key", "params"),
    [
        ("deadline.missing", {}),
        ("deadline.unknown", {"term": "x"}),
        ("deadline.vague", {"term": "x"}),
        ("deadline.vague_month", {"term": "x", "month": "april"}),
        ("deadline.vague_year", {"term": "x", "year": "2028"}),
    ],
)
def test_every_suggestion_in_a_question_is_itself_understood(
    language: str, key: str, params: dict[str, str]
) -> None:
    import re

    text = translate(language, key, **params)
    suggestions = re.findall(r"`([^`]+)`", text)
    assert suggestions
    for suggestion in suggestions:
        assert Deadlines(A, NL).parse(suggestion) >= A, suggestion
