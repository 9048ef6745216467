"""TLP from every read path, for knowledge, bottlenecks and actions, for every kind of reader.

Each item's title carries a marker (`kennisAMBER`, `knelpuntSTRICT`, `actieGREEN`). For
every reader and every path that shows data, a marker must never appear where its label
does not allow it, and every reply that shows one must state a label at least as strict.
A hypothesis test does the same for random mixes of items, actions, merges and readers.
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.messages import Reply, Visibility
from storage.tlp import TLP
from tests.conftest import Chat

SHORT = {TLP.CLEAR: "CLEAR", TLP.GREEN: "GREEN", TLP.AMBER: "AMBER",
         TLP.AMBER_STRICT: "STRICT", TLP.RED: "RED"}  # fmt: skip
MARKER = re.compile(r"\b(kennis|knelpunt|noot|actie)(CLEAR|GREEN|AMBER|STRICT|RED)(?:n\d+)?\b")
BY_SHORT = {v: k for k, v in SHORT.items()}

# Who may read what: the author is dirk (Den Haag); RED names bram.
READERS = {
    "eva": {TLP.CLEAR, TLP.GREEN, TLP.AMBER, TLP.AMBER_STRICT},  # same municipality
    "bram": {TLP.CLEAR, TLP.GREEN, TLP.AMBER, TLP.RED},  # another one, named on RED
    "carla": {TLP.CLEAR, TLP.GREEN, TLP.AMBER},  # another municipality
    "pieter": {TLP.CLEAR, TLP.GREEN, TLP.AMBER},  # a partner
    "mayor": {TLP.CLEAR, TLP.GREEN, TLP.AMBER},  # portefeuillehouder
    "oud": {TLP.CLEAR},  # a removed member
    "stranger": {TLP.CLEAR},  # never a member
}
PATHS = (
    "/kennis zoek geheim",
    "/kennis recent 25",
    "/kennis tags",
    "/knelpunt lijst alle",
    "/knelpunt export",
    "/actie lijst alle",
    "/ciso digest",
    "/ciso rapport Q4 2026",
)


def texts(reply: Reply) -> str:
    parts = [reply.text, *(b.label for b in reply.all_buttons())]
    for section in reply.sections:
        parts += [section.text, section.context, *(f"{f.label} {f.value}" for f in section.fields)]
    parts += [f.text for f in reply.files]
    return "\n".join(parts)


def check(reader: str, replies: list[Reply], allowed: set[TLP]) -> set[str]:
    """Every marker shown is allowed, and under a stated label at least as strict."""
    seen: set[str] = set()
    for reply in replies:
        if reply.visibility is Visibility.DIRECT and reply.user != reader:
            continue  # a DM to someone else (the owner, the author)
        for kind, short in MARKER.findall(texts(reply)):
            label = BY_SHORT[short]
            assert label in allowed, (reader, kind, short, reply)
            assert reply.tlp is not None and reply.tlp.rank >= label.rank, (reader, short, reply)
            if reply.visibility is Visibility.CHANNEL:
                assert label in (TLP.CLEAR, TLP.GREEN)
            seen.add(kind + short)
    return seen


@pytest.fixture
def world(network: Chat) -> Chat:
    chat = network
    chat.say("admin", "/ciso lid <@eva> Den Haag ciso")
    chat.say("admin", "/ciso lid <@pieter> Politie eenheid Den Haag partner")
    chat.say("admin", "/ciso lid <@oud> Delft ciso")
    chat.say("admin", "/ciso verwijder <@oud>")
    for label, short in SHORT.items():
        named = " <@bram>" if label is TLP.RED else ""
        chat.share("dirk", f"kennis{short} geheim advies #tag{short} {label.value}{named}")
        if label is TLP.RED:
            continue
        chat.say("dirk", f"/knelpunt meld knelpunt{short} zorg {label.value}")
        chat.say("anna", f"/actie nieuw actie{short} <@dirk> vrijdag {label.value}")
    return chat


@pytest.mark.parametrize("reader", sorted(READERS))
def test_no_read_path_shows_a_reader_more_than_their_labels_allow(world: Chat, reader: str) -> None:
    allowed = READERS[reader]
    for path in PATHS:
        check(reader, world.say(reader, path), allowed)
    check(reader, world.press(reader, "home.open", ""), allowed)
    for number in range(1, 6):
        shown = check(reader, world.say(reader, f"/kennis toon {number}"), allowed)
        label = list(SHORT)[number - 1]
        assert (f"kennis{SHORT[label]}" in shown) is (label in allowed), (reader, number)
    for number, label in enumerate(list(SHORT)[:4], start=1):
        shown = check(reader, world.say(reader, f"/knelpunt toon {number}"), allowed)
        assert (f"knelpunt{SHORT[label]}" in shown) is (label in allowed)
        shown = check(reader, world.say(reader, f"/actie toon {number}"), allowed)
        member = reader not in ("oud", "stranger")
        assert (f"actie{SHORT[label]}" in shown) is (label in allowed and member), (reader, label)


def test_the_author_and_named_readers_see_their_items(world: Chat) -> None:
    mine = check("dirk", world.say("dirk", "/kennis recent 25"), set(TLP))
    assert {f"kennis{s}" for s in SHORT.values()} <= mine


# --- a property: any mix of items, actions, merges and readers ---------------------------

PEOPLE = ("anna", "dirk", "bram", "carla")  # Den Haag (2), Leiden, Delft; all CISOs
ORG = {"anna": "Den Haag", "dirk": "Den Haag", "bram": "Leiden", "carla": "Delft"}
LABELS = (TLP.CLEAR, TLP.GREEN, TLP.AMBER, TLP.AMBER_STRICT)
NUMBERED = re.compile(r"\b(?:kennis|knelpunt|noot|actie)(?:CLEAR|GREEN|AMBER|STRICT|RED)n(\d+)\b")
steps = st.lists(
    st.one_of(
        st.tuples(st.just("kennis"), st.sampled_from(PEOPLE), st.sampled_from((*LABELS, TLP.RED))),
        st.tuples(st.just("knelpunt"), st.sampled_from(PEOPLE), st.sampled_from(LABELS)),
        st.tuples(st.just("actie"), st.sampled_from(PEOPLE), st.sampled_from(LABELS)),
        st.tuples(st.just("merge"), st.integers(1, 6), st.integers(1, 6)),
    ),
    min_size=1,
    max_size=8,
)


def may_read(reader: str, label: TLP, maker: str) -> bool:
    """The rule of DESIGN §2.2 for a reader of the network above, written out by hand."""
    if label is TLP.CLEAR:
        return True
    if reader not in ORG and reader != "mayor":
        return False
    if label in (TLP.GREEN, TLP.AMBER):
        return True
    if label is TLP.AMBER_STRICT:
        return ORG.get(reader) == ORG[maker]
    return reader == maker


NUMBERS = itertools.count(1)  # markers stay unique across examples that share a database


@settings(max_examples=15)
@given(steps=steps)
def test_no_mix_of_items_actions_and_merges_shows_more_than_allowed(
    network: Chat, steps: list[tuple[str, object, object]]
) -> None:
    chat = network
    chat.say("admin", "/ciso lid <@anna> Den Haag ciso werkgroep")
    made: dict[str, tuple[TLP, str]] = {}  # marker number → (label, who made it)

    def marker(kind: str, label: TLP, maker: str) -> str:
        number = str(next(NUMBERS))
        made[number] = (label, maker)
        return f"{kind}{SHORT[label]}n{number}"

    for kind, who, what in steps:
        if kind == "merge":
            chat.say("anna", f"/knelpunt samenvoegen {who} naar {what}")
            continue
        assert isinstance(who, str) and isinstance(what, TLP)
        if kind == "kennis":
            chat.share(who, f"{marker('kennis', what, who)} geheim {what.value}")
        elif kind == "knelpunt":
            title = marker("knelpunt", what, who)
            replies = chat.say(who, f"/knelpunt meld {title} zorg{title} {what.value}")
            reported = re.search(r"\*\*#(\d+)\*\* is gemeld", replies[0].text)
            if reported:
                note = marker("noot", what, who)
                chat.say(who, f"/knelpunt notitie {reported.group(1)} {note}")
        else:
            creator = "anna" if who != "anna" else "dirk"  # both Den Haag
            chat.say(creator, f"/actie nieuw {marker('actie', what, creator)} <@{who}> vrijdag "
                     f"{what.value}")  # fmt: skip
    paths = ("/kennis recent 25", "/knelpunt lijst alle", "/knelpunt export",
             "/actie lijst alle", *(f"/knelpunt toon {i}" for i in range(1, 7)))  # fmt: skip
    for reader in (*PEOPLE, "mayor", "stranger"):
        for reply in (r for path in paths for r in chat.say(reader, path)):
            if reply.visibility is Visibility.DIRECT and reply.user != reader:
                continue
            shown = texts(reply)
            for _kind, short in MARKER.findall(shown):
                assert reply.tlp is not None and reply.tlp.rank >= BY_SHORT[short].rank, reply
            for number in NUMBERED.findall(shown):
                if number in made:  # markers of earlier examples were checked there
                    label, maker = made[number]
                    assert may_read(reader, label, maker), (reader, number, made, reply)
