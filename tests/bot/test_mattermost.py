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
    eventually,
    mattermost_bot,
)


@pytest.fixture
def bot(tmp_path: Path, clock: FixedClock) -> Iterator[MattermostBot]:
    with mattermost_bot(tmp_path, clock) as running:
        yield running


def test_health_and_a_slash_command_with_a_good_token(bot: MattermostBot) -> None:
    import httpx

    health = httpx.get(f"{bot.url}/health")
    assert health.status_code == 200 and health.json()["status"] == "ok"
    assert health.json()["checks"]["platform"] == {"ok": True, "detail": "WebSocket connected"}
    answer = bot.command(ANNA, "kennis", "deel Phishing met facturen\\nLet op. #phishing")
    assert answer.status_code == 200
    body = answer.json()
    assert body["response_type"] == "ephemeral" and "Phishing met facturen" in body["text"]


def _items(bot: MattermostBot) -> int:
    from storage.models import KnowledgeItem

    with bot.app.db.read() as session:
        return session.query(KnowledgeItem).count()


def test_a_wrong_or_missing_command_token_gets_401_and_changes_nothing(bot: MattermostBot) -> None:
    before = _items(bot)
    wrong = bot.command(ANNA, "kennis", "deel Iets dat niet mag", token="gestolen-token")
    assert wrong.status_code == 401 and "koppeling" in wrong.json()["text"]
    empty = bot.command(ANNA, "kennis", "deel Iets dat niet mag", token="")
    assert empty.status_code == 401
    import httpx

    odd = httpx.post(
        f"{bot.url}/mattermost/command",
        data={"token": "tökén-✓", "user_id": ANNA, "command": "/kennis", "text": "deel Iets"},
    )  # not ASCII; fmt: skip
    assert odd.status_code == 401
    assert _items(bot) == before
    assert bot.command(ANNA, "kennis", "deel Wel goed").status_code == 200
    assert _items(bot) == before + 1


def test_buttons_round_trip_and_forged_presses_are_refused(bot: MattermostBot) -> None:
    bot.core_says(ANNA, "kennis", "deel Phishing met valse facturen\nLet op. #phishing")
    body = bot.command(BRAM, "kennis", "zoek facturen").json()
    actions = [a for att in body["attachments"] for a in att.get("actions") or []]
    show = next(a for a in actions if a["integration"]["context"]["action_id"] == "kennis.show")
    assert show["id"].isalnum() and show["integration"]["url"] == f"{bot.url}/mattermost/action"
    pressed = bot.fake.press(BRAM, show, channel=GENERAL)
    assert pressed.status_code == 200
    assert "privébericht" in pressed.json()["ephemeral_text"]
    # The item has buttons of its own: it comes by DM, and the press says so or stays quiet.
    (post,) = bot.dm(BRAM)
    assert "Phishing met valse facturen" in str(post["props"]) + post["message"]
    # Another user may not press a button made for Bram; an altered value is refused.
    assert "werkt niet" in bot.fake.press(CARLA, show).json()["ephemeral_text"]
    forged = {**show, "integration": {**show["integration"], "context": {
        **show["integration"]["context"], "value": "2"}}}  # fmt: skip
    assert "werkt niet" in bot.fake.press(BRAM, forged).json()["ephemeral_text"]
    odd = {**show, "integration": {**show["integration"], "context": {
        **show["integration"]["context"], "sig": "ñ" * 32}}}  # fmt: skip
    assert "werkt niet" in bot.fake.press(BRAM, odd).json()["ephemeral_text"]


def test_a_form_opens_as_a_dialog_and_field_errors_come_back(bot: MattermostBot) -> None:
    answer = bot.command(ANNA, "kennis", "deel")
    assert answer.status_code == 200 and answer.json() == {}
    assert bot.fake.wait(lambda: bot.fake.dialogs)
    dialog = bot.fake.dialogs[-1]
    names = [e["name"] for e in dialog["dialog"]["elements"]]
    assert names == ["title", "text", "tags", "tlp", "valid_until"]
    assert dialog["url"] == f"{bot.url}/mattermost/dialog"
    errors = bot.fake.submit(dialog, ANNA, {"title": "", "text": "x", "tlp": "TLP:GREEN"}).json()
    assert set(errors["errors"]) == {"title"}
    # A submission with another user's name on it is refused (the state is signed for Anna).
    before = _items(bot)
    bot.fake.submit(dialog, BRAM, {"title": "Niet van Bram", "text": "x", "tlp": "TLP:GREEN"})
    ok = bot.fake.submit(
        dialog, ANNA, {"title": "MFA voor beheerders", "text": "Verplicht.", "tags": "mfa",
                       "tlp": "TLP:GREEN"})  # fmt: skip
    assert ok.json() == {}
    (post,) = bot.dm(ANNA)
    assert "MFA voor beheerders" in post["message"]
    assert _items(bot) == before + 1


def test_a_bookmark_reaction_saves_the_post_with_its_permalink(bot: MattermostBot) -> None:
    post = bot.fake.create_post(
        BRAM, GENERAL, "Tip: controleer SPF en DMARC van leveranciers", {}, []
    )
    bot.fake.react(ANNA, post["id"], "thumbsup")  # another reaction: nothing
    bot.fake.react(ANNA, post["id"])
    (saved,) = bot.dm(ANNA)
    assert "Opgeslagen als kennisitem" in saved["message"] and "Bram Jansen" in saved["message"]
    from storage.models import KnowledgeItem

    with bot.app.db.read() as session:
        item = session.query(KnowledgeItem).one()
        assert item.source_url == f"{bot.fake.url}/_redirect/pl/{post['id']}"
        assert item.source_author == "Bram Jansen"


def test_events_missed_during_a_drop_are_replayed_once(bot: MattermostBot) -> None:
    listener = bot.mattermost.listener
    sessions = listener.sessions
    bot.fake.drop()
    post = bot.fake.create_post(CARLA, GENERAL, "Back-ups offline bewaren", {}, [])
    bot.fake.react(ANNA, post["id"])  # sent while the bot is away: kept by the server
    assert eventually(lambda: listener.sessions > sessions), "no reconnect"
    (saved,) = bot.dm(ANNA)
    assert "Back-ups offline bewaren" in saved["message"]
    # The same event again (a second replay) is not handled twice.
    bot.fake.drop()
    assert eventually(lambda: listener.sessions > sessions + 1)
    bot.fake.react(BRAM, post["id"], "smile")
    assert len(bot.dm(ANNA)) == 1 and _items(bot) == 1


def test_a_server_that_forgot_the_connection_is_caught_up_over_rest(
    bot: MattermostBot, caplog: pytest.LogCaptureFixture
) -> None:
    listener = bot.mattermost.listener
    old, sessions = listener.connection_id, listener.sessions
    earlier = bot.fake.create_post(CARLA, GENERAL, "Al eerder bewaard", {}, [])
    bot.fake.react(ANNA, earlier["id"])
    assert eventually(lambda: _items(bot) == 1)
    # The server restarts: while it is down, a post is bookmarked, and the event is lost.
    bot.fake.down = True
    bot.fake.drop(resumable=False)
    post = bot.fake.create_post(CARLA, GENERAL, "Gemist tijdens de herstart", {}, [])
    bot.fake.react(BRAM, post["id"])
    bot.fake.down = False
    assert eventually(lambda: listener.sessions > sessions)
    assert listener.connection_id != old and "could not resume" in caplog.text
    # Caught up over REST: the missed bookmark is saved, the earlier one not again.
    (saved,) = bot.dm(BRAM)
    assert "Gemist tijdens de herstart" in saved["message"]
    assert eventually(lambda: _items(bot) == 2) and len(bot.dm(ANNA)) == 1


def test_commands_typed_in_a_dm_with_the_bot(bot: MattermostBot) -> None:
    bot.core_says(ANNA, "kennis", "deel Wachtwoordbeleid herzien\nLange wachtwoorden. #wachtwoord")
    dm = bot.fake.dm_id(BRAM)
    bot.fake.add_channel(dm, f"{BOT_ID}__{BRAM}", "D")
    bot.fake.create_post(BRAM, dm, "kennis zoek wachtwoord", {}, [])
    posts = bot.fake.wait_for_posts(dm, 2)
    assert any("Wachtwoordbeleid" in p["message"] + str(p["props"]) for p in posts)
    bot.fake.create_post(BRAM, dm, "hallo bot", {}, [])
    assert eventually(lambda: "zonder schuine streep" in str(bot.fake.in_channel(dm)))
    # The bot's own posts never loop back as commands.
    assert sum(1 for p in bot.fake.in_channel(dm) if p["user_id"] == BOT_ID) == 2


def test_amber_is_never_posted_to_a_channel(bot: MattermostBot) -> None:
    bot.command(ANNA, "knelpunt", "meld Budget SOC te hoog voor kleine gemeenten TLP:AMBER")
    bot.command(BRAM, "knelpunt", "meld Leverancier levert geen logs")
    assert eventually(lambda: "Leverancier" in str(bot.fake.in_channel(GENERAL)))
    in_channels = bot.fake.in_channel(GENERAL) + bot.fake.in_channel(WORKGROUP)
    everything = " ".join(p["message"] + str(p["props"]) for p in in_channels)
    assert "Leverancier levert geen logs" in everything
    assert "Budget SOC" not in everything


def test_mentions_resolve_and_mass_mentions_stay_inert(bot: MattermostBot) -> None:
    bot.fake.add_user("usrdirk0000000000000000001", "dirk", "Dirk", "de Boer")
    from tests.bot.mattermost_harness import ADMIN

    added = bot.command(ADMIN, "ciso", "lid @dirk Den Haag ciso").json()
    assert "Dirk de Boer" in added["text"]  # the display name, found through the API
    told = bot.command(ANNA, "kennis", "deel Let op @channel en @all: nieuwe phishing").json()
    assert "@channel" not in told["text"] and "@all" not in told["text"]
    unknown = bot.command(ADMIN, "ciso", "lid @niemand Den Haag ciso").json()
    assert "niemand" in unknown["text"]


def test_mentions_come_from_the_request_when_mattermost_sends_them(bot: MattermostBot) -> None:
    from tests.bot.mattermost_harness import ADMIN

    # Not a user the API knows here: only the request's own mention list can resolve it.
    added = bot.command(ADMIN, "ciso", "lid @eva Westland ciso",
                        user_mentions='["eva"]',
                        user_mentions_ids='["usreva00000000000000000001"]').json()  # fmt: skip
    assert "toegevoegd" in added["text"]
    from storage import members

    with bot.app.db.read() as session:
        assert members.get_member(session, "mattermost", "usreva00000000000000000001")


def test_a_button_that_asks_are_you_sure_does_so_in_a_dialog(bot: MattermostBot) -> None:
    bot.core_says(ANNA, "kennis", "deel Verouderd advies over wachtwoorden\nWeg ermee.")
    shown = bot.command(ANNA, "kennis", "toon 1").json()
    actions = [a for att in shown["attachments"] for a in att.get("actions") or []]
    delete = next(a for a in actions if a["integration"]["context"]["action_id"] == "kennis.delete")
    assert _items(bot) == 1
    # Without a trigger no dialog can open, and nothing is deleted without the question.
    import httpx

    body = {"user_id": ANNA, "channel_id": GENERAL, "context": delete["integration"]["context"]}
    refused = httpx.post(delete["integration"]["url"], json=body).json()
    assert "werkt niet" in refused["ephemeral_text"] and _items(bot) == 1
    # Leaving the question out of the context breaks its signature.
    skipped = {**body, "context": {**body["context"], "confirm": ""}, "trigger_id": "t"}
    refused = httpx.post(delete["integration"]["url"], json=skipped).json()
    assert "werkt niet" in refused["ephemeral_text"] and _items(bot) == 1
    assert bot.fake.press(ANNA, delete, channel=GENERAL).json() == {}
    dialog = bot.fake.dialogs[-1]
    assert dialog["dialog"]["callback_id"] == "confirm" and dialog["dialog"]["elements"] == []
    assert bot.fake.submit(dialog, BRAM, {}).json() == {}  # not Bram's question to answer
    assert _items(bot) == 1
    bot.fake.submit(dialog, ANNA, {})
    assert eventually(lambda: _items(bot) == 0)


def test_the_fake_server_refuses_what_the_api_description_does_not_allow() -> None:
    import httpx

    from tests.bot.fake_mattermost import TOKEN, running

    with running() as fake:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        bad = httpx.post(f"{fake.url}/api/v4/posts", json={"message": "geen kanaal"},
                         headers=headers)  # fmt: skip
        assert bad.status_code in (400, 403)
        assert any("channel_id" in v for v in fake.violations)
        fake.violations.clear()


def test_a_review_question_comes_by_dm_and_its_update_opens_a_filled_dialog(
    bot: MattermostBot, clock: FixedClock
) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from bot.scheduler import sweep

    bot.core_says(BRAM, "kennis", "deel Logbeleid\nBewaar logs een jaar. #logging "
                  "geldig tot 7 januari 2027")  # fmt: skip
    clock.set(datetime(2027, 1, 7, 10, tzinfo=ZoneInfo("Europe/Amsterdam")))
    assert sweep(bot.app.core, bot.mattermost.deliver) == 1
    (question,) = bot.dm(BRAM)
    assert "nog actueel?" in question["message"]
    update = next(a for a in bot.buttons(question)
                  if a["integration"]["context"]["action_id"] == "kennis.review_edit")  # fmt: skip
    assert bot.fake.press(BRAM, update, post_id=question["id"]).json() == {}
    assert bot.fake.wait(lambda: bot.fake.dialogs)
    dialog = bot.fake.dialogs[-1]
    defaults = {e["name"]: e.get("default") for e in dialog["dialog"]["elements"]}
    assert defaults["title"] == "Logbeleid" and defaults["text"] == "Bewaar logs een jaar."
    filled = {"title": "Logbeleid 2027", "text": "Anderhalf jaar.", "tags": "logging",
              "valid_until": "eind 2027"}  # fmt: skip
    done = bot.fake.submit(dialog, BRAM, filled)
    assert done.json() == {}
    (_, told) = bot.dm(BRAM, 2)
    assert "Volgende herziening: 31 december 2027" in told["message"]
    assert bot.fake.violations == []


def test_the_share_dialog_shows_similar_items_first_and_shares_anyway(
    bot: MattermostBot,
) -> None:
    bot.core_says(ANNA, "kennis", "deel Phishing met valse facturen van leveranciers")
    bot.command(BRAM, "kennis", "deel")
    assert bot.fake.wait(lambda: bot.fake.dialogs)
    answer = bot.fake.submit(bot.fake.dialogs[-1], BRAM, {
        "title": "Valse facturen van leveranciers", "text": "Phishing via facturen.",
        "tlp": "TLP:GREEN"})  # fmt: skip
    assert answer.json() == {}
    (asked,) = bot.dm(BRAM)
    assert "lijkt het op een van deze?" in asked["message"]
    anyway = next(a for a in bot.buttons(asked)
                  if a["integration"]["context"]["action_id"] == "held.anyway")  # fmt: skip
    before = _items(bot)
    bot.fake.press(BRAM, anyway, post_id=asked["id"])
    assert eventually(lambda: _items(bot) == before + 1)
    assert bot.fake.violations == []


def test_a_question_in_the_network_channel_is_answered_by_a_reply_to_it(
    bot: MattermostBot,
) -> None:
    bot.command(BRAM, "kennis", "vraag Wie heeft ervaring met Acme SIEM?")
    (question,) = bot.fake.wait_for_posts(GENERAL)
    assert "Vraag #1" in question["message"]
    assert question["props"]["ciso_bot_topic"] == "question:1"
    bot.fake.create_post(ANNA, GENERAL, "Wij, sinds 2024.", {}, [], root_id=question["id"])
    bot.fake.create_post(ANNA, GENERAL, "Los bericht zonder draad.", {}, [])
    (answer,) = bot.dm(BRAM)
    assert "Nieuw antwoord op je vraag **#1**" in answer["message"]
    assert "Wij, sinds 2024." in answer["message"] + str(answer["props"])
    helpful = next(a for a in bot.buttons(answer)
                   if a["integration"]["context"]["action_id"] == "kennis.helpful")  # fmt: skip
    bot.fake.press(BRAM, helpful, post_id=answer["id"])
    assert eventually(lambda: _items(bot) == 1)
    assert bot.fake.violations == []


def test_the_answer_button_opens_a_dialog_whose_answer_reaches_the_asker(
    bot: MattermostBot,
) -> None:
    bot.command(BRAM, "kennis", "vraag Wie heeft ervaring met Acme SIEM?")
    (question,) = bot.fake.wait_for_posts(GENERAL)
    answer = next(a for a in bot.buttons(question)
                  if a["integration"]["context"]["action_id"] == "kennis.answer")  # fmt: skip
    assert bot.fake.press(ANNA, answer, post_id=question["id"]).json() == {}
    assert bot.fake.wait(lambda: bot.fake.dialogs)
    dialog = bot.fake.dialogs[-1]
    assert [e["name"] for e in dialog["dialog"]["elements"]] == ["text", "tlp"]
    done = bot.fake.submit(dialog, ANNA, {"text": "Wij, sinds 2024.", "tlp": "TLP:AMBER"})
    assert done.json() == {}
    (to_bram,) = bot.dm(BRAM)
    assert "Nieuw antwoord op je vraag **#1**" in to_bram["message"]
    helpful = next(a for a in bot.buttons(to_bram)
                   if a["integration"]["context"]["action_id"] == "kennis.helpful")  # fmt: skip
    bot.fake.press(BRAM, helpful, post_id=to_bram["id"])
    assert eventually(lambda: _items(bot) == 1)
    with bot.app.db.read() as session:
        from storage import knowledge
        from storage.tlp import TLP, Audience

        (item,) = knowledge.recent(session, Audience.group(TLP.AMBER), 5)
    assert item.tlp is TLP.AMBER and "Wij, sinds 2024." in item.body
    assert bot.fake.violations == []
