"""A Dutch thesaurus for the field: abbreviations, full forms and English terms.

The groups ship as `storage/thesaurus.txt`; an install adds its own in a file named
by `THESAURUS_FILE` (the same format). A settings file rather than a chat command:
synonyms change what every member finds, so they are reviewed and deployed like the
rest of the configuration, and a wrong one is undone by editing one line. Each term
is kept as its folded, stemmed words, exactly as the index keeps text, and a query
word (or run of words) that is in a group is searched as any term of that group.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storage.fold import stem, words

SHIPPED = Path(__file__).with_name("thesaurus.txt")
LONGEST = 5  # words in the longest term looked for in a query

Term = tuple[str, ...]


def _term(text: str) -> Term:
    # Folded and stemmed as a query is: a hyphenated term (`ddos-aanval`) joined.
    return tuple(stem(w) for w in words(text))


@dataclass(frozen=True)
class Thesaurus:
    """Which terms mean the same: each term maps to its whole group."""

    groups: dict[Term, tuple[Term, ...]] = field(default_factory=dict)
    # The first stem of every term: most stems of a text start none, and are passed by
    # at once (a text of 60 words is looked up against every group for each candidate
    # of "similar knowledge").
    firsts: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "firsts", frozenset(term[0] for term in self.groups))

    @classmethod
    def read(cls, paths: Iterable[Path]) -> Thesaurus:
        groups: dict[Term, tuple[Term, ...]] = {}
        for path in paths:
            for line in path.read_text(encoding="utf-8").splitlines():
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                terms = [_term(t) for t in line.split("|")]
                group = tuple(dict.fromkeys(t for t in terms if t))
                for term in group:
                    # A term in two groups gets both (later lines add, never replace).
                    groups[term] = tuple(dict.fromkeys((*groups.get(term, ()), *group)))
        return cls(groups)

    @classmethod
    def shipped(cls, extra: Path | None = None) -> Thesaurus:
        return cls.read([SHIPPED, *([extra] if extra else [])])

    def concepts(self, stems: list[str], keep: list[bool] | None = None) -> list[str]:
        """The stems with each run that is a term replaced by one token for its group
        (`~ddos`), so that texts using different terms of a group share it. Other stems
        stay when `keep` (by position) says so."""
        runs = {start: (size, group) for start, size, group in self.expand(stems)}
        found: list[str] = []
        position = 0
        while position < len(stems):
            if position in runs:
                size, group = runs[position]
                found.append("~" + " ".join(group[0]))
                position += size
                continue
            if keep is None or keep[position]:
                found.append(stems[position])
            position += 1
        return found

    def terms_of(self, concept: str) -> tuple[Term, ...]:
        """The terms of a group token made by `concepts`."""
        return self.groups.get(tuple(concept[1:].split(" ")), ())

    def expand(self, stems: list[str]) -> list[tuple[int, int, tuple[Term, ...]]]:
        """Runs of the query's stems that are terms: (start, size, the whole group)."""
        found: list[tuple[int, int, tuple[Term, ...]]] = []
        position = 0
        firsts = self.firsts
        while position < len(stems):
            if stems[position] not in firsts:
                position += 1
                continue
            for size in range(min(LONGEST, len(stems) - position), 0, -1):
                run = tuple(stems[position : position + size])
                if run in self.groups:
                    found.append((position, size, self.groups[run]))
                    position += size
                    break
            else:
                position += 1
        return found
