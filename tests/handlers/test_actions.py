"""`/actie` conversations: creating with Dutch deadlines, changing, permissions, files."""

from __future__ import annotations

from bot.clock import FixedClock
from handlers.messages import Reply, Visibility
from storage import reminders
from storage.db import Database
from tests.conftest import Chat, everything

# The fixed clock stands at Saturday 28 November 2026, 10:00 in Amsterdam.


def _pending(db: Database) -> list[tuple[int, str, str]]:
    with db.read() as session:
        return [(r.action_id, r.kind, r.due_at.isoformat()) for r in reminders.planned(session)]


def test_creating_states_the_understood_date_in_words(network: Chat) -> None:
    replies = network.say("anna", "/actie nieuw Logbeleid opstellen <@bram> eind Q1")
    said = replies[0].text
    assert "Actie **#1** staat: Logbeleid opstellen. Eigenaar bram" in said
    assert "termijn **woensdag 31 maart 2027**" in said
    assert "Herinneringen op: 24 maart 2027, 30 maart 2027, 31 maart 2027." in said
    (dm,) = [r for r in replies if r.visibility is Visibility.DIRECT]
    assert dm.user == "bram" and "anna heeft actie #1 aan je toegewezen" in dm.text
    assert [b.action_id for b in dm.buttons] == ["actie.done", "actie.postpone_week",
                                                "actie.update_prompt"]  # fmt: skip


def test_dutch_deadlines_from_the_command(network: Chat) -> None:
    for phrase, expected in (
        ("vrijdag", "vrijdag 4 december 2026"),
        ("volgende week dinsdag", "dinsdag 1 december 2026"),
        ("over 10 werkdagen", "vrijdag 11 december 2026"),
        ("15-3", "maandag 15 maart 2027"),
        ("tweede kwartaal", "woensdag 30 juni 2027"),
        ("vanaf heden – eerste kwartaal", "woensdag 31 maart 2027"),
    ):
        said = network.text("anna", f"/actie nieuw Iets doen <@ik> {phrase}")
        assert f"termijn **{expected}**" in said, (phrase, said)


def test_past_vague_or_unknown_deadlines_create_nothing(network: Chat, db: Database) -> None:
    cases = {
        "1 januari 2026": "ligt niet in de toekomst",
        "april": "Wanneer in april precies?",
        "volgende week": "te vaag",
        "vrijdag 15 maart": "het is maandag 15 maart 2027",
        "als het uitkomt": "begrijp ik niet als termijn",
        "": "Welke termijn?",
    }
    for phrase, answer in cases.items():
        assert answer in network.text("anna", f"/actie nieuw Iets <@bram> {phrase}"), phrase
    assert "geen open acties" in network.text("anna", "/actie lijst alle")
    assert _pending(db) == []


def test_owner_must_be_a_member_and_the_title_is_needed(network: Chat) -> None:
    assert "geen (actief) lid" in network.text("anna", "/actie nieuw Iets <@nobody> vrijdag")
    assert "Gebruik: `/actie nieuw" in network.text("anna", "/actie nieuw <@bram> vrijdag")
    assert "Gebruik: `/actie nieuw" in network.text("anna", "/actie nieuw Iets zonder eigenaar")
    assert "geen lid" in network.text("stranger", "/actie nieuw Iets <@bram> vrijdag")


def test_an_action_links_to_a_bottleneck_the_creator_may_see(network: Chat) -> None:
    network.say("dirk", "/knelpunt meld Intern knelpunt TLP:AMBER+STRICT")
    network.say("bram", "/knelpunt meld Leverancier levert geen logs")
    assert "bestaat niet, of je mag het niet zien" in network.text(
        "carla", "/actie nieuw Iets <@carla> vrijdag knelpunt 1"
    )
    said = network.text("carla", "/actie nieuw Logeis opstellen <@carla> knelpunt 2 eind maart")
    assert "termijn **woensdag 31 maart 2027**" in said
    assert "Knelpunt: #2 Leverancier levert geen logs" in network.text("carla", "/actie toon 1")
    shown = network.text("bram", "/knelpunt toon 2")
    assert "**Acties**" in shown and "#1 Logeis opstellen — carla (Delft)" in shown


def test_lists_mine_all_overdue_and_someone(network: Chat, clock) -> None:
    network.say("anna", "/actie nieuw Eerste <@bram> vrijdag")
    network.say("anna", "/actie nieuw Tweede <@carla> eind maart")
    assert "#1 Eerste" in network.text("bram", "/actie") and "Tweede" not in network.text(
        "bram", "/actie"
    )
    everyone = network.text("dirk", "/actie lijst alle")
    assert everyone.index("#1 Eerste") < everyone.index("#2 Tweede")
    assert "Geen enkele actie is te laat" in network.text("dirk", "/actie lijst te-laat")
    assert "**Open acties van carla** (1)" in network.text("dirk", "/actie lijst <@carla>")
    clock.set(clock.now().replace(day=8, month=12))
    late = network.text("dirk", "/actie lijst te-laat")
    assert "#1 Eerste" in late and "4 dagen te laat" in late and "Tweede" not in late
    assert "begrijp ik niet" in network.text("dirk", "/actie lijst bla")


def test_only_owner_creator_werkgroep_and_beheerder_may_change(network: Chat) -> None:
    network.say("bram", "/actie nieuw Back-uptest <@carla> vrijdag")
    refused = network.text("dirk", "/actie klaar 1")
    assert "Alleen de eigenaar, wie de actie maakte, de werkgroep of een beheerder" in refused
    assert "Voortgang" in network.text("carla", "/actie update 1 Testplan klaar")
    assert "Voortgang" in network.text("bram", "/actie update 1 Leverancier gebeld")
    assert "Voortgang" in network.text("anna", "/actie update 1 Werkgroep is ingelicht")
    assert "is afgerond" in network.text("admin", "/actie klaar 1")
    assert "niet (meer) open" in network.text("carla", "/actie klaar 1")


def test_postponing_needs_a_reason_and_replans_the_reminders(network: Chat, db: Database) -> None:
    network.say("anna", "/actie nieuw Awareness <@bram> 15 maart")
    before = _pending(db)
    assert [kind for _a, kind, _d in before] == ["before_7", "before_1", "due"]
    asked = network.text("bram", "/actie uitstel 1 eind april")
    assert "Waarom schuift actie #1 op naar vrijdag 30 april 2027?" in asked
    assert _pending(db) == before  # nothing changed yet
    said = network.text("bram", "/actie uitstel 1 eind april — leverancier levert later")
    assert "termijn **vrijdag 30 april 2027**" in said
    after = _pending(db)
    assert after != before and [d[:10] for _a, _k, d in after] == [
        "2027-04-23", "2027-04-29", "2027-04-30"
    ]  # fmt: skip
    shown = network.text("carla", "/actie toon 1")
    assert "uitgesteld van maandag 15 maart 2027 naar vrijdag 30 april 2027" in shown
    assert "leverancier levert later" in shown
    assert "heeft die termijn al" in network.text("bram", "/actie uitstel 1 30-4 — nogmaals")


def test_done_and_delete_cancel_the_reminders(network: Chat, db: Database) -> None:
    network.say("anna", "/actie nieuw Een <@bram> eind maart")
    network.say("anna", "/actie nieuw Twee <@bram> eind april")
    network.say("bram", "/actie klaar 1")
    network.say("anna", "/actie verwijder 2")
    assert _pending(db) == []
    assert "bestaat niet (meer)" in network.text("anna", "/actie toon 2")
    assert "weer open" in network.text("bram", "/actie heropen 1")
    assert len(_pending(db)) == 3


def test_a_new_owner_gets_the_reminders_and_a_dm(network: Chat, db: Database) -> None:
    network.say("anna", "/actie nieuw Een <@bram> eind maart")
    replies = network.say("anna", "/actie eigenaar 1 <@carla>")
    assert "staat nu op naam van carla" in replies[0].text
    assert any(r.user == "carla" for r in replies if r.visibility is Visibility.DIRECT)
    with db.read() as session:
        recipients = {r.recipient_id for r in reminders.planned(session)}
    assert len(recipients) == 1
    assert "is al eigenaar" in network.text("anna", "/actie eigenaar 1 <@carla>")
    assert "#1 Een" in network.text("carla", "/actie")


def test_reminder_buttons_finish_or_ask_for_what_is_needed(network: Chat) -> None:
    network.say("anna", "/actie nieuw Een <@bram> vrijdag")
    week = everything(network.press("bram", "actie.postpone_week", "1"))
    assert "Een week uitstel, tot vrijdag 11 december 2026?" in week
    assert "`/actie uitstel 1 2026-12-11 — <reden>`" in week
    assert "`/actie update 1 <voortgang>`" in everything(
        network.press("bram", "actie.update_prompt", "1")
    )
    assert "is afgerond" in everything(network.press("bram", "actie.done", "1"))
    assert "Alleen de eigenaar" in everything(network.press("carla", "actie.postpone_week", "1"))


def test_ical_holds_my_open_actions(network: Chat) -> None:
    network.say("anna", "/actie nieuw Logbeleid <@bram> eind Q1")
    network.say("anna", "/actie nieuw Ander <@carla> eind Q1")
    (reply,) = network.say("bram", "/actie ical")
    assert reply.visibility is Visibility.DIRECT and reply.files[0].name == "acties.ics"
    text = reply.files[0].content
    assert "BEGIN:VCALENDAR" in text and "DTSTART;VALUE=DATE:20270331" in text
    assert "SUMMARY:Termijn actie #1: Logbeleid" in text and "Ander" not in text
    assert "UID:actie-1@" in text and "@ciso-netwerk" not in text  # unique per install
    assert "geen open acties" in network.text("dirk", "/actie ical")


def test_hostile_text_gets_a_clear_message(network: Chat) -> None:
    for line in (
        "/actie toon twaalf",
        "/actie toon 999",
        "/actie nieuw " + "x" * 40_000 + " <@bram> vrijdag",
        "/actie nieuw Iets <@bram> '; DROP TABLE actions;--",
        "/actie flapdrol",
        "/actie uitstel 1",
    ):
        said = network.text("anna", line)
        assert said.strip() and "er ging iets mis" not in said, line


def test_an_action_on_a_merged_bottleneck_links_to_the_kept_one(network: Chat) -> None:
    network.say("bram", "/knelpunt meld MFA bij leveranciers ontbreekt")
    network.say("carla", "/knelpunt meld Leveranciers zonder tweefactor")
    network.say("anna", "/knelpunt samenvoegen 2 naar 1")
    network.say("anna", "/actie nieuw Eis opstellen <@bram> eind maart knelpunt 2")
    assert "Knelpunt: #1 MFA bij leveranciers ontbreekt" in network.text("bram", "/actie toon 1")


def test_a_deadline_on_a_day_off_is_kept_said_and_movable(network: Chat) -> None:
    replies = network.say("anna", "/actie nieuw Logbeleid <@bram> 25 december")
    said = replies[0].text
    assert "termijn **vrijdag 25 december 2026**" in said
    assert "een feestdag (Eerste kerstdag)" in said and "donderdag 24 december 2026" in said
    move = next(b for b in replies[0].buttons if b.action_id == "actie.workday_before")
    assert move.label == "Naar 24 december 2026"
    moved = network.press("anna", move.action_id, move.value)
    assert "donderdag 24 december 2026" in moved[0].text
    assert "verschoven naar de werkdag ervoor" in network.text("anna", "/actie toon 1")
    weekend = network.say("anna", "/actie nieuw Back-up testen <@bram> zaterdag")
    assert "een weekenddag" in weekend[0].text
    forged = network.press("anna", "actie.workday_before", "2|2026-12-01")
    assert "heeft die termijn al" in forged[0].text


def test_a_deadline_on_a_working_day_gets_no_note(network: Chat) -> None:
    replies = network.say("anna", "/actie nieuw Logbeleid <@bram> vrijdag")
    assert "Let op" not in replies[0].text
    assert [b.action_id for b in replies[0].buttons] == ["actie.show"]


def test_a_deadline_on_the_installs_own_day_off_says_so_in_words(db: Database) -> None:
    from datetime import date

    from bot.app import build_router
    from bot.clock import FixedClock
    from handlers.context import CoreSettings
    from handlers.core import Core
    from handlers.workdays import WorkCalendar
    from tests.conftest import NOW

    calendar = WorkCalendar(extra=frozenset({date(2026, 12, 8)}))
    settings = CoreSettings(admins=frozenset({"admin"}), work_calendar=calendar)
    chat = Chat(Core(build_router(), db, FixedClock(NOW), settings))
    chat.say("admin", "/ciso lid <@anna> Den Haag ciso werkgroep")
    said = chat.text("anna", "/actie nieuw Logbeleid <@anna> 8 december")
    assert "een vrije dag van de organisatie" in said and "maandag 7 december 2026" in said


def _dms_to(replies: list[Reply], user: str) -> list[str]:
    return [r.text for r in replies if r.visibility is Visibility.DIRECT and r.user == user]


def test_the_owner_hears_when_someone_else_changes_their_action(network: Chat) -> None:
    network.say("anna", "/actie nieuw Logbeleid <@bram> eind maart")
    (moved,) = _dms_to(network.say("anna", "/actie uitstel 1 eind april — wacht op IBD"), "bram")
    assert "anna heeft de termijn van je actie #1 (Logbeleid) verschoven naar" in moved
    assert "30 april 2027" in moved and "Reden: wacht op IBD" in moved
    assert _dms_to(network.say("bram", "/actie update 1 Eerste versie klaar"), "bram") == []
    (done,) = _dms_to(network.say("anna", "/actie klaar 1"), "bram")
    assert "anna heeft je actie #1 (Logbeleid) afgerond" in done
    (reopened,) = _dms_to(network.say("anna", "/actie heropen 1"), "bram")
    assert "anna heeft je actie #1 (Logbeleid) heropend" in reopened
    handed = network.say("anna", "/actie eigenaar 1 <@carla>")
    (old_owner,) = _dms_to(handed, "bram")
    assert "overgedragen aan carla" in old_owner and _dms_to(handed, "carla")
    (deleted,) = _dms_to(network.say("anna", "/actie verwijder 1"), "carla")
    assert "anna heeft je actie #1 (Logbeleid) verwijderd" in deleted
    # What the owner does themselves needs no DM.
    network.say("carla", "/actie nieuw Eigen <@ik> eind maart")
    assert _dms_to(network.say("carla", "/actie klaar 2"), "carla") == []


def test_reopening_by_the_werkgroep_any_time_by_the_owner_within_a_week(
    network: Chat, clock: FixedClock, db: Database
) -> None:
    from datetime import timedelta

    network.say("anna", "/actie nieuw Logbeleid <@bram> vrijdag 4 december")
    network.say("anna", "/actie nieuw Pentest <@bram> vrijdag 4 december")
    network.say("bram", "/actie klaar 1")
    network.say("bram", "/actie klaar 2")
    clock.advance(timedelta(days=3))
    assert "weer open" in network.text("bram", "/actie heropen 1")  # within the week
    clock.advance(timedelta(days=7))  # the deadline and the week have passed
    refused = network.text("bram", "/actie heropen 2")
    assert "alleen de werkgroep" in refused
    reopened = network.text("anna", "/actie heropen 2")  # a "done" by mistake, long after
    assert "weer open" in reopened and "al voorbij" in reopened
    kinds = {(a, k) for a, k, _due in _pending(db)}
    assert (2, "overdue") in kinds  # back in the overdue rhythm
