"""The report and the dossier as Word and PDF, read back with python-docx and pypdf."""

from __future__ import annotations

import io

import pytest

from handlers.notices import Writer
from handlers.reporting import documents
from handlers.reporting.period import parse_period
from handlers.reporting.report import Report, build
from storage.db import Database
from storage.tlp import TLP, Audience
from tests.handlers.test_digest import SETTINGS
from tests.handlers.test_report import DEMO, MONTHS, TODAY
from tests.template import with_demo

HEADINGS = ("Samenvatting", "Besluiten gevraagd aan het bestuur", "Afgesproken acties")


@pytest.fixture
def report(db: Database) -> Report:
    with_demo(db, DEMO)
    period = parse_period("Q1 2027", TODAY, "nl", MONTHS.split())
    return build(db, Writer.for_install(SETTINGS), Audience.group(TLP.AMBER), period, DEMO,
                 DEMO.tzinfo)  # type: ignore[arg-type]  # fmt: skip


def test_the_word_report_has_headings_tables_the_chart_and_the_label_on_every_page(
    report: Report,
) -> None:
    from docx import Document

    data = documents.to_docx(report.markdown, report.tlp, "Voortgangsrapportage", report.chart)
    document = Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style and "Heading" in p.style.name]
    assert all(h in headings for h in HEADINGS)
    assert document.paragraphs[0].text.startswith("Voortgangsrapportage CISO-netwerk — Q1 2027")
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells][:3] == ["#", "Actie", "Actiehouder"]
    assert any("Cbw-zorgplicht" in row.cells[1].text for row in table.rows)
    assert len(document.inline_shapes) == 1  # the chart
    for section in document.sections:  # header and footer of every page
        for part in (section.header, section.footer):
            (run,) = [r for p in part.paragraphs for r in p.runs if r.text.strip()]
            assert run.text.strip() == report.tlp.value == "TLP:AMBER"
            assert str(run.font.color.rgb) == "FFC000"  # FIRST's amber, on black
            assert 'w:fill="000000"' in run._r.xml
    assert "\\_" not in "\n".join(p.text for p in document.paragraphs)  # no Markdown escapes


def test_the_pdf_report_has_the_label_on_every_page_and_the_chart(report: Report) -> None:
    from pypdf import PdfReader

    data = documents.to_pdf(report.markdown, report.tlp, "Voortgangsrapportage", report.chart)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert page.extract_text().count("TLP:AMBER") >= 2  # header and footer
    text = "".join(page.extract_text() for page in reader.pages)
    for heading in HEADINGS:
        assert heading in text
    assert "Cbw-zorgplicht" in text and "€ 2.000" in text and "geëscaleerd" in text
    assert sum(len(page.images) for page in reader.pages) == 1
    assert reader.metadata is not None and reader.metadata.title == "Voortgangsrapportage"


def test_user_text_stays_text_in_word_and_pdf() -> None:
    from docx import Document
    from pypdf import PdfReader

    from handlers.reporting.document_text import block, inline

    hostile = "**vet** _schuin_ | pipe # kop <b>html</b> & 🟢 =1+1"
    table = f"| a | b |\n|---|---|\n| {inline(hostile)} | x |\n"
    markdown = f"# Titel {inline(hostile)}\n\n{block(hostile)}\n\n{table}"
    word = Document(io.BytesIO(documents.to_docx(markdown, TLP.GREEN, "t")))
    body = "\n".join(p.text for p in word.paragraphs)
    assert "**vet** _schuin_ | pipe # kop <b>html</b> & 🟢 =1+1" in body
    assert word.tables[0].rows[1].cells[0].text.startswith("**vet** _schuin_ | pipe")
    pdf = PdfReader(io.BytesIO(documents.to_pdf(markdown, TLP.GREEN, "t")))
    assert "**vet** _schuin_ | pipe # kop <b>html</b> &" in pdf.pages[0].extract_text()
