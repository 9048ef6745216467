"""Actions as an iCalendar file: one all-day event on each deadline, for any agenda.

Each event has a UID that is stable per action and unique per install
(`actie-12@<install id>.ciso-bot`), so importing the file again updates the events
instead of duplicating them, and a test install never overwrites production's. A
SEQUENCE (how often the action changed) and LAST-MODIFIED let agendas take the newer
version; actions finished or deleted in the last CLOSED_KEPT days are sent as
`STATUS:CANCELLED`, so agendas drop them instead of keeping a stale deadline.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from storage import actions
from storage.db import Database
from storage.tlp import Audience
from storage.views import ActionView

from handlers.messages import Attachment
from handlers.wording import Words

CLOSED_KEPT = timedelta(days=30)


def member_calendar(
    db: Database, audience: Audience, owner_id: int, words: Words, now: datetime
) -> tuple[Attachment, list[ActionView]]:
    """A member's calendar file, and the open actions in it."""
    with db.read() as session:
        open_, _total = actions.listed(session, audience, owner_id=owner_id, limit=None)
        closed = actions.recently_closed(session, audience, owner_id, now - CLOSED_KEPT)
        changes = actions.change_counts(session, [a.id for a in (*open_, *closed)])
        domain = f"{actions.install_id(session) or 'install'}.ciso-bot"
    return calendar_file(words, open_, now, domain=domain, changes=changes, closed=closed), open_


def calendar_file(
    words: Words,
    found: Sequence[ActionView],
    now: datetime,
    *,
    domain: str,
    changes: dict[int, int],
    closed: Sequence[ActionView] = (),
) -> Attachment:
    from icalendar import Calendar, Event  # 40 ms: loaded when a calendar is asked for

    calendar = Calendar()
    calendar.add("prodid", "-//CISO-netwerk bot//acties//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", words.t("action.ical_name"))
    for action in (*found, *closed):
        event = Event()
        event.add("uid", f"actie-{action.id}@{domain}")
        event.add("dtstamp", now)
        event.add("last-modified", action.updated_at)
        event.add("sequence", changes.get(action.id, 0))
        event.add("dtstart", action.deadline)
        event.add("dtend", action.deadline + timedelta(days=1))
        event.add("summary", words.t("action.ical_summary", id=action.id, title=action.title))
        event.add("description", words.t("action.ical_description", id=action.id))
        event.add("status", "CONFIRMED" if action.is_open else "CANCELLED")
        calendar.add_component(event)
    return Attachment("acties.ics", calendar.to_ical().decode("utf-8"), "text/calendar")
