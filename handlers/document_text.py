"""What people wrote, inside the Markdown documents the bot writes (dossier, exports, report).

In these documents user text is content, never structure: a description cannot open a
heading (a fake "## Gevraagd besluit"), a table, a list, a quote, a code block, an
image, a link or an HTML block. Every Markdown character that could start one is
escaped with a backslash (CommonMark allows that for any ASCII punctuation), and `<`,
`>` and `&` become entities. This is the one place that does it for documents; chat
text has its own rules in `handlers.chat_text`.
"""

from __future__ import annotations

import re

# Emphasis, code, links and images (`[`), tables (`|`), and the escape itself.
_INLINE = re.compile(r"([\\`*_\[\]|~])")
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# What opens a block at the start of a line: a heading, a list, a quote, a numbered item.
_LINE_START = re.compile(r"^(\s*)(#|[-+=]|\d{1,9}[.)])")


def inline(text: str) -> str:
    """User text on one line, inert: inside a list item, a table cell, a heading."""
    folded = " ".join(text.split())
    return _INLINE.sub(r"\\\1", folded.translate(_ENTITIES))


def block(text: str) -> str:
    """User text as paragraphs, inert: its lines kept, none of them able to open a block."""
    lines = []
    for raw in text.strip().splitlines():
        line = inline(raw)
        lines.append(_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line))
    # Blank lines stay paragraph breaks; single line breaks become hard breaks.
    return "\n".join(line + ("  " if line else "") for line in lines).rstrip()
