"""A small Mattermost server on 127.0.0.1: REST API v4 and the WebSocket API.

Every `/api/v4` request the bot makes, and every answer the fake gives, is checked
against Mattermost's OpenAPI description (`mattermost_api/`, with openapi-core);
what does not fit is recorded in `violations` and answered 400, so a test fails.
The WebSocket speaks Mattermost's protocol: the `authentication_challenge`, `hello`
with a `connection_id`, events with a `seq`, and resuming with `connection_id` and
`sequence_number` (replaying what was missed). The fake also plays the server's part
towards the bot: it sends slash commands, button presses and dialog submissions.
"""

from __future__ import annotations

import copy
import email.parser
import email.policy
import functools
import itertools
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import yaml
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from tests.bot.websocket_frames import accept_key, frame, read_frame

TOKEN = "mm-bot-token-1234567890"
TEAM_ID = "team0000000000000000000001"
BOT_ID = "botuserid00000000000000000"
# Each slash command has its own token, as each custom command in Mattermost does.
COMMAND_TOKENS = {c: f"cmd{c}token".ljust(26, "0") for c in ("ciso", "kennis", "knelpunt", "actie")}
COMMAND_TOKEN = COMMAND_TOKENS["ciso"]
COMMAND_TOKENS_SETTING = ",".join(f"{c}={t}" for c, t in COMMAND_TOKENS.items())
Json = dict[str, Any]


@functools.cache
def _spec() -> OpenAPI:
    """The API description, read once: any port on 127.0.0.1 is a server of it."""
    spec = yaml.safe_load((Path(__file__).parent / "mattermost_api" / "openapi-bot-subset.yaml")
                          .read_text(encoding="utf-8"))  # fmt: skip
    spec["servers"] = [{"url": "http://127.0.0.1:{port}", "variables": {"port": {"default": "80"}}}]
    # A real server sends these as strings ("true"/"false"), not as the booleans
    # the description says: the fake follows the server.
    timezone = spec["components"]["schemas"]["Timezone"]["properties"]
    timezone["useAutomaticTimezone"] = {"type": "string"}
    return OpenAPI.from_dict(spec)


@dataclass
class Failure:
    status: int
    error_id: str
    retry_after: str = ""
    # "": refused, nothing stored. "timeout": stored, then no answer until the client
    # gave up. "close": stored, then the connection closed without an answer.
    after_storing: str = ""


@dataclass
class FakeMattermost:
    url: str = ""
    users: dict[str, Json] = field(default_factory=dict)
    channels: dict[str, Json] = field(default_factory=dict)
    posts: dict[str, Json] = field(default_factory=dict)
    files: dict[str, tuple[Json, bytes]] = field(default_factory=dict)
    dialogs: list[Json] = field(default_factory=list)
    responses: list[Json] = field(default_factory=list)  # posted to a command's response_url
    responded_at: dict[str, float] = field(default_factory=dict)  # its path → time.monotonic()
    calls: list[tuple[str, str]] = field(default_factory=list)  # (method, path)
    violations: list[str] = field(default_factory=list)
    failures: dict[str, list[Failure]] = field(default_factory=dict)  # "POST /posts" → …
    triggers: dict[str, str] = field(default_factory=dict)  # trigger id → its channel
    changed: threading.Condition = field(default_factory=threading.Condition)
    # The WebSocket session
    connection_id: str = ""
    seq: int = 0
    sent: list[Json] = field(default_factory=list)  # events of this connection, by seq
    connections: int = 0
    down: bool = False  # the server refuses WebSocket connections (it is restarting)
    # Faults of the REST API: every new post refused (503), posts to these channels
    # refused (500), and the time each post takes.
    posts_down: bool = False
    refusing: set[str] = field(default_factory=set)
    post_seconds: float = 0.0
    hang_seconds: float = 2.0  # how long a "timeout" fault keeps the client waiting
    _ws: socket.socket | None = None
    _ws_lock: threading.Lock = field(default_factory=threading.Lock)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    api: OpenAPI | None = None  # None: answers are not checked (a benchmark's fake)
    # Teams and their custom slash commands (`ciso-bot mattermost setup`)
    teams: dict[str, Json] = field(default_factory=lambda: {TEAM_ID: {
        "id": TEAM_ID, "create_at": 1, "update_at": 1, "delete_at": 0,
        "display_name": "Gemeenten Haaglanden", "name": "haaglanden", "description": "",
        "email": "beheer@x.nl", "type": "I", "allowed_domains": "", "invite_id": "",
        "allow_open_invite": False}})  # fmt: skip
    commands: dict[str, Json] = field(default_factory=dict)
    may_manage_commands: bool = True  # the bot account has manage_slash_commands

    def new_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids):0{26 - len(prefix)}d}"

    # --- the workspace ----------------------------------------------------------------

    def add_user(self, user_id: str, username: str, first: str = "", last: str = "",
                 zone: str = "") -> None:  # fmt: skip
        timezone = {"useAutomaticTimezone": "true" if zone else "false",
                    "automaticTimezone": zone, "manualTimezone": ""}  # fmt: skip
        self.users[user_id] = {"id": user_id, "username": username, "first_name": first,
                               "last_name": last, "nickname": "", "email": f"{username}@x.nl",
                               "roles": "system_user", "locale": "nl", "timezone": timezone,
                               "create_at": 1, "update_at": 1, "delete_at": 0}  # fmt: skip

    def add_channel(self, channel_id: str, name: str, kind: str = "O") -> None:
        self.channels[channel_id] = {"id": channel_id, "create_at": 1, "update_at": 1,
                                     "delete_at": 0, "team_id": "team0000000000000000000001",
                                     "type": kind, "display_name": name, "name": name,
                                     "header": "", "purpose": "", "last_post_at": 0,
                                     "total_msg_count": 0, "extra_update_at": 0,
                                     "creator_id": BOT_ID}  # fmt: skip

    def dm_id(self, user: str) -> str:
        return "dm" + user[-24:]

    def fail(self, route: str, status: int = 500, error_id: str = "app.error",
             retry_after: str = "", times: int = 1, after_storing: str = "") -> None:  # fmt: skip
        planned = Failure(status, error_id, retry_after, after_storing)
        self.failures.setdefault(route, []).extend([planned] * times)

    def posts_by_key(self) -> dict[str, int]:
        """How often each keyed message of the bot was posted (`reminder:12` → 1)."""
        counted: dict[str, int] = {}
        with self.changed:
            for post in self.posts.values():
                key = (post.get("props") or {}).get("ciso_bot_message")
                if key:
                    counted[key] = counted.get(key, 0) + 1
        return counted

    def in_channel(self, channel_id: str) -> list[Json]:
        with self.changed:
            return [p for p in self.posts.values() if p["channel_id"] == channel_id]

    def wait_for_posts(self, channel_id: str, count: int = 1, timeout: float = 10) -> list[Json]:
        with self.changed:
            self.changed.wait_for(lambda: len(self.in_channel(channel_id)) >= count, timeout)
            return self.in_channel(channel_id)

    def wait(self, condition: Any, timeout: float = 10) -> bool:
        with self.changed:
            return bool(self.changed.wait_for(condition, timeout))

    # --- REST -------------------------------------------------------------------------

    def take_failure(self, method: str, path: str) -> Failure | None:
        route = f"{method} {re.sub(r'/[a-z0-9]{26}(?=/|$)', '/{id}', path)}"
        planned = self.failures.get(route)
        return planned.pop(0) if planned else None

    def answer(
        self, method: str, path: str, query: Json, body: Any, files: Json
    ) -> tuple[int, Any]:
        found = re.fullmatch(r"/api/v4/users/([^/]+)", path)
        if method == "GET" and found:
            user = self.users.get(BOT_ID if found.group(1) == "me" else found.group(1))
            return (200, user) if user else (404, _error(404, "app.user.missing_account"))
        found = re.fullmatch(r"/api/v4/users/username/([^/]+)", path)
        if method == "GET" and found:
            user = next((u for u in self.users.values() if u["username"] == found.group(1)), None)
            return (200, user) if user else (404, _error(404, "app.user.missing_account"))
        if method == "POST" and path == "/api/v4/channels/direct":
            if not isinstance(body, list) or len(body) != 2 or BOT_ID not in body:
                return 400, _error(400, "api.channel.create_direct_channel.invalid")
            other = next(u for u in body if u != BOT_ID) if body[0] != body[1] else BOT_ID
            channel_id = self.dm_id(other)
            if channel_id not in self.channels:
                self.add_channel(channel_id, f"{BOT_ID}__{other}", "D")
            return 201, self.channels[channel_id]
        found = re.fullmatch(r"/api/v4/channels/([^/]+)", path)
        if method == "GET" and found:
            channel = self.channels.get(found.group(1))
            return (200, channel) if channel else (404, _error(404, "app.channel.missing"))
        if method == "POST" and path == "/api/v4/posts":
            if body.get("channel_id") not in self.channels:
                return 403, _error(403, "api.context.permissions.app_error")
            return 201, for_client(
                self.create_post(
                    BOT_ID,
                    body["channel_id"],
                    body["message"],
                    body.get("props") or {},
                    body.get("file_ids") or [],
                )
            )
        found = re.fullmatch(r"/api/v4/posts/([^/]+)", path)
        if method == "GET" and found:
            post = self.posts.get(found.group(1))
            return (200, for_client(post)) if post else (404, _error(404, "app.post.get.app_error"))
        found = re.fullmatch(r"/api/v4/channels/([^/]+)/posts", path)
        if method == "GET" and found:
            mine = sorted(self.in_channel(found.group(1)), key=lambda p: -p["create_at"])
            if query.get("since"):
                page = [p for p in mine if p["update_at"] > int(query["since"])]
            else:
                page = mine[: int(query.get("per_page") or 60)]
            return 200, {
                "order": [p["id"] for p in page],
                "posts": {p["id"]: for_client(p) for p in page},
                "next_post_id": "",
                "prev_post_id": "",
                "has_next": False,
            }
        if method == "POST" and path == "/api/v4/files":
            channel_id = str(files.get("channel_id", ""))
            upload = files.get("files")
            if channel_id not in self.channels or not upload:
                return 400, _error(400, "api.file.upload_file.incorrect_channelId.app_error")
            name, content, kind = upload
            info = {"id": self.new_id("f"), "user_id": BOT_ID, "post_id": "", "name": name,
                    "extension": name.rsplit(".", 1)[-1], "size": len(content),
                    "mime_type": kind, "create_at": _now(), "update_at": _now(), "delete_at": 0,
                    "width": 0, "height": 0, "has_preview_image": False}  # fmt: skip
            self.files[info["id"]] = (info, content)
            return 201, {"file_infos": [info], "client_ids": []}
        if method == "POST" and path == "/api/v4/actions/dialogs/open":
            if body.get("trigger_id") not in self.triggers:
                return 400, _error(400, "interactive_message.decode_trigger_id.expired")
            if not _dialog_fits(body.get("dialog") or {}):
                return 400, _error(400, "model.dialog.is_valid.app_error")
            # The dialog is submitted from where it was opened, as Mattermost does.
            opened_in = self.triggers.pop(body["trigger_id"])
            with self.changed:
                self.dialogs.append({**body, "channel_id": opened_in})
                self.changed.notify_all()
            return 200, {"status": "OK"}
        found = re.fullmatch(r"/api/v4/teams/name/([^/]+)", path)
        if method == "GET" and found:
            team = next((t for t in self.teams.values() if t["name"] == found.group(1)), None)
            return (200, team) if team else (404, _error(404, "app.team.get_by_name.missing"))
        if path == "/api/v4/commands" or path.startswith("/api/v4/commands/"):
            return self._commands(method, path, query, body)
        return 404, _error(404, "api.context.404.app_error")

    # --- slash commands, as `ciso-bot mattermost setup` makes them -----------------------

    def _commands(self, method: str, path: str, query: Json, body: Any) -> tuple[int, Any]:
        if not self.may_manage_commands:
            return 403, _error(403, "api.context.permissions.app_error")
        if method == "GET" and path == "/api/v4/commands":
            team = query.get("team_id", "")
            return 200, [c for c in self.commands.values() if c["team_id"] == team]
        if method == "POST" and path == "/api/v4/commands":
            problem = _command_problem(body)
            if problem or body.get("team_id") not in self.teams:
                return 400, _error(400, problem or "api.command.team_id.app_error")
            if any(c["trigger"] == body["trigger"] and c["team_id"] == body["team_id"]
                   for c in self.commands.values()):  # fmt: skip
                return 400, _error(400, "api.command.duplicate_trigger.app_error")
            made = {**body, "id": self.new_id("cmd"), "token": self.new_id("tok"),
                    "create_at": _now(), "update_at": _now(), "delete_at": 0,
                    "creator_id": BOT_ID}  # fmt: skip
            self.commands[made["id"]] = made
            return 201, made
        found = re.fullmatch(r"/api/v4/commands/([^/]+)", path)
        if method == "PUT" and found:
            old = self.commands.get(found.group(1))
            if old is None:
                return 404, _error(404, "app.command.getcommand.app_error")
            problem = _command_problem(body)
            if problem or body.get("id") != old["id"]:
                return 400, _error(400, problem or "api.command.id.app_error")
            # The token and the creator are the server's; an update cannot change them.
            updated = {**body, "token": old["token"], "creator_id": old["creator_id"],
                       "create_at": old["create_at"], "update_at": _now()}  # fmt: skip
            self.commands[old["id"]] = updated
            return 200, updated
        return 404, _error(404, "api.context.404.app_error")

    def create_post(self, user: str, channel_id: str, message: str, props: Json,
                    file_ids: list[str], root_id: str = "") -> Json:  # fmt: skip
        post: Json = {"id": self.new_id("p"), "create_at": _now(), "update_at": _now(),
                "edit_at": 0, "delete_at": 0, "is_pinned": False, "user_id": user,
                "channel_id": channel_id,
                "root_id": root_id, "original_id": "", "message": message, "type": "",
                "props": props, "hashtag": "", "file_ids": file_ids, "pending_post_id": "",
                "metadata": {}}  # fmt: skip
        with self.changed:
            self.posts[post["id"]] = post
            self.changed.notify_all()
        channel = self.channels[channel_id]
        self.emit("posted", {"channel_type": channel["type"], "channel_name": channel["name"],
                             "sender_name": "@" + self.users.get(user, {}).get("username", "?"),
                             "team_id": "", "post": json.dumps(for_client(post))},
                  {"channel_id": channel_id})  # fmt: skip
        time.sleep(0.001)  # posts of one test keep their order by create_at
        return post

    # --- the WebSocket ----------------------------------------------------------------

    def emit(self, event: str, data: Json, broadcast: Json | None = None) -> None:
        """Send an event to the bot (or keep it, to replay when the bot resumes)."""
        with self._ws_lock:
            self.seq += 1
            message = {"event": event, "data": data, "seq": self.seq,
                       "broadcast": {"omit_users": None, "user_id": "", "channel_id": "",
                                     "team_id": "", **(broadcast or {})}}  # fmt: skip
            self.sent.append(message)
            if self._ws is not None:
                try:
                    self._ws.sendall(frame(json.dumps(message).encode()))
                except OSError:
                    self._ws = None

    def drop(self, resumable: bool = True) -> None:
        """Cut the WebSocket; when not resumable the server forgot the connection."""
        with self._ws_lock:
            if self._ws is not None:
                with suppress(OSError):
                    self._ws.shutdown(socket.SHUT_RDWR)
                self._ws = None
            if not resumable:
                self.connection_id = ""

    def serve_websocket(self, conn: socket.socket, query: Json) -> None:
        opcode, data = read_frame(conn)
        challenge = json.loads(data) if opcode == 0x1 else {}
        if (
            challenge.get("action") != "authentication_challenge"
            or (challenge.get("data") or {}).get("token") != TOKEN
        ):
            refused = {
                "status": "FAIL",
                "seq_reply": challenge.get("seq"),
                "error": {"id": "api.web_socket_router.not_authenticated.app_error"},
            }
            conn.sendall(frame(json.dumps(refused).encode()))  # fmt: skip
            conn.sendall(frame(b"\x03\xe8", 0x8))
            return
        conn.sendall(frame(json.dumps({"status": "OK", "seq_reply": challenge["seq"]}).encode()))
        with self._ws_lock:
            resume = bool(self.connection_id) and query.get("connection_id") == self.connection_id
            if not resume:
                self.connection_id = self.new_id("c")
                self.seq, self.sent = 0, []
            hello = {"event": "hello", "data": {"connection_id": self.connection_id,
                                                "server_version": "9.11.0"},
                     "broadcast": {"omit_users": None, "user_id": BOT_ID, "channel_id": "",
                                   "team_id": ""}, "seq": 0}  # fmt: skip
            conn.sendall(frame(json.dumps(hello).encode()))
            start = int(query.get("sequence_number") or 0) if resume else 1
            for message in self.sent:
                if message["seq"] >= start:
                    conn.sendall(frame(json.dumps(message).encode()))
            self._ws = conn
        with self.changed:
            self.connections += 1
            self.changed.notify_all()
        while True:
            opcode, data = read_frame(conn)
            if opcode == 0x8:
                conn.sendall(frame(data[:2], 0x8))
                return
            if opcode == 0x9:
                conn.sendall(frame(data, 0xA))

    # --- playing Mattermost towards the bot -------------------------------------------

    def trigger(self, channel: str = "") -> str:
        trigger_id = self.new_id("t")
        self.triggers[trigger_id] = channel
        return trigger_id

    def slash(self, bot_url: str, user: str, command: str, text: str = "",
              channel: str = "chanalgemeen00000000000001", token: str | None = None,
              **extra: str) -> httpx.Response:  # fmt: skip
        """A slash command as Mattermost sends it to the bot, with that command's token."""
        token = COMMAND_TOKENS.get(command, COMMAND_TOKEN) if token is None else token
        channel_name = self.channels.get(channel, {}).get("name", "algemeen")
        form = {"token": token, "team_id": "team0000000000000000000001", "team_domain": "regio",
                "channel_id": channel, "channel_name": channel_name, "user_id": user,
                "user_name": self.users.get(user, {}).get("username", user),
                "command": f"/{command}", "text": text, "trigger_id": self.trigger(channel),
                "response_url": f"{self.url}/hooks/commands/{self.new_id('r')}",
                **extra}  # fmt: skip
        return httpx.post(f"{bot_url}/mattermost/command", content=urlencode(form),
                          headers={"Content-Type": "application/x-www-form-urlencoded",
                                   **({"Authorization": f"Token {token}"} if token else {})},
                          timeout=30)  # fmt: skip

    def press(
        self, user: str, action: Json, channel: str = "", post_id: str = ""
    ) -> httpx.Response:
        """A press on a button the bot posted (its `integration` says where to).

        Like Mattermost, the press names the channel of the post it is on.
        """
        integration = action["integration"]
        if not channel and post_id in self.posts:
            channel = self.posts[post_id]["channel_id"]
        body = {"user_id": user, "user_name": self.users.get(user, {}).get("username", user),
                "channel_id": channel, "channel_name": "", "team_id": "team0000000000000000000001",
                "team_domain": "regio", "post_id": post_id, "trigger_id": self.trigger(channel),
                "type": "button", "data_source": "", "context": integration["context"]}  # fmt: skip
        return httpx.post(integration["url"], json=body, timeout=30)

    def submit(
        self, dialog: Json, user: str, submission: Json, channel: str | None = None
    ) -> httpx.Response:
        """A submitted interactive dialog, from the channel it was opened in."""
        channel = dialog.get("channel_id", "") if channel is None else channel
        body = {"type": "dialog_submission", "callback_id": dialog["dialog"]["callback_id"],
                "state": dialog["dialog"].get("state", ""), "user_id": user, "channel_id": channel,
                "team_id": "team0000000000000000000001", "submission": submission,
                "cancelled": False}  # fmt: skip
        return httpx.post(dialog["url"], json=body, timeout=30)

    def react(self, user: str, post_id: str, emoji: str = "bookmark") -> None:
        reaction = {"user_id": user, "post_id": post_id, "emoji_name": emoji, "create_at": _now()}
        with self.changed:
            post = self.posts[post_id]
            post["metadata"].setdefault("reactions", []).append(reaction)
            post["update_at"] = reaction["create_at"]
        channel = post["channel_id"]
        self.emit("reaction_added", {"reaction": json.dumps(reaction)}, {"channel_id": channel})

    # --- checking against the description ---------------------------------------------

    def check(self, method: str, path: str, query: str, headers: Json, body: bytes,
              kind: str, status: int, answer: bytes) -> None:  # fmt: skip
        if self.api is None:
            return
        request = MockRequest(self.url, method.lower(), path, args=parse_qs(query),
                              headers=headers, data=body or None,
                              content_type=kind or "application/json")  # fmt: skip
        response = MockResponse(answer, status_code=status)
        api = self.api
        for check in (lambda: api.validate_request(request),
                      lambda: api.validate_response(request, response)):  # fmt: skip
            try:
                check()
            except Exception as error:  # recorded, and the test fails on it
                self.violations.append(f"{method} {path}: {type(error).__name__}: {error}"[:500])


def _command_problem(command: Any) -> str:
    """What a real server's `Command.IsValid` refuses (model/command.go), or ""."""
    if not isinstance(command, dict):
        return "api.command.invalid_body"
    trigger = str(command.get("trigger", ""))
    checks = [
        (1 <= len(trigger) <= 128 and not trigger.startswith("/") and " " not in trigger,
         "model.command.is_valid.trigger.app_error"),
        (command.get("method") in ("P", "G"), "model.command.is_valid.method.app_error"),
        (re.fullmatch(r"https?://\S+", str(command.get("url", ""))) is not None,
         "model.command.is_valid.url_http.app_error"),
        (len(str(command.get("display_name", ""))) <= 64,
         "model.command.is_valid.display_name.app_error"),
        (len(str(command.get("description", ""))) <= 128,
         "model.command.is_valid.description.app_error"),
        (len(str(command.get("auto_complete_desc", ""))) <= 1024,
         "model.command.is_valid.autocomplete_data.app_error"),
        (len(str(command.get("auto_complete_hint", ""))) <= 1024,
         "model.command.is_valid.autocomplete_data.app_error"),
        (len(str(command.get("username", ""))) <= 64,
         "model.command.is_valid.username.app_error"),
        (isinstance(command.get("auto_complete", False), bool),
         "model.command.is_valid.autocomplete.app_error"),
    ]  # fmt: skip
    return next((error for ok, error in checks if not ok), "")


def _dialog_fits(dialog: Json) -> bool:
    """A server's limits on a dialog: title and labels 24, text 150, textarea 3,000."""
    limits = {"text": 150, "textarea": 3000, "select": 3000}
    elements = dialog.get("elements") or []
    return (
        len(dialog.get("title", "")) <= 24
        and len(elements) <= 5
        and all(
            len(e.get("display_name", "")) <= 24
            and e.get("type") in limits
            and int(e.get("max_length") or 0) <= limits[e["type"]]
            and len(str(e.get("default") or "")) <= limits[e["type"]]
            for e in elements
        )
    )


def for_client(post: Json) -> Json:
    """A post as the server sends it to anyone: buttons without their `integration`.

    Mattermost keeps a button's URL and context to itself and calls the integration
    with them when the button is pressed, so no client ever sees a context.
    """
    shown = copy.deepcopy(post)
    for attachment in (shown.get("props") or {}).get("attachments") or []:
        for action in attachment.get("actions") or []:
            action.pop("integration", None)
    return shown


def _now() -> int:
    return int(time.time() * 1000)


def _error(status: int, error_id: str) -> Json:
    return {"id": error_id, "message": error_id, "status_code": status, "request_id": "r"}


def _multipart(body: bytes, kind: str) -> Json:
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {kind}\r\n\r\n".encode() + body
    )
    found: Json = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        filename = part.get_filename()
        payload = part.get_payload(decode=True)
        payload = payload if isinstance(payload, bytes) else b""
        if filename:
            found[str(name)] = (filename, payload, part.get_content_type())
        else:
            found[str(name)] = payload.decode()
    return found


def _handler(fake: FakeMattermost) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # As Go's net/http does: without it, a keep-alive answer's body waits for the
        # client's delayed ACK of its headers (40 ms a call).
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path.startswith("/api/v4/websocket"):
                return self._websocket()
            self._api("GET", b"")

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path.startswith("/hooks/commands/"):
                with fake.changed:
                    fake.responses.append(json.loads(body))
                    fake.responded_at.setdefault(self.path, time.monotonic())
                    fake.changed.notify_all()
                return self._send(200, b"", "text/plain")
            self._api("POST", body)

        def do_PUT(self) -> None:
            self._api("PUT", self.rfile.read(int(self.headers.get("Content-Length") or 0)))

        def _api(self, method: str, body: bytes) -> None:
            parts = urlsplit(self.path)
            fake.calls.append((method, parts.path))
            kind = self.headers.get("Content-Type") or ""
            if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                expired = json.dumps(_error(401, "api.context.session_expired.app_error"))
                return self._send(401, expired.encode(), "application/json")
            if method == "POST" and parts.path == "/api/v4/posts":
                time.sleep(fake.post_seconds)
                target = json.loads(body).get("channel_id") if body else ""
                if fake.posts_down or target in fake.refusing:
                    status = 503 if fake.posts_down else 500
                    refused = json.dumps(_error(status, "app.post.save.app_error")).encode()
                    return self._send(status, refused, "application/json")
            failure = fake.take_failure(method, parts.path)
            if failure is not None and failure.after_storing:
                parsed = json.loads(body) if body and "json" in kind else {}
                fake.answer(method, parts.path, {}, parsed, {})  # stored …
                if failure.after_storing == "timeout":
                    time.sleep(fake.hang_seconds)  # … and the client gives up waiting
                self.close_connection = True  # … and no answer ever comes
                with suppress(OSError):
                    self.connection.shutdown(socket.SHUT_RDWR)
                return None
            if failure is not None:  # planned: a server error or a rate limit, not described
                refused = json.dumps(_error(failure.status, failure.error_id)).encode()
                retry = {"Retry-After": failure.retry_after} if failure.retry_after else {}
                return self._send(failure.status, refused, "application/json", retry)
            files: Json = _multipart(body, kind) if kind.startswith("multipart/") else {}
            parsed = json.loads(body) if body and "json" in kind else {}
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            status, payload = fake.answer(method, parts.path, query, parsed, files)
            answer = json.dumps(payload).encode()
            headers = {k: v for k, v in self.headers.items()}
            fake.check(method, parts.path, parts.query, headers, body, kind, status, answer)
            self._send(status, answer, "application/json")

        def _websocket(self) -> None:
            if fake.down:
                return self._send(503, b"", "text/plain")
            key = (self.headers.get("Sec-WebSocket-Key") or "").encode()
            self.send_response(101, "Switching Protocols")
            self.send_header("Upgrade", "websocket")
            self.send_header("Connection", "Upgrade")
            self.send_header("Sec-WebSocket-Accept", accept_key(key).decode())
            self.end_headers()
            self.wfile.flush()
            query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
            with suppress(ConnectionError, OSError, ValueError):
                fake.serve_websocket(self.connection, query)
            self.close_connection = True

        def _send(self, status: int, body: bytes, kind: str, headers: Json | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

    return Handler


@contextmanager
def running() -> Iterator[FakeMattermost]:
    fake = FakeMattermost()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_port}"
    fake.api = _spec()
    fake.add_user(BOT_ID, "ciso-bot", "CISO-netwerk", "bot")
    fake.add_channel("chanalgemeen00000000000001", "algemeen")
    fake.add_channel("chanwerkgroep0000000000001", "werkgroep")
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.drop()
        server.shutdown()
        server.server_close()
