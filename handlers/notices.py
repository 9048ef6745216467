"""Messages the bot sends on its own: DMs to members and notices to the werkgroep.

A DM is written in its reader's language and only carries what that reader may see;
a channel notice carries content only when its label may be shown in a channel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from storage import members
from storage.db import Database
from storage.tlp import TLP, Audience, Place, may_see, may_show_in
from storage.views import ActionView, MemberView

from handlers.context import CoreSettings, informal_for
from handlers.i18n import addressed, format_date
from handlers.messages import Button, Reply, Section, Visibility


@dataclass(frozen=True)
class Writer:
    """Writes for one reader: their language, dates in their time zone."""

    language: str
    timezone: ZoneInfo
    informal: bool = False  # "je" rather than "u" (Dutch)

    @classmethod
    def for_member(cls, member: MemberView, settings: CoreSettings) -> Writer:
        return cls(
            language=member.language or settings.language,
            timezone=ZoneInfo(member.timezone or settings.timezone),
            informal=informal_for(member),
        )

    @classmethod
    def for_install(cls, settings: CoreSettings) -> Writer:
        return cls(language=settings.language, timezone=ZoneInfo(settings.timezone))

    def t(self, key: str, /, **params: object) -> str:
        return addressed(self.language, self.informal, key, **params)

    def day(self, moment: datetime) -> date:
        """The day a moment falls on in the reader's time zone."""
        return moment.astimezone(self.timezone).date()

    def date(self, moment: datetime) -> str:
        return format_date(self.day(moment), self.language)

    def date_of(self, day: Day) -> str:
        return format_date(day, self.language)


Day = date  # `date` is also a method name in Writer

# Builds one message for one reader: writer -> (text, sections).
Message = Callable[[Writer], tuple[str, tuple[Section, ...]]]


def reader(member: MemberView) -> Audience:
    """`member` reading a DM."""
    return Audience(
        place=Place.PRIVATE,
        member_id=member.id,
        organisation_id=member.organisation_id,
        is_member=member.active,
    )


MayRead = Callable[[MemberView], bool]


def may_read(
    member: MemberView, label: TLP, *, organisation_id: int | None, author_id: int | None
) -> bool:
    """Whether `member` may read, in a DM, something with this label and origin."""
    return may_see(reader(member), label, organisation_id=organisation_id, author_id=author_id)


def may_read_action(member: MemberView, action: ActionView) -> bool:
    """Whether `member` may read an action (its label, as for knowledge)."""
    return may_read(
        member, action.tlp, organisation_id=action.organisation_id, author_id=action.creator_id
    )


def direct(
    members_: Iterable[MemberView],
    settings: CoreSettings,
    message: Message,
    *,
    tlp: TLP | None = None,
    skip: int | None = None,
    may_read: MayRead | None = None,
    without_content: Message | None = None,
    buttons: tuple[Button, ...] = (),
) -> list[Reply]:
    """One DM per member, each in their own language, leaving out member `skip`.

    A member for whom `may_read` is false gets `without_content` instead (or nothing).
    """
    replies = []
    for member in members_:
        if member.id == skip or not member.active:
            continue
        allowed = may_read is None or may_read(member)
        chosen = message if allowed else without_content
        if chosen is None:
            continue
        text, sections = chosen(Writer.for_member(member, settings))
        platform, user = member.address(settings.platforms)
        replies.append(
            Reply(
                text=text,
                sections=sections,
                buttons=buttons,
                visibility=Visibility.DIRECT,
                user=user,
                platform=platform,
                tlp=tlp if allowed else None,
            )
        )
    return replies


def workgroup(
    db: Database,
    settings: CoreSettings,
    message: Message,
    *,
    tlp: TLP | None,
    without_content: Message,
    may_read: MayRead | None = None,
    buttons: tuple[Button, ...] = (),
) -> list[Reply]:
    """Tell the werkgroep: in its channel on each platform that has one, and by DM each
    werkgroep member who reads on a platform without one.

    Where the content may not be shown (a channel for AMBER, a member outside the
    organisation for AMBER+STRICT) the notice is `without_content`: a number, no more.
    """
    channels = settings.workgroup_channels()
    replies = []
    if channels:
        safe = tlp is None or may_show_in(tlp, Place.CHANNEL)
        text, sections = (message if safe else without_content)(Writer.for_install(settings))
        replies = [
            Reply(
                text=text,
                sections=sections,
                buttons=buttons,
                visibility=Visibility.CHANNEL,
                channel=channel,
                platform=platform,
                tlp=tlp if safe else None,
            )
            for platform, channel in channels
        ]
    with db.read() as session:
        group = [
            m
            for m in members.active_members(session)
            if "werkgroep" in m.roles and not settings.reads_channel(m.platform, channels)
        ]
    return replies + direct(
        group,
        settings,
        message,
        tlp=tlp,
        may_read=may_read,
        without_content=without_content,
        buttons=buttons,
    )
