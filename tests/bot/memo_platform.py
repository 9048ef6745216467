"""A third chat platform, for tests only: what adding one to the bot takes.

`Memo` keeps everything in memory: people "type" through `receive`, and what the bot
posts lands in `posted` per conversation. It satisfies `bot.platform.Platform`, sends
through the shared `bot.delivery.Courier`, and is registered with one line (see
`test_platform_seam.py`) — the same as a Matrix or Teams adapter would be.
"""

from __future__ import annotations

import threading
from typing import Any

from bot.config import Settings
from bot.delivery import Courier
from bot.metrics import Metrics
from bot.platform import Wsgi
from handlers.core import Core
from handlers.messages import Reply, Request


def render(reply: Reply) -> str:
    """The reply as plain text: its text, each section's text, fields and context."""
    parts = [reply.text]
    for section in reply.sections:
        parts += [section.text, *(f"{f.label}: {f.value}" for f in section.fields),
                  section.context]  # fmt: skip
    return "\n".join(p for p in parts if p)


class MemoOutlet:
    refusals: tuple[type[Exception], ...] = (ConnectionError,)

    def __init__(self) -> None:
        self.posted: dict[str, list[tuple[str, str]]] = {}  # conversation → (id, text)
        self.lock = threading.Lock()

    def dm_channel(self, user: str) -> str:
        return f"dm-{user}"

    def post(self, channel: str, reply: Reply, *, user: str = "") -> None:
        with self.lock:
            self.posted.setdefault(channel, []).append((reply.message_id, render(reply)))

    def recent(self, channel: str, limit: int) -> list[str]:
        with self.lock:
            return [message for message, _text in self.posted.get(channel, [])[-limit:]]


class Memo:
    name = "memo"

    def __init__(self, settings: Settings, core: Core, *, metrics: Metrics) -> None:
        self.core = core
        self.outlet = MemoOutlet()
        self.courier = Courier(core, self.outlet, self.name, "Memo")
        self.started = False
        self.answers: list[str] = []  # what people read only for themselves

    @staticmethod
    def check(settings: Settings) -> None:
        """Nothing to check: no credentials in memory."""

    def connect(self) -> None:
        pass

    def wsgi(self) -> Wsgi | None:
        return None

    def start(self, base_url: str) -> None:
        self.started = True

    def connected(self) -> tuple[bool, str]:
        return self.started, "in memory" if self.started else "not started"

    def deliver(self, reply: Reply) -> None:
        self.courier.deliver(reply)

    def open_form(
        self,
        form_id: str,
        trigger_id: str,
        request: Request,
        metadata: str = "",
        initial: dict[str, str] | None = None,
    ) -> bool:
        return False  # no forms: commands and buttons carry everything

    def close(self) -> None:
        self.started = False

    # --- what people do ---------------------------------------------------------------

    def receive(self, user: str, channel: str | None, **fields: Any) -> str:
        """Someone typed a command or pressed a button: what they read only for themselves."""
        request = Request(platform=self.name, user_id=user, channel_id=channel,
                          is_direct=channel is None, **fields)  # fmt: skip
        read: list[str] = []

        def answer(reply: Reply) -> bool:
            read.append(render(reply))
            return True

        self.courier.deliver_all(self.core.handle(request), request, answer)
        return "\n".join(read)
