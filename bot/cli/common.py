"""What several command modules share; imports nothing of the application at load."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from bot.config import Settings
    from handlers.messages import Clock
    from storage.tlp import TLP
    from storage.views import MemberView

# What a module's `register` adds its commands to.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

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


def moment(text: str) -> datetime:
    """`--now` and the like as a datetime; one without a zone is read in BOT_TIMEZONE later."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date-time: {text!r}") from None


def audience(text: str) -> TLP:
    """`--audience`: the strictest label an export's readers may see."""
    from storage.tlp import TLP

    label = TLP.parse(text if ":" in text else f"tlp:{text}")
    if label not in (TLP.CLEAR, TLP.GREEN, TLP.AMBER):
        raise argparse.ArgumentTypeError(
            f"{text!r}: an export audience is tlp:clear, tlp:green or tlp:amber"
        )
    return label


def add_audience(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--audience",
        type=audience,
        default="tlp:green",
        help="the strictest label the readers may see: tlp:clear, tlp:green (default), tlp:amber",
    )
