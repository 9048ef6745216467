"""The Mattermost adapter: slash commands, buttons, dialogs and events in; posts out.

Mattermost calls the bot over HTTP (`POST /mattermost/command` with the command's
token, `/mattermost/action` for buttons, `/mattermost/dialog` for dialogs; `GET
/health`), and the bot listens on the WebSocket API for `posted` (commands typed in
a DM with the bot) and `reaction_added` (saving a post with the bookmark reaction).
Replies are rendered by `bot.mattermost_render` and delivered by
`bot.mattermost_delivery`. Buttons and dialogs carry a signed context, since
Mattermost sends no credentials with them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIServer

from bot import forms, http_server, mattermost_forms
from bot.config import Settings
from bot.mattermost_api import MattermostApi, MattermostError
from bot.mattermost_delivery import MattermostDelivery
from bot.mattermost_render import Signer, as_text, command_response
from bot.mattermost_socket import BACKOFF, Event, Listener
from handlers.core import Button, Reply, Request, Visibility
from handlers.i18n import translate
from handlers.router import Core

log = logging.getLogger(__name__)

PLATFORM = "mattermost"
COMMANDS = ("kennis", "knelpunt", "actie", "ciso")
MAX_BODY = 1_000_000
_MENTION = re.compile(r"(?<![\w@<])@([a-z0-9][a-z0-9._-]{0,63})", re.IGNORECASE)
MASS = {"all", "channel", "here"}

Json = dict[str, Any]
StartResponse = Callable[..., Any]


class Mattermost:
    def __init__(
        self,
        settings: Settings,
        core: Core,
        callback_url: str = "",
        *,
        backoff: Sequence[float] = BACKOFF,
    ) -> None:
        self.settings = settings
        self.core = core
        self.url = settings.mattermost_url or ""
        token = settings.mattermost_token or ""
        self.api = MattermostApi(self.url, token)
        # The key for buttons and dialogs, derived from the token: never sent anywhere.
        self.signer = Signer(hmac.new(token.encode(), b"ciso-bot buttons", hashlib.sha256).digest())
        self.delivery = MattermostDelivery(self.api, "", self.signer)
        self.set_callback_url(callback_url)
        self.listener = Listener(self.url, token, self._on_event, self._on_gap, backoff=backoff)
        self.work = ThreadPoolExecutor(max_workers=2, thread_name_prefix="mattermost-work")
        self.bot_id = ""
        self._people: dict[str, tuple[str, str, str]] = {}  # id → (username, name, zone)

    # --- start and stop ---------------------------------------------------------------

    def set_callback_url(self, url: str) -> None:
        """Where the Mattermost server reaches the bot, for buttons and dialogs."""
        self.callback_url = url.rstrip("/")
        self.delivery.action_url = self.callback_url + "/mattermost/action"

    def connect(self) -> None:
        """Check the token (`GET /users/me`); raises MattermostError when refused."""
        me = self.api.me()
        self.bot_id = self.delivery.bot_id = str(me["id"])
        log.info("connected to Mattermost as @%s", me.get("username", "?"))

    def start_listening(self) -> None:
        self.listener.start()

    def close(self) -> None:
        self.listener.stop()
        self.work.shutdown(wait=True)
        self.api.close()

    def deliver(self, reply: Reply) -> None:
        """For the scheduler: send one message a job produced; raises if refused."""
        self.delivery.send(reply)

    # --- HTTP -------------------------------------------------------------------------

    def wsgi(self) -> Callable[..., Iterable[bytes]]:
        routes = {
            "/mattermost/command": self._command,
            "/mattermost/action": self._action,
            "/mattermost/dialog": self._dialog,
        }

        def application(environ: Json, start_response: StartResponse) -> Iterable[bytes]:
            path, method = environ.get("PATH_INFO"), environ.get("REQUEST_METHOD")
            if path == "/health" and method == "GET":
                return _answer(start_response, 200, {"status": "ok", "platform": PLATFORM})
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
            try:
                status, answer = route(environ, body)
            except Exception:
                log.exception("Mattermost request failed: %s", path)
                status, answer = 200, {"text": translate(self.settings.language,
                                                         "error.unexpected")}  # fmt: skip
            return _answer(start_response, status, answer)

        return application

    def serve(self, host: str, port: int) -> WSGIServer:
        return http_server.make(host, port, self.wsgi())

    # --- slash commands ---------------------------------------------------------------

    def _command(self, environ: Json, body: bytes) -> tuple[int, Json]:
        form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
        header = str(environ.get("HTTP_AUTHORIZATION", ""))
        given = header.removeprefix("Token ").strip() if header.startswith("Token ") else ""
        given = given or form.get("token", "")
        if not any(hmac.compare_digest(given, t) for t in self.settings.mattermost_command_tokens):
            log.warning("slash command with an unknown token refused")
            return 401, {"text": translate(self.settings.language, "mattermost.bad_token")}
        command = form.get("command", "").lstrip("/").lower()
        text, user = form.get("text", ""), form.get("user_id", "")
        words = text.strip().lower().split()
        form_id = forms.OPENED_BY.get((command, words[0])) if len(words) == 1 else None
        if (
            form_id
            and form.get("trigger_id")
            and self._open_form(form_id, form["trigger_id"], user)
        ):
            return 200, {}
        text, names, unknown = self._mentions(text, form)
        request = self._request(
            user,
            channel=form.get("channel_id", ""),
            direct="__" in form.get("channel_name", ""),
            command=command,
            text=text,
            user_name=form.get("user_name", ""),
            mention_names=names,
        )
        replies = self.core.handle(request)
        if unknown:  # say which names are no one's, with whatever the command said
            note = translate(self.core.language_for(PLATFORM, user), "mattermost.unknown_user",
                             names=", ".join(unknown))  # fmt: skip
            replies = [replace(replies[0], text=f"{note}\n{replies[0].text}"), *replies[1:]]
        response_url = form.get("response_url", "")
        if not response_url.startswith(self.url + "/"):
            response_url = ""  # only ever answer to our own server
        first = next((r for r in replies if _inline(r)), None)
        others = [r for r in replies if r is not first]
        self.work.submit(self._deliver_all, others, request, response_url)
        if first is None:
            return 200, {}
        return 200, command_response(first, self.delivery.action_url, self.signer, user)

    def _mentions(self, text: str, form: Json) -> tuple[str, dict[str, str], list[str]]:
        """`@username` as the core's `<@id|username>`; mass mentions stay as typed.

        Returns the text, the names by user id, and the names no user has (left as typed).
        """
        known = dict(zip(_list(form.get("user_mentions")), _list(form.get("user_mentions_ids")),
                         strict=False))  # fmt: skip
        names: dict[str, str] = {}
        unknown: list[str] = []

        def resolve(match: re.Match[str]) -> str:
            username = match.group(1).rstrip(".")
            if username.lower() in MASS:
                return match.group(0)
            user_id = known.get(username)
            if not user_id:
                try:
                    user_id = str(self.api.user_by_username(username.lower())["id"])
                except MattermostError:
                    unknown.append("@" + username)
                    return match.group(0)
            names[user_id] = username
            return f"<@{user_id}|{username}>" + match.group(1)[len(username) :]

        return _MENTION.sub(resolve, text), names, unknown

    # --- buttons and dialogs ----------------------------------------------------------

    def _action(self, _environ: Json, body: bytes) -> tuple[int, Json]:
        payload = _json(body)
        context = _object(payload.get("context"))
        user = str(payload.get("user_id", ""))
        language = self.core.language_for(PLATFORM, user)
        if not self.signer.check(context, user):
            log.warning("refused a button press with a bad context")
            return 200, {"ephemeral_text": translate(language, "mattermost.bad_button")}
        action_id, value = str(context["action_id"]), str(context["value"])
        trigger = str(payload.get("trigger_id", ""))
        if context.get("confirm") and not context.get("confirmed") and trigger:
            button = Button(action_id, value, str(context.get("label", "")),
                            confirm=str(context["confirm"]))  # fmt: skip
            dialog = mattermost_forms.confirm_dialog(button, language, self.signer, user)
            self._open_dialog(trigger, dialog)
            return 200, {}
        form_id = forms.OPENED_BY_BUTTON.get(action_id)
        if form_id and trigger and value.isdigit():
            initial = {"deadline": "over 1 week"} if form_id == "actie.postpone" else {}
            if self._open_form(form_id, trigger, user, metadata=value, initial=initial):
                return 200, {}
        channel = str(payload.get("channel_id", ""))
        request = self._request(user, channel=channel, action_id=action_id, action_value=value)
        return 200, self._answer_press(self.core.handle(request), request)

    def _answer_press(self, replies: list[Reply], request: Request) -> Json:
        """A button's answer: short text inline, anything with buttons or files by DM."""
        first = next((r for r in replies if _inline(r) and not r.all_buttons()), None)
        self.work.submit(self._deliver_all, [r for r in replies if r is not first], request, "")
        if first is not None:
            return {"ephemeral_text": as_text(first)}
        return {}

    def _dialog(self, _environ: Json, body: bytes) -> tuple[int, Json]:
        payload = _json(body)
        if payload.get("cancelled"):
            return 200, {}
        user = str(payload.get("user_id", ""))
        state = mattermost_forms.read_state(str(payload.get("state", "")), self.signer, user)
        if state is None:
            log.warning("refused a dialog submission with a bad state")
            return 200, {}
        kind, found = state
        channel = str(payload.get("channel_id", ""))
        if kind == "button":
            request = self._request(user, channel=channel, action_id=str(found["action_id"]),
                                    action_value=str(found["value"]))  # fmt: skip
            self.work.submit(self._deliver_all, self.core.handle(request), request, "")
            return 200, {}
        form_id = str(found.get("form", ""))
        if form_id not in forms.FORMS:
            return 200, {}
        submission = _object(payload.get("submission"))
        result = forms.submission(
            form_id,
            mattermost_forms.values(submission),
            self.core.language_for(PLATFORM, user),
            self.core.today_for(PLATFORM, user),
            self.settings.work_calendar,
            str(found.get("metadata", "")),
        )
        if isinstance(result, dict):
            return 200, {"errors": result}
        text, names = result.text, {}
        if "<@" in text:  # the owner chosen from the users list: a user id
            owner = re.search(r"<@([a-z0-9]+)>", text)
            if owner:
                names[owner.group(1)] = self._person(owner.group(1))[0]
        request = self._request(user, channel=channel, command=result.command, text=text,
                                mention_names=names)  # fmt: skip
        self.work.submit(self._deliver_all, self.core.handle(request), request, "")
        return 200, {}

    def _open_form(
        self,
        form_id: str,
        trigger_id: str,
        user: str,
        metadata: str = "",
        initial: dict[str, str] | None = None,
    ) -> bool:
        language = self.core.language_for(PLATFORM, user)
        dialog = mattermost_forms.dialog(form_id, language, self.settings.tlp_default,
                                         self.signer, user, metadata, initial)  # fmt: skip
        return self._open_dialog(trigger_id, dialog)

    def _open_dialog(self, trigger_id: str, dialog: Json) -> bool:
        try:
            self.api.open_dialog(trigger_id, self.callback_url + "/mattermost/dialog", dialog)
        except MattermostError as error:
            log.warning("dialog not opened: %s", error.error_id)
            return False
        return True

    # --- WebSocket events -------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        kind = event.get("event")
        data = event.get("data") or {}
        if kind == "posted":
            self.work.submit(self._safely, self._posted, data)
        elif kind == "reaction_added":
            self.work.submit(self._safely, self._reaction, data)

    def _on_gap(self) -> None:
        log.warning("Mattermost events may have been missed while the WebSocket was down")

    def _safely(self, work: Callable[[Json], None], data: Json) -> None:
        try:
            work(data)
        except Exception:
            log.exception("Mattermost event work failed")

    def _posted(self, data: Json) -> None:
        """A message in a DM with the bot: a command typed without the slash."""
        post = _json(str(data.get("post", "")).encode())
        user, channel = str(post.get("user_id", "")), str(post.get("channel_id", ""))
        if data.get("channel_type") != "D" or not user or user == self.bot_id:
            return
        if post.get("type") or not self.core.claim_once(f"mattermost:post:{post.get('id')}"):
            return
        word, _, rest = str(post.get("message", "")).strip().lstrip("/").partition(" ")
        if word.lower() not in COMMANDS:
            language = self.core.language_for(PLATFORM, user)
            replies = [Reply(text=translate(language, "mattermost.dm_help"))]
            request = self._request(user, channel=channel, direct=True, command="")
        else:
            text, names, _unknown = self._mentions(rest, {})
            request = self._request(user, channel=channel, direct=True, command=word.lower(),
                                    text=text, mention_names=names)  # fmt: skip
            replies = self.core.handle(request)
        self._deliver_all(replies, request, "")

    def _reaction(self, data: Json) -> None:
        reaction = _json(str(data.get("reaction", "")).encode())
        user, post_id = str(reaction.get("user_id", "")), str(reaction.get("post_id", ""))
        if reaction.get("emoji_name") != self.settings.capture_reaction or user == self.bot_id:
            return
        if not post_id or not self.core.claim_once(f"mattermost:reaction:{post_id}:{user}"):
            return
        try:
            post = self.api.post(post_id)
        except MattermostError as error:
            log.warning("cannot read the post to capture: %s", error.error_id)
            return
        author = self._person(str(post.get("user_id", "")))[1]
        request = self._request(
            user,
            channel=str(post.get("channel_id", "")),
            action_id="kennis.capture",
            text=str(post.get("message", "")),
            source_url=f"{self.url}/_redirect/pl/{post_id}",
            source_author=author,
        )
        self._deliver_all(self.core.handle(request), request, "")

    # --- requests and delivery --------------------------------------------------------

    def _request(self, user: str, *, channel: str, direct: bool = False, **fields: Any) -> Request:
        username, name, zone = self._person(user)
        given = fields.pop("user_name", "")
        return Request(
            platform=PLATFORM,
            user_id=user,
            channel_id=channel or None,
            is_direct=direct or not channel,
            user_name=name or given or username,
            timezone=zone,
            **fields,
        )

    def _person(self, user: str) -> tuple[str, str, str]:
        """A user's username, display name and time zone (`GET /users/{id}`, per run)."""
        if not user:
            return "", "", ""
        if user not in self._people:
            try:
                found = self.api.user(user)
            except MattermostError as error:
                log.warning("user lookup failed: %s", error.error_id)
                return "", "", ""
            full = f"{found.get('first_name', '')} {found.get('last_name', '')}".strip()
            username = str(found.get("username", ""))
            name = str(found.get("nickname") or full or username)
            self._people[user] = (username, name, _zone(found.get("timezone") or {}))
        return self._people[user]

    def _deliver_all(self, replies: Iterable[Reply], request: Request, response_url: str) -> None:
        for reply in replies:
            try:
                self.delivery.send(reply, request, response_url)
            except (MattermostError, ValueError) as error:
                log.warning("Mattermost refused a reply: %s", error)
                self._tell_failure(request)

    def _tell_failure(self, request: Request) -> None:
        text = translate(self.core.language_for(PLATFORM, request.user_id),
                         "mattermost.send_failed")  # fmt: skip
        try:
            self.delivery.direct(request.user_id, Reply(text=text))
        except (MattermostError, ValueError):
            log.warning("could not tell the user either")


def _inline(reply: Reply) -> bool:
    """Whether a reply can be the command's own (ephemeral) answer."""
    return reply.visibility is Visibility.EPHEMERAL and not reply.files


def _zone(timezone: Json) -> str:
    """The user's effective time zone (the server sends `"true"`/`"false"` strings)."""
    automatic = str(timezone.get("useAutomaticTimezone", "")).lower() == "true"
    chosen = timezone.get("automaticTimezone") if automatic else timezone.get("manualTimezone")
    return str(chosen or "")


def _list(value: object) -> list[str]:
    if not value:
        return []
    text = str(value)
    if text.startswith("["):
        try:
            return [str(v) for v in json.loads(text)]
        except ValueError:
            return []
    return [v.strip() for v in text.split(",") if v.strip()]


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
