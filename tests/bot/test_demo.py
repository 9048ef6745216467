"""The demo data set is realistic and complete enough to try every feature."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from bot.demo import load_demo
from bot.demo_data import ITEMS, MEMBERS
from storage import bottlenecks, members
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
