"""What the bot does with Mattermost's WebSocket events, and how it catches up on a gap.

`posted` in a DM with the bot is a command typed without the slash; `reaction_added`
with the capture emoji saves the post to the knowledge base, with a permalink. Each
is claimed once in the database (by post, or by post and user), so a replayed event
or one found again while catching up never acts twice. When the server could not
resume the WebSocket, the posts of every channel the bot has seen since a minute
before the last event are read over REST, and what was missed is handled then.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from bot.mattermost.api import MattermostApi, MattermostError
from bot.mattermost.people import PLATFORM, MattermostPeople
from bot.remembered import Remembered
from handlers.core import Core
from handlers.i18n import translate
from handlers.knowledge import questions
from handlers.messages import Reply, Request

log = logging.getLogger(__name__)

COMMANDS = ("kennis", "knelpunt", "actie", "ciso")
MARGIN_MS = 60_000  # catching up starts this long before the last event seen
Json = dict[str, Any]
DeliverAll = Callable[[Iterable[Reply], Request, str], None]


class Events:
    def __init__(
        self,
        api: MattermostApi,
        core: Core,
        people: MattermostPeople,
        deliver_all: DeliverAll,
        *,
        url: str,
        capture_reaction: str,
        channels: Iterable[str] = (),
    ) -> None:
        self.api = api
        self.core = core
        self.people = people
        self.deliver_all = deliver_all
        self.url = url
        self.capture_reaction = capture_reaction
        self.bot_id = ""
        self.work = ThreadPoolExecutor(max_workers=2, thread_name_prefix="mattermost-events")
        self._lock = threading.Lock()
        self._channels: dict[str, str] = {c: "O" for c in channels}  # id → type
        self._threads: Remembered[str | None] = Remembered(1000)  # root post → question
        self._types: dict[str, str] = {}  # channel types the server named in an event
        self._last_seen = 0  # ms

    def close(self) -> None:
        self.work.shutdown(wait=True)

    def on_event(self, event: Json) -> None:
        """From the listener thread: note where it happened, and queue the work."""
        kind = event.get("event")
        data = event.get("data") or {}
        channel = str((event.get("broadcast") or {}).get("channel_id") or "")
        with self._lock:
            self._last_seen = int(time.time() * 1000)
            if channel:
                self._channels.setdefault(channel, str(data.get("channel_type") or "O"))
            if channel and data.get("channel_type"):  # said by the server, not assumed
                self._types[channel] = str(data["channel_type"])
        if kind == "posted":
            self.work.submit(self._safely, self._posted, data)
        elif kind == "reaction_added":
            self.work.submit(self._safely, self._reaction, data)

    def on_gap(self) -> None:
        """Events were missed: read what happened meanwhile in every channel seen."""
        with self._lock:
            since = max(self._last_seen - MARGIN_MS, 1)
            channels = dict(self._channels)
        self.work.submit(self._safely, self._catch_up, {"since": since, "channels": channels})

    def _safely(self, work: Callable[[Json], None], data: Json) -> None:
        try:
            work(data)
        except Exception:
            log.exception("Mattermost event work failed")

    def _catch_up(self, gap: Json) -> None:
        found = 0
        for channel, kind in gap["channels"].items():
            try:
                posts = self.api.posts_since(channel, gap["since"])
            except MattermostError as error:
                log.warning("catching up on a channel failed: %s", error.error_id)
                continue
            for post in posts:
                found += 1
                if kind == "D":
                    self._posted({"channel_type": "D", "post": json.dumps(post)})
                for reaction in (post.get("metadata") or {}).get("reactions") or []:
                    self._reaction({"reaction": json.dumps(reaction)})
        log.info("caught up on %d post(s) in %d channel(s)", found, len(gap["channels"]))

    def _posted(self, data: Json) -> None:
        """A message in a DM with the bot: a command typed without the slash. A reply in
        a channel thread under one of the bot's questions: an answer."""
        post = _json(data.get("post"))
        user, channel = str(post.get("user_id", "")), str(post.get("channel_id", ""))
        if not user or user == self.bot_id or post.get("type"):
            return
        if data.get("channel_type") != "D":
            if post.get("root_id"):
                self._thread_reply(post)
            return
        if post.get("type") or not self.core.claim_once(f"mattermost:post:{post.get('id')}"):
            return
        word, _, rest = str(post.get("message", "")).strip().lstrip("/").partition(" ")
        if word.lower() not in COMMANDS:
            language = self.core.language_for(PLATFORM, user)
            replies = [Reply(text=translate(language, "dm.help"))]
            request = self.people.request(user, channel=channel, direct=True, command="")
        else:
            text, names, _unknown = self.people.mentions(rest, {})
            request = self.people.request(user, channel=channel, direct=True,
                                          command=word.lower(), text=text,
                                          mention_names=names)  # fmt: skip
            replies = self.core.handle(request)
        self.deliver_all(replies, request, "")

    def _thread_reply(self, post: Json) -> None:
        question = self._question_under(str(post.get("root_id", "")))
        if question is None or not self.core.claim_once(f"mattermost:post:{post.get('id')}"):
            return
        user, channel = str(post.get("user_id", "")), str(post.get("channel_id", ""))
        text, names, _unknown = self.people.mentions(str(post.get("message", "")), {})
        request = self.people.request(user, channel=channel, action_id=questions.THREAD,
                                      action_value=question, text=text,
                                      mention_names=names)  # fmt: skip
        self.deliver_all(self.core.handle(request), request, "")

    def _question_under(self, root: str) -> str | None:
        """The question a thread's first post asks (remembered per thread: a busy thread
        would otherwise cost a read each reply)."""
        if root not in self._threads:
            try:
                first = self.api.post(root)
            except MattermostError as error:
                log.warning("cannot read a thread's first post: %s", error.error_id)
                return None  # not remembered: the next reply tries again
            mine = first.get("user_id") == self.bot_id
            self._threads.put(root, _question_of(first) if mine else None)
        return self._threads.get(root)

    def _reaction(self, data: Json) -> None:
        """The capture emoji on a post: save the post to the knowledge base."""
        reaction = _json(data.get("reaction"))
        user, post_id = str(reaction.get("user_id", "")), str(reaction.get("post_id", ""))
        if reaction.get("emoji_name") != self.capture_reaction or user == self.bot_id:
            return
        if not post_id or not self.core.claim_once(f"mattermost:reaction:{post_id}:{user}"):
            return
        try:
            post = self.api.post(post_id)
        except MattermostError as error:
            log.warning("cannot read the post to capture: %s", error.error_id)
            return
        author = self.people.person(str(post.get("user_id", ""))).name
        request = self.people.request(
            user,
            channel=str(post.get("channel_id", "")),
            action_id="kennis.capture",
            text=str(post.get("message", "")),
            source_url=f"{self.url}/_redirect/pl/{post_id}",
            source_author=author,
            source_private=self._is_private(str(post.get("channel_id", ""))),
        )
        self.deliver_all(self.core.handle(request), request, "")

    def _is_private(self, channel: str) -> bool:
        """Whether a channel is private or a DM: only one the server called open ("O") is not."""
        with self._lock:
            return self._types.get(channel) != "O"


def _json(value: object) -> Json:
    """An event's nested JSON (a string inside `data`), or an empty dict."""
    try:
        found = json.loads(str(value or "{}"))
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _question_of(post: Json) -> str | None:
    """The question a post of the bot asks, from the topic it carries in its props."""
    return questions.question_of_topic(str((post.get("props") or {}).get("ciso_bot_topic", "")))
