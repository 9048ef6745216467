"""Neutral replies as Slack Block Kit: sections, fields, context lines and buttons.

Pure functions, no I/O. Slack's limits are respected here (3,000 characters a
section, 10 fields, 50 blocks a message, 100 in a view, 75 characters a button).
"""

from __future__ import annotations

from typing import Any

from bot.markup import BOLD, cut, plain
from handlers.i18n import translate
from handlers.messages import Button, Reply, Section

Block = dict[str, Any]

MAX_TEXT = 3000
MAX_FIELD = 2000
MAX_BLOCKS = 50
MAX_VIEW_BLOCKS = 100


def mrkdwn(text: str) -> str:
    """Our Markdown subset in Slack's dialect: `**bold**` becomes `*bold*` (links are
    Slack's own `<url|label>` already)."""
    return BOLD.sub(r"*\1*", text)


def _text(text: str, limit: int = MAX_TEXT) -> Block:
    return {"type": "mrkdwn", "text": cut(mrkdwn(text), limit)}


def button(item: Button, language: str) -> Block:
    rendered: Block = {
        "type": "button",
        "action_id": item.action_id,
        "value": item.value[:2000],
        "text": {"type": "plain_text", "text": cut(plain(item.label), 75), "emoji": True},
    }
    if item.style in ("primary", "danger"):
        rendered["style"] = item.style
    if item.confirm:
        rendered["confirm"] = {
            "title": {"type": "plain_text", "text": translate(language, "confirm.title")},
            "text": {"type": "mrkdwn", "text": cut(mrkdwn(item.confirm), 300)},
            "confirm": {"type": "plain_text", "text": translate(language, "confirm.yes")},
            "deny": {"type": "plain_text", "text": translate(language, "confirm.no")},
        }
    return rendered


def _section(section: Section, index: int, language: str) -> list[Block]:
    blocks: list[Block] = []
    body: Block = {"type": "section", "block_id": f"s{index}"}
    if section.text:
        body["text"] = _text(section.text)
    if section.fields:
        body["fields"] = [
            _text(f"**{field.label}**\n{field.value}", MAX_FIELD) for field in section.fields[:10]
        ]
    if "text" in body or "fields" in body:
        blocks.append(body)
    if section.context:
        blocks.append({"type": "context", "elements": [_text(section.context)]})
    if section.buttons:
        blocks.append(
            {
                "type": "actions",
                "block_id": f"a{index}",
                "elements": [button(b, language) for b in section.buttons[:25]],
            }
        )
    return blocks


def blocks(reply: Reply, language: str, limit: int = MAX_BLOCKS) -> list[Block]:
    """The reply as blocks: its text, each section, then its own buttons."""
    rendered: list[Block] = []
    if reply.text:
        rendered.append({"type": "section", "block_id": "t", "text": _text(reply.text)})
    for index, section in enumerate(reply.sections):
        rendered += _section(section, index, language)
    if reply.buttons:
        rendered.append(
            {
                "type": "actions",
                "block_id": "buttons",
                "elements": [button(b, language) for b in reply.buttons[:25]],
            }
        )
    if len(rendered) > limit:
        more = {"type": "context", "elements": [_text(translate(language, "slack.truncated"))]}
        rendered = [*rendered[: limit - 1], more]
    return rendered


def fallback(reply: Reply) -> str:
    """The notification text: the reply's text or its first section, without markup."""
    first = reply.text or next((s.text for s in reply.sections if s.text), "")
    return cut(plain(first), MAX_TEXT) or "CISO-netwerk"


def home_view(reply: Reply, language: str) -> Block:
    return {"type": "home", "blocks": blocks(reply, language, MAX_VIEW_BLOCKS)}
