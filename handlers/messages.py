"""The neutral request and reply that cross between adapters and handlers.

An adapter turns a platform event into a `Request` and renders the `Reply`s that come
back in its platform's own form (Block Kit, Mattermost attachments, plain text).
Text uses a small Markdown subset: `**bold**`, `_italic_`, `` `code` `` and links
as `<url|label>`; adapters translate it.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from storage.tlp import TLP


class Visibility(enum.Enum):
    """Who reads a reply."""

    EPHEMERAL = "ephemeral"  # only the person who asked, where they asked
    CHANNEL = "channel"  # everyone in a channel (the request's, or `Reply.channel`)
    DIRECT = "direct"  # a direct message to `Reply.user` (a platform user id)


@dataclass(frozen=True)
class Request:
    """One thing a user did: a slash command, or a button they pressed.

    Mentions in `text` arrive normalised by the adapter as `<@USERID>`, with the
    names the adapter knows in `mention_names`.
    """

    platform: str
    user_id: str
    channel_id: str | None = None
    is_direct: bool = False
    command: str = ""
    text: str = ""
    action_id: str = ""
    action_value: str = ""
    user_name: str = ""
    mention_names: Mapping[str, str] = field(default_factory=dict)
    platform_ids: Mapping[str, str] = field(default_factory=dict)
    timezone: str = ""  # the user's time zone as the platform knows it (IANA name)
    # A chat message being saved to the knowledge base: where it is and who wrote it.
    source_url: str = ""
    source_author: str = ""
    # Where that message is: a private channel or a DM (its label starts at AMBER).
    source_private: bool = False
    # A submitted form: its id (`kennis.share`) and the fields as filled in; the
    # handler reads them as fields, never as command text.
    form_id: str = ""
    fields: Mapping[str, str] = field(default_factory=dict)
    # The label the person chose after the bot asked (their text was unclear).
    chosen_label: TLP | None = None
    # They saw what is similar and share (or report) it anyway.
    similar_seen: bool = False

    @property
    def is_action(self) -> bool:
        return bool(self.action_id)


@dataclass(frozen=True)
class Button:
    """A button; pressing it comes back as a `Request` with this action id and value."""

    action_id: str
    value: str
    label: str
    style: str = ""  # "", "primary" or "danger"
    confirm: str = ""  # a question to confirm before the press is sent


@dataclass(frozen=True)
class Field:
    label: str
    value: str


@dataclass(frozen=True)
class Section:
    """One block of a reply: a search result, an item, a member."""

    text: str
    fields: tuple[Field, ...] = ()
    context: str = ""  # a small line of metadata under the text
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True)
class Attachment:
    """A file that goes with a reply: uploaded where the platform can, shown otherwise."""

    name: str
    content: str | bytes  # text, or the bytes of an image
    media_type: str = "text/markdown"

    @property
    def text(self) -> str:
        """The content of a text file (an image has none)."""
        return self.content if isinstance(self.content, str) else ""


@dataclass(frozen=True)
class DeliveryKey:
    """Which message a job sends, and which process claimed it.

    `kind` names what keeps it (`reminder`, `digest`, `outbox`), `number` its row; the
    claim `token` tells this try from a later one. On the platform the message carries
    its `message` (`reminder:12`), which stays the same when it is sent again.
    """

    kind: str
    number: int
    token: str

    @property
    def message(self) -> str:
        return f"{self.kind}:{self.number}"

    def __str__(self) -> str:
        return f"{self.message}:{self.token}"


@dataclass(frozen=True)
class Reply:
    """What the bot says back, and to whom.

    `tlp` is the strictest label of the content; the router refuses to send a
    reply anywhere its label may not be shown.
    """

    text: str
    sections: tuple[Section, ...] = ()
    buttons: tuple[Button, ...] = ()
    visibility: Visibility = Visibility.EPHEMERAL
    channel: str | None = None
    user: str | None = None
    # The chat platform of `user` or `channel`; "" for the platform the request came
    # from (the core fills it in) or, for a job's message, the install's only one.
    platform: str = ""
    tlp: TLP | None = None
    files: tuple[Attachment, ...] = ()
    # Set on a message a job sends (a reminder): the adapter reports back whether it
    # went out, with `Core.confirm`, so that it is recorded as sent only then.
    key: DeliveryKey | None = None
    # The message may already have gone out (its sender died before recording it):
    # an adapter that can look first does so, and does not send it twice.
    maybe_sent: bool = False
    # What the message is about (`question:12`), kept with the post on the platform so
    # that a reply in its thread can be traced back to it.
    topic: str = ""

    @property
    def message_id(self) -> str:
        """What stays the same when a job's message is sent again (`reminder:12`)."""
        return self.key.message if self.key else ""

    def all_buttons(self) -> tuple[Button, ...]:
        return tuple(b for s in self.sections for b in s.buttons) + self.buttons


class Observer:
    """Hears what the core did, for the install's metrics; by default nobody listens."""

    def request(self, kind: str, name: str, outcome: str, seconds: float) -> None:
        """A request handled. kind: command, button or form; name: `kennis`,
        `kennis.show`, …; outcome: ok, refused (a message back), asked (a label
        question) or failed (an unexpected error)."""

    def messages(self, kind: str, outcome: str, count: int = 1) -> None:
        """Messages the bot sends on its own (reminder, digest, notice): due, sent or
        failed."""


class Clock(Protocol):
    def now(self) -> datetime: ...


class UserError(Exception):
    """Something the user did that we can explain; `key` names a catalogue text."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
