"""A minimal Slack Socket Mode endpoint: a WebSocket server on 127.0.0.1.

Speaks just enough RFC 6455 for slack_sdk's built-in client: the handshake, text
frames both ways (the client's are masked), ping/pong and close. It greets with
Slack's `hello`, sends the envelopes a test queues, and records the client's acks.
Like Slack, it takes a new connection at any time (a client that reconnects, or a
second one); envelopes go to the newest.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tests.bot.websocket_frames import accept_key, frame, read_frame


@dataclass
class FakeSocketMode:
    port: int = 0
    acks: list[dict[str, Any]] = field(default_factory=list)
    acked_at: dict[str, float] = field(default_factory=dict)  # envelope id → time.monotonic()
    changed: threading.Condition = field(default_factory=threading.Condition)
    _sending: threading.Lock = field(default_factory=threading.Lock)  # one frame at a time
    _conn: socket.socket | None = None
    _connected: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/link/?ticket=test-ticket&app_id=A0CISOBOT"

    def send(self, envelope: dict[str, Any]) -> None:
        assert self._connected.wait(10), "the client did not connect"
        assert self._conn is not None
        data = frame(json.dumps(envelope).encode())
        with self._sending:
            self._conn.sendall(data)

    def wait_for_ack(self, envelope_id: str, timeout: float = 10) -> dict[str, Any]:
        with self.changed:
            self.changed.wait_for(
                lambda: any(a.get("envelope_id") == envelope_id for a in self.acks), timeout
            )
            return next(a for a in self.acks if a.get("envelope_id") == envelope_id)

    def serve(self, listener: socket.socket) -> None:
        """Accept connections until the listener closes, each in a thread of its own."""
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, conn: socket.socket) -> None:
        request = b""
        while b"\r\n\r\n" not in request:
            try:
                chunk = conn.recv(4096)
            except OSError:
                chunk = b""
            if not chunk:  # gone before its handshake was complete
                conn.close()
                return
            request += chunk
        key = next(
            line.split(b":", 1)[1].strip()
            for line in request.split(b"\r\n")
            if line.lower().startswith(b"sec-websocket-key")
        )
        accept = accept_key(key)
        conn.sendall(
            b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            b"Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + b"\r\n\r\n"
        )
        self._conn = conn
        hello = {"type": "hello", "num_connections": 1,
                 "debug_info": {"host": "fake", "approximate_connection_time": 3600},
                 "connection_info": {"app_id": "A0CISOBOT"}}  # fmt: skip
        conn.sendall(frame(json.dumps(hello).encode()))
        self._connected.set()
        try:
            while True:
                opcode, data = read_frame(conn)
                if opcode == 0x8:  # close
                    conn.sendall(frame(data[:2], 0x8))
                    return
                if opcode == 0x9:  # ping
                    conn.sendall(frame(data, 0xA))
                elif opcode == 0x1:
                    ack = json.loads(data)
                    with self.changed:
                        self.acks.append(ack)
                        self.acked_at[str(ack.get("envelope_id", ""))] = time.monotonic()
                        self.changed.notify_all()
        except (ConnectionError, OSError, ValueError):
            return
        finally:
            conn.close()


@contextmanager
def socket_mode() -> Iterator[FakeSocketMode]:
    fake = FakeSocketMode()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    fake.port = listener.getsockname()[1]
    thread = threading.Thread(target=fake.serve, args=(listener,), daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        listener.close()
