"""The Slack app manifest matches what the adapter listens to."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.slack.adapter import COMMANDS

MANIFEST = (Path(__file__).parents[2] / "slack" / "manifest.yml").read_text(encoding="utf-8")


def test_manifest_has_every_command_shortcut_event_and_scope() -> None:
    commands = set(re.findall(r"- command: /(\w+)", MANIFEST))
    assert commands == set(COMMANDS)
    assert "callback_id: save_to_kb" in MANIFEST
    events = set(re.findall(r"^      - (\w+)$", MANIFEST, re.MULTILINE))
    assert {"app_home_opened", "reaction_added"} <= events
    scopes = set(re.findall(r"^      - ([a-z:.]+)\s", MANIFEST, re.MULTILINE))
    assert {"commands", "chat:write", "im:write", "users:read", "reactions:read",
            "channels:history", "files:write", "channels:read", "groups:read", "im:read",
            "mpim:read"} <= scopes  # fmt: skip
    assert "home_tab_enabled: true" in MANIFEST and "should_escape: true" in MANIFEST


def test_the_socket_mode_manifest_is_the_same_app_without_addresses() -> None:
    import yaml

    http = yaml.safe_load(MANIFEST)
    socket = yaml.safe_load(
        (Path(__file__).parents[2] / "slack" / "manifest-socket-mode.yml").read_text("utf-8")
    )
    assert socket["settings"]["socket_mode_enabled"] is True
    assert http["settings"]["socket_mode_enabled"] is False
    assert "bot.example.nl" not in json.dumps(socket)
    for command in http["features"]["slash_commands"]:
        command.pop("url")
    http["settings"]["event_subscriptions"].pop("request_url")
    http["settings"]["interactivity"].pop("request_url")
    http["settings"]["socket_mode_enabled"] = True
    assert socket == http  # same commands, events, scopes and texts
    assert "message.im" in socket["settings"]["event_subscriptions"]["bot_events"]
    assert socket["features"]["app_home"]["messages_tab_read_only_enabled"] is False
