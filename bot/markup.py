"""The neutral markup replies are written in, read once for every renderer.

`**bold**`, `_italic_`, `` `code` `` and links as `<url|label>` (see
`handlers.messages`). Each adapter writes them in its platform's dialect with these
pieces; the console writes them for a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Callable

BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
LINK = re.compile(r"<((?:https?|mailto):[^|>\s]+)\|([^>]+)>")
BARE_LINK = re.compile(r"<((?:https?|mailto):[^|>\s]+)>")


def links(text: str, write: Callable[[str, str], str]) -> str:
    """Every `<url|label>` written as `write(url, label)`, every `<url>` as the url."""
    text = LINK.sub(lambda m: write(m.group(1), m.group(2)), text)
    return BARE_LINK.sub(r"\1", text)


def plain(text: str) -> str:
    """No markup: for notifications, screen readers and where only text goes."""
    return links(BOLD.sub(r"\1", text), lambda _url, label: label)


def cut(text: str, limit: int) -> str:
    """At most `limit` characters, with an ellipsis when something was left out."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
