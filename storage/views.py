"""Frozen snapshots that leave the storage layer; ORM objects never do."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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


@dataclass(frozen=True)
class SearchHit:
    item: KnowledgeView
    snippet: str  # body excerpt with the matched words between ** markers
