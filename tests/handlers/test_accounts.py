"""One member, an account on each platform: linking, and where the bot writes to them."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bot.clock import FixedClock
from handlers.messages import Visibility
from storage import members
from storage.db import Database
from storage.views import MemberView
from tests.conftest import Chat, everything


def _member(db: Database, platform: str, user: str) -> MemberView | None:
    with db.read() as session:
        return members.get_member(session, platform, user)


def test_a_linked_account_is_the_same_member_and_is_told_so(network: Chat, db: Database) -> None:
    replies = network.say("admin", "/ciso koppel <@bram> mattermost:mm-bram")
    assert "console:bram, mattermost:mm-bram" in replies[0].text
    (told,) = [r for r in replies if r.visibility is Visibility.DIRECT]
    assert (told.platform, told.user) == ("mattermost", "mm-bram")  # on the new account
    bram = _member(db, "mattermost", "mm-bram")
    assert bram is not None and bram == _member(db, "console", "bram")
    me = network.text("mm-bram", "/ciso ik", platform="mattermost")
    assert "Leiden" in me and "mattermost (laatst gebruikt)" in me
    # Linked from the other side: the mention is on this platform, the member on the other.
    network.say("admin", "/ciso koppel <@sl-carla> console:carla", platform="slack")
    assert _member(db, "slack", "sl-carla") == _member(db, "console", "carla")


def test_messages_follow_the_member_to_the_platform_they_used_last(
    network: Chat, db: Database
) -> None:
    network.say("admin", "/ciso koppel <@bram> mattermost:mm-bram")
    network.say("mm-bram", "/kennis recent", platform="mattermost")
    assert _member(db, "console", "bram").platform == "mattermost"  # type: ignore[union-attr]
    replies = network.say("anna", "/actie nieuw Logbeleid opstellen <@bram> vrijdag")
    (to_bram,) = [r for r in replies if r.visibility is Visibility.DIRECT]
    assert (to_bram.platform, to_bram.user) == ("mattermost", "mm-bram")
    network.say("bram", "/kennis recent")  # back on the first platform
    assert _member(db, "mattermost", "mm-bram").platform == "console"  # type: ignore[union-attr]


def test_a_chosen_platform_stays_whatever_is_used(network: Chat, db: Database) -> None:
    network.say("admin", "/ciso koppel <@bram> mattermost:mm-bram")
    network.say("mm-bram", "/kennis recent", platform="mattermost")  # messages: mattermost
    said = network.text("bram", "/ciso instellingen platform mattermost")
    assert "voortaan op mattermost" in said
    network.say("bram", "/kennis recent")
    assert _member(db, "console", "bram").platform == "mattermost"  # type: ignore[union-attr]
    assert "Kies uit: console, mattermost, laatst" in network.text(
        "bram", "/ciso instellingen platform teams"
    )
    # "laatst" from the console: the console is what bram used last (uses while the
    # choice stood were not recorded as a move), not the platform that moved it last.
    said = network.text("bram", "/ciso instellingen platform laatst")
    assert "laatst gebruikte (nu console)" in said
    assert _member(db, "console", "bram").platform == "console"  # type: ignore[union-attr]


def test_linking_never_merges_two_members_or_guesses(network: Chat, db: Database) -> None:
    before = _member(db, "console", "carla")
    nobody = network.text("admin", "/ciso koppel <@nobody> console:ghost", platform="slack")
    assert "geen (actief) lid" in nobody  # neither is a member: nothing to link
    network.say("admin", "/ciso koppel <@bram> slack:sl-bram")
    refused = network.text("admin", "/ciso koppel <@sl-bram> console:carla", platform="slack")
    assert "hoort al bij lid" in refused
    assert _member(db, "console", "carla") == before
    wrongs = ("/ciso koppel <@bram>", "/ciso koppel <@bram> slack", "/ciso koppel slack:U1",
              "/ciso koppel <@bram> slack:U1 extra", "/ciso koppel <@bram> Slack:U 1")  # fmt: skip
    for wrong in wrongs:
        assert "Gebruik: `/ciso koppel" in network.text("admin", wrong), wrong
    assert "Beide accounts zijn op console" in network.text(
        "admin", "/ciso koppel <@bram> console:other"
    )
    assert "alleen met de rol" in network.text("bram", "/ciso koppel <@bram> slack:sl-x")
    assert _member(db, "slack", "sl-x") is None


def test_a_removed_members_account_moves_to_the_member_who_links_it(
    network: Chat, db: Database
) -> None:
    """Two members for one person (added on each platform): remove one, then link."""
    network.say("admin", "/ciso lid <@sl-bram> Leiden ciso", platform="slack")
    network.say("sl-bram", "/kennis deel Notitie van de Slack-kant #test", platform="slack")
    assert "hoort al bij lid" in network.text("admin", "/ciso koppel <@bram> slack:sl-bram")
    network.say("admin", "/ciso verwijder <@sl-bram>", platform="slack")
    assert "console:bram, slack:sl-bram" in network.text(
        "admin", "/ciso koppel <@bram> slack:sl-bram"
    )
    bram = _member(db, "slack", "sl-bram")
    assert bram is not None and bram.active and bram == _member(db, "console", "bram")
    assert "Leiden" in network.text("sl-bram", "/ciso ik", platform="slack")


def test_unlinking_keeps_the_member_and_never_takes_the_last_account(
    network: Chat, db: Database
) -> None:
    network.say("admin", "/ciso koppel <@bram> mattermost:mm-bram")
    network.say("mm-bram", "/kennis recent", platform="mattermost")
    assert "ontkoppeld" in network.text("admin", "/ciso ontkoppel <@bram> mattermost")
    bram = _member(db, "console", "bram")
    assert bram is not None and bram.platform == "console" and bram.active
    assert _member(db, "mattermost", "mm-bram") is None
    assert "enige account" in network.text("admin", "/ciso ontkoppel <@bram> console")
    assert "geen account op slack" in network.text("admin", "/ciso ontkoppel <@bram> slack")


def test_a_reminder_goes_to_the_owner_on_the_platform_they_used_last(
    network: Chat, clock: FixedClock
) -> None:
    network.say("anna", "/actie nieuw Logbeleid opstellen <@bram> vrijdag")
    network.say("admin", "/ciso koppel <@bram> slack:sl-bram")
    network.say("sl-bram", "/actie", platform="slack")
    clock.advance(timedelta(days=7))
    sent = network.core.tick()
    reminders = [r for r in sent if r.key is not None and r.key.kind == "reminder"]
    assert reminders and all((r.platform, r.user) == ("slack", "sl-bram") for r in reminders)
    assert "Logbeleid opstellen" in everything(reminders)


def test_a_platform_the_install_no_longer_serves_is_not_written_to(
    network: Chat, db: Database
) -> None:
    """Slack and Mattermost once, Slack alone now: a member who used Mattermost last is
    written to on Slack, where they still have an account."""
    network.say("admin", "/ciso koppel <@bram> slack:sl-bram")
    network.say("admin", "/ciso koppel <@bram> mattermost:mm-bram")
    network.say("mm-bram", "/kennis recent", platform="mattermost")
    bram = _member(db, "console", "bram")
    assert bram is not None
    assert bram.address(("slack", "mattermost")) == ("mattermost", "mm-bram")
    assert bram.address(("slack",)) == ("slack", "sl-bram")
    assert bram.address(()) == ("mattermost", "mm-bram")  # the console, tests: as stored
    network.core.settings = replace(network.core.settings, platforms=("slack",))
    replies = network.say("anna", "/actie nieuw Logbeleid opstellen <@bram> vrijdag")
    (to_bram,) = [r for r in replies if r.visibility is Visibility.DIRECT]
    assert (to_bram.platform, to_bram.user) == ("slack", "sl-bram")
    # Linking an account on a platform the install does not serve tells nobody there.
    told = network.say("admin", "/ciso koppel <@carla> mattermost:mm-carla")
    assert [r.visibility for r in told] == [Visibility.EPHEMERAL]
    assert "console:carla, mattermost:mm-carla" in told[0].text
