"""Reading a TLP label from what people type, failing closed.

A label is read only when it is written exactly as TLP 2.0 writes it (`TLP:CLEAR`,
`TLP:GREEN`, `TLP:AMBER`, `TLP:AMBER+STRICT`, `TLP:RED`). Anything that looks like a
label but is not one of those — another case or spacing, a missing colon, a Dutch
colour name (`TLP:ROOD`), `AMBER-STRICT`, a typo — raises `LabelQuestion` with the
label it probably means, and so does a text with two different labels: the bot asks,
it never guesses, and nothing is stored until the person has chosen.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from storage.tlp import TLP

from handlers.parsing import MENTION, TAG, mentions, tags

# The five labels as written, not followed by anything that would make them another word.
_EXACT = re.compile(
    r"TLP:(AMBER\+STRICT|CLEAR|GREEN|AMBER|RED)(?![\w+\-])(?!\s*[+\-_]?\s*(?i:strict)\b)"
)
# Whatever starts like a label: `TLP`, a separator, and a word (with a STRICT part).
_LOOKS_LIKE = re.compile(
    r"(?<![\w/])TLP(?![\w])(?P<sep>\s*[:=]\s*|\s*[\-_]?\s*)"
    r"(?P<word>[^\W\d_]+(?:\s*[+\-_ ]\s*STRICT\b)?)?",
    re.IGNORECASE,
)
# Words people use for a label, by the label they mean.
_MEANS = {
    "CLEAR": TLP.CLEAR,
    "WHITE": TLP.CLEAR,
    "WIT": TLP.CLEAR,
    "HELDER": TLP.CLEAR,
    "GREEN": TLP.GREEN,
    "GROEN": TLP.GREEN,
    "AMBER": TLP.AMBER,
    "ORANJE": TLP.AMBER,
    "AMBERSTRICT": TLP.AMBER_STRICT,
    "ORANJESTRICT": TLP.AMBER_STRICT,
    "STRICT": TLP.AMBER_STRICT,
    "RED": TLP.RED,
    "ROOD": TLP.RED,
}


@dataclass(frozen=True)
class Token:
    """One label-like token in a text: where it is, and what it is or may mean."""

    start: int
    end: int
    written: str
    label: TLP | None  # set only for a label written exactly
    suggestion: TLP | None = None  # what an unclear token probably means


class LabelQuestion(Exception):
    """The label cannot be read with certainty: the person must choose one.

    `written` is the unclear token (empty when two clear labels compete), `offered`
    the labels to choose from, `suggestion` the one it probably means.
    """

    def __init__(
        self, written: str, offered: tuple[TLP, ...], suggestion: TLP | None = None
    ) -> None:
        super().__init__(written or "two labels")
        self.written = written
        self.offered = offered
        self.suggestion = suggestion


def _meaning(word: str) -> TLP | None:
    key = re.sub(r"[\s+\-_]", "", word).upper()
    if key in _MEANS:
        return _MEANS[key]
    close = difflib.get_close_matches(key, list(_MEANS), n=1, cutoff=0.6)
    return _MEANS[close[0]] if close else None


def tokens(text: str) -> list[Token]:
    """Every label and label-like token in `text`, in order."""
    found: list[Token] = []
    for match in _LOOKS_LIKE.finditer(text):
        exact = _EXACT.match(text, match.start())
        if exact:
            found.append(Token(exact.start(), exact.end(), exact.group(), TLP(exact.group())))
            continue
        word = match.group("word") or ""
        suggestion = _meaning(word) if word else None
        has_colon = ":" in match.group("sep") or "=" in match.group("sep")
        if suggestion is None and not has_colon:
            continue  # `TLP en`, `het TLP-protocol`: talk about TLP, not a label
        end = match.end() if suggestion or word else match.start() + 3 + len(match.group("sep"))
        found.append(Token(match.start(), end, text[match.start() : end].strip(), None, suggestion))
    return found


@dataclass(frozen=True)
class Label:
    """The label read from a text, its RED recipients, and the text without the label."""

    label: TLP | None
    recipients: tuple[str, ...]
    text: str


def read_label(
    text: str, allowed: tuple[TLP, ...] = tuple(TLP), chosen: TLP | None = None
) -> Label:
    """The one label in `text`, or `LabelQuestion`.

    With `chosen` (the person picked it after a question) the tokens that stood for it
    — the chosen label itself and every unclear token — are the label; other clear
    labels stay in the text as words.
    """
    found = tokens(text)
    if chosen is None:
        unclear = next((t for t in found if t.label is None), None)
        if unclear is not None:
            raise LabelQuestion(unclear.written, allowed, unclear.suggestion)
        labels = list(dict.fromkeys(t.label for t in found if t.label))
        if len(labels) > 1:
            offered = tuple(label for label in labels if label in allowed) or allowed
            raise LabelQuestion("", offered)
        chosen = labels[0] if labels else None
    markers = [t for t in found if t.label is None or t.label is chosen]
    recipients: list[str] = []
    pieces: list[str] = []
    cursor = 0
    for token in markers:
        pieces.append(text[cursor : token.start])
        cursor = token.end
        if chosen is TLP.RED and not recipients:
            named = re.match(r"(?:\s*,?\s*" + MENTION.pattern + r")+", text[cursor:])
            if named:
                recipients = mentions(named.group(0))
                cursor += named.end()
    pieces.append(text[cursor:])
    rest = re.sub(r"[ \t]{2,}", " ", " ".join(p.strip(" \t") for p in pieces if p.strip(" \t")))
    return Label(label=chosen, recipients=tuple(recipients), text=rest.strip())


@dataclass(frozen=True)
class LabelledText:
    """Free text with its TLP label, named recipients and trailing tags taken out."""

    text: str
    label: TLP | None
    recipients: tuple[str, ...]
    tags: tuple[str, ...]


_TRAILING_TAGS = re.compile(r"(?:\s*" + TAG.pattern + r")+\s*$", re.UNICODE)


def labelled_text(
    text: str, allowed: tuple[TLP, ...] = tuple(TLP), chosen: TLP | None = None
) -> LabelledText:
    """Read `text` as posted knowledge: its one label, `TLP:RED @a @b` recipients, `#tags`."""
    read = read_label(text, allowed, chosen)
    found_tags = tuple(tags(read.text))
    rest = _TRAILING_TAGS.sub("", read.text)
    rest = re.sub(r"[ \t]{2,}", " ", rest).strip()
    return LabelledText(text=rest, label=read.label, recipients=read.recipients, tags=found_tags)
