"""Mattermost as an outlet: posts by the bot, in a channel or in the DM channel with a
user (`POST /channels/direct`), files uploaded first, recent posts with their props.
Ephemeral answers to a slash command go back through its `response_url` (bots may not
create ephemeral posts by default). Errors are `MattermostError`s; where a reply goes
and what is checked first is `bot.delivery`'s.
"""

from __future__ import annotations

import httpx

from bot.delivery import Answer
from bot.mattermost.api import MattermostApi, MattermostError
from bot.mattermost.render import command_response, message, post_props
from bot.mattermost.signing import Binding, Signer
from handlers.messages import Reply, Request

MAX_FILES = 5  # per post


class MattermostOutlet:
    refusals: tuple[type[Exception], ...] = (MattermostError,)

    def __init__(self, api: MattermostApi, action_url: str, signer: Signer) -> None:
        self.api = api
        self.action_url = action_url
        self.signer = signer
        self.bot_id = ""
        self._dm: dict[str, str] = {}

    def dm_channel(self, user: str) -> str:
        if user not in self._dm:
            self._dm[user] = self.api.direct_channel(self.bot_id, user)
        return self._dm[user]

    def known_dm(self, user: str) -> str:
        """The DM channel with `user`, if the bot has used it in this run."""
        return self._dm.get(user, "")

    def post(self, channel: str, reply: Reply, *, user: str = "") -> None:
        file_ids = [
            self.api.upload(
                channel,
                f.name,
                f.content.encode("utf-8") if isinstance(f.content, str) else f.content,
                f.media_type,
            )
            for f in reply.files[:MAX_FILES]
        ]
        # In a DM only its user may press the buttons; in a channel anyone there.
        bound = Binding(user, channel) if user else Binding(channel=channel)
        props = post_props(reply, self.action_url, self.signer, bound)
        self.api.create_post(channel, message(reply), props=props, file_ids=file_ids or None)

    def recent(self, channel: str, limit: int) -> list[str]:
        posts = self.api.recent_posts(channel, limit)
        return [str((p.get("props") or {}).get("ciso_bot_message", "")) for p in posts]

    def answer(self, request: Request | None, response_url: str) -> Answer:
        """Only for the person who asked: through the command's `response_url`."""

        def answering(reply: Reply) -> bool:
            if not response_url or reply.files or request is None:
                return False
            bound = Binding(request.user_id, request.channel_id or "")
            self.respond(response_url, command_response(reply, self.action_url, self.signer,
                                                        bound))  # fmt: skip
            return True

        return answering

    def respond(self, response_url: str, body: dict[str, object]) -> None:
        """A further answer to a slash command, through its `response_url`."""
        try:
            answer = httpx.post(response_url, json=body, timeout=10)
        except httpx.HTTPError as error:
            raise MattermostError(0, "connection", type(error).__name__) from None
        if answer.status_code >= 400:
            raise MattermostError(answer.status_code, "response_url", "")
