"""Messages survive a chat API that fails in every way: nothing lost, nothing twice.

The Mattermost adapter runs against the fake server, which here refuses posts (500),
rate-limits them (429), stores a post and then never answers (a timeout) or drops
the connection, is down for longer than the whole retry ladder, or refuses only
some recipients. Each test counts every keyed message the server stored, per key.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.clock import FixedClock
from bot.scheduler import sweep
from storage.models import Reminder
from tests.bot.mattermost_harness import (
    ADMIN,
    ANNA,
    BRAM,
    CARLA,
    WORKGROUP,
    MattermostBot,
    mattermost_bot,
)
from tests.conftest import AMSTERDAM

# Reminders seven days before a deadline on Friday 11 December fall due on the 4th.
DUE = datetime(2026, 12, 4, 9, 0, tzinfo=AMSTERDAM)


@pytest.fixture
def bot(tmp_path: Path, clock: FixedClock) -> Iterator[MattermostBot]:
    with mattermost_bot(tmp_path, clock, timeout=1.0) as running:
        running.fake.hang_seconds = 1.5
        for n, owner in enumerate((BRAM, BRAM, CARLA, CARLA, ANNA)):
            running.core_says(ADMIN, "actie", f"nieuw Actie {n} <@{owner}> vrijdag 11 december")
        yield running


def _sweep_until(bot: MattermostBot, end: datetime, step: timedelta) -> None:
    while bot.clock.now() < end:
        bot.clock.advance(step)
        sweep(bot.app.core, bot.mattermost.deliver)


def _due_reminders(bot: MattermostBot) -> dict[int, str]:
    """The reminders planned for the 4th, wherever their retries moved them: id → state."""
    with bot.app.db.read() as session:
        found = session.execute(
            select(Reminder.id, Reminder.state).where(Reminder.planned_at <= DUE)
        )
        return {row.id: row.state for row in found}


def _reminder_keys(bot: MattermostBot) -> set[str]:
    return {f"reminder:{n}" for n in _due_reminders(bot)}


def _assert_each_once(bot: MattermostBot) -> None:
    stored = bot.fake.posts_by_key()
    reminded = {k: n for k, n in stored.items() if k.startswith("reminder:")}
    assert reminded and set(reminded) == _reminder_keys(bot)
    assert all(n == 1 for n in stored.values()), stored
    assert set(_due_reminders(bot).values()) == {"sent"}


def _werkgroep_told(bot: MattermostBot) -> list[str]:
    return [p["message"] for p in bot.fake.in_channel(WORKGROUP) if "niet herinneren" in
            p["message"] or "kon niet worden bezorgd" in p["message"]]  # fmt: skip


@pytest.mark.parametrize(
    ("status", "after_storing", "times"),
    [(500, "", 3), (429, "", 2), (502, "timeout", 1), (503, "close", 2)],
    ids=["server-error", "rate-limit", "timeout-after-storing", "closed-after-storing"],
)
def test_each_failure_is_retried_until_every_reminder_arrived_once(
    bot: MattermostBot, status: int, after_storing: str, times: int
) -> None:
    bot.fake.fail("POST /api/v4/posts", status, "app.post.save.app_error",
                  retry_after="0", times=times, after_storing=after_storing)  # fmt: skip
    bot.clock.set(DUE)
    _sweep_until(bot, DUE + timedelta(hours=1), timedelta(minutes=1))
    _assert_each_once(bot)
    assert _werkgroep_told(bot) == []  # within the ladder: nobody needs to hear of it


def test_an_outage_longer_than_the_ladder_loses_nothing_and_the_werkgroep_hears_once(
    bot: MattermostBot,
) -> None:
    bot.fake.posts_down = True
    bot.clock.set(DUE)
    _sweep_until(bot, DUE + timedelta(hours=9), timedelta(minutes=10))
    assert bot.fake.posts_by_key() == {}  # nothing got through for nine hours
    bot.fake.posts_down = False
    _sweep_until(bot, DUE + timedelta(hours=11), timedelta(minutes=10))
    _assert_each_once(bot)
    # Told once for each owner's reminder that used up its ladder, after the recovery.
    told = _werkgroep_told(bot)
    assert len(told) == len(_reminder_keys(bot)) and len(set(told)) == len(told)
    _sweep_until(bot, DUE + timedelta(hours=14), timedelta(minutes=30))
    assert _werkgroep_told(bot) == told


def test_a_refused_recipient_waits_while_the_others_are_reminded(bot: MattermostBot) -> None:
    bram_dm = bot.fake.dm_id(BRAM)
    bot.fake.refusing.add(bram_dm)
    bot.clock.set(DUE)
    _sweep_until(bot, DUE + timedelta(hours=6), timedelta(minutes=10))
    assert bot.fake.in_channel(bram_dm) == []
    assert len(bot.fake.in_channel(bot.fake.dm_id(CARLA))) == 2
    (told_1, told_2) = _werkgroep_told(bot)  # Bram's two reminders, each once
    assert "bram" in told_1.lower() and "bram" in told_2.lower()
    bot.fake.refusing.clear()
    _sweep_until(bot, DUE + timedelta(hours=8), timedelta(minutes=10))
    _assert_each_once(bot)
    assert len(bot.fake.in_channel(bram_dm)) == 2


def test_a_werkgroep_notice_is_retried_until_it_is_posted_once(bot: MattermostBot) -> None:
    """The weekly overdue overview: a 503 when it goes out loses nothing."""
    bot.fake.refusing.add(WORKGROUP)
    monday = datetime(2026, 12, 14, 9, 0, tzinfo=AMSTERDAM)  # Bram's actions are overdue
    bot.clock.set(monday)
    _sweep_until(bot, monday + timedelta(hours=1), timedelta(minutes=5))
    assert bot.fake.in_channel(WORKGROUP) == []
    bot.fake.refusing.clear()
    _sweep_until(bot, monday + timedelta(hours=4), timedelta(minutes=30))
    overviews = [p for p in bot.fake.in_channel(WORKGROUP) if "Weekoverzicht" in p["message"]]
    assert len(overviews) == 1
    assert all(n == 1 for n in bot.fake.posts_by_key().values())
