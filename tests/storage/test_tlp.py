"""TLP 2.0 rules (DESIGN §2.2), and the SQL condition agreeing with them everywhere."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from storage import knowledge, members
from storage.db import Database
from storage.models import KnowledgeItem
from storage.tlp import (
    TLP,
    Audience,
    Place,
    audience_params,
    audience_shape,
    may_see,
    may_show_in,
    surely_visible,
)
from storage.views import Actor

MEMBER_DELFT = Audience(place=Place.PRIVATE, member_id=1, organisation_id=1, is_member=True)
GUEST = Audience(place=Place.PRIVATE)


def _see(audience: Audience, label: TLP, org: int | None = 2, author: int | None = 9) -> bool:
    return may_see(audience, label, organisation_id=org, author_id=author)


def test_clear_is_for_everyone_everywhere() -> None:
    assert _see(GUEST, TLP.CLEAR)
    assert _see(Audience(place=Place.CHANNEL), TLP.CLEAR)


def test_green_is_for_members_in_channels_too() -> None:
    assert _see(MEMBER_DELFT, TLP.GREEN)
    assert _see(Audience(place=Place.CHANNEL, is_member=True), TLP.GREEN)
    assert not _see(GUEST, TLP.GREEN)


def test_amber_is_for_members_but_never_in_a_channel() -> None:
    assert _see(MEMBER_DELFT, TLP.AMBER)
    assert not _see(Audience(place=Place.CHANNEL, member_id=1, is_member=True), TLP.AMBER)
    assert not may_show_in(TLP.AMBER, Place.CHANNEL)


def test_amber_strict_is_for_the_authors_organisation_only() -> None:
    assert _see(MEMBER_DELFT, TLP.AMBER_STRICT, org=1)
    assert not _see(MEMBER_DELFT, TLP.AMBER_STRICT, org=2)
    assert _see(MEMBER_DELFT, TLP.AMBER_STRICT, org=2, author=1)


def test_red_is_for_the_author_and_named_recipients_only() -> None:
    assert _see(MEMBER_DELFT, TLP.RED, author=1)
    assert not _see(MEMBER_DELFT, TLP.RED, org=1)
    assert may_see(
        MEMBER_DELFT, TLP.RED, organisation_id=2, author_id=9, recipient_ids=frozenset({1})
    )
    in_channel = Audience(place=Place.CHANNEL, member_id=1, organisation_id=1, is_member=True)
    assert not _see(in_channel, TLP.RED, author=1)


def test_a_group_audience_sees_up_to_its_ceiling_and_never_strict_or_red() -> None:
    amber = Audience.group(TLP.AMBER)
    assert _see(amber, TLP.AMBER)
    assert not _see(amber, TLP.AMBER_STRICT)
    assert not _see(amber, TLP.RED)
    assert not _see(Audience.group(TLP.GREEN), TLP.AMBER)
    with pytest.raises(ValueError):
        Audience.group(TLP.RED)


items = st.tuples(
    st.sampled_from(list(TLP)),
    st.sampled_from([1, 2, None]),  # organisation
    st.sampled_from([1, 2, None]),  # author member id
    st.frozensets(st.sampled_from([1, 2, 3]), max_size=2),  # RED recipients
)
audiences = st.builds(
    Audience,
    place=st.sampled_from(list(Place)),
    member_id=st.sampled_from([1, 2, 3, None]),
    organisation_id=st.sampled_from([1, 2, None]),
    is_member=st.booleans(),
    ceiling=st.sampled_from([None, None, TLP.CLEAR, TLP.GREEN, TLP.AMBER]),
)


@given(item_specs=st.lists(items, min_size=1, max_size=6), audience=audiences)
def test_sql_condition_agrees_with_may_see(
    db: Database,
    item_specs: list[tuple[TLP, int | None, int | None, frozenset[int]]],
    audience: Audience,
) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with db.write() as session:
        session.query(KnowledgeItem).delete()
        for user in ("m1", "m2", "m3"):
            members.save_member(
                session, Actor("t"), now, platform="t", user_id=user, display_name=user,
                organisation_id=1, roles=["ciso"],
            )  # fmt: skip
        expected = set()
        for label, org, author, recipients in item_specs:
            item = knowledge.create(
                session, Actor("t"), now, title="x", body="x", tlp=label, author_id=author,
                organisation_id=org, recipient_ids=recipients,
            )  # fmt: skip
            if may_see(audience, label, organisation_id=org, author_id=author,
                       recipient_ids=recipients):  # fmt: skip
                expected.add(item.id)
        found = set(session.scalars(select(KnowledgeItem.id).where(knowledge.visible(audience))))
        # The same condition built once per shape, the reader as parameters (search).
        shared = select(KnowledgeItem.id).where(
            knowledge.visible(audience_shape(audience), bound=True)
        )
        found_bound = set(session.scalars(shared, audience_params(audience)))
    assert found == expected
    assert found_bound == expected


@given(
    audience=audiences,
    organisation=st.sampled_from([1, 2, None]),
    author=st.sampled_from([1, 2, 3, None]),
    recipients=st.frozensets(st.sampled_from([1, 2, 3]), max_size=2),
)
def test_a_label_surely_visible_is_visible_whoever_wrote_the_item(
    audience: Audience, organisation: int | None, author: int | None, recipients: frozenset[int]
) -> None:
    for label in surely_visible(audience):
        assert may_see(audience, label, organisation_id=organisation, author_id=author,
                       recipient_ids=recipients)  # fmt: skip
