"""Restarts: reminders are never lost, and a crash repeats at most the message in flight."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from sqlalchemy import insert, select

from bot.app import build_router
from bot.clock import FixedClock
from bot.scheduler import sweep
from handlers.context import CoreSettings
from handlers.core import Core
from handlers.messages import Reply
from storage import reminders
from storage.db import Database
from storage.models import Action
from tests.conftest import AMSTERDAM, Chat
from tests.template import WriteLocker

SETTINGS = CoreSettings(admins=frozenset({"admin"}))


class Killed(BaseException):
    """The process dies: nothing after this point runs (not even `except Exception`)."""


class Platform:
    """Every message that reached the chat platform, by reminder id."""

    def __init__(self) -> None:
        self.received: Counter[int] = Counter()
        self.kill_after: int | None = None

    def deliver(self, reply: Reply) -> None:
        if reply.key and reply.key.kind == "reminder":
            self.received[reply.key.number] += 1
        if self.kill_after is not None:
            self.kill_after -= 1
            if self.kill_after == 0:
                self.kill_after = None
                raise Killed  # after the platform accepted it, before it was recorded


def _start(db: Database, clock: FixedClock) -> Core:
    """A fresh process: a new core with its own claim token on the same database."""
    return Core(build_router(), db, clock, SETTINGS)


def _sweep_until(core: Core, clock: FixedClock, platform: Platform, end: datetime) -> None:
    """Run the scheduler every hour from the clock's time up to `end`."""
    while clock.now() < end:
        clock.advance(timedelta(hours=1))
        sweep(core, platform.deliver)


def test_a_crash_and_downtime_lose_nothing_and_repeat_at_most_one(
    db: Database, clock: FixedClock
) -> None:
    chat = Chat(_start(db, clock))
    chat.say("admin", "/ciso lid <@bram> Leiden ciso")
    chat.say("admin", "/ciso lid <@carla> Delft ciso")
    for n in range(12):
        owner = "bram" if n % 2 else "carla"
        # Deadlines spread over December: many reminders fall due on the same mornings.
        chat.say("admin", f"/actie nieuw Actie {n} <@{owner}> {3 + n}-12")
    platform = Platform()

    first = _start(db, clock)
    _sweep_until(first, clock, platform, datetime(2026, 12, 4, 8, tzinfo=AMSTERDAM))
    assert platform.received and max(platform.received.values()) == 1

    # The process dies while sending the third message of the morning's sweep.
    platform.kill_after = 3
    clock.set(datetime(2026, 12, 7, 9, 30, tzinfo=AMSTERDAM))
    try:
        sweep(first, platform.deliver)
    except Killed:
        pass
    else:
        raise AssertionError("the sweep should have been killed")

    # Down for more than a week; a new process starts and catches up.
    clock.set(datetime(2026, 12, 15, 10, 0, tzinfo=AMSTERDAM))
    second = _start(db, clock)
    sweep(second, platform.deliver)
    _sweep_until(second, clock, platform, datetime(2026, 12, 31, 18, tzinfo=AMSTERDAM))

    with db.read() as session:
        due_by_now = [
            r
            for r in reminders.planned(session, states=("sent", "sending", "pending", "failed"))
            if r.due_at <= clock.now()
        ]
    assert due_by_now and all(r.state == "sent" for r in due_by_now)
    assert set(platform.received) == {r.id for r in due_by_now}
    repeated = [rid for rid, times in platform.received.items() if times > 1]
    # Exactly the message in flight at the kill went twice; every other one once.
    assert len(repeated) == 1 and platform.received[repeated[0]] == 2


def test_a_restart_never_resends_what_was_recorded_as_sent(db: Database, clock: FixedClock) -> None:
    chat = Chat(_start(db, clock))
    chat.say("admin", "/ciso lid <@bram> Leiden ciso")
    chat.say("admin", "/actie nieuw Logbeleid <@bram> vrijdag 11 december")
    platform = Platform()
    first = _start(db, clock)
    clock.set(datetime(2026, 12, 4, 9, 0, tzinfo=AMSTERDAM))
    sweep(first, platform.deliver)
    for _restart in range(3):
        sweep(_start(db, clock), platform.deliver)
        clock.advance(timedelta(minutes=5))
    assert list(platform.received.values()) == [1]


def test_a_second_process_does_not_take_a_fresh_claim(db: Database, clock: FixedClock) -> None:
    chat = Chat(_start(db, clock))
    chat.say("admin", "/ciso lid <@bram> Leiden ciso")
    chat.say("admin", "/actie nieuw Logbeleid <@bram> vrijdag 11 december")
    clock.set(datetime(2026, 12, 4, 9, 0, tzinfo=AMSTERDAM))
    running = _start(db, clock)
    running.beat("run")  # a running bot beats
    claimed = running.tick()  # claimed, being sent right now
    assert len(claimed) == 1
    assert _start(db, clock).tick() == []  # `ciso-bot tick` by hand meanwhile
    running.confirm(claimed[0], None)
    with db.read() as session:
        assert [r.state for r in reminders.planned(session, states=("sent",))] == ["sent"]


def test_outcomes_a_locked_database_refused_are_recorded_once_it_takes_writes(
    db: Database, clock: FixedClock
) -> None:
    """Another process locks the database mid-sweep: the sends are recorded (and the
    next reminders planned) at the first sweep after, by the same process."""
    chat = Chat(_start(db, clock))
    chat.say("admin", "/ciso lid <@bram> Leiden ciso")
    for n in range(3):
        chat.say("admin", f"/actie nieuw Actie {n} <@bram> vrijdag 4 december")
    core = _start(db, clock)
    core.beat("run")
    # A locked database fails in 50 ms here instead of after the 10 s wait.
    WriteLocker.short_waits(db)
    locker = WriteLocker(db)
    platform = Platform()

    def deliver_then_lock(reply: Reply) -> None:
        platform.deliver(reply)
        if not locker.held:
            locker.take()  # taken after the first message went out

    clock.set(datetime(2026, 12, 4, 9, 0, tzinfo=AMSTERDAM))
    assert sweep(core, deliver_then_lock) == 3
    with db.read() as session:
        assert [r.state for r in reminders.planned(session)].count("sending") == 3
    clock.advance(timedelta(minutes=1))
    sweep(core, platform.deliver)  # still locked: nothing recorded, nothing sent again
    locker.let_go()
    clock.advance(timedelta(minutes=1))
    assert sweep(core, platform.deliver) == 0
    with db.read() as session:
        planned = reminders.planned(session, states=("sent", "pending", "sending"))
    assert sorted(r.state for r in planned) == ["pending"] * 3 + ["sent"] * 3
    assert {r.kind for r in planned if r.state == "pending"} == {"overdue"}
    assert list(platform.received.values()) == [1, 1, 1]


def test_a_stop_ends_the_sweep_after_the_message_in_flight(db: Database, clock: FixedClock) -> None:
    import threading

    chat = Chat(_start(db, clock))
    chat.say("admin", "/ciso lid <@bram> Leiden ciso")
    for n in range(4):
        chat.say("admin", f"/actie nieuw Actie {n} <@bram> vrijdag 11 december")
    clock.set(datetime(2026, 12, 4, 9, 0, tzinfo=AMSTERDAM))
    stopping = threading.Event()
    platform = Platform()

    def deliver_then_stop(reply: Reply) -> None:
        platform.deliver(reply)
        stopping.set()  # SIGTERM arrives while the first message goes out

    first = _start(db, clock)
    first.beat("run")
    assert sweep(first, deliver_then_stop, stopping) == 1
    first.leave()  # a clean stop signs off: the rest is the next process's at once
    second = _start(db, clock)
    rest = second.tick()
    assert len(rest) == 3 and all(r.maybe_sent for r in rest)  # looked for before sent


def test_a_backlog_goes_out_batch_after_batch_and_two_processes_share_it(
    db: Database, clock: FixedClock
) -> None:
    """More due than one claim takes: a sweep claims a batch and says more is due; the
    sweeper sweeps again at once until none is left. Two processes sweeping in turn
    each send their own batches, and every reminder goes out once."""
    chat = Chat(_start(db, clock))
    chat.say("admin", "/ciso lid <@bram> Leiden ciso")
    chat.say("admin", "/actie nieuw Actie <@bram> vrijdag 4 december")
    backlog = 2 * reminders.BATCH + 7
    with db.write() as session:
        owner = reminders.planned(session)[0].recipient_id
        assert owner is not None
        action = session.execute(select(Action.__table__).where(Action.id == 1)).one()._asdict()
        for number in range(2, backlog + 2):  # one due reminder for each of these actions
            session.execute(insert(Action).values({**action, "id": number}))
            reminders.add(session, number, owner, [("due", clock.now())])
    one, other = _start(db, clock), _start(db, clock)
    first, second = Platform(), Platform()
    assert sweep(one, first.deliver) == reminders.BATCH and one.more_due
    assert sweep(other, second.deliver) == reminders.BATCH and other.more_due
    rest = sweep(one, first.deliver, until_done=True)
    assert not one.more_due and rest == 7
    assert sum(first.received.values()) + sum(second.received.values()) == backlog
    assert set(first.received.values()) == set(second.received.values()) == {1}
    assert not set(first.received) & set(second.received)
