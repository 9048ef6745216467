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


def test_words_stemmed_on_many_threads_at_once_get_their_own_stems() -> None:
    # Snowball's stemmer keeps the word it works on in the object: one shared by the
    # request threads mixed their words up (a wrong stem in the index, or an error).
    import itertools
    from concurrent.futures import ThreadPoolExecutor

    import snowballstemmer

    from storage.fold import stem

    syllables = ("wacht", "woord", "beleid", "heden", "ingen", "netwerk", "lekken", "mails")
    words = ["".join(parts) + "en" for parts in itertools.permutations(syllables, 4)]
    alone = snowballstemmer.stemmer("dutch_porter")
    expected = [alone.stemWord(word) for word in words]
    stem.cache_clear()  # every word goes through the stemmer, not the cache
    with ThreadPoolExecutor(max_workers=8) as pool:
        found = list(pool.map(stem, words, chunksize=1))
    assert found == expected
