"""Slack delivery: each neutral reply where its visibility says, in Block Kit.

Ephemeral through the request's `response_url` (or `chat.postEphemeral`), channel
posts with `chat.postMessage` (never above TLP:GREEN), DMs after
`conversations.open`, files with `files_upload_v2`. Errors are Slack's
(`SlackApiError`): the caller decides what to tell whom.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient

from bot.slack import render as slack_render
from handlers.messages import Reply, Request, Visibility
from storage.tlp import Place, may_show_in


class SlackDelivery:
    def __init__(self, client: WebClient, language: str) -> None:
        self.client = client
        self.language = language

    def send(
        self, reply: Reply, request: Request | None = None, respond: Respond | None = None
    ) -> None:
        """Deliver one reply where it belongs; raises SlackApiError when Slack refuses."""
        if reply.visibility is Visibility.CHANNEL:
            channel = reply.channel or (request.channel_id if request else None)
            if not channel:
                raise ValueError("a channel reply without a channel")
            self.post(channel, reply)
        elif reply.visibility is Visibility.DIRECT:
            self.direct(reply.user or (request.user_id if request else ""), reply)
        elif respond is not None and not reply.files:
            respond(
                text=slack_render.fallback(reply),
                blocks=slack_render.blocks(reply, self.language),
                response_type="ephemeral",
                replace_original=False,
            )
        elif request and request.channel_id and not request.is_direct and not reply.files:
            self.client.chat_postEphemeral(
                channel=request.channel_id,
                user=request.user_id,
                text=slack_render.fallback(reply),
                blocks=slack_render.blocks(reply, self.language),
            )
        elif request:
            self.direct(request.user_id, reply)

    def post(self, channel: str, reply: Reply) -> None:
        # The core refuses channel replies above TLP:GREEN; this is the last check
        # before anything is posted where many can read it.
        if reply.tlp is not None and not may_show_in(reply.tlp, Place.CHANNEL):
            raise ValueError(f"refusing to post {reply.tlp} content to a channel")
        if reply.maybe_sent and self.already_there(channel, reply):
            return
        self.client.chat_postMessage(
            channel=channel,
            text=slack_render.fallback(reply),
            blocks=slack_render.blocks(reply, self.language),
            **_metadata(reply),
        )

    def direct(self, user: str, reply: Reply) -> None:
        opened = self.client.conversations_open(users=user)
        channel = str((opened.get("channel") or {}).get("id", ""))
        if reply.files:
            self.client.files_upload_v2(
                channel=channel,
                initial_comment=slack_render.plain(reply.text)[:3000],
                file_uploads=[
                    {"content": f.content, "filename": f.name, "title": f.name} for f in reply.files
                ],
            )
            return
        if reply.maybe_sent and self.already_there(channel, reply):
            return
        self.client.chat_postMessage(
            channel=channel,
            text=slack_render.fallback(reply),
            blocks=slack_render.blocks(reply, self.language),
            **_metadata(reply),
        )

    def already_there(self, channel: str, reply: Reply) -> bool:
        """Whether the conversation's recent messages hold this one (sent by a try
        that failed unclearly, or before a crash)."""
        found = self.client.conversations_history(
            channel=channel, limit=HISTORY, include_all_metadata=True
        )
        wanted = reply.message_id
        for message in found.get("messages") or []:
            payload = (message.get("metadata") or {}).get("event_payload") or {}
            if payload.get("message") == wanted:
                return True
        return False


# How far back a DM is searched for a message that may have gone out before a crash.
HISTORY = 50


def _metadata(reply: Reply) -> dict[str, Any]:
    """A job's message carries its key, so that a resend after a crash can be recognised,
    and its topic, so that a reply in its thread can be traced back to it."""
    if not reply.key and not reply.topic:
        return {}
    payload = {"key": str(reply.key or ""), "message": reply.message_id, "topic": reply.topic}
    return {"metadata": {"event_type": "ciso_bot_message", "event_payload": payload}}
