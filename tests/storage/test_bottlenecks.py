"""The bottleneck rules: counting by municipality, transitions, merge, threshold, late answers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from storage import bottleneck_links, bottleneck_status, bottleneck_support, bottlenecks, members
from storage.bottleneck_status import Escalation, TransitionRefused
from storage.bottleneck_support import Support
from storage.bottlenecks import (
    ANSWERED,
    ESCALATED,
    IN_PROGRESS,
    MERGED,
    NEW,
    REJECTED,
    SOLVED,
    STATUSES,
)
from storage.db import Database
from storage.models import Bottleneck
from storage.tlp import TLP, Audience, Place
from storage.views import Actor, BottleneckView, MemberView

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
SYSTEM = Actor("test")


def _member(session: Session, user: str, organisation: str, *roles: str) -> MemberView:
    org = members.find_organisation(session, organisation)
    assert org is not None
    member, _ = members.save_member(
        session,
        SYSTEM,
        NOW,
        platform="console",
        user_id=user,
        display_name=user.title(),
        organisation_id=org.id,
        roles=roles or ("ciso",),
    )
    return member


def _report(
    session: Session, reporter: MemberView, title: str, tlp: TLP = TLP.GREEN
) -> BottleneckView:
    return bottlenecks.create(
        session, NOW, reporter, title=title, description="", theme=None, tlp=tlp
    )


def _reader(member: MemberView) -> Audience:
    return Audience(
        place=Place.PRIVATE,
        member_id=member.id,
        organisation_id=member.organisation_id,
        is_member=True,
    )


@pytest.fixture
def people(db: Database) -> dict[str, MemberView]:
    with db.write() as session:
        return {
            "anna": _member(session, "anna", "Den Haag", "ciso", "werkgroep"),
            "dirk": _member(session, "dirk", "Den Haag"),
            "bram": _member(session, "bram", "Leiden"),
            "carla": _member(session, "carla", "Delft"),
            "pieter": _member(session, "pieter", "Politie eenheid Den Haag", "partner"),
        }


def test_a_municipality_counts_once_however_many_of_its_cisos_support(
    db: Database, people: dict[str, MemberView]
) -> None:
    with db.write() as session:
        b = _report(session, people["anna"], "Logging bij de cloudleverancier")
        assert bottleneck_support.support(session, NOW, b.id, people["dirk"], "ook") is (
            Support.SAME_ORGANISATION
        )
        assert bottleneck_support.support(session, NOW, b.id, people["bram"], None) is (
            Support.COUNTED
        )
        assert bottleneck_support.support(session, NOW, b.id, people["bram"], None) is (
            Support.ALREADY
        )
        assert bottleneck_support.support(session, NOW, b.id, people["pieter"], None) is (
            Support.COUNTED
        )
        seen = bottlenecks.view(session, b.id)
    assert seen.municipalities == ("Den Haag", "Leiden")
    assert seen.partners == ("Politie eenheid Den Haag",)
    assert seen.support_count == 2


def test_withdrawing_removes_only_that_persons_support(
    db: Database, people: dict[str, MemberView]
) -> None:
    with db.write() as session:
        b = _report(session, people["bram"], "Phishingfilter mist QR-codes")
        bottleneck_support.support(session, NOW, b.id, people["anna"], None)
        bottleneck_support.support(session, NOW, b.id, people["dirk"], None)
        assert bottleneck_support.withdraw(session, NOW, b.id, people["anna"])
        assert bottlenecks.view(session, b.id).support_count == 2  # dirk keeps Den Haag in
        assert bottleneck_support.withdraw(session, NOW, b.id, people["dirk"])
        assert not bottleneck_support.withdraw(session, NOW, b.id, people["dirk"])
        assert bottlenecks.view(session, b.id).municipalities == ("Leiden",)


def test_threshold_is_claimed_once_even_after_dropping_below_and_rising_again(
    db: Database, people: dict[str, MemberView]
) -> None:
    with db.write() as session:
        b = _report(session, people["bram"], "Geen budget voor SOC")
        assert not bottleneck_support.claim_threshold(session, b.id, NOW, 2)
        bottleneck_support.support(session, NOW, b.id, people["carla"], None)
        assert bottleneck_support.claim_threshold(session, b.id, NOW, 2)
        assert not bottleneck_support.claim_threshold(session, b.id, NOW, 2)
        bottleneck_support.withdraw(session, NOW, b.id, people["carla"])
        bottleneck_support.support(session, NOW, b.id, people["carla"], None)
        assert not bottleneck_support.claim_threshold(session, b.id, NOW, 2)


ALLOWED = {
    (NEW, IN_PROGRESS),
    (NEW, REJECTED),
    (IN_PROGRESS, ESCALATED),
    (IN_PROGRESS, SOLVED),
    (IN_PROGRESS, REJECTED),
    (ESCALATED, ANSWERED),
    (ESCALATED, SOLVED),
    (ESCALATED, REJECTED),
    (ANSWERED, SOLVED),
    (ANSWERED, IN_PROGRESS),
    (SOLVED, IN_PROGRESS),
    (REJECTED, IN_PROGRESS),
}


@pytest.mark.parametrize("old", STATUSES)
@pytest.mark.parametrize("new", STATUSES)
def test_only_the_documented_transitions_are_allowed(
    db: Database, people: dict[str, MemberView], old: str, new: str
) -> None:
    escalation = Escalation("IBD", "IBD-1", NOW + timedelta(weeks=6))
    with db.write() as session:
        b = _report(session, people["anna"], "Een knelpunt")
        session.execute(update(Bottleneck).where(Bottleneck.id == b.id).values(status=old))

        def change() -> BottleneckView:
            return bottleneck_status.change_status(
                session, SYSTEM, "Anna", NOW, b.id, new, reason="r", escalation=escalation
            )

        if (old, new) in ALLOWED:
            assert change().status == new
        else:
            with pytest.raises(TransitionRefused):
                change()


def test_escalating_records_body_reference_and_answer_date_in_the_history(
    db: Database, people: dict[str, MemberView]
) -> None:
    due = NOW + timedelta(weeks=6)
    with db.write() as session:
        b = _report(session, people["anna"], "Een knelpunt")
        for status in (IN_PROGRESS, ESCALATED):
            bottleneck_status.change_status(
                session,
                SYSTEM,
                "Anna",
                NOW,
                b.id,
                status,
                reason="landelijk",
                escalation=Escalation("IBD", "IBD-2026-1", due),
            )
        detail = bottlenecks.detail(session, _reader(people["anna"]), b.id)
    assert detail is not None
    assert (detail.bottleneck.escalated_to, detail.bottleneck.reference) == ("IBD", "IBD-2026-1")
    assert detail.bottleneck.answer_due == due
    last = detail.events[-1]
    assert (last.old_status, last.new_status, last.body, last.reference, last.reason) == (
        IN_PROGRESS,
        ESCALATED,
        "IBD",
        "IBD-2026-1",
        "landelijk",
    )
    assert last.actor_name == "Anna"


def test_merge_moves_supports_notes_and_links_and_points_the_old_number_on(
    db: Database, people: dict[str, MemberView]
) -> None:
    with db.write() as session:
        kept = _report(session, people["anna"], "MFA bij leveranciers ontbreekt")
        old = _report(session, people["bram"], "Leveranciers zonder MFA", tlp=TLP.AMBER)
        bottleneck_support.support(session, NOW, old.id, people["carla"], "Delft ook")
        bottleneck_support.support(session, NOW, old.id, people["dirk"], None)
        merged = bottleneck_status.merge(session, SYSTEM, "Anna", NOW, old.id, kept.id)
        assert merged.label_raised and merged.kept.tlp is TLP.AMBER
        assert sorted(merged.kept.municipalities) == ["Delft", "Den Haag", "Leiden"]
        assert merged.kept.supporter_ids == {
            people[p].id for p in ("anna", "bram", "carla", "dirk")
        }
        assert bottlenecks.view(session, old.id).status == MERGED
        assert bottleneck_status.resolve_merged(session, old.id) == kept.id
        detail = bottlenecks.detail(session, _reader(people["anna"]), kept.id)
        with pytest.raises(TransitionRefused):
            bottleneck_status.merge(session, SYSTEM, "Anna", NOW, old.id, kept.id)
    assert detail is not None
    assert [n.text for n in detail.notes] == ["Delft ook"]
    assert detail.events[-1].kind == "merged_from"


def test_late_answers_are_claimed_once_and_again_a_week_later(
    db: Database, people: dict[str, MemberView]
) -> None:
    due = datetime(2026, 12, 10, tzinfo=UTC)
    with db.write() as session:
        b = _report(session, people["anna"], "Een knelpunt")
        for status in (IN_PROGRESS, ESCALATED):
            bottleneck_status.change_status(
                session, SYSTEM, "Anna", NOW, b.id, status,
                escalation=Escalation("VNG", None, due),
            )  # fmt: skip
    day_after = datetime(2026, 12, 11, 9, tzinfo=UTC)

    def claim(at: datetime) -> list[int]:
        with db.write() as session:
            return bottleneck_status.claim_late_answers(session, at, at.replace(hour=0))

    assert claim(due) == []  # not yet passed
    assert claim(day_after) == [b.id]
    assert claim(day_after + timedelta(hours=1)) == []
    assert claim(day_after + timedelta(days=6)) == []
    assert claim(day_after + timedelta(days=7)) == [b.id]


def test_amber_strict_is_only_seen_by_its_own_municipality(
    db: Database, people: dict[str, MemberView]
) -> None:
    with db.write() as session:
        strict = _report(session, people["anna"], "Incident bij Den Haag", tlp=TLP.AMBER_STRICT)
        _report(session, people["bram"], "Open knelpunt")
    with db.read() as session:
        for name, sees in (("dirk", True), ("bram", False), ("carla", False)):
            found = bottlenecks.get_visible(session, _reader(people[name]), strict.id)
            assert (found is not None) is sees, name
            listed, total = bottlenecks.ranked(session, _reader(people[name]))
            assert (strict.id in [b.id for b in listed]) is sees
            assert total == (2 if sees else 1)
        guest = Audience(place=Place.PRIVATE)
        assert bottlenecks.ranked(session, guest) == ([], 0)
        export = bottlenecks.details(session, Audience.group(TLP.AMBER))
        assert [d.bottleneck.title for d in export] == ["Open knelpunt"]


def test_ranking_is_by_number_of_municipalities(
    db: Database, people: dict[str, MemberView]
) -> None:
    with db.write() as session:
        one = _report(session, people["anna"], "Eén gemeente")
        three = _report(session, people["anna"], "Drie gemeenten")
        two = _report(session, people["bram"], "Twee gemeenten")
        for who in ("bram", "carla"):
            bottleneck_support.support(session, NOW, three.id, people[who], None)
        bottleneck_support.support(session, NOW, two.id, people["carla"], None)
        bottleneck_support.support(session, NOW, one.id, people["dirk"], None)  # same org
    with db.read() as session:
        listed, _ = bottlenecks.ranked(session, _reader(people["carla"]))
    assert [b.id for b in listed] == [three.id, two.id, one.id]


def test_similar_needs_shared_meaning_not_one_common_word(
    db: Database, people: dict[str, MemberView]
) -> None:
    with db.write() as session:
        _report(session, people["anna"], "Auditlogs van het zaaksysteem ontbreken")
        _report(session, people["anna"], "Budget voor awareness ontbreekt")
    with db.read() as session:
        reader = _reader(people["bram"])
        found = bottleneck_links.similar(session, reader, "Zaaksysteem levert geen auditlog")
        unrelated = bottleneck_links.similar(session, reader, "Het zaaksysteem is traag")
    assert [b.title for b in found] == ["Auditlogs van het zaaksysteem ontbreken"]
    assert unrelated == []


def test_answer_contacts_are_every_ciso_of_every_supporting_municipality(
    db: Database, people: dict[str, MemberView]
) -> None:
    with db.write() as session:
        extra = _member(session, "lotte", "Leiden")  # a Leiden CISO who did not support
        _member(session, "adviseur", "Leiden", "adviseur")
        b = _report(session, people["anna"], "Een knelpunt")
        bottleneck_support.support(session, NOW, b.id, people["bram"], None)
        supporters = bottleneck_support.supporter_contacts(session, b.id)
        cisos = bottleneck_support.supporter_contacts(session, b.id, role="ciso")
    assert {m.platform_user_id for m in supporters} == {"anna", "bram"}
    assert {m.platform_user_id for m in cisos} == {"anna", "dirk", "bram", extra.platform_user_id}
