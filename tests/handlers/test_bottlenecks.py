"""`/knelpunt` conversations with CISOs of several municipalities and the werkgroep."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.app import build_router
from bot.clock import FixedClock
from handlers.context import CoreSettings
from handlers.core import Core
from handlers.messages import Reply, Visibility
from storage.db import Database
from tests.conftest import AMSTERDAM, Chat, everything


def _chat(db: Database, clock: FixedClock, **settings: object) -> Chat:
    chosen = CoreSettings(admins=frozenset({"admin"}), **settings)  # type: ignore[arg-type]
    chat = Chat(Core(build_router(), db, clock, chosen))
    chat.say("admin", "/ciso lid <@anna> Den Haag ciso werkgroep")
    chat.say("admin", "/ciso lid <@dirk> Den Haag ciso")
    chat.say("admin", "/ciso lid <@bram> Leiden ciso")
    chat.say("admin", "/ciso lid <@lotte> Leiden ciso")
    chat.say("admin", "/ciso lid <@carla> Delft ciso")
    chat.say("admin", "/ciso lid <@wim> Westland ciso werkgroep")
    chat.say("admin", "/ciso lid <@mayor> Zoetermeer portefeuillehouder")
    chat.say("admin", "/ciso lid <@pieter> Politie eenheid Den Haag partner")
    return chat


@pytest.fixture
def net(db: Database, clock: FixedClock) -> Chat:
    return _chat(db, clock, network_channel="netwerk", workgroup_channel="werkgroep")


def _to(replies: list[Reply], visibility: Visibility) -> list[Reply]:
    return [r for r in replies if r.visibility is visibility]


def _dm_users(replies: list[Reply]) -> set[str | None]:
    return {r.user for r in _to(replies, Visibility.DIRECT)}


def test_reporting_records_it_and_announces_it_with_a_recognise_button(net: Chat) -> None:
    replies = net.say(
        "bram",
        "/knelpunt meld Leverancier levert geen auditlogs — Sinds de update ontbreken de "
        "logs van het zaaksysteem. #leveranciers",
    )
    assert "Knelpunt **#1** is gemeld" in replies[0].text
    (post,) = _to(replies, Visibility.CHANNEL)
    assert post.channel == "netwerk"
    assert "🆕 nieuw" in everything([post]) and "#leveranciers" in everything([post])
    assert post.all_buttons()[0].label == "Herkennen wij ook"
    shown = net.text("carla", "/knelpunt toon 1")
    assert "Sinds de update ontbreken" in shown and "Gemeld door: bram (Leiden)" in shown
    assert "Herkend door: 1 gemeente: Leiden" in shown


def test_amber_bottleneck_is_never_announced_in_a_channel(net: Chat) -> None:
    replies = net.say("bram", "/knelpunt meld Budget voor SOC ontbreekt TLP:AMBER")
    assert "TLP:AMBER" in replies[0].text
    assert _to(replies, Visibility.CHANNEL) == []


def test_red_is_refused_and_nothing_is_stored(net: Chat) -> None:
    said = net.text("bram", "/knelpunt meld Geheim probleem TLP:RED")
    assert "TLP:RED kan niet" in said
    assert "geen open knelpunten" in net.text("bram", "/knelpunt")


def test_similar_bottlenecks_are_offered_before_a_new_one(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Auditlogs van het zaaksysteem ontbreken")
    replies = net.say("carla", "/knelpunt meld Zaaksysteem levert geen auditlog meer")
    said = everything(replies)
    assert "lijkt het op een van deze" in said and "#1 Auditlogs" in said
    actions = {(b.action_id, b.value) for b in replies[0].all_buttons()}
    draft = next(v for a, v in actions if a == "knelpunt.report")
    assert ("knelpunt.support_instead", f"1|{draft}") in actions
    assert "geen open" not in net.text("carla", "/knelpunt") and "(1)" in net.text(
        "carla", "/knelpunt"
    )
    # Reporting anyway creates it; pressing again changes nothing.
    assert "Knelpunt **#2** is gemeld" in everything(net.press("carla", "knelpunt.report", draft))
    assert "al verwerkt" in everything(net.press("carla", "knelpunt.report", draft))
    assert "(2)" in net.text("carla", "/knelpunt")


def test_supporting_a_similar_one_instead_keeps_the_report_as_a_note(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Auditlogs van het zaaksysteem ontbreken")
    replies = net.say(
        "carla", "/knelpunt meld Zaaksysteem levert geen auditlog meer — sinds versie 9"
    )
    (button,) = [b for b in replies[0].all_buttons() if b.action_id == "knelpunt.support_instead"]
    said = everything(net.press("carla", button.action_id, button.value))
    assert "Delft herkent knelpunt **#1**" in said and "Nu 2 gemeenten" in said
    shown = net.text("bram", "/knelpunt toon 1")
    assert "Zaaksysteem levert geen auditlog meer — sinds versie 9 — _carla (Delft)_" in shown
    draft = button.value.split("|")[1]
    assert "al verwerkt" in everything(net.press("carla", "knelpunt.report", draft))
    assert "(1)" in net.text("carla", "/knelpunt")


def test_someone_elses_draft_cannot_be_reported_or_cancelled(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Auditlogs van het zaaksysteem ontbreken")
    replies = net.say("carla", "/knelpunt meld Zaaksysteem levert geen auditlog meer")
    draft = next(b.value for b in replies[0].all_buttons() if b.action_id == "knelpunt.discard")
    assert "al verwerkt" in everything(net.press("dirk", "knelpunt.report", draft))
    assert "niet gemeld" in everything(net.press("carla", "knelpunt.discard", draft))
    assert "(1)" in net.text("carla", "/knelpunt")


def test_support_counts_municipalities_not_people(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Phishingfilter mist QR-codes")
    assert "Nu 2 gemeenten" in net.text("carla", "/knelpunt steun 1 Bij ons ook")
    said = net.text("lotte", "/knelpunt steun 1 Wij zagen het in mei")
    assert "Leiden telde al mee" in said and "blijft 2 gemeenten" in said
    said = net.text("carla", "/knelpunt steun 1")
    assert "al; er is niets veranderd" in said and "Nu 2 gemeenten" in said
    shown = net.text("dirk", "/knelpunt toon 1")
    assert "Bij ons ook — _carla (Delft)_" in shown and "Wij zagen het in mei" in shown
    net.press("pieter", "knelpunt.support", "1")
    shown = net.text("dirk", "/knelpunt toon 1")
    assert "2 gemeenten" in shown and "Ook herkend door partners: Politie eenheid Den Haag" in shown


def test_withdrawing_support_and_withdrawing_twice(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Phishingfilter mist QR-codes")
    net.say("carla", "/knelpunt steun 1")
    assert "ingetrokken. Nu 1 gemeente" in net.text("carla", "/knelpunt intrekken 1")
    assert "steunde knelpunt #1 niet" in net.text("carla", "/knelpunt intrekken 1")


def test_the_list_ranks_by_municipalities_and_filters_by_theme(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Eén gemeente herkent dit #cloud")
    net.say("bram", "/knelpunt meld Drie gemeenten herkennen dit #cloud")
    net.say("bram", "/knelpunt meld Een ander thema #budget")
    net.say("carla", "/knelpunt steun 2")
    net.say("dirk", "/knelpunt steun 2")
    listed = net.text("mayor", "/knelpunt lijst")
    assert listed.index("#2 Drie") < listed.index("#1 Eén")
    cloud = net.text("mayor", "/knelpunt lijst thema:cloud")
    assert "#budget" not in cloud and "(2)" in cloud
    assert "#cloud (2)" in net.text("mayor", "/knelpunt themas")
    assert "begrijp ik niet" in net.text("mayor", "/knelpunt lijst bla")


def test_the_list_pages_with_a_more_button(net: Chat) -> None:
    for n in range(12):
        net.say("bram", f"/knelpunt meld Onderwerp{n} x{n}")
    first = net.say("carla", "/knelpunt")
    (more,) = [b for b in first[0].all_buttons() if b.action_id == "knelpunt.more"]
    second = everything(net.press("carla", "knelpunt.more", more.value))
    assert second.count("Onderwerp") == 2 and "Meer resultaten" not in second


def test_only_werkgroep_and_beheerder_change_status(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Een knelpunt")
    assert "alleen met de rol werkgroep, beheerder" in net.text(
        "bram", "/knelpunt status 1 in-behandeling"
    )
    assert "nu 🔧 in behandeling" in net.text("admin", "/knelpunt status 1 in behandeling")


def test_transitions_are_enforced_with_a_clear_message(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Een knelpunt")
    said = net.text("anna", "/knelpunt status 1 beantwoord — te vroeg")
    assert "kan niet van “nieuw” naar “beantwoord”" in said
    assert "afgewezen, in-behandeling" in said
    assert "🆕 nieuw" in net.text("anna", "/knelpunt toon 1")


def test_a_misspelt_status_gets_the_closest_suggestion(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Een knelpunt")
    assert "Bedoel je `geescaleerd`?" in net.text("anna", "/knelpunt status 1 geescalerd")
    assert "Bedoel je `opgelost`?" in net.text("anna", "/knelpunt status 1 opgelots")
    assert "is geen status" in net.text("anna", "/knelpunt status 1 xyzzy")


def test_escalating_needs_a_known_body_and_records_it_all(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Een knelpunt")
    net.say("carla", "/knelpunt steun 1")
    net.say("anna", "/knelpunt status 1 in-behandeling")
    assert "Naar welke instantie" in net.text("anna", "/knelpunt status 1 geescaleerd")
    said = net.text("anna", "/knelpunt status 1 geescaleerd naar IBF")
    assert "Bedoel je IBD?" in said
    replies = net.say(
        "anna",
        "/knelpunt status 1 geescaleerd naar ibd kenmerk IBD-2026-113 verwacht 4 weken "
        "— landelijk oppakken",
    )
    assert "Antwoord van IBD verwacht uiterlijk 26 december 2026" in replies[0].text
    assert _dm_users(replies) == {"bram", "carla"}  # reporter and supporter, not anna herself
    dm = everything(_to(replies, Visibility.DIRECT)[:1])
    assert "geëscaleerd" in dm and "landelijk oppakken" in dm
    shown = net.text("dirk", "/knelpunt toon 1")
    assert "Geëscaleerd: naar IBD op 28 november 2026" in shown
    assert "Kenmerk: IBD-2026-113" in shown
    assert "anna: in behandeling → geëscaleerd (naar IBD, kenmerk IBD-2026-113)" in shown


def test_escalating_defaults_to_six_weeks_and_refuses_a_date_in_the_past(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Een knelpunt")
    net.say("anna", "/knelpunt status 1 in-behandeling")
    assert "ligt niet in de toekomst" in net.text(
        "anna", "/knelpunt status 1 geescaleerd naar VNG verwacht 2026-01-01"
    )
    assert "te vaag voor een termijn" in net.text(
        "anna", "/knelpunt status 1 geescaleerd naar VNG verwacht ooit"
    )
    assert "in behandeling" in net.text("anna", "/knelpunt toon 1")
    said = net.text("anna", "/knelpunt status 1 geescaleerd naar VNG")
    assert "uiterlijk 9 januari 2027" in said


def test_rejecting_needs_a_reason_and_reopening_needs_the_werkgroep(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Een knelpunt")
    assert "korte reden" in net.text("anna", "/knelpunt status 1 afgewezen")
    assert "nu ⛔ afgewezen" in net.text("anna", "/knelpunt status 1 afgewezen — dubbel")
    assert "alleen met de rol werkgroep" in net.text("admin", "/knelpunt heropen 1")
    assert "nu 🔧 in behandeling" in net.text("anna", "/knelpunt heropen 1 — toch niet dubbel")
    assert "heropend (afgewezen → in behandeling)" in net.text("anna", "/knelpunt toon 1")


def test_threshold_tells_the_werkgroep_channel_once(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Geen budget voor SOC-dienstverlening")
    assert _to(net.say("carla", "/knelpunt steun 1"), Visibility.CHANNEL) == []
    (notice,) = _to(net.say("dirk", "/knelpunt steun 1"), Visibility.CHANNEL)
    assert notice.channel == "werkgroep" and "klaar om te escaleren" in notice.text
    assert "Den Haag" in everything([notice])
    net.say("dirk", "/knelpunt intrekken 1")
    assert _to(net.say("anna", "/knelpunt steun 1"), Visibility.CHANNEL) == []


def test_amber_threshold_notice_in_the_channel_carries_no_content(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Geheim SOC-probleem bij leverancier TLP:AMBER")
    net.say("carla", "/knelpunt steun 1")
    (notice,) = _to(net.say("dirk", "/knelpunt steun 1"), Visibility.CHANNEL)
    assert "Knelpunt #1 (TLP:AMBER)" in notice.text
    assert "SOC" not in everything([notice]) and notice.tlp is None


def test_without_a_werkgroep_channel_its_members_get_a_dm(db: Database, clock: FixedClock) -> None:
    chat = _chat(db, clock, escalation_threshold=2)
    chat.say("bram", "/knelpunt meld Een knelpunt")
    replies = chat.say("carla", "/knelpunt steun 1")
    assert _dm_users(replies) == {"anna", "wim"}
    assert all("klaar om te escaleren" in r.text for r in _to(replies, Visibility.DIRECT))


def test_amber_strict_threshold_dm_leaves_out_content_for_other_municipalities(
    db: Database, clock: FixedClock
) -> None:
    chat = _chat(db, clock, escalation_threshold=1)
    replies = chat.say("dirk", "/knelpunt meld Intern incident Den Haag TLP:AMBER+STRICT")
    dms = {r.user: r for r in _to(replies, Visibility.DIRECT)}
    assert "Intern incident" in everything([dms["anna"]])  # Den Haag
    assert "Intern incident" not in everything([dms["wim"]])  # Westland
    assert "Knelpunt #1 (TLP:AMBER+STRICT)" in dms["wim"].text


def test_an_answer_reaches_every_ciso_of_every_supporting_municipality(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Een knelpunt")
    net.say("carla", "/knelpunt steun 1")
    net.say("anna", "/knelpunt status 1 in-behandeling")
    assert "Wat is het antwoord?" in net.text("anna", "/knelpunt antwoord 1")
    assert "kan niet van “in behandeling” naar “beantwoord”" in net.text(
        "anna", "/knelpunt antwoord 1 Te vroeg"
    )
    net.say("anna", "/knelpunt status 1 geescaleerd naar NCSC")
    replies = net.say("anna", "/knelpunt antwoord 1 Het NCSC neemt het op in de handreiking.")
    # bram reported it, lotte is the other Leiden CISO, carla supports for Delft.
    assert _dm_users(replies) == {"bram", "lotte", "carla"}
    assert all("neemt het op" in r.text for r in _to(replies, Visibility.DIRECT))
    shown = net.text("mayor", "/knelpunt toon 1")
    assert "Antwoord: Het NCSC neemt het op in de handreiking." in shown


def test_dms_are_written_in_each_readers_language(net: Chat) -> None:
    net.say("carla", "/ciso instellingen taal en")
    net.say("bram", "/knelpunt meld Een knelpunt")
    net.say("carla", "/knelpunt steun 1")
    replies = net.say("anna", "/knelpunt status 1 in-behandeling")
    dms = {r.user: r.text for r in _to(replies, Visibility.DIRECT)}
    assert "it is now 🔧 in progress" in dms["carla"]
    assert "het is nu 🔧 in behandeling" in dms["bram"]


def test_merge_moves_support_and_the_old_number_leads_to_the_kept_one(net: Chat) -> None:
    net.say("bram", "/knelpunt meld MFA bij leveranciers ontbreekt")
    net.say("carla", "/knelpunt meld Leveranciers zonder tweefactor")
    net.say("dirk", "/knelpunt steun 2 Ook bij Den Haag")
    assert "alleen met de rol werkgroep" in net.text("bram", "/knelpunt samenvoegen 2 naar 1")
    assert "met zichzelf" in net.text("anna", "/knelpunt samenvoegen 1 naar 1")
    replies = net.say("anna", "/knelpunt samenvoegen 2 naar 1")
    assert "Nu 3 gemeenten" in replies[0].text
    assert {"carla", "dirk"} <= _dm_users(replies)
    assert any(r.channel == "werkgroep" for r in replies)  # threshold reached by the merge
    shown = net.text("bram", "/knelpunt toon 2")
    assert "samengevoegd met #1" in shown and "Ook bij Den Haag" in shown
    assert "al; er is niets veranderd" in net.text("carla", "/knelpunt steun 2")
    assert "(1)" in net.text("bram", "/knelpunt")


def test_linking_knowledge_shows_it_and_respects_tlp(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Een knelpunt")
    net.say("dirk", "/kennis deel Handreiking logging leveranciers TLP:AMBER+STRICT")
    net.say("bram", "/kennis deel Checklist auditlogs")
    assert (
        "alleen wie knelpunt #1 meldde" in net.text("carla", "/knelpunt koppel 1 kennis 2").lower()
    )
    assert "is gekoppeld" in net.text("bram", "/knelpunt koppel 1 kennis 2")
    assert "was al gekoppeld" in net.text("bram", "/knelpunt koppel 1 kennis 2")
    assert "bestaat niet, of je mag het niet zien" in net.text("bram", "/knelpunt koppel 1 1")
    assert "is gekoppeld" in net.text("anna", "/knelpunt koppel 1 1")
    assert "Handreiking logging" in net.text("dirk", "/knelpunt toon 1")
    carla_sees = net.text("carla", "/knelpunt toon 1")
    assert "Handreiking logging" not in carla_sees and "Checklist auditlogs" in carla_sees
    assert "(1 gekoppeld item voor jou afgeschermd)" in carla_sees
    assert "losgekoppeld" in net.text("bram", "/knelpunt ontkoppel 1 kennis 2")


def test_notes_need_your_municipality_to_support(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Een knelpunt")
    assert "kan alleen als jouw gemeente" in net.text("carla", "/knelpunt notitie 1 hoi")
    assert "is toegevoegd" in net.text("lotte", "/knelpunt notitie 1 Ook in Leiden gezien")
    assert "Ook in Leiden gezien" in net.text("carla", "/knelpunt toon 1")


def test_guests_and_members_without_a_municipality_are_refused(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Een knelpunt")
    assert "geen lid" in net.text("stranger", "/knelpunt meld Iets")
    assert "bestaat niet, of je mag het niet zien" in net.text("stranger", "/knelpunt toon 1")
    # The configured administrator has no municipality of their own.
    assert "nog niet aan een gemeente" in net.text("admin", "/knelpunt steun 1")


def test_late_national_answer_reminds_the_werkgroep_once_then_weekly(
    net: Chat, clock: FixedClock
) -> None:
    net.say("bram", "/knelpunt meld Een knelpunt")
    net.say("anna", "/knelpunt status 1 in-behandeling")
    net.say("anna", "/knelpunt status 1 geescaleerd naar VNG kenmerk VNG-7 verwacht 2 weken")
    # Due Saturday 12 December 2026: the first working morning after is Monday the 14th.
    core = net.core
    clock.set(datetime(2026, 12, 12, 10, 0, tzinfo=AMSTERDAM))
    assert core.tick() == []
    clock.set(datetime(2026, 12, 13, 10, 0, tzinfo=AMSTERDAM))
    assert core.tick() == []  # Sunday
    clock.set(datetime(2026, 12, 14, 8, 59, tzinfo=AMSTERDAM))
    assert core.tick() == []  # before the reminder hour
    clock.set(datetime(2026, 12, 14, 9, 0, tzinfo=AMSTERDAM))
    (notice,) = core.tick()
    assert notice.channel == "werkgroep" and "VNG-7" in notice.text
    assert "12 december 2026" in notice.text
    clock.advance(timedelta(hours=3))
    assert core.tick() == []
    clock.set(datetime(2026, 12, 21, 9, 0, tzinfo=AMSTERDAM))
    assert len(core.tick()) == 1
    net.say("anna", "/knelpunt antwoord 1 VNG agendeert het in de commissie.")
    clock.set(datetime(2026, 12, 28, 9, 0, tzinfo=AMSTERDAM))
    assert core.tick() == []


def test_decision_asked_is_kept_for_the_dossier(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Een knelpunt")
    assert "alleen met de rol werkgroep" in net.text("bram", "/knelpunt vraag 1 Iets")
    assert "Welk besluit" in net.text("anna", "/knelpunt vraag 1")
    assert "opgeslagen" in net.text("anna", "/knelpunt vraag 1 Stel een landelijke eis op.")
    assert "Gevraagd besluit: Stel een landelijke eis op." in net.text("bram", "/knelpunt toon 1")


def test_unknown_numbers_and_words_get_clear_messages(net: Chat) -> None:
    assert "bestaat niet" in net.text("bram", "/knelpunt toon 99")
    assert "geen knelpuntnummer" in net.text("bram", "/knelpunt steun twaalf")
    assert "ken ik niet" in net.text("bram", "/knelpunt flapdrol")
    assert "te lang" in net.text("bram", "/knelpunt meld " + "x" * 40_000)
    assert "Wat is het knelpunt?" in net.text("bram", "/knelpunt meld TLP:GREEN #thema")
    assert "geen open knelpunten" in net.text("bram", "/knelpunt")


def test_mass_mentions_in_a_report_are_never_posted_live(net: Chat) -> None:
    replies = net.say("bram", "/knelpunt meld Let op <!channel> en @here: logging ontbreekt")
    said = everything(replies)
    assert "<!channel>" not in said and "@here" not in said


def test_no_late_answer_reminder_on_a_public_holiday(net: Chat, clock: FixedClock) -> None:
    net.say("bram", "/knelpunt meld Een knelpunt")
    net.say("anna", "/knelpunt status 1 in-behandeling")
    net.say("anna", "/knelpunt status 1 geescaleerd naar VNG verwacht 20 december")
    clock.set(datetime(2026, 12, 25, 10, 0, tzinfo=AMSTERDAM))  # Eerste kerstdag, a Friday
    assert net.core.tick() == []
    clock.set(datetime(2026, 12, 28, 9, 0, tzinfo=AMSTERDAM))
    assert len([r for r in net.core.tick() if "VNG" in r.text]) == 1


def test_stop_words_do_not_make_an_unrelated_bottleneck_look_similar(net: Chat) -> None:
    net.say("bram", "/knelpunt meld Geen auditlogs voor beheerders bij leverancier")
    replies = net.say("carla", "/knelpunt meld Geen landelijke campagne voor mkb")
    assert "lijkt het op" not in replies[0].text and "is gemeld" in replies[0].text


def test_a_report_in_other_words_of_the_thesaurus_finds_the_similar_bottleneck(net: Chat) -> None:
    net.say("bram", "/knelpunt meld DDoS-aanvallen op gemeentesites zonder landelijke hulp")
    replies = net.say("carla", "/knelpunt meld Overbelastingsaanval op onze site, geen hulp")
    assert "lijkt het op" in replies[0].text
