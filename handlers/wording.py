"""Words for one reader: the texts, dates and counts every capability writes with.

A request's context and a notice's writer both qualify; so does anything else that
knows the reader's language and time zone.
"""

from __future__ import annotations

from datetime import date as Day
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo


class Words(Protocol):
    """A request's context or a notice's writer: texts and dates for one reader."""

    @property
    def language(self) -> str: ...

    def t(self, key: str, /, **params: object) -> str: ...

    def date(self, moment: datetime) -> str: ...

    def day(self, moment: datetime) -> Day: ...

    @property
    def timezone(self) -> ZoneInfo: ...


def counted(words: Words, key: str, count: int) -> str:
    """`count` things in words: `key_one` for one (`1 gemeente`), `key` otherwise."""
    return words.t(f"{key}_one" if count == 1 else key, count=count)
