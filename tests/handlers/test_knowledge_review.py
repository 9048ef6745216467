"""Knowledge that stays true: review dates, the question to the author (once, across
downtime and restarts), the answers, the archive, and how stale items rank."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from bot.app import build_router
from bot.clock import FixedClock
from bot.scheduler import sweep
from handlers.context import CoreSettings
from handlers.core import Core
from handlers.messages import Reply, Request, Visibility
from storage import audit, knowledge
from storage.db import Database
from storage.tlp import TLP, Audience
from tests.conftest import AMSTERDAM, Chat, everything

SETTINGS = CoreSettings(admins=frozenset({"admin"}))


def _at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=AMSTERDAM)


@pytest.fixture
def chat(db: Database, clock: FixedClock) -> Chat:
    clock.set(_at(date(2026, 12, 3), 10))  # a Thursday
    chat = Chat(Core(build_router(), db, clock, SETTINGS))
    chat.say("admin", "/ciso lid <@anna> Den Haag ciso werkgroep")
    chat.say("admin", "/ciso lid <@bram> Leiden ciso")
    chat.say("admin", "/ciso lid <@carla> Delft ciso")
    return chat


def _review_at(db: Database, number: int) -> date | None:
    with db.read() as session:
        return knowledge.views(session, [number])[0].review_at


class Sent:
    def __init__(self) -> None:
        self.replies: list[Reply] = []

    def __call__(self, reply: Reply) -> None:
        self.replies.append(reply)


def _sweep(core: Core, clock: FixedClock, at: datetime, sent: Sent) -> list[Reply]:
    clock.set(at)
    before = len(sent.replies)
    sweep(core, sent)
    return [r for r in sent.replies[before:] if "review" in "".join(b.action_id for b in r.buttons)
            or "herziening" in r.text or "actueel" in r.text]  # fmt: skip


def test_the_review_date_comes_from_the_text_the_tags_or_the_default(
    chat: Chat, db: Database
) -> None:
    chat.say("bram", "/kennis deel Patch voor VPN-appliance #kwetsbaarheden", channel=None)
    chat.say("bram", "/kennis deel Incidentdraaiboek #incident #beleid", channel=None)
    chat.say("bram", "/kennis deel Awareness-campagne #awareness", channel=None)
    reply = chat.text("bram", "/kennis deel Tijdelijke omleiding geldig tot 1 maart 2027 #mail",
                      channel=None)  # fmt: skip
    today = date(2026, 12, 3)
    assert _review_at(db, 1) == today + timedelta(days=30)
    assert _review_at(db, 2) == today + timedelta(days=90)  # the shortest of its tags
    assert _review_at(db, 3) == today + timedelta(days=365)
    assert _review_at(db, 4) == date(2027, 3, 1) and "Opgeslagen als kennisitem **#4**" in reply
    with db.read() as session:
        assert "geldig tot" not in knowledge.views(session, [4])[0].body.lower()
    # A phrase that cannot be read, or a day that has passed, is asked back; nothing saved.
    assert "niet in de toekomst" in chat.text("bram", "/kennis deel X geldig tot 1 maart 2026")
    assert "geldig tot" in chat.text("bram", "/kennis deel X geldig tot 1 maart, geldig tot mei")
    unclear = chat.text("bram", "/kennis deel X geldig tot binnenkort")
    assert "binnenkort" in unclear and "Opgeslagen" not in unclear
    with db.read() as session:
        assert len(knowledge.recent(session, Audience.group(TLP.AMBER), 50)) == 4


def test_the_author_is_asked_once_on_the_first_working_day_at_nine(
    chat: Chat, db: Database, clock: FixedClock
) -> None:
    # Review due Saturday 2 January 2027: asked on Monday 4 January at 9:00.
    chat.say("bram", "/kennis deel Advies over leverancier geldig tot 2 januari 2027", channel=None)
    core, sent = chat.core, Sent()
    assert _sweep(core, clock, _at(date(2027, 1, 2), 12), sent) == []
    assert _sweep(core, clock, _at(date(2027, 1, 4), 8, 59), sent) == []
    (question,) = _sweep(core, clock, _at(date(2027, 1, 4), 9, 1), sent)
    assert question.visibility is Visibility.DIRECT and question.user == "bram"
    assert "Is kennisitem **#1** “Advies over leverancier” nog actueel?" in question.text
    assert [b.action_id for b in question.buttons] == [
        "kennis.review_ok", "kennis.review_edit", "kennis.archive"
    ]  # fmt: skip
    assert _sweep(core, clock, _at(date(2027, 1, 4), 9, 30), sent) == []
    # A restart (a new process on the same database) does not ask again.
    again = Core(build_router(), db, clock, SETTINGS)
    assert _sweep(again, clock, _at(date(2027, 1, 5), 9, 30), sent) == []


def test_downtime_asks_once_at_the_first_sweep_after_it(chat: Chat, clock: FixedClock) -> None:
    chat.say("bram", "/kennis deel Advies geldig tot 7 januari 2027", channel=None)
    sent = Sent()
    (question,) = _sweep(chat.core, clock, _at(date(2027, 1, 20), 14), sent)  # days late
    assert question.user == "bram"
    assert _sweep(chat.core, clock, _at(date(2027, 1, 21), 14), sent) == []


def test_when_the_author_left_the_werkgroep_is_asked_within_the_label(
    chat: Chat, clock: FixedClock
) -> None:
    chat.say("bram", "/kennis deel Open advies geldig tot 7 januari 2027", channel=None)
    chat.say("bram", "/kennis deel Intern Leiden TLP:AMBER+STRICT geldig tot 7 januari 2027",
             channel=None)  # fmt: skip
    chat.say("admin", "/ciso verwijder <@bram>")
    asked = _sweep(chat.core, clock, _at(date(2027, 1, 7), 10), Sent())
    texts = everything(asked)
    assert {r.user for r in asked} == {"anna"}  # the werkgroep, by DM
    assert "Open advies" in texts and "geen lid meer" in texts
    assert "Intern Leiden" not in texts and "Kennisitem **#2** is aan herziening toe" in texts


def test_still_true_archive_and_restore(chat: Chat, db: Database, clock: FixedClock) -> None:
    chat.say("bram", "/kennis deel Phishing via QR-codes #phishing geldig tot 7 januari 2027",
             channel=None)  # fmt: skip
    clock.set(_at(date(2027, 1, 8), 10))
    shown = chat.text("carla", "/kennis toon 1", channel=None)
    assert "niet herzien sinds 3 december 2026" in shown
    assert "Nog actueel" not in shown  # carla may not change bram's item
    refused = chat.text("carla", "/kennis herzien 1")
    assert "#1" in refused and "volgende herziening" not in refused  # not hers
    assert _review_at(db, 1) == date(2027, 1, 7)
    ok = chat.press("bram", "kennis.review_ok", "1", channel=None)
    assert "volgende herziening: 8 januari 2028" in everything(ok)
    assert "niet herzien" not in chat.text("carla", "/kennis zoek qr-codes")
    archived = everything(chat.press("bram", "kennis.archive", "1", channel=None))
    assert "gearchiveerd" in archived
    assert "Niets gevonden" in chat.text("carla", "/kennis zoek qr-codes")
    assert "#1 Phishing via QR-codes" in chat.text("carla", "/kennis zoek qr-codes archief:ja")
    assert "gearchiveerd op 8 januari 2027" in chat.text("carla", "/kennis toon 1")
    assert "#1" not in chat.text("carla", "/kennis recent")
    assert "terug uit het archief" in chat.text("bram", "/kennis herstel 1")
    assert "#1 Phishing via QR-codes" in chat.text("carla", "/kennis zoek qr-codes")
    assert "archief:misschien" in chat.text("carla", "/kennis zoek qr archief:misschien")
    with db.read() as session:
        actions = [e.action for e in audit.entries(session, subject=("knowledge", 1))]
    assert actions == ["knowledge.reviewed", "knowledge.restored", "knowledge.archived",
                       "knowledge.reviewed", "knowledge.created"]  # fmt: skip


def test_a_stale_item_ranks_below_current_ones(chat: Chat, clock: FixedClock) -> None:
    chat.say("bram", "/kennis deel Ransomware ransomware ransomware geldig tot 7 januari 2027",
             channel=None)  # fmt: skip
    chat.say("bram", "/kennis deel Draaiboek bij ransomware voor gemeenten", channel=None)
    clock.set(_at(date(2027, 1, 8), 10))
    found = chat.text("carla", "/kennis zoek ransomware")
    assert found.index("#2 Draaiboek") < found.index("#1 Ransomware")
    assert "niet herzien sinds" in found.split("#1 Ransomware")[1]


def test_the_edit_form_opens_with_the_item_and_sets_the_next_review(
    chat: Chat, db: Database, clock: FixedClock
) -> None:
    chat.say("bram", "/kennis deel Logbeleid\nBewaar logs een jaar. #logging", channel=None)
    press = Request(platform="console", user_id="bram", is_direct=True,
                    action_id="kennis.review_edit", action_value="1")  # fmt: skip
    initial = chat.core.form_initial("kennis.edit", press)
    assert initial == {"title": "Logbeleid", "text": "Bewaar logs een jaar.", "tags": "#logging"}
    other = Request(platform="console", user_id="carla", is_direct=True,
                    action_id="kennis.review_edit", action_value="1")  # fmt: skip
    assert chat.core.form_initial("kennis.edit", other) is None  # not hers: no form opens
    submitted = Request(platform="console", user_id="bram", is_direct=True,
                        form_id="kennis.edit", fields={"number": "1", "title": "Logbeleid 2027",
                        "text": "Bewaar logs anderhalf jaar.", "tags": "logging, bio",
                        "valid_until": "eind 2027"})  # fmt: skip
    reply = everything(chat.core.handle(submitted))
    assert "Bijgewerkt: #1 “Logbeleid 2027”. Volgende herziening: 31 december 2027." in reply
    with db.read() as session:
        item = knowledge.views(session, [1])[0]
    assert (item.title, item.tags, item.review_at) == (
        "Logbeleid 2027", ("bio", "logging"), date(2027, 12, 31)
    )  # fmt: skip
    # Where no form opens (the console), the button says how instead.
    how = everything(chat.press("bram", "kennis.review_edit", "1", channel=None))
    assert "/kennis wijzig 1" in how and "Bewaar logs anderhalf jaar." in how


def test_the_digest_counts_and_the_report_states_how_current_knowledge_is(
    chat: Chat, clock: FixedClock
) -> None:
    chat.say("admin", "/ciso lid <@mayor> Zoetermeer portefeuillehouder")
    chat.say("bram", "/kennis deel Oud advies geldig tot 7 januari 2027", channel=None)
    chat.say("bram", "/kennis deel Nieuw advies #beleid", channel=None)
    chat.say("bram", "/kennis deel Gearchiveerd advies", channel=None)
    chat.say("bram", "/kennis archiveer 3", channel=None)
    clock.set(_at(date(2027, 1, 11), 10))
    digest = chat.text("mayor", "/ciso digest", channel=None)
    assert "1 kennisitem is over zijn herzieningsdatum" in digest
    replies = chat.say("anna", "/ciso rapport januari 2027", channel=None)
    (markdown,) = [f for r in replies for f in r.files if f.name.endswith(".md")]
    report = markdown.content.decode() if isinstance(markdown.content, bytes) else markdown.content
    assert "Actualiteit: 1 van de 2 kennisitems zijn actueel (50%); 1 over hun " \
        "herzieningsdatum, 1 gearchiveerd." in report  # fmt: skip


def test_similar_items_are_shown_before_a_new_one_is_shared(chat: Chat, db: Database) -> None:
    chat.say("bram", "/kennis deel Ransomware bij de gemeente: eerste 24 uur #ransomware")
    chat.say("bram", "/kennis deel Intern ransomwaredraaiboek Leiden TLP:AMBER+STRICT")
    held = chat.say("carla", "/kennis deel Ransomware bij de gemeente: de eerste uren")
    text = everything(held)
    assert "lijkt het op een van deze?" in text
    assert "#1 Ransomware bij de gemeente: eerste 24 uur" in text
    assert "ransomwaredraaiboek" not in text  # what carla may not see is never shown
    buttons = {b.action_id: b.value for r in held for b in r.all_buttons()}
    assert {"held.anyway", "tlp.cancel"} <= set(buttons)
    with db.read() as session:
        assert len(knowledge.recent(session, Audience.group(TLP.AMBER), 10)) == 1  # nothing yet
    # Only the sharer can go on; after a restart the buttons still work.
    refused = everything(chat.press("bram", "held.anyway", buttons["held.anyway"]))
    assert "Opgeslagen" not in refused
    again = Chat(Core(build_router(), db, chat.core.clock, SETTINGS))
    saved = everything(again.press("carla", "held.anyway", buttons["held.anyway"]))
    assert "Opgeslagen als kennisitem **#3**" in saved
    assert "Opgeslagen" not in everything(again.press("carla", "held.anyway",
                                                      buttons["held.anyway"]))  # fmt: skip
    # Annuleren stores nothing.
    cancelled = chat.say("carla", "/kennis deel Ransomware bij de gemeente: uren tellen")
    cancel = next(b for r in cancelled for b in r.all_buttons() if b.action_id == "tlp.cancel")
    assert "niets opgeslagen" in everything(chat.press("carla", cancel.action_id, cancel.value))
    with db.read() as session:
        assert len(knowledge.recent(session, Audience.group(TLP.AMBER), 10)) == 2


def test_the_share_form_also_shows_similar_items_first(chat: Chat) -> None:
    chat.say("bram", "/kennis deel Phishing met valse facturen van leveranciers #phishing")
    form = Request(platform="console", user_id="carla", is_direct=True, form_id="kennis.share",
                   fields={"title": "Valse facturen van leveranciers", "text": "Phishing.",
                           "tags": "phishing", "tlp": "TLP:GREEN", "valid_until": ""})  # fmt: skip
    held = chat.core.handle(form)
    (anyway,) = [b for r in held for b in r.all_buttons() if b.action_id == "held.anyway"]
    assert "#1 Phishing met valse facturen" in everything(held)
    assert "Opgeslagen als kennisitem **#2**" in everything(
        chat.press("carla", anyway.action_id, anyway.value, channel=None))  # fmt: skip
