"""The real Bolt app in HTTP mode on 127.0.0.1, a fake Slack Web API, and signed requests.

Payloads follow Slack's shapes: slash commands as raw form bodies, interactions as a
`payload` form field holding JSON, events as JSON.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from bot.app import App, create_app
from bot.clock import FixedClock
from bot.config import load_settings
from bot.health import Monitor
from bot.platform import Platforms
from bot.slack.adapter import Slack
from handlers.messages import Request
from tests.bot.fake_slack import TOKEN, FakeSlack, running
from tests.template import database_url

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
PEOPLE = {
    "U0ANNA": ("Anna de Vries", "Den Haag", "ciso werkgroep"),
    "U0BRAM": ("Bram Jansen", "Leiden", "ciso"),
    "U0CARLA": ("Carla Bakker", "Delft", "ciso"),
}


@dataclass
class Reply:
    status: int
    body: str
    headers: dict[str, str]

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class SlackBot:
    fake: FakeSlack
    app: App
    slack: Slack
    clock: FixedClock
    port: int
    _triggers: int = 0
    monitor: Monitor | None = None  # /health and /metrics of the served bot

    def trigger(self) -> str:
        self._triggers += 1
        return f"{self._triggers}.1764400000.abcdef{self._triggers}"

    def post(
        self,
        body: str,
        content_type: str,
        *,
        secret: str = SECRET,
        timestamp: int | None = None,
        headers: dict[str, str] | None = None,
        path: str = "/slack/events",
    ) -> Reply:
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
        all_headers: dict[str, str] = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": signature or "",
            **(headers or {}),
        }
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("POST", path, body=body.encode(), headers=all_headers)
            response = connection.getresponse()
            return Reply(response.status, response.read().decode(), dict(response.getheaders()))
        finally:
            connection.close()

    def get(self, path: str) -> Reply:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return Reply(response.status, response.read().decode(), dict(response.getheaders()))
        finally:
            connection.close()

    def command(self, user: str, command: str, text: str, channel: str = "C0ALGEMEEN") -> Reply:
        """A slash command, as Slack sends it: a raw form body."""
        form = {
            "token": "verification-token",
            "team_id": "T0GEMEENTE",
            "team_domain": "gemeenten",
            "channel_id": channel,
            "channel_name": "algemeen" if channel.startswith("C") else "directmessage",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": "A0CISOBOT",
            "is_enterprise_install": "false",
            "response_url": self.fake.response_url(self._triggers + 1),
            "trigger_id": self.trigger(),
        }
        return self.post(urlencode(form), "application/x-www-form-urlencoded")

    def interaction(self, payload: dict[str, Any]) -> Reply:
        body = urlencode({"payload": json.dumps(payload)})
        return self.post(body, "application/x-www-form-urlencoded")

    def press(
        self, user: str, action_id: str, value: str, channel: str = "C0ALGEMEEN", trigger: str = ""
    ) -> Reply:
        return self.interaction(
            {
                "type": "block_actions",
                "user": {"id": user, "username": user.lower(), "team_id": "T0GEMEENTE"},
                "api_app_id": "A0CISOBOT",
                "token": "verification-token",
                "container": {
                    "type": "message",
                    "message_ts": "1764400000.000100",
                    "channel_id": channel,
                    "is_ephemeral": True,
                },
                "trigger_id": trigger or self.trigger(),
                "team": {"id": "T0GEMEENTE", "domain": "gemeenten"},
                "channel": {"id": channel, "name": "algemeen"},
                "response_url": self.fake.response_url(900 + self._triggers),
                "actions": [
                    {
                        "action_id": action_id,
                        "block_id": "s0",
                        "text": {"type": "plain_text", "text": "knop", "emoji": True},
                        "value": value,
                        "type": "button",
                        "action_ts": "1764400001.000200",
                    }
                ],
            }
        )

    def event(self, event: dict[str, Any], event_id: str, retry: int | None = None) -> Reply:
        body = json.dumps(
            {
                "token": "verification-token",
                "team_id": "T0GEMEENTE",
                "api_app_id": "A0CISOBOT",
                "event": event,
                "type": "event_callback",
                "event_id": event_id,
                "event_time": 1764400000,
                "authorizations": [
                    {
                        "team_id": "T0GEMEENTE",
                        "user_id": "UBOT",
                        "is_bot": True,
                        "is_enterprise_install": False,
                    }
                ],
                "is_ext_shared_channel": False,
            }
        )
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        return self.post(body, "application/json", headers=headers if retry else None)

    def core_says(self, user: str, command: str, text: str) -> None:
        """Set-up straight through the core (no Slack round trip needed)."""
        request = Request(
            platform="slack", user_id=user, command=command, text=text, similar_seen=True
        )  # set-up: past "is it one of these?"
        for reply in self.app.core.handle(request):
            self.app.core.confirm(reply, None)  # its messages count as delivered


@contextmanager
def slack_bot(tmp_path: Path, clock: FixedClock, **env: str) -> Iterator[SlackBot]:
    with running() as fake:
        settings = load_settings(
            {
                "DATABASE_URL": database_url(tmp_path / "slack.sqlite3"),
                "SLACK_BOT_TOKEN": TOKEN,
                "SLACK_SIGNING_SECRET": SECRET,
                "SLACK_API_URL": f"{fake.url}/api/",
                "BOT_ADMINS": "U0ADMIN",
                "NETWORK_CHANNEL": "C0NETWERK",
                "WORKGROUP_CHANNEL": "C0WERKGROEP",
                **env,
            }
        )
        app = create_app(settings, clock)
        slack = Slack(settings, app.core)
        # Served as `ciso-bot run` serves it: its endpoint under /slack/, /health beside.
        monitor = Monitor(app.db, slack.metrics, platform=slack.connected)
        server = Platforms([slack]).serve(monitor, "127.0.0.1", 0)
        assert server is not None
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        for user, (name, organisation, roles) in PEOPLE.items():
            fake.add_user(user, name)
            app.core.handle(
                Request(
                    platform="slack",
                    user_id="U0ADMIN",
                    command="ciso",
                    text=f"lid <@{user}|{name}> {organisation} {roles}",
                )
            )
        fake.add_user("U0ADMIN", "Beheerder")
        try:
            yield SlackBot(fake, app, slack, clock, server.server_port, monitor=monitor)
        finally:
            server.shutdown()
            server.server_close()
            slack.close()
            app.close()
