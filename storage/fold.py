"""Text folding and Dutch stemming, shared by indexing and querying.

The search index stores, next to each item, its words folded (lower case, no
diacritics) and reduced to a Dutch stem, so that `wachtwoorden` and `wachtwoord`
meet. Index and query must use exactly these functions, or they drift apart.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from typing import Any

# Words are runs of letters and digits; everything else (quotes, FTS operators,
# emoji) separates them. A hyphen between letters joins: `back-up` and `backup`,
# `e-mail` and `email` are one word. The index also keeps the parts (`IBD-advies`
# is found by `IBD`), the query asks for the joined word. The same rule applies to
# index and query.
WORD = re.compile(r"[^\W_]+(?:-(?=[^\W\d_])[^\W_]+)*", re.UNICODE)


_PER_THREAD = threading.local()


def _stemmer() -> Any:
    """Snowball's Dutch stemmer for this thread, made on first use (its import costs a
    start ~50 ms). One per thread: a stemmer keeps the word it works on in the object,
    so threads sharing one mix their words up."""
    found = getattr(_PER_THREAD, "stemmer", None)
    if found is None:
        import snowballstemmer

        found = _PER_THREAD.stemmer = snowballstemmer.stemmer("dutch_porter")
    return found


def fold(text: str) -> str:
    """Lower-case `text` and strip its diacritics (`Café` → `cafe`, `ĳ` → `ij`)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Dutch stem of one folded word."""
    stemmed: str = _stemmer().stemWord(word)
    return stemmed


# Longer "words" are hashes, URLs or noise; cutting them keeps stemming linear.
MAX_WORD = 64


def words(text: str) -> list[str]:
    """The folded words of `text`, in order, hyphenated ones joined (each at most MAX_WORD)."""
    return [w.replace("-", "")[:MAX_WORD] for w in WORD.findall(fold(text))]


def index_words(text: str) -> list[str]:
    """What the index keeps of `text`: every word, and a hyphenated one's parts before it."""
    found: list[str] = []
    for word in WORD.findall(fold(text)):
        if "-" in word:
            found += [part[:MAX_WORD] for part in word.split("-")]
        found.append(word.replace("-", "")[:MAX_WORD])
    return found


def stems(text: str) -> list[str]:
    """The folded, stemmed words of `text`, in order."""
    return [stem(w) for w in words(text)]


def phrase_variants(text: str, most: int = 4) -> list[tuple[str, ...]]:
    """The stemmed word sequences a quoted phrase stands for.

    A hyphenated word is in the index as its parts followed by the joined word, so a
    phrase asks for either (`"offline back-up"`: `offlin backup` or `offlin back up`).
    """
    variants: list[tuple[str, ...]] = [()]
    for word in WORD.findall(fold(text)):
        joined = (stem(word.replace("-", "")[:MAX_WORD]),)
        options: list[tuple[str, ...]] = [joined]
        if "-" in word:
            options.append(tuple(stem(p[:MAX_WORD]) for p in word.split("-")))
        variants = [v + o for v in variants for o in options][:most]
    return [v for v in variants if v]


# A word this long is likely a compound: it is also kept reversed, so that a word can
# find the compounds it ends (FTS5 finds words only by how they start).
TAIL_FROM = 8


def tail_text(text: str) -> str:
    """The reversed stems of the compound words of `text`, for the index's tails column."""
    stems_ = (stem(w) for w in words(text) if len(w) >= TAIL_FROM)
    return " ".join(dict.fromkeys(s[::-1] for s in stems_))


# Dutch joins the parts of a compound with a linking -s-, -e- or -(e)n-, and people
# write the same compound with different ones (`kwetsbaarheidsscan`,
# `kwetsbaarhedenscan`, `kwetsbaarheidscan`). `-heid` makes its plural `-heden`.
LINKS = ("", "s", "e", "en", "n")
JOINT_PART = 4  # the shortest part on either side of a joint (`risico|analyse`)


def _links_after(core: str) -> tuple[str, ...]:
    """The links Dutch puts after this first part: -s-, -e-, -en- after a consonant
    (`beveiliging-s-`, `kwetsbaarhed-en-`), -n- after an -e (`gemeente-n-`)."""
    if core[-1] in "aeiouy":
        return ("", "n") if core[-1] == "e" else ("",)
    return ("", "s", "e", "en")


def joint_variants(term: str) -> tuple[str, ...]:
    """The same compound (an index term) with another linking letter at a joint.

    Every place between two parts of at least JOINT_PART letters is tried: a link
    present there is swapped for each other one or dropped, and each link is put in
    where there is none. Most results are no word at all; the caller keeps those the
    index holds.
    """
    if len(term) < TAIL_FROM:
        return ()
    found: dict[str, None] = {}
    for cut in range(JOINT_PART, len(term) - JOINT_PART + 1):
        head, tail = term[:cut], term[cut:]
        cores = {head} | {head[: -len(link)] for link in LINKS[1:] if head.endswith(link)}
        cores |= {c[:-3] + "heid" for c in cores if c.endswith("hed")}
        cores |= {c[:-4] + "hed" for c in cores if c.endswith("heid")}
        for core in cores:
            if len(core) >= JOINT_PART:
                found.update(dict.fromkeys(core + link + tail for link in _links_after(core)))
    found.pop(term, None)
    return tuple(found)


def index_text(text: str) -> str:
    """What the full-text index stores for `text`."""
    return " ".join(stem(w) for w in index_words(text))


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The index form of one word as written (`Wachtwoorden` → `wachtwoord`)."""
    folded = fold(word).replace("-", "")
    return stem(folded[:MAX_WORD])


@lru_cache(maxsize=200_000)
def folded_word(word: str) -> str:
    return fold(word).replace("-", "")[:MAX_WORD]
