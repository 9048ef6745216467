"""Mattermost's WebSocket API: events in, with reconnects that lose and repeat nothing.

Connects to `/api/v4/websocket`, answers the `authentication_challenge` with the bot
token, and hands every event to `on_event`. After a drop it waits (1, 2, 5, 10, 30,
then 60 seconds) and resumes with the `connection_id` and the next
`sequence_number`, so the server replays what it sent meanwhile; an event seen
twice (by its `seq`) is dropped. When the server cannot resume (its `hello` brings a
new `connection_id`), events may have been missed: `on_gap` is told, to catch up
over REST.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

from websockets.exceptions import WebSocketException
from websockets.sync.client import ClientConnection, connect

log = logging.getLogger(__name__)

BACKOFF = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)
Event = dict[str, Any]


class AuthenticationFailed(Exception):
    pass


class Listener:
    def __init__(
        self,
        url: str,
        token: str,
        on_event: Callable[[Event], None],
        on_gap: Callable[[], None],
        *,
        backoff: Sequence[float] = BACKOFF,
    ) -> None:
        self.ws_url = "ws" + url.removeprefix("http").rstrip("/") + "/api/v4/websocket"
        self._token = token
        self._on_event = on_event
        self._on_gap = on_gap
        self._backoff = backoff
        self.connection_id = ""
        self.last_seq = -1
        self.connected = threading.Event()  # set while a session is open and greeted
        self.sessions = 0  # greeted sessions so far (a test waits for the next one)
        self._stop = threading.Event()
        self._ws: ClientConnection | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self.run, name="mattermost-ws", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        ws = self._ws
        if ws is not None:
            ws.close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            greeted = self.sessions
            try:
                self._session()
            except AuthenticationFailed:
                log.error("Mattermost refused the bot token on the WebSocket; retrying")
            except (OSError, TimeoutError, WebSocketException, ValueError) as error:
                log.warning("Mattermost WebSocket dropped: %s", type(error).__name__)
            self.connected.clear()
            if self._stop.is_set():
                return
            failures = 0 if self.sessions > greeted else failures + 1
            delay = self._backoff[min(failures, len(self._backoff) - 1)]
            self._stop.wait(delay)

    def _session(self) -> None:
        url = self.ws_url
        if self.connection_id:
            url += "?" + urlencode(
                {"connection_id": self.connection_id, "sequence_number": self.last_seq + 1}
            )
        with connect(url, open_timeout=10, close_timeout=2, max_size=2**24) as ws:
            self._ws = ws
            ws.send(json.dumps({"seq": 1, "action": "authentication_challenge",
                                "data": {"token": self._token}}))  # fmt: skip
            for raw in ws:
                self._receive(json.loads(raw))
                if self._stop.is_set():
                    return

    def _receive(self, message: Event) -> None:
        if "seq_reply" in message:
            if message.get("status") != "OK":
                raise AuthenticationFailed(str(message.get("error") or ""))
            return
        if message.get("event") == "hello":
            found = str((message.get("data") or {}).get("connection_id", ""))
            resumed = bool(self.connection_id) and found == self.connection_id
            if self.connection_id and not resumed:
                log.warning("Mattermost could not resume the WebSocket: catching up over REST")
                self._gap()
            if not resumed:
                self.last_seq = int(message.get("seq") or 0)
            self.connection_id = found
            self.sessions += 1
            self.connected.set()
            return
        seq = message.get("seq")
        if isinstance(seq, int):
            if seq <= self.last_seq:
                return  # replayed, already handled
            self.last_seq = seq
        try:
            self._on_event(message)
        except Exception:
            log.exception("handling a Mattermost event failed")

    def _gap(self) -> None:
        try:
            self._on_gap()
        except Exception:
            log.exception("catching up after a WebSocket gap failed")
