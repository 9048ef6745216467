"""Neutral replies as Mattermost posts: Markdown text and message attachments with buttons.

Pure functions, no I/O. The reply's text is the post's message; each section is an
attachment (text, fields, a footer for its context line, buttons), coloured with the
TLP colour of the reply's label. Buttons call the bot's `/mattermost/action` with a
context that names the neutral action and is signed (`bot.mattermost.signing`), so
that a forged, altered, expired or misplaced press is refused.
"""

from __future__ import annotations

from typing import Any

from bot.markup import cut, links, plain
from bot.mattermost.signing import Binding, Signer
from handlers.messages import Button, Reply, Section
from storage.tlp import TLP

Json = dict[str, Any]

MAX_MESSAGE = 16_000  # a post holds 16,383 characters
MAX_ATTACHMENT_TEXT = 7_000
MAX_BUTTON = 60
TLP_COLOURS = {
    TLP.RED: "#FF2B2B",
    TLP.AMBER_STRICT: "#FFC000",
    TLP.AMBER: "#FFC000",
    TLP.GREEN: "#33FF00",
    TLP.CLEAR: "#FFFFFF",
}


def markdown(text: str) -> str:
    """Our Markdown subset in Mattermost's: links `<url|label>` become `[label](url)`."""
    return links(text, lambda url, label: f"[{label}]({url})")


def button(item: Button, url: str, signer: Signer, bound: Binding, index: int) -> Json:
    style = item.style if item.style in ("primary", "danger") else "default"
    return {
        "id": f"b{index}",  # Mattermost wants [A-Za-z0-9]+; the action id is in the context
        "name": cut(plain(item.label), MAX_BUTTON),
        "type": "button",
        "style": style,
        "integration": {"url": url, "context": signer.context(item, bound)},
    }


def _attachment(section: Section, colour: str | None) -> Json:
    attachment: Json = {}
    if section.text:
        attachment["text"] = cut(markdown(section.text), MAX_ATTACHMENT_TEXT)
    if section.fields:
        attachment["fields"] = [
            {"title": plain(f.label), "value": markdown(f.value), "short": len(f.value) < 40}
            for f in section.fields
        ]
    if section.context:
        attachment["footer"] = cut(plain(section.context), 300)
    if colour:
        attachment["color"] = colour
    return attachment


def attachments(reply: Reply, url: str, signer: Signer, bound: Binding) -> list[Json]:
    """The reply's sections (and its own buttons) as attachments."""
    colour = TLP_COLOURS.get(reply.tlp) if reply.tlp else None
    rendered: list[Json] = []
    count = 0
    for section in reply.sections:
        attachment = _attachment(section, colour)
        if section.buttons:
            attachment["actions"] = [
                button(b, url, signer, bound, count + n) for n, b in enumerate(section.buttons)
            ]
            count += len(section.buttons)
        if attachment:
            rendered.append(attachment)
    if reply.buttons:
        actions = [button(b, url, signer, bound, count + n) for n, b in enumerate(reply.buttons)]
        rendered.append({"actions": actions, **({"color": colour} if colour else {})})
    return rendered


def message(reply: Reply) -> str:
    return cut(markdown(reply.text), MAX_MESSAGE)


def as_text(reply: Reply) -> str:
    """The whole reply as one Markdown text (where only text can go: `ephemeral_text`)."""
    parts = [markdown(reply.text)] if reply.text else []
    for section in reply.sections:
        lines = [markdown(section.text)] if section.text else []
        lines += [f"**{plain(f.label)}:** {markdown(f.value)}" for f in section.fields]
        if section.context:
            lines.append(f"_{plain(section.context)}_")
        parts.append("\n".join(lines))
    return cut("\n\n".join(p for p in parts if p), MAX_MESSAGE)


def command_response(reply: Reply, url: str, signer: Signer, bound: Binding) -> Json:
    """A slash command's answer, only for the caller (`bound.user`)."""
    return {
        "response_type": "ephemeral",
        "text": message(reply),
        "attachments": attachments(reply, url, signer, bound),
    }


def post_props(reply: Reply, url: str, signer: Signer, bound: Binding) -> Json:
    props: Json = {"attachments": attachments(reply, url, signer, bound)}
    if reply.key:
        props["ciso_bot_message"] = reply.message_id
    if reply.topic:  # kept by the server (an integration's context is not): for threads
        props["ciso_bot_topic"] = reply.topic
    return props
