"""Any text after any command gets a clear reply: never an apology for a crash."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Chat, everything

COMMANDS = (
    "/kennis", "/kennis deel", "/kennis zoek", "/kennis toon", "/kennis wijzig 1",
    "/kennis verwijder", "/kennis nuttig", "/kennis recent", "/ciso", "/ciso lid",
    "/ciso lid <@x>", "/ciso instellingen taal", "/ciso instellingen tijdzone",
    "/ciso organisatie nieuw", "/ciso verwijder",
    "/knelpunt", "/knelpunt meld", "/knelpunt steun", "/knelpunt steun 1", "/knelpunt intrekken",
    "/knelpunt notitie 1", "/knelpunt toon", "/knelpunt lijst", "/knelpunt status",
    "/knelpunt status 1", "/knelpunt status 1 geescaleerd", "/knelpunt antwoord 1",
    "/knelpunt samenvoegen", "/knelpunt samenvoegen 1 naar", "/knelpunt vraag 1",
    "/knelpunt koppel 1", "/knelpunt export", "/knelpunt dossier 1", "/knelpunt heropen",
    "/actie", "/actie nieuw", "/actie nieuw Iets <@bram>", "/actie lijst", "/actie toon",
    "/actie klaar", "/actie uitstel 1", "/actie update 1", "/actie eigenaar 1", "/actie verwijder",
    "/actie heropen", "/actie ical",
)  # fmt: skip
NASTY = st.sampled_from(
    ['"', "*", "NEAR(", "AND", "-", ":", "(", "<!channel>", "@here", "#", "TLP:", "TLP:RED",
     "<@", "\x00", "\u202e", "🙂", "'; DROP TABLE members;--", "x" * 40_000, "\n", "999999999"]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=40), NASTY), max_size=6).map(" ".join)


@settings(max_examples=150)
@given(command=st.sampled_from(COMMANDS), text=TEXT)
def test_any_text_after_any_command_gets_a_clear_reply(
    network: Chat, command: str, text: str
) -> None:
    network.say("anna", "/kennis deel Een item om mee te werken")
    network.say("anna", "/knelpunt meld Een knelpunt om mee te werken")
    network.say("anna", "/actie nieuw Een actie om mee te werken <@bram> eind maart")
    for user in ("admin", "bram", "stranger"):
        replies = network.say(user, f"{command} {text}")
        said = everything(replies)
        assert replies and said.strip()
        assert "er ging iets mis" not in said, (user, command, text)
        assert "<!channel>" not in said and "<!here>" not in said


@settings(max_examples=60)
@given(action=st.sampled_from(["kennis.show", "kennis.more", "kennis.useful", "kennis.delete",
                               "kennis.announce", "knelpunt.show", "knelpunt.support",
                               "knelpunt.withdraw", "knelpunt.report", "knelpunt.discard",
                               "knelpunt.more", "actie.show", "actie.done",
                               "actie.postpone_week", "actie.update_prompt", "nope"]),
       value=TEXT)  # fmt: skip
def test_forged_button_values_get_a_clear_reply(network: Chat, action: str, value: str) -> None:
    network.say("anna", "/knelpunt meld Een knelpunt om mee te werken")
    said = everything(network.press("carla", action, value))
    assert said.strip() and "er ging iets mis" not in said


def test_a_nul_character_is_dropped_on_every_engine(network: Chat) -> None:
    """No chat text means a NUL, and PostgreSQL cannot store one: it is dropped before
    anything reads the request, and the rest is kept."""
    said = everything(network.share("anna", "Back-up\x00plan voor de raad #back\x00up"))
    assert "er ging iets mis" not in said and "\x00" not in said
    found = everything(network.say("bram", "/kennis zoek backupplan"))
    assert "Back-upplan voor de raad" in found
    made = everything(network.say("admin", "/ciso organisatie nieuw \x00Gemeente\x00 Nul"))
    assert "er ging iets mis" not in made and "Gemeente Nul" in made
