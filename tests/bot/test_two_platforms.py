"""One install serving Slack and Mattermost at once: one database, one core, one port.

Both fake servers run; the bot is built as `ciso-bot run` builds it (`platform_for`, one
HTTP application with each platform under `/<name>/`). Requests arrive signed, over
HTTP, as each platform sends them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot import http_server
from bot.app import App, create_app
from bot.clock import FixedClock
from bot.config import load_settings
from bot.health import Monitor
from bot.mattermost.adapter import Mattermost
from bot.metrics import Metrics
from bot.platform import Platforms, platform_for
from bot.scheduler import sweep
from bot.slack.adapter import Slack
from handlers.messages import Request
from tests.bot import fake_mattermost, fake_slack
from tests.bot.mattermost_harness import GENERAL, MattermostBot, eventually
from tests.bot.slack_harness import SECRET, SlackBot
from tests.template import database_url

MM_ADMIN = "usradmin000000000000000001"
MM_CARLA = "usrcarla000000000000000001"
MM_ANNA = "usranna0000000000000000001"


@dataclass
class Both:
    slack: SlackBot
    mattermost: MattermostBot
    platforms: Platforms
    app: App

    def slack_dm(self, user: str) -> list[str]:
        """What the bot posted in its Slack DM with `user`."""
        channel = "D" + user.lstrip("U")
        return [m["text"] for m in self.slack.fake.posted.get(channel, [])]

    def mattermost_dm(self, user: str) -> list[str]:
        return [
            p["message"] for p in self.mattermost.fake.in_channel(self.mattermost.fake.dm_id(user))
        ]


@pytest.fixture
def both(tmp_path: Path, clock: FixedClock) -> Iterator[Both]:
    with fake_slack.running() as slack_fake, fake_mattermost.running() as mm_fake:
        settings = load_settings({
            "DATABASE_URL": database_url(tmp_path / "both.sqlite3"),
            "SLACK_BOT_TOKEN": fake_slack.TOKEN,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": f"{slack_fake.url}/api/",
            "MATTERMOST_URL": mm_fake.url,
            "MATTERMOST_TOKEN": fake_mattermost.TOKEN,
            "MATTERMOST_COMMAND_TOKENS": fake_mattermost.COMMAND_TOKENS_SETTING,
            "BOT_ADMINS": f"U0ADMIN,{MM_ADMIN}",
            "SLACK_NETWORK_CHANNEL": "C0NETWERK",
            "SLACK_WORKGROUP_CHANNEL": "C0WERKGROEP",
            "MATTERMOST_NETWORK_CHANNEL": GENERAL,  # and no werkgroep channel: DMs there
        })  # fmt: skip
        app = create_app(settings, clock)
        metrics = Metrics(app.db, clock)
        platforms = platform_for(settings, app.core, metrics,
                                 options={"slack": {"socket_mode": False}})  # fmt: skip
        for platform in platforms.all:
            platform.connect()
        monitor = Monitor(app.db, metrics, platform=platforms.connected)
        application = platforms.wsgi(monitor.answers, monitor.wsgi)
        assert application is not None
        server = http_server.make("127.0.0.1", 0, application)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_port}"
        for platform in platforms.all:
            platform.start(url)
        slack, mattermost = platforms.by_name["slack"], platforms.by_name["mattermost"]
        assert isinstance(slack, Slack) and isinstance(mattermost, Mattermost)
        assert mattermost.listener.connected.wait(10)
        for user, name in (("U0ADMIN", "Beheerder"), ("U0ANNA", "Anna de Vries"),
                           ("U0BRAM", "Bram Jansen")):  # fmt: skip
            slack_fake.add_user(user, name)
        for user, username in ((MM_ADMIN, "beheerder"), (MM_CARLA, "carla"), (MM_ANNA, "anna")):
            mm_fake.add_user(user, username, username.title(), "", zone="Europe/Amsterdam")
        _set_up(app, [
            ("slack", "U0ADMIN", "lid <@U0ANNA|anna> Den Haag ciso werkgroep"),
            ("slack", "U0ADMIN", "lid <@U0BRAM|bram> Leiden ciso"),
            ("mattermost", MM_ADMIN, f"lid <@{MM_CARLA}|carla> Delft ciso"),
            ("slack", "U0ADMIN", f"koppel <@U0ANNA> mattermost:{MM_ANNA}"),
        ])  # fmt: skip
        try:
            yield Both(
                SlackBot(slack_fake, app, slack, clock, server.server_port),
                MattermostBot(mm_fake, app, mattermost, clock, url),
                platforms,
                app,
            )
        finally:
            server.shutdown()
            server.server_close()
            platforms.close()
            app.close()
            assert mm_fake.violations == [], mm_fake.violations


def _set_up(app: App, lines: list[tuple[str, str, str]]) -> None:
    for platform, user, text in lines:
        request = Request(platform=platform, user_id=user, command="ciso", text=text)
        for reply in app.core.handle(request):
            app.core.confirm(reply, None)


def _texts(posts: list[dict[str, Any]], field: str = "text") -> str:
    return " ".join(str(p.get(field, "")) + str(p.get("props", "")) for p in posts)


def test_reported_on_slack_supported_from_mattermost_escalated_and_answered(both: Both) -> None:
    slack, mm = both.slack, both.mattermost
    assert slack.command("U0BRAM", "/knelpunt", "meld Leverancier levert geen logs").status == 200
    # Announced in the network channel of each platform.
    assert eventually(lambda: "Leverancier" in _texts(mm.fake.in_channel(GENERAL), "message"))
    slack.fake.wait_for("chat.postMessage")
    assert "Leverancier" in str(slack.fake.posted.get("C0NETWERK"))
    # Supported from Mattermost: one count of municipalities, whatever the platform.
    supported = mm.command(MM_CARLA, "knelpunt", "steun 1")
    assert "2 gemeenten" in str(supported.json()), supported.json()
    # The werkgroep escalates on Slack and answers from Mattermost (Anna has both).
    slack.command("U0ANNA", "/knelpunt", "status 1 in-behandeling")
    assert eventually(lambda: any("in behandeling" in t for t in both.mattermost_dm(MM_CARLA)))
    slack.command("U0ANNA", "/knelpunt", "status 1 geescaleerd naar IBD")
    assert eventually(lambda: any("IBD" in t for t in both.mattermost_dm(MM_CARLA)))
    mm.command(MM_ANNA, "knelpunt", "antwoord 1 IBD levert een handreiking logging.")
    # The answer reaches each supporter on their own platform, once.
    assert eventually(lambda: any("handreiking" in t for t in both.slack_dm("U0BRAM")))
    assert eventually(lambda: any("handreiking" in t for t in both.mattermost_dm(MM_CARLA)))
    assert sum("handreiking" in t for t in both.slack_dm("U0BRAM")) == 1
    assert sum("handreiking" in t for t in both.mattermost_dm(MM_CARLA)) == 1
    # Nobody hears it on the other platform: Bram has no Mattermost account, Carla no Slack.
    assert not [t for t in both.mattermost_dm("U0BRAM") if "handreiking" in t]
    assert "DCARLA" not in slack.fake.posted


def test_a_reminder_goes_out_on_the_owners_platform_and_the_sweep_sends_each_once(
    both: Both, clock: FixedClock
) -> None:
    slack, mm = both.slack, both.mattermost
    mm.command(MM_ANNA, "actie", "nieuw Logbeleid opstellen @carla vrijdag")
    assert eventually(lambda: any("Logbeleid" in t for t in both.mattermost_dm(MM_CARLA)))
    slack.command("U0ANNA", "/actie", "nieuw Pentest plannen <@U0BRAM|bram> vrijdag")
    assert eventually(lambda: any("Pentest" in t for t in both.slack_dm("U0BRAM")))
    from datetime import timedelta

    clock.advance(timedelta(days=7))
    assert sweep(both.app.core, both.platforms.deliver) >= 2
    assert sweep(both.app.core, both.platforms.deliver) == 0  # each once
    carla = " ".join(both.mattermost_dm(MM_CARLA))
    bram = " ".join(both.slack_dm("U0BRAM"))
    assert carla.count("Logbeleid") >= 2 and "Pentest" not in carla
    assert bram.count("Pentest") >= 2 and "Logbeleid" not in bram


def test_health_names_both_platforms_on_the_one_port(both: Both) -> None:
    answer = both.slack.get("/health")
    assert answer.status == 200, answer.body
    detail = answer.json()["checks"]["platform"]["detail"]
    assert detail.startswith("slack: ") and "mattermost: WebSocket connected" in detail
    assert both.slack.get("/elsewhere/x").status == 404


def test_check_reports_each_platform_and_a_missing_channel(tmp_path: Path) -> None:
    from tests.bot.cli_runner import run_cli

    with fake_slack.running() as slack_fake, fake_mattermost.running() as mm_fake:
        env = {"SLACK_BOT_TOKEN": fake_slack.TOKEN, "SLACK_SIGNING_SECRET": SECRET,
               "SLACK_API_URL": f"{slack_fake.url}/api/", "MATTERMOST_URL": mm_fake.url,
               "MATTERMOST_TOKEN": fake_mattermost.TOKEN,
               "MATTERMOST_COMMAND_TOKENS": fake_mattermost.COMMAND_TOKENS_SETTING,
               "MATTERMOST_NETWORK_CHANNEL": GENERAL}  # fmt: skip
        result = run_cli(tmp_path, "check", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Slack: @cisobot in Gemeenten" in result.stdout
    assert f"Mattermost at {mm_fake.url}: @ciso-bot" in result.stdout
    assert "SLACK_NETWORK_CHANNEL is not set" in result.stdout
