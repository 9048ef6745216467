"""The RBO progress report: periods, Markdown structure, TLP for the audience, the chart."""

from __future__ import annotations

import struct
import zlib
from datetime import date, datetime, timedelta

import pytest

from bot.clock import FixedClock
from handlers.messages import UserError
from handlers.notices import Writer
from handlers.reporting.period import parse_period
from handlers.reporting.report import build
from storage.db import Database
from storage.tlp import TLP, Audience
from tests.conftest import AMSTERDAM, Chat
from tests.handlers.test_digest import SETTINGS, _start
from tests.template import with_demo

DEMO = datetime(2027, 3, 20, 9, 0, tzinfo=AMSTERDAM)
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december"
TODAY = date(2027, 3, 20)


def _period(text: str) -> tuple[date, date, str]:
    found = parse_period(text, TODAY, "nl", MONTHS.split())
    return found.first, found.last, found.name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Q1 2027", (date(2027, 1, 1), date(2027, 3, 31), "Q1 2027")),
        ("q4-2026", (date(2026, 10, 1), date(2026, 12, 31), "Q4 2026")),
        ("2026-Q3", (date(2026, 7, 1), date(2026, 9, 30), "Q3 2026")),
        ("eerste kwartaal 2027", (date(2027, 1, 1), date(2027, 3, 31), "Q1 2027")),
        ("2e kwartaal 2026", (date(2026, 4, 1), date(2026, 6, 30), "Q2 2026")),
        ("februari 2027", (date(2027, 2, 1), date(2027, 2, 28), "februari 2027")),
        ("2026-02", (date(2026, 2, 1), date(2026, 2, 28), "februari 2026")),
        ("2026", (date(2026, 1, 1), date(2026, 12, 31), "2026")),
        (
            "1-1-2027 tot 15-2-2027",
            (date(2027, 1, 1), date(2027, 2, 15), "01-01-2027 – 15-02-2027"),
        ),
        (
            "2026-11-01..2027-01-31",
            (date(2026, 11, 1), date(2027, 1, 31), "01-11-2026 – 31-01-2027"),
        ),
        ("", (date(2027, 1, 1), date(2027, 3, 31), "Q1 2027")),
    ],
)
def test_periods_as_people_write_them(text: str, expected: tuple[date, date, str]) -> None:
    assert _period(text) == expected


def test_the_period_after_is_of_the_same_kind() -> None:
    def after(text: str) -> tuple[date, date]:
        return parse_period(text, TODAY, "nl", MONTHS.split()).following()

    assert after("Q4 2026") == (date(2027, 1, 1), date(2027, 3, 31))
    assert after("Q1 2027") == (date(2027, 4, 1), date(2027, 6, 30))
    assert after("januari 2027") == (date(2027, 2, 1), date(2027, 2, 28))
    assert after("2026") == (date(2027, 1, 1), date(2027, 12, 31))
    assert after("1-1-2027 tot 10-1-2027") == (date(2027, 1, 11), date(2027, 1, 20))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("binnenkort", "report.bad_period"),
        ("Q3 2027", "report.future_period"),
        ("31-3-2027 tot 1-1-2027", "report.reversed_period"),
        ("2020-01-01..2026-01-01", "report.long_period"),
        ("'; DROP TABLE actions; --", "report.bad_period"),
        ("x" * 40_000, "report.bad_period"),
        ("15 maart tot 20 maart", "report.bad_period"),  # no year: too vague for a report
    ],
)
def test_bad_periods_are_explained(text: str, key: str) -> None:
    with pytest.raises(UserError) as raised:
        _period(text)
    assert raised.value.key == key


def _png_text(data: bytes) -> dict[str, str]:
    """The text chunks of a PNG, after checking its signature and every chunk's CRC."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    found: dict[str, str] = {}
    offset = 8
    kinds = []
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert zlib.crc32(kind + body) == crc
        kinds.append(kind)
        if kind == b"tEXt":
            key, _, value = body.partition(b"\0")
            found[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"iTXt":  # text beyond Latin-1: keyword, flags, language, UTF-8 text
            key, _, rest = body.partition(b"\0")
            _language, _, rest = rest[2:].partition(b"\0")
            _translated, _, value = rest.partition(b"\0")
            found[key.decode("latin-1")] = value.decode("utf-8")
        offset += 12 + length
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND"
    return found


@pytest.fixture
def demo(db: Database) -> Chat:
    with_demo(db, DEMO)
    return Chat(_start(db, FixedClock(DEMO)))


def test_the_report_has_every_part_for_the_board(db: Database, demo: Chat) -> None:
    words = Writer.for_install(SETTINGS)
    period = parse_period("Q1 2027", TODAY, "nl", MONTHS.split())
    report = build(db, words, Audience.group(TLP.GREEN), period, DEMO, AMSTERDAM)
    headings = [line for line in report.markdown.splitlines() if line.startswith("#")]
    assert headings[:10] == [
        "# Voortgangsrapportage CISO-netwerk — Q1 2027",
        "## Samenvatting",
        "## Besluiten gevraagd aan het bestuur",
        "## Wat het netwerk landelijk vraagt",
        "## Afgesproken acties",
        "### Voortgang en uitstel",
        "## Knelpunten en landelijke antwoorden",
        "## Gedeelde kennis",
        "## Deelname per gemeente",
        "## Vooruitblik: termijnen in de volgende periode",
    ]
    text = report.markdown
    # A decision asked of the regional board apart from what is asked of national bodies.
    board = text.split("## Besluiten gevraagd aan het bestuur")[1].split("## ")[0]
    national = text.split("## Wat het netwerk landelijk vraagt")[1].split("## ")[0]
    assert "regionale bijdrage van € 2.000" in board and "auditlogs" not in board
    assert "gevraagd aan IBD: Spreek met de leverancier" in national
    assert (
        "Periode: 1 januari 2027 – 31 maart 2027" in text and "de stand is die van 20 maart" in text
    )
    assert (
        "| 4 | Cbw-zorgplicht: gap-analyse per gemeente verzamelen | Yusuf Kaya (Delft) | "
        "vanaf 3 februari 2027 – 9 maart 2027 | termijn verstreken (11 dagen te laat) |"
    ) in text
    assert "| 3 | Phishingsimulatie gezamenlijk aanbesteden: marktverkenning |" in text
    assert "(Leiden) | vanaf 19 januari 2027 – 31 maart 2027 | vertraagd |" in text
    assert (
        "17 maart 2027: termijn verschoven van 3 april 2027 naar 31 maart 2027 — reden: Wachten "
        "op de landelijke aanpak van de IBD."
    ) in text
    assert (
        "| 1 | Zaaksysteem levert geen volledige auditlogs | 6 | geëscaleerd | IBD, 3 februari"
        in text
    )
    assert "| beantwoord | BZK, 10 december 2026 (BZK-2026-77) | 9 januari 2027: BZK: ENSIA" in text
    assert (
        "![Voortgangsrapportage CISO-netwerk — Q1 2027](voortgangsrapportage-q1-2027.png)" in text
    )
    ahead = text.split("## Vooruitblik")[1].split("## ")[0]
    assert "_Van 1 april 2027 tot en met 30 juni 2027._" in ahead
    assert "Voorstel RBO: structurele financiering" in ahead
    assert "Cbw-zorgplicht" not in ahead  # due in this quarter: in the table above
    assert "Nog niet actief in deze periode: Bodegraven-Reeuwijk, Hillegom," in text
    # TLP for a TLP:GREEN audience: the AMBER bottleneck is counted, never named.
    assert "Kleine gemeenten kunnen 24/7 SOC" not in text
    assert "Daarnaast 1 knelpunt dat buiten de rubricering van dit rapport valt." in text
    assert "Ransomware bij hostingpartij" not in text and "insider" not in text
    assert report.tlp is TLP.GREEN and "Rubricering: **TLP:GREEN**" in text

    chart = _png_text(report.chart)
    assert chart["Series"].split(", ") == [
        "op schema",
        "vertraagd",
        "termijn verstreken",
        "afgerond",
    ]
    assert chart["Title"] == "Acties per status — Q1 2027"


def test_an_amber_audience_sees_the_amber_bottleneck(db: Database, demo: Chat) -> None:
    words = Writer.for_install(SETTINGS)
    period = parse_period("Q1 2027", TODAY, "nl", MONTHS.split())
    report = build(db, words, Audience.group(TLP.AMBER), period, DEMO, AMSTERDAM)
    assert "Kleine gemeenten kunnen 24/7 SOC" in report.markdown and report.tlp is TLP.AMBER
    assert "buiten de rubricering van dit rapport" in report.markdown  # RED and STRICT items


def test_rapport_in_chat_gives_the_document_and_the_chart(demo: Chat) -> None:
    refused = demo.text("carla.delft", "/ciso rapport Q1 2027", channel=None)
    assert "werkgroep" in refused
    (reply,) = demo.say("anna.denhaag", "/ciso rapport Q1 2027", channel=None)
    assert [f.name for f in reply.files] == [
        "voortgangsrapportage-q1-2027.md",
        "voortgangsrapportage-q1-2027.docx",
        "voortgangsrapportage-q1-2027.pdf",
        "voortgangsrapportage-q1-2027.png",
    ]
    assert reply.files[2].content[:5] == b"%PDF-" and reply.files[1].content[:2] == b"PK"
    assert reply.files[3].media_type == "image/png"
    assert "Series" in _png_text(reply.files[3].content)  # type: ignore[arg-type]
    # Anna (Den Haag) sees the AMBER bottleneck, and her knowledge counts include the
    # TLP:RED items she is named on: the document states the strictest of what it counts.
    assert reply.tlp is TLP.RED and "Kleine gemeenten kunnen 24/7 SOC" in reply.files[0].text
    assert "Rubricering: TLP:RED" in reply.text or "TLP:RED" in reply.files[0].text
    bad = demo.text("anna.denhaag", "/ciso rapport volgend jaar", channel=None)
    assert "Die periode begrijp ik niet" in bad


def test_a_report_in_english(demo: Chat) -> None:
    demo.say("bram.leiden", "/ciso instellingen taal en", channel=None)
    (reply,) = demo.say("bram.leiden", "/ciso report 2027-Q1", channel=None)
    assert reply.files[0].name == "progress-report-q1-2027.md"
    assert "## Decisions asked of the board" in reply.files[0].text
    assert _png_text(reply.files[-1].content)["Series"] == (  # type: ignore[arg-type]
        "on schedule, delayed, overdue, completed"
    )


def test_an_empty_period_still_reads_well(db: Database) -> None:
    words = Writer.for_install(SETTINGS)
    period = parse_period("2026", TODAY, "nl", MONTHS.split())
    report = build(
        db, words, Audience.group(TLP.GREEN), period, DEMO + timedelta(days=1), AMSTERDAM
    )
    assert "Er liepen in deze periode geen acties." in report.markdown
    assert "In deze periode is geen kennis gedeeld." in report.markdown
    assert _png_text(report.chart)["Series"].count(",") == 3


def test_the_chart_is_for_print_with_weeks_that_make_sense(db: Database, demo: Chat) -> None:
    from handlers.reporting.report import samples

    words = Writer.for_install(SETTINGS)
    period = parse_period("Q1 2027", TODAY, "nl", MONTHS.split())
    report = build(db, words, Audience.group(TLP.GREEN), period, DEMO, AMSTERDAM)
    width, height = struct.unpack(">II", report.chart[16:24])
    assert (width, height) == (1600, 800)  # 8 × 4 inch at 200 dpi
    assert _png_text(report.chart)["Label"] == report.tlp.value
    days = samples(period, date(2027, 3, 20))
    assert days[0] == date(2027, 1, 1) and days[-1] == date(2027, 3, 20)
    assert all(d.weekday() == 0 for d in days[1:-1])  # every Monday in between
    year = samples(parse_period("2026", TODAY, "nl", MONTHS.split()), date(2026, 12, 31))
    assert [d.day for d in year[1:-1]] == [1] * 11  # the first of every month
