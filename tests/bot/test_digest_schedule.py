"""When the digest falls due: cron read as cron reads it, weeks, DST, and bad settings."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.config import ConfigError, load_settings
from bot.digest_schedule import DigestSchedule, parse_week
from tests.conftest import AMSTERDAM


def _at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def test_numeric_weekdays_mean_what_they_mean_in_cron() -> None:
    for expression in ("0 8 * * 1", "0 8 * * mon", "0 8 * * MON"):
        schedule = DigestSchedule(expression, AMSTERDAM)
        assert schedule.first_in_week(date(2027, 3, 10)) == _at(2027, 3, 8, 8)
    sunday = DigestSchedule("30 18 * * 0", AMSTERDAM)
    assert sunday.first_in_week(date(2027, 3, 10)) == _at(2027, 3, 14, 18, 30)
    assert DigestSchedule("0 9 * * 7", AMSTERDAM).first_in_week(date(2027, 3, 8)) == _at(
        2027, 3, 14, 9
    )
    weekdays = DigestSchedule("0 17 * * 1-5", AMSTERDAM)  # the week's first: Monday
    assert weekdays.first_in_week(date(2027, 3, 12)) == _at(2027, 3, 8, 17)


def test_due_is_this_weeks_moment_or_last_weeks_until_then() -> None:
    schedule = DigestSchedule("0 8 * * mon", AMSTERDAM)
    assert schedule.due(_at(2027, 3, 8, 7, 59)) == _at(2027, 3, 1, 8)
    assert schedule.due(_at(2027, 3, 8, 8)) == _at(2027, 3, 8, 8)
    assert schedule.due(_at(2027, 3, 14, 23)) == _at(2027, 3, 8, 8)
    assert schedule.next_after(_at(2027, 3, 8, 8)) == _at(2027, 3, 15, 8)


def test_eight_oclock_stays_eight_oclock_across_daylight_saving() -> None:
    schedule = DigestSchedule("0 8 * * mon", AMSTERDAM)
    winter = schedule.first_in_week(date(2027, 3, 22))
    summer = schedule.first_in_week(date(2027, 3, 29))
    assert winter and summer
    assert (winter.astimezone(UTC).hour, summer.astimezone(UTC).hour) == (7, 6)


def test_a_schedule_without_a_moment_in_some_weeks() -> None:
    monthly = DigestSchedule("0 8 1 * *", AMSTERDAM)
    assert monthly.first_in_week(date(2027, 3, 10)) is None
    assert monthly.due(_at(2027, 3, 10, 12)) == _at(2027, 3, 1, 8)  # last week held the 1st
    assert monthly.due(_at(2027, 3, 17, 12)) is None


@pytest.mark.parametrize("expression", ["0 8 * *", "0 25 * * mon", "0 8 * * 9", "elke maandag"])
def test_a_bad_digest_cron_is_a_clear_configuration_error(expression: str) -> None:
    with pytest.raises(ConfigError, match="DIGEST_CRON"):
        load_settings({"DIGEST_CRON": expression})


def test_the_digest_cron_defaults_to_monday_eight() -> None:
    schedule = load_settings({}).core().digest_schedule
    assert schedule is not None
    assert schedule.first_in_week(date(2027, 3, 10)) == _at(2027, 3, 8, 8)


def test_iso_weeks_are_read_strictly() -> None:
    assert parse_week("2027-W10") == (2027, 10)
    assert parse_week("2027w9") == (2027, 9)
    for bad in ("2027-10", "W10", "2027-W54", "2027-W53"):
        with pytest.raises(ValueError):
            parse_week(bad)
