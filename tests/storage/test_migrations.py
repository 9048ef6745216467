"""Migrations: from empty to head, one step down and up again, and models in step."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from storage import bottleneck_links, bottlenecks, knowledge, members, migrate
from storage.db import Database
from storage.models import Base
from storage.search import SearchQuery, search
from storage.tlp import TLP, Audience, Place
from storage.views import Actor
from tests.template import empty_database_url, only_sqlite

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
READER = Audience(place=Place.PRIVATE, member_id=1, organisation_id=1, is_member=True)


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Database]:
    """The test's database with no schema yet."""
    database = Database.from_url(empty_database_url(tmp_path / "m.sqlite3"))
    yield database
    database.dispose()


def _add_item(db: Database, title: str) -> None:
    with db.write() as session:
        knowledge.create(
            session,
            Actor("test"),
            datetime(2026, 1, 1, tzinfo=UTC),
            title=title,
            body=title,
            tlp=TLP.GREEN,
            author_id=None,
            organisation_id=None,
        )


def test_upgrade_from_empty_reaches_head_and_seeds_the_region(fresh: Database) -> None:
    db = fresh
    assert not migrate.at_head(db.engine)
    migrate.upgrade(db.engine)
    assert migrate.current_revision(db.engine) == migrate.head_revision(db.engine)
    # The start-up shortcut knows the newest migration (else every start would migrate).
    assert migrate.head_revision(db.engine) == migrate.HEAD and migrate.at_head(db.engine)
    migrate.downgrade(db.engine, "-1")
    assert not migrate.at_head(db.engine)
    migrate.upgrade(db.engine)
    with db.read() as session:
        rows = session.execute(text("SELECT kind, count(*) FROM organisations GROUP BY kind"))
        kinds = {kind: count for kind, count in rows}
    assert kinds == {"gemeente": 27, "partner": 6}


def test_downgrade_to_members_and_upgrade_again_recreates_the_index(fresh: Database) -> None:
    db = fresh
    migrate.upgrade(db.engine)
    _add_item(db, "Phishingmails over facturen")
    migrate.downgrade(db.engine, "0001")
    assert "knowledge_items" not in inspect(db.engine).get_table_names()
    assert "members" in inspect(db.engine).get_table_names()
    migrate.upgrade(db.engine)
    _add_item(db, "Wachtwoordbeleid herzien")
    with db.read() as session:
        hits = search(session, READER, SearchQuery(words=("wachtwoorden",)), 5).hits
    assert [h.item.title for h in hits] == ["Wachtwoordbeleid herzien"]


def test_downgrade_one_step_removes_action_labels_and_keeps_the_actions(fresh: Database) -> None:
    db = fresh
    migrate.upgrade(db.engine)
    migrate.downgrade(db.engine, "0005")
    assert "held_requests" not in inspect(db.engine).get_table_names()
    assert "tlp" not in {c["name"] for c in inspect(db.engine).get_columns("actions")}
    migrate.upgrade(db.engine)
    assert "tlp" in {c["name"] for c in inspect(db.engine).get_columns("actions")}


def test_downgrade_past_digests_removes_them_and_keeps_the_members(fresh: Database) -> None:
    db = fresh
    migrate.upgrade(db.engine)
    with db.write() as session:
        members.save_member(
            session, Actor("test"), NOW, platform="console", user_id="mayor",
            display_name="Burgemeester", organisation_id=None, roles=["portefeuillehouder"],
        )  # fmt: skip
    migrate.downgrade(db.engine, "0004")
    assert "digests" not in inspect(db.engine).get_table_names()
    columns = {c["name"] for c in inspect(db.engine).get_columns("members")}
    assert "digest" not in columns and "timezone" in columns
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM members")).scalar() == 1
    migrate.upgrade(db.engine)
    assert "digest" in {c["name"] for c in inspect(db.engine).get_columns("members")}


def test_downgrade_past_actions_removes_them_and_keeps_the_rest(fresh: Database) -> None:
    db = fresh
    migrate.upgrade(db.engine)
    migrate.downgrade(db.engine, "0003")
    tables = inspect(db.engine).get_table_names()
    assert not {"actions", "reminders", "notices", "action_events"} & set(tables)
    assert "bottlenecks" in tables
    migrate.upgrade(db.engine)
    assert "reminders" in inspect(db.engine).get_table_names()


def test_downgrade_past_bottlenecks_and_upgrade_again_keeps_them_searchable(
    fresh: Database,
) -> None:
    db = fresh
    migrate.upgrade(db.engine)
    migrate.downgrade(db.engine, "0002")
    tables = inspect(db.engine).get_table_names()
    assert "bottlenecks" not in tables and "bottleneck_fts" not in tables
    assert "knowledge_items" in tables
    migrate.upgrade(db.engine)
    with db.write() as session:
        delft = members.find_organisation(session, "Delft")
        assert delft is not None
        reporter, _ = members.save_member(
            session,
            Actor("test"),
            NOW,
            platform="console",
            user_id="u1",
            display_name="U1",
            organisation_id=delft.id,
            roles=["ciso"],
        )
        bottlenecks.create(
            session,
            NOW,
            reporter,
            title="Auditlogs zaaksysteem ontbreken",
            description="",
            theme=None,
            tlp=TLP.GREEN,
        )
    with db.read() as session:
        found = bottleneck_links.similar(session, READER, "auditlog van het zaaksysteem")
    assert [b.title for b in found] == ["Auditlogs zaaksysteem ontbreken"]


def test_autogenerate_finds_no_difference_between_models_and_migrations(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "include_object": lambda o, name, t, r, c: (
                    not (migrate.is_fts_table(name) or migrate.is_search_vector(name))
                ),
                "compare_type": True,
            },
        )
        assert compare_metadata(context, Base.metadata) == []


def test_running_migrations_twice_changes_nothing(db: Database) -> None:
    migrate.upgrade(db.engine)
    with db.read() as session:
        assert session.execute(text("SELECT count(*) FROM organisations")).scalar() == 33


def test_reindexing_makes_hyphenated_words_findable_both_ways(fresh: Database) -> None:
    """Migration 0007 re-indexes what was stored under the old rule (hyphens split)."""
    db = fresh
    migrate.upgrade(db.engine, "0006")
    with db.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO knowledge_items (id, title, body, tlp, created_at, updated_at, "
            "search_title, search_body, search_tags) VALUES (1, 'Back-ups offline', "
            "'Test de back-up en het IBD-advies.', 'TLP:GREEN', '2026-01-01', '2026-01-01', "
            "'back ups offlin', 'test de back up en het ibd advies', '')"
        ))  # fmt: skip
    migrate.upgrade(db.engine)
    with db.read() as session:
        for query in ("backup", "back-up", "back-ups", "IBD", "ibd-advies"):
            hits = search(session, READER, SearchQuery(words=(query,)), 5).hits
            assert [h.item.id for h in hits] == [1], query


@only_sqlite  # SQLite's batch migrations copy tables; PostgreSQL alters them
def test_migrations_that_copy_members_keep_everything_that_refers_to_them(fresh: Database) -> None:
    # SQLite's batch mode copies a table and drops the old one: with foreign keys on,
    # that drop would delete every row that cascades from a member (accounts, roles,
    # RED recipients, votes) and empty every column set null (authors, owners).
    db = fresh
    migrate.upgrade(db.engine)
    with db.write() as session:
        anna, _ = members.save_member(
            session, Actor("test"), NOW, platform="slack", user_id="U0ANNA",
            display_name="Anna", organisation_id=1, roles=["ciso", "werkgroep"],
        )  # fmt: skip
        item = knowledge.create(
            session, Actor("test"), NOW, title="Logbeleid", body="Bewaartermijnen.",
            tlp=TLP.RED, author_id=anna.id, organisation_id=1, recipient_ids=[anna.id],
        )  # fmt: skip
    migrate.downgrade(db.engine, "0014")  # 0015 copies the members table both ways
    migrate.upgrade(db.engine)
    with db.read() as session:
        found = members.get_member(session, "slack", "U0ANNA")
        assert found is not None and found.roles == {"ciso", "werkgroep"}
        (view,) = knowledge.views(session, [item.id])
        recipients = session.execute(text("SELECT member_id FROM knowledge_recipients")).all()
    assert view.author_id == anna.id and recipients == [(anna.id,)]
    with db.engine.connect() as connection:  # and foreign keys are on again afterwards
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@only_sqlite  # SQLite's batch migrations copy tables; PostgreSQL alters them
def test_members_who_lost_their_accounts_in_an_earlier_upgrade_get_them_back(
    fresh: Database, caplog: pytest.LogCaptureFixture
) -> None:
    # Before it ran with foreign keys off, migration 0015 emptied `member_identities`
    # while copying `members`: 0016 gives each member without an account the one the
    # members table still names.
    db = fresh
    migrate.upgrade(db.engine, "0015")
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO members (id, platform, platform_user_id, display_name, active, "
            "created_at, platform_chosen) VALUES (7, 'slack', 'U0BRAM', 'Bram', 1, "
            "'2026-11-29 09:00:00', 0)"
        )
    migrate.upgrade(db.engine)
    with db.read() as session:
        found = members.get_member(session, "slack", "U0BRAM")
    assert found is not None and found.id == 7
    assert "1 members had lost their chat accounts" in caplog.text  # the administrator hears
