"""Typos find what people meant, and say so: "Bedoelde je ransomware?"."""

from __future__ import annotations

import pytest

from tests.conftest import Chat

ITEMS = (
    "Ransomware bij een leverancier\nOffline back-ups hielpen bij het herstel.",
    "Phishing herkennen\nLet op afzender en haast.",
    "Cyberverzekering afsluiten\nWat dekt de polis bij een incident?",
    "Wachtwoordmanager voor de organisatie\nDrie pakketten vergeleken.",
)


@pytest.fixture
def shared(network: Chat) -> Chat:
    for text in ITEMS:
        network.say("anna", f"/kennis deel {text}")
    return network


@pytest.mark.parametrize(
    ("typo", "meant", "title"),
    [
        ("ransomwear", "ransomware", "Ransomware bij een leverancier"),
        ("phising", "phishing", "Phishing herkennen"),
        ("cyberverzekring", "cyberverzekering", "Cyberverzekering afsluiten"),
        ("wachtwoordmanger", "wachtwoordmanager", "Wachtwoordmanager voor de organisatie"),
    ],
)
def test_a_typo_finds_the_item_and_says_what_it_searched(
    shared: Chat, typo: str, meant: str, title: str
) -> None:
    text = shared.text("bram", f"/kennis zoek {typo}")
    assert f"Bedoelde je _{meant}_?" in text and title in text


def test_a_word_that_is_there_gets_no_correction(shared: Chat) -> None:
    assert "Bedoelde je" not in shared.text("bram", "/kennis zoek phishing")


def test_no_correction_points_at_an_item_the_reader_may_not_see(network: Chat) -> None:
    network.say("anna", "/kennis deel Zwartboekdossier intern TLP:AMBER+STRICT")
    text = network.text("bram", "/kennis zoek zwartboekdosier")
    assert "Bedoelde je" not in text and "Zwartboekdossier" not in text
    assert "Bedoelde je _zwartboekdossier_?" in network.text("dirk", "/kennis zoek zwartboekdosier")
