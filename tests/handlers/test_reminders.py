"""Reminders with an injected clock: when they go, to whom, exactly once, and after failures."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.app import build_router
from bot.clock import FixedClock
from bot.scheduler import sweep
from handlers.actions.reminders import schedule
from handlers.context import CoreSettings
from handlers.core import Core
from handlers.messages import Reply, Visibility
from handlers.workdays import WorkCalendar
from storage import reminders
from storage.db import Database
from storage.models import Reminder
from tests.conftest import AMSTERDAM, Chat

SETTINGS = CoreSettings(admins=frozenset({"admin"}), workgroup_channel="werkgroep")


def _at(day: date, hour: int = 9, minute: int = 0, zone: ZoneInfo = AMSTERDAM) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def test_before_reminders_move_back_from_days_off() -> None:
    # Deadline Tuesday 18 May 2027: 7 days before is Tuesday 11 May, 1 day before is
    # Monday 17 May, Tweede Pinksterdag: it moves to Friday 14 May.
    planned = schedule(date(2027, 5, 18), _at(date(2027, 3, 1)), AMSTERDAM, SETTINGS)
    assert planned == [
        ("before_7", _at(date(2027, 5, 11))),
        ("before_1", _at(date(2027, 5, 14))),
        ("due", _at(date(2027, 5, 18))),
    ]


def test_a_deadline_on_a_day_off_is_reminded_the_working_day_before() -> None:
    planned = schedule(date(2026, 12, 26), _at(date(2026, 12, 1)), AMSTERDAM, SETTINGS)
    # 26 December (Tweede Kerstdag, a Saturday) → Thursday 24 December for "due";
    # the day before (Eerste Kerstdag) also lands there, and "due" wins.
    assert planned == [("before_7", _at(date(2026, 12, 18))), ("due", _at(date(2026, 12, 24)))]


def test_reminders_are_at_nine_local_across_daylight_saving() -> None:
    planned = schedule(date(2027, 4, 2), _at(date(2027, 3, 1)), AMSTERDAM, SETTINGS)
    utc_hours = [moment.astimezone(UTC).hour for _kind, moment in planned]
    assert utc_hours == [8, 7, 7]  # 26 March is winter time; 1 and 2 April summer time


def test_reminders_follow_the_owners_time_zone() -> None:
    bonaire = ZoneInfo("America/Kralendijk")
    planned = schedule(date(2027, 3, 15), _at(date(2027, 3, 1)), bonaire, SETTINGS)
    assert {moment.astimezone(bonaire).hour for _k, moment in planned} == {9}
    assert planned[0][1].astimezone(UTC).hour == 13


def test_past_moments_are_skipped_and_today_after_nine_is_now() -> None:
    now = _at(date(2026, 12, 4), 11)
    assert schedule(date(2026, 12, 4), now, AMSTERDAM, SETTINGS) == [("due", now)]
    assert schedule(date(2026, 12, 7), now, AMSTERDAM, SETTINGS) == [
        ("due", _at(date(2026, 12, 7)))
    ]  # the "day before" (Sunday → Friday 9:00) has passed


@pytest.fixture
def chat(db: Database, clock: FixedClock) -> Chat:
    chat = Chat(Core(build_router(), db, clock, SETTINGS))
    chat.say("admin", "/ciso lid <@anna> Den Haag ciso werkgroep")
    chat.say("admin", "/ciso lid <@bram> Leiden ciso")
    return chat


class Outbox:
    """Delivers like an adapter: records what went out, or fails while `down`."""

    def __init__(self) -> None:
        self.sent: list[Reply] = []
        self.down = False

    def __call__(self, reply: Reply) -> None:
        if self.down:
            raise ConnectionError("chat platform unreachable")
        self.sent.append(reply)

    def texts(self) -> list[str]:
        return [r.text for r in self.sent]


def _run(
    core: Core, clock: FixedClock, outbox: Outbox, at: datetime, to: str | None = None
) -> list[str]:
    """Sweep at `at`; what went out (to user `to` only, when given)."""
    clock.set(at)
    before = len(outbox.sent)
    sweep(core, outbox)
    return [r.text for r in outbox.sent[before:] if to is None or r.user == to]


def _sent_late(db: Database) -> list[tuple[str, bool]]:
    """Each sent reminder's kind and whether it was recorded as late."""
    with db.read() as session:
        found = session.execute(
            select(Reminder.kind, Reminder.late).where(Reminder.state == "sent")
        )
        return [(kind, late) for kind, late in found]


def test_each_reminder_goes_once_at_its_time(chat: Chat, clock: FixedClock) -> None:
    chat.say("anna", "/actie nieuw Logbeleid <@bram> vrijdag 11 december")
    outbox = Outbox()
    core = chat.core
    assert _run(core, clock, outbox, _at(date(2026, 12, 4), 8, 59)) == []
    (first,) = _run(core, clock, outbox, _at(date(2026, 12, 4)))
    assert "over 7 dagen" in first and outbox.sent[0].user == "bram"
    assert _sent_late(core.db) == [("before_7", False)]
    assert _run(core, clock, outbox, _at(date(2026, 12, 4), 9, 1)) == []
    (second,) = _run(core, clock, outbox, _at(date(2026, 12, 10)))
    assert "morgen" in second
    (third,) = _run(core, clock, outbox, _at(date(2026, 12, 11)))
    assert "Vandaag is de termijn" in third
    # Overdue: every 3 working days, so Wednesday 16 December, then Monday 21st.
    assert _run(core, clock, outbox, _at(date(2026, 12, 15)), to="bram") == []
    (late,) = _run(core, clock, outbox, _at(date(2026, 12, 16)))
    assert "5 dagen te laat" in late and "Verlaat" not in late
    assert _run(core, clock, outbox, _at(date(2026, 12, 18))) == []
    (overdue,) = _run(core, clock, outbox, _at(date(2026, 12, 21)), to="bram")
    assert "10 dagen te laat" in overdue


def test_werkgroep_hears_once_after_two_overdue_reminders(chat: Chat, clock: FixedClock) -> None:
    chat.say("anna", "/actie nieuw Logbeleid <@bram> vrijdag 11 december")
    outbox = Outbox()
    for day in (4, 10, 11, 16, 21, 22, 24, 29):
        _run(chat.core, clock, outbox, _at(date(2026, 12, day)))
    to_werkgroep = [r for r in outbox.sent if r.channel == "werkgroep"]
    escalations = [r for r in to_werkgroep if "herinneringen hielpen niet" in r.text]
    overviews = [r for r in to_werkgroep if "Weekoverzicht" in r.text]
    assert len(escalations) == 1 and "(Logbeleid) van bram" in escalations[0].text
    assert len(overviews) == 3  # weeks of 14 (sent the 16th), 21 and 28 (sent the 29th)
    assert "Logbeleid" in overviews[0].sections[0].text


def test_postponing_restarts_the_overdue_count(chat: Chat, clock: FixedClock) -> None:
    chat.say("anna", "/actie nieuw Logbeleid <@bram> vrijdag 11 december")
    outbox = Outbox()
    for day in (11, 16, 21):
        _run(chat.core, clock, outbox, _at(date(2026, 12, day)))
    chat.say("bram", "/actie uitstel 1 eind januari — wacht op de leverancier")
    with chat.core.db.read() as session:
        kinds = [r.kind for r in reminders.planned(session)]
    assert kinds == ["before_7", "before_1", "due"]


def test_missed_reminders_are_sent_once_and_marked_late_after_downtime(
    chat: Chat, clock: FixedClock
) -> None:
    chat.say("anna", "/actie nieuw Logbeleid <@bram> vrijdag 11 december")
    outbox = Outbox()
    # The bot was down from 1 to 14 December; it starts at 10:00 on the 14th.
    _run(chat.core, clock, outbox, _at(date(2026, 12, 14), 10))
    # Three reminders fell in the downtime; the owner gets the latest, which says where
    # the action stands today; the two before it are recorded as superseded.
    (sent,) = [r.text for r in outbox.sent if r.user == "bram"]
    assert "Verlaat" in sent and "gepland voor 11 december 2026 om 09:00" in sent
    assert "3 dagen te laat" in sent
    with chat.core.db.read() as session:
        states = sorted(r.state for r in reminders.planned(session, states=("superseded", "sent")))
    assert states == ["sent", "superseded", "superseded"]
    assert _sent_late(chat.core.db) == [("due", True)]  # counted as late in the metrics
    assert _run(chat.core, clock, outbox, _at(date(2026, 12, 14), 11)) == []
    # One overdue reminder follows three working days after today, not a burst.
    (late,) = _run(chat.core, clock, outbox, _at(date(2026, 12, 17)))
    assert "6 dagen te laat" in late


def test_a_failed_send_is_retried_with_backoff_then_reported(
    db: Database, clock: FixedClock
) -> None:
    settings = CoreSettings(
        admins=frozenset({"admin"}), workgroup_channel="werkgroep", reminder_attempts=3
    )
    chat = Chat(Core(build_router(), db, clock, settings))
    chat.say("admin", "/ciso lid <@bram> Leiden ciso")
    chat.say("admin", "/actie nieuw Logbeleid <@bram> eind maart")
    outbox = Outbox()
    outbox.down = True
    start = _at(date(2027, 3, 24))
    assert _run(chat.core, clock, outbox, start) == []
    assert _run(chat.core, clock, outbox, start + timedelta(seconds=59)) == []
    assert _run(chat.core, clock, outbox, start + timedelta(minutes=1)) == []  # attempt 2
    assert _run(chat.core, clock, outbox, start + timedelta(minutes=5)) == []
    outbox.down = False
    # Attempt 3 was due 5 minutes after attempt 2; with it the reminder is given up.
    outbox.down = True
    _run(chat.core, clock, outbox, start + timedelta(minutes=6))
    outbox.down = False
    reported = _run(chat.core, clock, outbox, start + timedelta(minutes=7))
    assert len(reported) == 1 and "Ik kon bram niet herinneren aan actie #1" in reported[0]
    assert _run(chat.core, clock, outbox, start + timedelta(minutes=8)) == []


def test_a_retried_reminder_goes_out_once_the_platform_is_back(
    chat: Chat, clock: FixedClock
) -> None:
    chat.say("anna", "/actie nieuw Logbeleid <@bram> eind maart")
    outbox = Outbox()
    outbox.down = True
    _run(chat.core, clock, outbox, _at(date(2027, 3, 24)))
    outbox.down = False
    (text,) = _run(chat.core, clock, outbox, _at(date(2027, 3, 24), 9, 2))
    assert "over 7 dagen" in text
    assert outbox.sent[0].visibility is Visibility.DIRECT


def test_a_reminder_for_a_finished_action_is_not_sent(chat: Chat, clock: FixedClock) -> None:
    chat.say("anna", "/actie nieuw Logbeleid <@bram> vrijdag 11 december")
    chat.say("bram", "/actie klaar 1")
    outbox = Outbox()
    assert _run(chat.core, clock, outbox, _at(date(2026, 12, 11))) == []


def test_the_holiday_set_changes_when_overdue_reminders_go(db: Database, clock: FixedClock) -> None:
    calendar = WorkCalendar(extra=frozenset({date(2026, 12, 16)}))
    settings = CoreSettings(admins=frozenset({"admin"}), work_calendar=calendar)
    chat = Chat(Core(build_router(), db, clock, settings))
    chat.say("admin", "/ciso lid <@bram> Leiden ciso")
    chat.say("admin", "/actie nieuw Logbeleid <@bram> vrijdag 11 december")
    outbox = Outbox()
    _run(chat.core, clock, outbox, _at(date(2026, 12, 11)))
    assert _run(chat.core, clock, outbox, _at(date(2026, 12, 16))) == []
    assert len(_run(chat.core, clock, outbox, _at(date(2026, 12, 17)))) == 1


def test_moving_time_zone_moves_the_reminders(chat: Chat, clock: FixedClock) -> None:
    chat.say("anna", "/actie nieuw Logbeleid <@bram> vrijdag 11 december")
    chat.say("bram", "/ciso instellingen tijdzone America/Kralendijk")
    with chat.core.db.read() as session:
        moments = [r.due_at for r in reminders.planned(session)]
    bonaire = ZoneInfo("America/Kralendijk")
    assert [m.astimezone(bonaire).hour for m in moments] == [9, 9, 9]


def test_a_new_owner_of_an_overdue_action_keeps_being_reminded(
    chat: Chat, clock: FixedClock
) -> None:
    chat.say("admin", "/ciso lid <@carla> Delft ciso")
    chat.say("anna", "/actie nieuw Logbeleid <@bram> vrijdag 11 december")
    clock.set(_at(date(2026, 12, 15), 12))
    chat.say("anna", "/actie eigenaar 1 <@carla>")
    with chat.core.db.read() as session:
        (pending,) = reminders.planned(session)
    assert pending.kind == "overdue" and pending.due_at == _at(date(2026, 12, 18))


def test_a_member_added_back_gets_their_reminders_again(chat: Chat, clock: FixedClock) -> None:
    chat.say("anna", "/actie nieuw Logbeleid <@bram> vrijdag 11 december")
    chat.say("admin", "/ciso verwijder <@bram>")
    outbox = Outbox()
    assert _run(chat.core, clock, outbox, _at(date(2026, 12, 4))) == []  # not sent: removed
    chat.say("admin", "/ciso lid <@bram> Leiden ciso")
    sent = _run(chat.core, clock, outbox, _at(date(2026, 12, 10)))
    assert any("morgen" in text for text in sent) and outbox.sent[0].user == "bram"
