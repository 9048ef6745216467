"""Merging bottlenecks never shows anything to someone who could not see both before.

Reproduction 4 of the TLP write-path issue: Den Haag's AMBER+STRICT bottleneck merged
into Zuidplas' moved its label to another municipality, and a merge that raised a
label failed after it was stored.
"""

from __future__ import annotations

import itertools

import pytest

from handlers.messages import Visibility
from storage import bottlenecks
from storage.bottlenecks import LABELS
from storage.db import Database
from storage.tlp import TLP
from tests.conftest import Chat, everything

REPORTERS = {"same": ("anna", "dirk"), "other": ("bram", "dirk")}  # source, target reporter


def label_of(db: Database, number: int) -> tuple[TLP, int | None]:
    with db.read() as session:
        found = bottlenecks.view(session, number)
    return found.tlp, found.organisation_id


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_merge_of_every_label_pair_says_what_happened_and_shows_nothing_new(
    network: Chat, db: Database, language: str
) -> None:
    network.say("admin", "/ciso lid <@anna> Den Haag ciso werkgroep")
    network.say("anna", f"/ciso instellingen taal {language}")
    number = 0
    for (source_label, target_label), orgs in itertools.product(
        itertools.product(LABELS, LABELS), REPORTERS
    ):
        source_by, target_by = REPORTERS[orgs]
        number += 2
        network.say(source_by, f"/knelpunt meld Qz{number}bron {source_label.value}")
        network.say(target_by, f"/knelpunt meld Qz{number}doel {target_label.value}")
        source, target = number - 1, number
        source_org, target_org = label_of(db, source)[1], label_of(db, target)[1]
        replies = network.say("anna", f"/knelpunt samenvoegen {source} naar {target}")
        text = everything(replies)
        assert "{" not in text, text
        assert "ging iets mis" not in text and "went wrong" not in text, text
        strictest = max(source_label, target_label, key=lambda t: t.rank)
        crosses = strictest is TLP.AMBER_STRICT and source_org != target_org
        anna_sees_both = all(
            label is not TLP.AMBER_STRICT or by != "bram"
            for label, by in ((source_label, source_by), (target_label, target_by))
        )
        kept_label, kept_org = label_of(db, target)
        if not anna_sees_both:
            assert kept_label is target_label  # not found: nothing happened
        elif crosses:
            assert kept_label is target_label and kept_org == target_org
            assert ("niet samenvoegen" if language == "nl" else "cannot merge") in text
        else:
            assert kept_label is strictest and kept_org == target_org
            assert f"#{target}" in replies[0].text
            if strictest is not target_label:
                assert strictest.value in replies[0].text


def test_a_strict_bottleneck_of_one_municipality_is_not_merged_into_anothers(
    network: Chat, db: Database
) -> None:
    network.say("admin", "/ciso lid <@bram> Leiden ciso werkgroep")
    network.say("dirk", "/knelpunt meld Leverancier Y lekt gegevens TLP:AMBER+STRICT")
    network.say("bram", "/knelpunt meld Geen landelijke campagne")
    network.say("admin", "/ciso lid <@dirk> Den Haag ciso werkgroep")
    text = network.text("dirk", "/knelpunt samenvoegen 1 naar 2")
    assert "niet samenvoegen" in text
    assert label_of(db, 2)[0] is TLP.GREEN
    assert "Leverancier Y" not in network.text("bram", "/knelpunt toon 2")


def test_supporters_who_cannot_read_the_kept_one_hear_without_its_content(
    network: Chat, db: Database
) -> None:
    network.say("dirk", "/knelpunt meld Zorgen over de inkoopvoorwaarden")
    network.say("bram", "/knelpunt steun 1")
    network.say("anna", "/knelpunt meld Datalek bij leverancier Z TLP:AMBER+STRICT")
    replies = network.say("anna", "/knelpunt samenvoegen 1 naar 2")
    assert "samengevoegd" in replies[0].text and replies[0].tlp is TLP.AMBER_STRICT
    told = {r.user: r for r in replies if r.visibility is Visibility.DIRECT}
    assert "niet kunt inzien" in told["bram"].text and "Datalek" not in told["bram"].text
    assert told["bram"].tlp is None
    assert "Datalek" in told["dirk"].text
