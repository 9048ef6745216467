"""Slack as an outlet: posts with `chat.postMessage` (Block Kit), DMs after
`conversations.open`, files with `files_upload_v2`, recent posts with their metadata
from `conversations.history`. Errors are Slack's (`SlackApiError`); where a reply
goes and what is checked first is `bot.delivery`'s.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import markup
from bot.delivery import Answer
from bot.slack import render as slack_render
from handlers.messages import Reply, Request


class SlackOutlet:
    refusals: tuple[type[Exception], ...] = (SlackApiError,)

    def __init__(self, client: WebClient, language: str) -> None:
        self.client = client
        self.language = language

    def dm_channel(self, user: str) -> str:
        opened = self.client.conversations_open(users=user)
        return str((opened.get("channel") or {}).get("id", ""))

    def post(self, channel: str, reply: Reply, *, user: str = "") -> None:
        if reply.files:
            self.client.files_upload_v2(
                channel=channel,
                initial_comment=markup.cut(markup.plain(reply.text), 3000),
                file_uploads=[
                    {"content": f.content, "filename": f.name, "title": f.name} for f in reply.files
                ],
            )
            return
        self.client.chat_postMessage(
            channel=channel,
            text=slack_render.fallback(reply),
            blocks=slack_render.blocks(reply, self.language),
            **_metadata(reply),
        )

    def recent(self, channel: str, limit: int) -> list[str]:
        found = self.client.conversations_history(
            channel=channel, limit=limit, include_all_metadata=True
        )
        return [
            str(((m.get("metadata") or {}).get("event_payload") or {}).get("message", ""))
            for m in found.get("messages") or []
        ]

    def answer(self, request: Request | None, respond: Respond | None) -> Answer:
        """Only for the person who asked: through `respond`, else `chat.postEphemeral`
        in the channel they asked in; files and DMs go by DM."""

        def answering(reply: Reply) -> bool:
            if reply.files:
                return False
            if respond is not None:
                respond(text=slack_render.fallback(reply),
                        blocks=slack_render.blocks(reply, self.language),
                        response_type="ephemeral", replace_original=False)  # fmt: skip
                return True
            if request is None or not request.channel_id or request.is_direct:
                return False
            self.client.chat_postEphemeral(
                channel=request.channel_id,
                user=request.user_id,
                text=slack_render.fallback(reply),
                blocks=slack_render.blocks(reply, self.language),
            )
            return True

        return answering


def _metadata(reply: Reply) -> dict[str, Any]:
    """A job's message carries its key, so that a resend after a crash can be recognised,
    and its topic, so that a reply in its thread can be traced back to it."""
    if not reply.key and not reply.topic:
        return {}
    payload = {"key": str(reply.key or ""), "message": reply.message_id, "topic": reply.topic}
    return {"metadata": {"event_type": "ciso_bot_message", "event_payload": payload}}
