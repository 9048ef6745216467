"""What a handler gets: the caller, the request, the clock, the database, the texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Day
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from storage.db import Database
from storage.thesaurus import Thesaurus
from storage.tlp import TLP, Audience, Place
from storage.views import Actor, MemberView

from handlers.deadlines import Deadlines
from handlers.i18n import addressed, format_date, translate
from handlers.messages import Clock, Request
from handlers.workdays import WorkCalendar

# Where bottlenecks go (DOMAIN.md); an install may add its own.
ESCALATION_BODIES = ("IBD", "VNG", "NCSC", "BZK", "JenV", "RBO", "TK")

ROLES = ("ciso", "adviseur", "werkgroep", "portefeuillehouder", "partner", "beheerder")


class WeeklySchedule(Protocol):
    """The moments a weekly message falls due; a week's message is its first in that week."""

    def first_in_week(self, day: Day) -> datetime | None: ...

    def due(self, now: datetime) -> datetime | None:
        """The latest week's moment at or before `now` (this week's, else last week's)."""
        ...

    def next_after(self, now: datetime) -> datetime | None: ...


def informal_for(member: MemberView | None) -> bool:
    """One form of address per reader: "u" for the portfolio holder (an administrator),
    "je" for everyone else, as the network speaks among peers."""
    return member is None or "portefeuillehouder" not in member.roles


# Advisories about vulnerabilities are wrong within weeks, incident notes within
# months; policy lasts a year (KNOWLEDGE_REVIEW_TAGS replaces this list).
REVIEW_DAYS_BY_TAG = (
    ("kwetsbaarheden", 30),
    ("kwetsbaarheid", 30),
    ("advisory", 30),
    ("incident", 90),
    ("dreiging", 90),
    ("beleid", 365),
)


@dataclass(frozen=True)
class PlatformChannels:
    """One chat platform's channels, in an install that serves more than one."""

    platform: str
    network: str | None = None
    workgroup: str | None = None


@dataclass(frozen=True)
class CoreSettings:
    """The part of the configuration that handlers need."""

    language: str = "nl"
    timezone: str = "Europe/Amsterdam"
    admins: frozenset[str] = frozenset()
    tlp_default: TLP = TLP.GREEN
    page_size: int = 5
    network_channel: str | None = None  # where new bottlenecks are announced
    workgroup_channel: str | None = None  # where the werkgroep is told; else DMs
    # An install on more than one platform: each platform's channels instead.
    platform_channels: tuple[PlatformChannels, ...] = ()
    # The chat platforms this install serves (none: the console, or tests).
    platforms: tuple[str, ...] = ()
    escalation_threshold: int = 3  # municipalities that make a bottleneck ready
    escalation_bodies: tuple[str, ...] = ESCALATION_BODIES
    answer_weeks: int = 6  # default wait for a national answer
    reminder_hour: int = 9  # local hour for reminders
    work_calendar: WorkCalendar = field(default_factory=WorkCalendar)
    overdue_every_workdays: int = 3  # while overdue, a reminder every N working days
    escalate_after_overdue: int = 2  # overdue reminders before the werkgroep is told
    reminder_attempts: int = 5  # sends of one reminder before it is reported as failed
    overview_weekday: int = 0  # the werkgroep's weekly overdue overview (0 = Monday)
    # When the weekly digest falls due (bot/ reads DIGEST_CRON); None: never by itself.
    digest_schedule: WeeklySchedule | None = None
    # Synonyms for search: the shipped groups, plus the install's (THESAURUS_FILE).
    thesaurus: Thesaurus = field(default_factory=Thesaurus.shipped)
    # How long knowledge stays true: days until review, by tag (the shortest of an
    # item's tags), else the default.
    review_days: int = 365
    review_days_by_tag: tuple[tuple[str, int], ...] = REVIEW_DAYS_BY_TAG

    def network_channels(self) -> list[tuple[str, str]]:
        """(platform, channel) where the network hears news; platform "" in a
        one-platform install (the request's, or the only one)."""
        if self.platform_channels:
            return [(c.platform, c.network) for c in self.platform_channels if c.network]
        return [("", self.network_channel)] if self.network_channel else []

    def workgroup_channels(self) -> list[tuple[str, str]]:
        """(platform, channel) where the werkgroep is told."""
        if self.platform_channels:
            return [(c.platform, c.workgroup) for c in self.platform_channels if c.workgroup]
        return [("", self.workgroup_channel)] if self.workgroup_channel else []

    def reads_channel(self, platform: str, channels: list[tuple[str, str]]) -> bool:
        """Whether a member who reads on `platform` sees posts in these channels (else:
        a DM instead)."""
        return any(p in ("", platform) for p, _channel in channels)


@dataclass(frozen=True)
class Caller:
    """The person behind a request: a member, a configured admin, or a guest."""

    platform: str
    user_id: str
    name: str
    member: MemberView | None
    is_configured_admin: bool = False

    @property
    def is_member(self) -> bool:
        return self.member is not None and self.member.active

    @property
    def has_access(self) -> bool:
        """A member of the network, or an administrator named in the configuration."""
        return self.is_member or self.is_configured_admin

    @property
    def roles(self) -> frozenset[str]:
        roles = self.member.roles if self.is_member and self.member else frozenset()
        return roles | {"beheerder"} if self.is_configured_admin else roles

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles & set(roles))

    @property
    def member_id(self) -> int | None:
        return self.member.id if self.is_member and self.member else None

    @property
    def actor(self) -> Actor:
        return Actor(ref=f"{self.platform}:{self.user_id}", member_id=self.member_id)


@dataclass(frozen=True)
class Context:
    db: Database
    clock: Clock
    settings: CoreSettings
    request: Request
    caller: Caller

    @property
    def language(self) -> str:
        member = self.caller.member
        return (member.language if member and member.language else None) or self.settings.language

    @property
    def timezone(self) -> ZoneInfo:
        member = self.caller.member
        name = (member.timezone if member and member.timezone else None) or self.settings.timezone
        return ZoneInfo(name)

    @property
    def informal(self) -> bool:
        return informal_for(self.caller.member)

    def t(self, key: str, /, **params: object) -> str:
        """A text from the catalogue in the caller's language and form of address."""
        return addressed(self.language, self.informal, key, **params)

    def now(self) -> datetime:
        return self.clock.now()

    def day(self, moment: datetime) -> Day:
        """The day a moment falls on in the caller's time zone: every date a person
        reads goes through here (a moment late in the evening in Amsterdam is that
        day, not the next one in UTC)."""
        return moment.astimezone(self.timezone).date()

    def date(self, moment: datetime) -> str:
        """A moment as a date in words, in the caller's time zone (`15 maart 2027`)."""
        return format_date(self.day(moment), self.language)

    def date_of(self, day: Day) -> str:
        """A day in words, in the caller's language (`3 december 2027`)."""
        return format_date(day, self.language)

    def today(self) -> Day:
        return self.now().astimezone(self.timezone).date()

    def deadlines(self) -> Deadlines:
        """The deadline reader for today, in the caller's language and time zone."""
        return Deadlines(self.today(), self.settings.work_calendar, self.language)

    def audience(self, place: Place = Place.PRIVATE) -> Audience:
        """The caller as a TLP audience, reading in `place`."""
        member = self.caller.member if self.caller.is_member else None
        return Audience(
            place=place,
            member_id=member.id if member else None,
            organisation_id=member.organisation_id if member else None,
            is_member=self.caller.has_access,
        )


@dataclass(frozen=True)
class JobContext:
    """What a scheduled job gets: no caller, the install's language and time zone."""

    db: Database
    clock: Clock
    settings: CoreSettings
    instance: str = "job"  # this process's claim token for reminders
    # Jobs that claimed a full batch add their name: more is due than this sweep took,
    # and the sweeper sweeps again at once (a backlog shared by running bots).
    more_due: list[str] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.settings.language

    @property
    def timezone(self) -> ZoneInfo:
        return ZoneInfo(self.settings.timezone)

    def t(self, key: str, /, **params: object) -> str:
        return translate(self.language, key, **params)

    def now(self) -> datetime:
        return self.clock.now()
