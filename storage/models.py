"""SQLAlchemy models: organisations, members, knowledge, bottlenecks, actions, reminders.

Timestamps are stored as UTC and always come back time-zone aware. The search
columns (`search_*`) hold the folded, stemmed words that the FTS5 index reads; they
are written by `storage.knowledge`, never by hand.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[datetime]):
    """A datetime stored as naive UTC and read back as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class Organisation(Base):
    """A municipality or a partner organisation (police, OM, safety region, …)."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # "gemeente" or "partner"
    region: Mapped[str | None] = mapped_column(String(120))


class Member(Base):
    """A chat user the network knows, identified by platform and platform user id."""

    __tablename__ = "members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    platform_user_id: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    language: Mapped[str | None] = mapped_column(String(5))
    timezone: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The weekly digest: None follows the role (portefeuillehouder), else their own choice.
    digest: Mapped[bool | None] = mapped_column(Boolean)
    # `platform`/`platform_user_id` name where the bot writes to the member: the identity
    # they used last, unless they chose one (then it stays).
    platform_chosen: Mapped[bool] = mapped_column(Boolean, default=False)

    organisation: Mapped[Organisation | None] = relationship(lazy="joined")
    roles: Mapped[list[MemberRole]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="MemberRole.role"
    )
    identities: Mapped[list[MemberIdentity]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="MemberIdentity.platform"
    )


class MemberIdentity(Base):
    """One chat platform account of a member; a member may have one per platform."""

    __tablename__ = "member_identities"
    __table_args__ = (UniqueConstraint("platform", "platform_user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    platform: Mapped[str] = mapped_column(String(20))
    platform_user_id: Mapped[str] = mapped_column(String(64))


class MemberRole(Base):
    __tablename__ = "member_roles"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(30), primary_key=True)


class KnowledgeItem(Base):
    """A piece of shared knowledge with its TLP label."""

    __tablename__ = "knowledge_items"
    __table_args__ = (
        Index("ix_knowledge_items_created_at", "created_at"),
        # Who may see an item, and whether it is current, without reading its row: the
        # broad-search count and the ranking of search results use it.
        Index(
            "ix_knowledge_items_visibility",
            "id",
            "tlp",
            "organisation_id",
            "author_id",
            "archived_at",
            "review_at",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    # Indexed: search counts the items of the labels a reader may not always see.
    tlp: Mapped[str] = mapped_column(String(20), index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), index=True
    )
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    # A captured chat message keeps where it came from and who wrote it.
    source_url: Mapped[str | None] = mapped_column(String(500))
    source_author: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    search_title: Mapped[str] = mapped_column(Text, default="")
    search_body: Mapped[str] = mapped_column(Text, default="")
    search_tags: Mapped[str] = mapped_column(Text, default="")
    # Compound words reversed (`metsysreehebwuobeg`): a word finds what it ends.
    search_tails: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Knowledge goes stale: the day it should be reviewed by, when it last was, when it
    # was archived, and the review date its author was last asked about.
    review_at: Mapped[date | None] = mapped_column(Date, index=True)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    review_asked_for: Mapped[date | None] = mapped_column(Date)

    author: Mapped[Member | None] = relationship(lazy="joined")
    organisation: Mapped[Organisation | None] = relationship(lazy="joined")
    tags: Mapped[list[Tag]] = relationship(
        secondary="knowledge_tags", lazy="selectin", order_by="Tag.name"
    )
    recipients: Mapped[list[Member]] = relationship(
        secondary="knowledge_recipients", lazy="selectin"
    )


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)


class KnowledgeTag(Base):
    __tablename__ = "knowledge_tags"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("knowledge_items.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class KnowledgeRecipient(Base):
    """A member named on a TLP:RED item."""

    __tablename__ = "knowledge_recipients"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("knowledge_items.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )


class UsefulVote(Base):
    """A member found a knowledge item useful."""

    __tablename__ = "useful_votes"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("knowledge_items.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Question(Base):
    """A question to the network (`/kennis vraag`); it becomes an item once answered."""

    __tablename__ = "questions"
    __table_args__ = (Index("ix_questions_open", "closed_at", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    asker_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(String(400))  # space-separated, as stored tags are
    tlp: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The knowledge item the question and its answers became.
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("knowledge_items.id", ondelete="SET NULL")
    )


class Answer(Base):
    """An answer to a question: from its form, a command, or a reply in its thread."""

    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    body: Mapped[str] = mapped_column(Text)
    tlp: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(20))  # form, command, thread
    helpful: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AuditEntry(Base):
    """Who changed what, when: one row per state change."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_subject", "subject_type", "subject_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(100))  # "platform:user id", kept if the member goes
    action: Mapped[str] = mapped_column(String(60))
    subject_type: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[str | None] = mapped_column(String(40))
    details: Mapped[str] = mapped_column(Text, default="{}")  # JSON


class Bottleneck(Base):
    """A knelpunt: a problem municipalities cannot solve alone (DESIGN §2.3).

    The status flow and its rules live in `storage.bottleneck_status`; escalation
    fields are filled when the werkgroep raises it with a national body.
    """

    __tablename__ = "bottlenecks"
    __table_args__ = (Index("ix_bottlenecks_status", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    theme: Mapped[str | None] = mapped_column(String(60))
    tlp: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    reporter_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), index=True
    )
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("bottlenecks.id", ondelete="SET NULL")
    )
    decision_asked: Mapped[str | None] = mapped_column(Text)
    escalated_to: Mapped[str | None] = mapped_column(String(40))
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reference: Mapped[str | None] = mapped_column(String(120))
    answer_due: Mapped[datetime | None] = mapped_column(UTCDateTime())
    answer: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # When the werkgroep was told it reached the threshold: once, ever.
    threshold_notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The last reminder that the national answer is late (then weekly).
    answer_reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    search_title: Mapped[str] = mapped_column(Text, default="")
    search_body: Mapped[str] = mapped_column(Text, default="")


class BottleneckSupport(Base):
    """A member recognises a bottleneck; their organisation counts once."""

    __tablename__ = "bottleneck_supports"

    bottleneck_id: Mapped[int] = mapped_column(
        ForeignKey("bottlenecks.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class BottleneckNote(Base):
    """What a supporter adds: how the bottleneck shows in their municipality."""

    __tablename__ = "bottleneck_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bottleneck_id: Mapped[int] = mapped_column(
        ForeignKey("bottlenecks.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class BottleneckEvent(Base):
    """One line of a bottleneck's history: who did what, when, why, to whom."""

    __tablename__ = "bottleneck_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bottleneck_id: Mapped[int] = mapped_column(
        ForeignKey("bottlenecks.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(20))  # reported, status, merged, answer, …
    old_status: Mapped[str | None] = mapped_column(String(20))
    new_status: Mapped[str | None] = mapped_column(String(20))
    body: Mapped[str | None] = mapped_column(String(40))  # the national body, when escalated
    reference: Mapped[str | None] = mapped_column(String(120))
    reason: Mapped[str | None] = mapped_column(Text)


class BottleneckKnowledge(Base):
    """A knowledge item that belongs with a bottleneck (for the dossier)."""

    __tablename__ = "bottleneck_knowledge"

    bottleneck_id: Mapped[int] = mapped_column(
        ForeignKey("bottlenecks.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(
        ForeignKey("knowledge_items.id", ondelete="CASCADE"), primary_key=True
    )


class BottleneckDraft(Base):
    """A report held back while its author looks at similar bottlenecks first."""

    __tablename__ = "bottleneck_drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    theme: Mapped[str | None] = mapped_column(String(60))
    tlp: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Action(Base):
    """An agreed action with an owner and a deadline (DESIGN §2.4)."""

    __tablename__ = "actions"
    __table_args__ = (
        Index("ix_actions_status_deadline", "status", "deadline"),
        # The escalation check reads the few actions with overdue reminders, not all.
        Index("ix_actions_overdue_reminders", "overdue_reminders"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), index=True
    )
    creator_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    bottleneck_id: Mapped[int | None] = mapped_column(
        ForeignKey("bottlenecks.id", ondelete="SET NULL"), index=True
    )
    deadline: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))  # open, klaar, verwijderd
    # Shared work is labelled like what it works on; never TLP:RED.
    tlp: Mapped[str] = mapped_column(String(20), server_default="TLP:GREEN")
    # Whose TLP:AMBER+STRICT it is: the creator's organisation.
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", name="fk_actions_organisation_id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    overdue_reminders: Mapped[int] = mapped_column(Integer, default=0)
    # When the werkgroep was told the action stays overdue: once per deadline.
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ActionEvent(Base):
    """One line of an action's history: created, progress, postponed (with why), done."""

    __tablename__ = "action_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(20))
    old_deadline: Mapped[date | None] = mapped_column(Date)
    new_deadline: Mapped[date | None] = mapped_column(Date)
    text: Mapped[str | None] = mapped_column(Text)


class Reminder(Base):
    """A message due at a moment: the database, not the scheduler, is the source of truth.

    `pending` → `sending` (claimed by one sweep) → `sent`; a failed send goes back to
    `pending` with a later `due_at`; after the last attempt of the ladder it is `failed`:
    still owed, tried hourly until it is delivered or its action is closed (the
    werkgroep hears of it once). `reported` is a state of earlier versions, which gave
    up there.
    """

    __tablename__ = "reminders"
    __table_args__ = (Index("ix_reminders_state_due_at", "state", "due_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), index=True)
    recipient_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))  # before_7, before_1, due, overdue
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    planned_at: Mapped[datetime] = mapped_column(UTCDateTime())  # the first due_at
    state: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claim: Mapped[str | None] = mapped_column(String(40))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    error: Mapped[str | None] = mapped_column(String(300))
    maybe_sent: Mapped[bool] = mapped_column(Boolean, default=False)


class SearchTerm(Base):
    """A word (stem) the knowledge search index holds; filled by triggers (migration 0017)."""

    __tablename__ = "search_terms"
    __table_args__ = ({"sqlite_with_rowid": False},)

    term: Mapped[str] = mapped_column(Text, primary_key=True)


class Notice(Base):
    """A message that must go out once: its key is claimed before it is sent."""

    __tablename__ = "notices"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime())


class HeldRequest(Base):
    """A command held back until its author chose a label (the label was unclear)."""

    __tablename__ = "held_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str] = mapped_column(String(64))
    request: Mapped[str] = mapped_column(Text)  # the request as JSON
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Digest(Base):
    """One recipient's digest of one week: claimed, sent, recorded, like a reminder."""

    __tablename__ = "digests"
    __table_args__ = (
        UniqueConstraint("member_id", "week", name="uq_digests_member_week"),
        Index("ix_digests_state_due_at", "state", "due_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    week: Mapped[str] = mapped_column(String(8))  # ISO week of the moment it is due: 2027-W10
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    state: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claim: Mapped[str | None] = mapped_column(String(40))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    error: Mapped[str | None] = mapped_column(String(300))
    maybe_sent: Mapped[bool] = mapped_column(Boolean, default=False)


class OutboxMessage(Base):
    """A message the bot sends on its own that is not a reminder or a digest.

    One row per recipient, with a unique key (so a notice is planned once), the reply
    as JSON, and the reminders' protocol: claimed, sent, recorded; retried until
    delivered.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_due_at", "state", "due_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(160), unique=True)
    payload: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    claim: Mapped[str | None] = mapped_column(String(40))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    maybe_sent: Mapped[bool] = mapped_column(Boolean, default=False)
    error: Mapped[str | None] = mapped_column(String(300))


class Instance(Base):
    """A running process and its last heartbeat (seconds, on the database's clock)."""

    __tablename__ = "instances"

    token: Mapped[str] = mapped_column(String(40), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    pid: Mapped[int] = mapped_column(Integer)
    host: Mapped[str] = mapped_column(String(100))
    beat_at: Mapped[float] = mapped_column(Float)


class Lease(Base):
    """Work that one process at a time does (the sweep), and which process has it."""

    __tablename__ = "leases"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    holder: Mapped[str] = mapped_column(String(40))


class InstallFact(Base):
    """Facts about this install that never change (`id`: random, made by the migration)."""

    __tablename__ = "install_facts"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
