"""Dutch deadlines, read against a fixed "today": a table of what people write."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.deadlines import Deadlines
from handlers.messages import UserError
from handlers.workdays import WorkCalendar

SATURDAY = date(2026, 11, 28)
WEDNESDAY = date(2026, 12, 30)  # the day before New Year's Eve
EASTER_WEEK = date(2027, 3, 24)  # a Wednesday before Goede Vrijdag and Easter
NL = WorkCalendar()


@pytest.mark.parametrize(
    ("today", "written", "expected"),
    [
        (SATURDAY, "vrijdag", date(2026, 12, 4)),
        (SATURDAY, "aanstaande vrijdag", date(2026, 12, 4)),
        (SATURDAY, "Vrijdag om 17 uur", date(2026, 12, 4)),
        (SATURDAY, "zaterdag", date(2026, 12, 5)),  # today's weekday means next week's
        (SATURDAY, "maandag", date(2026, 11, 30)),
        (SATURDAY, "volgende week dinsdag", date(2026, 12, 1)),
        (date(2026, 12, 2), "volgende week dinsdag", date(2026, 12, 8)),
        (date(2026, 12, 2), "dinsdag volgende week", date(2026, 12, 8)),
        (SATURDAY, "morgen", date(2026, 11, 29)),
        (SATURDAY, "overmorgen", date(2026, 11, 30)),
        (SATURDAY, "vandaag", SATURDAY),
        (SATURDAY, "over 2 weken", date(2026, 12, 12)),
        (SATURDAY, "over twee weken", date(2026, 12, 12)),
        (SATURDAY, "binnen 3 dagen", date(2026, 12, 1)),
        (SATURDAY, "over 10 werkdagen", date(2026, 12, 11)),
        (SATURDAY, "over een maand", date(2026, 12, 28)),
        (SATURDAY, "6 weken", date(2027, 1, 9)),
        (SATURDAY, "15 maart", date(2027, 3, 15)),
        (SATURDAY, "15-3", date(2027, 3, 15)),
        (SATURDAY, "15/3", date(2027, 3, 15)),
        (SATURDAY, "15-03-2027", date(2027, 3, 15)),
        (SATURDAY, "15-3-27", date(2027, 3, 15)),
        (SATURDAY, "2027-03-15", date(2027, 3, 15)),
        (SATURDAY, "maandag 15 maart", date(2027, 3, 15)),
        (SATURDAY, "uiterlijk 1 maart 2027", date(2027, 3, 1)),
        (SATURDAY, "8 december", date(2026, 12, 8)),
        (SATURDAY, "28 november", SATURDAY),
        (SATURDAY, "eind maart", date(2027, 3, 31)),
        (SATURDAY, "eind mei 2026", None),  # past: see the refusals
        (SATURDAY, "eind mei", date(2027, 5, 31)),
        (date(2026, 5, 1), "eind mei", date(2026, 5, 29)),  # 31 May 2026 is a Sunday
        (SATURDAY, "eind van de maand", date(2026, 11, 30)),
        (SATURDAY, "eind volgende maand", date(2026, 12, 31)),
        (SATURDAY, "medio januari", date(2027, 1, 15)),
        (SATURDAY, "eind Q1", date(2027, 3, 31)),
        (SATURDAY, "Q2 2027", date(2027, 6, 30)),
        (SATURDAY, "Q4", date(2026, 12, 31)),
        (SATURDAY, "eerste kwartaal 2027", date(2027, 3, 31)),
        (SATURDAY, "tweede kwartaal", date(2027, 6, 30)),
        (SATURDAY, "2e kwartaal", date(2027, 6, 30)),
        (SATURDAY, "eind derde kwartaal 2027", date(2027, 9, 30)),
        (SATURDAY, "vanaf heden – eerste kwartaal", date(2027, 3, 31)),
        (SATURDAY, "eind dit kwartaal", date(2026, 12, 31)),
        (SATURDAY, "eind volgend kwartaal", date(2027, 3, 31)),
        (SATURDAY, "eind van het jaar", date(2026, 12, 31)),
        (SATURDAY, "eind 2027", date(2027, 12, 31)),
        (SATURDAY, "week 2", date(2027, 1, 15)),
        (SATURDAY, "eind deze week", date(2026, 11, 27)),  # past: refused below
        (SATURDAY, "eind volgende week", date(2026, 12, 4)),
        (SATURDAY, "next friday", date(2026, 12, 4)),
        # Around New Year: Nieuwjaarsdag is no working day.
        (WEDNESDAY, "over 3 werkdagen", date(2027, 1, 5)),
        (WEDNESDAY, "vrijdag", date(2027, 1, 1)),
        (WEDNESDAY, "eind Q4", date(2026, 12, 31)),
        (WEDNESDAY, "15 januari", date(2027, 1, 15)),
        (WEDNESDAY, "eerste kwartaal", date(2027, 3, 31)),
        (WEDNESDAY, "1-1", date(2027, 1, 1)),
        # Easter: Goede Vrijdag and Tweede Paasdag are skipped; across the DST change.
        (EASTER_WEEK, "over 3 werkdagen", date(2027, 3, 31)),
        (EASTER_WEEK, "over 1 week", date(2027, 3, 31)),
        (EASTER_WEEK, "eind maart", date(2027, 3, 31)),
        (date(2027, 4, 20), "over 5 werkdagen", date(2027, 4, 28)),  # Koningsdag on the 27th
    ],
)
def test_deadlines_read_as_dutch_people_write_them(
    today: date, written: str, expected: date | None
) -> None:
    reader = Deadlines(today, NL)
    if expected is None or expected < today:
        with pytest.raises(UserError) as raised:
            reader.parse(written)
        assert raised.value.key == "deadline.past"
    else:
        assert reader.parse(written) == expected


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("", "deadline.missing"),
        ("gisteren", "deadline.past"),
        ("15-3-2026", "deadline.past"),
        ("31-2", "deadline.no_such_date"),
        ("30 februari 2027", "deadline.no_such_date"),
        ("vrijdag 15 maart", "deadline.weekday_conflict"),  # 15 March 2027 is a Monday
        ("april", "deadline.vague_month"),
        ("begin april", "deadline.vague_month"),
        ("volgende week", "deadline.vague"),
        ("binnenkort", "deadline.vague"),
        ("2027", "deadline.vague_year"),
        ("ooit", "deadline.vague"),
        ("ergens", "deadline.unknown"),
        ("over 6 eeuwen", "deadline.unknown"),
        ("2040-01-01", "deadline.too_far"),
        ("week 60", "deadline.no_such_date"),
    ],
)
def test_vague_impossible_or_past_deadlines_are_asked_back(written: str, key: str) -> None:
    with pytest.raises(UserError) as raised:
        Deadlines(SATURDAY, NL).parse(written)
    assert raised.value.key == key


def test_weekday_conflict_names_the_real_weekday() -> None:
    with pytest.raises(UserError) as raised:
        Deadlines(SATURDAY, NL).parse("vrijdag 15 maart")
    assert raised.value.params["day"] == "maandag 15 maart 2027"


def test_the_holiday_set_is_a_setting() -> None:
    ignoring = WorkCalendar(ignored=frozenset({"Goede vrijdag"}))
    assert Deadlines(EASTER_WEEK, ignoring).parse("over 3 werkdagen") == date(2027, 3, 30)
    extra = WorkCalendar(extra=frozenset({date(2027, 3, 31)}), extra_yearly=frozenset({(5, 5)}))
    assert Deadlines(SATURDAY, extra).parse("eind Q1") == date(2027, 3, 30)
    assert not extra.is_workday(date(2027, 5, 5)) and NL.is_workday(date(2027, 5, 5))


def test_a_deadline_that_must_be_after_today() -> None:
    with pytest.raises(UserError):
        Deadlines(SATURDAY, NL).parse("vandaag", allow_today=False)


@given(st.text(max_size=60))
def test_any_text_is_a_date_or_a_question_back(written: str) -> None:
    try:
        found = Deadlines(SATURDAY, NL).parse(written)
    except UserError:
        return
    assert found >= SATURDAY
