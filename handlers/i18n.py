"""The text catalogue: every word a chat user reads, in Dutch and English."""

from __future__ import annotations

from datetime import date

from handlers.texts_en import TEXTS as EN
from handlers.texts_nl import TEXTS as NL

CATALOGUES: dict[str, dict[str, str]] = {"nl": NL, "en": EN}
LANGUAGES = tuple(CATALOGUES)


# Dutch addresses an administrator as "u" and a peer as "je". A text that says "u" has
# its informal twin under the same key with INFORMAL appended; English has one form.
INFORMAL = "@je"


def translate(language: str, key: str, /, **params: object) -> str:
    """The text `key` in `language` (Dutch when unknown), with `params` filled in."""
    return addressed(language, False, key, **params)


def addressed(language: str, informal: bool, key: str, /, **params: object) -> str:
    """As `translate`, in the "je" form when `informal` and the catalogue has one."""
    catalogue = CATALOGUES.get(language, NL)
    template = (informal and catalogue.get(key + INFORMAL)) or catalogue.get(key) or NL[key]
    return template.format(**params) if params else template


def knows(key: str) -> bool:
    """Whether the catalogues hold `key` (both do, or neither: a test checks it)."""
    return key in NL


def format_date(day: date, language: str) -> str:
    """A date in words: `15 maart 2027`, `15 March 2027`."""
    months = translate(language, "date.months").split()
    return f"{day.day} {months[day.month - 1]} {day.year}"


def format_weekday_date(day: date, language: str) -> str:
    """A date with its weekday: `vrijdag 12 maart 2027`."""
    weekdays = translate(language, "date.weekdays").split()
    return f"{weekdays[day.weekday()]} {format_date(day, language)}"
