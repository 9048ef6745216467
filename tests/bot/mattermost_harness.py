"""The Mattermost adapter running for real against the fake server: HTTP, WebSocket, REST."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from bot.app import App, create_app
from bot.clock import FixedClock
from bot.config import load_settings
from bot.health import Monitor
from bot.mattermost.adapter import Mattermost
from bot.platform import Platforms
from handlers.messages import Request
from tests.bot.fake_mattermost import COMMAND_TOKENS_SETTING, TOKEN, FakeMattermost, running
from tests.template import database_url

GENERAL = "chanalgemeen00000000000001"
WORKGROUP = "chanwerkgroep0000000000001"
ADMIN = "usradmin000000000000000001"
ANNA = "usranna0000000000000000001"
BRAM = "usrbram0000000000000000001"
CARLA = "usrcarla000000000000000001"
PEOPLE = {
    ANNA: ("anna", "Anna", "de Vries", "Den Haag", "ciso werkgroep"),
    BRAM: ("bram", "Bram", "Jansen", "Leiden", "ciso"),
    CARLA: ("carla", "Carla", "Bakker", "Delft", "ciso"),
}


def eventually(condition: Callable[[], object], timeout: float = 10) -> bool:
    """Whether `condition` holds within `timeout` seconds (polled: it is the bot's state)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return bool(condition())


@dataclass
class MattermostBot:
    fake: FakeMattermost
    app: App
    mattermost: Mattermost
    clock: FixedClock
    url: str  # where the bot's HTTP endpoint is

    def command(self, user: str, command: str, text: str = "", **extra: Any) -> httpx.Response:
        return self.fake.slash(self.url, user, command, text, **extra)

    def core_says(self, user: str, command: str, text: str) -> None:
        """Set-up straight through the core (no Mattermost round trip needed)."""
        request = Request(
            platform="mattermost", user_id=user, command=command, text=text, similar_seen=True
        )  # set-up: past "is it one of these?"
        for reply in self.app.core.handle(request):
            self.app.core.confirm(reply, None)  # its messages count as delivered

    def dm(self, user: str, count: int = 1) -> list[dict[str, Any]]:
        """The bot's posts in its DM with `user`, once there are `count`."""
        posts = self.fake.wait_for_posts(self.fake.dm_id(user), count)
        return sorted(posts, key=lambda p: p["create_at"])

    def buttons(self, post: dict[str, Any]) -> list[dict[str, Any]]:
        attachments = (post.get("props") or {}).get("attachments") or post.get("attachments") or []
        return [a for attachment in attachments for a in attachment.get("actions") or []]


@contextmanager
def mattermost_bot(
    tmp_path: Path, clock: FixedClock, *, timeout: float = 10.0, **env: str
) -> Iterator[MattermostBot]:
    with running() as fake:
        settings = load_settings({
            "DATABASE_URL": database_url(tmp_path / "mattermost.sqlite3"),
            "MATTERMOST_URL": fake.url,
            "MATTERMOST_TOKEN": TOKEN,
            "MATTERMOST_COMMAND_TOKENS": COMMAND_TOKENS_SETTING,
            "BOT_ADMINS": ADMIN,
            "NETWORK_CHANNEL": GENERAL,
            "WORKGROUP_CHANNEL": WORKGROUP,
            **env,
        })  # fmt: skip
        app = create_app(settings, clock)
        mattermost = Mattermost(settings, app.core, backoff=(0.05, 0.1), timeout=timeout)
        mattermost.connect()
        monitor = Monitor(app.db, mattermost.metrics, platform=mattermost.connected)
        server = Platforms([mattermost]).serve(monitor, "127.0.0.1", 0)
        assert server is not None
        url = f"http://127.0.0.1:{server.server_port}"
        mattermost.set_callback_url(url)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        fake.add_user(ADMIN, "beheerder", "Sanne", "Beheer")
        for user, (username, first, last, organisation, roles) in PEOPLE.items():
            fake.add_user(user, username, first, last, zone="Europe/Amsterdam")
            text = f"lid <@{user}|{username}> {organisation} {roles}"
            app.core.handle(
                Request(platform="mattermost", user_id=ADMIN, command="ciso", text=text)
            )
        mattermost.start_listening()
        assert mattermost.listener.connected.wait(10), "the bot did not connect its WebSocket"
        try:
            yield MattermostBot(fake, app, mattermost, clock, url)
        finally:
            server.shutdown()
            server.server_close()
            mattermost.close()
            app.close()
            assert fake.violations == [], fake.violations
