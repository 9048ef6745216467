"""What every platform does alike when it sends, written once.

- **Where a reply goes**, by its visibility: a channel, a DM, or only the person who
  asked (through the adapter's own way of answering, else by DM).
- **The last label check** before anything is posted where many can read it (the
  core refuses such replies first; this is the check at the door).
- **The look for a message already sent**: a keyed message whose earlier try may have
  reached the platform is looked for among the conversation's recent posts first.
- **Messages to others through the outbox**, sent on the recipient's own platform, and
  **telling the user** when their reply could not be delivered.

An adapter provides an `Outlet` (how to post, open a DM and read recent posts on its
platform); `Courier` does the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Protocol

from bot.scheduler import Deliver, send_one
from handlers.core import Core
from handlers.i18n import translate
from handlers.messages import Reply, Request, Visibility
from storage.tlp import Place, may_show_in

log = logging.getLogger(__name__)

# How far back a conversation is searched for a message that may have gone out before.
HISTORY = 50

# The adapter's way to answer only the person who asked, where they asked (Slack's
# `respond`, Mattermost's `response_url`): False when it cannot (then: a DM).
Answer = Callable[[Reply], bool]


class Outlet(Protocol):
    """How one platform posts: what an adapter provides for sending."""

    # Exceptions that mean "the platform refused", as opposed to a bug of ours.
    refusals: tuple[type[Exception], ...]

    def dm_channel(self, user: str) -> str:
        """The DM conversation with `user` (opened when needed)."""
        ...

    def post(self, channel: str, reply: Reply, *, user: str = "") -> None:
        """Post `reply` in `channel` (the DM with `user`, when given), files included."""
        ...

    def recent(self, channel: str, limit: int) -> list[str]:
        """The message ids (`reminder:12`) of the channel's `limit` most recent posts."""
        ...


def send(
    outlet: Outlet, reply: Reply, request: Request | None = None, answer: Answer | None = None
) -> None:
    """Deliver one reply where its visibility says; raises when the platform refuses."""
    if reply.visibility is Visibility.CHANNEL:
        channel = reply.channel or (request.channel_id if request else None)
        if not channel:
            raise ValueError("a channel reply without a channel")
        if reply.tlp is not None and not may_show_in(reply.tlp, Place.CHANNEL):
            raise ValueError(f"refusing to post {reply.tlp} content to a channel")
        _post_once(outlet, channel, reply)
        return
    if reply.visibility is Visibility.DIRECT:
        user = reply.user or (request.user_id if request else "")
    elif answer is not None and answer(reply):
        return
    else:
        user = request.user_id if request else ""
    if not user:
        raise ValueError("a direct message without a user")
    _post_once(outlet, outlet.dm_channel(user), reply, user=user)


def _post_once(outlet: Outlet, channel: str, reply: Reply, user: str = "") -> None:
    if reply.maybe_sent and reply.key and reply.message_id in outlet.recent(channel, HISTORY):
        log.info("%s was already there; not sent again", reply.message_id)
        return
    outlet.post(channel, reply, user=user)


class Courier:
    """Sends an adapter's replies: its own answers on its platform, messages to others
    through the outbox on their platform (`elsewhere`), and says when that failed."""

    def __init__(self, core: Core, outlet: Outlet, platform: str, title: str) -> None:
        self.core = core
        self.outlet = outlet
        self.platform = platform
        self.title = title  # the platform's name as users read it: "Slack"
        # Where a message to someone else goes: this platform, until the install's
        # other platforms are known (`Platforms` sets it).
        self.elsewhere: Deliver = self.deliver

    def deliver(self, reply: Reply) -> None:
        """One message the bot sends on its own, on this platform; raises if refused."""
        send(self.outlet, reply)

    def deliver_all(
        self, replies: Iterable[Reply], request: Request | None, answer: Answer | None = None
    ) -> None:
        """Send each reply; a failure is logged and told to the user, nothing is undone."""
        for reply in replies:
            if reply.key:  # to someone else, through the outbox: retried when it fails
                if not send_one(self.core, self.elsewhere, reply):
                    self.tell(request, answer, "delivery.retrying")
                continue
            refused: tuple[type[Exception], ...] = (*self.outlet.refusals, ValueError)
            try:
                send(self.outlet, reply, request, answer)
            except refused as error:
                log.warning("%s refused a reply: %s", self.title, type(error).__name__)
                self.tell(request, answer)
            except Exception:  # it runs on a work pool: nothing else would ever log it
                log.exception("delivering a reply to %s failed", self.title)
                self.tell(request, answer)

    def tell(
        self, request: Request | None, answer: Answer | None, key: str = "delivery.failed"
    ) -> None:
        """Tell the person who asked that (part of) the answer did not arrive."""
        if request is None:
            return
        language = self.core.language_for(request.platform, request.user_id)
        notice = Reply(text=translate(language, key, platform=self.title))
        try:
            send(self.outlet, notice, request, answer)
        except Exception:
            log.warning("could not tell the user either")
