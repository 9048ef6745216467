"""The weekly digest on the demo data with a fixed clock: content, TLP, and exactly once a week."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.app import build_router
from bot.clock import FixedClock
from bot.digest_schedule import DigestSchedule
from bot.scheduler import sweep
from handlers.context import CoreSettings
from handlers.core import Core
from handlers.messages import Reply, Visibility
from storage.db import Database
from storage.models import Digest
from storage.tlp import TLP
from tests.conftest import AMSTERDAM, Chat, everything, stop_beating
from tests.template import with_demo

# The demo is loaded at Monday 8 March 2027, 07:00; the digest is due at 08:00.
DEMO = datetime(2027, 3, 8, 7, 0, tzinfo=AMSTERDAM)
SETTINGS = CoreSettings(
    admins=frozenset({"admin"}),
    workgroup_channel="werkgroep",
    digest_schedule=DigestSchedule("0 8 * * mon", AMSTERDAM),
)


class Outbox:
    def __init__(self) -> None:
        self.sent: list[Reply] = []
        self.down = False

    def __call__(self, reply: Reply) -> None:
        if self.down:
            raise ConnectionError("chat platform unreachable")
        self.sent.append(reply)

    def digests(self, since: int = 0) -> list[Reply]:
        return [r for r in self.sent[since:] if _is_digest(r)]


def _start(db: Database, clock: FixedClock) -> Core:
    """A (new) process on the same database."""
    return Core(build_router(), db, clock, SETTINGS)


@pytest.fixture
def demo(db: Database) -> tuple[Chat, FixedClock]:
    clock = FixedClock(DEMO)
    with_demo(db, DEMO)
    return Chat(_start(db, clock)), clock


def _sweep_at(core: Core, clock: FixedClock, outbox: Outbox, moment: datetime) -> list[Reply]:
    clock.set(moment)
    before = len(outbox.sent)
    sweep(core, outbox)
    return outbox.digests(before)


def _section(reply: Reply, title: str) -> str:
    (found,) = [s for s in reply.sections if s.text.startswith(f"**{title}**")]
    return found.text


def test_the_digest_has_every_section_with_the_right_counts(demo: tuple[Chat, FixedClock]) -> None:
    chat, clock = demo
    outbox = Outbox()
    assert _sweep_at(chat.core, clock, outbox, DEMO + timedelta(minutes=59)) == []
    (digest,) = _sweep_at(chat.core, clock, outbox, DEMO + timedelta(hours=1))
    assert digest.visibility is Visibility.DIRECT and digest.user == "burgemeester"
    assert "week 9 (1 maart 2027 – 7 maart 2027)" in digest.text  # Monday to Sunday

    core_lines = digest.sections[0].text.splitlines()
    assert len(core_lines) == 3
    # Bottleneck #1 waits for the IBD, whose answer was due 3 days ago: red.
    # Asked of the mayor: the regional board's decision; what the network asks the IBD is
    # an answer awaited, not a decision of theirs.
    assert core_lines[0].startswith("🔴 Uw aandacht is nodig voor 1 gevraagd besluit")
    assert "1 knelpunt dat op een landelijk antwoord wacht (1 over de termijn)" in core_lines[0]
    # Eight items were shared in the ISO week (Monday to Sunday); one is TLP:RED for others
    # and only counted.
    assert core_lines[1] == (
        "Deze week: 8 kennisitems gedeeld, 0 nieuwe knelpunten, 1 actie afgerond; "
        "2 acties over de termijn."
    )
    assert "kennis ↑ 8 (7)" in core_lines[2] and "te laat ↑ 2 (1)" in core_lines[2]

    asked = _section(digest, "Wat vraagt dit van u?")
    assert "#7 Geen regionale bijdrage voor gezamenlijke pentests — Stel een regionale" in asked
    assert "Spreek met de leverancier" not in asked.split("_Wacht op")[0]
    assert "bij IBD sinds 22 januari 2027 (antwoord verwacht 5 maart 2027, 3 dagen over" in asked

    national = _section(digest, "Knelpunten")
    assert "_Het netwerk vraagt landelijk om een besluit_" in national
    assert "#1 Zaaksysteem levert geen volledige auditlogs — aan IBD: Spreek met" in national

    acts = _section(digest, "Acties")
    assert (
        "_Afgerond_\n• #7 ENSIA-planning 2027 delen met alle gemeenten — Lars Vos (Gouda)" in acts
    )
    assert "#6 Awarenesscampagne 'Denk na voor je klikt' voorbereiden — Zoë van den Berg" in acts
    assert (
        "#4 Cbw-zorgplicht: gap-analyse per gemeente verzamelen — Yusuf Kaya (Delft), 11 dagen"
        in acts
    )
    assert (
        "#5 Draaiboek ransomware regionaal afstemmen — Carla Bakker (Delft), 6 dagen te laat"
        in acts
    )

    knowledge = _section(digest, "Nieuwe kennis")
    assert knowledge.count("• ") == 5 and "… en nog 2" in knowledge
    assert "Daarnaast 1 kennisitem dat buiten uw rubricering valt." in knowledge
    assert "insider" not in everything([digest])
    assert digest.tlp is TLP.AMBER
    assert "TLP:AMBER — dit overzicht is alleen voor u" in digest.sections[-1].context
    pressed = {(b.action_id, b.value) for b in digest.all_buttons()}
    assert {("knelpunt.show", "1"), ("actie.show", "4"), ("kennis.show", "16")} <= pressed


def test_a_reader_of_another_municipality_sees_counts_not_content(
    demo: tuple[Chat, FixedClock],
) -> None:
    chat, _clock = demo
    chat.share("daan.zoetermeer", "Pentestbevindingen stadhuis Zoetermeer TLP:AMBER+STRICT")
    chat.say(
        "daan.zoetermeer", "/knelpunt meld Stadhuisnetwerk niet gesegmenteerd TLP:AMBER+STRICT"
    )
    mayor = everything(chat.say("burgemeester", "/ciso digest", channel=None))
    carla = everything(chat.say("carla.delft", "/ciso digest", channel=None))
    (bram_reply,) = chat.say("bram.leiden", "/ciso digest", channel=None)
    bram = everything([bram_reply])
    for seen in (mayor, carla, bram):
        assert "8 kennisitems gedeeld, 1 nieuw knelpunt" in seen  # counts are for everyone
    assert "Pentestbevindingen" in mayor and "Stadhuisnetwerk" in mayor
    assert "Daarnaast 1 kennisitem dat buiten uw rubricering valt." in mayor  # the TLP:RED one
    assert "Pentestbevindingen" not in carla and "Stadhuisnetwerk" not in carla
    assert "Daarnaast 2 kennisitems die buiten je rubricering vallen." in carla
    assert "Daarnaast 1 knelpunt dat buiten je rubricering valt." in carla
    # bram is a named recipient of the TLP:RED item: only the Zoetermeer item is hidden
    # from him. The RED item is not among the five shown, so the label is that of those.
    assert "Daarnaast 1 kennisitem dat buiten je rubricering valt." in bram
    assert bram_reply.tlp is TLP.AMBER
    assert "Pentestbevindingen" not in bram


def test_a_guest_gets_no_digest_preview(demo: tuple[Chat, FixedClock]) -> None:
    text = everything(demo[0].say("onbekende", "/ciso digest", channel=None))
    assert "Weekoverzicht" not in text and "lid" in text


def test_once_a_week_across_restarts_downtime_and_failures(
    db: Database, demo: tuple[Chat, FixedClock]
) -> None:
    chat, clock = demo
    outbox = Outbox()
    monday = DEMO + timedelta(hours=1)
    assert len(_sweep_at(chat.core, clock, outbox, monday)) == 1
    assert _sweep_at(chat.core, clock, outbox, monday + timedelta(minutes=1)) == []
    restarted = _start(db, clock)
    assert _sweep_at(restarted, clock, outbox, monday + timedelta(hours=3)) == []

    # Down from Sunday to Tuesday: the missed digest goes out at start, saying which week.
    (late,) = _sweep_at(_start(db, clock), clock, outbox, monday + timedelta(days=8, hours=2))
    assert "had maandag 15 maart 2027 om 08:00 moeten komen" in late.text
    assert "week 10 (8 maart 2027 – 14 maart 2027)" in late.text
    assert _sweep_at(_start(db, clock), clock, outbox, monday + timedelta(days=8, hours=3)) == []

    # The platform refuses: retried a minute later, delivered once.
    outbox.down = True
    assert _sweep_at(restarted, clock, outbox, monday + timedelta(days=14)) == []
    outbox.down = False
    assert _sweep_at(restarted, clock, outbox, monday + timedelta(days=14, seconds=30)) == []
    (retried,) = _sweep_at(restarted, clock, outbox, monday + timedelta(days=14, minutes=1))
    assert (
        "moeten komen" not in retried.text
        and "week 11 (15 maart 2027 – 21 maart 2027)" in retried.text
    )
    with db.read() as session:
        rows = session.query(Digest).order_by(Digest.week).all()
        assert [(r.week, r.state, r.late) for r in rows] == [
            ("2027-W10", "sent", False),
            ("2027-W11", "sent", True),
            ("2027-W12", "sent", False),
        ]


def test_a_digest_in_flight_at_a_crash_is_sent_again_marked_maybe_sent(
    db: Database, demo: tuple[Chat, FixedClock]
) -> None:
    _chat, clock = demo
    clock.set(DEMO + timedelta(hours=1))
    first = _start(db, clock)
    first.beat("run")
    # Claimed and delivered, then the process died (review questions may go out too).
    (claimed,) = [r for r in first.tick() if _is_digest(r)]
    assert _is_digest(claimed) and not claimed.maybe_sent
    second = _start(db, clock)
    # The first still beats: its claim is alive.
    assert not [r for r in second.tick() if _is_digest(r)]
    clock.advance(timedelta(days=2))
    later = second.tick()  # whatever the clock of the process looking at it
    assert not [r for r in later if _is_digest(r)]
    stop_beating(first)
    (again,) = [r for r in second.tick() if _is_digest(r)]
    assert again.maybe_sent and again.text.endswith(claimed.text)


def test_subscribing_starts_next_week_and_unsubscribing_stops(
    demo: tuple[Chat, FixedClock],
) -> None:
    chat, clock = demo
    outbox = Outbox()
    clock.set(DEMO + timedelta(hours=2))
    reply = chat.text("carla.delft", "/ciso digest aan", channel=None)
    assert "vanaf maandag 15 maart 2027" in reply
    assert "niet meer" in chat.text("burgemeester", "/ciso digest uit", channel=None)
    assert _sweep_at(chat.core, clock, outbox, DEMO + timedelta(hours=3)) == []
    (next_week,) = _sweep_at(chat.core, clock, outbox, DEMO + timedelta(days=7, hours=1))
    assert next_week.user == "carla.delft"
    assert "Gebruik" in chat.text("carla.delft", "/ciso digest misschien", channel=None)


def test_a_new_portfolio_holder_starts_with_next_weeks_digest(
    demo: tuple[Chat, FixedClock],
) -> None:
    chat, clock = demo
    outbox = Outbox()
    _sweep_at(chat.core, clock, outbox, DEMO + timedelta(hours=1))
    clock.set(DEMO + timedelta(days=2))
    chat.say("beheer", "/ciso lid <@wethouder> Delft portefeuillehouder")
    assert _sweep_at(chat.core, clock, outbox, DEMO + timedelta(days=2, minutes=1)) == []
    week_later = _sweep_at(chat.core, clock, outbox, DEMO + timedelta(days=7, hours=1))
    assert sorted(r.user or "" for r in week_later) == ["burgemeester", "wethouder"]


def test_english_readers_get_the_digest_in_english(demo: tuple[Chat, FixedClock]) -> None:
    chat, _clock = demo
    chat.say("burgemeester", "/ciso instellingen taal en", channel=None)
    text = everything(chat.say("burgemeester", "/ciso digest", channel=None))
    assert "What does this ask of you?" in text and "New knowledge" in text
    assert "Wat vraagt" not in text


def test_a_digest_that_cannot_be_delivered_is_reported_to_the_werkgroep_once(
    demo: tuple[Chat, FixedClock],
) -> None:
    chat, clock = demo
    outbox = Outbox()
    outbox.down = True
    due = DEMO + timedelta(hours=1)
    # Tried at 08:00, then after 1, 5 and 30 minutes and 2 hours: five attempts.
    for after in (0, 1, 6, 36, 156):
        assert _sweep_at(chat.core, clock, outbox, due + timedelta(minutes=after)) == []
    outbox.down = False
    clock.set(due + timedelta(minutes=157))
    sweep(chat.core, outbox)
    told = [r for r in outbox.sent if r.channel == "werkgroep" and "2027-W10" in r.text]
    assert len(told) == 1 and "Burgemeester Van Dijk" in told[0].text
    assert outbox.digests() == []  # given up: not sent late after all
    clock.set(due + timedelta(days=1))
    sweep(chat.core, outbox)
    assert [r for r in outbox.sent if "2027-W10" in r.text] == told


def test_the_portfolio_holder_reads_u_everyone_else_je(demo: tuple[Chat, FixedClock]) -> None:
    chat, _clock = demo
    mayor = everything(chat.say("burgemeester", "/ciso digest", channel=None))
    carla = everything(chat.say("carla.delft", "/ciso digest", channel=None))
    assert "Wat vraagt dit van u?" in mayor and "alleen voor u." in mayor
    assert "Wat vraagt dit van jou?" in carla and "alleen voor jou." in carla
    assert "Uw " not in carla and " uw " not in carla
    assert "Je aandacht is nodig" in carla or "geen besluit of actie van je" in carla


def test_a_digest_that_never_arrives_is_owed_all_week_then_reported_missed_once(
    db: Database, demo: tuple[Chat, FixedClock]
) -> None:
    """The mayor's DM refuses all week: tried hourly, never given up in silence."""
    chat, clock = demo
    delivered: list[Reply] = []

    def refusing_the_mayor(reply: Reply) -> None:
        if reply.user == "burgemeester" and refused:
            raise ConnectionError("the platform refuses this DM")
        delivered.append(reply)

    refused = True
    moment = DEMO + timedelta(hours=1)
    while moment < DEMO + timedelta(days=7, hours=3):
        clock.set(moment)
        sweep(chat.core, refusing_the_mayor)
        moment += timedelta(hours=1)
    told = [r.text for r in delivered if r.user != "burgemeester" and "weekoverzicht" in r.text]
    readers = {r.user for r in delivered if "nooit aangekomen" in r.text}
    assert [t for t in told if "elk uur" in t] and [t for t in told if "nooit aangekomen" in t]
    per_reader = [r.user for r in delivered if "elk uur proberen tot" in r.text]
    assert len(per_reader) == len(set(per_reader)) >= 1  # each werkgroep member told once
    assert len([r for r in delivered if "nooit aangekomen" in r.text]) == len(readers)
    with db.read() as session:
        states = {row.week: row.state for row in session.query(Digest)}
    assert states["2027-W10"] == "missed"
    refused = False
    clock.advance(timedelta(hours=1))
    sweep(chat.core, refusing_the_mayor)
    (next_week,) = [r for r in delivered if r.user == "burgemeester" and _is_digest(r)]
    assert "week 10 (8 maart 2027 – 14 maart 2027)" in next_week.text


def _is_digest(reply: Reply) -> bool:
    return reply.key is not None and reply.key.kind == "digest"
