"""The rules every message the bot sends on its own follows, whatever it is.

- **Keyed**: a reminder (`reminder:12`), a digest (`digest:7`) or an outbox row
  (`outbox:3`, for notices, overviews, supporters' DMs); the key travels with the
  message (Slack metadata, a Mattermost prop), so a resend can be recognised.
- **Claimed, sent, recorded**: claimed by one process, recorded as sent only after
  the platform took it. A failure is retried on the ladder (1, 5, 30 minutes, then
  2 hours), and after its last rung every hour: a message is owed until it is
  delivered or means nothing any more, never given up in silence.
- **Looked up first** when a try may have reached the platform (a timeout, a
  dropped connection, a server error) or its process died mid-send.
- **Late** when sent more than LATE_AFTER after it was due: the message says so.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from storage import outbox
from storage.db import Session
from storage.tlp import TLP

from handlers.context import CoreSettings, JobContext
from handlers.messages import Button, DeliveryKey, Field, Reply, Section, Visibility

log = logging.getLogger(__name__)

# One lateness rule for every kind of message.
LATE_AFTER = timedelta(minutes=15)
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2))
# After the ladder: a message still owed is tried this often.
OWED_EVERY = timedelta(hours=1)
# An outbox message (a notice) still undelivered after this long is dropped, with a
# warning in the log: a notice about last month helps nobody.
NOTICE_KEPT = timedelta(days=14)


def retry_at(now: datetime, attempts: int, settings: CoreSettings) -> tuple[datetime, bool]:
    """When to try a failed message again, and whether the ladder is used up (owed)."""
    if attempts >= settings.reminder_attempts:
        return now + OWED_EVERY, True
    return now + BACKOFF[min(attempts, len(BACKOFF)) - 1], False


# --- the outbox -----------------------------------------------------------------------


def recipient(reply: Reply) -> str:
    """Who a message goes to, for its key: `user:U1` or `channel:C1` (with the platform
    in front when there is more than one: `user:slack:U1`)."""
    where = f"{reply.platform}:" if reply.platform else ""
    if reply.visibility is Visibility.DIRECT:
        return f"user:{where}{reply.user or ''}"
    return f"channel:{where}{reply.channel or ''}"


def plan(session: Session, key: str, replies: Sequence[Reply], now: datetime) -> int:
    """Put these messages in the outbox under `key`, once: how many were new.

    Called in the transaction that decided to send them, so that deciding and
    planning are one: a crash after it loses nothing, a second call adds nothing.
    """
    planned = 0
    for reply in replies:
        if outbox.enqueue(session, f"{key}:{recipient(reply)}", to_json(reply), now) is not None:
            planned += 1
    return planned


def claim(context: JobContext) -> list[Reply]:
    """The outbox messages that are due, claimed by this process, as keyed replies."""
    now = context.now()
    with context.db.write() as session:
        due = outbox.claim_due(session, now, context.instance)
    if len(due) >= outbox.BATCH:
        context.more_due.append("outbox")
    return [
        replace(
            from_json(message.payload),
            key=DeliveryKey("outbox", message.id, context.instance),
            maybe_sent=message.maybe_sent,
        )
        for message in due
    ]


def confirm_outbox(context: JobContext, key: DeliveryKey, error: str | None, unclear: bool) -> None:
    """Record an outbox message as sent, or plan its next try."""
    number, token = key.number, key.token
    now = context.now()
    with context.db.write() as session:
        message = outbox.get(session, number)
        if message is None:
            return
        if error is None:
            outbox.mark_sent(session, number, token, now)
            return
        retry, _owed = retry_at(now, message.attempts, context.settings)
        keep = now - message.created_at < NOTICE_KEPT
        outbox.mark_failed(
            session, number, token, error, retry if keep else None, maybe_sent=unclear
        )
        if not keep:
            log.warning(
                "gave up outbox message %s after %s attempts over %s", number,
                message.attempts, NOTICE_KEPT,
            )  # fmt: skip


# --- replies as JSON (what the outbox keeps) -------------------------------------------


def _button(b: Button) -> dict[str, Any]:
    return {"action_id": b.action_id, "value": b.value, "label": b.label, "style": b.style,
            "confirm": b.confirm}  # fmt: skip


def to_json(reply: Reply) -> str:
    """A reply without files, as the outbox keeps it."""
    if reply.files:
        raise ValueError("the outbox keeps no files")
    data = {
        "text": reply.text,
        "sections": [
            {
                "text": s.text,
                "fields": [[f.label, f.value] for f in s.fields],
                "context": s.context,
                "buttons": [_button(b) for b in s.buttons],
            }
            for s in reply.sections
        ],
        "buttons": [_button(b) for b in reply.buttons],
        "visibility": reply.visibility.value,
        "channel": reply.channel,
        "user": reply.user,
        "platform": reply.platform,
        "tlp": reply.tlp.value if reply.tlp else None,
        "topic": reply.topic,
    }
    return json.dumps(data, ensure_ascii=False)


def from_json(text: str) -> Reply:
    data = json.loads(text)
    return Reply(
        text=data["text"],
        sections=tuple(
            Section(
                text=s["text"],
                fields=tuple(Field(label, value) for label, value in s["fields"]),
                context=s["context"],
                buttons=tuple(Button(**b) for b in s["buttons"]),
            )
            for s in data["sections"]
        ),
        buttons=tuple(Button(**b) for b in data["buttons"]),
        visibility=Visibility(data["visibility"]),
        channel=data["channel"],
        user=data["user"],
        platform=str(data.get("platform") or ""),  # older rows have none
        tlp=TLP(data["tlp"]) if data["tlp"] else None,
        topic=str(data.get("topic") or ""),  # older rows have none
    )
