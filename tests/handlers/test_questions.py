"""Ask the network: existing answers first, the question posted within its label, answers
by button, command or thread, and the one that helped becomes a knowledge item."""

from __future__ import annotations

import pytest

from bot.app import build_router
from bot.clock import FixedClock
from handlers.context import CoreSettings
from handlers.core import Core
from handlers.messages import Reply, Request, Visibility
from storage import knowledge
from storage.db import Database
from tests.conftest import Chat, everything

SETTINGS = CoreSettings(admins=frozenset({"admin"}), network_channel="netwerk")


@pytest.fixture
def chat(db: Database, clock: FixedClock) -> Chat:
    chat = Chat(Core(build_router(), db, clock, SETTINGS))
    chat.say("admin", "/ciso lid <@anna> Den Haag ciso werkgroep")
    chat.say("admin", "/ciso lid <@bram> Leiden ciso")
    chat.say("admin", "/ciso lid <@carla> Delft ciso")
    chat.say("admin", "/ciso lid <@dirk> Den Haag ciso")
    return chat


def _button(replies: list[Reply], action_id: str) -> str:
    return next(b.value for r in replies for b in r.all_buttons() if b.action_id == action_id)


def test_a_green_question_goes_to_the_network_channel_with_an_answer_button(chat: Chat) -> None:
    replies = chat.say("bram", "/kennis vraag Heeft iemand ervaring met leverancier Acme? "
                               "#leveranciers", channel=None)  # fmt: skip
    (mine, posted) = replies
    assert "Je vraag **#1**" in mine.text and "netwerkkanaal" in mine.text
    assert posted.visibility is Visibility.CHANNEL and posted.channel == "netwerk"
    assert "❓ **Vraag #1** van bram (Leiden)" in posted.text
    assert [b.action_id for b in posted.buttons] == ["kennis.answer"]


def test_an_amber_question_goes_by_dm_to_who_may_read_it(chat: Chat) -> None:
    replies = chat.say("bram", "/kennis vraag Wie heeft een pentest op Acme gedaan? TLP:AMBER",
                       channel=None)  # fmt: skip
    sent = [r for r in replies if r.visibility is Visibility.DIRECT]
    assert {r.user for r in sent} == {"admin", "anna", "carla", "dirk"}  # never the asker
    strict = chat.say("anna", "/kennis vraag Intern: wie kent het Haagse SOC-contract? "
                              "TLP:AMBER+STRICT", channel=None)  # fmt: skip
    assert {r.user for r in strict if r.visibility is Visibility.DIRECT} == {"dirk"}
    assert "TLP:RED" in chat.text("bram", "/kennis vraag Geheim? TLP:RED")


def test_existing_knowledge_is_shown_before_the_question_goes_out(chat: Chat) -> None:
    chat.share("anna", "Ervaringen met leverancier Acme: contract en beveiliging #leveranciers")
    held = chat.say("bram", "/kennis vraag Ervaringen met leverancier Acme en het contract?",
                    channel=None)  # fmt: skip
    assert "staat het antwoord misschien al" in everything(held)
    assert "#1 Ervaringen met leverancier Acme" in everything(held)
    asked = chat.press("bram", "held.anyway", _button(held, "held.anyway"), channel=None)
    assert any(r.visibility is Visibility.CHANNEL for r in asked)


def test_answers_reach_the_asker_and_the_one_that_helped_becomes_an_item(
    chat: Chat, db: Database
) -> None:
    chat.say("bram", "/kennis vraag Hoe testen jullie back-ups van het zaaksysteem? #backup",
             channel=None)  # fmt: skip
    answered = chat.say("anna", "/kennis antwoord 1 Elk kwartaal een volledige hersteltest.")
    assert "doorgegeven" in everything(answered)
    (to_bram,) = [r for r in answered if r.user == "bram"]
    assert "Nieuw antwoord op je vraag **#1**" in to_bram.text
    assert "Elk kwartaal" in everything([to_bram])
    # An answer through the thread under the question, as an adapter hands it over.
    thread = Request(platform="console", user_id="carla", channel_id="netwerk",
                     action_id="kennis.thread_answer", action_value="1",
                     text="Wij testen maandelijks een steekproef.")  # fmt: skip
    chat.core.handle(thread)
    # Only the asker marks the answer that helped.
    assert "Alleen wie de vraag stelde" in everything(
        chat.press("anna", "kennis.helpful", _button([to_bram], "kennis.helpful")))  # fmt: skip
    saved = chat.press("bram", "kennis.helpful", _button([to_bram], "kennis.helpful"),
                       channel=None)  # fmt: skip
    assert "kennisitem **#1**" in everything(saved)
    assert any(r.user == "anna" and "hielp" in r.text for r in saved)
    with db.read() as session:
        item = knowledge.views(session, [1])[0]
    assert item.title == "Hoe testen jullie back-ups van het zaaksysteem?"
    assert item.body.index("✅ Antwoord van anna (Den Haag)") < item.body.index("carla")
    assert set(item.tags) == {"backup", "vraag"} and item.author_id is not None
    assert "al beantwoord" in chat.text("dirk", "/kennis antwoord 1 Nog een antwoord")
    assert "geen open vragen" in chat.text("dirk", "/kennis vragen")


def test_an_answer_the_asker_may_not_read_is_refused_and_labels_only_go_up(
    chat: Chat, db: Database
) -> None:
    chat.say("bram", "/kennis vraag Wie gebruikt Acme SIEM? TLP:AMBER", channel=None)
    refused = chat.text("anna", "/kennis antwoord 1 Wij, intern rapport. TLP:AMBER+STRICT")
    assert "mag TLP:AMBER+STRICT van jouw organisatie niet lezen" in refused
    lowered = chat.say("anna", "/kennis antwoord 1 Wij ook. TLP:CLEAR", channel=None)
    (to_bram,) = [r for r in lowered if r.user == "bram"]
    assert to_bram.tlp is not None and to_bram.tlp.value == "TLP:AMBER"  # never below the question
    helped = chat.press("bram", "kennis.helpful", _button([to_bram], "kennis.helpful"),
                        channel=None)  # fmt: skip
    assert "(TLP:AMBER)" in everything(helped)


def test_open_questions_are_listed_and_shown_within_their_labels(chat: Chat) -> None:
    chat.say("bram", "/kennis vraag Open vraag over MFA? #mfa", channel=None)
    chat.say("anna", "/kennis vraag Haagse vraag? TLP:AMBER+STRICT", channel=None)
    listed = chat.text("carla", "/kennis vragen", channel=None)
    assert "#1 Open vraag over MFA?" in listed and "Haagse vraag" not in listed
    assert "Haagse vraag" in chat.text("dirk", "/kennis vragen", channel=None)
    shown = everything(chat.press("carla", "kennis.question", "1", channel=None))
    assert "Open vraag over MFA?" in shown
    assert "bestaat niet" in everything(chat.press("carla", "kennis.question", "2"))


def test_a_question_without_an_answer_after_three_working_days_reaches_the_werkgroep(
    chat: Chat, clock: FixedClock
) -> None:
    from datetime import date, datetime

    from bot.scheduler import sweep
    from tests.conftest import AMSTERDAM

    def at(day: date, hour: int = 10) -> datetime:
        return datetime(day.year, day.month, day.day, hour, tzinfo=AMSTERDAM)

    chat.say("admin", "/ciso lid <@mayor> Zoetermeer portefeuillehouder")
    clock.set(at(date(2026, 12, 3)))  # Thursday
    chat.say("bram", "/kennis vraag Wie heeft een goede DPIA voor camera's?", channel=None)
    chat.say("carla", "/kennis vraag Wie kent Acme? TLP:AMBER", channel=None)
    chat.say("anna", "/kennis antwoord 2 Wij kennen Acme.")
    sent: list[Reply] = []
    clock.set(at(date(2026, 12, 7), 8))  # Monday before the overview hour: nothing
    sweep(chat.core, sent.append)
    assert not [r for r in sent if "zonder antwoord" in r.text]
    clock.set(at(date(2026, 12, 7)))  # Monday 10:00: two working days only (Fri, Mon)
    sweep(chat.core, sent.append)
    assert not [r for r in sent if "zonder antwoord" in r.text]
    clock.set(at(date(2026, 12, 14)))  # the next Monday: asked 7 working days ago
    sweep(chat.core, sent.append)
    (overview,) = [r for r in sent if "zonder antwoord" in r.text]
    assert overview.channel is None and overview.user == "anna"  # the werkgroep, by DM
    assert "#1 Wie heeft een goede DPIA" in everything([overview])
    assert "Acme" not in everything([overview])  # answered: not listed
    sweep(chat.core, sent.append)
    assert len([r for r in sent if "zonder antwoord" in r.text]) == 1  # once a week
    digest = chat.text("mayor", "/ciso digest", channel=None)
    assert "1 vraag aan het netwerk heeft na drie werkdagen nog geen antwoord" in digest
    assert "❓ #1 Wie heeft een goede DPIA" in digest and "Acme" not in digest
