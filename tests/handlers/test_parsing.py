"""Reading what people type, including anything hostile."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.knowledge.search import parse
from handlers.labels import LabelQuestion, labelled_text
from handlers.messages import UserError
from handlers.parsing import clean, item_number, title_and_body
from storage.tlp import TLP


def test_label_tags_and_red_recipients_are_taken_out_of_the_text() -> None:
    parsed = labelled_text("TLP:RED <@bram> <@lars> Insider bij ketenpartner #incident #politie")
    assert parsed.label is TLP.RED
    assert parsed.recipients == ("bram", "lars")
    assert parsed.tags == ("incident", "politie")
    assert parsed.text == "Insider bij ketenpartner"


def test_inline_tags_stay_in_the_text_and_numbers_are_not_tags() -> None:
    parsed = labelled_text("Zie #12 over #phishing bij de IBD")
    assert parsed.tags == ("phishing",)
    assert parsed.text == "Zie #12 over #phishing bij de IBD"


def test_title_is_the_first_line_or_sentence() -> None:
    assert title_and_body("Titel\nDe tekst.") == ("Titel", "De tekst.")
    title, body = title_and_body("Eerste zin hier. Tweede zin daar.")
    assert title == "Eerste zin hier." and body == "Eerste zin hier. Tweede zin daar."
    long_title, _ = title_and_body("woord " * 60)
    assert len(long_title) <= 120 and long_title.endswith("…")


@pytest.mark.parametrize("text", ["12", "#12", "nr 12", " 12 "])
def test_item_numbers_as_people_write_them(text: str) -> None:
    assert item_number(text, "x") == 12


@pytest.mark.parametrize("text", ["", "twaalf", "12a", "-1", "١٢", "9" * 20])
def test_bad_item_numbers_are_a_user_error(text: str) -> None:
    with pytest.raises(UserError):
        item_number(text, "knowledge.bad_number")


def test_search_filters_are_read_and_removed_from_the_words() -> None:
    parsed = parse(
        'ransom* "offline back-up" #Back-up tlp:amber gemeente:"Den Haag" sinds:2026-01-01 herstel'
    )
    assert parsed.prefixes == ("ransom",)
    assert parsed.phrases == ("offline back-up",)
    assert parsed.tags == ("back-up",)
    assert parsed.tlp == "amber"
    assert parsed.organisation == "Den Haag"
    assert parsed.since == "2026-01-01"
    assert parsed.words == ("herstel",)


def test_clean_drops_control_characters_and_normalises() -> None:
    assert clean("a\x00b\u202ec\u200bd\n e") == "abcd\n e"
    assert clean("cafe\u0301") == "café"


@given(st.text(max_size=2000))
def test_command_parsers_never_fail_on_any_text(text: str) -> None:
    with contextlib.suppress(LabelQuestion):  # a question back is an answer, not a failure
        labelled_text(clean(text))
    title_and_body(clean(text) or "x")
    parse(text)
