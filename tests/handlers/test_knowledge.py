"""`/kennis`: sharing, finding, showing, changing and voting — with TLP on every path."""

from __future__ import annotations

from sqlalchemy import select

from handlers.messages import Reply, Visibility
from storage.db import Database
from storage.models import AuditEntry, KnowledgeItem
from tests.conftest import Chat, everything


def _share(chat: Chat, user: str, text: str) -> int:
    reply = chat.share(user, text)[0]
    assert reply.text.startswith("Opgeslagen als kennisitem"), reply.text
    return int(reply.text.split("#")[1].split("*")[0])


def _buttons(replies: list[Reply]) -> dict[str, str]:
    return {b.action_id: b.value for r in replies for b in r.all_buttons()}


def test_share_takes_title_tags_and_label_from_the_text(network: Chat, db: Database) -> None:
    number = _share(
        network, "bram", "Phishinggolf met facturen\nBlokkeer het domein. #phishing TLP:AMBER"
    )
    with db.read() as session:
        item = session.get(KnowledgeItem, number)
        assert item is not None
        assert (item.title, item.body, item.tlp) == (
            "Phishinggolf met facturen", "Blokkeer het domein.", "TLP:AMBER"
        )  # fmt: skip
        assert [t.name for t in item.tags] == ["phishing"]
        assert item.author is not None and item.author.platform_user_id == "bram"


def test_share_without_label_uses_the_install_default(network: Chat) -> None:
    number = _share(network, "bram", "Back-ups testen")
    assert "TLP:GREEN" in network.text("bram", f"/kennis toon {number}")


def test_share_needs_text_and_a_sane_length(network: Chat, db: Database) -> None:
    assert "Wat wil je delen" in network.text("bram", "/kennis deel")
    assert "Wat wil je delen" in network.text("bram", "/kennis deel #alleen-tags TLP:GREEN")
    assert "te lang" in network.text("bram", "/kennis deel " + "x" * 40_000)
    with db.read() as session:
        assert session.scalars(select(KnowledgeItem)).first() is None


def test_non_members_cannot_share(network: Chat, db: Database) -> None:
    assert "geen lid" in network.text("stranger", "/kennis deel Iets")
    with db.read() as session:
        assert session.scalars(select(KnowledgeItem)).first() is None


def test_search_finds_ranks_and_pages_with_a_more_button(network: Chat) -> None:
    for number in range(7):
        _share(network, "anna", f"Phishing melding {number}\nOver phishing en nog eens phishing.")
    _share(network, "anna", "Awareness\nKort over phishing.")
    first = network.say("bram", "/kennis zoek phishing")
    assert "Resultaten 1–5" in first[0].text and len(first[0].sections) == 5
    more = _buttons(first)["kennis.more"]
    second = network.press("bram", "kennis.more", more)
    assert "Resultaten 6–8" in second[0].text
    assert second[0].sections[-1].text.startswith("**#8 Awareness**")
    assert "kennis.more" not in _buttons(second)


def test_search_tells_when_nothing_matches_and_broadens_when_all_words_fail(network: Chat) -> None:
    _share(network, "anna", "Wachtwoordbeleid herzien")
    assert "Niets gevonden" in network.text("bram", "/kennis zoek blockchain")
    assert "dichtst in de buurt" in network.text("bram", "/kennis zoek wachtwoord blockchain")


def test_search_filters_check_their_values(network: Chat) -> None:
    assert "ken ik niet" in network.text("bram", "/kennis zoek x tlp:paars")
    assert "Ik ken geen gemeente" in network.text("bram", "/kennis zoek x gemeente:Atlantis")
    assert "geen datum" in network.text("bram", "/kennis zoek x sinds:gisteren")
    assert "te lang" in network.text("bram", "/kennis zoek " + "y" * 40_000)
    assert "geen woord" in network.text("bram", '/kennis zoek "" * ( )')


def test_show_edit_and_delete_by_the_author(network: Chat) -> None:
    number = _share(network, "bram", "Eerste versie #oud")
    assert "bijgewerkt" in network.text("bram", f"/kennis wijzig {number} Tweede versie #nieuw")
    shown = network.text("bram", f"/kennis toon {number}")
    assert "Tweede versie" in shown and "#nieuw" in shown and "#oud" not in shown
    assert "bijgewerkt" in network.text("bram", f"/kennis wijzig {number} TLP:AMBER")
    assert "TLP:AMBER" in network.text("bram", f"/kennis toon {number}")
    assert "verwijderd" in network.text("bram", f"/kennis verwijder {number}")
    assert "bestaat niet" in network.text("bram", f"/kennis toon {number}")


def test_only_author_werkgroep_or_beheerder_may_change(network: Chat) -> None:
    number = _share(network, "bram", "Van Bram")
    assert "Alleen de auteur" in network.text("carla", f"/kennis wijzig {number} Van Carla")
    assert "Alleen de auteur" in network.text("carla", f"/kennis verwijder {number}")
    assert "bijgewerkt" in network.text("anna", f"/kennis wijzig {number} Door de werkgroep")
    assert "verwijderd" in network.text("admin", f"/kennis verwijder {number}")


def test_delete_button_asks_for_confirmation_and_works(network: Chat) -> None:
    number = _share(network, "bram", "Weg ermee")
    shown = network.say("bram", f"/kennis toon {number}")
    delete = next(b for r in shown for b in r.all_buttons() if b.action_id == "kennis.delete")
    assert "echt verwijderen" in delete.confirm
    assert "verwijderd" in everything(network.press("bram", "kennis.delete", delete.value))
    carla_view = network.say("carla", f"/kennis toon {_share(network, 'bram', 'Nog een')}")
    assert "kennis.delete" not in _buttons(carla_view)


def test_useful_votes_count_once_per_member(network: Chat) -> None:
    number = _share(network, "bram", "Nuttige tip")
    assert "Genoteerd" in network.text("carla", f"/kennis nuttig {number}")
    assert "al als nuttig" in everything(network.press("carla", "kennis.useful", str(number)))
    network.say("anna", f"/kennis nuttig {number}")
    assert "Nuttig: 2" in network.text("bram", f"/kennis toon {number}")


def test_recent_and_tags(network: Chat) -> None:
    _share(network, "bram", "Eerste #logging")
    _share(network, "bram", "Tweede #logging #soc")
    recent = network.say("carla", "/kennis recent 1")
    assert len(recent[0].sections) == 1 and "Tweede" in recent[0].sections[0].text
    assert "#logging (2)" in network.text("carla", "/kennis tags")


def test_show_offers_related_items(network: Chat) -> None:
    first = _share(network, "bram", "Ransomware draaiboek #ransomware")
    _share(network, "bram", "Ransomware bij leverancier #ransomware")
    shown = network.say("carla", f"/kennis toon {first}")
    assert "Gerelateerd" in everything(shown) and "leverancier" in everything(shown)


def test_bad_numbers_and_unknown_subcommands_get_clear_messages(network: Chat) -> None:
    assert "geen nummer" in network.text("bram", "/kennis toon twaalf")
    assert "geen nummer" in network.text("bram", "/kennis toon")
    assert "bestaat niet" in network.text("bram", "/kennis toon 999999")
    assert "/kennis help" in network.text("bram", "/kennis bestaatniet")


def test_every_knowledge_change_is_audited(network: Chat, db: Database) -> None:
    number = _share(network, "bram", "Audit mij")
    network.say("bram", f"/kennis wijzig {number} Anders")
    network.say("carla", f"/kennis nuttig {number}")
    network.say("bram", f"/kennis verwijder {number}")
    with db.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.subject_type == "knowledge"))
        assert [e.action for e in entries] == [
            "knowledge.created", "knowledge.updated", "knowledge.useful", "knowledge.deleted"
        ]  # fmt: skip


def test_announcing_green_posts_to_the_channel(network: Chat) -> None:
    number = _share(network, "bram", "Deelbaar #awareness")
    replies = network.press("bram", "kennis.announce", str(number), channel="netwerk")
    assert replies[0].visibility is Visibility.CHANNEL and replies[0].channel == "netwerk"
    assert "Deelbaar" in everything(replies)
    assert "privégesprek" in everything(
        network.press("bram", "kennis.announce", str(number), channel=None)
    )


def test_compounds_are_found_when_exact_words_are_few_and_paging_keeps_them(
    network: Chat,
) -> None:
    for number in range(3):
        _share(network, "anna", f"Incident nummer {number}")
    for number in range(4):
        _share(network, "anna", f"Incidentmeldingen soort {number}")
    first = network.say("bram", "/kennis zoek incident")
    assert "Resultaten 1–5" in first[0].text
    assert first[0].sections[0].text.startswith("**#") and "Incident nummer" in everything(first)
    more = _buttons(first)["kennis.more"]
    assert more == "5|all+|incident"
    second = network.press("bram", "kennis.more", more)
    assert "Resultaten 6–7" in second[0].text and "Incidentmeldingen" in everything(second)


def test_a_question_as_people_type_it_finds_the_item_without_a_fallback(network: Chat) -> None:
    network.share("anna", "Datalek melden bij de AP\nMeld binnen 72 uur. #datalek")
    text = network.text("bram", "/kennis zoek hoe melden jullie een datalek?")
    assert "Datalek melden bij de AP" in text and "Geen item bevat al je woorden" not in text


def test_hyphenated_and_joined_words_find_each_other(network: Chat) -> None:
    network.share("anna", "Back-ups offline bewaren\nTest je back-up maandelijks.")
    network.share("anna", "E-mail beveiligen\nGebruik DMARC.")
    for query in ("backup", "back-up", "back-ups"):
        assert "Back-ups offline bewaren" in network.text("bram", f"/kennis zoek {query}"), query
    assert "E-mail beveiligen" in network.text("bram", "/kennis zoek email")
