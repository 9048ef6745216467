"""The connection is tuned as DESIGN §4 asks, and safe for concurrent writers."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from sqlalchemy import text

from storage import members
from storage.db import Database
from storage.views import Actor
from tests.template import only_sqlite


@only_sqlite
def test_every_connection_has_foreign_keys_wal_and_a_busy_timeout(db: Database) -> None:
    with db.read() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA busy_timeout")).scalar() == 10_000


def test_foreign_keys_are_enforced(db: Database) -> None:
    with db.write() as session:
        session.execute(text("DELETE FROM organisations"))
        assert session.execute(text("SELECT count(*) FROM organisations")).scalar() == 0
    try:
        with db.write() as session:
            session.execute(
                text(
                    "INSERT INTO members (platform, platform_user_id, display_name, "
                    "organisation_id, active, created_at) VALUES ('x', 'y', 'z', 999, :yes, "
                    "'2026-01-01')"
                ),
                {"yes": True},
            )
    except Exception as error:
        assert "FOREIGN KEY" in str(error).upper()
    else:
        raise AssertionError("a member pointing at a missing organisation was stored")


def test_concurrent_read_then_write_sessions_never_fail_with_locked(db: Database) -> None:
    errors: list[BaseException] = []
    now = datetime(2026, 1, 1, tzinfo=UTC)

    def worker(number: int) -> None:
        try:
            for round_ in range(10):
                with db.write() as session:
                    members.get_member(session, "console", f"u{number}")
                    members.save_member(
                        session,
                        Actor("test"),
                        now,
                        platform="console",
                        user_id=f"u{number}-{round_}",
                        display_name="x",
                        organisation_id=1,
                        roles=["ciso"],
                    )
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with db.read() as session:
        assert len(members.active_members(session)) == 40


def test_a_read_session_refuses_to_write_on_every_engine(db: Database) -> None:
    """Reads on PostgreSQL run without a transaction (each statement reads anew at READ
    COMMITTED anyway), so a write there would stay: a read session refuses one."""
    from sqlalchemy import func, select, update

    from storage.db import ReadOnlySession
    from storage.models import Organisation

    with db.read() as session:
        before = session.scalar(select(func.count()).select_from(Organisation))

        def add() -> None:
            session.add(Organisation(name="Nieuw", kind="partner"))
            session.flush()

        def change() -> None:
            session.execute(update(Organisation).values(name="Gewist"))

        for attempt in (change, add):
            try:
                attempt()
            except ReadOnlySession:
                session.rollback()
            else:
                raise AssertionError("a read session wrote")
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Organisation)) == before
        assert session.scalar(select(func.count()).where(Organisation.name == "Gewist")) == 0
