"""Running processes and their heartbeats; which one sweeps.

Every process that claims messages (`run`, `tick`) writes a heartbeat here every
BEAT seconds, on the database's own clock, so that no process's idea of the time (a
`tick --now` in the future, a skewed server) decides whether another is alive. A
claim belongs to a live process as long as that process beats; only when it stopped
beating for GONE_AFTER seconds are its claims taken over, or at once when it ran on
the same host and its process id no longer exists (a restart after a crash).

On SQLite one process at a time sweeps a database: the `sweeper` lease. A second
process waits as a standby and takes over when the holder stops beating.

On PostgreSQL every running bot (`run`) sweeps: instances share the work. Each
message is claimed by exactly one of them (a claim is written under the write lock
every write transaction takes, see `storage.db`), so sweeping together sends nothing
twice; an instance that dies leaves its claims, which the others take over as above.
A `tick` by hand sweeps only when no running bot is live.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, func, literal, select, update
from sqlalchemy.orm import Session

from storage.dialect import is_postgresql, upsert
from storage.models import Instance, Lease

BEAT = 10.0  # seconds between heartbeats
GONE_AFTER = 60.0  # seconds without a heartbeat after which a process counts as gone
SWEEPER = "sweeper"


@dataclass(frozen=True)
class InstanceView:
    token: str
    role: str
    pid: int
    host: str
    seconds_ago: float


def _clock(session: Session) -> ColumnElement[Any]:
    """Now, in seconds since 1970, as the database server tells it."""
    if is_postgresql(session):
        return func.extract("epoch", func.clock_timestamp())
    return (func.julianday("now") - literal(2440587.5)) * literal(86400.0)


def sweepers(session: Session) -> int:
    """How many live processes sweep: on PostgreSQL every running bot, else the one."""
    if not is_postgresql(session):
        return 1 if holder(session) else 0
    at = now(session)
    running = select(Instance.token).where(Instance.role == RUN, Instance.beat_at > at - GONE_AFTER)
    return int(session.scalar(select(func.count()).select_from(running.subquery())) or 0)


def now(session: Session) -> float:
    return float(session.scalar(select(_clock(session))) or 0.0)


def beat(session: Session, token: str, role: str, pid: int, host: str) -> None:
    """This process is alive (and what it does)."""
    at = now(session)
    row = {"token": token, "role": role, "pid": pid, "host": host[:100], "beat_at": at}
    session.execute(
        upsert(session, Instance)
        .values(**row)
        .on_conflict_do_update(index_elements=[Instance.token], set_={"beat_at": at, "role": role})
    )


def live(session: Session) -> Select[Any]:
    """The tokens of processes that beat within GONE_AFTER seconds (the database's clock
    is read in the statement that uses this, not in a query of its own)."""
    return select(Instance.token).where(Instance.beat_at > _clock(session) - literal(GONE_AFTER))


def leave(session: Session, token: str) -> None:
    """This process stops: its claims may be taken over at once, its lease is free."""
    session.execute(delete(Instance).where(Instance.token == token))
    session.execute(delete(Lease).where(Lease.holder == token))


def bury(session: Session, host: str, alive: Callable[[int], bool]) -> int:
    """Drop the rows of processes on this host that no longer exist (killed, crashed):
    a restart takes over their claims and lease at once, not after GONE_AFTER."""
    rows = session.execute(select(Instance.token, Instance.pid).where(Instance.host == host[:100]))
    dead = [token for token, pid in rows if not alive(pid)]
    if dead:
        session.execute(delete(Instance).where(Instance.token.in_(dead)))
    return len(dead)


def forget_gone(session: Session) -> None:
    """Drop the rows of processes gone for a day (their claims were taken over long ago)."""
    session.execute(delete(Instance).where(Instance.beat_at < _clock(session) - literal(86400.0)))


RUN = "run"  # the role of a running bot (`tick` is one sweep by hand)


def acquire(session: Session, token: str, name: str = SWEEPER) -> bool:
    """Take the lease `name` when it is free or its holder is gone; True when it is ours.

    On PostgreSQL every running bot holds it (they share the sweep); another process
    only when no running bot is live."""
    if is_postgresql(session):
        return _shared(session, token)
    session.execute(upsert(session, Lease).values(name=name, holder=token).on_conflict_do_nothing())
    session.execute(
        update(Lease)
        .where(Lease.name == name, Lease.holder != token, Lease.holder.not_in(live(session)))
        .values(holder=token)
    )
    return session.scalar(select(Lease.holder).where(Lease.name == name)) == token


def _shared(session: Session, token: str) -> bool:
    role = session.scalar(select(Instance.role).where(Instance.token == token))
    if role == RUN:
        return True
    running = select(Instance.token).where(
        Instance.role == RUN, Instance.token != token, Instance.token.in_(live(session))
    )
    return session.scalar(running.limit(1)) is None


def holder(session: Session, name: str = SWEEPER) -> InstanceView | None:
    """The live process that holds the lease `name`, if any (on PostgreSQL: the running
    bot that beat last, one of those that share the sweep)."""
    at = now(session)
    if is_postgresql(session):
        found = (
            select(Instance)
            .where(Instance.role == RUN, Instance.beat_at > at - GONE_AFTER)
            .order_by(Instance.beat_at.desc())
            .limit(1)
        )
    else:
        found = (
            select(Instance)
            .join(Lease, Lease.holder == Instance.token)
            .where(Lease.name == name, Instance.beat_at > at - GONE_AFTER)
        )
    row = session.execute(found).scalar_one_or_none()
    if row is None:
        return None
    return InstanceView(row.token, row.role, row.pid, row.host, max(0.0, at - row.beat_at))
