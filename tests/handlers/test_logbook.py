"""`/ciso logboek`: who changed what, for whoever may read it, through TLP."""

from __future__ import annotations

from tests.conftest import Chat, everything


def _log(chat: Chat, user: str, rest: str = "") -> str:
    return everything(chat.say(user, f"/ciso logboek {rest}".strip(), channel=None))


def test_an_author_reads_the_history_of_their_item_with_the_label_before_and_after(
    network: Chat,
) -> None:
    network.share("bram", "Back-upbeleid Leiden #backup", channel=None)
    network.say("bram", "/kennis wijzig 1 TLP:AMBER", channel=None)
    network.say("anna", "/kennis nuttig 1", channel=None)
    log = _log(network, "bram", "kennis 1")
    assert "Logboek van kennisitem #1" in log
    lines = [line for line in log.splitlines() if line.startswith("• ")]
    assert "gewijzigd: label TLP:GREEN → TLP:AMBER" in lines[-2]  # newest first
    assert "gedeeld" in lines[-1] and "Back-upbeleid Leiden" in lines[-1]
    assert "Bram" in lines[-1] or "bram" in lines[-1]
    # Someone else may not read the history of bram's item; a beheerder may.
    assert "Het logboek is voor beheerders" in _log(network, "carla", "kennis 1")
    assert "TLP:GREEN → TLP:AMBER" in _log(network, "admin", "kennis 1")


def test_the_whole_log_is_for_a_beheerder_and_hides_what_they_may_not_see(
    network: Chat,
) -> None:
    network.share("bram", "Intern incident Leiden TLP:AMBER+STRICT", channel=None)
    network.share("bram", "Openbaar advies #phishing TLP:CLEAR", channel=None)
    assert "Het logboek is voor beheerders" in _log(network, "anna")
    network.say("admin", "/ciso lid <@anna> Den Haag ciso werkgroep beheerder")
    log = _log(network, "anna")
    assert "Openbaar advies" in log
    assert "Intern incident" not in log  # AMBER+STRICT of another municipality
    assert "1 regel(s) over iets wat je niet mag zien, weggelaten." in log
    assert "Intern incident" not in _log(network, "anna", "@bram")  # by member, same rule
    assert "Intern incident" in _log(network, "bram", "kennis 1")  # the author reads it


def test_a_deleted_item_keeps_who_what_and_when_never_its_content(network: Chat) -> None:
    network.share("bram", "Geheime leverancierslijst TLP:AMBER", channel=None)
    network.say("bram", "/kennis verwijder 1", channel=None)
    log = _log(network, "admin", "kennis 1")
    lines = [line for line in log.splitlines() if line.startswith("• ")]
    assert len(lines) == 2 and all("kennisitem #1 (verwijderd)" in line for line in lines)
    assert "verwijderd" in lines[0] and "Geheime leverancierslijst" not in log
    assert "Het logboek is voor beheerders" in _log(network, "bram", "kennis 1")


def test_the_log_pages_with_a_button_and_refuses_nonsense(network: Chat) -> None:
    for number in range(25):
        network.share("bram", f"Notitie {number} #backup", channel=None)
    first = network.say("admin", "/ciso logboek", channel=None)
    (button,) = first[0].buttons
    older = everything(network.press("admin", button.action_id, button.value))
    assert "Notitie 24" in everything(first) and "Notitie 24" not in older
    assert "Notitie 0" in older or "toegevoegd" in older
    assert "Gebruik: `/ciso logboek`" in _log(network, "admin", "kennis twaalf")
    assert "is geen lid" in _log(network, "admin", "<@niemand>")
    forged = everything(network.press("bram", button.action_id, button.value))
    assert "Het logboek is voor beheerders" in forged  # a pressed button is checked too


def test_questions_in_the_log_follow_their_label(network: Chat) -> None:
    network.say("dirk", "/kennis vraag Intern: wie kent het Haagse SOC? TLP:AMBER+STRICT",
                channel=None)  # fmt: skip
    network.say("admin", "/ciso lid <@bram> Leiden ciso beheerder")
    log = _log(network, "bram")
    assert "Haagse SOC" not in log and "weggelaten" in log
    network.say("admin", "/ciso lid <@anna> Den Haag ciso werkgroep beheerder")
    assert "Haagse SOC" in _log(network, "anna")  # same municipality
