"""The Slack adapter: Slack events and interactions in, neutral replies out as Block Kit.

Built on slack-bolt. Every listener acknowledges at once (Slack allows 3 seconds)
and queues the work. Replies are delivered by `bot.delivery` through
`bot.slack.delivery`, forms built and
checked by `bot.slack.forms`, Block Kit rendered by `bot.slack.render`. Event
retries and repeated interactions are recognised by a key claimed in the database,
so they never act twice. Runs in Socket Mode (`SLACK_APP_TOKEN`) or as an HTTP
endpoint (`POST /slack/events`, `GET /health`) behind Slack's signatures.
"""

from __future__ import annotations

import json
import logging
import re
import socket
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from bot import logs
from bot.config import Settings
from bot.delivery import Courier
from bot.health import Recheck
from bot.logs import safe_log_text
from bot.metrics import Metrics
from bot.people import LookupFailed, People, Person
from bot.preflight import slack_identity
from bot.remembered import Remembered
from bot.slack import forms as slack_forms
from bot.slack import render as slack_render
from bot.slack.delivery import SlackOutlet
from handlers import forms
from handlers.core import Core
from handlers.i18n import translate
from handlers.knowledge import questions
from handlers.messages import Reply, Request

log = logging.getLogger(__name__)

PLATFORM = "slack"
COMMANDS = ("kennis", "knelpunt", "actie", "ciso")
_MENTION = re.compile(r"<@([A-Z0-9]+)(?:\|([^>]*))?>")


class CountErrors(RetryHandler):
    """Never retries; tells `count` how each failed Web API call failed: its HTTP
    status, `refused` (HTTP 200 with `ok: false`) or `0` (no connection)."""

    def __init__(self, count: Callable[[str], None]) -> None:
        super().__init__(max_retry_count=0)
        self.count = count

    def can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None:
            self.count("0")
        elif response.status_code >= 400:
            self.count(str(response.status_code))
        elif isinstance(response.body, dict) and response.body.get("ok") is False:
            self.count("refused")
        return False


class Slack:
    """One Slack workspace: the Bolt app, its Web API client, and delivery."""

    name = PLATFORM

    def __init__(
        self,
        settings: Settings,
        core: Core,
        metrics: Metrics | None = None,
        *,
        socket_mode: bool | None = None,
    ) -> None:
        self.settings = settings
        # Socket Mode with an app-level token, unless told to serve the HTTP Events API.
        self.socket_mode = bool(settings.slack_app_token) if socket_mode is None else socket_mode
        self._socket: Any = None  # the Socket Mode handler, once started
        self._http: Callable[..., Iterable[bytes]] | None = None  # the HTTP endpoint, once made
        self.core = core
        self.language = settings.language
        self.metrics = metrics or Metrics(core.db, core.clock)
        core.observer = self.metrics
        self.client = WebClient(
            token=settings.slack_bot_token,
            base_url=settings.slack_api_url,
            # 429: wait as long as Slack says. Not connection errors: a retried
            # chat.postMessage that Slack had accepted would post twice. The first
            # handler only counts failures for the metrics.
            retry_handlers=[
                CountErrors(lambda status: self.metrics.api_error(PLATFORM, status)),
                RateLimitErrorRetryHandler(max_retry_count=3),
            ],
        )
        # Listeners only ack and hand the work to `self.work`: one thread. The
        # interpreter runs one thread at a time anyway; a second worker computing at
        # once made every ack wait behind both, and answered no more commands
        # (bench/slack_ack.py at 4 at a time: ack p99 17.6 → 4.9 ms, the member's wait
        # p99 126 → 94 ms). The price: a reply Slack is slow to take holds up the
        # replies behind it.
        self.work = ThreadPoolExecutor(max_workers=1, thread_name_prefix="slack-work")
        self._acking = threading.local()  # Socket Mode: work waiting for its ack to be sent
        # The listener runs in the request's thread and its ack is the HTTP answer
        # (or the Socket Mode ack) as soon as it returns. Bolt's default runs it in
        # another thread and polls for the ack every 10 ms: that poll was most of an
        # ack's time. The signature check is middleware and runs either way. Every
        # listener here only checks, acks and queues, so it returns at once; one that
        # raises answers HTTP 500 (Slack shows its own error, or retries an event,
        # which the claimed key then drops) instead of no answer at all.
        self.app = App(
            client=self.client,
            process_before_response=True,
            signing_secret=settings.slack_signing_secret or "",
            token_verification_enabled=False,
            ignoring_self_events_enabled=False,
            logger=logging.getLogger("slack_bolt"),
        )
        self.outlet = SlackOutlet(self.client, self.language)
        self.courier = Courier(core, self.outlet, PLATFORM, "Slack")
        self.metrics.queue_depth(self.work._work_queue.qsize)
        # /health and /metrics. HTTP mode has no connection to watch: a recent auth.test
        # stands for it; Socket Mode replaces this with its session's state.
        # HTTP mode has no connection to watch: a recent auth.test stands for it.
        self._recheck = Recheck(self._auth_test)
        self.people = People(PLATFORM, self._look_up)
        self._me = ""  # the bot's user id, once asked
        self._threads: Remembered[str | None] = Remembered(1000)  # thread → question
        self._register()

    # --- listeners --------------------------------------------------------------------

    def _register(self) -> None:
        app = self.app
        app.command(re.compile(r"^/(kennis|knelpunt|actie|ciso)$"))(self._command)
        app.action(re.compile(r".+"))(self._button)
        forms_ids = "|".join(re.escape(form_id) for form_id in forms.FORMS)
        app.view(re.compile(f"^({forms_ids})$"))(self._form)
        app.shortcut("save_to_kb")(self._shortcut)
        app.event("reaction_added")(self._reaction)
        app.event("app_home_opened")(self._home)
        # A message in the bot's DM is a command typed without the slash (as in
        # Mattermost); other messages need no answer, but must be acknowledged.
        app.event("message")(self._message)

    def _once(self, key: str) -> bool:
        """True the first time Slack delivers this (retries and double clicks are dropped)."""
        if self.core.claim_once(f"slack:{key}"):
            return True
        log.info("already handled %s", key)
        return False

    def _command(self, ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        self._later(self._run_command, body, respond)

    def _later(self, work: Callable[..., None], *args: Any) -> None:
        """Do the work after the ack; a failure is logged, never shown as a traceback.

        Its log lines carry Slack's id for what happened (the event or the trigger)."""
        body = args[0] if args and isinstance(args[0], dict) else {}
        request_id = body.get("event_id") or body.get("trigger_id")

        def run() -> None:
            with logs.request(str(request_id) if request_id else None):
                try:
                    work(*args)
                except Exception:
                    log.exception("Slack work failed")

        after_ack = getattr(self._acking, "queued", None)
        if after_ack is not None:  # Socket Mode: the work starts once the ack is sent
            after_ack.append(run)
        else:
            self.work.submit(run)

    def _run_command(self, body: dict[str, Any], respond: Respond) -> None:
        if not self._once(f"trigger:{body.get('trigger_id', '')}"):
            return
        command = str(body.get("command", "")).lstrip("/")
        text = str(body.get("text", ""))
        user = str(body.get("user_id", ""))
        form = forms.opened_by(command, text)
        if form and body.get("trigger_id"):
            self._open_form(form, str(body["trigger_id"]), user)
            return
        request = self._request(
            user,
            channel=str(body.get("channel_id", "")),
            command=command,
            text=text,
            user_name=str(body.get("user_name", "")),
        )
        self.deliver_all(self.core.handle(request), request, respond)

    def _button(self, ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        self._later(self._run_button, body, respond)

    def _run_button(self, body: dict[str, Any], respond: Respond) -> None:
        if not self._once(f"trigger:{body.get('trigger_id', '')}"):
            return
        action = (body.get("actions") or [{}])[0]
        user = str((body.get("user") or {}).get("id", ""))
        form = forms.OPENED_BY_BUTTON.get(str(action.get("action_id", "")))
        value = str(action.get("value", ""))
        channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get(
            "channel_id", ""
        )
        if form and body.get("trigger_id") and value.isdigit():
            # Slack has forms: ask for the update, the reason or the new text there.
            pressed = self._request(user, channel=str(channel or ""),
                                    action_id=str(action.get("action_id", "")),
                                    action_value=value)  # fmt: skip
            initial = self.core.form_initial(form, pressed)
            if initial is not None:  # else: refused, answered as the button press below
                self._open_form(form, str(body["trigger_id"]), user, metadata=value,
                                initial=initial)  # fmt: skip
                return
        request = self._request(
            user,
            channel=str(channel or ""),
            action_id=str(action.get("action_id", "")),
            action_value=str(action.get("value", "")),
        )
        has_url = bool(body.get("response_url"))
        self.deliver_all(self.core.handle(request), request, respond if has_url else None)

    def _form(self, ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        form_id = str(view.get("callback_id", ""))
        user = str((body.get("user") or {}).get("id", ""))
        language = self._language(user)
        if form_id not in forms.FORMS:
            ack()
            return
        filled = slack_forms.values(view.get("state") or {})
        metadata = str(view.get("private_metadata", ""))
        errors = forms.submission(
            form_id,
            filled,
            language,
            self.core.today_for(PLATFORM, user),
            self.settings.work_calendar,
            metadata,
        )
        if errors:
            ack(response_action="errors", errors=errors)
            return
        ack()
        self._later(self._run_form, view, user, form_id, forms.fields(form_id, filled, metadata))

    def _run_form(
        self, view: dict[str, Any], user: str, form_id: str, fields: dict[str, str]
    ) -> None:
        if not self._once(f"view:{view.get('id', '')}:{view.get('hash', '')}"):
            return
        names = {}
        if fields.get("owner"):  # chosen from the users list: a user id
            names[fields["owner"]] = self.people.person(fields["owner"]).name
        request = self._request(user, channel="", form_id=form_id, fields=fields,
                                mention_names=names)  # fmt: skip
        self.deliver_all(self.core.handle(request), request, None)

    def _shortcut(self, ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        self._later(self._run_shortcut, body, respond)

    def _run_shortcut(self, body: dict[str, Any], respond: Respond) -> None:
        if not self._once(f"trigger:{body.get('trigger_id', '')}"):
            return
        message = body.get("message") or {}
        channel = str((body.get("channel") or {}).get("id", ""))
        user = str((body.get("user") or {}).get("id", ""))
        self._capture(user, channel, message, respond)

    def _reaction(self, body: dict[str, Any], event: dict[str, Any]) -> None:
        self._later(self._run_reaction, body, event)

    def _run_reaction(self, body: dict[str, Any], event: dict[str, Any]) -> None:
        item = event.get("item") or {}
        if event.get("reaction") != self.settings.capture_reaction or item.get("type") != "message":
            return
        if not self._once(f"event:{body.get('event_id', '')}"):
            return
        channel, ts = str(item.get("channel", "")), str(item.get("ts", ""))
        try:
            found = self.client.conversations_history(
                channel=channel, latest=ts, inclusive=True, limit=1
            )
            messages = [m for m in found.get("messages") or [] if m.get("ts") == ts]
            if not messages:  # a reply in a thread
                found = self.client.conversations_replies(channel=channel, ts=ts, limit=1)
                messages = [m for m in found.get("messages") or [] if m.get("ts") == ts]
        except SlackApiError as error:
            log.warning("cannot read the message to capture: %s", error.response.get("error"))
            return
        if messages:
            self._capture(str(event.get("user", "")), channel, messages[0], None)

    def _capture(
        self, user: str, channel: str, message: dict[str, Any], respond: Respond | None
    ) -> None:
        ts = str(message.get("ts", ""))
        try:
            link = self.client.chat_getPermalink(channel=channel, message_ts=ts)
            permalink = str(link.get("permalink", ""))
        except SlackApiError as error:
            log.warning("no permalink for a captured message: %s", error.response.get("error"))
            permalink = ""
        author = self.people.person(str(message.get("user", ""))).name
        request = self._request(
            user,
            channel=channel,
            action_id="kennis.capture",
            text=str(message.get("text", "")),
            source_url=permalink,
            source_author=author,
            source_private=self._is_private(channel),
        )
        self.deliver_all(self.core.handle(request), request, respond)

    def _is_private(self, channel: str) -> bool:
        """Whether a channel is private or a DM; when Slack cannot say, it is (fail closed)."""
        if channel[:1] in ("D", "G"):
            return True
        try:
            found = self.client.conversations_info(channel=channel).get("channel") or {}
        except SlackApiError as error:
            log.warning("conversations.info failed: %s", error.response.get("error"))
            return True
        return bool(found.get("is_private") or found.get("is_im") or found.get("is_mpim"))

    def _message(self, body: dict[str, Any], event: dict[str, Any]) -> None:
        if event.get("subtype") or event.get("bot_id"):
            return  # edits, joins, the bot's own and other apps' messages
        if event.get("channel_type") == "im":
            self._later(self._run_message, body, event)
        elif event.get("thread_ts") and event.get("thread_ts") != event.get("ts"):
            self._later(self._run_thread_reply, body, event)

    def _run_thread_reply(self, body: dict[str, Any], event: dict[str, Any]) -> None:
        """A reply in a thread: an answer when the thread is under a question of ours."""
        user, channel = str(event.get("user", "")), str(event.get("channel", ""))
        question = self._question_under(channel, str(event.get("thread_ts", "")))
        if question is None or not user:
            return
        if not self._once(f"message:{channel}:{event.get('ts', '')}"):
            return
        request = self._request(user, channel=channel, action_id=questions.THREAD,
                                action_value=question, text=str(event.get("text", "")))  # fmt: skip
        self.deliver_all(self.core.handle(request), request, None)

    def _question_under(self, channel: str, thread_ts: str) -> str | None:
        """The question the thread's first message asks, from the topic in its metadata
        (remembered per thread: busy threads would otherwise cost a read each reply)."""
        key = f"{channel}:{thread_ts}"
        if key not in self._threads:
            try:
                self._threads.put(key, self._read_question_under(channel, thread_ts))
            except SlackApiError as error:  # not remembered: the next reply tries again
                log.warning("cannot read a thread's first message: %s",
                            error.response.get("error"))  # fmt: skip
                return None
        return self._threads.get(key)

    def _read_question_under(self, channel: str, thread_ts: str) -> str | None:
        found = self.client.conversations_history(
            channel=channel, latest=thread_ts, inclusive=True, limit=1, include_all_metadata=True
        )
        for message in found.get("messages") or []:
            if message.get("ts") != thread_ts or message.get("user") != self._bot_user():
                continue
            payload = (message.get("metadata") or {}).get("event_payload") or {}
            return questions.question_of_topic(str(payload.get("topic", "")))
        return None

    def _bot_user(self) -> str:
        """The bot's own user id (`auth.test`, asked once)."""
        if not self._me:
            self._me = str(self.client.auth_test().get("user_id", ""))
        return self._me

    def _run_message(self, body: dict[str, Any], event: dict[str, Any]) -> None:
        """`kennis zoek phishing` typed in the bot's DM: run it as the slash command."""
        user, channel = str(event.get("user", "")), str(event.get("channel", ""))
        if not user or not channel:
            return
        if not self._once(f"message:{channel}:{event.get('ts', '')}"):
            return
        word, _, rest = str(event.get("text", "")).strip().lstrip("/").partition(" ")
        if word.lower() not in COMMANDS:
            request = self._request(user, channel=channel, direct=True)
            replies = [Reply(text=translate(self._language(user), "dm.help"))]
        else:
            request = self._request(user, channel=channel, direct=True,
                                    command=word.lower(), text=rest.strip())  # fmt: skip
            replies = self.core.handle(request)
        self.deliver_all(replies, request, None)

    def _home(self, event: dict[str, Any]) -> None:
        self._later(self._run_home, event)

    def _run_home(self, event: dict[str, Any]) -> None:
        if event.get("tab") != "home":
            return
        user = str(event.get("user", ""))
        request = self._request(user, channel="", action_id="home.open", direct=True)
        replies = self.core.handle(request)
        if not replies:
            return
        view = slack_render.home_view(replies[0], self._language(user))
        try:
            self.client.views_publish(user_id=user, view=view)
        except SlackApiError as error:
            log.warning("App Home not published: %s", error.response.get("error"))

    # --- requests ---------------------------------------------------------------------

    def _request(self, user: str, *, channel: str, direct: bool = False, **fields: Any) -> Request:
        text = str(fields.get("text", ""))
        names = {m.group(1): m.group(2) for m in _MENTION.finditer(text) if m.group(2)}
        names.update(fields.pop("mention_names", {}))
        direct = direct or channel.startswith("D")
        return self.people.request(user, channel=channel, direct=direct, mention_names=names,
                                   **fields)  # fmt: skip

    def _look_up(self, user: str) -> Person | None:
        """`users.info`; None when Slack says there is no such user."""
        try:
            found = self.client.users_info(user=user).get("user") or {}
        except SlackApiError as error:
            code = str(error.response.get("error", ""))
            if code in ("user_not_found", "user_not_visible"):
                return None
            raise LookupFailed(code) from None
        except OSError as error:
            raise LookupFailed(type(error).__name__) from None
        profile = found.get("profile") or {}
        name = profile.get("display_name") or found.get("real_name") or found.get("name")
        return Person(str(found.get("name") or ""), str(name or ""), str(found.get("tz") or ""))

    def _language(self, user: str) -> str:
        return self.core.language_for(PLATFORM, user)

    def _open_form(
        self,
        form_id: str,
        trigger_id: str,
        user: str,
        metadata: str = "",
        initial: dict[str, str] | None = None,
    ) -> None:
        self.open_form(form_id, trigger_id, self._request(user, channel=""), metadata, initial)

    def open_form(
        self,
        form_id: str,
        trigger_id: str,
        request: Request,
        metadata: str = "",
        initial: dict[str, str] | None = None,
    ) -> bool:
        """A modal for `request`'s user (`views.open`); False when Slack refused it."""
        language = self._language(request.user_id)
        view = slack_forms.modal(form_id, language, self.settings.tlp_default, metadata, initial)
        try:
            self.client.views_open(trigger_id=trigger_id, view=view)
        except SlackApiError as error:
            log.warning("form not opened: %s", error.response.get("error"))
            return False
        return True

    # --- delivery ---------------------------------------------------------------------

    def deliver_all(
        self, replies: Iterable[Reply], request: Request | None, respond: Respond | None
    ) -> None:
        """Send each reply (`bot.delivery`): answers through `respond` where there is one."""
        self.courier.deliver_all(replies, request, self.outlet.answer(request, respond))

    def close(self) -> None:
        """Stop receiving; let the work already acknowledged finish."""
        if self._socket is not None:
            _interrupt(self._socket.client)
            self._socket.close()
            self._socket = None
        self.work.shutdown(wait=True)

    def deliver(self, reply: Reply) -> None:
        """For the scheduler: send one message a job produced; raises if Slack refused it."""
        self.courier.deliver(reply)

    # --- running (the Platform seam) ---------------------------------------------------

    @staticmethod
    def check(settings: Settings) -> None:
        """`auth.test` before anything starts; raises NotReady with what is wrong."""
        me = slack_identity(settings)
        log.info("Slack: the token is @%s's", me.get("user", "?"))

    def connect(self) -> None:
        """Nothing to learn: the Web API needs no session, and `check` asked who we are
        (a refused token shows in `connected` and in the first message that fails)."""

    def start(self, base_url: str) -> None:
        """Socket Mode: open the session (it reconnects by itself). HTTP: Slack calls us."""
        if not self.socket_mode:
            return
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        adapter = self

        class AckFirst(SocketModeHandler):
            """Sends the ack before the work starts: a computing work thread would make
            each step of sending it wait for the interpreter."""

            def handle(self, client: Any, req: Any) -> None:
                adapter._acking.queued = []
                try:
                    super().handle(client, req)
                finally:
                    queued, adapter._acking.queued = adapter._acking.queued, None
                    for run in queued:
                        adapter.work.submit(run)

        # Health follows the session from the start (not yet connected: 503).
        self._socket = AckFirst(self.app, self.settings.slack_app_token)
        _answer_on_arrival(self._socket.client)
        _without_nagle(self._socket.client)
        self._socket.connect()

    def connected(self) -> tuple[bool, str]:
        if self._socket is not None:
            if self._socket.client.is_connected():
                return True, "Socket Mode connected"
            return False, "Socket Mode not connected (reconnecting)"
        return self._recheck()

    def _auth_test(self) -> str:
        """Raises (with a short reason) when Slack refuses the token or cannot be reached."""
        try:
            answer = self.client.auth_test()
        except SlackApiError as error:
            raise RuntimeError(f"auth.test refused: {error.response.get('error')}") from None
        except OSError as error:
            raise RuntimeError(f"Slack not reachable: {type(error).__name__}") from None
        return f"auth.test ok as @{answer.get('user', '?')}"

    def wsgi(self) -> Callable[..., Iterable[bytes]] | None:
        """`POST /slack/events` (signatures checked by Bolt); None in Socket Mode, which
        needs no endpoint."""
        if self.socket_mode:
            return None
        return self.http_app()

    def http_app(self) -> Callable[..., Iterable[bytes]]:
        """The HTTP Events API endpoint, also when Socket Mode is configured (tests);
        made once (`run` asks whether a port is needed, then serves it)."""
        if self._http is None:
            self._http = self._make_http_app()
        return self._http

    def _make_http_app(self) -> Callable[..., Iterable[bytes]]:
        bolt = SlackRequestHandler(self.app)

        def application(
            environ: dict[str, Any], start_response: Callable[..., Any]
        ) -> Iterable[bytes]:
            path, method = environ.get("PATH_INFO"), environ.get("REQUEST_METHOD")
            source = safe_log_text(str(environ.get("REMOTE_ADDR", "?")))
            if path != "/slack/events" or method != "POST":
                start_response("404 Not Found", [("Content-Type", "text/plain")])
                return [b""]
            stamp = str(environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", ""))
            if stamp and not (stamp.isascii() and stamp.isdigit() and len(stamp) < 12):
                log.warning("refused a Slack request from %s: malformed timestamp header", source)
                start_response("400 Bad Request", [("Content-Type", "text/plain")])
                return [b""]
            status: list[str] = []

            def recording(code: str, headers: Any, *rest: Any) -> Any:
                status.append(code)
                return start_response(code, headers, *rest)

            try:
                answer = bolt(environ, recording)
            except Exception:
                # A payload Bolt cannot read (only a signed one gets this far): log it,
                # answer 400, show nothing of it.
                log.exception("unreadable Slack request from %s", source)
                start_response("400 Bad Request", [("Content-Type", "text/plain")], sys.exc_info())
                return [b""]
            if status and status[0].startswith("401"):
                log.warning("refused a Slack request from %s: missing, wrong or stale signature",
                            source)  # fmt: skip
            return answer

        return application


__all__: Sequence[str] = ("Slack",)


def _answer_on_arrival(client: Any) -> None:
    """Envelopes Slack waits for are handed to the listeners by the thread that read
    them. slack_sdk queues every message for a second thread, which hands it to a
    third: each step waited for the interpreter while a command's work ran, and the
    ack with it. Our listeners only check, ack and queue, so the reader is free again
    at once. Anything else (`hello`, `disconnect`) takes slack_sdk's own way."""
    queue_it = client.enqueue_message

    def enqueue(raw: str) -> None:
        try:
            message = json.loads(raw) if raw.startswith("{") else {}
        except ValueError:  # not ours to judge: slack_sdk's way logs it
            message = {}
        if message.get("envelope_id") and message.get("type") != "disconnect":
            client.run_message_listeners(message, raw)
        else:
            queue_it(raw)

    client.enqueue_message = enqueue


def _without_nagle(client: Any) -> None:
    """Each session's acks leave at once (TCP_NODELAY), as websocket-client and aiohttp
    do and slack_sdk does only behind a proxy. With Nagle's algorithm an ack sent while
    the one before it is still unconfirmed waits for that confirmation, which Slack's
    end delays (up to 40 ms on Linux) or sends with the next envelope: at 4 commands
    at a time half the acks waited 5 ms or more (bench/slack_ack.py)."""
    connect = client.connect

    def connect_without_nagle() -> None:
        connect()
        sock = getattr(client.current_session, "sock", None)
        if sock is not None:
            with suppress(OSError):  # a socket gone already: the reconnect follows
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    client.connect = connect_without_nagle


def _interrupt(client: Any) -> None:
    """Wake the Socket Mode session's reader, so that closing does not wait for it.

    slack_sdk's reader holds the session's lock while it waits up to three seconds
    (its fixed receive timeout) for a frame, and `close` needs that lock: a stop took
    3.4 s. Shutting the socket down ends the wait at once; the client is told first
    that it is closing, so it does not reconnect.
    """
    client.auto_reconnect_enabled = False
    client.closed = True
    session = getattr(client, "current_session", None)
    sock = getattr(session, "sock", None)
    if sock is not None:
        with suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
