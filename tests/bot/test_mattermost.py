"""The Mattermost adapter end to end: the real adapter against a fake Mattermost server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.clock import FixedClock
from tests.bot.fake_mattermost import BOT_ID
from tests.bot.mattermost_harness import (
    ANNA,
    BRAM,
    CARLA,
    GENERAL,
    WORKGROUP,
    MattermostBot,
    mattermost_bot,
)


@pytest.fixture
def bot(tmp_path: Path, clock: FixedClock) -> Iterator[MattermostBot]:
    with mattermost_bot(tmp_path, clock) as running:
        yield running


def test_health_and_a_slash_command_with_a_good_token(bot: MattermostBot) -> None:
    import httpx

    assert httpx.get(f"{bot.url}/health").json() == {"status": "ok", "platform": "mattermost"}
    answer = bot.command(ANNA, "kennis", "deel Phishing met facturen\\nLet op. #phishing")
    assert answer.status_code == 200
    body = answer.json()
    assert body["response_type"] == "ephemeral" and "Phishing met facturen" in body["text"]
