"""The demo data set is realistic and complete enough to try every feature."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime

from bot.demo.data import ITEMS, MEMBERS
from bot.demo.load import load_demo
from storage import actions, bottlenecks, members, reminders
from storage.db import Database
from storage.tlp import TLP, Audience

TOPICS = ("phishing", "ransomware", "leverancier", "bio", "ensia", "logging", "back-up",
          "awareness")  # fmt: skip


def test_demo_covers_the_region_the_topics_and_every_label(db: Database) -> None:
    counts = load_demo(db, datetime(2026, 11, 28, tzinfo=UTC))
    assert counts["knowledge items"] >= 60
    labels = Counter(TLP(item[2].split()[0]) for item in ITEMS)
    assert set(labels) == set(TLP)
    tags = Counter(tag for item in ITEMS for tag in item[3])
    assert all(tags[topic] >= 3 for topic in TOPICS), tags
    with db.read() as session:
        everyone = members.active_members(session)
    assert len(everyone) == len(MEMBERS) >= 24
    roles = {role for m in everyone for role in m.roles}
    assert roles == {"ciso", "adviseur", "werkgroep", "portefeuillehouder", "partner", "beheerder"}
    municipalities = {m.organisation_name for m in everyone if "ciso" in m.roles}
    assert len(municipalities) >= 20


def test_demo_bottlenecks_cover_every_stage_and_rank_by_municipalities(db: Database) -> None:
    counts = load_demo(db, datetime(2026, 11, 28, tzinfo=UTC))
    assert counts["bottlenecks"] >= 6
    with db.read() as session:
        found = bottlenecks.details(session, Audience.group(TLP.AMBER))
    statuses = {d.bottleneck.status for d in found}
    assert {"nieuw", "in_behandeling", "geescaleerd", "beantwoord", "afgewezen"} <= statuses
    counts_in_order = [d.bottleneck.support_count for d in found]
    assert counts_in_order == sorted(counts_in_order, reverse=True)
    top = found[0].bottleneck
    assert top.support_count == 6 and top.escalated_to == "IBD" and top.decision_asked
    assert any(d.notes for d in found) and all(d.events for d in found)


def test_demo_actions_are_open_overdue_postponed_and_done_with_reminders(db: Database) -> None:
    counts = load_demo(db, datetime(2026, 11, 28, 9, tzinfo=UTC))
    assert counts["actions"] >= 8
    with db.read() as session:
        open_actions, total_open = actions.listed(session, Audience.bookkeeping(), limit=None)
        late, _ = actions.listed(
            session, Audience.bookkeeping(), due_before=date(2026, 11, 28), limit=None
        )
        done, _ = actions.listed(session, Audience.bookkeeping(), statuses=("klaar",), limit=None)
        planned = reminders.planned(session)
        postponed = [
            a
            for a in open_actions
            if any(e.kind == "postponed" for e in actions.events(session, a.id))
        ]
    assert len(late) == 2 and len(done) == 2 and postponed and total_open >= 6
    assert {r.action_id for r in planned} == {a.id for a in open_actions}
    assert any(a.bottleneck_id for a in open_actions)
