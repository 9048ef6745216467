"""Settings from the environment (and `.env`, read by the CLI), checked at start.

A bad value stops the bot with a message that names the variable. Secrets are kept
out of `repr()` and logs.
"""

from __future__ import annotations

import difflib
import importlib.util
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import URL, make_url
from sqlalchemy.exc import ArgumentError

from bot.digest_schedule import DEFAULT_CRON, DigestSchedule
from handlers.context import ESCALATION_BODIES, REVIEW_DAYS_BY_TAG, CoreSettings, PlatformChannels
from handlers.i18n import LANGUAGES
from handlers.workdays import WorkCalendar
from storage.thesaurus import Thesaurus
from storage.tlp import TLP

DEFAULT_DATABASE_FILE = "ciso-bot.sqlite3"
DEFAULT_DATABASE_URL = "sqlite:///" + str(Path("data") / DEFAULT_DATABASE_FILE)
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
LOG_FORMATS = ("text", "json")

# Settings that may come from a file instead (`SLACK_BOT_TOKEN_FILE=/run/secrets/…`), as
# Docker secrets and systemd credentials provide them.
SECRET_SETTINGS = (
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "MATTERMOST_TOKEN",
    "MATTERMOST_COMMAND_TOKENS",
    "DATABASE_URL",
)
# Every setting read here; a variable with one of our prefixes that is not among them is
# probably misspelt, and is named in a warning at start.
KNOWN_SETTINGS = frozenset(
    {
        "DATABASE_URL",
        "BOT_LANGUAGE",
        "BOT_TIMEZONE",
        "BOT_ADMINS",
        "TLP_DEFAULT",
        "LOG_LEVEL",
        "LOG_FORMAT",
        "NETWORK_CHANNEL",
        "WORKGROUP_CHANNEL",
        "SLACK_NETWORK_CHANNEL",
        "SLACK_WORKGROUP_CHANNEL",
        "MATTERMOST_NETWORK_CHANNEL",
        "MATTERMOST_WORKGROUP_CHANNEL",
        "ESCALATION_THRESHOLD",
        "ESCALATION_BODIES",
        "ESCALATION_ANSWER_WEEKS",
        "REMINDER_HOUR",
        "SWEEP_SECONDS",
        "OVERDUE_EVERY_WORKDAYS",
        "ESCALATE_AFTER_OVERDUE",
        "REMINDER_ATTEMPTS",
        "OVERDUE_OVERVIEW_DAY",
        "DIGEST_CRON",
        "THESAURUS_FILE",
        "HOLIDAYS_IGNORE",
        "HOLIDAYS_EXTRA",
        "SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET",
        "SLACK_APP_TOKEN",
        "SLACK_API_URL",
        "CAPTURE_REACTION",
        "MATTERMOST_URL",
        "MATTERMOST_TOKEN",
        "MATTERMOST_COMMAND_TOKENS",
        "MATTERMOST_CALLBACK_URL",
        "KNOWLEDGE_REVIEW_DAYS",
        "KNOWLEDGE_REVIEW_TAGS",
    }
) | {f"{name}_FILE" for name in SECRET_SETTINGS}
CHECKED_PREFIXES = ("SLACK_", "MATTERMOST_", "BOT_", "LOG_")


class ConfigError(Exception):
    """A setting is missing or wrong; the message names the variable."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable}: {problem}")
        self.variable = variable


@dataclass(frozen=True)
class Settings:
    database_url: str = field(repr=False)
    language: str = "nl"
    timezone: str = "Europe/Amsterdam"
    admins: frozenset[str] = frozenset()
    tlp_default: TLP = TLP.GREEN
    log_level: str = "INFO"
    log_format: str = "text"
    slack_bot_token: str | None = field(default=None, repr=False)
    slack_signing_secret: str | None = field(default=None, repr=False)
    slack_app_token: str | None = field(default=None, repr=False)
    slack_api_url: str = "https://slack.com/api/"
    capture_reaction: str = "bookmark"
    mattermost_url: str | None = None
    mattermost_token: str | None = field(default=None, repr=False)
    # Each slash command's trigger word and its token.
    mattermost_command_tokens: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    mattermost_callback_url: str | None = None  # where Mattermost reaches the bot
    network_channel: str | None = None
    workgroup_channel: str | None = None
    # With Slack and Mattermost both: each one's channels.
    platform_channels: tuple[PlatformChannels, ...] = ()
    escalation_threshold: int = 3
    escalation_bodies: tuple[str, ...] = ESCALATION_BODIES
    answer_weeks: int = 6
    reminder_hour: int = 9
    sweep_seconds: int = 30
    overdue_every_workdays: int = 3
    escalate_after_overdue: int = 2
    reminder_attempts: int = 5
    overview_weekday: int = 0
    work_calendar: WorkCalendar = field(default_factory=WorkCalendar)
    digest_cron: str = DEFAULT_CRON
    review_days: int = 365
    review_days_by_tag: tuple[tuple[str, int], ...] = REVIEW_DAYS_BY_TAG
    thesaurus: Thesaurus = field(default_factory=Thesaurus.shipped, repr=False)
    # What the administrator should hear at start: misspelt variables, a new database.
    warnings: tuple[str, ...] = ()

    @property
    def safe_database_url(self) -> str:
        """The database URL without its password, for logs."""
        return make_url(self.database_url).render_as_string(hide_password=True)

    @property
    def secrets(self) -> tuple[str, ...]:
        """Every secret value in the configuration, for the log filter to hide."""
        commands = [token for _word, token in self.mattermost_command_tokens]
        found = [self.slack_bot_token, self.slack_signing_secret, self.slack_app_token,
                 self.mattermost_token, *commands]  # fmt: skip
        password = make_url(self.database_url).password
        return tuple(str(s) for s in (*found, password) if s)

    @property
    def database_path(self) -> Path | None:
        """The SQLite file (absolute), or None for a database that is not a file."""
        url = make_url(self.database_url)
        if url.get_backend_name() != "sqlite":
            return None
        database = url.database or ""
        if not database or database == ":memory:" or database.startswith("file:"):
            return None
        return Path(database)

    @property
    def platforms(self) -> tuple[str, ...]:
        """The chat platforms this install serves (none: the console)."""
        found = (("slack", self.slack_bot_token), ("mattermost", self.mattermost_url))
        return tuple(name for name, configured in found if configured)

    def core(self) -> CoreSettings:
        return CoreSettings(
            language=self.language,
            timezone=self.timezone,
            admins=self.admins,
            tlp_default=self.tlp_default,
            network_channel=self.network_channel,
            workgroup_channel=self.workgroup_channel,
            platform_channels=self.platform_channels,
            platforms=self.platforms,
            escalation_threshold=self.escalation_threshold,
            escalation_bodies=self.escalation_bodies,
            answer_weeks=self.answer_weeks,
            reminder_hour=self.reminder_hour,
            work_calendar=self.work_calendar,
            overdue_every_workdays=self.overdue_every_workdays,
            escalate_after_overdue=self.escalate_after_overdue,
            reminder_attempts=self.reminder_attempts,
            overview_weekday=self.overview_weekday,
            digest_schedule=DigestSchedule(self.digest_cron, ZoneInfo(self.timezone)),
            thesaurus=self.thesaurus,
            review_days=self.review_days,
            review_days_by_tag=self.review_days_by_tag,
        )


def _get(env: Mapping[str, str], name: str, default: str) -> str:
    value = env.get(name, "").strip()
    return value or default


def _number(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    text = _get(env, name, str(default))
    if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
        raise ConfigError(name, f"must be a whole number from {low} to {high}, not {text!r}")
    return int(text)


def _channel(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip().lstrip("#")
    if value and any(ch.isspace() for ch in value):
        raise ConfigError(name, "is one channel name or id, without spaces")
    return value or None


def _bodies(env: Mapping[str, str]) -> tuple[str, ...]:
    """The shipped escalation bodies plus any the install adds (ESCALATION_BODIES)."""
    extra = [b.strip() for b in env.get("ESCALATION_BODIES", "").split(",") if b.strip()]
    for body in extra:
        if len(body) > 40 or any(ch.isspace() for ch in body):
            raise ConfigError("ESCALATION_BODIES", "is a comma-separated list of short names")
    known = {b.lower() for b in ESCALATION_BODIES}
    return ESCALATION_BODIES + tuple(b for b in dict.fromkeys(extra) if b.lower() not in known)


WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
WEEKDAYS_EN = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekday(env: Mapping[str, str], name: str, default: str) -> int:
    word = _get(env, name, default).lower()[:3]
    for names in (WEEKDAYS_EN, WEEKDAYS):
        if word[: len(names[0])] in names:
            return names.index(word[: len(names[0])])
    raise ConfigError(name, "is a day of the week: mon, tue, … (or ma, di, …)")


def _calendar(env: Mapping[str, str]) -> WorkCalendar:
    """Dutch public holidays, minus those the install works on, plus its own days off."""
    ignored = frozenset(n.strip() for n in env.get("HOLIDAYS_IGNORE", "").split(",") if n.strip())
    extra: set[date] = set()
    yearly: set[tuple[int, int]] = set()
    for text in (t.strip() for t in env.get("HOLIDAYS_EXTRA", "").split(",") if t.strip()):
        try:
            if len(text) == 5:  # MM-DD: every year
                month, day = (int(part) for part in text.split("-"))
                date(2024, month, day)  # a leap year: any real day passes
                yearly.add((month, day))
            else:
                extra.add(date.fromisoformat(text))
        except ValueError:
            raise ConfigError(
                "HOLIDAYS_EXTRA", f"{text!r} is not a date (2027-05-05) or a yearly day (05-05)"
            ) from None
    return WorkCalendar(ignored=ignored, extra=frozenset(extra), extra_yearly=frozenset(yearly))


def _api_url(env: Mapping[str, str]) -> str:
    url = _get(env, "SLACK_API_URL", "https://slack.com/api/")
    if not re.fullmatch(r"https?://[^\s/]+(/\S*)?", url):
        raise ConfigError("SLACK_API_URL", "is a URL such as https://slack.com/api/")
    return url if url.endswith("/") else url + "/"


def _reaction(env: Mapping[str, str]) -> str:
    name = _get(env, "CAPTURE_REACTION", "bookmark").strip(":")
    if not re.fullmatch(r"[a-z0-9_+\-']{1,100}", name):
        raise ConfigError("CAPTURE_REACTION", "is an emoji name such as bookmark")
    return name


def _cron(env: Mapping[str, str], timezone: str) -> str:
    expression = " ".join(_get(env, "DIGEST_CRON", DEFAULT_CRON).split())
    try:
        schedule = DigestSchedule(expression, ZoneInfo(timezone))
    except ValueError as error:
        raise ConfigError(
            "DIGEST_CRON", f"{expression!r} is not a cron expression: {error}"
        ) from None
    if schedule.next_after(datetime.now(UTC)) is None:
        raise ConfigError("DIGEST_CRON", f"{expression!r} never falls due")
    return expression


def _command_tokens(text: str) -> tuple[tuple[str, str], ...]:
    """`kennis=tok1,knelpunt=tok2`: each slash command's token, with its trigger word.

    A token counts only for its own command, so that the token of `/kennis` (which
    anyone who can edit that integration sees) cannot run `/ciso lid … beheerder`.
    """
    pairs = []
    for entry in (e.strip() for e in text.split(",")):
        if not entry:
            continue
        trigger, sep, token = entry.partition("=")
        trigger = trigger.strip().lstrip("/").lower()
        if not sep or not re.fullmatch(r"[a-z0-9_\-]{1,40}", trigger) or not token.strip():
            raise ConfigError(
                "MATTERMOST_COMMAND_TOKENS",
                "gives each slash command's token with its trigger word: "
                "kennis=…,knelpunt=…,actie=…,ciso=…",
            )
        pairs.append((trigger, token.strip()))
    return tuple(sorted(pairs))


def _mattermost(env: Mapping[str, str]) -> dict[str, Any]:
    url = env.get("MATTERMOST_URL", "").strip().rstrip("/")
    token = env.get("MATTERMOST_TOKEN", "").strip()
    if not url:
        return {}
    commands = _command_tokens(env.get("MATTERMOST_COMMAND_TOKENS", ""))
    if not re.fullmatch(r"https?://[^\s/]+(/\S*)?", url):
        raise ConfigError(
            "MATTERMOST_URL", "is the server's address, such as https://chat.example.nl"
        )
    if not token:
        raise ConfigError(
            "MATTERMOST_TOKEN", "is needed with MATTERMOST_URL: the bot account's token"
        )
    # No command tokens yet: `ciso-bot mattermost setup` makes the commands and prints
    # them; `run` refuses to start without them (bot/preflight.py).
    callback = env.get("MATTERMOST_CALLBACK_URL", "").strip().rstrip("/") or None
    if callback and not re.fullmatch(r"https?://[^\s/]+(/\S*)?", callback):
        raise ConfigError("MATTERMOST_CALLBACK_URL", "is an address such as http://ciso-bot:3000")
    return {"mattermost_url": url, "mattermost_token": token,
            "mattermost_command_tokens": commands, "mattermost_callback_url": callback}  # fmt: skip


def _review_tags(env: Mapping[str, str]) -> tuple[tuple[str, int], ...]:
    """`kwetsbaarheden=30,incident=90,beleid=365`: days until review, by tag."""
    text = env.get("KNOWLEDGE_REVIEW_TAGS", "").strip()
    if not text:
        return REVIEW_DAYS_BY_TAG
    found = []
    for entry in (e.strip() for e in text.split(",") if e.strip()):
        tag, sep, days = entry.partition("=")
        tag = tag.strip().lstrip("#").lower()
        days = days.strip()
        if not sep or not tag or not days.isdigit() or not 1 <= int(days) <= 3650:
            raise ConfigError("KNOWLEDGE_REVIEW_TAGS", "gives days by tag, 1 to 3650: "
                              "kwetsbaarheden=30,incident=90,beleid=365")  # fmt: skip
        found.append((tag, int(days)))
    return tuple(found)


def _thesaurus(env: Mapping[str, str]) -> Thesaurus:
    """The shipped synonyms, and the install's own from THESAURUS_FILE."""
    name = env.get("THESAURUS_FILE", "").strip()
    if not name:
        return Thesaurus.shipped()
    path = Path(name)
    try:
        return Thesaurus.shipped(path)
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError("THESAURUS_FILE", f"cannot be read: {error.__class__.__name__}") from None


def _with_secret_files(env: Mapping[str, str]) -> dict[str, str]:
    """`env` with each `NAME_FILE` read into `NAME` (Docker secrets, systemd credentials)."""
    found = dict(env)
    for name in SECRET_SETTINGS:
        path = env.get(f"{name}_FILE", "").strip()
        if not path:
            continue
        if env.get(name, "").strip():
            raise ConfigError(f"{name}_FILE", f"and {name} are both set: keep one")
        try:
            found[name] = Path(path).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or type(error).__name__
            raise ConfigError(f"{name}_FILE", f"{path} cannot be read ({reason})") from None
    return found


def _database_url(env: Mapping[str, str], base: Path) -> tuple[str, str | None]:
    """The SQLite URL with an absolute path, and a warning when the file is new; or a
    PostgreSQL URL, with our driver (psycopg 3).

    A relative path is read from `base` (the folder of the `.env` file), not from
    wherever the command happens to run. Only the default folder is created; a
    configured folder that does not exist is a mistake to report, not to paper over.
    """
    state = env.get("STATE_DIRECTORY", "").strip()  # systemd's StateDirectory=
    default = f"sqlite:///{Path(state) / DEFAULT_DATABASE_FILE}" if state else DEFAULT_DATABASE_URL
    text = _get(env, "DATABASE_URL", default)
    try:
        url = make_url(text)
    except ArgumentError:
        raise ConfigError(
            "DATABASE_URL", "is not a database URL (sqlite:///data/ciso-bot.sqlite3)"
        ) from None
    if url.get_backend_name() == "postgresql":
        return _postgresql_url(url), None
    if url.get_backend_name() != "sqlite":
        raise ConfigError(
            "DATABASE_URL",
            f"{url.get_backend_name()} is not supported: use one SQLite file "
            "(sqlite:///pad/naar/ciso-bot.sqlite3) or PostgreSQL "
            "(postgresql+psycopg://gebruiker@host/database)",
        )
    database = url.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return text, None
    path = Path(database).expanduser()
    path = path if path.is_absolute() else (base / path)
    path = Path(os.path.abspath(path))
    if not path.parent.is_dir() and text not in (default, DEFAULT_DATABASE_URL):
        raise ConfigError(
            "DATABASE_URL", f"the folder {path.parent} does not exist; create it first"
        )
    if path.is_dir():
        raise ConfigError("DATABASE_URL", f"{path} is a folder, not a database file")
    warning = None if path.exists() else f"a new, empty database will be made at {path}"
    return url.set(database=str(path)).render_as_string(hide_password=False), warning


def _postgresql_url(url: URL) -> str:
    """`url` with psycopg 3 as its driver, which must be installed (the `postgres` extra)."""
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    elif url.drivername != "postgresql+psycopg":
        raise ConfigError(
            "DATABASE_URL", "use the psycopg driver: postgresql+psycopg://gebruiker@host/database"
        )
    if importlib.util.find_spec("psycopg") is None:
        raise ConfigError(
            "DATABASE_URL",
            "PostgreSQL needs its driver: pip install 'ciso-bot[postgres]' (psycopg)",
        )
    if not url.database:
        raise ConfigError("DATABASE_URL", "names no database (postgresql+psycopg://…/ciso)")
    return url.render_as_string(hide_password=False)


def _unknown_settings(env: Mapping[str, str]) -> list[str]:
    """A warning for each variable with one of our prefixes that we do not read."""
    warnings = []
    for name in sorted(env):
        if not name.startswith(CHECKED_PREFIXES) or name in KNOWN_SETTINGS:
            continue
        close = difflib.get_close_matches(name, KNOWN_SETTINGS, n=1, cutoff=0.75)
        hint = f"; did you mean {close[0]}?" if close else ""
        warnings.append(f"{name} is not a setting of this bot and is ignored{hint}")
    return warnings


def _platforms(env: Mapping[str, str]) -> tuple[str, ...]:
    """The chat platforms configured: Slack, Mattermost, both, or none (the console)."""
    found = (("slack", "SLACK_BOT_TOKEN"), ("mattermost", "MATTERMOST_URL"))
    return tuple(name for name, variable in found if env.get(variable, "").strip())


def _channels(env: Mapping[str, str], platforms: tuple[str, ...]) -> tuple[PlatformChannels, ...]:
    """Each platform's network and werkgroep channel (`SLACK_NETWORK_CHANNEL`, …).

    With one platform `NETWORK_CHANNEL` and `WORKGROUP_CHANNEL` name its channels; with
    two a channel id means nothing without its platform, so the plain names are refused.
    """
    if len(platforms) < 2:
        return ()
    for plain in ("NETWORK_CHANNEL", "WORKGROUP_CHANNEL"):
        if env.get(plain, "").strip():
            raise ConfigError(
                plain, "names one channel, and this install serves Slack and Mattermost: use "
                f"SLACK_{plain} and MATTERMOST_{plain} instead",
            )  # fmt: skip
    return tuple(
        PlatformChannels(
            platform,
            _channel(env, f"{platform.upper()}_NETWORK_CHANNEL"),
            _channel(env, f"{platform.upper()}_WORKGROUP_CHANNEL"),
        )
        for platform in platforms
    )


def _channel_of(env: Mapping[str, str], which: str, platforms: tuple[str, ...]) -> str | None:
    """`NETWORK_CHANNEL` of a one-platform install (or its `SLACK_…` form)."""
    if len(platforms) != 1:
        return _channel(env, which) if not platforms else None
    return _channel(env, which) or _channel(env, f"{platforms[0].upper()}_{which}")


def load_settings(env: Mapping[str, str], base: Path | None = None) -> Settings:
    """Read and check every setting from `env`; relative paths are read from `base`."""
    env = _with_secret_files(env)
    database_url, new_database = _database_url(env, base or Path.cwd())
    platforms = _platforms(env)
    warnings = _unknown_settings(env) + ([new_database] if new_database else [])

    language = _get(env, "BOT_LANGUAGE", "nl").lower()
    if language not in LANGUAGES:
        raise ConfigError(
            "BOT_LANGUAGE", f"must be one of {', '.join(LANGUAGES)}, not {language!r}"
        )

    timezone = _get(env, "BOT_TIMEZONE", "Europe/Amsterdam")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ConfigError("BOT_TIMEZONE", f"{timezone!r} is not a known time zone") from None

    admins = frozenset(a.strip() for a in env.get("BOT_ADMINS", "").split(",") if a.strip())
    if any(" " in a for a in admins):
        raise ConfigError("BOT_ADMINS", "is a comma-separated list of chat user ids")

    tlp_text = _get(env, "TLP_DEFAULT", "TLP:GREEN")
    tlp_default = TLP.parse(tlp_text if ":" in tlp_text else f"TLP:{tlp_text}")
    if tlp_default is None or tlp_default is TLP.RED:
        raise ConfigError(
            "TLP_DEFAULT", "must be TLP:CLEAR, TLP:GREEN, TLP:AMBER or TLP:AMBER+STRICT"
        )

    log_level = _get(env, "LOG_LEVEL", "INFO").upper()
    if log_level not in LOG_LEVELS:
        raise ConfigError("LOG_LEVEL", f"must be one of {', '.join(LOG_LEVELS)}")
    log_format = _get(env, "LOG_FORMAT", "text").lower()
    if log_format not in LOG_FORMATS:
        raise ConfigError("LOG_FORMAT", "is text (default) or json (one JSON object a line)")

    return Settings(
        thesaurus=_thesaurus(env),
        database_url=database_url,
        language=language,
        timezone=timezone,
        admins=admins,
        tlp_default=tlp_default,
        log_level=log_level,
        log_format=log_format,
        warnings=tuple(warnings),
        slack_bot_token=env.get("SLACK_BOT_TOKEN", "").strip() or None,
        slack_signing_secret=env.get("SLACK_SIGNING_SECRET", "").strip() or None,
        slack_app_token=env.get("SLACK_APP_TOKEN", "").strip() or None,
        slack_api_url=_api_url(env),
        capture_reaction=_reaction(env),
        **_mattermost(env),
        network_channel=_channel_of(env, "NETWORK_CHANNEL", platforms),
        workgroup_channel=_channel_of(env, "WORKGROUP_CHANNEL", platforms),
        platform_channels=_channels(env, platforms),
        escalation_threshold=_number(env, "ESCALATION_THRESHOLD", 3, 1, 27),
        escalation_bodies=_bodies(env),
        answer_weeks=_number(env, "ESCALATION_ANSWER_WEEKS", 6, 1, 52),
        # Reminders avoid 02:00-03:00, which the autumn DST night runs twice.
        reminder_hour=_number(env, "REMINDER_HOUR", 9, 6, 20),
        sweep_seconds=_number(env, "SWEEP_SECONDS", 30, 5, 3600),
        overdue_every_workdays=_number(env, "OVERDUE_EVERY_WORKDAYS", 3, 1, 20),
        escalate_after_overdue=_number(env, "ESCALATE_AFTER_OVERDUE", 2, 1, 20),
        reminder_attempts=_number(env, "REMINDER_ATTEMPTS", 5, 1, 20),
        overview_weekday=_weekday(env, "OVERDUE_OVERVIEW_DAY", "mon"),
        work_calendar=_calendar(env),
        digest_cron=_cron(env, timezone),
        review_days=_number(env, "KNOWLEDGE_REVIEW_DAYS", 365, 1, 3650),
        review_days_by_tag=_review_tags(env),
    )
