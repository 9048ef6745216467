"""Dates in words, and falling back to Dutch."""

from __future__ import annotations

from datetime import date

from handlers.i18n import format_date, format_weekday_date, translate


def test_dates_are_written_in_words() -> None:
    assert format_date(date(2027, 3, 15), "nl") == "15 maart 2027"
    assert format_date(date(2027, 3, 15), "en") == "15 March 2027"
    assert format_weekday_date(date(2027, 3, 12), "nl") == "vrijdag 12 maart 2027"


def test_unknown_language_falls_back_to_dutch() -> None:
    assert translate("fr", "value.none") == "geen"


def test_user_text_with_braces_is_filled_in_safely() -> None:
    assert translate("nl", "knowledge.unknown", word="{0}{x}") == (
        "`/kennis {0}{x}` ken ik niet. Zie `/kennis help`."
    )
