"""What several command modules share; imports nothing of the application at load."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from bot.config import Settings
    from handlers.messages import Clock
    from storage.views import MemberView

# Whoever runs the console on an install without administrators administers it.
CONSOLE_OPERATOR = "console"


def clock_for(settings: Settings, moment: datetime | None) -> Clock:
    from zoneinfo import ZoneInfo

    from bot.clock import FixedClock, SystemClock

    if moment is None:
        return SystemClock()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(settings.timezone))
    return FixedClock(moment)


def member_for(settings: Settings, session: Session, user: str) -> MemberView | None:
    """`--user`: `slack:U0123` names the platform; a bare id is looked up on each
    platform of the install (the console's when there is none)."""
    from storage import members

    platform, _, user_id = user.rpartition(":")
    if platform:
        return members.get_member(session, platform, user_id)
    for name in settings.platforms or ("console",):
        found = members.get_member(session, name, user)
        if found is not None:
            return found
    return None
