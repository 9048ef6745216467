"""The Mattermost adapter: slash commands, buttons, dialogs and events in; posts out.

Mattermost calls the bot over HTTP (`POST /mattermost/command` with the command's
token, `/mattermost/action` for buttons, `/mattermost/dialog` for dialogs; `GET
/health`), and the bot listens on the WebSocket API for `posted` (commands typed in
a DM with the bot) and `reaction_added` (saving a post with the bookmark reaction).
Replies are rendered by `bot.mattermost.render` and delivered by
`bot.delivery` through `bot.mattermost.delivery`. Buttons and dialogs carry a signed context, since
Mattermost sends no credentials with them.
"""

from __future__ import annotations

import contextvars
import hashlib
import hmac
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qs

from bot import logs
from bot.config import Settings
from bot.delivery import Courier
from bot.logs import safe_log_text
from bot.mattermost import forms as mattermost_forms
from bot.mattermost.api import MattermostApi, MattermostError
from bot.mattermost.delivery import MattermostOutlet
from bot.mattermost.events import Events
from bot.mattermost.people import PLATFORM, MattermostPeople
from bot.mattermost.render import as_text, command_response
from bot.mattermost.signing import Binding, Signer
from bot.mattermost.websocket import BACKOFF, Listener
from bot.metrics import Metrics
from bot.preflight import mattermost_identity, mattermost_refusal
from handlers import forms
from handlers.core import Core
from handlers.i18n import translate
from handlers.messages import Button, Reply, Request, Visibility

log = logging.getLogger(__name__)

MAX_BODY = 1_000_000
# Buttons that only show something: pressing one again shows it again.
SHOWING = frozenset(
    {"kennis.show", "knelpunt.show", "actie.show", "kennis.more", "knelpunt.more", "home.open"}
)

Json = dict[str, Any]
StartResponse = Callable[..., Any]


class Mattermost:
    name = PLATFORM

    def __init__(
        self,
        settings: Settings,
        core: Core,
        callback_url: str = "",
        *,
        backoff: Sequence[float] = BACKOFF,
        timeout: float = 10.0,
        metrics: Metrics | None = None,
    ) -> None:
        self.settings = settings
        self.core = core
        self.url = settings.mattermost_url or ""
        token = settings.mattermost_token or ""
        self.metrics = metrics or Metrics(core.db, core.clock)
        core.observer = self.metrics
        self.api = MattermostApi(
            self.url, token, timeout=timeout,
            on_error=lambda status: self.metrics.api_error(PLATFORM, status),
        )  # fmt: skip
        # The key for buttons and dialogs, derived from the token: never sent anywhere.
        self.signer = Signer(hmac.new(token.encode(), b"ciso-bot buttons", hashlib.sha256).digest())
        self.outlet = MattermostOutlet(self.api, "", self.signer)
        self.courier = Courier(core, self.outlet, PLATFORM, "Mattermost")
        self.set_callback_url(callback_url or settings.mattermost_callback_url or "")
        self.people = MattermostPeople(self.api)
        channels = [c for c in (settings.network_channel, settings.workgroup_channel) if c]
        self.events = Events(
            self.api, core, self.people, self._deliver_all,
            url=self.url, capture_reaction=settings.capture_reaction, channels=channels,
        )  # fmt: skip
        self.listener = Listener(self.url, token, self.events.on_event, self.events.on_gap,
                                 backoff=backoff)  # fmt: skip
        self.work = ThreadPoolExecutor(max_workers=2, thread_name_prefix="mattermost-work")
        self.metrics.queue_depth(self.work._work_queue.qsize)
        self.bot_id = ""

    def _connected(self) -> tuple[bool, str]:
        if self.listener.connected.is_set():
            return True, "WebSocket connected"
        return False, "WebSocket not connected (reconnecting)"

    # --- start and stop ---------------------------------------------------------------

    def set_callback_url(self, url: str) -> None:
        """Where the Mattermost server reaches the bot, for buttons and dialogs."""
        self.callback_url = url.rstrip("/")
        self.outlet.action_url = self.callback_url + "/mattermost/action"

    @staticmethod
    def check(settings: Settings) -> None:
        """`GET /users/me` before anything starts; raises NotReady when refused."""
        mattermost_identity(settings)

    def connect(self) -> None:
        """Check the token (`GET /users/me`); raises NotReady when refused or unreachable."""
        try:
            me = self.api.me()
        except MattermostError as error:
            raise mattermost_refusal(self.settings, error.status, error.error_id) from None
        self.bot_id = self.outlet.bot_id = self.events.bot_id = str(me["id"])
        log.info("connected to Mattermost as @%s", me.get("username", "?"))

    def start(self, base_url: str) -> None:
        """Listen on the WebSocket; buttons and dialogs come back to `base_url` unless
        MATTERMOST_CALLBACK_URL says where the server reaches the bot."""
        if not self.callback_url:
            self.set_callback_url(base_url)
        self.start_listening()

    def start_listening(self) -> None:
        self.listener.start()

    def connected(self) -> tuple[bool, str]:
        return self._connected()

    def close(self) -> None:
        self.listener.stop()
        self.events.close()
        self.work.shutdown(wait=True)
        self.api.close()

    def _submit(self, work: Callable[..., None], *args: Any) -> None:
        """Queue work after the answer, in this request's context (its log request id)."""
        self.work.submit(contextvars.copy_context().run, work, *args)

    def deliver(self, reply: Reply) -> None:
        """For the scheduler: send one message a job produced; raises if refused."""
        self.courier.deliver(reply)

    # --- HTTP -------------------------------------------------------------------------

    def wsgi(self) -> Callable[..., Iterable[bytes]]:
        routes = {
            "/mattermost/command": self._command,
            "/mattermost/action": self._action,
            "/mattermost/dialog": self._dialog,
        }

        def application(environ: Json, start_response: StartResponse) -> Iterable[bytes]:
            path, method = environ.get("PATH_INFO"), environ.get("REQUEST_METHOD")
            route = routes.get(str(path))
            if route is None or method != "POST":
                return _answer(start_response, 404, {"error": "not found"})
            try:
                length = int(environ.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > MAX_BODY:
                return _answer(start_response, 413, {"error": "too large"})
            body = environ["wsgi.input"].read(length) if length else b""
            # Log lines of this request, and of the work it queues, carry one id: the
            # proxy's X-Request-Id when there is one.
            with logs.request(environ.get("HTTP_X_REQUEST_ID")):
                try:
                    status, answer = route(environ, body)
                except Exception:
                    log.exception("Mattermost request failed: %s", path)
                    status, answer = 200, {"text": translate(self.settings.language,
                                                             "error.unexpected")}  # fmt: skip
            return _answer(start_response, status, answer)

        return application

    # --- slash commands ---------------------------------------------------------------

    def _command(self, environ: Json, body: bytes) -> tuple[int, Json]:
        form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
        header = str(environ.get("HTTP_AUTHORIZATION", ""))
        given = header.removeprefix("Token ").strip() if header.startswith("Token ") else ""
        given = given or form.get("token", "")
        command = form.get("command", "").lstrip("/").lower()
        expected = dict(self.settings.mattermost_command_tokens).get(command, "")
        # Compared as bytes, and only with this command's own token.
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            log.warning("refused a slash command from %s: not the token of /%s",
                        _source(environ), safe_log_text(command, 40))  # fmt: skip
            return 401, {"text": translate(self.settings.language, "mattermost.bad_token")}
        text, user = form.get("text", ""), form.get("user_id", "")
        form_id = forms.opened_by(command, text)
        if (
            form_id
            and form.get("trigger_id")
            and self._open_form(
                form_id, form["trigger_id"], Binding(user, form.get("channel_id", ""))
            )
        ):
            return 200, {}
        text, names, unknown = self.people.mentions(text, form)
        request = self.people.request(
            user,
            channel=form.get("channel_id", ""),
            direct="__" in form.get("channel_name", ""),
            command=command,
            text=text,
            user_name=form.get("user_name", ""),
            mention_names=names,
        )
        replies = self.core.handle(request)
        if unknown and replies:  # say which names are no one's, with what the command said
            note = translate(self.core.language_for(PLATFORM, user), "mattermost.unknown_user",
                             names=", ".join(unknown))  # fmt: skip
            replies = [replace(replies[0], text=f"{note}\n{replies[0].text}"), *replies[1:]]
        response_url = form.get("response_url", "")
        if not response_url.startswith(self.url + "/"):
            response_url = ""  # only ever answer to our own server
        first = next((r for r in replies if _inline(r)), None)
        others = [r for r in replies if r is not first]
        self._submit(self._deliver_all, others, request, response_url)
        if first is None:
            return 200, {}
        bound = Binding(user, form.get("channel_id", ""))
        return 200, command_response(first, self.outlet.action_url, self.signer, bound)

    # --- buttons and dialogs ----------------------------------------------------------

    def _action(self, environ: Json, body: bytes) -> tuple[int, Json]:
        payload = _json(body)
        context = _object(payload.get("context"))
        user, channel = str(payload.get("user_id", "")), str(payload.get("channel_id", ""))
        language = self.core.language_for(PLATFORM, user)
        refused = self.signer.refusal(context, user, channel)
        if refused is not None:
            log.warning("refused a button press from %s: %s", _source(environ), refused)
            key = "mattermost.expired_button" if refused == "expired" else "mattermost.bad_button"
            return 200, {"ephemeral_text": translate(language, key)}
        action_id, value = str(context["action_id"]), str(context["value"])
        trigger = str(payload.get("trigger_id", ""))
        if context.get("confirm") and context.get("confirmed") is not True:
            # Only after "are you sure?": never without, even when no dialog can open.
            button = Button(action_id, value, str(context.get("label", "")),
                            confirm=str(context["confirm"]))  # fmt: skip
            dialog = mattermost_forms.confirm_dialog(button, language, self.signer,
                                                     Binding(user, channel))  # fmt: skip
            if trigger and self._open_dialog(trigger, dialog):
                return 200, {}
            return 200, {"ephemeral_text": translate(language, "mattermost.bad_button")}
        form_id = forms.OPENED_BY_BUTTON.get(action_id)
        if form_id and trigger and value.isdigit():
            pressed = self.people.request(user, channel=channel, action_id=action_id,
                                          action_value=value)  # fmt: skip
            initial = self.core.form_initial(form_id, pressed)
            if initial is not None and self._open_form(
                form_id, trigger, Binding(user, channel), metadata=value, initial=initial
            ):
                return 200, {}
        if not self._first_press(action_id, str(context["nonce"]), user):
            return 200, {"ephemeral_text": translate(language, "mattermost.already_pressed")}
        request = self.people.request(
            user, channel=channel, action_id=action_id, action_value=value
        )
        return 200, self._answer_press(self.core.handle(request), request)

    def _first_press(self, action_id: str, nonce: str, user: str) -> bool:
        """Whether this press of a button that changes something is its first (retries,
        double clicks, replays); showing something may be pressed again."""
        if action_id in SHOWING:
            return True
        return self.core.claim_once(f"mattermost:press:{nonce}:{user}")

    def _answer_press(self, replies: list[Reply], request: Request) -> Json:
        """A button's answer: short text inline, anything with buttons or files by DM."""
        first = next((r for r in replies if _inline(r) and not r.all_buttons()), None)
        self._submit(self._deliver_all, [r for r in replies if r is not first], request, "")
        if first is not None:
            return {"ephemeral_text": as_text(first)}
        to_dm = any(r.visibility is Visibility.EPHEMERAL for r in replies)
        if to_dm and request.channel_id != self.outlet.known_dm(request.user_id):
            language = self.core.language_for(PLATFORM, request.user_id)
            return {"ephemeral_text": translate(language, "mattermost.in_dm")}
        return {}

    def _dialog(self, environ: Json, body: bytes) -> tuple[int, Json]:
        payload = _json(body)
        if payload.get("cancelled"):
            return 200, {}
        user, channel = str(payload.get("user_id", "")), str(payload.get("channel_id", ""))
        state = mattermost_forms.read_state(str(payload.get("state", "")), self.signer, user,
                                            channel)  # fmt: skip
        if state is None:
            log.warning("refused a dialog submission from %s: bad, expired or misplaced state",
                        _source(environ))  # fmt: skip
            return 200, {}
        kind, found = state
        if kind == "button":
            if not self._first_press(str(found["action_id"]), str(found["nonce"]), user):
                return 200, {}
            request = self.people.request(user, channel=channel, action_id=str(found["action_id"]),
                                    action_value=str(found["value"]))  # fmt: skip
            self._submit(self._deliver_all, self.core.handle(request), request, "")
            return 200, {}
        form_id = str(found.get("form", ""))
        if form_id not in forms.FORMS:
            return 200, {}
        filled = mattermost_forms.values(_object(payload.get("submission")))
        metadata = str(found.get("metadata", ""))
        errors = forms.submission(
            form_id,
            filled,
            self.core.language_for(PLATFORM, user),
            self.core.today_for(PLATFORM, user),
            self.settings.work_calendar,
            metadata,
        )
        if errors:
            return 200, {"errors": errors}
        # A dialog counts once: a second submission of the same one stores nothing.
        if not self.core.claim_once(f"mattermost:dialog:{found['nonce']}:{user}"):
            return 200, {}
        fields = forms.fields(form_id, filled, metadata)
        names = {}
        if fields.get("owner"):  # chosen from the users list: a user id
            names[fields["owner"]] = self.people.person(fields["owner"]).name
        request = self.people.request(user, channel=channel, form_id=form_id, fields=fields,
                                      mention_names=names)  # fmt: skip
        self._submit(self._deliver_all, self.core.handle(request), request, "")
        return 200, {}

    def open_form(
        self,
        form_id: str,
        trigger_id: str,
        request: Request,
        metadata: str = "",
        initial: dict[str, str] | None = None,
    ) -> bool:
        """A dialog for `request`'s user, usable only by them in that channel."""
        bound = Binding(request.user_id, request.channel_id or "")
        return self._open_form(form_id, trigger_id, bound, metadata, initial)

    def _open_form(
        self,
        form_id: str,
        trigger_id: str,
        bound: Binding,
        metadata: str = "",
        initial: dict[str, str] | None = None,
    ) -> bool:
        language = self.core.language_for(PLATFORM, bound.user)
        dialog = mattermost_forms.dialog(form_id, language, self.settings.tlp_default,
                                         self.signer, bound, metadata, initial)  # fmt: skip
        return self._open_dialog(trigger_id, dialog)

    def _open_dialog(self, trigger_id: str, dialog: Json) -> bool:
        try:
            self.api.open_dialog(trigger_id, self.callback_url + "/mattermost/dialog", dialog)
        except MattermostError as error:
            log.warning("dialog not opened: %s", error.error_id)
            return False
        return True

    # --- WebSocket events -------------------------------------------------------------

    # --- requests and delivery --------------------------------------------------------

    def _deliver_all(self, replies: Iterable[Reply], request: Request, response_url: str) -> None:
        """Send each reply (`bot.delivery`): answers through `response_url` where there is one."""
        self.courier.deliver_all(replies, request, self.outlet.answer(request, response_url))


def _source(environ: Json) -> str:
    """Where a request came from, for a log line."""
    return safe_log_text(str(environ.get("REMOTE_ADDR", "?")), 60)


def _inline(reply: Reply) -> bool:
    """Whether a reply can be the command's own (ephemeral) answer."""
    return reply.visibility is Visibility.EPHEMERAL and not reply.files


def _json(body: bytes) -> Json:
    try:
        found = json.loads(body or b"{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _object(value: object) -> Json:
    return value if isinstance(value, dict) else {}


def _answer(start_response: StartResponse, status: int, body: Json) -> list[bytes]:
    reasons = {200: "OK", 401: "Unauthorized", 404: "Not Found", 413: "Payload Too Large"}
    start_response(
        f"{status} {reasons.get(status, 'Error')}", [("Content-Type", "application/json")]
    )
    return [json.dumps(body).encode()]
