"""Actions as an iCalendar file: one all-day event on each deadline, for any agenda."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from icalendar import Calendar, Event
from storage.views import ActionView

from handlers.bottleneck_views import Words
from handlers.core import Attachment


def calendar_file(words: Words, found: Sequence[ActionView], now: datetime) -> Attachment:
    calendar = Calendar()
    calendar.add("prodid", "-//CISO-netwerk bot//acties//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", words.t("action.ical_name"))
    for action in found:
        event = Event()
        # Stable per action, so that importing again updates instead of duplicating.
        event.add("uid", f"actie-{action.id}@ciso-netwerk")
        event.add("dtstamp", now)
        event.add("dtstart", action.deadline)
        event.add("dtend", action.deadline + timedelta(days=1))
        event.add("summary", words.t("action.ical_summary", id=action.id, title=action.title))
        event.add("description", words.t("action.ical_description", id=action.id))
        calendar.add_component(event)
    return Attachment("acties.ics", calendar.to_ical().decode("utf-8"), "text/calendar")
