"""The router: finds the handler for a request, runs it, and guards what goes out.

This is the one seam adapters use: `Core.handle(request) -> list[Reply]`, and for the
scheduler `Core.tick() -> list[Reply]`, which runs every registered job. Errors a
user caused become a friendly reply; anything else is logged with its traceback and
the user gets a short apology. Every reply passes the TLP guard and is made inert
(`handlers.chat_text`: no live mentions, links that show their address) before it leaves.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storage import held, instances, members, outbox, reminders
from storage.db import Database, refresh_statistics
from storage.tlp import Place, may_show_in
from storage.views import Actor

from handlers import delivery, label_choice
from handlers.chat_text import inert_reply
from handlers.context import Caller, Context, CoreSettings, JobContext
from handlers.i18n import translate
from handlers.labels import LabelQuestion
from handlers.messages import (
    Clock,
    DeliveryKey,
    Observer,
    Reply,
    Request,
    Section,
    UserError,
    Visibility,
)
from handlers.parsing import split_word

log = logging.getLogger(__name__)

# Keys of platform deliveries already handled (retries, double clicks); a day is far
# longer than Slack or Mattermost retry.
ONCE_PREFIX = "once:"
ONCE_KEPT = timedelta(days=1)
TIDY_EVERY = timedelta(minutes=15)
STATISTICS_EVERY = timedelta(days=1)  # the statistics of SQLite's query planner

Handler = Callable[[Context], Reply | Sequence[Reply]]
Subcommand = Callable[[Context, str], Reply | Sequence[Reply]]
Job = Callable[[JobContext], Sequence[Reply]]
# Told whether a job's message with this key went out (error None) or not, and
# whether a failed try may still have reached the platform (`unclear`).
Receipt = Callable[[JobContext, DeliveryKey, str | None, bool], None]
# What a form opened from a button starts with; raises UserError when it may not open.
Initial = Callable[[Context], dict[str, str]]


def subcommands(table: Mapping[tuple[str, ...], Subcommand], unknown_key: str) -> Handler:
    """A command that dispatches on its first word; each entry lists its words (nl, en)."""
    by_word = {word: subcommand for words, subcommand in table.items() for word in words}

    def handle(context: Context) -> Reply | Sequence[Reply]:
        word, rest = split_word(context.request.text)
        subcommand = by_word.get(word)
        if subcommand is None:
            raise UserError(unknown_key, word=word[:40])
        return subcommand(context, rest)

    return handle


@dataclass
class Router:
    """Command words and button action ids, each mapped to a handler."""

    commands: dict[str, Handler] = field(default_factory=dict)
    actions: dict[str, Handler] = field(default_factory=dict)
    forms: dict[str, Handler] = field(default_factory=dict)
    jobs: dict[str, Job] = field(default_factory=dict)
    receipts: dict[str, Receipt] = field(default_factory=dict)
    initials: dict[str, Initial] = field(default_factory=dict)

    def add_command(self, name: str, handler: Handler, *aliases: str) -> None:
        for word in (name, *aliases):
            self.commands[word] = handler

    def add_action(self, action_id: str, handler: Handler) -> None:
        self.actions[action_id] = handler

    def add_job(self, name: str, job: Job) -> None:
        """A job the scheduler runs on every sweep; it sends what is due at `now`."""
        self.jobs[name] = job

    def add_form_initial(self, form_id: str, initial: Initial) -> None:
        """What a form opened from a button starts with (the item being edited)."""
        self.initials[form_id] = initial

    def add_form(self, form_id: str, handler: Handler) -> None:
        """What a submitted form runs; it reads `Request.fields`, not command text."""
        self.forms[form_id] = handler

    def handler_for(self, request: Request) -> Handler | None:
        if request.form_id:
            return self.forms.get(request.form_id)
        if request.is_action:
            return self.actions.get(request.action_id)
        return self.commands.get(request.command.lower().lstrip("/"))

    def add_receipt(self, prefix: str, receipt: Receipt) -> None:
        """Who hears whether a message whose key starts with `prefix:` was delivered."""
        self.receipts[prefix] = receipt


class Core:
    """Handles neutral requests for every adapter."""

    def __init__(self, router: Router, db: Database, clock: Clock, settings: CoreSettings) -> None:
        self.router = router
        self.db = db
        self.clock = clock
        self.settings = settings
        # Claims on reminders carry this token; another process's claims are not ours.
        self.instance = uuid.uuid4().hex[:16]
        # Outcomes the database refused to record (disk full, locked): kept here, and
        # recorded at the next sweep; meanwhile the claims stay ours (we still beat).
        self._unrecorded: list[tuple[Reply, str | None, bool]] = []
        self._tidied: datetime | None = None  # the last housekeeping (none yet: at once)
        self._analysed: datetime | None = None  # the planner's statistics, likewise
        # The last tick claimed a full batch: more is due (the sweeper sweeps again).
        self.more_due = False
        self._lock = threading.Lock()
        # One request is worked out at a time: the interpreter runs one thread at a time
        # anyway, and requests computing side by side only made each other (and every
        # platform's acks) wait longer. Waiting on a chat platform happens outside.
        self._handling = threading.RLock()
        self.observer = Observer()

    def _job_context(self) -> JobContext:
        return JobContext(self.db, self.clock, self.settings, self.instance)

    def handle(self, request: Request) -> list[Reply]:
        """Run the request and return the replies to send, never raising."""
        with self._handling:
            return self._handle(request)

    def _handle(self, request: Request) -> list[Reply]:
        request = storable(request)
        started = time.monotonic()
        language = self.settings.language
        handler = None
        outcome = "ok"
        try:
            context = self._context(request)
            language = context.language
            handler = self.router.handler_for(request)
            if handler is None:
                raise UserError(
                    "error.unknown_action" if request.is_action else "error.unknown_command",
                    command=request.command,
                )
            result = handler(context)
            replies = [result] if isinstance(result, Reply) else list(result)
        except LabelQuestion as question:
            outcome = "asked"
            replies = self._ask_label(context, question, language)
        except UserError as error:
            outcome = "refused"
            replies = [Reply(text=translate(language, error.key, **error.params))]
        except Exception:
            outcome = "failed"
            log.exception(
                "request failed: platform=%s user=%s command=%s action=%s",
                request.platform,
                request.user_id,
                request.command,
                request.action_id,
            )
            replies = [Reply(text=translate(language, "error.unexpected"))]
        guarded = [inert_reply(self._guard(_addressed(request, r), language)) for r in replies]
        keyed = [self._keyed(request, reply) for reply in guarded]
        kind, name = _kind_and_name(request, known=handler is not None)
        self.observer.request(kind, name, outcome, time.monotonic() - started)
        return keyed

    def form_initial(self, form_id: str, request: Request) -> dict[str, str] | None:
        """What a form opened by a button press starts with; None: open no form, but
        handle the press as a button (it is refused, and says why)."""
        initial = self.router.initials.get(form_id)
        if initial is None:
            return {}
        try:
            return initial(self._context(request))
        except UserError:
            return None
        except Exception:
            log.exception("filling form %s failed", form_id)
            return None

    def _keyed(self, request: Request, reply: Reply) -> Reply:
        """A message to someone other than the person who asked (a supporter's DM, a
        notice in another channel) goes through the outbox, claimed by this process:
        the adapter sends it now and confirms it; a failure is tried again later."""
        to_other = (
            reply.visibility is Visibility.DIRECT and reply.user not in (None, request.user_id)
        ) or (
            reply.visibility is Visibility.CHANNEL
            and reply.channel not in (None, request.channel_id)
        )
        if not to_other or reply.key or reply.files:
            return reply
        key = f"answer:{uuid.uuid4().hex}:{delivery.recipient(reply)}"
        try:
            with self.db.write() as session:
                number = outbox.enqueue(
                    session, key, delivery.to_json(reply), self.clock.now(), claim=self.instance
                )
        except Exception:
            log.exception("could not plan a message to another member; sending it once")
            return reply
        if number is None:
            return reply
        return replace(reply, key=DeliveryKey("outbox", number, self.instance))

    def _ask_label(self, context: Context, question: LabelQuestion, language: str) -> list[Reply]:
        try:
            return [label_choice.ask(context, question)]
        except Exception:
            log.exception("holding a request for its label failed")
            return [Reply(text=translate(language, "error.unexpected"))]

    def language_for(self, platform: str, user_id: str) -> str:
        """The language a platform user reads (their own, or the install's)."""
        with self.db.read() as session:
            member = members.get_member(session, platform, user_id)
        return (member.language if member else None) or self.settings.language

    def today_for(self, platform: str, user_id: str) -> date:
        """Today where a platform user is."""
        with self.db.read() as session:
            member = members.get_member(session, platform, user_id)
        zone = (member.timezone if member else None) or self.settings.timezone
        return self.clock.now().astimezone(ZoneInfo(zone)).date()

    def claim_once(self, key: str) -> bool:
        """True the first time `key` is claimed, across restarts: for platform retries.

        Keys are kept for `ONCE_KEPT`, far longer than any platform retries.
        """
        with self.db.write() as session:
            return reminders.claim_notice(session, ONCE_PREFIX + key, self.clock.now())

    def tick(self) -> list[Reply]:
        """Run every job once at the clock's time; a failing job does not stop the others.

        First what an earlier sweep could not record is recorded (the follow-up
        reminders are planned then); then the jobs plan and claim what is due; last
        the outbox hands over its due messages. Every message returned is keyed.
        """
        self.record_pending()
        context = self._job_context()
        self._tidy()
        self.more_due = False
        replies: list[Reply] = []
        for name, job in self.router.jobs.items():
            try:
                found = list(job(context))
                if loose := [r for r in found if not r.key]:
                    with self.db.write() as session:
                        delivery.plan(session, f"{name}:{uuid.uuid4().hex}", loose, context.now())
                replies += [r for r in found if r.key]
            except Exception:
                log.exception("job %s failed", name)
        try:
            replies += delivery.claim(context)
        except Exception:
            log.exception("claiming the outbox failed")
        self.more_due = bool(context.more_due)
        language = self.settings.language
        for reply in replies:
            self.observer.messages(message_kind(reply.key), "due")
        return [inert_reply(self._guard(reply, language)) for reply in replies]

    def _tidy(self) -> None:
        """Forget what has expired: platform retry keys, held requests, processes gone for
        a day. Every `TIDY_EVERY` at most (an idle sweep costs a third less); what is
        forgotten is already past use, so a restart that tidies at once changes nothing."""
        now = self.clock.now()
        if self._tidied is not None and self._tidied <= now < self._tidied + TIDY_EVERY:
            return
        try:
            with self.db.write() as session:
                reminders.forget_notices(session, ONCE_PREFIX, now - ONCE_KEPT)
                held.forget(session, now)
                instances.forget_gone(session)
                if (
                    self._analysed is None
                    or not self._analysed <= now < self._analysed + STATISTICS_EVERY
                ):
                    refresh_statistics(session)
                    self._analysed = now
            self._tidied = now
        except Exception as error:  # housekeeping waits for a database that takes writes
            log.warning("housekeeping skipped: %s", type(error).__name__)

    def confirm(self, reply: Reply, error: str | None, unclear: bool = False) -> None:
        """The adapter tells whether a keyed message went out; never raises.

        `unclear`: the failed try may have reached the platform (a timeout, a dropped
        connection, a server error); the next try looks for it first. When the
        database refuses to record the outcome, it is kept and recorded at the next
        sweep.
        """
        if not reply.key:
            return
        self.observer.messages(message_kind(reply.key), "failed" if error else "sent")
        if not self._record(reply, error, unclear):
            with self._lock:
                self._unrecorded.append((reply, error, unclear))

    def record_pending(self) -> None:
        """Record the outcomes an earlier try could not; those that fail again wait."""
        with self._lock:
            waiting, self._unrecorded = self._unrecorded, []
        for reply, error, unclear in waiting:
            self.confirm(reply, error, unclear)

    def _record(self, reply: Reply, error: str | None, unclear: bool) -> bool:
        if reply.key is None:
            return True
        kind = reply.key.kind
        receipt = delivery.confirm_outbox if kind == "outbox" else self.router.receipts.get(kind)
        if receipt is None:
            log.warning("no receipt for message key %s", reply.key)
            return True
        try:
            receipt(self._job_context(), reply.key, error, unclear)
        except Exception as failure:
            log.warning("recording delivery of %s failed (%s); trying again at the next sweep",
                        reply.message_id, type(failure).__name__)  # fmt: skip
            return False
        return True

    # --- processes ----------------------------------------------------------------------

    def beat(self, role: str) -> None:
        """This process is alive (raises when the database cannot be written)."""
        with self.db.write() as session:
            instances.beat(session, self.instance, role, os.getpid(), socket.gethostname())

    def hold_sweep(self) -> bool:
        """Whether this process sweeps now (it takes the lease when it is free).

        A process on this host that no longer exists lets go of its lease and claims
        at once; one elsewhere when it has not beaten for `instances.GONE_AFTER`.
        """
        with self.db.write() as session:
            instances.bury(session, socket.gethostname(), _process_exists)
            return instances.acquire(session, self.instance)

    def sweeper(self) -> instances.InstanceView | None:
        """The live process that sweeps this database, if any."""
        with self.db.read() as session:
            return instances.holder(session)

    def leave(self) -> None:
        """This process stops: its lease is free and its claims may be taken over."""
        try:
            with self.db.write() as session:
                instances.leave(session, self.instance)
        except Exception:
            log.warning("could not sign off; another process takes over after %.0f s",
                        instances.GONE_AFTER)  # fmt: skip

    def _context(self, request: Request) -> Context:
        return Context(
            db=self.db,
            clock=self.clock,
            settings=self.settings,
            request=request,
            caller=self._caller(request),
        )

    def _caller(self, request: Request) -> Caller:
        is_admin = request.user_id in self.settings.admins
        with self.db.read() as session:
            member = members.get_member(session, request.platform, request.user_id)
        known = member.display_name if member else request.user_id
        name = request.user_name or known
        needs_admin_row = is_admin and (
            member is None or not member.active or "beheerder" not in member.roles
        )
        renamed = member is not None and request.user_name and member.display_name != name
        zone = _valid_zone(request.timezone) if member is not None and not member.timezone else None
        # Messages follow the member to the platform they wrote from (unless they chose).
        moved = (
            member is not None
            and not member.platform_chosen
            and (member.platform, member.platform_user_id) != (request.platform, request.user_id)
        )
        if needs_admin_row or renamed or zone or moved:
            with self.db.write() as session:
                if member is not None and moved:
                    members.used(session, member.id, request.platform, request.user_id)
                    member = members.get_member_by_id(session, member.id)
                if needs_admin_row:
                    member = members.ensure_admin(
                        session, self.clock.now(), request.platform, request.user_id, name
                    )
                if member is not None and renamed:
                    members.rename_member(session, member.id, name)
                    member = members.get_member_by_id(session, member.id)
                if member is not None and zone:
                    # The platform knows where the member is until they choose themselves.
                    member = members.set_preferences(
                        session, Actor(ref=f"{request.platform}:{request.user_id}"),
                        self.clock.now(), member.id, timezone=zone,
                    )  # fmt: skip
        return Caller(
            platform=request.platform,
            user_id=request.user_id,
            name=name,
            member=member,
            is_configured_admin=is_admin,
        )

    def _guard(self, reply: Reply, language: str) -> Reply:
        """Refuse to show labelled content where its label forbids it."""
        place = Place.CHANNEL if reply.visibility is Visibility.CHANNEL else Place.PRIVATE
        if reply.tlp is None or may_show_in(reply.tlp, place):
            return reply
        log.warning("blocked a %s reply with %s content", reply.visibility.value, reply.tlp)
        return Reply(
            text=translate(language, "tlp.blocked_in_channel", tlp=reply.tlp.value), key=reply.key
        )


def _addressed(request: Request, reply: Reply) -> Reply:
    """A reply without a platform goes to the platform the request came from."""
    return reply if reply.platform else replace(reply, platform=request.platform)


def message_kind(key: DeliveryKey | None) -> str:
    """reminder, digest or notice (everything else goes through the outbox)."""
    kind = key.kind if key else ""
    return kind if kind in ("reminder", "digest") else "notice"


def _kind_and_name(request: Request, known: bool) -> tuple[str, str]:
    """For the metrics: a bounded name (a registered command, button or form)."""
    if request.form_id:
        return "form", request.form_id if known else "unknown"
    if request.is_action:
        return "button", request.action_id if known else "unknown"
    return "command", request.command.lower().lstrip("/") if known else "unknown"


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or no way to tell: it may be alive
        return True
    return True


def _valid_zone(name: str) -> str | None:
    if not name or len(name) > 60:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return name


def storable(request: Request) -> Request:
    """`request` without NUL characters: no chat text means one, and PostgreSQL cannot
    store one in a text column (SQLite could, and showed it as nothing)."""
    changes: dict[str, Any] = {}
    for name in ("text", "action_value", "user_name", "source_url", "source_author", "timezone"):
        value = getattr(request, name)
        if "\x00" in value:
            changes[name] = _no_nul(value)
    for name in ("fields", "mention_names", "platform_ids"):
        mapping = getattr(request, name)
        if any("\x00" in f"{k}{v}" for k, v in mapping.items()):
            changes[name] = {_no_nul(k): _no_nul(v) for k, v in mapping.items()}
    return replace(request, **changes) if changes else request


def _no_nul(text: str) -> str:
    return text.replace("\x00", "")


__all__ = ["Core", "Handler", "Router", "Section"]
