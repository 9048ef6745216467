"""Search relevance: does the bot find what Dutch municipal CISOs mean?

84 realistic items that compete for the same words and 65 queries as people type
them, of eight kinds (inflection, compound, hyphen, diacritics, typo, abbreviation,
English, question), each after one item. For each kind it prints recall@5 (the item
among the first five) and MRR (1/rank of the item), for the bot's whole search path
(`/kennis zoek` as a member: parsing, stems, thesaurus, fallbacks, typo correction)
and, in the same run, for a bare FTS5 baseline (unicode61 with diacritics removed,
the query's words ANDed, bm25). Targets: recall@5 >= 0.9 overall, >= 0.8 per kind.

With `--database-url` (a PostgreSQL server, see bench/engines.py) the bot's search
runs on PostgreSQL too, beside SQLite.

Run: `python bench/relevance.py` (add `--misses` to list the queries that miss).
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
import tempfile
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from engines import Engine, engines
from relevance_data import ITEMS, QUERIES

from handlers.knowledge.search import parse
from storage import knowledge, migrate
from storage.search import SearchQuery, search
from storage.thesaurus import Thesaurus
from storage.tlp import TLP, Audience, Place
from storage.views import Actor

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
READER = Audience(place=Place.PRIVATE, member_id=None, organisation_id=1, is_member=True)
TOP = 5


def bot_ranks(engine: Engine) -> dict[str, int | None]:
    """The rank (1-based) of each query's item in the bot's search, or None."""
    db = engine.fresh("relevance")
    migrate.upgrade(db.engine)
    ids: dict[int, str] = {}
    with db.write() as session:
        for key, title, body in ITEMS:
            item = knowledge.create(session, Actor("bench"), NOW, title=title, body=body,
                                    tlp=TLP.GREEN, tags=[], author_id=None,
                                    organisation_id=1)  # fmt: skip
            ids[item.id] = key
    thesaurus = Thesaurus.shipped()
    ranks: dict[str, int | None] = {}
    with db.read() as session:
        for text, wanted, _kind in QUERIES:
            parsed = parse(text)
            query = SearchQuery(words=parsed.words, phrases=parsed.phrases,
                                prefixes=parsed.prefixes, thesaurus=thesaurus)  # fmt: skip
            found = [ids[h.item.id] for h in search(session, READER, query, TOP).hits]
            ranks[text] = found.index(wanted) + 1 if wanted in found else None
    db.dispose()
    return ranks


def bare_ranks() -> dict[str, int | None]:
    """The same with a bare FTS5 table: raw text, diacritics removed, words ANDed."""
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(key UNINDEXED, title, body, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    connection.executemany("INSERT INTO docs VALUES (?, ?, ?)", ITEMS)
    ranks: dict[str, int | None] = {}
    for text, wanted, _kind in QUERIES:
        words = re.findall(r"\w+", text.lower())
        match = " AND ".join(f'"{w}"' for w in words)
        found = [row[0] for row in connection.execute(
            "SELECT key FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 3.0, 1.0) LIMIT ?",
            (match, TOP),
        )] if words else []  # fmt: skip
        ranks[text] = found.index(wanted) + 1 if wanted in found else None
    return ranks


def scores(ranks: dict[str, int | None]) -> dict[str, tuple[float, float]]:
    """Per kind (and `all`): recall@5 and MRR."""
    by_kind: dict[str, list[int | None]] = defaultdict(list)
    for text, _wanted, kind in QUERIES:
        by_kind[kind].append(ranks[text])
        by_kind["all"].append(ranks[text])
    return {
        kind: (
            sum(r is not None for r in found) / len(found),
            sum(1 / r for r in found if r is not None) / len(found),
        )
        for kind, found in by_kind.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the queries that miss")
    parser.add_argument("--database-url", help="a PostgreSQL server to measure beside SQLite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        found = engines(Path(scratch), args.database_url)
        try:
            bots = {engine.name: bot_ranks(engine) for engine in found}
        finally:
            for engine in found:
                engine.tidy()
    bare = bare_ranks()
    bot_scores = {name: scores(ranks) for name, ranks in bots.items()}
    bare_scores = scores(bare)
    print(f"{len(ITEMS)} items, {len(QUERIES)} queries, top {TOP}; the bot's search as a member "
          "beside bare FTS5 (unicode61, remove_diacritics 2, words ANDed, bm25)")  # fmt: skip
    names = list(bots)
    heading = "".join(f" {name[:10] + ' R@5':>15} {'MRR':>6}" for name in names)
    print(f"{'kind':<13} {'n':>3}{heading} {'bare R@5':>9} {'bare MRR':>9}")
    first = bot_scores[names[0]]
    kinds = [*sorted(k for k in first if k != "all"), "all"]
    for kind in kinds:
        count = sum(1 for *_q, k in QUERIES if k == kind) if kind != "all" else len(QUERIES)
        cells = "".join(f" {bot_scores[n][kind][0]:>15.2f} {bot_scores[n][kind][1]:>6.2f}"
                        for n in names)  # fmt: skip
        bare_recall, bare_mrr = bare_scores[kind]
        print(f"{kind:<13} {count:>3}{cells} {bare_recall:>9.2f} {bare_mrr:>9.2f}")
    for name in names:
        lowest = min(v[0] for k, v in bot_scores[name].items() if k != "all")
        print(
            f"{name}: targets recall@5 >= 0.9 overall (now {bot_scores[name]['all'][0]:.2f}), "
            f">= 0.8 for every kind (lowest now {lowest:.2f})"
        )
    if args.misses:
        for name, ranks in bots.items():
            for text, wanted, kind in QUERIES:
                if ranks[text] is None:
                    print(f"  {name} miss [{kind}] {text!r} (wanted {wanted})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
