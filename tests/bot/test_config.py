"""Configuration: sensible defaults, and a bad value names its variable."""

from __future__ import annotations

import importlib.util
from datetime import date

import pytest

from bot.config import ConfigError, load_settings
from storage.tlp import TLP


def test_defaults_need_no_configuration() -> None:
    settings = load_settings({})
    assert settings.database_url.startswith("sqlite:///") and "data" in settings.database_url
    assert (settings.language, settings.timezone, settings.tlp_default) == (
        "nl", "Europe/Amsterdam", TLP.GREEN
    )  # fmt: skip
    assert settings.platforms == ()


def test_admins_are_a_comma_separated_list() -> None:
    assert load_settings({"BOT_ADMINS": " U1, U2 ,,"}).admins == {"U1", "U2"}


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("BOT_LANGUAGE", "fr"),
        ("BOT_TIMEZONE", "Mars/Olympus"),
        ("TLP_DEFAULT", "TLP:RED"),
        ("TLP_DEFAULT", "geel"),
        ("DATABASE_URL", "not a url"),
        ("LOG_LEVEL", "LOUD"),
        ("BOT_ADMINS", "U1 U2"),
        ("ESCALATION_THRESHOLD", "0"),
        ("ESCALATION_THRESHOLD", "drie"),
        ("ESCALATION_ANSWER_WEEKS", "99"),
        ("REMINDER_HOUR", "2"),
        ("SWEEP_SECONDS", "-5"),
        ("WORKGROUP_CHANNEL", "de werkgroep"),
        ("ESCALATION_BODIES", "Autoriteit Persoonsgegevens"),
        ("OVERDUE_EVERY_WORKDAYS", "0"),
        ("ESCALATE_AFTER_OVERDUE", "veel"),
        ("REMINDER_ATTEMPTS", "100"),
        ("OVERDUE_OVERVIEW_DAY", "someday"),
        ("HOLIDAYS_EXTRA", "31-02"),
        ("HOLIDAYS_EXTRA", "2027-13-01"),
        ("SLACK_API_URL", "not a url"),
        ("CAPTURE_REACTION", "book mark"),
    ],
)
def test_a_bad_value_names_the_variable(variable: str, value: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_settings({variable: value})
    assert error.value.variable == variable and variable in str(error.value)


def test_tlp_default_may_be_written_without_prefix() -> None:
    assert load_settings({"TLP_DEFAULT": "amber"}).tlp_default is TLP.AMBER


def test_an_unsupported_database_is_refused_without_showing_its_password() -> None:
    with pytest.raises(ConfigError, match="DATABASE_URL: mysql is not supported") as found:
        load_settings({"DATABASE_URL": "mysql://bot:s3cret@db/ciso"})
    assert "s3cret" not in str(found.value)
    settings = load_settings({"DATABASE_URL": "sqlite:////tmp/ciso.sqlite3"})
    assert "ciso.sqlite3" in repr(settings.safe_database_url)
    assert "database_url" not in repr(settings)


def test_postgresql_is_spoken_through_psycopg_and_its_password_stays_out_of_sight() -> None:
    settings = load_settings({"DATABASE_URL": "postgresql://bot:s3cret@db:5433/ciso"})
    assert settings.database_url == "postgresql+psycopg://bot:s3cret@db:5433/ciso"
    assert settings.database_path is None  # nothing on this machine to back up as a file
    assert "s3cret" not in settings.safe_database_url and "s3cret" in settings.secrets


def test_postgresql_without_its_driver_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "psycopg" else real(name, *a)
    )
    with pytest.raises(ConfigError, match=r"pip install 'ciso-bot\[postgres\]'"):
        load_settings({"DATABASE_URL": "postgresql+psycopg://bot@db/ciso"})


def test_bottleneck_settings_and_their_defaults() -> None:
    default = load_settings({}).core()
    assert (default.escalation_threshold, default.answer_weeks, default.reminder_hour) == (3, 6, 9)
    assert default.network_channel is None and default.workgroup_channel is None
    chosen = load_settings(
        {
            "NETWORK_CHANNEL": "#ciso-netwerk",
            "WORKGROUP_CHANNEL": "C0WERKGROEP",
            "ESCALATION_THRESHOLD": "5",
            "ESCALATION_BODIES": "AP, ibd, Provincie",
        }
    ).core()
    assert (chosen.network_channel, chosen.workgroup_channel) == ("ciso-netwerk", "C0WERKGROEP")
    assert chosen.escalation_threshold == 5
    assert chosen.escalation_bodies[-2:] == ("AP", "Provincie")  # IBD was there already


def test_action_settings_and_the_holiday_set() -> None:
    default = load_settings({}).core()
    assert (default.overdue_every_workdays, default.escalate_after_overdue) == (3, 2)
    assert (default.reminder_attempts, default.overview_weekday) == (5, 0)
    chosen = load_settings(
        {
            "OVERDUE_OVERVIEW_DAY": "vrijdag",
            "HOLIDAYS_IGNORE": "Goede vrijdag",
            "HOLIDAYS_EXTRA": "05-05, 2027-12-24",
        }
    ).core()
    assert chosen.overview_weekday == 4
    calendar = chosen.work_calendar
    assert calendar.is_workday(date(2027, 3, 26))  # Goede vrijdag, ignored
    assert not calendar.is_workday(date(2027, 5, 5)) and not calendar.is_workday(date(2028, 5, 5))
    assert not calendar.is_workday(date(2027, 12, 24))
    assert load_settings({"OVERDUE_OVERVIEW_DAY": "Wed"}).overview_weekday == 2


def test_slack_settings_and_secrets_stay_out_of_repr() -> None:
    settings = load_settings(
        {
            "SLACK_BOT_TOKEN": "xoxb-secret-token",
            "SLACK_SIGNING_SECRET": "signing-secret",
            "SLACK_APP_TOKEN": "xapp-secret",
            "SLACK_API_URL": "http://127.0.0.1:9999/api",
            "CAPTURE_REACTION": ":pushpin:",
        }
    )
    assert (
        settings.platforms == ("slack",) and settings.slack_api_url == "http://127.0.0.1:9999/api/"
    )
    assert settings.capture_reaction == "pushpin"
    shown = repr(settings)
    assert "xoxb-secret" not in shown and "signing-secret" not in shown and "xapp" not in shown
