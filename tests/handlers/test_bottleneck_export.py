"""Exports and the escalation dossier: content, files, and TLP for the audience."""

from __future__ import annotations

import csv
import io

import pytest

from bot.clock import FixedClock
from handlers.messages import Reply, Visibility
from storage.db import Database
from tests.conftest import Chat
from tests.handlers.test_bottlenecks import _chat


@pytest.fixture
def net(db: Database, clock: FixedClock) -> Chat:
    chat = _chat(db, clock, workgroup_channel="werkgroep")
    chat.say(
        "bram", "/knelpunt meld Auditlogs zaaksysteem ontbreken — Na de update geen logs. #logging"
    )
    chat.say("carla", "/knelpunt steun 1 Wij missen ze sinds maart")
    chat.say("dirk", "/knelpunt steun 1")
    chat.say("anna", "/knelpunt status 1 in-behandeling")
    chat.say("anna", "/knelpunt status 1 geescaleerd naar IBD kenmerk IBD-9 — landelijk")
    chat.say("bram", "/knelpunt meld Budget SOC te hoog voor kleine gemeenten TLP:AMBER")
    chat.say("dirk", "/knelpunt meld Interne kwestie Den Haag TLP:AMBER+STRICT")
    return chat


def _file(replies: list[Reply]) -> tuple[Reply, str]:
    (with_file,) = [r for r in replies if r.files]
    return with_file, with_file.files[0].text


def test_markdown_export_has_every_part_and_goes_to_a_dm(net: Chat) -> None:
    replies = net.say("dirk", "/knelpunt export")
    reply, text = _file(replies)
    assert reply.visibility is Visibility.DIRECT and reply.user == "dirk"
    assert reply.files[0].name == "knelpunten-2026-11-28.md"
    assert "privébericht" in replies[-1].text  # said in a channel: pointed to the DM
    assert "## #1 Auditlogs zaaksysteem ontbreken" in text
    assert "Na de update geen logs." in text
    assert "**3 gemeenten:** Delft, Den Haag, Leiden" in text
    assert "geëscaleerd (naar IBD op 28 november 2026, kenmerk IBD-9)" in text
    assert "anna: in behandeling → geëscaleerd (naar IBD, kenmerk IBD-9)" in text
    assert "Interne kwestie Den Haag" in text  # dirk is of Den Haag
    assert "strengste rubricering in dit document: TLP:AMBER+STRICT" in text
    assert reply.tlp is not None and reply.tlp.value == "TLP:AMBER+STRICT"


def test_export_leaves_out_what_the_reader_may_not_see(net: Chat) -> None:
    _reply, text = _file(net.say("carla", "/knelpunt export md", channel=None))
    assert "Interne kwestie" not in text and "Budget SOC" in text
    _reply, guest = _file(net.say("admin", "/knelpunt export"))
    assert "Interne kwestie" not in guest  # a beheerder of no municipality


def _excel_rows(text: str) -> list[list[str]]:
    """The CSV read back as Dutch Excel reads it: UTF-8 with a byte-order mark, `;`."""
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_csv_export_has_one_row_per_bottleneck(net: Chat) -> None:
    _reply, text = _file(net.say("bram", "/knelpunt export csv", channel=None))
    rows = _excel_rows(text)
    assert rows[0][:4] == ["nummer", "titel", "toelichting", "thema"]
    by_id = {row[0]: row for row in rows[1:]}
    assert set(by_id) == {"1", "2"}
    assert by_id["1"][6:8] == ["3", "Delft, Den Haag, Leiden"]
    assert by_id["1"][10:12] == ["IBD", "IBD-9"]
    assert "in behandeling → geëscaleerd" in by_id["1"][13]
    assert "_" not in by_id["1"][13]  # the reason is not in Markdown underscores


def test_csv_cells_are_never_formulas_and_carry_no_markup(db: Database, clock: FixedClock) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    chat = _chat(db, clock)
    # Half past midnight in Amsterdam is still the day before in UTC.
    clock.set(datetime(2026, 9, 18, 0, 30, tzinfo=ZoneInfo("Europe/Amsterdam")))
    chat.say("bram", '/knelpunt meld =HYPERLINK("https://x.example";"klik") — zie <@carla> en '
                     "<https://ncsc.nl/advies|het advies>, *echt* `dringend`")  # fmt: skip
    chat.say("bram", "/knelpunt meld +31 612345678 @bellen -vooraf")
    _reply, text = _file(chat.say("bram", "/knelpunt export csv", channel=None))
    rows = _excel_rows(text)[1:]
    for row in rows:
        assert not any(value.startswith(("=", "+", "-", "@")) for value in row), row
    first = next(r for r in rows if "HYPERLINK" in r[1])
    assert first[1].startswith("'=HYPERLINK")
    assert first[9] == "2026-09-18"  # the day it was in Amsterdam, not in UTC
    assert "@carla" in first[2] and "<@" not in first[2]
    assert "het advies (https://ncsc.nl/advies)" in first[2] and "`" not in first[2]


def test_an_unknown_export_format_is_refused(net: Chat) -> None:
    assert "`md`, `csv` of `xlsx`" in net.text("bram", "/knelpunt export pdf")


def test_dossier_names_municipalities_and_notes(net: Chat) -> None:
    net.say("anna", "/knelpunt vraag 1 Spreek met de leverancier een landelijke logeis af.")
    _reply, text = _file(net.say("anna", "/knelpunt dossier 1"))
    assert text.startswith("# Knelpunt: Auditlogs zaaksysteem ontbreken")
    assert "**Aan:** IBD — Informatiebeveiligingsdienst voor gemeenten (VNG)" in text
    assert "3 gemeenten herkennen dit knelpunt: Delft, Den Haag, Leiden." in text
    assert "“Wij missen ze sinds maart” — Delft" in text
    assert "## Gevraagd besluit\n\nSpreek met de leverancier een landelijke logeis af." in text


def test_anonymous_dossier_gives_only_the_number_of_municipalities(net: Chat) -> None:
    _reply, text = _file(net.say("anna", "/knelpunt dossier 1 naar VNG anoniem"))
    assert "**Aan:** VNG" in text
    assert "3 gemeenten in de regio herkennen dit knelpunt." in text
    for name in ("Leiden", "Delft", "Den Haag"):
        assert name not in text
    assert "“Wij missen ze sinds maart”" in text  # the note stays, its source does not
    assert "Nog in te vullen door de werkgroep" in text


def test_dossier_needs_the_werkgroep_and_a_body(net: Chat) -> None:
    assert "alleen met de rol werkgroep" in net.text("bram", "/knelpunt dossier 1")
    assert "Naar welke instantie" in net.text("anna", "/knelpunt dossier 2")
    assert "Gebruik: `/knelpunt dossier" in net.text("anna", "/knelpunt dossier 1 voor IBD")


def test_dossier_leaves_out_linked_knowledge_stricter_than_the_bottleneck(net: Chat) -> None:
    net.say("bram", "/kennis deel Logchecklist voor zaaksystemen")
    net.say("bram", "/kennis deel Interne analyse logging TLP:AMBER")
    net.say("bram", "/knelpunt koppel 1 kennis 1")
    net.say("bram", "/knelpunt koppel 1 kennis 2")
    _reply, text = _file(net.say("anna", "/knelpunt dossier 1"))
    assert "Logchecklist voor zaaksystemen (TLP:GREEN)" in text
    assert "Interne analyse" not in text
    assert "Weggelaten wegens een strengere rubricering: 1 gekoppeld item." in text


def test_show_marks_a_national_answer_that_is_late(net: Chat, clock: FixedClock) -> None:
    from datetime import timedelta

    shown = net.text("bram", "/knelpunt toon 1")
    assert "Antwoord verwacht" in shown and "te laat" not in shown
    clock.advance(timedelta(weeks=6, days=3))  # the default wait is six weeks
    late = net.text("bram", "/knelpunt toon 1")
    assert "9 januari 2027 — 3 dagen te laat" in late


def test_xlsx_export_keeps_every_cell_text_and_the_date_a_date(
    db: Database, clock: FixedClock
) -> None:
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from openpyxl import load_workbook

    chat = _chat(db, clock)
    clock.set(datetime(2026, 9, 18, 0, 30, tzinfo=ZoneInfo("Europe/Amsterdam")))
    chat.say("bram", '/knelpunt meld =WEBSERVICE("https://x.example") — zie <@carla>')
    reply, _text = _file(chat.say("bram", "/knelpunt export xlsx", channel=None))
    assert reply.files[0].name.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(reply.files[0].content)).active  # type: ignore[arg-type]
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("nummer", "titel")
    title_cell = sheet.cell(2, 2)
    assert title_cell.data_type == "s" and title_cell.value == '=WEBSERVICE("https://x.example")'
    assert rows[1][2] == "zie @carla" and rows[1][9].date() == date(2026, 9, 18)
    chat.say("anna", "/knelpunt status 1 in-behandeling — eerst uitzoeken")
    reply, _text = _file(chat.say("bram", "/knelpunt export xlsx", channel=None))
    again = load_workbook(io.BytesIO(reply.files[0].content)).active  # type: ignore[arg-type]
    history = str(again.cell(2, 14).value)
    assert "eerst uitzoeken" in history and "_" not in history  # no Markdown in a cell


def test_the_dossier_reads_as_a_document(net: Chat) -> None:
    """Each part its own paragraph, a singular for one municipality, links readable."""
    net.say("bram", "/kennis deel Interne analyse logging TLP:AMBER")
    net.say("bram", "/knelpunt koppel 1 kennis 1")
    net.say("anna", "/actie nieuw Leverancier bellen <@bram> eind maart knelpunt 1")
    _reply, text = _file(net.say("anna", "/knelpunt dossier 1"))
    left_out = text.index("_Weggelaten wegens")
    assert text[left_out - 2 : left_out] == "\n\n"  # not run into the line before
    actions = text.index("**Afgesproken acties**")
    assert text[actions - 2 : actions] == "\n\n" and text[actions:].split("\n")[1] == ""
    net.say("wim", "/knelpunt meld Zie <https://ncsc.nl/advies|het NCSC-advies> over logging")
    reply, single = _file(net.say("anna", "/knelpunt dossier 4 naar IBD"))
    assert [f.name for f in reply.files] == [
        "dossier-knelpunt-4-ibd.md", "dossier-knelpunt-4-ibd.docx", "dossier-knelpunt-4-ibd.pdf",
    ]  # fmt: skip
    assert reply.files[2].content[:5] == b"%PDF-"
    assert "1 gemeente herkent dit knelpunt: Westland." in single
    assert "het NCSC-advies (https://ncsc.nl/advies)" in single and "&lt;https" not in single
