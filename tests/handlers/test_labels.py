"""Labels on the write side: read exactly, asked when unclear, owned by their source.

Reproductions 1–3 of the TLP write-path issue: a mistyped label must never become a
weaker one, two labels are never settled by picking the first, and nobody but the
author lowers a label or adds readers.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.labels import LabelQuestion, labelled_text, read_label
from handlers.messages import Reply, Visibility
from storage import knowledge
from storage.db import Database
from storage.models import AuditEntry, KnowledgeItem
from storage.tlp import TLP
from tests.conftest import Chat, everything


def stored(db: Database) -> list[tuple[str, str]]:
    with db.read() as session:
        return [(i.title, i.tlp) for i in session.query(KnowledgeItem).order_by(KnowledgeItem.id)]


@pytest.mark.parametrize(
    ("text", "label", "rest"),
    [
        ("Let op TLP:AMBER bij delen", TLP.AMBER, "Let op bij delen"),
        ("TLP:AMBER+STRICT intern", TLP.AMBER_STRICT, "intern"),
        ("geen label", None, "geen label"),
        ("Uitleg over TLP en hoe je het gebruikt", None, "Uitleg over TLP en hoe je het gebruikt"),
        ("Het TLP-protocol", None, "Het TLP-protocol"),
        ("TLP:RED TLP:RED dubbel", TLP.RED, "dubbel"),
    ],
)
def test_labels_written_exactly_are_read(text: str, label: TLP | None, rest: str) -> None:
    found = read_label(text)
    assert (found.label, found.text) == (label, rest)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("TLP:ROOD <@bram> Geheim", TLP.RED),
        ("Geheim TLP:AMBR", TLP.AMBER),
        ("Geheim TLP AMBER", TLP.AMBER),
        ("Geheim TLP:AMBER-STRICT", TLP.AMBER_STRICT),
        ("Geheim TLP:AMBER STRICT", TLP.AMBER_STRICT),
        ("Geheim tlp:amber", TLP.AMBER),
        ("Geheim TLP:Green", TLP.GREEN),
        ("Geheim TLP:GROEN", TLP.GREEN),
        ("Geheim TLP:ORANJE", TLP.AMBER),
        ("Oud TLP:WHITE", TLP.CLEAR),
        ("Geheim TLP : RED", TLP.RED),
        ("Geheim TLP:PURPLE", None),
        ("Geheim TLP:", None),
    ],
)
def test_anything_that_looks_like_a_label_but_is_not_one_asks(
    text: str, suggestion: TLP | None
) -> None:
    with pytest.raises(LabelQuestion) as asked:
        read_label(text)
    assert asked.value.suggestion is suggestion and asked.value.written


def test_two_different_labels_ask_which_one() -> None:
    with pytest.raises(LabelQuestion) as asked:
        read_label("Het IBD-advies (TLP:CLEAR) is bekend TLP:AMBER+STRICT")
    assert set(asked.value.offered) == {TLP.CLEAR, TLP.AMBER_STRICT} and not asked.value.written


def test_a_chosen_label_keeps_other_labels_as_words() -> None:
    text = "Het IBD-advies (TLP:CLEAR) is bekend TLP:AMBER+STRICT"
    found = read_label(text, chosen=TLP.AMBER_STRICT)
    assert found.label is TLP.AMBER_STRICT and found.text == "Het IBD-advies (TLP:CLEAR) is bekend"
    red = labelled_text("TLP:ROOD <@bram> Geheim", chosen=TLP.RED)
    assert red.label is TLP.RED and red.recipients == ("bram",) and red.text == "Geheim"


LOOKALIKES = st.sampled_from(
    ["TLP:ROOD", "TLP:AMBR", "TLP AMBER", "TLP:AMBER-STRICT", "tlp:red", "TLP:GROEN", "TLP:WIT"]
)


@given(st.text(max_size=40), LOOKALIKES, st.text(max_size=40))
def test_a_lookalike_anywhere_never_yields_a_label(before: str, token: str, after: str) -> None:
    """Whatever surrounds it, a label-like token is a question, never a (weaker) label."""
    with pytest.raises(LabelQuestion):
        read_label(f"{before} {token} {after}")


# --- through the bot ---------------------------------------------------------------------


@pytest.mark.parametrize("label", ["TLP:ROOD <@bram>", "TLP:AMBR", "TLP AMBER", "TLP:AMBER-STRICT"])
def test_a_mistyped_label_stores_nothing_and_asks(network: Chat, db: Database, label: str) -> None:
    replies = network.say("anna", f"/kennis deel Leverancier gehackt {label}")
    assert stored(db) == []
    assert "niet als rubricering" in replies[0].text and "nog niets opgeslagen" in replies[0].text
    offered = [b.label for b in replies[0].buttons]
    assert "TLP:CLEAR" in offered and offered[-1] == "Annuleren"


def test_the_label_chosen_after_a_question_is_the_label_stored(network: Chat, db: Database) -> None:
    asked = network.say("anna", "/kennis deel TLP:ROOD <@bram> Leverancier gehackt")
    red = next(b for b in asked[0].buttons if b.label == "TLP:RED")
    assert red.style == "primary"
    done = network.press("anna", red.action_id, red.value)
    assert stored(db) == [("Leverancier gehackt", "TLP:RED")]
    assert "Alleen jij en" in done[0].text
    again = network.press("anna", red.action_id, red.value)
    assert "verlopen of al beantwoord" in again[0].text and len(stored(db)) == 1


def test_only_the_sender_can_answer_a_label_question(network: Chat, db: Database) -> None:
    asked = network.say("anna", "/kennis deel Leverancier gehackt TLP:AMBR")
    clear = next(b for b in asked[0].buttons if b.label == "TLP:CLEAR")
    assert "verlopen" in everything(network.press("bram", clear.action_id, clear.value))
    assert stored(db) == []
    cancel = asked[0].buttons[-1]
    assert "Geannuleerd" in everything(network.press("anna", cancel.action_id, cancel.value))
    assert "verlopen" in everything(network.press("anna", clear.action_id, clear.value))
    assert stored(db) == []


def test_two_labels_in_a_shared_text_are_never_settled_by_the_first(
    network: Chat, db: Database
) -> None:
    line = "/kennis deel Het IBD-advies (TLP:CLEAR) is bekend TLP:AMBER+STRICT"
    asked = network.say("anna", line)
    assert stored(db) == [] and "meer dan één rubricering" in asked[0].text
    assert [b.label for b in asked[0].buttons] == ["TLP:CLEAR", "TLP:AMBER+STRICT", "Annuleren"]
    strict = asked[0].buttons[1]
    network.press("anna", strict.action_id, strict.value)
    assert stored(db) == [("Het IBD-advies (TLP:CLEAR) is bekend", "TLP:AMBER+STRICT")]


def test_a_bottleneck_with_a_mistyped_label_asks_and_offers_no_red(
    network: Chat, db: Database
) -> None:
    asked = network.say("anna", "/knelpunt meld Leverancier X — geen patches TLP:AMBER STRICT")
    assert "AMBER+STRICT" in asked[0].text
    assert "TLP:RED" not in [b.label for b in asked[0].buttons]
    strict = next(b for b in asked[0].buttons if b.label == "TLP:AMBER+STRICT")
    network.press("anna", strict.action_id, strict.value)
    assert "TLP:AMBER+STRICT" in network.text("anna", "/knelpunt toon 1")


def test_red_with_no_one_else_named_says_so_in_a_sentence(network: Chat) -> None:
    text = network.text("anna", "/kennis deel Alleen voor mij TLP:RED")
    assert "Alleen jij kunt het zien" in text and "—" not in text


# --- the source owns the label -----------------------------------------------------------


def test_a_recipient_cannot_declassify_a_red_item(network: Chat, db: Database) -> None:
    network.say("admin", "/ciso lid <@bram> Leiden ciso werkgroep")
    network.say("anna", "/kennis deel TLP:RED <@bram> Insider bij leverancier")
    text = network.text("bram", "/kennis wijzig 1 TLP:CLEAR")
    assert "Alleen de auteur" in text and stored(db) == [("Insider bij leverancier", "TLP:RED")]
    assert "Alleen de auteur" in network.text("bram", "/kennis wijzig 1 TLP:RED <@carla>")
    with db.read() as session:
        assert knowledge.views(session, [1])[0].recipient_names == ("bram",)


def test_a_moderator_cannot_lower_but_may_raise_and_the_author_hears(
    network: Chat, db: Database
) -> None:
    network.say("admin", "/ciso lid <@bram> Leiden ciso werkgroep")
    network.say("dirk", "/kennis deel Phishinggolf bij gemeenten TLP:AMBER")
    assert "Alleen de auteur" in network.text("bram", "/kennis wijzig 1 TLP:CLEAR")
    assert stored(db)[0][1] == "TLP:AMBER"
    replies = network.say("bram", "/kennis wijzig 1 TLP:AMBER+STRICT")
    assert stored(db)[0][1] == "TLP:AMBER+STRICT"
    told = [r for r in replies if r.visibility is Visibility.DIRECT and r.user == "dirk"]
    assert len(told) == 1
    assert "heeft je kennisitem #1" in told[0].text
    assert "TLP:AMBER → TLP:AMBER+STRICT" in told[0].text
    with db.read() as session:
        entry = session.query(AuditEntry).filter_by(action="knowledge.updated").one()
        details = json.loads(entry.details)
    assert details["tlp"] == {
        "before": "TLP:AMBER",
        "after": "TLP:AMBER+STRICT",
    }


def test_the_author_may_lower_their_own_label(network: Chat, db: Database) -> None:
    network.say("dirk", "/kennis deel Phishinggolf bij gemeenten TLP:AMBER")
    replies = network.say("dirk", "/kennis wijzig 1 TLP:GREEN")
    assert stored(db)[0][1] == "TLP:GREEN"
    assert not [r for r in replies if r.visibility is Visibility.DIRECT]


def test_a_moderator_may_remove_readers_and_delete_and_the_author_hears_in_english(
    network: Chat, db: Database
) -> None:
    network.say("admin", "/ciso lid <@bram> Leiden ciso werkgroep")
    network.say("carla", "/ciso instellingen taal en")
    network.say("carla", "/kennis deel TLP:RED <@bram> <@dirk> Insider bij leverancier")
    replies = network.say("bram", "/kennis wijzig 1 TLP:RED <@bram>")
    told: list[Reply] = [r for r in replies if r.user == "carla"]
    assert told and "can no longer see it" in told[0].text
    replies = network.say("bram", "/kennis verwijder 1")
    assert stored(db) == []
    told = [r for r in replies if r.user == "carla"]
    assert told and "deleted" in told[0].text


MERGE_TEXTS: dict[str, dict[str, object]] = {
    "bottleneck.merged": {"old": 2, "id": 1, "title": "Titel", "count": "3 gemeenten"},
    "bottleneck.merge_label": {"id": 1, "tlp": "TLP:AMBER"},
    "bottleneck.merged_dm": {"old": 2, "id": 1, "title": "Titel"},
    "bottleneck.merged_dm_hidden": {"old": 2, "tlp": "TLP:AMBER+STRICT"},
    "bottleneck.merge_strict_orgs": {"old": 2, "id": 1, "tlp": "TLP:AMBER+STRICT"},
    "bottleneck.merge_same": {"id": 1},
    "bottleneck.was_merged": {"old": 2, "id": 1},
}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("key", sorted(MERGE_TEXTS))
def test_every_merge_text_takes_the_parameters_the_merge_gives(language: str, key: str) -> None:
    from handlers.i18n import translate

    text = translate(language, key, **MERGE_TEXTS[key])
    assert "{" not in text and ("#1" in text or "#2" in text)


def test_a_capture_from_a_private_channel_is_amber_with_buttons_for_another_label(
    network: Chat, db: Database
) -> None:
    from handlers.messages import Request

    capture = Request(
        platform="console", user_id="dirk", channel_id="crisis", action_id="kennis.capture",
        text="Incident bij de leverancier, nog niet openbaar", source_url="https://x/p/1",
        source_author="Bram", source_private=True,
    )  # fmt: skip
    (reply,) = network.core.handle(capture)
    assert "besloten kanaal of privébericht" in reply.text and stored(db)[0][1] == "TLP:AMBER"
    green = next(b for b in reply.buttons if b.label == "TLP:GREEN")
    network.press("dirk", green.action_id, green.value)
    assert stored(db)[0][1] == "TLP:GREEN"
    public = Request(
        platform="console", user_id="dirk", channel_id="netwerk", action_id="kennis.capture",
        text="Openbare tip over DMARC", source_url="https://x/p/2", source_author="Bram",
    )  # fmt: skip
    (reply,) = network.core.handle(public)
    assert stored(db)[1][1] == "TLP:GREEN" and "besloten" not in reply.text
