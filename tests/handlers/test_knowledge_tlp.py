"""TLP from every read path of the knowledge base: search, more, show, related, recent,
tags, announce — for members, other municipalities, named recipients and guests."""

from __future__ import annotations

import pytest

from handlers.messages import Visibility
from tests.conftest import Chat, everything


@pytest.fixture
def labelled(network: Chat) -> Chat:
    """One item per label, all about 'datalek', shared by anna (Den Haag)."""
    network.say("anna", "/kennis deel Datalek openbaar TLP:CLEAR #datalek")
    network.say("anna", "/kennis deel Datalek netwerk TLP:GREEN #datalek")
    network.say("anna", "/kennis deel Datalek amber TLP:AMBER #datalek")
    network.say("anna", "/kennis deel Datalek strikt TLP:AMBER+STRICT #datalek")
    network.say("anna", "/kennis deel TLP:RED <@bram> Datalek rood #datalek")
    return network


def _seen(chat: Chat, user: str, line: str) -> set[str]:
    text = everything(chat.say(user, line))
    return {label for label in ("openbaar", "netwerk", "amber", "strikt", "rood") if label in text}


ALL = {"openbaar", "netwerk", "amber", "strikt", "rood"}


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ("anna", ALL),  # the author sees everything she shared
        ("dirk", ALL - {"rood"}),  # same municipality: AMBER+STRICT, not RED
        ("bram", ALL - {"strikt"}),  # named on the RED item, other municipality
        ("carla", {"openbaar", "netwerk", "amber"}),  # another municipality, not named
        ("stranger", {"openbaar"}),  # not a member: TLP:CLEAR only
    ],
)
@pytest.mark.parametrize(
    "line", ["/kennis zoek datalek", "/kennis recent", "/kennis zoek #datalek"]
)
def test_lists_show_only_what_the_reader_may_see(
    labelled: Chat, user: str, expected: set[str], line: str
) -> None:
    assert _seen(labelled, user, line) == expected


@pytest.mark.parametrize(
    ("user", "visible"),
    [("carla", {1, 2, 3}), ("dirk", {1, 2, 3, 4}), ("bram", {1, 2, 3, 5}), ("stranger", {1})],
)
def test_show_refuses_items_the_reader_may_not_see(
    labelled: Chat, user: str, visible: set[int]
) -> None:
    for number in range(1, 6):
        text = labelled.text(user, f"/kennis toon {number}")
        assert ("bestaat niet" in text) is (number not in visible), (user, number)


def test_more_button_pages_through_visible_items_only(labelled: Chat) -> None:
    for number in range(6):
        labelled.say("anna", f"/kennis deel Datalek extra {number} TLP:AMBER+STRICT")
    first = labelled.say("carla", "/kennis zoek datalek")
    assert "kennis.more" not in {b.action_id for r in first for b in r.all_buttons()}
    assert "strikt" not in everything(first) and "extra" not in everything(first)


def test_related_items_respect_tlp(labelled: Chat) -> None:
    text = everything(labelled.say("carla", "/kennis toon 2"))
    assert "rood" not in text and "strikt" not in text and "amber" in text


def test_tag_counts_only_count_visible_items(labelled: Chat) -> None:
    assert "#datalek (1)" in labelled.text("stranger", "/kennis tags")
    assert "#datalek (3)" in labelled.text("carla", "/kennis tags")


def test_guests_are_told_they_see_clear_only(labelled: Chat) -> None:
    assert "alleen items met TLP:CLEAR" in labelled.text("stranger", "/kennis zoek datalek")


@pytest.mark.parametrize("number", [3, 4, 5])
def test_amber_and_above_never_reach_a_channel(labelled: Chat, number: int) -> None:
    shown = labelled.say("anna", f"/kennis toon {number}")
    assert "kennis.announce" not in {b.action_id for r in shown for b in r.all_buttons()}
    replies = labelled.press("anna", "kennis.announce", str(number), channel="netwerk")
    assert all(r.visibility is not Visibility.CHANNEL for r in replies)
    assert "mag niet in een kanaal" in everything(replies)


def test_sharing_amber_offers_no_channel_announcement(network: Chat) -> None:
    replies = network.say("anna", "/kennis deel Vertrouwelijk TLP:AMBER")
    assert "kennis.announce" not in {b.action_id for r in replies for b in r.all_buttons()}


def test_red_recipients_must_be_members(network: Chat) -> None:
    text = network.text("anna", "/kennis deel TLP:RED <@nobody> Geheim")
    assert "geen lid" in text and "niets opgeslagen" in text.lower()


def test_replies_with_labelled_content_carry_the_strictest_label(labelled: Chat) -> None:
    replies = labelled.say("anna", "/kennis zoek datalek")
    assert replies[0].tlp is not None and replies[0].tlp.value == "TLP:RED"
