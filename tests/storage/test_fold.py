"""Folding and stemming make Dutch words meet in the index."""

from __future__ import annotations

from storage.fold import fold, index_text, index_words, stem, words


def test_fold_strips_diacritics_and_case() -> None:
    assert fold("Café Ĳsselmeer") == "cafe ijsselmeer"
    assert fold("Continuïteit") == "continuiteit"


def test_inflections_share_a_stem() -> None:
    assert stem("wachtwoorden") == stem("wachtwoord")
    assert stem("kwetsbaarheden") == stem("kwetsbaarheid")
    assert stem("gemeenten") == stem("gemeente")
    assert stem("leveranciers") == stem("leverancier")


def test_words_split_on_punctuation_and_operators() -> None:
    assert words('back-up "NEAR" (AND) e-mail: C++') == [
        "backup", "near", "and", "email", "c"
    ]  # fmt: skip


def test_the_index_keeps_a_hyphenated_words_parts_and_the_joined_word() -> None:
    assert index_words("IBD-advies over back-ups") == [
        "ibd", "advies", "ibdadvies", "over", "back", "ups", "backups"
    ]  # fmt: skip


def test_index_text_is_folded_stems() -> None:
    assert index_text("Lange Wachtwoorden") == "lang wachtwoord"
