"""The console adapter: one command per line on standard input, replies on standard output.

It is the offline way to try the bot and what the end-to-end tests drive. Lines that
start with `/` are slash commands; lines that start with `:` steer the console
(`:as USER`, `:in CHANNEL`, `:dm`, `:press ACTION [VALUE]`, `:tick`, `:help`).
Files that go with a reply (exports, dossiers) are printed in full between rules.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from typing import TextIO

from bot.markup import links
from handlers.core import Core
from handlers.i18n import translate
from handlers.messages import Reply, Request, Section, Visibility

PLATFORM = "console"
_MENTION = re.compile(r"(?<![\w<@])@([A-Za-z0-9][A-Za-z0-9._\-]{0,63})")
_MASS = frozenset({"here", "channel", "all", "everyone"})
_USER = re.compile(r"<@([^>|]+)(?:\|([^>]*))?>")


def to_neutral_mentions(text: str) -> str:
    """`@U123` becomes `<@U123>`; `@here` and friends stay plain text."""
    return _MENTION.sub(
        lambda m: m.group(0) if m.group(1).lower() in _MASS else f"<@{m.group(1)}>", text
    )


def render_text(text: str) -> str:
    text = links(text, lambda url, label: f"{label} ({url})")
    return _USER.sub(lambda m: "@" + (m.group(2) or m.group(1)), text)


def render_section(section: Section) -> list[str]:
    lines = [render_text(section.text)] if section.text else []
    lines += [f"  {render_text(f.label)}: {render_text(f.value)}" for f in section.fields]
    if section.context:
        lines.append(f"  ({render_text(section.context)})")
    lines += [_button_line(b.label, b.action_id, b.value) for b in section.buttons]
    return lines


def _button_line(label: str, action_id: str, value: str) -> str:
    return f"  [{render_text(label)}]  :press {action_id} {value}"


_RULE = "─" * 60


def render(reply: Reply) -> str:
    """A reply as plain text: text, sections, buttons with how to press them, then files."""
    parts = [render_text(reply.text)] if reply.text else []
    for section in reply.sections:
        parts.append("\n".join(render_section(section)))
    if reply.buttons:
        parts.append("\n".join(_button_line(b.label, b.action_id, b.value) for b in reply.buttons))
    for file in reply.files:
        if isinstance(file.content, bytes):
            parts.append(f"📎 {file.name} ({file.media_type}, {len(file.content):,} bytes)")
        else:
            parts.append(f"📎 {file.name}\n{_RULE}\n{file.content.rstrip()}\n{_RULE}")
    return "\n\n".join(p for p in parts if p)


class Console:
    """Reads lines, turns them into requests for the core, prints what comes back."""

    def __init__(
        self,
        core: Core,
        out: TextIO,
        user_id: str,
        language: str,
        channel: str = "algemeen",
    ) -> None:
        self.core = core
        self.out = out
        self.user_id = user_id
        self.language = language
        self.channel: str | None = channel
        self.last_replies: list[Reply] = []
        self._lock = threading.Lock()  # the scheduler's sweeps print from another thread

    def t(self, key: str, /, **params: object) -> str:
        return translate(self.language, key, **params)

    @property
    def prompt(self) -> str:
        place = f"#{self.channel}" if self.channel else "DM"
        return f"{self.user_id} {place}> "

    def run(self, lines: Iterable[str]) -> int:
        for line in lines:
            self.handle_line(line.rstrip("\r\n"))
        return 0

    def handle_line(self, line: str) -> None:
        line = line.strip()
        if not line or line.startswith("#!"):
            return
        if line.startswith(":"):
            self._meta(line[1:])
        elif line.startswith("/"):
            word, _, rest = line[1:].partition(" ")
            # One line per command: a typed \n stands for a new line in the text.
            text = to_neutral_mentions(rest.strip()).replace("\\n", "\n")
            self._send(self._request(command=word.lower(), text=text))
        else:
            self._say(self.t("console.not_a_command"))

    def _request(
        self, command: str = "", text: str = "", action_id: str = "", action_value: str = ""
    ) -> Request:
        return Request(
            platform=PLATFORM,
            user_id=self.user_id,
            channel_id=self.channel,
            is_direct=self.channel is None,
            command=command,
            text=text,
            action_id=action_id,
            action_value=action_value,
        )

    def _meta(self, line: str) -> None:
        word, _, rest = line.partition(" ")
        rest = rest.strip()
        if word == "as" and rest:
            self.user_id = rest.lstrip("@").split()[0]
            self._say(self.t("console.now_as", user=self.user_id))
        elif word == "in" and rest:
            self.channel = rest.lstrip("#").split()[0]
            self._say(self.t("console.now_in", place=f"#{self.channel}"))
        elif word == "dm":
            self.channel = None
            self._say(self.t("console.now_in", place="DM"))
        elif word == "press" and rest:
            self._press(rest)
        elif word == "tick":
            from bot.scheduler import sweep

            if not sweep(self.core, self.deliver, until_done=True):
                self._say(self.t("console.nothing_due"))
        else:
            self._say(self.t("console.help"))

    def _press(self, rest: str) -> None:
        action_id, _, value = rest.partition(" ")
        value = value.strip()
        buttons = [
            b for r in self.last_replies for b in r.all_buttons() if b.action_id == action_id
        ]
        if value:
            buttons = [b for b in buttons if b.value == value]
        values = list(dict.fromkeys(b.value for b in buttons))
        if not values:
            shown = f" ({value})" if value else ""
            self._say(self.t("console.no_button", action=action_id, value=shown))
            return
        if len(values) > 1:
            self._say(self.t("console.which_button", action=action_id, values=", ".join(values)))
            return
        self._send(self._request(action_id=action_id, action_value=values[0]))

    def _send(self, request: Request) -> None:
        replies = self.core.handle(request)
        self.last_replies = replies
        self.show(replies)
        for reply in replies:  # printed: a message to someone else went out
            self.core.confirm(reply, None)

    def deliver(self, reply: Reply) -> None:
        """Send one message a scheduled job produced (the console prints it)."""
        self.show([reply])

    def show(self, replies: Sequence[Reply]) -> None:
        """Print replies: DMs and channel posts say where they go."""
        for reply in replies:
            text = render(reply)
            if reply.visibility is Visibility.DIRECT:
                self._say(f"→ DM @{reply.user}: {text}")
            elif reply.visibility is Visibility.CHANNEL:
                self._say(f"→ #{reply.channel or self.channel}: {text}")
            else:
                self._say(text)

    def _say(self, text: str) -> None:
        with self._lock:
            print(text, file=self.out, flush=True)
            print(file=self.out, flush=True)
