"""Frozen snapshots that leave the storage layer; ORM objects never do."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from storage.tlp import TLP


@dataclass(frozen=True)
class Actor:
    """Who makes a change, for the audit log."""

    ref: str  # "platform:user id", or "cli" for the command line
    member_id: int | None = None


@dataclass(frozen=True)
class OrganisationView:
    id: int
    name: str
    kind: str
    region: str | None


@dataclass(frozen=True)
class MemberView:
    id: int
    platform: str
    platform_user_id: str
    display_name: str
    organisation_id: int | None
    organisation_name: str | None
    roles: frozenset[str]
    language: str | None
    timezone: str | None
    active: bool
    digest: bool | None = None  # weekly digest: None follows the role, else their choice
    # (platform, user id) of each chat account; messages go to `platform` above.
    identities: tuple[tuple[str, str], ...] = ()
    platform_chosen: bool = False  # they chose where messages go (else: last used)

    @property
    def gets_digest(self) -> bool:
        """Whether the weekly digest goes to this member."""
        if not self.active:
            return False
        return self.digest if self.digest is not None else "portefeuillehouder" in self.roles

    def address(self, served: tuple[str, ...] = ()) -> tuple[str, str]:
        """(platform, user id) to write to: where messages go (used last, or chosen),
        unless the install no longer serves that platform and the member has an account
        on one it does."""
        if not served or self.platform in served:
            return self.platform, self.platform_user_id
        for platform, user in self.identities:
            if platform in served:
                return platform, user
        return self.platform, self.platform_user_id

    @property
    def actor(self) -> Actor:
        return Actor(ref=f"{self.platform}:{self.platform_user_id}", member_id=self.id)


@dataclass(frozen=True)
class KnowledgeView:
    id: int
    title: str
    body: str
    tlp: TLP
    tags: tuple[str, ...]
    author_id: int | None
    author_name: str | None
    organisation_id: int | None
    organisation_name: str | None
    recipient_ids: frozenset[int]
    recipient_names: tuple[str, ...]
    source_url: str | None
    source_author: str | None
    created_at: datetime
    updated_at: datetime
    useful_votes: int
    review_at: date | None = None  # to be reviewed by this day
    reviewed_at: datetime | None = None
    archived_at: datetime | None = None

    def stale(self, today: date) -> bool:
        """Past its review date and not archived: shown as "niet herzien sinds …"."""
        return self.archived_at is None and self.review_at is not None and self.review_at < today


@dataclass(frozen=True)
class SearchHit:
    item: KnowledgeView
    snippet: str  # body excerpt with the matched words between ** markers


@dataclass(frozen=True)
class BottleneckView:
    """A bottleneck with who recognises it; `municipalities` is what counts."""

    id: int
    title: str
    description: str
    theme: str | None
    tlp: TLP
    status: str
    reporter_id: int | None
    reporter_name: str | None
    organisation_id: int | None
    organisation_name: str | None
    created_at: datetime
    updated_at: datetime
    merged_into_id: int | None
    decision_asked: str | None
    escalated_to: str | None
    escalated_at: datetime | None
    reference: str | None
    answer_due: datetime | None
    answer: str | None
    answered_at: datetime | None
    municipalities: tuple[str, ...]  # supporting municipalities, by name
    partners: tuple[str, ...]  # supporting partner organisations (they do not count)
    supporter_ids: frozenset[int]  # members who support it

    @property
    def support_count(self) -> int:
        return len(self.municipalities)


@dataclass(frozen=True)
class BottleneckNoteView:
    member_name: str | None
    organisation_id: int | None
    organisation_name: str | None
    text: str
    created_at: datetime


@dataclass(frozen=True)
class BottleneckEventView:
    at: datetime
    actor_name: str
    kind: str
    old_status: str | None
    new_status: str | None
    body: str | None
    reference: str | None
    reason: str | None


@dataclass(frozen=True)
class BottleneckDetail:
    """Everything `/knelpunt toon` and the dossier show about one bottleneck."""

    bottleneck: BottleneckView
    notes: tuple[BottleneckNoteView, ...]
    events: tuple[BottleneckEventView, ...]
    knowledge: tuple[KnowledgeView, ...]  # linked items the reader may see
    hidden_knowledge: int  # linked items the reader may not see


@dataclass(frozen=True)
class BottleneckDraft:
    id: int
    member_id: int
    title: str
    description: str
    theme: str | None
    tlp: TLP


@dataclass(frozen=True)
class ActionView:
    id: int
    title: str
    owner_id: int | None
    owner_name: str | None
    owner_organisation: str | None
    creator_id: int | None
    creator_name: str | None
    bottleneck_id: int | None
    deadline: date
    status: str  # open, klaar, verwijderd
    created_at: datetime
    updated_at: datetime
    done_at: datetime | None
    overdue_reminders: int
    escalated_at: datetime | None
    tlp: TLP = TLP.GREEN
    organisation_id: int | None = None  # whose TLP:AMBER+STRICT it is

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class ActionEventView:
    at: datetime
    actor_name: str
    kind: str
    old_deadline: date | None
    new_deadline: date | None
    text: str | None


@dataclass(frozen=True)
class ReminderView:
    id: int
    action_id: int
    recipient_id: int | None
    kind: str
    due_at: datetime
    planned_at: datetime
    state: str
    attempts: int
    # Claimed again from a process that died while sending it: it may have gone out.
    maybe_sent: bool = False


@dataclass(frozen=True)
class DigestView:
    id: int
    member_id: int
    week: str
    due_at: datetime
    state: str
    attempts: int
    maybe_sent: bool = False  # claimed again from a process that died while sending it
