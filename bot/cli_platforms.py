"""`ciso-bot run` on a chat platform: the adapter, its HTTP endpoint and the scheduler."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

from bot.app import create_app
from bot.clock import SystemClock
from bot.config import Settings
from bot.scheduler import Deliver, Sweeper
from handlers.router import Core

log = logging.getLogger("bot")


def run_slack(settings: Settings, args: argparse.Namespace) -> int:
    from bot.slack import Slack

    socket_mode = bool(settings.slack_app_token) and not args.http
    if not socket_mode and not settings.slack_signing_secret:
        print(
            "Configuratiefout / configuration error: SLACK_SIGNING_SECRET: is needed for the "
            "HTTP Events API (or set SLACK_APP_TOKEN for Socket Mode)",
            file=sys.stderr,
        )
        return 2
    app = create_app(settings, SystemClock())
    slack = Slack(settings, app.core)
    sweeper = Sweeper(app.core, slack.deliver, settings.sweep_seconds)
    sweeper.start()
    try:
        if socket_mode:
            from slack_bolt.adapter.socket_mode import SocketModeHandler

            log.info("Slack: Socket Mode")
            handler = SocketModeHandler(slack.app, settings.slack_app_token)
            handler.start()  # type: ignore[no-untyped-call]
        else:
            server = slack.serve(args.host, args.port)
            log.info("Slack: HTTP Events API on %s:%s/slack/events", args.host, server.server_port)
            server.serve_forever()
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        sweeper.stop()
        slack.close()
        app.close()
    return 0


def run_mattermost(settings: Settings, args: argparse.Namespace) -> int:
    from bot.mattermost import Mattermost
    from bot.mattermost_api import MattermostError

    app = create_app(settings, SystemClock())
    callback = settings.mattermost_callback_url or f"http://localhost:{args.port}"
    mattermost = Mattermost(settings, app.core, callback)
    try:
        mattermost.connect()
    except MattermostError as error:
        reason = "the token is refused" if error.status == 401 else str(error)
        print(f"Mattermost at {settings.mattermost_url}: {reason} (MATTERMOST_TOKEN).",
              file=sys.stderr)  # fmt: skip
        mattermost.close()
        app.close()
        return 2
    server = mattermost.serve(args.host, args.port)
    mattermost.start_listening()
    sweeper = Sweeper(app.core, mattermost.deliver, settings.sweep_seconds)
    sweeper.start()
    log.info("Mattermost: commands, buttons and dialogs on %s:%s/mattermost/…",
             args.host, server.server_port)  # fmt: skip
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        sweeper.stop()
        mattermost.close()
        app.close()
    return 0


def deliverer(settings: Settings, core: Core) -> tuple[Deliver, Callable[[], None]]:
    """How `tick` sends on the configured chat platform, and how to close it afterwards."""
    if settings.platform == "slack":
        from bot.slack import Slack

        slack = Slack(settings, core)
        return slack.deliver, slack.close
    from bot.mattermost import Mattermost

    mattermost = Mattermost(settings, core, settings.mattermost_callback_url or "")
    try:
        mattermost.connect()
    except Exception:
        mattermost.close()
        raise
    return mattermost.deliver, mattermost.close
