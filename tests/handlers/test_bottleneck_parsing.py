"""Reading what people type for bottlenecks: reports, status changes, terms."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.bottleneck_status import parse_status
from handlers.core import UserError
from handlers.terms import parse_term

TODAY = date(2026, 11, 28)  # a Saturday


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("6 weken", date(2027, 1, 9)),
        ("over 6 weken", date(2027, 1, 9)),
        ("binnen twee weken", date(2026, 12, 12)),
        ("1 week", date(2026, 12, 5)),
        ("10 dagen", date(2026, 12, 8)),
        ("over 10 werkdagen", date(2026, 12, 11)),
        ("3 maanden", date(2027, 2, 28)),
        ("over een maand", date(2026, 12, 28)),
        ("2027-03-15", date(2027, 3, 15)),
        ("15-3-2027", date(2027, 3, 15)),
        ("15/03/27", date(2027, 3, 15)),
        ("15-3", date(2027, 3, 15)),
        ("15 maart", date(2027, 3, 15)),
        ("15 maart 2027", date(2027, 3, 15)),
        ("1 dec", date(2026, 12, 1)),
        ("28 november", date(2027, 11, 28)),  # today has passed: next year
        ("31 januari 2027", date(2027, 1, 31)),
        ("  6   WEKEN ", date(2027, 1, 9)),
    ],
)
def test_terms_read_as_dutch_people_write_them(written: str, expected: date) -> None:
    assert parse_term(written, TODAY) == expected


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("2026-01-01", "term.past"),
        ("28-11-2026", "term.past"),
        ("0 dagen", "term.past"),
        ("31 februari 2027", "term.unknown"),
        ("ooit", "term.unknown"),
        ("6 eeuwen", "term.unknown"),
        ("2040-01-01", "term.too_far"),
    ],
)
def test_unusable_terms_say_why(written: str, key: str) -> None:
    with pytest.raises(UserError) as raised:
        parse_term(written, TODAY)
    assert raised.value.key == key


@given(st.text(max_size=80))
def test_any_term_is_a_date_or_a_user_error(written: str) -> None:
    try:
        found = parse_term(written, TODAY)
    except UserError:
        return
    assert found > TODAY


def test_status_change_reads_body_reference_term_and_reason() -> None:
    change = parse_status("geëscaleerd naar IBD kenmerk IBD-2026-113 verwacht 8 weken — graag snel")
    assert (change.status, change.body, change.reference, change.expected, change.reason) == (
        "geescaleerd",
        "IBD",
        "IBD-2026-113",
        "8 weken",
        "graag snel",
    )


def test_two_word_status_and_a_reason_without_dash() -> None:
    change = parse_status("in behandeling we pakken het op")
    assert (change.status, change.reason) == ("in_behandeling", "we pakken het op")


@given(st.text(max_size=120))
def test_any_status_text_parses_or_gives_a_user_error(text: str) -> None:
    try:
        change = parse_status(text)
    except UserError:
        return
    assert change.status
