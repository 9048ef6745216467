"""The bot's Markdown documents as Word and PDF: what a board secretariat files.

The report and the dossier are written once, as Markdown in a small subset (headings,
paragraphs, bullets, tables, **bold** and _italic_, one image), with user text made
inert by `handlers.reporting.document_text`. This module reads that subset back into blocks
and lays them out with python-docx (Word) and fpdf2 (PDF): both pure Python, from
PyPI, nothing to install on the machine. Every page carries the document's TLP label
in its header and footer, in FIRST's TLP 2.0 colours (coloured text on black). The
PDF uses the DejaVu Sans font that matplotlib ships (the chart's library), so every
Dutch letter, the euro sign and dashes print; emoji are left out.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from storage.tlp import TLP

from handlers.reporting.fonts import font_dir

# FIRST TLP 2.0: the label in its colour on a black background.
TLP_COLOURS = {
    TLP.RED: (0xFF, 0x2B, 0x2B),
    TLP.AMBER: (0xFF, 0xC0, 0x00),
    TLP.AMBER_STRICT: (0xFF, 0xC0, 0x00),
    TLP.GREEN: (0x33, 0xFF, 0x00),
    TLP.CLEAR: (0xFF, 0xFF, 0xFF),
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"


# --- the Markdown subset, read back ----------------------------------------------------

Run = tuple[str, bool, bool]  # text, bold, italic


@dataclass
class Block:
    kind: str  # heading, paragraph, bullet, table, image
    level: int = 0
    runs: list[Run] = field(default_factory=list)
    rows: list[list[list[Run]]] = field(default_factory=list)


_ESCAPE = re.compile(r"\\(.)")
_MARK = re.compile(r"(?<!\\)(\*\*|_)")
_CELL = re.compile(r"(?<!\\)\|")
_ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&"}


def _plain(text: str) -> str:
    text = _ESCAPE.sub(r"\1", text)
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return text


def runs(text: str) -> list[Run]:
    """Inline text as runs: `**bold**` and `_italic_` (escaped marks are text)."""
    found: list[Run] = []
    bold = italic = False
    for part in _MARK.split(text):
        if part == "**":
            bold = not bold
        elif part == "_":
            italic = not italic
        elif part:
            found.append((_plain(part), bold, italic))
    return found


def blocks(markdown: str) -> list[Block]:
    """The document's blocks, in order."""
    found: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            text = "\n".join(line.rstrip() for line in paragraph)
            found.append(Block("paragraph", runs=runs(text)))
            paragraph.clear()

    for line in markdown.splitlines():
        stripped = line.strip()
        heading = re.match(r"^(#{1,3})\s+(.*)$", stripped)
        if not stripped:
            flush()
        elif heading:
            flush()
            found.append(Block("heading", level=len(heading.group(1)), runs=runs(heading.group(2))))
        elif stripped.startswith("|"):
            flush()
            cells = [c.strip() for c in _CELL.split(stripped.strip("|"))]
            if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                continue  # the line under the header row
            if not found or found[-1].kind != "table":
                found.append(Block("table"))
            found[-1].rows.append([runs(c) for c in cells])
        elif stripped.startswith("- "):
            flush()
            found.append(Block("bullet", runs=runs(stripped[2:])))
        elif re.fullmatch(r"!\[[^\]]*\]\([^)]*\)", stripped):
            flush()
            found.append(Block("image"))
        else:
            paragraph.append(line)
    flush()
    return found


def text_of(items: list[Run]) -> str:
    return "".join(text for text, _bold, _italic in items)


# --- Word ------------------------------------------------------------------------------


def to_docx(markdown: str, label: TLP, title: str, image: bytes | None = None) -> bytes:
    """The document as a .docx: headings, tables, the image, the label on every page."""
    from docx import Document
    from docx.shared import Cm, Pt, RGBColor

    document = Document()
    document.core_properties.title = title
    document.core_properties.keywords = label.value
    section = document.sections[0]
    for part in (section.header, section.footer):
        paragraph = part.paragraphs[0]
        paragraph.alignment = 2  # right
        run = paragraph.add_run(f" {label.value} ")
        run.bold = True
        run.font.size = Pt(10)
        run.font.color.rgb = RGBColor(*TLP_COLOURS[label])
        _black_background(run)
    for block in blocks(markdown):
        if block.kind == "heading":
            document.add_heading(
                text_of(block.runs), level=block.level - 1 if block.level > 1 else 0
            )
        elif block.kind in ("paragraph", "bullet"):
            style = "List Bullet" if block.kind == "bullet" else None
            paragraph = document.add_paragraph(style=style)
            for text, bold, italic in block.runs:
                run = paragraph.add_run(text)
                run.bold, run.italic = bold or None, italic or None
        elif block.kind == "table" and block.rows:
            width = max(len(r) for r in block.rows)
            table = document.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            for number, row in enumerate(block.rows):
                cells = table.add_row().cells
                for cell, content in zip(cells, row, strict=False):
                    paragraph = cell.paragraphs[0]
                    for text, bold, italic in content:
                        run = paragraph.add_run(text)
                        run.bold = bold or number == 0 or None
                        run.italic = italic or None
        elif block.kind == "image" and image:
            document.add_picture(io.BytesIO(image), width=Cm(16))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _black_background(run: object) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "000000")
    run._r.get_or_add_rPr().append(shading)  # type: ignore[attr-defined]


# --- PDF -------------------------------------------------------------------------------

# Emoji and pictographs: not in the font, left out of the PDF.
_PICTOGRAPHS = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d]")


def to_pdf(markdown: str, label: TLP, title: str, image: bytes | None = None) -> bytes:
    """The document as a PDF (A4): the same blocks, the label on every page."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    colour = TLP_COLOURS[label]

    class Document(FPDF):
        def _label(self, y: float) -> None:
            self.set_y(y)
            self.set_font("DejaVu", "B", 9)
            self.set_fill_color(0, 0, 0)
            self.set_text_color(*colour)
            width = self.get_string_width(label.value) + 6
            self.set_x(self.w - self.r_margin - width)
            self.cell(width, 6, label.value, fill=True, align="C")
            self.set_text_color(0, 0, 0)

        def header(self) -> None:
            self._label(8)
            self.set_y(self.t_margin)

        def footer(self) -> None:
            self._label(-14)
            self.set_font("DejaVu", "", 8)
            self.set_x(self.l_margin)
            self.cell(40, 6, str(self.page_no()))

    pdf = Document(format="A4")
    fonts = font_dir()
    for style, name in (("", "DejaVuSans"), ("B", "DejaVuSans-Bold"),
                        ("I", "DejaVuSans-Oblique"), ("BI", "DejaVuSans-BoldOblique")):  # fmt: skip
        pdf.add_font("DejaVu", style, str(fonts / f"{name}.ttf"))
    pdf.set_title(title)
    pdf.set_keywords(label.value)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_margins(18, 18, 18)
    pdf.add_page()

    def clean(text: str) -> str:
        return _PICTOGRAPHS.sub("", text)

    def write(items: list[Run], mark: str = "") -> None:
        """A paragraph (or a bullet, after its mark) in runs that wrap at the margin."""
        pdf.set_x(pdf.l_margin + (2 if mark else 0))
        if mark:
            pdf.set_font("DejaVu", "", 10)
            pdf.write(5, mark)
        for text, bold, italic in items:
            pdf.set_font("DejaVu", ("B" if bold else "") + ("I" if italic else ""), 10)
            pdf.write(5, clean(text))
        pdf.ln(6.5)

    for block in blocks(markdown):
        if block.kind == "heading":
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", {1: 16, 2: 13}.get(block.level, 11))
            pdf.multi_cell(0, 7, clean(text_of(block.runs)), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
        elif block.kind == "paragraph":
            write(block.runs)
        elif block.kind == "bullet":
            write(block.runs, mark="• ")
        elif block.kind == "table" and block.rows:
            pdf.set_font("DejaVu", "", 8)
            with pdf.table(first_row_as_headings=True, text_align="LEFT") as table:
                for row in block.rows:
                    cells = table.row()
                    for content in row:
                        cells.cell(clean(text_of(content)))
            pdf.ln(2)
        elif block.kind == "image" and image:
            pdf.image(io.BytesIO(image), w=pdf.epw)
            pdf.ln(2)
    return bytes(pdf.output())


File = tuple[str, str | bytes, str]  # name, content, media type


def as_files(
    name: str,
    markdown: str,
    label: TLP,
    title: str,
    image: bytes | None = None,
    formats: tuple[str, ...] = ("md", "docx", "pdf"),
) -> list[File]:
    """The document in each of `formats`: (file name, content, media type)."""
    made: list[File] = []
    if "md" in formats:
        made.append((f"{name}.md", markdown, "text/markdown"))
    if "docx" in formats:
        made.append((f"{name}.docx", to_docx(markdown, label, title, image), DOCX))
    if "pdf" in formats:
        made.append((f"{name}.pdf", to_pdf(markdown, label, title, image), PDF))
    return made
