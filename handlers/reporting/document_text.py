"""What people wrote, inside the Markdown documents the bot writes (dossier, exports, report).

In these documents user text is content, never structure: a description cannot open a
heading (a fake "## Gevraagd besluit"), a table, a list, a quote, a code block, an
image, a link or an HTML block. Every Markdown character that could start one is
escaped with a backslash (CommonMark allows that for any ASCII punctuation), and `<`,
`>` and `&` become entities. This is the one place that does it for documents; chat
text has its own rules in `handlers.chat_text`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence

# Emphasis, code, links and images (`[`), tables (`|`), and the escape itself.
_INLINE = re.compile(r"([\\`*_\[\]|~])")
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# What opens a block at the start of a line: a heading, a list, a quote, a numbered item.
_LINE_START = re.compile(r"^(\s*)(#|[-+=]|\d{1,9}[.)])")


def inline(text: str) -> str:
    """User text on one line, inert: inside a list item, a table cell, a heading.

    Chat markup becomes what it says: a link `<url|label>` "label (url)", a mention
    `<@U1|anna>` "@anna"."""
    folded = " ".join(_readable(text).split())
    return _INLINE.sub(r"\\\1", folded.translate(_ENTITIES))


def _readable(text: str, names: Mapping[str, str] | None = None) -> str:
    """Chat markup as what it says: `<url|label>` "label (url)", `<@U1|anna>` "@anna"
    (the name from `names` where the id is known)."""
    known = names or {}
    text = _MENTION.sub(lambda m: "@" + (known.get(m.group(1)) or m.group(2) or m.group(1)), text)
    return _LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})" if m.group(2) else m.group(1), text)


def block(text: str) -> str:
    """User text as paragraphs, inert: its lines kept, none of them able to open a block."""
    lines = []
    for raw in text.strip().splitlines():
        line = inline(raw)
        lines.append(_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line))
    # Blank lines stay paragraph breaks; single line breaks become hard breaks.
    return "\n".join(line + ("  " if line else "") for line in lines).rstrip()


# --- spreadsheet cells -----------------------------------------------------------------

_MENTION = re.compile(r"<@([^|>\s]+)(?:\|([^>]*))?>")
_LINK = re.compile(r"<((?:https?|mailto):[^|>\s]+)(?:\|([^>]*))?>")
_MARKED = re.compile(r"(\*\*|`)(.+?)\1|(?<![\w\\])_(\S(?:.*?\S)?)_(?!\w)")
# What makes Excel or LibreOffice read a cell as a formula (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def plain(text: str, names: Mapping[str, str] | None = None) -> str:
    """Text for a spreadsheet: mentions as names, links as "label (address)", no Markdown."""
    return _MARKED.sub(lambda m: m.group(2) or m.group(3), _readable(text, names))


def cell(text: str, names: Mapping[str, str] | None = None) -> str:
    """`plain` text for a CSV cell, never a formula: a cell that would start one starts
    with `'` (a workbook stores text as text and needs no such guard)."""
    text = plain(text, names)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_document(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A CSV file as Dutch Excel opens it: `;` between cells, UTF-8 with a byte-order
    mark, CRLF, every cell quoted. The cells are made by the caller (with `cell`)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff" + out.getvalue()
