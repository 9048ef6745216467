"""Mattermost presses and submissions nobody can forge, replay or repeat (hostile traffic).

Reproduction 3 of the hostile-traffic issue: a channel button's context replayed with
another `user_id` added supports for municipalities that never pressed anything,
`"confirmed": "yes"` skipped "are you sure?", any command token ran any command, and
the same dialog submitted three times created three items.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.clock import FixedClock
from storage.models import BottleneckSupport, KnowledgeItem
from tests.bot.fake_mattermost import COMMAND_TOKENS, TOKEN
from tests.bot.mattermost_harness import (
    ANNA,
    BRAM,
    CARLA,
    GENERAL,
    MattermostBot,
    eventually,
    mattermost_bot,
)


@pytest.fixture
def bot(tmp_path: Path, clock: FixedClock) -> Iterator[MattermostBot]:
    with mattermost_bot(tmp_path, clock) as running:
        yield running


def _count(bot: MattermostBot, model: Any) -> int:
    with bot.app.db.read() as session:
        return int(session.query(model).count())


def _with(action: dict[str, Any], **changes: Any) -> dict[str, Any]:
    context = {**action["integration"]["context"], **changes}
    return {**action, "integration": {**action["integration"], "context": context}}


def _support_button(bot: MattermostBot) -> tuple[dict[str, Any], dict[str, Any]]:
    bot.command(ANNA, "knelpunt", "meld Leverancier reageert niet op meldingen")
    post = next(p for p in bot.fake.wait_for_posts(GENERAL) if "Leverancier" in str(p))
    button = next(a for a in bot.buttons(post)
                  if a["integration"]["context"]["action_id"] == "knelpunt.support")  # fmt: skip
    return post, button


def test_clients_never_see_a_buttons_context(bot: MattermostBot) -> None:
    post, _button = _support_button(bot)
    answer = httpx.get(f"{bot.fake.url}/api/v4/posts/{post['id']}",
                       headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
    shown = answer.json()
    assert answer.status_code == 200 and shown["id"] == post["id"]
    assert bot.buttons(shown) and "integration" not in json.dumps(shown)
    assert "integration" in json.dumps(post)  # the server itself keeps it


def test_a_channel_button_counts_once_per_presser_and_only_in_its_channel(
    bot: MattermostBot,
) -> None:
    post, support = _support_button(bot)
    assert bot.fake.press(BRAM, support, post_id=post["id"]).status_code == 200
    assert eventually(lambda: _count(bot, BottleneckSupport) == 2)
    # The same press again (a retry, a double click, a replay): nothing more.
    again = bot.fake.press(BRAM, support, post_id=post["id"]).json()
    assert "al verwerkt" in again["ephemeral_text"]
    # Replayed from another channel: refused.
    elsewhere = bot.fake.press(CARLA, support, channel="chanelders0000000000000001")
    assert "werkt niet" in elsewhere.json()["ephemeral_text"]
    assert _count(bot, BottleneckSupport) == 2


def test_an_altered_expired_or_half_confirmed_context_is_refused(bot: MattermostBot) -> None:
    post, support = _support_button(bot)
    for forged in (
        _with(support, user=CARLA),  # claims to be for someone else: breaks the signature
        _with(support, exp=support["integration"]["context"]["exp"] + 10**6),
        _with(support, confirmed="yes"),
        _with(support, nonce="andere"),
        _with(support, channel=""),
    ):
        answer = bot.fake.press(BRAM, forged, post_id=post["id"]).json()
        assert "werkt niet" in answer["ephemeral_text"]
    assert _count(bot, BottleneckSupport) == 1


def test_an_expired_button_says_so(tmp_path: Path, clock: FixedClock) -> None:
    with mattermost_bot(tmp_path, clock) as bot:
        post, support = _support_button(bot)
        real = bot.mattermost.signer._clock
        bot.mattermost.signer._clock = lambda: real() + 40 * 24 * 3600
        answer = bot.fake.press(BRAM, support, post_id=post["id"]).json()
        assert "verlopen" in answer["ephemeral_text"]
        assert _count(bot, BottleneckSupport) == 1


def test_confirmed_must_be_true_not_truthy(bot: MattermostBot) -> None:
    bot.core_says(ANNA, "kennis", "deel Verwijder mij niet")
    body = bot.command(ANNA, "kennis", "toon 1").json()
    actions = [a for att in body.get("attachments") or [] for a in att.get("actions") or []]
    if not actions:  # the item came by DM
        actions = bot.buttons(bot.dm(ANNA)[0])
    delete = next(a for a in actions if a["integration"]["context"]["action_id"] == "kennis.delete")
    answer = bot.fake.press(ANNA, _with(delete, confirmed="yes"), channel=GENERAL).json()
    assert "werkt niet" in answer["ephemeral_text"]
    assert _count(bot, KnowledgeItem) == 1


def test_a_command_token_counts_only_for_its_own_command(bot: MattermostBot) -> None:
    kennis = COMMAND_TOKENS["kennis"]
    refused = bot.command(ANNA, "ciso", "lid <@" + BRAM + "> Leiden beheerder", token=kennis)
    assert refused.status_code == 401
    assert bot.command(ANNA, "kennis", "recent", token=kennis).status_code == 200


def test_a_dialog_submitted_three_times_stores_one_item(bot: MattermostBot) -> None:
    bot.command(ANNA, "kennis", "deel")
    assert eventually(lambda: bot.fake.dialogs)
    filled = {"title": "Eén keer", "text": "Dubbel indienen telt niet.", "tlp": "TLP:GREEN"}
    for _ in range(3):
        assert bot.fake.submit(bot.fake.dialogs[-1], ANNA, filled).status_code == 200
    assert eventually(lambda: _count(bot, KnowledgeItem) == 1)
    assert not eventually(lambda: _count(bot, KnowledgeItem) > 1, timeout=0.5)


def test_a_dialog_submitted_by_another_user_or_from_another_channel_is_refused(
    bot: MattermostBot,
) -> None:
    bot.command(ANNA, "kennis", "deel")
    assert eventually(lambda: bot.fake.dialogs)
    dialog = bot.fake.dialogs[-1]
    filled = {"title": "Niet van jou", "text": "x", "tlp": "TLP:GREEN"}
    bot.fake.submit(dialog, BRAM, filled)
    bot.fake.submit(dialog, ANNA, filled, channel="chanelders0000000000000001")
    assert not eventually(lambda: _count(bot, KnowledgeItem) > 0, timeout=0.5)


def test_a_hostile_announcement_embeds_no_image_and_pings_no_one(bot: MattermostBot) -> None:
    """Reproduction 4 in Mattermost: remote images and disguised links stay text."""
    bot.command(ANNA, "knelpunt", "meld Pixel in melding — ![](https://evil.example/p.png) "
                "[Klik](https://evil.example/x) @carla")  # fmt: skip
    post = next(p for p in bot.fake.wait_for_posts(GENERAL) if "Pixel" in str(p))
    shown = json.dumps(post, ensure_ascii=False)
    assert "![" not in shown and "[Klik](" not in shown and "Klik (https://evil.example/x)" in shown
    assert "@carla" not in shown.replace("@\\u200bcarla", "").replace("@\u200bcarla", "")
