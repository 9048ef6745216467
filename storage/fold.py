"""Text folding and Dutch stemming, shared by indexing and querying.

The search index stores, next to each item, its words folded (lower case, no
diacritics) and reduced to a Dutch stem, so that `wachtwoorden` and `wachtwoord`
meet. Index and query must use exactly these functions, or they drift apart.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Words are runs of letters and digits; everything else (hyphens, quotes, FTS
# operators, emoji) separates them. The same rule applies to index and query.
WORD = re.compile(r"[^\W_]+", re.UNICODE)

_stemmer = snowballstemmer.stemmer("dutch_porter")


def fold(text: str) -> str:
    """Lower-case `text` and strip its diacritics (`Café` → `cafe`, `ĳ` → `ij`)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Dutch stem of one folded word."""
    stemmed: str = _stemmer.stemWord(word)
    return stemmed


# Longer "words" are hashes, URLs or noise; cutting them keeps stemming linear.
MAX_WORD = 64


def words(text: str) -> list[str]:
    """The folded words of `text`, in order (each at most MAX_WORD characters)."""
    return [w[:MAX_WORD] for w in WORD.findall(fold(text))]


def stems(text: str) -> list[str]:
    """The folded, stemmed words of `text`, in order."""
    return [stem(w) for w in words(text)]


def index_text(text: str) -> str:
    """What the full-text index stores for `text`."""
    return " ".join(stems(text))


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The index form of one word as written (`Wachtwoorden` → `wachtwoord`)."""
    folded = fold(word)
    return stem(folded[:MAX_WORD])


@lru_cache(maxsize=200_000)
def folded_word(word: str) -> str:
    return fold(word)[:MAX_WORD]
