"""Search latency at scale: the bot's search beside a bare index query on the same table.

Builds synthetic Dutch knowledge items (100,000 and 1,000,000 by default) through the
real migrations and index triggers, then times a mix of queries three ways:

- bare:  SELECT rowid FROM knowledge_fts WHERE knowledge_fts MATCH ? ORDER BY rank LIMIT n
         (PostgreSQL: the same on the tsvector, ORDER BY ts_rank)
- store: storage.search.search (TLP condition, ranking, item snapshots, snippets)
- bot:   the whole command path, Core.handle(`/kennis zoek …`) up to the neutral reply

and prints p50/p95 per size with the ratio to the bare query. With `--database-url` (a
PostgreSQL server, see bench/engines.py) the same runs on PostgreSQL beside SQLite.
Run: `make bench` or `python bench/search.py --sizes 100000,1000000`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path

from sqlalchemy import insert, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conditions import describe
from engines import Engine, describe_server, engines, statistics_as_a_bot_keeps_them

from bot.app import build_router
from bot.clock import FixedClock
from handlers.context import CoreSettings
from handlers.core import Core
from handlers.knowledge.search import parse
from handlers.messages import Request
from storage import members, migrate
from storage import search as store
from storage.db import Database
from storage.dialect import is_postgresql
from storage.fold import index_text
from storage.fulltext import syntax
from storage.models import KnowledgeItem
from storage.tlp import TLP, Audience, Place
from storage.views import Actor

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
# Function words make up almost half of Dutch running text; people do not search for them.
FUNCTION_WORDS = (
    "de het een en van in op te voor met is dat die niet zijn aan ook bij als er om of door "
    "naar dan maar over worden wordt heeft hebben kan moet zal nog wel geen deze dit wat wij "
    "we ze hun onze tot uit"
).split()
ROOTS = (
    "wachtwoord beveilig incident phishing ransomware leverancier back-up logging audit "
    "netwerk server gemeente burger dienst advies risico maatregel beleid toegang account "
    "melding datalek kwetsbaarheid patch update firewall monitor herstel continuiteit "
    "awareness training oefening crisis communicatie bestuur college raad wethouder "
    "contract verwerker privacy gegeven systeem applicatie cloud opslag werkplek laptop "
    "telefoon mail bijlage link website portaal koppeling zaak archief document rapport "
    "controle norm kader eis verklaring toezicht sanctie boete budget planning project "
    "afdeling team medewerker beheerder ontwikkelaar leverantie dreiging aanval inbraak "
    "sleutel certificaat versleuteling identiteit authenticatie autorisatie rol rechten"
).split()
COMPOUND_HEADS = (
    "", "gemeente", "data", "cyber", "netwerk", "informatie", "keten", "burger", "systeem",
    "beheer", "dienst", "privacy", "crisis", "digitaal", "regio", "team",
)  # fmt: skip
SUFFIXES = ("", "en", "s", "ing", "beleid", "plan", "proces", "lijst", "team", "systeem")
TLP_MIX = (
    [TLP.GREEN] * 60 + [TLP.CLEAR] * 20 + [TLP.AMBER] * 12 + [TLP.AMBER_STRICT] * 5 + [TLP.RED] * 3
)
PAGE = 5
BARE = {
    "SQLite": text(
        "SELECT rowid FROM knowledge_fts WHERE knowledge_fts MATCH :m ORDER BY rank LIMIT :n"
    ),
    "PostgreSQL": text(
        "SELECT id FROM knowledge_items WHERE search_vector @@ CAST(:m AS tsquery) ORDER BY "
        "ts_rank('{0.1, 0.2, 0.6, 1.0}'::real[], search_vector, CAST(:m AS tsquery), 1) DESC "
        "LIMIT :n"
    ),
}


def vocabulary() -> list[str]:
    """About 15,000 content words, most frequent first (Zipf order)."""
    words = sorted(
        {head + root + suffix for head in COMPOUND_HEADS for root in ROOTS for suffix in SUFFIXES}
    )
    random.Random(7).shuffle(words)
    return words


class Sampler:
    """Draws running Dutch-like text: function words and Zipf-distributed content words."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = vocabulary()
        self.cumulative = list(accumulate(1 / (rank + 1) for rank in range(len(self.words))))

    def content(self, k: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=k)

    def running_text(self, k: int) -> list[str]:
        content = iter(self.content(k))
        return [
            self.rng.choice(FUNCTION_WORDS) if self.rng.random() < 0.45 else next(content)
            for _ in range(k)
        ]


def build(engine: Engine, size: int) -> Database:
    db = engine.fresh(f"search_{size}")
    migrate.upgrade(db.engine)
    rng = random.Random(size)
    sample = Sampler(rng)
    with db.write() as session:
        members.save_member(
            session,
            Actor("bench"),
            NOW,
            platform="bench",
            user_id="reader",
            display_name="Lezer",
            organisation_id=1,
            roles=["ciso"],
        )
    started = time.perf_counter()
    batch: list[dict[str, object]] = []
    for number in range(size):
        title = " ".join(sample.content(6)).capitalize()
        body = " ".join(sample.running_text(40)) + "."
        tags = " ".join(sample.content(2))
        moment = NOW - timedelta(minutes=number)
        batch.append(
            {
                "title": title,
                "body": body,
                "tlp": rng.choice(TLP_MIX).value,
                "author_id": None,
                "organisation_id": rng.randint(1, 27),
                "created_at": moment,
                "updated_at": moment,
                "search_title": index_text(title),
                "search_body": index_text(body),
                "search_tags": index_text(tags),
            }
        )
        if len(batch) == 20_000:
            _flush(db, batch)
    _flush(db, batch)
    with db.write() as session:
        if not engine.postgresql:
            session.execute(text("INSERT INTO knowledge_fts(knowledge_fts) VALUES('optimize')"))
    statistics_as_a_bot_keeps_them(db)
    print(f"  built {size:,} items in {time.perf_counter() - started:.0f} s, "
          f"{database_mib(engine, db):.0f} MiB")  # fmt: skip
    return db


def database_mib(engine: Engine, db: Database) -> float:
    if not engine.postgresql:
        return Path(str(db.engine.url.database)).stat().st_size / 2**20
    with db.read() as session:
        return (
            float(session.scalar(text("SELECT pg_database_size(current_database())")) or 0) / 2**20
        )


def _flush(db: Database, batch: list[dict[str, object]]) -> None:
    if batch:
        with db.write() as session:
            session.execute(insert(KnowledgeItem), batch)
        batch.clear()


def queries(count: int) -> Iterator[tuple[str, str]]:
    """(kind, query text): the mix people type, plus the worst case of a very common word."""
    rng = random.Random(99)
    words = vocabulary()
    for number in range(count):
        kind = ("word", "two words", "prefix", "phrase", "common word")[number % 5]
        if kind == "word":
            yield kind, rng.choice(words[100:5000])
        elif kind == "two words":
            yield kind, f"{rng.choice(words[30:3000])} {rng.choice(words[30:3000])}"
        elif kind == "prefix":
            yield kind, rng.choice(ROOTS)[:6] + "*"
        elif kind == "phrase":
            yield kind, f'"{rng.choice(words[10:1000])} {rng.choice(words[10:1000])}"'
        else:
            yield kind, rng.choice(words[:5])


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return statistics.median(ordered), p95


def measure(engine: Engine, db: Database, count: int) -> dict[str, dict[str, list[float]]]:
    settings = CoreSettings(page_size=PAGE)
    core = Core(build_router(), db, FixedClock(NOW), settings)
    with db.read() as session:
        reader = members.get_member(session, "bench", "reader")
    assert reader is not None
    audience = Audience(place=Place.PRIVATE, member_id=reader.id, organisation_id=1, is_member=True)
    timings: dict[str, dict[str, list[float]]] = {}
    for kind, query_text in queries(count):
        parsed = parse(query_text)
        query = store.SearchQuery(
            words=parsed.words, phrases=parsed.phrases, prefixes=parsed.prefixes
        )
        match = store.match_expression(query, syntax(engine.name.lower()))
        bare = BARE[engine.name]
        bucket = timings.setdefault(kind, {"bare": [], "store": [], "bot": []})
        with db.read() as session:
            session.execute(bare, {"m": match, "n": PAGE + 1}).all()
            store.search(session, audience, query, PAGE + 1)
            started = time.perf_counter()
            session.execute(bare, {"m": match, "n": PAGE + 1}).all()
            bucket["bare"].append(time.perf_counter() - started)
            started = time.perf_counter()
            store.search(session, audience, query, PAGE + 1)
            bucket["store"].append(time.perf_counter() - started)
        request = Request(platform="bench", user_id="reader", command="kennis",
                          text=f"zoek {query_text}", channel_id="bench")  # fmt: skip
        core.handle(request)  # every way runs once before it is timed: equally warm caches
        started = time.perf_counter()
        core.handle(request)
        bucket["bot"].append(time.perf_counter() - started)
    return timings


def report(engine: Engine, size: int, timings: dict[str, dict[str, list[float]]]) -> None:
    print(f"\n{engine.name}, {size:,} items — latency in ms (p50 / p95), ratio = p95 / bare p95")
    print(f"  {'query kind':<12} {'bare':>15} {'store':>15} {'bot':>15} {'bot/bare':>9}")
    everything: dict[str, list[float]] = {"bare": [], "store": [], "bot": []}
    for kind, bucket in [*timings.items(), ("all", everything)]:
        if kind != "all":
            for way, samples in bucket.items():
                everything[way] += samples
        cells = []
        for way in ("bare", "store", "bot"):
            p50, p95 = percentiles(bucket[way])
            cells.append(f"{p50 * 1000:6.1f} / {p95 * 1000:6.1f}")
        ratio = percentiles(bucket["bot"])[1] / max(percentiles(bucket["bare"])[1], 1e-9)
        print(f"  {kind:<12} {cells[0]:>15} {cells[1]:>15} {cells[2]:>15} {ratio:>8.2f}x")


def index_mib(db: Database, name: str = "knowledge_fts") -> float:
    """The size of an FTS5 index's own tables (SQLite's dbstat), or of PostgreSQL's GIN
    index, in MiB (PostgreSQL's tsvector column is in the table itself, not counted)."""
    with db.read() as session:
        if is_postgresql(session):
            found = session.scalar(text("SELECT pg_relation_size('ix_knowledge_items_search')"))
            return float(found or 0) / 2**20
        found = session.scalar(
            text("SELECT sum(pgsize) FROM dbstat WHERE name LIKE :name"), {"name": f"{name}_%"}
        )
    return float(found or 0) / 2**20


def prefix_cost(db: Database) -> str:
    """The index's size against the same index built without its prefix index."""
    with_prefix = index_mib(db)
    with db.write() as session:
        session.execute(text("DROP TABLE IF EXISTS bench_plain_fts"))
        session.execute(text(
            "CREATE VIRTUAL TABLE bench_plain_fts USING fts5(search_title, search_body, "
            "search_tags, search_tails, content='knowledge_items', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')"
        ))  # fmt: skip
        session.execute(text("INSERT INTO bench_plain_fts(bench_plain_fts) VALUES('rebuild')"))
        session.execute(text("INSERT INTO bench_plain_fts(bench_plain_fts) VALUES('optimize')"))
    plain = index_mib(db, "bench_plain_fts")
    with db.write() as session:
        session.execute(text("DROP TABLE bench_plain_fts"))
    added = with_prefix - plain
    return (
        f"search index {with_prefix:.0f} MiB; without the prefix index {plain:.0f} MiB "
        f"(+{added:.0f} MiB, +{added / plain * 100:.0f}%)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated item counts")
    parser.add_argument("--queries", type=int, default=250, help="queries per size")
    parser.add_argument(
        "--dir", type=Path, help="keep the databases here and reuse them (default: a temp dir)"
    )
    parser.add_argument(
        "--prefix-cost", action="store_true",
        help="also build the index without its prefix index, to print the size that adds",
    )  # fmt: skip
    parser.add_argument("--database-url", help="a PostgreSQL server to measure beside SQLite")
    parser.add_argument("--keep", action="store_true", help="keep PostgreSQL's databases")
    args = parser.parse_args()
    print(describe(), flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.dir or Path(scratch)
        found = engines(folder, args.database_url, keep=args.keep)
        for engine in found:
            print(describe_server(engine), flush=True)
        try:
            for size in (int(s) for s in args.sizes.split(",")):
                for engine in found:
                    name = f"search_{size}"
                    reuse = (args.dir or args.keep) and engine.exists(name)
                    if reuse:
                        print(f"{engine.name}: reusing {size:,} items, migrated to this version",
                              flush=True)  # fmt: skip
                        db = engine.open(name)
                        migrate.upgrade(db.engine)
                        statistics_as_a_bot_keeps_them(db)
                    else:
                        print(f"{engine.name}: building {size:,} items …", flush=True)
                        db = build(engine, size)
                    if args.prefix_cost and not engine.postgresql:
                        print(f"  {prefix_cost(db)}", flush=True)
                    else:
                        print(f"  search index {index_mib(db):.0f} MiB", flush=True)
                    measure(engine, db, 20)  # warm the page cache and the stemmer
                    report(engine, size, measure(engine, db, args.queries))
                    db.dispose()
        finally:
            for engine in found:
                engine.tidy()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
