"""`/ciso`: members, roles, organisations and personal settings."""

from __future__ import annotations

from sqlalchemy import select

from storage.db import Database
from storage.models import AuditEntry
from tests.conftest import Chat


def test_help_lists_the_commands_in_dutch(chat: Chat) -> None:
    text = chat.text("someone", "/ciso help")
    assert "/kennis zoek" in text and "/ciso lid" in text


def test_admin_adds_a_member_whose_municipality_has_spaces(chat: Chat) -> None:
    reply = chat.text("admin", "/ciso lid <@anna|Anna de Vries> Den Haag ciso werkgroep")
    assert reply == "Anna de Vries is toegevoegd: Den Haag, rollen ciso, werkgroep."
    me = chat.text("anna", "/ciso ik")
    assert "Den Haag" in me and "ciso, werkgroep" in me


def test_municipality_names_match_loosely_and_unknown_ones_get_suggestions(chat: Chat) -> None:
    assert "Alphen aan den Rijn" in chat.text("admin", "/ciso lid <@k> alphen AAN den rijn ciso")
    reply = chat.text("admin", "/ciso lid <@x> Leidn ciso")
    assert "Leiden" in reply and "Leidn" in reply


def test_english_role_aliases_are_understood(chat: Chat) -> None:
    assert "adviseur" in chat.text("admin", "/ciso lid <@w> Delft advisor")


def test_adding_a_member_needs_a_role_and_a_mention(chat: Chat) -> None:
    assert "rol" in chat.text("admin", "/ciso lid <@x> Den Haag")
    assert "Gebruik" in chat.text("admin", "/ciso lid Den Haag ciso")


def test_only_a_beheerder_may_add_members(network: Chat, db: Database) -> None:
    reply = network.text("bram", "/ciso lid <@eve> Delft ciso")
    assert reply == "Dat mag alleen met de rol beheerder."
    assert "eve" not in network.text("bram", "/ciso leden")


def test_members_list_groups_by_organisation(network: Chat) -> None:
    text = network.text("bram", "/ciso leden")
    assert "**Den Haag**" in text and "anna — ciso, werkgroep" in text


def test_a_non_member_gets_a_friendly_explanation(network: Chat) -> None:
    assert "geen lid" in network.text("stranger", "/ciso leden")
    assert "geen lid" in network.text("stranger", "/ciso ik")


def test_removed_member_loses_access(network: Chat) -> None:
    assert "geen toegang meer" in network.text("admin", "/ciso verwijder <@bram>")
    assert "geen lid" in network.text("bram", "/ciso leden")
    assert "geen (actief) lid" in network.text("admin", "/ciso verwijder <@bram>")


def test_member_changes_language_and_gets_english_replies(network: Chat) -> None:
    assert network.text("bram", "/ciso instellingen taal en") == "Your language is now English."
    assert "What I know about you" in network.text("bram", "/ciso ik")
    assert "don't know that language" in network.text("bram", "/ciso instellingen taal xx")


def test_member_sets_a_valid_time_zone_only(network: Chat) -> None:
    assert "Europe/London" in network.text("bram", "/ciso instellingen tijdzone Europe/London")
    assert "geen tijdzone" in network.text("bram", "/ciso instellingen tijdzone ../../etc/passwd")


def test_admin_adds_an_organisation(network: Chat) -> None:
    assert "toegevoegd" in network.text(
        "admin", "/ciso organisatie nieuw Belastingsamenwerking partner"
    )
    assert "bestaat al" in network.text("admin", "/ciso organisatie nieuw Den Haag")
    assert "Belastingsamenwerking" in network.text("bram", "/ciso organisaties")


def test_every_member_change_is_in_the_audit_log(network: Chat, db: Database) -> None:
    network.say("admin", "/ciso verwijder <@bram>")
    with db.read() as session:
        actions = [e.action for e in session.scalars(select(AuditEntry))]
    assert actions.count("member.added") == 5
    assert "member.removed" in actions
    assert "member.admin_from_config" in actions
