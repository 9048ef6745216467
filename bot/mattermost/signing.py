"""What a Mattermost button or dialog carries, signed, and the checks when it comes back.

How Mattermost vouches for a press: a button's `integration` (our URL and its context)
is stored with the post and stripped from every post the server sends to clients; a
client only names the post and the button, and the server calls our URL with the
context it kept and the `user_id` it authenticated. So a context reaches us only
through the server, and it is signed with a key derived from the bot's token, which no
client sees. On top of that every context names who may press it (a DM or an answer
for one person) and the channel it was posted in, expires, and carries a nonce, so
that a press or a submission counts once (deduplicated in the database, across
restarts). The callback URL itself should be reachable only from the Mattermost server
(README: HTTPS or an internal network), since a context seen on the wire could be
replayed until it expires.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from handlers.messages import Button

Json = dict[str, Any]

# A reminder's buttons are pressed days later; a month is long enough for any of them.
LIFETIME_SECONDS = 31 * 24 * 3600


@dataclass(frozen=True)
class Binding:
    """Who may press a button, and where it is: "" means anyone, or not known."""

    user: str = ""
    channel: str = ""


class Signer:
    """Signs what a button carries, and checks it when the button comes back."""

    def __init__(
        self,
        secret: bytes,
        clock: Callable[[], float] = time.time,
        lifetime: int = LIFETIME_SECONDS,
    ) -> None:
        self._secret = secret
        self._clock = clock
        self._lifetime = lifetime

    def _mac(self, fields: list[Any]) -> str:
        message = json.dumps(fields, separators=(",", ":")).encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()[:32]

    def context(
        self, button: Button, bound: Binding = Binding(), *, confirmed: bool = False
    ) -> Json:
        """What the button sends back: its action, who and where, until when, once.

        Whether it asks "are you sure?" is signed too: leaving the question out of a
        press breaks the signature.
        """
        confirm = button.confirm if not confirmed else ""
        context: Json = {
            "action_id": button.action_id,
            "value": button.value,
            "user": bound.user,
            "channel": bound.channel,
            "confirm": confirm,
            "confirmed": confirmed,
            "exp": int(self._clock()) + self._lifetime,
            "nonce": secrets.token_hex(8),
        }
        if confirm:
            context["label"] = button.label
        context["sig"] = self._mac(_signed(context))
        return context

    def refusal(self, context: Json, presser: str, channel: str) -> str | None:
        """Why a press with `context` by `presser` in `channel` does not count, or None."""
        if not isinstance(context.get("confirmed"), bool) or not isinstance(
            context.get("exp"), int
        ):
            return "malformed context"
        if not all(isinstance(context.get(k), str) for k in ("action_id", "value", "nonce")):
            return "malformed context"
        expected = self._mac(_signed(context))
        if not hmac.compare_digest(expected.encode(), str(context.get("sig", "")).encode()):
            return "bad signature"
        if context["exp"] < self._clock():
            return "expired"
        user, bound_channel = str(context.get("user", "")), str(context.get("channel", ""))
        if user and user != presser:
            return "meant for another user"
        if bound_channel and bound_channel != channel:
            return "pressed in another channel"
        return None


def _signed(context: Json) -> list[Any]:
    keys = ("action_id", "value", "user", "channel", "confirm", "confirmed", "exp", "nonce")
    return [context.get(key) for key in keys]
