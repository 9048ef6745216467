"""What must hold before the bot starts, and `ciso-bot check`, which shows all of it.

`run` calls the same checks before it starts anything: a chat platform that cannot be
reached and a token that is refused are told apart, each in one line, with the
variable to look at. `check` runs them all (settings, database, platform) without
changing anything, and prints a short report for the administrator.
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import time
from dataclasses import dataclass
from typing import Any, Literal

from bot.config import Settings

Outcome = Literal["ok", "warn", "fail"]


class NotReady(Exception):
    """A check that stops the start: the message is one line for the administrator."""


@dataclass(frozen=True)
class Finding:
    outcome: Outcome
    subject: str
    text: str


# --- chat platforms -----------------------------------------------------------------


def slack_identity(settings: Settings, timeout: int = 10) -> dict[str, Any]:
    """Slack's `auth.test` for the bot token; raises NotReady with what is wrong."""
    from slack_sdk import WebClient
    from slack_sdk.errors import SlackApiError

    quiet = logging.getLogger("bot.preflight.slack_sdk")  # the one line below says it all
    quiet.disabled = True
    client = WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=timeout,
        logger=quiet,
    )
    try:
        answer = client.auth_test()
    except SlackApiError as error:
        code = str(error.response.get("error", "")) or f"HTTP {error.response.status_code}"
        if code in ("invalid_auth", "not_authed", "token_revoked", "account_inactive",
                    "token_expired"):  # fmt: skip
            raise NotReady(
                f"Slack refuses the bot token ({code}): check SLACK_BOT_TOKEN "
                "(OAuth & Permissions → Bot User OAuth Token, xoxb-…)."
            ) from None
        raise NotReady(f"Slack at {settings.slack_api_url} answers auth.test with {code}; "
                       "check SLACK_API_URL.") from None  # fmt: skip
    except OSError as error:  # URLError, a refused connection, a timeout, DNS
        reason = getattr(error, "reason", None) or error
        raise NotReady(f"Slack at {settings.slack_api_url} cannot be reached ({reason}); "
                       "check the network, a proxy, or SLACK_API_URL.") from None  # fmt: skip
    return dict(answer.data) if isinstance(answer.data, dict) else {}


def mattermost_refusal(settings: Settings, status: int, error_id: str) -> NotReady:
    """What a failed `GET /users/me` means, for the administrator."""
    where = f"Mattermost at {settings.mattermost_url}"
    if status == 0:
        return NotReady(f"{where} cannot be reached ({error_id}); check MATTERMOST_URL and "
                        "the network.")  # fmt: skip
    if status in (401, 403):
        return NotReady(f"{where} refuses the bot's token ({status}): check MATTERMOST_TOKEN "
                        "(System Console → Integrations → Bot Accounts).")  # fmt: skip
    if status == 404:
        return NotReady(f"{where} has no API v4 there (404): MATTERMOST_URL is the address "
                        "users open, without /api/v4.")  # fmt: skip
    return NotReady(f"{where} answers {status} ({error_id}); try again, or look at the "
                    "server's log.")  # fmt: skip


NO_COMMAND_TOKENS = (
    "MATTERMOST_COMMAND_TOKENS lists the slash commands' tokens (kennis=…,knelpunt=…,"
    "actie=…,ciso=…): `ciso-bot mattermost setup --team NAME` creates the commands and "
    "prints the line to put in .env."
)


def mattermost_identity(settings: Settings) -> dict[str, Any]:
    from bot.mattermost.api import MattermostApi, MattermostError

    if not settings.mattermost_command_tokens:
        raise NotReady(NO_COMMAND_TOKENS)

    api = MattermostApi(settings.mattermost_url or "", settings.mattermost_token or "")
    try:
        return api.me()
    except MattermostError as error:
        raise mattermost_refusal(settings, error.status, error.error_id) from None
    finally:
        api.close()


def port_free(host: str, port: int) -> None:
    """Raises NotReady when `host:port` cannot be listened on (before anything starts)."""
    if port == 0:
        return
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise NotReady(
                f"Cannot listen on {host}:{port}: {error.strerror or error}. Is another "
                "process using the port? Choose another with --port or --health-port."
            ) from None


# --- `ciso-bot check` ---------------------------------------------------------------


def _settings(settings: Settings, args: argparse.Namespace) -> list[Finding]:
    source = getattr(args, "env_path", None)
    found = [
        Finding(
            "ok",
            "settings",
            f"read from {source}" if source else "from the environment only (no .env file found)",
        )
    ]
    found += [Finding("warn", "settings", w) for w in settings.warnings if "new, empty" not in w]
    return found


def _database(settings: Settings) -> list[Finding]:
    from sqlalchemy import create_engine, text

    from storage import instances, migrate
    from storage.db import Database

    path = settings.database_path
    if path is not None and not path.exists():
        return [Finding("warn", "database", f"none yet at {path}: `ciso-bot migrate` (or the "
                        "first `run`) makes it")]  # fmt: skip
    if path is not None and not os.access(path, os.R_OK | os.W_OK):
        return [Finding("fail", "database", f"{path} cannot be read and written by this user")]
    if path is not None and not os.access(path.parent, os.W_OK):
        return [Finding("fail", "database", f"the folder {path.parent} is not writable (SQLite "
                        "keeps its journal beside the file)")]  # fmt: skip
    engine = create_engine(settings.database_url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        current, head = migrate.current_revision(engine), migrate.head_revision(engine)
    except Exception as error:
        reason = str(getattr(error, "orig", None) or type(error).__name__)[:200]
        return [Finding("fail", "database", f"{settings.safe_database_url}: {reason}")]
    finally:
        engine.dispose()
    where = str(path) if path else settings.safe_database_url
    size = f", {path.stat().st_size / 1e6:.1f} MB" if path else ""
    if current == head:
        found = [Finding("ok", "database", f"{where}, schema {current} (up to date){size}")]
    elif current is None:
        found = [Finding("warn", "database", f"{where} is empty: the first start migrates it")]
    else:
        found = [Finding("warn", "database", f"{where}, schema {current}; the next start (or "
                         f"`ciso-bot migrate`) brings it to {head}")]  # fmt: skip
    if current is not None and current >= "0011":
        db = Database.from_url(settings.database_url)
        try:
            with db.read() as session:
                holder = instances.holder(session)
                sweepers = instances.sweepers(session)
        finally:
            db.dispose()
        running = (f"ciso-bot {holder.role} (pid {holder.pid} on {holder.host}) sends what is due"
                   if holder else "no bot runs on this database now")  # fmt: skip
        if sweepers > 1:
            running = f"{sweepers} running bots share sending what is due"
        found.append(Finding("ok", "sweeper", running))
    return found


def _platform(settings: Settings) -> list[Finding]:
    if not settings.platforms:
        return [Finding("warn", "platform", "none configured: `run` starts the console on a "
                        "terminal and refuses without one")]  # fmt: skip
    checks = {"slack": _slack, "mattermost": _mattermost}
    found = [finding for name in settings.platforms for finding in checks[name](settings)]
    for channels in settings.platform_channels:
        if not channels.network:
            name = f"{channels.platform.upper()}_NETWORK_CHANNEL"
            text = (f"{name} is not set: new bottlenecks and questions are not announced on "
                    f"{channels.platform}")  # fmt: skip
            found.append(Finding("warn", "platform", text))
    return found


def _slack(settings: Settings) -> list[Finding]:
    try:
        me = slack_identity(settings)
    except NotReady as error:
        return [Finding("fail", "platform", str(error))]
    mode = ("Socket Mode (SLACK_APP_TOKEN)" if settings.slack_app_token
            else "HTTP Events API (SLACK_SIGNING_SECRET)")  # fmt: skip
    found = [Finding("ok", "platform", f"Slack: @{me.get('user', '?')} in "
                     f"{me.get('team', '?')}, {mode}")]  # fmt: skip
    if settings.slack_app_token and not settings.slack_app_token.startswith("xapp-"):
        found.append(Finding("fail", "platform", "SLACK_APP_TOKEN is an app-level "
                             "token and starts with xapp-"))  # fmt: skip
    if not settings.slack_app_token and not settings.slack_signing_secret:
        found.append(Finding("fail", "platform", "SLACK_SIGNING_SECRET is needed for "
                             "the HTTP Events API (or SLACK_APP_TOKEN)"))  # fmt: skip
    return found


def _mattermost(settings: Settings) -> list[Finding]:
    try:
        me = mattermost_identity(settings)
    except NotReady as error:
        return [Finding("fail", "platform", str(error))]
    commands = ", ".join(f"/{word}" for word, _token in settings.mattermost_command_tokens)
    return [Finding("ok", "platform", f"Mattermost at {settings.mattermost_url}: "
                    f"@{me.get('username', '?')}; command tokens for {commands}")]  # fmt: skip


MARKS: dict[Outcome, str] = {"ok": "ok  ", "warn": "warn", "fail": "FAIL"}


def check(settings: Settings, args: argparse.Namespace) -> int:
    """Print the report; 0 when nothing failed, 1 otherwise."""
    from bot.version import version

    started = time.monotonic()
    found = _settings(settings, args) + _database(settings) + _platform(settings)
    print(f"ciso-bot {version()}")
    for finding in found:
        print(f"  {MARKS[finding.outcome]}  {finding.subject:<9} {finding.text}")
    failed = sum(f.outcome == "fail" for f in found)
    warned = sum(f.outcome == "warn" for f in found)
    print(f"{failed} failed, {warned} warning(s), in {time.monotonic() - started:.1f} s.")
    return 1 if failed else 0
