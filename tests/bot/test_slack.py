"""Slack end to end: the real Bolt app over HTTP, signed requests, a fake Slack Web API."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.clock import FixedClock
from storage import knowledge
from storage.tlp import TLP, Audience
from tests.bot.slack_harness import SlackBot, slack_bot


@pytest.fixture
def bot(tmp_path: Path, clock: FixedClock) -> Iterator[SlackBot]:
    with slack_bot(tmp_path, clock) as running:
        yield running


def _items(bot: SlackBot) -> list[str]:
    with bot.app.db.read() as session:
        return [i.title for i in knowledge.recent(session, Audience.group(TLP.AMBER), 50)]


def _texts(blocks: list[Any]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def test_url_verification_and_health(bot: SlackBot) -> None:
    body = json.dumps(
        {
            "token": "x",
            "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            "type": "url_verification",
        }
    )
    reply = bot.post(body, "application/json")
    assert (
        reply.status == 200 and "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" in reply.body
    )
    health = bot.get("/health")
    assert health.status == 200 and health.json()["status"] == "ok"


def test_bad_or_stale_signatures_get_401_and_change_nothing(bot: SlackBot) -> None:
    body = "command=%2Fkennis&text=deel+Vervalst&user_id=U0ANNA&channel_id=C0ALGEMEEN&trigger_id=1"
    assert bot.post(body, "application/x-www-form-urlencoded", secret="wrong").status == 401
    stale = int(time.time()) - 10 * 60
    assert bot.post(body, "application/x-www-form-urlencoded", timestamp=stale).status == 401
    assert "Vervalst" not in _items(bot) and bot.fake.calls == []


def test_a_command_is_acked_at_once_and_answered_ephemerally_in_block_kit(bot: SlackBot) -> None:
    reply = bot.command("U0ANNA", "/kennis", "deel Phishinggolf met valse facturen #phishing")
    assert reply.status == 200
    (response,) = bot.fake.wait_for_response()
    assert response["response_type"] == "ephemeral" and response["replace_original"] is False
    rendered = _texts(response["blocks"])
    assert "Opgeslagen als kennisitem *#1*" in rendered
    assert {"kennis.show", "kennis.announce"} <= {
        e["action_id"] for b in response["blocks"] if b["type"] == "actions" for e in b["elements"]
    }
    assert _items(bot) == ["Phishinggolf met valse facturen"]


def test_buttons_round_trip_and_a_repeated_interaction_counts_once(bot: SlackBot) -> None:
    bot.core_says("U0ANNA", "kennis", "deel Wachtwoordbeleid herzien")
    trigger = bot.trigger()
    assert bot.press("U0BRAM", "kennis.useful", "1", trigger=trigger).status == 200
    (first,) = bot.fake.wait_for_response()
    assert "nuttig" in first["text"]
    assert bot.press("U0BRAM", "kennis.useful", "1", trigger=trigger).status == 200
    bot.slack.close()
    assert len(bot.fake.responses) == 1
    with bot.app.db.read() as session:
        item = knowledge.get_visible(session, Audience.group(TLP.AMBER), 1)
    assert item is not None and item.useful_votes == 1


def test_more_results_button_pages_on(bot: SlackBot) -> None:
    for n in range(7):
        bot.core_says("U0ANNA", "kennis", f"deel Ransomware les {n}\nOver ransomware deel {n}")
    bot.command("U0BRAM", "/kennis", "zoek ransomware")
    (page,) = bot.fake.wait_for_response()
    more = [e for b in page["blocks"] if b["type"] == "actions" for e in b["elements"]
            if e["action_id"] == "kennis.more"]  # fmt: skip
    assert more
    bot.press("U0BRAM", "kennis.more", more[0]["value"])
    second = bot.fake.wait_for_response(2)[1]
    assert "6–7" in _texts(second["blocks"])


def _view_submission(
    bot: SlackBot, user: str, callback_id: str, values: dict[str, Any], metadata: str = ""
) -> dict[str, Any]:
    state = {
        "values": {
            name: {
                name: value
                if isinstance(value, dict)
                else {"type": "plain_text_input", "value": value}
            }
            for name, value in values.items()
        }
    }
    return {
        "type": "view_submission",
        "team": {"id": "T0GEMEENTE", "domain": "gemeenten"},
        "user": {"id": user, "username": user.lower(), "team_id": "T0GEMEENTE"},
        "api_app_id": "A0CISOBOT",
        "token": "verification-token",
        "trigger_id": bot.trigger(),
        "view": {
            "id": "V0FORM" + callback_id.replace(".", ""),
            "team_id": "T0GEMEENTE",
            "type": "modal",
            "blocks": [],
            "private_metadata": metadata,
            "callback_id": callback_id,
            "state": state,
            "hash": f"1764400000.{len(values)}",
            "title": {"type": "plain_text", "text": "Formulier"},
            "close": None,
            "submit": None,
            "previous_view_id": None,
            "root_view_id": "V0FORM",
            "app_id": "A0CISOBOT",
            "external_id": "",
            "app_installed_team_id": "T0GEMEENTE",
            "bot_id": "BBOT",
        },
        "response_urls": [],
    }


def _select(value: str) -> dict[str, Any]:
    return {
        "type": "static_select",
        "selected_option": {"text": {"type": "plain_text", "text": value}, "value": value},
    }


def test_share_without_text_opens_a_form_and_field_errors_come_back(bot: SlackBot) -> None:
    bot.command("U0ANNA", "/kennis", "deel")
    (opened,) = bot.fake.wait_for("views.open")
    view = opened["view"]
    assert view["callback_id"] == "kennis.share" and view["type"] == "modal"
    assert [b["block_id"] for b in view["blocks"]] == ["title", "text", "tags", "tlp",
                                                       "valid_until"]  # fmt: skip
    wrong = bot.interaction(_view_submission(bot, "U0ANNA", "kennis.share", {
        "title": "", "text": "x" * 20_001, "tlp": _select("TLP:GREEN")}))  # fmt: skip
    assert wrong.status == 200
    assert wrong.json()["response_action"] == "errors"
    assert set(wrong.json()["errors"]) == {"title", "text"}
    good = bot.interaction(_view_submission(bot, "U0ANNA", "kennis.share", {
        "title": "Leverancierslek", "text": "Details volgen", "tags": "leverancier, lek",
        "tlp": _select("TLP:AMBER")}))  # fmt: skip
    assert good.status == 200 and good.body == ""
    bot.fake.wait_for("chat.postMessage")  # the confirmation goes by DM
    bot.slack.close()
    with bot.app.db.read() as session:
        item = knowledge.get_visible(session, Audience.group(TLP.AMBER), 1)
    assert item is not None and item.tlp is TLP.AMBER and item.tags == ("lek", "leverancier")


def test_action_form_checks_the_deadline_in_the_modal(bot: SlackBot) -> None:
    user = {"type": "users_select", "selected_user": "U0BRAM"}
    wrong = bot.interaction(_view_submission(bot, "U0ANNA", "actie.new", {
        "title": "Logbeleid", "owner": user, "deadline": "april"}))  # fmt: skip
    assert "Wanneer in april precies?" in wrong.json()["errors"]["deadline"]
    good = bot.interaction(_view_submission(bot, "U0ANNA", "actie.new", {
        "title": "Logbeleid", "owner": user, "deadline": "eind Q1"}))  # fmt: skip
    assert good.status == 200
    posted = bot.fake.wait_for("chat.postMessage", 2)
    said = _texts([p["blocks"] for p in posted])
    assert "woensdag 31 maart 2027" in said


def _shortcut(bot: SlackBot, channel: str, ts: str, text: str) -> dict[str, Any]:
    """The "Opslaan in kennisbank" message shortcut pressed by Anna on Bram's message."""
    return {
        "type": "message_action",
        "token": "verification-token",
        "action_ts": "1764400100.000300",
        "team": {"id": "T0GEMEENTE", "domain": "gemeenten"},
        "user": {"id": "U0ANNA", "name": "anna"},
        "channel": {"id": channel, "name": channel.lower()},
        "callback_id": "save_to_kb",
        "trigger_id": bot.trigger(),
        "message_ts": ts,
        "message": {"type": "message", "user": "U0BRAM", "ts": ts, "text": text},
        "response_url": bot.fake.response_url(77),
    }


def test_message_shortcut_saves_with_permalink_and_author(bot: SlackBot) -> None:
    text = "Let op: nieuwe phishingmails uit naam van de Belastingdienst."
    payload = _shortcut(bot, "C0NETWERK", "1764400000.000500", text)
    assert bot.interaction(payload).status == 200
    (response,) = bot.fake.wait_for_response()
    assert "oorspronkelijk van Bram Jansen" in response["text"]
    with bot.app.db.read() as session:
        item = knowledge.get_visible(session, Audience.group(TLP.AMBER), 1)
    assert item is not None
    assert item.source_url == "https://gemeenten.slack.com/archives/C0NETWERK/p1764400000000500"
    assert item.source_author == "Bram Jansen" and item.author_name == "Anna de Vries"


def _reaction(user: str, reaction: str = "bookmark") -> dict[str, Any]:
    return {
        "type": "reaction_added",
        "user": user,
        "reaction": reaction,
        "item_user": "U0BRAM",
        "item": {"type": "message", "channel": "C0NETWERK", "ts": "1764400000.000600"},
        "event_ts": "1764400200.000100",
    }


def test_a_bookmark_reaction_saves_once_despite_retries(bot: SlackBot) -> None:
    bot.fake.messages[("C0NETWERK", "1764400000.000600")] = {
        "type": "message", "user": "U0BRAM", "ts": "1764400000.000600",
        "text": "Back-up getest: herstel duurde 6 uur. #backup",
    }  # fmt: skip
    assert bot.event(_reaction("U0CARLA"), "Ev0REACT1").status == 200
    assert bot.event(_reaction("U0CARLA"), "Ev0REACT1", retry=1).status == 200
    assert bot.event(_reaction("U0CARLA", "thumbsup"), "Ev0REACT2").status == 200
    (ephemeral,) = bot.fake.wait_for("chat.postEphemeral")
    assert ephemeral["user"] == "U0CARLA" and ephemeral["channel"] == "C0NETWERK"
    # Someone else bookmarks the same message: it is saved already.
    bot.event(_reaction("U0ANNA"), "Ev0REACT3")
    bot.fake.wait_for("chat.postEphemeral", 2)
    bot.slack.close()
    assert _items(bot) == ["Back-up getest: herstel duurde 6 uur."]
    assert len(bot.fake.of("conversations.history")) == 2


def test_app_home_shows_my_actions_top_bottlenecks_and_knowledge_within_tlp(
    bot: SlackBot,
) -> None:
    bot.core_says("U0ANNA", "actie", "nieuw Logbeleid opstellen <@U0BRAM> eind Q1")
    bot.core_says("U0ANNA", "knelpunt", "meld Auditlogs ontbreken in het zaaksysteem")
    bot.core_says("U0ANNA", "kennis", "deel Intern incident Den Haag TLP:AMBER+STRICT")
    bot.core_says("U0ANNA", "kennis", "deel Checklist back-up")
    opened = {"type": "app_home_opened", "user": "U0BRAM", "channel": "D0BRAM", "tab": "home"}
    assert bot.event({**opened, "event_ts": "1764400300.1"}, "Ev0HOME1").status == 200
    (published,) = bot.fake.wait_for("views.publish")
    assert published["user_id"] == "U0BRAM" and published["view"]["type"] == "home"
    shown = _texts(published["view"]["blocks"])
    assert "Logbeleid opstellen" in shown and "Auditlogs ontbreken" in shown
    assert "Checklist back-up" in shown and "Intern incident" not in shown


def test_amber_is_never_posted_to_a_channel(bot: SlackBot) -> None:
    bot.command("U0BRAM", "/knelpunt", "meld Budget SOC ontbreekt TLP:AMBER", channel="C0NETWERK")
    bot.fake.wait_for_response()
    bot.command("U0CARLA", "/knelpunt", "steun 1", channel="C0NETWERK")
    bot.command("U0ANNA", "/knelpunt", "steun 1", channel="C0NETWERK")
    bot.fake.wait_for("chat.postMessage")  # the werkgroep is told the threshold is reached
    bot.command("U0BRAM", "/kennis", "deel Geheime analyse TLP:AMBER", channel="C0NETWERK")
    bot.fake.wait_for_response(4)
    bot.slack.close()
    to_channels = [p for p in bot.fake.of("chat.postMessage") if p["channel"].startswith("C")]
    assert to_channels and all("Budget SOC" not in _texts([p]) for p in to_channels)
    assert all("Geheime analyse" not in _texts([p]) for p in to_channels)
    assert all("TLP:AMBER" in p["text"] for p in to_channels)  # only the number and label


def test_a_green_bottleneck_is_announced_in_the_network_channel(bot: SlackBot) -> None:
    bot.command("U0BRAM", "/knelpunt", "meld Leverancier levert geen logs", channel="C0ALGEMEEN")
    (posted,) = bot.fake.wait_for("chat.postMessage")
    assert posted["channel"] == "C0NETWERK"
    buttons = [e for b in posted["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert buttons[0]["action_id"] == "knelpunt.support" and buttons[0]["style"] == "primary"
    bot.press("U0CARLA", "knelpunt.support", "1", channel="C0NETWERK")
    assert "Delft herkent" in bot.fake.wait_for_response(2)[1]["text"]


def test_rate_limits_are_waited_out_and_the_message_goes_once(bot: SlackBot) -> None:
    bot.fake.fail("chat.postMessage", status=429, error="ratelimited")
    bot.command("U0BRAM", "/knelpunt", "meld Leverancier levert geen logs")
    (posted,) = bot.fake.wait_for("chat.postMessage")
    bot.slack.close()
    assert posted["channel"] == "C0NETWERK" and len(bot.fake.of("chat.postMessage")) == 1


def test_a_web_api_failure_keeps_what_was_stored_and_tells_the_user(bot: SlackBot) -> None:
    bot.fake.fail("conversations.open", error="cannot_dm_bot")
    bot.command("U0ANNA", "/actie", "nieuw Logbeleid <@U0BRAM|bram> eind Q1")
    responses = bot.fake.wait_for_response(2)
    assert "Actie *#1* staat" in _texts(responses[0]["blocks"])
    assert "probeer het vanzelf opnieuw" in responses[1]["text"]
    bot.slack.close()
    with bot.app.db.read() as session:
        from storage import actions

        assert actions.get(session, Audience.bookkeeping(), 1) is not None
    # The DM to the owner is owed: the next sweep after its retry moment delivers it, once.
    from datetime import timedelta

    from bot.scheduler import sweep

    assert bot.fake.of("chat.postMessage") == []
    bot.clock.advance(timedelta(minutes=2))
    sweep(bot.app.core, bot.slack.deliver)
    sweep(bot.app.core, bot.slack.deliver)
    (dm,) = bot.fake.of("chat.postMessage")
    assert "Logbeleid" in dm["text"]


def test_reminders_reach_slack_by_dm_with_their_key(bot: SlackBot) -> None:
    from datetime import datetime

    from bot.scheduler import sweep
    from tests.conftest import AMSTERDAM

    bot.core_says("U0ANNA", "actie", "nieuw Logbeleid <@U0BRAM> vrijdag 11 december")
    bot.clock.set(datetime(2026, 12, 4, 9, 0, tzinfo=AMSTERDAM))
    assert sweep(bot.app.core, bot.slack.deliver) == 1
    (opened,) = bot.fake.of("conversations.open")
    (posted,) = bot.fake.of("chat.postMessage")
    assert opened["users"] == "U0BRAM" and posted["channel"] == "D0BRAM"
    assert posted["metadata"]["event_payload"]["key"].startswith("reminder:")
    assert {"actie.done", "actie.postpone_week", "actie.update_prompt"} <= {
        e["action_id"] for b in posted["blocks"] if b["type"] == "actions" for e in b["elements"]
    }
    bot.fake.fail("chat.postMessage", error="channel_not_found")
    bot.clock.set(datetime(2026, 12, 10, 9, 0, tzinfo=AMSTERDAM))
    assert sweep(bot.app.core, bot.slack.deliver) == 0  # failed: it will be tried again


def test_mentions_resolve_and_mass_mentions_stay_inert(bot: SlackBot) -> None:
    bot.command("U0ADMIN", "/ciso", "lid <@U0DIRK|dirk> Den Haag ciso")
    assert "dirk is toegevoegd" in bot.fake.wait_for_response()[0]["text"]
    bot.command("U0ANNA", "/kennis", "deel Let op <!channel> en <!here|here>: nieuwe phishing")
    said = json.dumps(bot.fake.wait_for_response(2)[1])
    assert "<!channel>" not in said and "<!here" not in said


def test_time_zone_comes_from_users_info(bot: SlackBot) -> None:
    bot.fake.add_user("U0CARLA", "Carla Bakker", tz="America/Kralendijk")
    bot.slack.people.forget()
    bot.command("U0CARLA", "/ciso", "ik")
    assert "America/Kralendijk" in json.dumps(bot.fake.wait_for_response()[0])


def test_exports_are_uploaded_as_files_to_the_dm(bot: SlackBot) -> None:
    bot.core_says("U0BRAM", "knelpunt", "meld Leverancier levert geen logs")
    bot.command("U0ANNA", "/knelpunt", "export csv")
    (done,) = bot.fake.wait_for("files.completeUploadExternal")
    (url,) = bot.fake.of("files.getUploadURLExternal")
    assert url["filename"].startswith("knelpunten-") and url["filename"].endswith(".csv")
    (content,) = bot.fake.uploads.values()
    assert b"Leverancier levert geen logs" in content
    assert done["channel_id"] == "D0ANNA"
    assert "privébericht" in bot.fake.wait_for_response()[0]["text"]


def test_odd_payloads_get_a_clear_answer_and_no_traceback(bot: SlackBot) -> None:
    # A button the bot does not know, a payload with fields missing, text that is no JSON.
    assert bot.press("U0BRAM", "kennis.nope", "1").status == 200
    assert "werkt niet (meer)" in bot.fake.wait_for_response()[0]["text"]
    # Only Slack can sign a request; a signed but broken one is refused without details.
    odd = bot.interaction({"type": "block_actions", "actions": [{}]})
    assert odd.status in (400, 500) and odd.body == ""
    broken = bot.post("payload=%7Bnot-json", "application/x-www-form-urlencoded")
    assert broken.status == 400 and broken.body == ""
    hostile = "zoek \"NEAR( <!everyone> '; DROP TABLE knowledge_items;-- " + "x" * 5000
    assert bot.command("U0BRAM", "/kennis", hostile).status == 200
    said = json.dumps(bot.fake.wait_for_response(2)[1])
    assert "<!everyone>" not in said and "er ging iets mis" not in said


def test_socket_mode_receives_a_command_and_acks_the_envelope(bot: SlackBot) -> None:
    from tests.bot.fake_socket_mode import socket_mode

    with socket_mode() as endpoint:
        bot.fake.socket_url = endpoint.url
        bot.slack.settings = replace(bot.slack.settings, slack_app_token="xapp-1-test")
        bot.slack.socket_mode = True
        bot.slack.start("")  # as `ciso-bot run` starts it
        try:
            payload = {
                "token": "t", "team_id": "T0GEMEENTE", "team_domain": "gemeenten",
                "channel_id": "C0ALGEMEEN", "channel_name": "algemeen", "user_id": "U0BRAM",
                "user_name": "bram", "command": "/ciso", "text": "ik", "api_app_id": "A0CISOBOT",
                "is_enterprise_install": "false", "response_url": bot.fake.response_url(5),
                "trigger_id": "5.1764400000.socket",
            }  # fmt: skip
            endpoint.send({"envelope_id": "env-1", "payload": payload, "type": "slash_commands",
                           "accepts_response_payload": True})  # fmt: skip
            assert endpoint.wait_for_ack("env-1")["envelope_id"] == "env-1"
            (response,) = bot.fake.wait_for_response()
            assert "Leiden" in json.dumps(response, ensure_ascii=False)
        finally:
            bot.slack.close()  # as a stop does: at once, not after the reader's timeout


def test_socket_mode_sends_its_acks_without_nagles_delay_also_after_a_reconnect(
    bot: SlackBot,
) -> None:
    """With Nagle's algorithm an ack waits for Slack to confirm the one before it."""
    import socket
    import time

    from tests.bot.fake_socket_mode import socket_mode

    def nodelay() -> int:
        sock = bot.slack._socket.client.current_session.sock
        return int(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))

    with socket_mode() as endpoint:
        bot.fake.socket_url = endpoint.url
        bot.slack.settings = replace(bot.slack.settings, slack_app_token="xapp-1-test")
        bot.slack.socket_mode = True
        bot.slack.start("")
        try:
            first = bot.slack._socket.client.current_session
            assert nodelay() == 1
            endpoint.send({"type": "disconnect", "reason": "refresh_requested"})
            deadline = time.monotonic() + 10
            while bot.slack._socket.client.current_session is first:
                assert time.monotonic() < deadline, "the client did not reconnect"
                time.sleep(0.01)
            assert nodelay() == 1
            payload = {"token": "t", "team_id": "T0GEMEENTE", "user_id": "U0BRAM",
                       "command": "/ciso", "text": "ik", "channel_id": "C0ALGEMEEN",
                       "response_url": bot.fake.response_url(6),
                       "trigger_id": "6.1764400000.socket"}  # fmt: skip
            endpoint.send({"envelope_id": "env-2", "payload": payload, "type": "slash_commands",
                           "accepts_response_payload": True})  # fmt: skip
            assert endpoint.wait_for_ack("env-2")["envelope_id"] == "env-2"
        finally:
            bot.slack.close()


def test_bottleneck_form_reports_and_refuses_an_empty_title(bot: SlackBot) -> None:
    bot.command("U0BRAM", "/knelpunt", "meld")
    (opened,) = bot.fake.wait_for("views.open")
    assert opened["view"]["callback_id"] == "knelpunt.report"
    empty = bot.interaction(_view_submission(bot, "U0BRAM", "knelpunt.report", {
        "title": "", "tlp": _select("TLP:GREEN")}))  # fmt: skip
    assert set(empty.json()["errors"]) == {"title"}
    sent = bot.interaction(_view_submission(bot, "U0BRAM", "knelpunt.report", {
        "title": "Leverancier levert geen logs", "description": "Sinds versie 9",
        "theme": "leveranciers", "tlp": _select("TLP:GREEN")}))  # fmt: skip
    assert sent.status == 200 and sent.body == ""
    announced = [p for p in bot.fake.wait_for("chat.postMessage", 2) if p["channel"] == "C0NETWERK"]
    assert announced and "#leveranciers" in json.dumps(announced[0], ensure_ascii=False)


def test_after_a_crash_a_reminder_already_in_the_dm_is_not_sent_again(bot: SlackBot) -> None:
    from datetime import datetime, timedelta

    from bot.app import build_router
    from bot.scheduler import sweep
    from handlers.core import Core
    from storage import reminders
    from tests.conftest import AMSTERDAM

    bot.core_says("U0ANNA", "actie", "nieuw Logbeleid <@U0BRAM> vrijdag 11 december")
    bot.clock.set(datetime(2026, 12, 4, 9, 0, tzinfo=AMSTERDAM))
    (claimed,) = bot.app.core.tick()
    bot.slack.deliver(claimed)  # Slack took it; the process died before recording it
    assert len(bot.fake.of("chat.postMessage")) == 1
    bot.clock.advance(timedelta(minutes=3))
    restarted = Core(build_router(), bot.app.db, bot.clock, bot.app.core.settings)
    assert sweep(restarted, bot.slack.deliver) == 1
    (history,) = bot.fake.of("conversations.history")
    assert history["channel"] == "D0BRAM"
    assert len(bot.fake.of("chat.postMessage")) == 1  # found in the DM: not posted twice
    with bot.app.db.read() as session:
        assert [r.kind for r in reminders.planned(session, states=("sent",))] == ["before_7"]


def test_a_dropped_connection_after_slack_stored_the_reminder_sends_it_once(
    bot: SlackBot,
) -> None:
    from datetime import datetime, timedelta

    from bot.scheduler import sweep
    from storage import reminders
    from tests.conftest import AMSTERDAM

    bot.core_says("U0ANNA", "actie", "nieuw Logbeleid <@U0BRAM> vrijdag 11 december")
    bot.fake.dropped.append("chat.postMessage")  # stored, then no answer ever comes
    bot.clock.set(datetime(2026, 12, 4, 9, 0, tzinfo=AMSTERDAM))
    assert sweep(bot.app.core, bot.slack.deliver) == 0  # unclear: it may have arrived
    assert len(bot.fake.of("chat.postMessage")) == 1
    bot.clock.advance(timedelta(minutes=2))
    assert sweep(bot.app.core, bot.slack.deliver) == 1  # looked for first, and found
    assert bot.fake.of("conversations.history")[-1]["channel"] == "D0BRAM"
    assert len(bot.fake.of("chat.postMessage")) == 1 and bot.fake.posts_by_key() == {
        "reminder:1": 1
    }
    with bot.app.db.read() as session:
        assert [r.kind for r in reminders.planned(session, states=("sent",))] == ["before_7"]


def test_reminder_buttons_open_forms_for_an_update_or_a_postponement(bot: SlackBot) -> None:
    bot.core_says("U0ANNA", "actie", "nieuw Logbeleid <@U0BRAM> vrijdag 11 december")
    bot.press("U0BRAM", "actie.postpone_week", "1", channel="D0BRAM")
    (opened,) = bot.fake.wait_for("views.open")
    view = opened["view"]
    assert view["callback_id"] == "actie.postpone" and view["private_metadata"] == "1"
    assert view["blocks"][0]["element"]["initial_value"] == "over 1 week"
    submission = _view_submission(bot, "U0BRAM", "actie.postpone",
                                  {"deadline": "gisteren", "reason": ""})  # fmt: skip
    submission["view"]["private_metadata"] = "1"
    errors = bot.interaction(submission).json()["errors"]
    assert set(errors) == {"deadline", "reason"} and "niet in de toekomst" in errors["deadline"]
    filled = {"deadline": "over 1 week", "reason": "Wacht op leverancier"}
    submission = _view_submission(bot, "U0BRAM", "actie.postpone", filled)
    submission["view"]["private_metadata"] = "1"
    assert bot.interaction(submission).status == 200
    bot.press("U0BRAM", "actie.update_prompt", "1", channel="D0BRAM")
    update = bot.fake.wait_for("views.open", 2)[1]["view"]
    assert update["callback_id"] == "actie.update"
    submission = _view_submission(bot, "U0BRAM", "actie.update", {"text": "Concept klaar"})
    submission["view"]["private_metadata"] = "1"
    assert bot.interaction(submission).status == 200
    bot.fake.wait_for("chat.postMessage", 2)
    bot.slack.close()
    with bot.app.db.read() as session:
        from storage import actions

        events = [(e.kind, e.text) for e in actions.events(session, 1)]
    assert ("postponed", "Wacht op leverancier") in events and ("update", "Concept klaar") in events


def test_the_ack_does_not_wait_for_slow_work(bot: SlackBot) -> None:
    slow = bot.fake.hold("users.info")  # looking up the user hangs until released
    bot.slack.people.forget()
    try:
        reply = bot.command("U0CARLA", "/kennis", "recent")
        assert reply.status == 200 and bot.fake.responses == []  # acked; work still waiting
    finally:
        slow.set()
    assert bot.fake.wait_for_response()[0]["response_type"] == "ephemeral"


def test_a_message_saved_from_a_private_channel_is_amber_and_says_so(bot: SlackBot) -> None:
    """Reproduction 7: a capture in a private channel got the install default (GREEN)."""
    bot.fake.private_channels.add("C0PRIVE")
    text = "Incident bij de leverancier van het zaaksysteem, nog niet openbaar."
    payload = _shortcut(bot, "C0PRIVE", "1764400000.000600", text)
    assert bot.interaction(payload).status == 200
    (response,) = bot.fake.wait_for_response()
    assert "besloten kanaal of privébericht" in response["text"]
    assert "TLP:AMBER" in json.dumps(response)
    with bot.app.db.read() as session:
        item = knowledge.get_visible(session, Audience.group(TLP.AMBER), 1)
    assert item is not None and item.tlp is TLP.AMBER


def test_a_form_stores_the_label_picked_whatever_the_text_says(bot: SlackBot) -> None:
    """Reproduction 1: a label in the text overrode the one picked in the modal."""
    picked = {"type": "static_select", "selected_option": {"value": "TLP:AMBER+STRICT"}}
    shared = bot.interaction(_view_submission(bot, "U0ANNA", "kennis.share", {
        "title": "Leverancier X — geen patches: B.V. reageert niet",
        "text": "Het IBD-advies (TLP:CLEAR) is bekend, maar de leverancier reageert niet.",
        "tags": "leverancier", "tlp": picked}))  # fmt: skip
    assert shared.status == 200
    bot.fake.wait_for("chat.postMessage", 1)
    with bot.app.db.read() as session:
        item = knowledge.get_visible(session, Audience.bookkeeping(), 1)
    assert item is not None and item.tlp is TLP.AMBER_STRICT
    assert item.title == "Leverancier X — geen patches: B.V. reageert niet"
    assert "(TLP:CLEAR)" in item.body and item.tags == ("leverancier",)


def test_a_hostile_announcement_pings_no_one_and_shows_real_addresses(bot: SlackBot) -> None:
    """Reproduction 4 of the hostile-traffic issue, as Slack renders it in the channel."""
    text = "meld Leverancier zonder logs — zie <https://evil.example/x|IBD-portal> <@U0CARLA>"
    bot.command("U0BRAM", "/knelpunt", text, channel="C0ALGEMEEN")
    (posted,) = bot.fake.wait_for("chat.postMessage")
    shown = _texts(posted["blocks"]) + posted.get("text", "")
    assert "<@U0CARLA>" not in shown and "|IBD-portal>" not in shown
    assert "IBD-portal (https://evil.example/x)" in shown


def _typed(user: str, text: str, ts: str, **extra: Any) -> dict[str, Any]:
    """A message in the bot's DM, as Slack sends it with the message.im subscription."""
    return {"type": "message", "channel": f"D0{user[2:]}", "channel_type": "im",
            "user": user, "text": text, "ts": ts, "event_ts": ts, **extra}  # fmt: skip


def test_a_command_typed_in_the_bots_dm_works_as_in_mattermost(bot: SlackBot) -> None:
    bot.core_says("U0ANNA", "kennis", "deel Phishing met valse facturen #phishing")
    assert (
        bot.event(_typed("U0BRAM", "kennis zoek phishing", "1764400400.1"), "Ev0DM1").status == 200
    )
    bot.event(_typed("U0BRAM", "kennis zoek phishing", "1764400400.1"), "Ev0DM1", retry=1)
    (found,) = bot.fake.wait_for("chat.postMessage")
    assert "Phishing met valse facturen" in _texts(found["blocks"])
    assert found["channel"] == "D0BRAM"  # the answer comes in the same DM
    bot.event(_typed("U0BRAM", "hallo bot", "1764400401.1"), "Ev0DM2")
    (_, hint) = bot.fake.wait_for("chat.postMessage", 2)
    assert "kennis zoek phishing" in hint["text"]
    # The bot's own messages, edits and other apps' posts are never commands.
    bot.event(_typed("U0BRAM", "kennis zoek x", "1764400402.1", bot_id="B0"), "Ev0DM3")
    bot.event(_typed("U0BRAM", "ciso ik", "1764400403.1", subtype="message_changed"), "Ev0DM4")
    bot.slack.close()
    assert len(bot.fake.of("chat.postMessage")) == 2


def test_updating_an_item_from_its_review_question_opens_a_filled_form(bot: SlackBot) -> None:
    bot.core_says("U0BRAM", "kennis", "deel Logbeleid\nBewaar logs een jaar. #logging")
    assert bot.press("U0BRAM", "kennis.review_edit", "1", channel="D0BRAM").status == 200
    (opened,) = bot.fake.wait_for("views.open")
    view = opened["view"]
    assert view["callback_id"] == "kennis.edit" and view["private_metadata"] == "1"
    filled = {b["block_id"]: b["element"].get("initial_value") for b in view["blocks"]}
    assert filled == {"title": "Logbeleid", "text": "Bewaar logs een jaar.",
                      "tags": "#logging", "valid_until": None}  # fmt: skip
    # Someone who may not change it gets no form: the press is answered instead.
    bot.press("U0CARLA", "kennis.review_edit", "1", channel="D0CARLA")
    (refused,) = bot.fake.wait_for_response()
    assert "#1" in refused["text"] and len(bot.fake.of("views.open")) == 1
    submitted = bot.interaction(_view_submission(bot, "U0BRAM", "kennis.edit", {
        "title": "Logbeleid 2027", "text": "Bewaar logs anderhalf jaar.", "tags": "logging",
        "valid_until": "eind 2027"}, metadata="1"))  # fmt: skip
    assert submitted.status == 200
    bot.slack.close()
    assert _items(bot) == ["Logbeleid 2027"]
    (told,) = bot.fake.of("chat.postMessage")
    assert "Volgende herziening: 31 december 2027" in told["text"]


def test_the_share_form_shows_similar_items_first_and_shares_anyway(bot: SlackBot) -> None:
    bot.core_says("U0ANNA", "kennis", "deel Phishing met valse facturen van leveranciers")
    submitted = bot.interaction(_view_submission(bot, "U0BRAM", "kennis.share", {
        "title": "Valse facturen van leveranciers", "text": "Phishing via facturen.",
        "tlp": _select("TLP:GREEN")}))  # fmt: skip
    assert submitted.status == 200
    (asked,) = bot.fake.wait_for("chat.postMessage")
    assert "lijkt het op een van deze?" in _texts(asked["blocks"])
    anyway = next(e for b in asked["blocks"] if b["type"] == "actions" for e in b["elements"]
                  if e["action_id"] == "held.anyway")  # fmt: skip
    assert _items(bot) == ["Phishing met valse facturen van leveranciers"]
    bot.press("U0BRAM", "held.anyway", anyway["value"], channel="D0BRAM")
    bot.slack.close()
    assert "Valse facturen van leveranciers" in _items(bot)


def test_a_question_in_the_network_channel_is_answered_in_its_thread(bot: SlackBot) -> None:
    assert bot.command("U0BRAM", "/kennis", "vraag Wie heeft ervaring met Acme SIEM?",
                       channel="D0BRAM").status == 200  # fmt: skip
    (posted,) = bot.fake.wait_for("chat.postMessage")
    assert posted["channel"] == "C0NETWERK" and "Vraag #1" in posted["text"]
    parent = bot.fake.posted["C0NETWERK"][0]["ts"]
    reply = {"type": "message", "channel": "C0NETWERK", "channel_type": "channel",
             "user": "U0ANNA", "text": "Wij, sinds 2024: goed te doen.", "ts": "1764400500.1",
             "thread_ts": parent}  # fmt: skip
    assert bot.event(reply, "Ev0THREAD1").status == 200
    to_bram = bot.fake.wait_for("chat.postMessage", 2)[1]
    assert to_bram["channel"] == "D0BRAM" and "Nieuw antwoord" in to_bram["text"]
    assert bot.event(reply, "Ev0THREAD1", retry=1).status == 200  # Slack's retry: once
    # A reply in a thread that is not under a question is nobody's answer.
    bot.event({**reply, "thread_ts": "1764400000.9", "ts": "1764400501.1"}, "Ev0THREAD2")
    # A second reply in the same thread: the thread is remembered, not read again.
    bot.event({**reply, "ts": "1764400502.1", "text": "Ook goed."}, "Ev0THREAD3")
    bot.fake.wait_for("chat.postMessage", 3)
    reads = [c for c in bot.fake.of("conversations.history") if c.get("latest") == parent]
    assert len(reads) == 1  # one read of the question's thread for both replies
    helpful = next(e for b in to_bram["blocks"] if b["type"] == "actions"
                   for e in b["elements"] if e["action_id"] == "kennis.helpful")  # fmt: skip
    bot.press("U0BRAM", "kennis.helpful", helpful["value"], channel="D0BRAM")
    bot.slack.close()
    assert "Wie heeft ervaring met Acme SIEM?" in _items(bot)
    assert len([c for c in bot.fake.of("chat.postMessage") if c["channel"] == "D0BRAM"]) == 2


def test_the_answer_button_opens_a_form_whose_answer_reaches_the_asker(bot: SlackBot) -> None:
    bot.command("U0BRAM", "/kennis", "vraag Wie heeft ervaring met Acme SIEM?", channel="D0BRAM")
    (posted,) = bot.fake.wait_for("chat.postMessage")
    answer = next(e for b in posted["blocks"] if b["type"] == "actions" for e in b["elements"]
                  if e["action_id"] == "kennis.answer")  # fmt: skip
    bot.press("U0ANNA", "kennis.answer", answer["value"], channel="C0NETWERK")
    (opened,) = bot.fake.wait_for("views.open")
    assert opened["view"]["callback_id"] == "kennis.answer"
    assert opened["view"]["private_metadata"] == answer["value"]
    done = bot.interaction(_view_submission(bot, "U0ANNA", "kennis.answer", {
        "text": "Wij gebruiken het sinds 2024.", "tlp": _select("TLP:AMBER")},
        metadata=answer["value"]))  # fmt: skip
    assert done.status == 200
    sent = bot.fake.wait_for("chat.postMessage", 3)  # the question, anna's thanks, bram's DM
    (to_bram,) = [m for m in sent if m["channel"] == "D0BRAM"]
    assert "Nieuw antwoord" in to_bram["text"]
    helpful = next(e for b in to_bram["blocks"] if b["type"] == "actions"
                   for e in b["elements"] if e["action_id"] == "kennis.helpful")  # fmt: skip
    bot.press("U0BRAM", "kennis.helpful", helpful["value"], channel="D0BRAM")
    bot.slack.close()
    with bot.app.db.read() as session:
        (item,) = knowledge.recent(session, Audience.group(TLP.AMBER), 5)
    assert item.title == "Wie heeft ervaring met Acme SIEM?" and item.tlp is TLP.AMBER
