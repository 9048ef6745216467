"""Who a platform user is, as every adapter needs it: name and time zone, looked up once
per run and remembered, and the neutral request built with them.

Each adapter gives the lookup (Slack's `users.info`, Mattermost's `GET /users/{id}`).
A user the platform says does not exist is remembered as nobody for the run; a lookup
that failed for another reason is tried again next time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.remembered import Remembered
from handlers.messages import Request

log = logging.getLogger(__name__)

KEPT = 5000  # people remembered per run; the oldest make way


@dataclass(frozen=True)
class Person:
    username: str = ""  # the handle (`anna.devries`)
    name: str = ""  # the display name (`Anna de Vries`)
    zone: str = ""  # IANA time zone, as the platform knows it


NOBODY = Person()


class LookupFailed(Exception):
    """The platform did not answer who this is (not: said there is no such user)."""


class People:
    def __init__(self, platform: str, look_up: Callable[[str], Person | None]) -> None:
        self.platform = platform
        self.look_up = look_up  # None: no such user; raises LookupFailed otherwise
        self._known: Remembered[Person] = Remembered(KEPT)

    def person(self, user: str) -> Person:
        if not user:
            return NOBODY
        known = self._known.get(user)
        if known is not None:
            return known
        try:
            found = self.look_up(user)
        except LookupFailed as error:
            log.warning("%s user lookup failed: %s", self.platform, error)
            return NOBODY
        if found is None:
            log.info("%s has no such user; not asked again in this run", self.platform)
        self._known.put(user, found or NOBODY)
        return found or NOBODY

    def forget(self) -> None:
        """Look everyone up again (their names or time zones changed)."""
        self._known.clear()

    def request(self, user: str, *, channel: str, direct: bool = False, **fields: Any) -> Request:
        """A neutral request from `user`, with their name and time zone filled in."""
        person = self.person(user)
        given = fields.pop("user_name", "")
        return Request(
            platform=self.platform,
            user_id=user,
            channel_id=channel or None,
            is_direct=direct or not channel,
            user_name=person.name or given or person.username,
            timezone=person.zone,
            **fields,
        )
