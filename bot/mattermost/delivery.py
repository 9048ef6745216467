"""Mattermost delivery: each neutral reply where its visibility says, as a post.

Ephemeral answers to a slash command go back through the command's `response_url`
(bots may not create ephemeral posts by default); everything else is a post by the
bot: in a channel (never above TLP:GREEN), or in the DM channel with the user
(`POST /channels/direct`), with files uploaded first. Errors are `MattermostError`s:
the caller decides what to tell whom.
"""

from __future__ import annotations

import httpx

from bot.mattermost.api import MattermostApi, MattermostError
from bot.mattermost.render import command_response, message, post_props
from bot.mattermost.signing import Binding, Signer
from handlers.messages import Reply, Request, Visibility
from storage.tlp import Place, may_show_in

HISTORY = 50  # how far back a DM is searched for a message sent before a crash
MAX_FILES = 5  # per post


class MattermostDelivery:
    def __init__(self, api: MattermostApi, action_url: str, signer: Signer) -> None:
        self.api = api
        self.action_url = action_url
        self.signer = signer
        self.bot_id = ""
        self._dm: dict[str, str] = {}

    def send(self, reply: Reply, request: Request | None = None, response_url: str = "") -> None:
        """Deliver one reply where it belongs; raises MattermostError when refused."""
        if reply.visibility is Visibility.CHANNEL:
            channel = reply.channel or (request.channel_id if request else None)
            if not channel:
                raise ValueError("a channel reply without a channel")
            self.post(channel, reply)
        elif reply.visibility is Visibility.DIRECT:
            self.direct(reply.user or (request.user_id if request else ""), reply)
        elif response_url and not reply.files and request is not None:
            bound = Binding(request.user_id, request.channel_id or "")
            body = command_response(reply, self.action_url, self.signer, bound)
            self.respond(response_url, body)
        elif request is not None:
            self.direct(request.user_id, reply)

    def post(self, channel: str, reply: Reply) -> None:
        # The core refuses channel replies above TLP:GREEN; this is the last check
        # before anything is posted where many can read it.
        if reply.tlp is not None and not may_show_in(reply.tlp, Place.CHANNEL):
            raise ValueError(f"refusing to post {reply.tlp} content to a channel")
        if reply.maybe_sent and self.already_there(channel, reply):
            return
        # Anyone in the channel may press its buttons; only there.
        props = post_props(reply, self.action_url, self.signer, Binding(channel=channel))
        self.api.create_post(channel, message(reply), props=props)

    def dm_channel(self, user: str) -> str:
        if user not in self._dm:
            self._dm[user] = self.api.direct_channel(self.bot_id, user)
        return self._dm[user]

    def known_dm(self, user: str) -> str:
        """The DM channel with `user`, if the bot has used it in this run."""
        return self._dm.get(user, "")

    def direct(self, user: str, reply: Reply) -> None:
        if not user:
            raise ValueError("a direct message without a user")
        channel = self.dm_channel(user)
        if reply.maybe_sent and self.already_there(channel, reply):
            return
        file_ids = [
            self.api.upload(
                channel,
                f.name,
                f.content.encode("utf-8") if isinstance(f.content, str) else f.content,
                f.media_type,
            )
            for f in reply.files[:MAX_FILES]
        ]
        props = post_props(reply, self.action_url, self.signer, Binding(user, channel))
        self.api.create_post(channel, message(reply), props=props, file_ids=file_ids or None)

    def already_there(self, channel: str, reply: Reply) -> bool:
        """Whether the channel's recent posts hold this one (sent by a try that failed
        unclearly, or before a crash)."""
        wanted = reply.message_id
        posts = self.api.recent_posts(channel, HISTORY)
        return any((p.get("props") or {}).get("ciso_bot_message") == wanted for p in posts)

    def respond(self, response_url: str, body: dict[str, object]) -> None:
        """A further answer to a slash command, through its `response_url`."""
        try:
            answer = httpx.post(response_url, json=body, timeout=10)
        except httpx.HTTPError as error:
            raise MattermostError(0, "connection", type(error).__name__) from None
        if answer.status_code >= 400:
            raise MattermostError(answer.status_code, "response_url", "")
