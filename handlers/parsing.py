"""Reading what people type: sub-commands, numbers, mentions, tags, titles.

Labels are read in `handlers.labels`, which fails closed."""

from __future__ import annotations

import re
import unicodedata

from handlers.messages import UserError

# Adapters normalise mentions to <@USERID> or <@USERID|name>.
MENTION = re.compile(r"<@([A-Za-z0-9._:\-]{1,64})(?:\|([^<>]{0,200}))?>")
TAG = re.compile(r"(?<![\w&#/])#([^\W_][\w\-]{0,58})", re.UNICODE)
MAX_TITLE = 120


def clean(text: str) -> str:
    """Normalise Unicode (NFC) and drop control characters other than newlines and tabs."""
    text = unicodedata.normalize("NFC", text)
    return "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
    ).strip()


def split_word(text: str) -> tuple[str, str]:
    """The first word of `text` (lower case) and the rest."""
    parts = text.strip().split(maxsplit=1)
    if not parts:
        return "", ""
    return parts[0].lower(), parts[1].strip() if len(parts) > 1 else ""


def item_number(text: str, error_key: str) -> int:
    """A number as people write it for an item: `12`, `#12`, `nr 12`."""
    word = text.strip().lower().removeprefix("nr").strip().lstrip("#")
    if not word.isascii() or not word.isdigit() or len(word) > 9:
        raise UserError(error_key, value=text.strip()[:40] or "…")
    return int(word)


def mentions(text: str) -> list[str]:
    """The user ids mentioned in `text`, in order, without repeats."""
    return list(dict.fromkeys(m.group(1) for m in MENTION.finditer(text)))


def tags(text: str) -> list[str]:
    """The `#tags` in `text` (numbers like `#12` are references, not tags)."""
    found = [m.group(1) for m in TAG.finditer(text) if not m.group(1).isdigit()]
    return list(dict.fromkeys(t.lower() for t in found))


def title_and_body(text: str) -> tuple[str, str]:
    """A title (the first line, or its first sentence) and the body.

    A first line of its own becomes the title and the rest the body; a first sentence
    in a paragraph becomes the title and the body keeps the whole paragraph.
    """
    first_line, _, remainder = text.strip().partition("\n")
    title = first_line.strip()
    body = remainder.strip() or text.strip()
    sentence = re.match(r"(.{8,}?[.!?])\s+\S", title)
    if sentence and len(sentence.group(1)) <= MAX_TITLE:
        title, body = sentence.group(1), text.strip()
    title = TAG.sub(lambda m: m.group(1), title).strip()
    if len(title) > MAX_TITLE:
        cut = title[: MAX_TITLE - 1].rsplit(" ", 1)[0]
        title = (cut if len(cut) > MAX_TITLE // 2 else title[: MAX_TITLE - 1]) + "…"
    return title.rstrip(" :;,"), body
