"""What several command modules share; imports nothing of the application at load."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Settings
    from handlers.messages import Clock

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
