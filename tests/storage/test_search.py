"""Dutch search: stems, diacritics, phrases, prefixes, ranking, filters, hostile input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.clock import FixedClock
from handlers.core import Core
from handlers.knowledge.search import parse
from storage import knowledge
from storage.db import Database
from storage.search import SearchQuery, match_expression, search
from storage.tlp import TLP, Audience, Place
from storage.views import Actor
from tests.template import only_sqlite

READER = Audience(place=Place.PRIVATE, member_id=99, organisation_id=1, is_member=True)
T0 = datetime(2026, 1, 1, tzinfo=UTC)

CORPUS = [
    ("Wachtwoordbeleid herzien", "Lange wachtwoorden en MFA voor alle medewerkers.", ["mfa"]),
    ("Phishingmails met valse facturen", "Blokkeer het afzenderdomein.", ["phishing"]),
    ("Continuïteit van de dienstverlening", "Plan voor uitval bij een café-incident.", []),
    ("Ransomware bij leverancier", "Offline back-up was bepalend voor herstel.", ["ransomware"]),
    ("Logging in Microsoft 365", "Audit log bewaren in eigen opslag.", ["logging"]),
    ("Awareness", "Een campagne over phishing, kort genoemd.", ["awareness"]),
    ("Phishing herkennen", "Phishing herkennen: afzender, haast, link, phishing melden.", []),
]


@pytest.fixture
def corpus(db: Database) -> Database:
    with db.write() as session:
        for number, (title, body, tags) in enumerate(CORPUS):
            knowledge.create(
                session, Actor("t"), T0 + timedelta(days=number), title=title, body=body,
                tlp=TLP.GREEN, tags=tags, author_id=None, organisation_id=1 + number % 2,
            )  # fmt: skip
    return db


def titles(db: Database, text: str, **filters: Any) -> list[str]:
    parsed = parse(text)
    query = SearchQuery(
        words=parsed.words, phrases=parsed.phrases, prefixes=parsed.prefixes, **filters
    )
    with db.read() as session:
        return [hit.item.title for hit in search(session, READER, query, 10).hits]


def test_plural_finds_singular_through_dutch_stemming(corpus: Database) -> None:
    assert titles(corpus, "wachtwoord") == ["Wachtwoordbeleid herzien"]
    assert titles(corpus, "wachtwoorden") == ["Wachtwoordbeleid herzien"]


def test_diacritics_are_folded_both_ways(corpus: Database) -> None:
    assert titles(corpus, "continuiteit") == ["Continuïteit van de dienstverlening"]
    assert titles(corpus, "cafe") == ["Continuïteit van de dienstverlening"]
    assert titles(corpus, "CAFÉ") == ["Continuïteit van de dienstverlening"]


def test_a_word_finds_compounds_that_start_with_it(corpus: Database) -> None:
    assert "Phishingmails met valse facturen" in titles(corpus, "phishing")


def test_most_relevant_item_comes_first(corpus: Database) -> None:
    found = titles(corpus, "phishing")
    assert found[0] == "Phishing herkennen"
    assert found[-1] == "Awareness"


def test_quoted_phrase_matches_words_in_order_only(corpus: Database) -> None:
    assert titles(corpus, '"offline back-up"') == ["Ransomware bij leverancier"]
    assert titles(corpus, '"back-up offline"') == []


def test_prefix_search(corpus: Database) -> None:
    assert titles(corpus, "ransom*") == ["Ransomware bij leverancier"]


def test_all_words_must_match(corpus: Database) -> None:
    assert titles(corpus, "phishing facturen") == ["Phishingmails met valse facturen"]


def test_filters_narrow_results(corpus: Database) -> None:
    assert titles(corpus, "phishing", tags=("awareness",)) == ["Awareness"]
    assert titles(corpus, "", tags=("logging",)) == ["Logging in Microsoft 365"]
    assert "Awareness" not in titles(corpus, "phishing", organisation_id=1)
    assert titles(corpus, "phishing", since=T0 + timedelta(days=6)) == ["Phishing herkennen"]


def test_snippet_marks_the_matched_words(corpus: Database) -> None:
    with corpus.read() as session:
        hits = search(session, READER, SearchQuery(words=("wachtwoorden",)), 5).hits
    assert "**wachtwoorden**" in hits[0].snippet


@pytest.mark.parametrize(
    "text",
    ['"', '""', "*", "NEAR", "NEAR(a b)", "AND", "a AND OR NOT b", "-", "a:b", "(", ")", "'",
     '"unbalanced', "^", "{x}", "col:phishing", "x" * 40_000, "🙂", "\x00", "'; DROP TABLE x;--"],
)  # fmt: skip
def test_hostile_queries_return_results_or_nothing_never_an_error(
    corpus: Database, text: str
) -> None:
    titles(corpus, text)


@given(st.text(max_size=300))
def test_any_text_is_a_safe_query(corpus: Database, text: str) -> None:
    parsed = parse(text)
    query = SearchQuery(words=parsed.words, phrases=parsed.phrases, prefixes=parsed.prefixes)
    expression = match_expression(query)
    if expression is not None:
        assert expression.count('"') % 2 == 0
    with corpus.read() as session:
        search(session, READER, query, 5)


def test_a_first_page_without_any_full_match_widens_to_any_word(corpus: Database) -> None:
    with corpus.read() as session:
        page = search(session, READER, SearchQuery(words=("wachtwoord", "blockchain")), 5)
        later = search(session, READER, SearchQuery(words=("wachtwoord", "blockchain")), 5, 5)
    assert [h.item.title for h in page.hits] == ["Wachtwoordbeleid herzien"]
    assert page.query.match_any  # the page says how it was found, so paging can follow
    assert later.hits == [] and not later.query.match_any  # only a first page widens


def test_the_broad_search_notice_counts_only_what_the_reader_may_see(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another organisation's AMBER+STRICT items must not make a word look common."""
    monkeypatch.setattr("storage.search.BROAD_MATCH", 3)
    monkeypatch.setattr("storage.search.RANKED_AMONG", 3)  # never more than BROAD_MATCH
    with db.write() as session:
        for number in range(6):
            knowledge.create(
                session, Actor("t"), T0 + timedelta(days=number), title=f"Geheim {number}",
                body="Een incident met ransomware.", tlp=TLP.AMBER_STRICT, tags=[], author_id=None,
                organisation_id=2,
            )  # fmt: skip
        knowledge.create(
            session, Actor("t"), T0, title="Open", body="Ransomware in het nieuws.",
            tlp=TLP.GREEN, tags=[], author_id=None, organisation_id=2,
        )  # fmt: skip
    query = SearchQuery(words=("ransomware",))
    author = Audience(place=Place.PRIVATE, member_id=None, organisation_id=2, is_member=True)
    with db.read() as session:
        reader_page = search(session, READER, query, 10)
        author_page = search(session, author, query, 10)
    assert [h.item.title for h in reader_page.hits] == ["Open"]
    assert not reader_page.newest_first
    assert author_page.newest_first and len(author_page.hits) == 7


def test_two_words_also_find_the_compound_they_make(db: Database) -> None:
    with db.write() as session:
        knowledge.create(
            session, Actor("t"), T0, title="Gebouwbeheersysteem beveiligen",
            body="Het hing aan het kantoornetwerk.", tlp=TLP.GREEN, tags=[], author_id=None,
            organisation_id=1,
        )  # fmt: skip
    query = SearchQuery(words=("gebouwbeheer systeem",))
    with db.read() as session:
        hits = search(session, READER, query, 5)
    assert [h.item.title for h in hits.hits] == ["Gebouwbeheersysteem beveiligen"]
    assert not hits.query.match_any  # found as the compound, not as "any word"


def test_a_word_also_finds_the_compounds_it_ends(db: Database) -> None:
    """`systeem` finds *gebouwbeheersysteem*; `scan` finds *kwetsbaarhedenscan*."""
    with db.write() as session:
        for title in ("Gebouwbeheersysteem beveiligen", "Kwetsbaarhedenscan maandelijks"):
            knowledge.create(
                session, Actor("t"), T0, title=title, body="Afspraken.", tlp=TLP.GREEN,
                tags=[], author_id=None, organisation_id=1,
            )  # fmt: skip
    with db.read() as session:
        for word, title in (("systeem", "Gebouwbeheersysteem beveiligen"),
                            ("scan", "Kwetsbaarhedenscan maandelijks")):  # fmt: skip
            hits = search(session, READER, SearchQuery(words=(word,)), 5).hits
            assert [h.item.title for h in hits] == [title], word


JOINTS = {
    "Kwetsbaarhedenscan maandelijks": ("kwetsbaarheidsscan", "kwetsbaarheidscan"),
    "Beveiligingsbeleid vastgesteld": ("beveiligingbeleid",),
    "Incidentenmelding bij de IBD": ("incidentmelding", "incidentsmelding"),
    "Gemeentesecretaris tekent": ("gemeentensecretaris",),
}


def test_a_compound_is_found_whatever_its_linking_letters(db: Database) -> None:
    """`kwetsbaarheidsscan` finds *kwetsbaarhedenscan*: the linking -s-/-en- is folded.

    Found as the same word, not as a typo (no "Bedoelde je") and not as "any word".
    """
    with db.write() as session:
        for title in (*JOINTS, "Kwetsbaarheid in de scanner"):
            knowledge.create(
                session, Actor("t"), T0, title=title, body="Afspraken.", tlp=TLP.GREEN,
                tags=[], author_id=None, organisation_id=1,
            )  # fmt: skip
    with db.read() as session:
        for title, forms in JOINTS.items():
            for form in forms:
                page = search(session, READER, SearchQuery(words=(form,)), 5)
                assert [h.item.title for h in page.hits] == [title], form
                assert not page.did_you_mean and not page.query.match_any, form


@pytest.mark.parametrize(
    "text",
    ["zonnepanelen", "phishing", "phishing zonnepanelen", '"valse facturen"', "ransom*",
     "wachtwoord #mfa", "leverancer"],
)  # fmt: skip
def test_no_search_runs_the_same_statement_twice(corpus: Database, text: str) -> None:
    # Each widening (compounds, any word) runs only when it is a different search: a
    # one-word query's "any word" is the same MATCH as its "every word".
    from sqlalchemy import event

    ran: list[tuple[str, str]] = []

    def record(_conn: Any, _cursor: Any, statement: str, params: Any, *_rest: Any) -> None:
        ran.append((statement, repr(params)))

    event.listen(corpus.engine, "before_cursor_execute", record)
    try:
        titles(corpus, text)
    finally:
        event.remove(corpus.engine, "before_cursor_execute", record)
    searches = [r for r in ran if "MATCH" in r[0] or "@@" in r[0]]  # SQLite, PostgreSQL
    assert searches and len(searches) == len(set(searches)), searches


def test_a_window_ranks_only_the_newest_matches(corpus: Database) -> None:
    # Related and similar items rank among the newest matches only (at scale, an
    # any-word search matches much of the base).
    everything = set(titles(corpus, "phishing", compounds=False))
    assert "Phishingmails met valse facturen" in everything  # its tag, the oldest match
    newest = set(titles(corpus, "phishing", compounds=False, newest=2))
    assert newest == {"Awareness", "Phishing herkennen"}


def test_a_search_ranks_its_newest_matches_only(
    corpus: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What `newest=` does for related items, every search does beyond RANKED_AMONG.
    monkeypatch.setattr("storage.search.RANKED_AMONG", 2)
    assert set(titles(corpus, "phishing", compounds=False)) == {"Awareness", "Phishing herkennen"}


def test_related_items_are_ranked_however_common_their_words_are(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Related and similar items rank the newest matches: a common word does not turn
    them into the newest items that share any word with the one shown."""
    from storage.bottleneck_links import similar_knowledge
    from storage.search import related

    monkeypatch.setattr("storage.search.BROAD_MATCH", 3)
    monkeypatch.setattr("storage.search.RANKED_AMONG", 3)  # never more than BROAD_MATCH
    with db.write() as session:
        best = knowledge.create(
            session, Actor("t"), T0, title="Phishingtest bij de gemeente",
            body="Een phishingtest met nepmails.", tlp=TLP.GREEN, tags=["phishing"],
            author_id=None, organisation_id=2,
        )  # fmt: skip
        for number in range(6):  # newer, sharing only a common word
            knowledge.create(
                session, Actor("t"), T0 + timedelta(days=1 + number), title=f"Gemeente {number}",
                body="Iets anders bij de gemeente.", tlp=TLP.GREEN, tags=[], author_id=None,
                organisation_id=2,
            )  # fmt: skip
        shown = knowledge.create(
            session, Actor("t"), T0 + timedelta(days=9), title="Phishingtest in de gemeente",
            body="Nepmails als phishingtest.", tlp=TLP.GREEN, tags=["phishing"],
            author_id=None, organisation_id=2,
        )  # fmt: skip
    with db.read() as session:
        view = knowledge.views(session, [shown.id])[0]
        assert related(session, READER, view, 3)[0].id == best.id
        similar = similar_knowledge(session, READER, "Phishingtest bij de gemeente met nepmails")
    assert {item.id for item in similar} == {best.id, shown.id}


def test_the_index_s_words_are_kept_for_look_ups_as_items_are_written(corpus: Database) -> None:
    # A compound is searched with its other linking letters too, when the index holds
    # them: the words are looked up in a table that triggers fill as items are written.
    from sqlalchemy import select

    from storage.fold import index_text
    from storage.models import SearchTerm

    with corpus.write() as session:
        item = knowledge.create(
            session, Actor("t"), T0, title="Kwetsbaarhedenscan", body="Jaarlijkse scan.",
            tlp=TLP.GREEN, author_id=None, organisation_id=1,
        )  # fmt: skip
        knowledge.update(session, Actor("t"), T0, item.id, body="Halfjaarlijkse netwerkscan.")
    with corpus.read() as session:
        held = set(session.scalars(select(SearchTerm.term)))
    for text in ("Kwetsbaarhedenscan Jaarlijkse scan", "Halfjaarlijkse netwerkscan"):
        assert set(index_text(text).split()) <= held
    # and the other joint finds it
    assert titles(corpus, "kwetsbaarheidsscan") == ["Kwetsbaarhedenscan"]


def test_matches_beyond_every_item_the_reader_might_not_see_are_broad_without_labels(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 2 items of labels the reader may not always see, 8 that every member sees: 8 > 3
    # are certainly theirs, whatever the 2 are. The labels of the matches are not read.
    from sqlalchemy import event

    monkeypatch.setattr("storage.search.BROAD_MATCH", 3)
    monkeypatch.setattr("storage.search.RANKED_AMONG", 3)  # never more than BROAD_MATCH
    with db.write() as session:
        for number, label in enumerate([TLP.GREEN] * 6 + [TLP.AMBER] * 2 + [TLP.RED] * 2):
            knowledge.create(
                session, Actor("t"), T0 + timedelta(days=number), title=f"Melding {number}",
                body="Een incident met ransomware.", tlp=label, tags=[], author_id=None,
                organisation_id=2,
            )  # fmt: skip
    ran: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        ran.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        with db.read() as session:
            page = search(session, READER, SearchQuery(words=("ransomware",)), 5)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert page.newest_first and page.hits[0].item.title == "Melding 7"
    assert all("RED" not in h.item.tlp.value for h in page.hits)
    counted_labels = [s for s in ran if "count(" in s and "JOIN knowledge_fts" in s]
    assert counted_labels == []


@only_sqlite
def test_the_daily_housekeeping_lets_sqlite_count_labels_in_the_covering_index(
    db: Database, core: Core, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without statistics SQLite read every match's own row to check its label."""
    from sqlalchemy import event, text

    monkeypatch.setattr("storage.search.BROAD_MATCH", 20)  # 30 matches, 12 unsure labels:
    monkeypatch.setattr("storage.search.RANKED_AMONG", 3)  # the visible ones are counted
    with db.write() as session:
        for number in range(30):
            knowledge.create(
                session, Actor("t"), T0 + timedelta(days=number), title=f"Melding {number}",
                body="Een incident met ransomware.", tlp=list(TLP)[number % 5], tags=[],
                author_id=None, organisation_id=1 + number % 3,
            )  # fmt: skip
    ran: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if "count(" in statement and "JOIN knowledge_fts" in statement:
            ran.append((statement, parameters))

    def plan() -> str:
        ran.clear()
        event.listen(db.engine, "before_cursor_execute", record)
        try:
            with db.read() as session:
                search(session, READER, SearchQuery(words=("ransomware",)), 5)
        finally:
            event.remove(db.engine, "before_cursor_execute", record)
        statement, parameters = ran[0]  # the count of what the reader may see
        with db.engine.connect() as connection:
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            return " ".join(str(row[-1]) for row in rows)

    def counted() -> int:
        with db.read() as session:
            return int(session.scalar(text("SELECT count(*) FROM sqlite_stat1")) or 0)

    assert "COVERING INDEX ix_knowledge_items_visibility" not in plan()
    core.tick()
    assert counted() and "COVERING INDEX ix_knowledge_items_visibility" in plan()
    with db.write() as session:
        session.execute(text("DELETE FROM sqlite_stat1"))
    clock.advance(timedelta(hours=23))
    core.tick()
    assert counted() == 0  # once a day
    clock.advance(timedelta(hours=2))
    core.tick()
    assert counted()
