"""The Slack app manifest matches what the adapter listens to."""

from __future__ import annotations

import re
from pathlib import Path

from bot.slack import COMMANDS

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
