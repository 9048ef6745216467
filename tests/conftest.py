"""Shared fixtures: a migrated temporary database, a fixed clock, and a chat driver."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, settings

from bot.app import build_router
from bot.clock import FixedClock
from handlers.context import CoreSettings
from handlers.core import Core
from handlers.messages import Reply, Request
from storage.db import Database
from tests.template import database_url, recycle

settings.register_profile(
    "ciso", deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile("ciso")

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 28, 10, 0, tzinfo=AMSTERDAM)


@pytest.fixture(autouse=True)
def keep_logging() -> Iterator[None]:
    """A test that runs the command line in-process configures logging to its captured
    stderr; the next test starts with the logging it had before."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture(autouse=True)
def recycled_databases() -> Iterator[None]:
    """PostgreSQL databases a test was lent are emptied for the next test once it and
    its other fixtures are done (`tests/template.py`)."""
    yield
    recycle()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.from_url(database_url(tmp_path / "test.sqlite3"))
    yield database
    database.dispose()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


class Chat:
    """Drives the core the way an adapter does: requests in, replies out."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self.last: list[Reply] = []

    def say(
        self,
        user: str,
        line: str,
        channel: str | None = "algemeen",
        name: str = "",
        platform: str = "console",
    ) -> list[Reply]:
        command, _, text = line.lstrip("/").partition(" ")
        request = Request(
            platform=platform,
            user_id=user,
            user_name=name,
            channel_id=channel,
            is_direct=channel is None,
            command=command,
            text=text.strip(),
        )
        return self._handled(request)

    def _handled(self, request: Request) -> list[Reply]:
        """The replies, each delivered: a message to someone else is confirmed as sent."""
        self.last = self.core.handle(request)
        for reply in self.last:
            self.core.confirm(reply, None)
        return self.last

    def share(self, user: str, text: str, channel: str | None = "algemeen") -> list[Reply]:
        """`/kennis deel`, going on past "is it one of these?" as the sharer would
        (*Toch delen*): for tests whose set-up shares similar items."""
        replies = self.say(user, f"/kennis deel {text}", channel)
        anyway = [b for r in replies for b in r.all_buttons() if b.action_id == "held.anyway"]
        return (
            self.press(user, anyway[0].action_id, anyway[0].value, channel) if anyway else replies
        )

    def text(
        self, user: str, line: str, channel: str | None = "algemeen", platform: str = "console"
    ) -> str:
        """Everything the replies to `line` say, as one string."""
        return everything(self.say(user, line, channel, platform=platform))

    def press(
        self, user: str, action_id: str, value: str, channel: str | None = "algemeen"
    ) -> list[Reply]:
        request = Request(
            platform="console",
            user_id=user,
            channel_id=channel,
            is_direct=channel is None,
            action_id=action_id,
            action_value=value,
        )
        return self._handled(request)


def everything(replies: list[Reply]) -> str:
    parts: list[str] = []
    for reply in replies:
        parts.append(reply.text)
        for section in reply.sections:
            parts += [section.text, section.context]
            parts += [f"{f.label}: {f.value}" for f in section.fields]
    return "\n".join(parts)


@pytest.fixture
def core(db: Database, clock: FixedClock) -> Core:
    return Core(build_router(), db, clock, CoreSettings(admins=frozenset({"admin"})))


@pytest.fixture
def chat(core: Core) -> Chat:
    return Chat(core)


@pytest.fixture
def network(chat: Chat) -> Chat:
    """A small network: werkgroep in Den Haag, CISOs in Den Haag, Leiden and Delft."""
    chat.say("admin", "/ciso lid <@anna> Den Haag ciso werkgroep")
    chat.say("admin", "/ciso lid <@dirk> Den Haag ciso")
    chat.say("admin", "/ciso lid <@bram> Leiden ciso")
    chat.say("admin", "/ciso lid <@carla> Delft ciso")
    chat.say("admin", "/ciso lid <@mayor> Zoetermeer portefeuillehouder")
    return chat


def stop_beating(core: Core) -> None:
    """`core`'s process died: its last heartbeat is older than GONE_AFTER (database time)."""
    from sqlalchemy import update

    from storage import instances
    from storage.models import Instance

    with core.db.write() as session:
        session.execute(
            update(Instance)
            .where(Instance.token == core.instance)
            .values(beat_at=Instance.beat_at - instances.GONE_AFTER - 1)
        )
