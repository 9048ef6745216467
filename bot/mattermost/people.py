"""Mattermost users as the core sees them: requests with name and time zone, and mentions.

A user's name and time zone come from `GET /users/{id}` (remembered per run, by
`bot.people`); an
`@username` in command text becomes the core's `<@id|username>` through the
request's `user_mentions` or `GET /users/username/{username}`. Mass mentions
(`@all`, `@channel`, `@here`) stay as typed: the core makes them inert.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from bot.mattermost.api import MattermostApi, MattermostError
from bot.people import LookupFailed, People, Person

log = logging.getLogger(__name__)

PLATFORM = "mattermost"
_MENTION = re.compile(r"(?<![\w@<])@([a-z0-9][a-z0-9._-]{0,63})", re.IGNORECASE)
MASS = {"all", "channel", "here"}
Json = dict[str, Any]


class MattermostPeople(People):
    """People, looked up with `GET /users/{id}`, and `@username` mentions resolved."""

    def __init__(self, api: MattermostApi) -> None:
        super().__init__(PLATFORM, self._look_up)
        self.api = api

    def _look_up(self, user: str) -> Person | None:
        try:
            found = self.api.user(user)
        except MattermostError as error:
            if error.status == 404:  # no such user
                return None
            raise LookupFailed(error.error_id) from None
        full = f"{found.get('first_name', '')} {found.get('last_name', '')}".strip()
        username = str(found.get("username", ""))
        name = str(found.get("nickname") or full or username)
        return Person(username, name, zone(found.get("timezone") or {}))

    def mentions(self, text: str, form: Json) -> tuple[str, dict[str, str], list[str]]:
        """The text with `@username` as `<@id|display name>`, the names by user id, and
        the names no user has."""
        known = dict(zip(_list(form.get("user_mentions")), _list(form.get("user_mentions_ids")),
                         strict=False))  # fmt: skip
        names: dict[str, str] = {}
        unknown: list[str] = []

        def resolve(match: re.Match[str]) -> str:
            username = match.group(1).rstrip(".")
            if username.lower() in MASS:
                return match.group(0)
            user_id = known.get(username)
            if not user_id:
                try:
                    user_id = str(self.api.user_by_username(username.lower())["id"])
                except MattermostError:
                    unknown.append("@" + username)
                    return match.group(0)
            names[user_id] = self.person(user_id).name or username
            return f"<@{user_id}|{names[user_id]}>" + match.group(1)[len(username) :]

        return _MENTION.sub(resolve, text), names, unknown


def zone(timezone: Json) -> str:
    """The user's effective time zone (the server sends `"true"`/`"false"` strings)."""
    automatic = str(timezone.get("useAutomaticTimezone", "")).lower() == "true"
    chosen = timezone.get("automaticTimezone") if automatic else timezone.get("manualTimezone")
    return str(chosen or "")


def _list(value: object) -> list[str]:
    """`user_mentions` as Mattermost sends them: a JSON list, or comma-separated."""
    if not value:
        return []
    text = str(value)
    if text.startswith("["):
        try:
            return [str(v) for v in json.loads(text)]
        except ValueError:
            return []
    return [v.strip() for v in text.split(",") if v.strip()]
