"""`ciso-bot mattermost setup --team NAME`: the four slash commands, made through the API.

Each of /kennis, /knelpunt, /actie and /ciso is created in the team, or updated when
a command with that trigger word exists there already (its token stays the same), with
the request URL, autocomplete description and hint. The tokens are printed as the one
line to put in `.env`. The call needs the `manage_slash_commands` permission in the
team; without it the administrator is told which permission is missing and how to run
the setup with a token that has it.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.config import Settings
from bot.mattermost.api import MattermostApi, MattermostError
from bot.mattermost.events import COMMANDS
from bot.preflight import mattermost_refusal
from handlers.i18n import translate

# What members see while they type a command (its display name, description and hint)
# comes from the nl/en catalogue, in the install's language.
ICON = ""  # the bot account's own picture is shown


def definition(team_id: str, trigger: str, url: str, language: str) -> dict[str, Any]:
    display, description, hint = (
        translate(language, f"setup.{trigger}.{part}") for part in ("name", "description", "hint")
    )
    return {
        "team_id": team_id,
        "trigger": trigger,
        "method": "P",
        "url": url,
        "display_name": display,
        "description": description,
        "auto_complete": True,
        "auto_complete_desc": description,
        "auto_complete_hint": hint,
        "username": "",
        "icon_url": ICON,
    }


def setup(settings: Settings, args: argparse.Namespace) -> int:
    if "mattermost" not in settings.platforms:
        print("MATTERMOST_URL and MATTERMOST_TOKEN are needed: the bot account's address and "
              "token.", file=sys.stderr)  # fmt: skip
        return 2
    if not settings.mattermost_callback_url:
        print("MATTERMOST_CALLBACK_URL is needed: the address where the Mattermost server "
              "reaches the bot (http://ciso-bot:3000).", file=sys.stderr)  # fmt: skip
        return 2
    url = settings.mattermost_callback_url + "/mattermost/command"
    api = MattermostApi(settings.mattermost_url or "", settings.mattermost_token or "")
    me: dict[str, Any] | None = None
    try:
        me = api.me()
        team = api.team_by_name(args.team)
        existing = {c.get("trigger"): c for c in api.commands(str(team["id"]))}
        tokens = []
        for trigger in COMMANDS:
            wanted = definition(str(team["id"]), trigger, url, settings.language)
            found = existing.get(trigger)
            if found is None:
                made = api.create_command(wanted)
                verb = "created"
            else:
                made = api.update_command({**found, **wanted})
                verb = "updated"
            tokens.append(f"{trigger}={made.get('token', '')}")
            print(f"/{trigger}: {verb} in team {team.get('display_name') or args.team} → {url}")
    except MattermostError as error:
        print(_explain(settings, error, args.team, me), file=sys.stderr)
        return 1
    finally:
        api.close()
    print("\nPut this line in .env (replacing the one there), then restart the bot:")
    print(f"MATTERMOST_COMMAND_TOKENS={','.join(tokens)}")
    return 0


def _explain(
    settings: Settings, error: MattermostError, team: str, me: dict[str, Any] | None
) -> str:
    if error.status == 404 and me is not None and "team" in error.error_id:
        return f"There is no team {team!r} (use the name in the team's address)."
    if error.status == 403 and me is not None:
        who = f"@{me.get('username')}"
        return (
            f"{who} may not manage slash commands in team {team!r}: it needs the "
            "permission manage_slash_commands (and manage_others_slash_commands to update "
            "commands someone else made). Give the bot account that role under System "
            "Console → User Management → Permissions, or run this once with a team "
            "admin's personal access token: MATTERMOST_TOKEN=… ciso-bot mattermost setup "
            f"--team {team}. Or create the commands by hand (README, Connect to Mattermost)."
        )
    return str(mattermost_refusal(settings, error.status, error.error_id))
