"""The digest and the RBO report in Slack, end to end against the fake Web API."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.clock import FixedClock
from bot.scheduler import sweep
from tests.bot.slack_harness import SlackBot, slack_bot
from tests.conftest import AMSTERDAM


@pytest.fixture
def bot(tmp_path: Path, clock: FixedClock) -> Iterator[SlackBot]:
    with slack_bot(tmp_path, clock) as running:
        running.fake.add_user("U0MAYOR", "Burgemeester Van Dijk")
        running.core_says(
            "U0ADMIN", "ciso", "lid <@U0MAYOR|Burgemeester> Zoetermeer portefeuillehouder"
        )
        yield running


def test_the_weekly_digest_reaches_slack_as_a_dm_in_block_kit(bot: SlackBot) -> None:
    bot.core_says("U0BRAM", "knelpunt", "meld Leverancier levert geen auditlogs")
    bot.core_says("U0CARLA", "knelpunt", "meld Interne kwestie Delft TLP:AMBER+STRICT")
    bot.clock.set(datetime(2026, 11, 30, 8, 0, tzinfo=AMSTERDAM))  # Monday 08:00
    assert sweep(bot.app.core, bot.slack.deliver) == 1
    (opened,) = bot.fake.of("conversations.open")
    (posted,) = bot.fake.of("chat.postMessage")
    assert opened["users"] == "U0MAYOR" and posted["channel"] == "D0MAYOR"
    assert posted["metadata"]["event_payload"]["message"].startswith("digest:")
    blocks = posted["blocks"]
    assert len(blocks) <= 50 and "Weekoverzicht CISO-netwerk" in blocks[0]["text"]["text"]
    text = " ".join(b["text"]["text"] for b in blocks if b["type"] == "section")
    assert "Wat vraagt dit van u?" in text and "Leverancier levert geen auditlogs" in text
    assert "Interne kwestie Delft" not in text  # AMBER+STRICT of another municipality
    buttons = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert {"action_id": "knelpunt.show", "value": "1"}.items() <= buttons[0].items()
    # The next sweep, or a restart, sends nothing more this week.
    assert sweep(bot.app.core, bot.slack.deliver) == 0


def test_rapport_uploads_the_document_and_the_chart_to_the_dm(bot: SlackBot) -> None:
    bot.core_says("U0ANNA", "actie", "nieuw Logbeleid <@U0BRAM> vrijdag 11 december")
    bot.command("U0ANNA", "/ciso", "rapport Q4 2026")
    (done,) = bot.fake.wait_for("files.completeUploadExternal")
    names = sorted(u["filename"] for u in bot.fake.of("files.getUploadURLExternal"))
    assert names == [
        "voortgangsrapportage-q4-2026.docx",
        "voortgangsrapportage-q4-2026.md",
        "voortgangsrapportage-q4-2026.pdf",
        "voortgangsrapportage-q4-2026.png",
    ]
    contents = list(bot.fake.uploads.values())
    assert any(c.startswith(b"\x89PNG\r\n\x1a\n") for c in contents)
    assert any(b"| 1 | Logbeleid | Bram Jansen (Leiden) |" in c for c in contents)
    assert done["channel_id"] == "D0ANNA"
