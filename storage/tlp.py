"""Traffic Light Protocol 2.0: who may see a labelled item, and where.

This module is the one place where TLP is decided (DESIGN §2.2). Every path that
shows data — search, show, lists, digests, exports, reports, App Home — asks it,
either per item (`may_see`) or as a SQL condition (`visible_clause`) so that paging
and counts stay right. Both are derived from the same rules below, and a test
checks that they agree for every combination.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    bindparam,
    exists,
    false,
    literal,
    or_,
    select,
    true,
)


class TLP(enum.StrEnum):
    """A TLP 2.0 label; the value is how it is written, and labels are never translated."""

    CLEAR = "TLP:CLEAR"
    GREEN = "TLP:GREEN"
    AMBER = "TLP:AMBER"
    AMBER_STRICT = "TLP:AMBER+STRICT"
    RED = "TLP:RED"

    @property
    def rank(self) -> int:
        return list(TLP).index(self)

    @classmethod
    def parse(cls, text: str) -> TLP | None:
        """Read a label as people write it (`tlp:amber`, `TLP:AMBER+STRICT`, `TLP:WHITE`)."""
        match = LABEL_PATTERN.fullmatch(text.strip())
        return _from_match(match) if match else None


def strictest(labels: Iterable[TLP]) -> TLP | None:
    """The strictest of these labels (what a reply showing them all is labelled), or None."""
    return max(labels, key=lambda t: t.rank, default=None)


# A label anywhere in a text: `TLP:AMBER+STRICT`, `tlp:green`, `TLP: RED`, `TLP:WHITE`
# (TLP 1.0's WHITE became CLEAR in 2.0).
LABEL_PATTERN = re.compile(
    r"\bTLP\s*:\s*(CLEAR|WHITE|GREEN|AMBER\s*\+\s*STRICT|AMBER|RED)\b", re.IGNORECASE
)


def _from_match(match: re.Match[str]) -> TLP:
    word = re.sub(r"\s+", "", match.group(1)).upper()
    return TLP.CLEAR if word == "WHITE" else TLP("TLP:" + word)


def derived_label(sources: Iterable[tuple[TLP, int | None]]) -> TLP | None:
    """The label of what is made from these (label, organisation) sources, or None.

    What is derived is at least as strict as each source. None means no label keeps
    every source's readers: the strictest is AMBER+STRICT or RED, and the sources come
    from more than one organisation, so someone would read what they could not before.
    """
    found = list(sources)
    label = strictest(label for label, _ in found)
    if label in (TLP.AMBER_STRICT, TLP.RED) and len({org for _, org in found}) > 1:
        return None
    return label


class Place(enum.Enum):
    """Where a reply will be read."""

    PRIVATE = "private"  # an ephemeral reply or a DM: only the viewer reads it
    CHANNEL = "channel"  # a channel post: everyone in the channel reads it


@dataclass(frozen=True)
class Audience:
    """Who reads what the bot shows, and where.

    A person is a member (or a guest, with `member_id=None`); a group export has no
    person, only a `ceiling` label chosen by whoever exports.
    """

    place: Place
    member_id: int | None = None
    organisation_id: int | None = None
    is_member: bool = False
    ceiling: TLP | None = None

    @classmethod
    def bookkeeping(cls) -> Audience:
        """The bot's own bookkeeping (planning reminders): reads everything, shows nothing.

        What it reads is filtered again for each person before anything is sent.
        """
        return cls(place=Place.PRIVATE, is_member=True, ceiling=TLP.RED)

    @classmethod
    def group(cls, ceiling: TLP) -> Audience:
        """An audience that is not one person (an export for a national body)."""
        if ceiling not in (TLP.CLEAR, TLP.GREEN, TLP.AMBER):
            raise ValueError("a group audience can be TLP:CLEAR, TLP:GREEN or TLP:AMBER")
        return cls(place=Place.PRIVATE, is_member=True, ceiling=ceiling)


def labels_for_place(place: Place) -> frozenset[TLP]:
    """The labels that may be shown in `place` at all."""
    if place is Place.CHANNEL:
        return frozenset({TLP.CLEAR, TLP.GREEN})
    return frozenset(TLP)


def surely_visible(audience: Audience) -> frozenset[TLP]:
    """The labels whose every item `audience` may see, whoever wrote it and for whom:
    `may_see` is true for them whatever the item's author, organisation or recipients."""
    allowed = labels_for_place(audience.place)
    if audience.ceiling is not None:
        return frozenset(t for t in allowed if t.rank <= audience.ceiling.rank)
    always = {TLP.CLEAR} | ({TLP.GREEN, TLP.AMBER} if audience.is_member else set())
    return frozenset(allowed & always)


def may_show_in(label: TLP, place: Place) -> bool:
    """Whether content with `label` may be shown in `place` (the outbound guard)."""
    return label in labels_for_place(place)


def may_see(
    audience: Audience,
    label: TLP,
    *,
    organisation_id: int | None,
    author_id: int | None,
    recipient_ids: frozenset[int] = frozenset(),
) -> bool:
    """Whether `audience` may see an item with this label, origin and named recipients."""
    if label not in labels_for_place(audience.place):
        return False
    if audience.ceiling is not None:
        return label.rank <= audience.ceiling.rank
    if label is TLP.CLEAR:
        return True
    if not audience.is_member:
        return False
    if label in (TLP.GREEN, TLP.AMBER):
        return True
    is_author = audience.member_id is not None and audience.member_id == author_id
    if label is TLP.AMBER_STRICT:
        same_org = audience.organisation_id is not None and (
            audience.organisation_id == organisation_id
        )
        return is_author or same_org
    return is_author or (audience.member_id in recipient_ids)


# For a condition built once and run for many readers (search): the reader and their
# organisation as parameters, filled in by `audience_params`.
_VIEWER = bindparam("tlp_viewer", type_=Integer)
_VIEWER_ORG = bindparam("tlp_viewer_org", type_=Integer)


def audience_shape(audience: Audience) -> Audience:
    """`audience` without who the person is: every audience of one shape has the same
    SQL condition with `bound=True`, so a statement can be built once per shape."""
    return replace(
        audience,
        member_id=None if audience.member_id is None else 0,
        organisation_id=None if audience.organisation_id is None else 0,
    )


def audience_params(audience: Audience) -> dict[str, int | None]:
    """The parameters of `visible_clause(..., bound=True)` for this audience."""
    return {"tlp_viewer": audience.member_id, "tlp_viewer_org": audience.organisation_id}


def visible_clause(
    audience: Audience,
    *,
    label: Any,
    organisation_id: Any,
    author_id: Any,
    item_id: Any,
    recipients_table: Any = None,
    bound: bool = False,
) -> ColumnElement[bool]:
    """The SQL condition equivalent to `may_see` for a row with these columns.

    `recipients_table` must have `item_id` and `member_id` columns naming the RED
    recipients of each item; without one, a RED row is only its author's. `bound`:
    the reader is left as parameters (`audience_params`), for statements built once
    per `audience_shape`.
    """
    viewer: Any = _VIEWER if bound else literal(audience.member_id)
    viewer_org: Any = _VIEWER_ORG if bound else literal(audience.organisation_id)
    allowed = labels_for_place(audience.place)
    if audience.ceiling is not None:
        labels = [t.value for t in allowed if t.rank <= audience.ceiling.rank]
        return label.in_(labels) if labels else false()
    conditions: list[ColumnElement[bool]] = []
    if TLP.CLEAR in allowed:
        conditions.append(label == TLP.CLEAR.value)
    if audience.is_member:
        open_labels = [t.value for t in (TLP.GREEN, TLP.AMBER) if t in allowed]
        if open_labels:
            conditions.append(label.in_(open_labels))
        is_author = author_id == viewer if audience.member_id is not None else false()
        if TLP.AMBER_STRICT in allowed:
            same_org = (
                organisation_id == viewer_org if audience.organisation_id is not None else false()
            )
            conditions.append(and_(label == TLP.AMBER_STRICT.value, or_(is_author, same_org)))
        if TLP.RED in allowed:
            named = (
                exists(
                    select(recipients_table.c.item_id).where(
                        recipients_table.c.item_id == item_id,
                        recipients_table.c.member_id == viewer,
                    )
                )
                if audience.member_id is not None and recipients_table is not None
                else false()
            )
            conditions.append(and_(label == TLP.RED.value, or_(is_author, named)))
    if not conditions:
        return false()
    return or_(*conditions) if len(conditions) > 1 else and_(conditions[0], true())
