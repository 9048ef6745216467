"""Search finds what people mean: synonyms (the thesaurus) and typos ("Bedoelde je")."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings
from storage.thesaurus import Thesaurus
from tests.conftest import Chat

ITEMS = (
    "Overbelastingsaanval op de gemeentesite\nDe provider filterde het verkeer.",
    "Tweestapsverificatie voor iedereen\nOok voor raadsleden.",
    "Wachtwoordmanager kiezen\nVergelijking van drie pakketten.",
    "Functionaris gegevensbescherming aanstellen\nDe rol en de onafhankelijkheid.",
    "Verklaring omtrent het gedrag voor beheerders\nAanvragen via Justis.",
    "Eenmalige aanmelding met Entra ID\nKoppelingen en valkuilen.",
    "Ransomware bij een leverancier\nOffline back-ups hielpen bij het herstel.",
    "Phishing herkennen\nLet op afzender en haast.",
    "Cyberverzekering afsluiten\nWat dekt de polis bij een incident?",
)


@pytest.fixture
def shared(network: Chat) -> Chat:
    for text in ITEMS:
        network.say("anna", f"/kennis deel {text}")
    return network


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("ddos", "Overbelastingsaanval op de gemeentesite"),
        ("denial of service", "Overbelastingsaanval op de gemeentesite"),
        ("2fa", "Tweestapsverificatie voor iedereen"),
        ("mfa", "Tweestapsverificatie voor iedereen"),
        ("password manager", "Wachtwoordmanager kiezen"),
        ("fg", "Functionaris gegevensbescherming aanstellen"),
        ("vog", "Verklaring omtrent het gedrag voor beheerders"),
        ("sso", "Eenmalige aanmelding met Entra ID"),
        ("hoe regelen jullie sso", "Eenmalige aanmelding met Entra ID"),
    ],
)
def test_a_synonym_finds_the_item_in_the_first_results(
    shared: Chat, query: str, title: str
) -> None:
    text = shared.text("bram", f"/kennis zoek {query}")
    assert title in text and "Geen item bevat al je woorden" not in text


def test_an_install_adds_its_own_synonyms_in_a_settings_file(tmp_path: Path) -> None:
    extra = tmp_path / "synoniemen.txt"
    extra.write_text("# eigen\nrpa | robotic process automation | softwarerobot\n")
    settings = load_settings({"THESAURUS_FILE": str(extra)})
    groups = settings.thesaurus.groups
    assert ("rpa",) in groups and len(groups[("rpa",)]) == 3
    assert ("ddos",) in groups  # the shipped groups stay
    with pytest.raises(ConfigError):
        load_settings({"THESAURUS_FILE": str(tmp_path / "weg.txt")})


def test_the_shipped_thesaurus_reads_every_line() -> None:
    shipped = Thesaurus.shipped()
    assert len(shipped.groups) > 80
    assert ("ddos",) in shipped.groups[("overbelastingsaanval",)]


@pytest.mark.parametrize(
    ("typo", "meant", "title"),
    [
        ("ransomwear", "ransomware", "Ransomware bij een leverancier"),
        ("phising", "phishing", "Phishing herkennen"),
        ("cyberverzekring", "cyberverzekering", "Cyberverzekering afsluiten"),
        ("wachtwoordmanger", "wachtwoordmanager", "Wachtwoordmanager kiezen"),
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
