"""Actions carry a label, and every path that shows an action applies it.

Reproduction 5 of the TLP write-path issue: an action on an AMBER+STRICT bottleneck
showed its title to other municipalities, in the mayor's digest, in the werkgroep
channel's overview and in a TLP:CLEAR report.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.app import build_router
from bot.clock import FixedClock
from handlers.core import Core
from handlers.messages import Visibility
from storage import actions
from storage.db import Database
from storage.tlp import TLP, Audience
from tests.conftest import Chat, everything
from tests.handlers.test_reminders import SETTINGS, Outbox, _at, _run

SECRET = "Patch leverancier Y"


def strict_action(network: Chat) -> None:
    """Den Haag's AMBER+STRICT bottleneck, and an action on it owned in Den Haag."""
    network.say("anna", "/knelpunt meld Leverancier Y lekt gegevens TLP:AMBER+STRICT")
    network.say("anna", f"/actie nieuw {SECRET} <@dirk> vrijdag 4 december knelpunt 1")


def label(db: Database, number: int) -> TLP:
    with db.read() as session:
        found = actions.get(session, Audience.bookkeeping(), number)
    assert found is not None
    return found.tlp


def test_an_action_on_a_bottleneck_takes_its_label(network: Chat, db: Database) -> None:
    strict_action(network)
    assert label(db, 1) is TLP.AMBER_STRICT
    network.say("anna", "/knelpunt meld Geen landelijke campagne")
    network.say("anna", "/actie nieuw Campagne voorstellen <@bram> vrijdag knelpunt 2")
    assert label(db, 2) is TLP.GREEN


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"/actie nieuw {SECRET} <@dirk> vrijdag TLP:RED", "geen TLP:RED"),
        (f"/actie nieuw {SECRET} <@dirk> vrijdag knelpunt 1 TLP:GREEN", "niet minder streng"),
        (f"/actie nieuw {SECRET} <@bram> vrijdag knelpunt 1", "kan dus geen eigenaar"),
        (f"/actie nieuw {SECRET} <@bram> vrijdag TLP:AMBER+STRICT", "kan dus geen eigenaar"),
    ],
)
def test_labels_an_action_cannot_have_store_nothing(
    network: Chat, db: Database, line: str, expected: str
) -> None:
    network.say("anna", "/knelpunt meld Leverancier Y lekt gegevens TLP:AMBER+STRICT")
    assert expected in network.text("anna", line)
    with db.read() as session:
        assert actions.listed(session, Audience.bookkeeping())[1] == 0


def test_a_stated_label_is_kept_when_it_is_stricter(network: Chat, db: Database) -> None:
    network.say("anna", "/actie nieuw Intern onderzoek <@dirk> vrijdag TLP:AMBER+STRICT")
    assert label(db, 1) is TLP.AMBER_STRICT


@pytest.mark.parametrize(
    ("reader", "sees"),
    [("anna", True), ("dirk", True), ("bram", False), ("mayor", False), ("stranger", False)],
)
def test_every_read_path_of_an_action_applies_its_label(
    network: Chat, reader: str, sees: bool
) -> None:
    strict_action(network)
    for line in ("/actie lijst alle", "/actie toon 1", "/knelpunt toon 1", "/actie mijn"):
        shown = network.text(reader, line)
        assert (SECRET in shown) is ((sees and "mijn" not in line) or reader == "dirk"), line


def test_the_mayors_digest_and_a_clear_report_leave_a_strict_action_out(network: Chat) -> None:
    strict_action(network)
    network.say("admin", "/ciso lid <@lars> Den Haag portefeuillehouder")
    assert SECRET not in network.text("mayor", "/ciso digest")
    assert SECRET in network.text("lars", "/ciso digest")
    network.say("admin", "/ciso lid <@bram> Leiden ciso werkgroep")
    replies = network.say("bram", "/ciso rapport Q4 2026")
    document = "".join(f.text for r in replies for f in r.files)
    assert document and SECRET not in document


def test_the_werkgroep_channel_overview_gives_only_the_number_of_strict_actions(
    db: Database, clock: FixedClock
) -> None:
    chat = Chat(Core(build_router(), db, clock, SETTINGS))
    chat.say("admin", "/ciso lid <@anna> Den Haag ciso werkgroep")
    chat.say("admin", "/ciso lid <@dirk> Den Haag ciso")
    strict_action(chat)
    chat.say("anna", "/actie nieuw Open actie <@dirk> vrijdag 4 december")
    outbox = Outbox()
    for day in (4, 7, 8, 9, 10, 14):
        _run(chat.core, clock, outbox, _at(date(2026, 12, day)))
    channel = [r for r in outbox.sent if r.channel == "werkgroep"]
    assert channel and all(SECRET not in everything([r]) for r in channel)
    overview = next(r for r in channel if "Weekoverzicht" in r.text)
    assert "Open actie" in overview.sections[0].text
    assert "1 met een strengere rubricering" in overview.sections[0].text
    to_dirk = [r for r in outbox.sent if r.user == "dirk" and r.visibility is Visibility.DIRECT]
    assert any(SECRET in r.text for r in to_dirk)  # the owner is reminded, in a DM


def test_a_report_states_the_strictest_label_of_what_it_counts(network: Chat) -> None:
    """Reproduction 6: a RED item's tag counted under "Rubricering: TLP:CLEAR"."""
    network.say("admin", "/ciso lid <@bram> Leiden ciso werkgroep")
    network.say("bram", "/kennis deel TLP:RED <@carla> Insider bij ketenpartner #insiderzaak")
    network.say("bram", "/kennis deel Openbaar advies TLP:CLEAR #advies")
    replies = network.say("bram", "/ciso rapport Q4 2026")
    document = "".join(f.text for r in replies for f in r.files)
    assert "#insiderzaak" in document and "TLP:RED" in document
    assert replies[0].tlp is TLP.RED
    clear = network.say("anna", "/ciso rapport Q4 2026")
    other = "".join(f.text for r in clear for f in r.files)
    assert "#insiderzaak" not in other and "TLP:RED" not in other
