"""A small Slack Web API on 127.0.0.1 that records what the bot calls and answers like Slack.

Every method the bot may call is described in `slack_api/` (from slack-ruby's
slack-api-ref, MIT): the fake refuses calls without their required arguments and
methods it does not know, checks the bearer token, and answers with Slack's shapes.
It hands out loopback URLs where Slack hands out absolute ones (file uploads,
`response_url`), and can be told to rate-limit or fail a method once.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

API = Path(__file__).parent / "slack_api"
TOKEN = "xoxb-test-token"
JSON_FIELDS = ("blocks", "view", "metadata", "files", "attachments")


def _required() -> dict[str, list[str]]:
    found = {}
    for path in API.glob("*.json"):
        method = json.loads(path.read_text(encoding="utf-8"))
        found[method["name"]] = [k for k, v in method.get("args", {}).items() if v.get("required")]
    return found


REQUIRED = _required()


@dataclass
class Call:
    method: str
    args: dict[str, Any]


@dataclass
class FakeSlack:
    """The recorded calls, the workspace's users and messages, and planned failures."""

    calls: list[Call] = field(default_factory=list)
    responses: list[dict[str, Any]] = field(default_factory=list)  # posted to response_url
    responded_at: dict[str, float] = field(default_factory=dict)  # its path → time.monotonic()
    uploads: dict[str, bytes] = field(default_factory=dict)
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    messages: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    posted: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # by channel
    private_channels: set[str] = field(default_factory=set)
    failures: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    held: dict[str, threading.Event] = field(default_factory=dict)  # answered when set
    post_seconds: float = 0.0  # how long each chat.postMessage takes (a slow API)
    # Calls of these methods are carried out, then the connection closes without an
    # answer (a proxy or a network that dropped it): the client cannot know.
    dropped: list[str] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)
    port: int = 0
    socket_url: str = ""  # what apps.connections.open hands out (Socket Mode)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def response_url(self, n: int = 1) -> str:
        return f"{self.url}/respond/{n}"

    def add_user(self, user_id: str, name: str, tz: str = "Europe/Amsterdam") -> None:
        self.users[user_id] = {
            "id": user_id,
            "team_id": "T0GEMEENTE",
            "name": name.lower().split()[0],
            "real_name": name,
            "tz": tz,
            "tz_label": "Central European Time",
            "tz_offset": 3600,
            "is_bot": False,
            "profile": {"real_name": name, "display_name": name, "team": "T0GEMEENTE"},
        }

    def hold(self, method: str) -> threading.Event:
        """Calls of `method` wait until the returned event is set (a slow Slack)."""
        self.held[method] = threading.Event()
        return self.held[method]

    def fail(self, method: str, status: int = 200, error: str = "internal_error") -> None:
        """The next call of `method` fails: HTTP 429 (rate limited) or `ok: false`."""
        self.failures.setdefault(method, []).append((status, error))

    def of(self, method: str) -> list[dict[str, Any]]:
        with self.changed:
            return [c.args for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10) -> list[dict[str, Any]]:
        """The calls of `method`, once there are `count` (the bot works after its ack)."""
        with self.changed:
            self.changed.wait_for(
                lambda: sum(c.method == method for c in self.calls) >= count, timeout
            )
        found = self.of(method)
        assert len(found) >= count, f"{method}: {len(found)} calls, expected {count}"
        return found

    def wait_for_response(self, count: int = 1, timeout: float = 10) -> list[dict[str, Any]]:
        with self.changed:
            self.changed.wait_for(lambda: len(self.responses) >= count, timeout)
        assert len(self.responses) >= count, f"{len(self.responses)} responses, expected {count}"
        return list(self.responses)

    # --- answering ------------------------------------------------------------------

    def posts_by_key(self) -> dict[str, int]:
        """How often each keyed message of the bot was posted (`reminder:12` → 1)."""
        counted: dict[str, int] = {}
        with self.changed:
            for messages in self.posted.values():
                for message in messages:
                    payload = (message.get("metadata") or {}).get("event_payload") or {}
                    if key := payload.get("message"):
                        counted[key] = counted.get(key, 0) + 1
        return counted

    def answer(self, method: str, args: dict[str, Any], token: str) -> tuple[int, dict[str, Any]]:
        if method == "chat.postMessage":
            time.sleep(self.post_seconds)
        if method in self.held:
            self.held[method].wait(30)
        planned = self.failures.get(method)
        if planned:
            status, error = planned.pop(0)
            return status, {"ok": False, "error": error}
        if method == "apps.connections.open" and self.socket_url:
            # Socket Mode: the app-level token, not the bot token, asks for a URL.
            return 200, {"ok": True, "url": self.socket_url}
        if method not in REQUIRED:
            return 200, {"ok": False, "error": "unknown_method"}
        if token != TOKEN:
            return 200, {"ok": False, "error": "invalid_auth"}
        missing = [a for a in REQUIRED[method] if a not in args]
        if missing and not (method == "conversations.open" and "users" in args):
            return 200, {"ok": False, "error": "invalid_arguments", "missing": missing}
        with self.changed:
            self.calls.append(Call(method, args))
            self.changed.notify_all()
        return 200, self._result(method, args)

    def _result(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        ts = f"1764400000.{len(self.calls):06d}"
        if method == "auth.test":
            return {"ok": True, "url": "https://gemeenten.slack.com/", "team": "Gemeenten",
                    "user": "cisobot", "team_id": "T0GEMEENTE", "user_id": "UBOT",
                    "bot_id": "BBOT"}  # fmt: skip
        if method == "chat.postMessage":
            message = {"type": "message", "text": args.get("text", ""), "user": "UBOT", "ts": ts}
            if args.get("blocks"):  # Slack hands the blocks back with the message
                blocks = args["blocks"]
                message["blocks"] = json.loads(blocks) if isinstance(blocks, str) else blocks
            if args.get("metadata"):
                metadata = args["metadata"]
                message["metadata"] = (
                    json.loads(metadata) if isinstance(metadata, str) else metadata
                )
            with self.changed:
                self.posted.setdefault(args["channel"], []).insert(0, message)
            return {"ok": True, "channel": args["channel"], "ts": ts, "message": message}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(args["users"]).lstrip("U")}}
        if method == "conversations.info":
            channel = str(args["channel"])
            private = channel in self.private_channels or channel[:1] in ("D", "G")
            return {"ok": True, "channel": {"id": channel, "is_private": private,
                                            "is_im": channel.startswith("D")}}  # fmt: skip
        if method == "users.info":
            user = self.users.get(args["user"])
            return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}
        if method == "chat.getPermalink":
            channel, stamp = args["channel"], str(args["message_ts"]).replace(".", "")
            link = f"https://gemeenten.slack.com/archives/{channel}/p{stamp}"
            return {"ok": True, "channel": channel, "permalink": link}
        if method in ("conversations.history", "conversations.replies"):
            key = (args["channel"], str(args.get("latest") or args.get("ts")))
            if key in self.messages:
                return {"ok": True, "messages": [self.messages[key]], "has_more": False}
            inclusive = str(args.get("inclusive")).lower() in ("true", "1")
            if args.get("latest") and inclusive:  # one message, by its ts (a thread's parent)
                same = [m for m in self.posted.get(args["channel"], []) if m["ts"] == key[1]]
                return {"ok": True, "messages": same[:1], "has_more": False}
            with_metadata = str(args.get("include_all_metadata")).lower() in ("true", "1")
            recent = self.posted.get(args["channel"], [])[: int(args.get("limit") or 100)]
            if not with_metadata:
                recent = [{k: v for k, v in m.items() if k != "metadata"} for m in recent]
            return {"ok": True, "messages": recent, "has_more": False}
        if method in ("views.open", "views.publish", "views.update"):
            return {"ok": True, "view": {"id": "V0VIEW", **args["view"]}}
        if method == "files.getUploadURLExternal":
            # Each request gets its own file (several are asked for before any upload).
            file_id = f"F{len(self.of('files.getUploadURLExternal')):08d}"
            return {"ok": True, "upload_url": f"{self.url}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = args["files"] if isinstance(args["files"], list) else json.loads(args["files"])
            return {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in files]}
        return {"ok": True}


def _parse(body: bytes, content_type: str) -> dict[str, Any]:
    if "json" in content_type:
        return dict(json.loads(body or b"{}"))
    args: dict[str, Any] = {k: v[0] for k, v in parse_qs(body.decode()).items()}
    for name in JSON_FIELDS:
        if isinstance(args.get(name), str):
            with suppress(ValueError):
                args[name] = json.loads(args[name])
    return args


def _handler(fake: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path.startswith("/upload/"):
                fake.uploads[self.path.rsplit("/", 1)[1]] = body
                return self._send(200, b"OK - " + str(len(body)).encode(), "text/plain")
            if self.path.startswith("/respond/"):
                with fake.changed:
                    fake.responses.append(json.loads(body))
                    fake.responded_at.setdefault(self.path, time.monotonic())
                    fake.changed.notify_all()
                return self._send(200, b"ok", "text/plain")
            method = self.path.removeprefix("/api/")
            token = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
            args = _parse(body, self.headers.get("Content-Type") or "")
            status, payload = fake.answer(method, args, token)
            if method in fake.dropped:
                fake.dropped.remove(method)
                self.close_connection = True
                with suppress(OSError):
                    self.connection.shutdown(socket.SHUT_RDWR)
                return None
            headers = {"Retry-After": "0"} if status == 429 else {}
            self._send(status, json.dumps(payload).encode(), "application/json", headers)

        def _send(
            self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

    return Handler


@contextmanager
def running() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.port = server.server_port
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
