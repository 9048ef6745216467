"""The HTTP server for a chat platform's endpoints (Slack events, Mattermost callbacks).

These endpoints face the network, so they run on waitress rather than wsgiref: it is
pure Python (no build step on a municipal server), kept by the Pylons project, and made
for this. Its IO thread reads a request completely before a worker thread sees it, so a
client that sends headers and then nothing holds a socket, not a thread; it limits the
number of connections, closes idle ones, refuses a body larger than the cap from its
`Content-Length` before reading it (413), and answers a malformed request with 400.
Waitress logs nothing of a request's body.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from waitress.server import create_server

log = logging.getLogger(__name__)

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

# Slack's and Mattermost's payloads are a few kilobytes; a form with 20,000 characters
# of text stays far below this.
MAX_BODY = 1_000_000
MAX_HEADERS = 32_768
CONNECTIONS = 1000  # open connections at once (idle ones cost a socket, not a thread)
IDLE_SECONDS = 20  # a connection that sends nothing for this long is closed
THREADS = 4  # requests handled at once (the work itself runs on the adapter's pool)


class Server:
    """A running endpoint: `serve_forever` in one thread, `shutdown` from another."""

    def __init__(self, app: WSGIApp, host: str, port: int) -> None:
        self._server: Any = create_server(
            app,
            host=host,
            port=port,
            threads=THREADS,
            connection_limit=CONNECTIONS,
            channel_timeout=IDLE_SECONDS,
            cleanup_interval=5,
            max_request_body_size=MAX_BODY,
            max_request_header_size=MAX_HEADERS,
            backlog=1024,
            expose_tracebacks=False,
            ident="ciso-bot",
        )
        self._stopped = threading.Event()

    @property
    def server_port(self) -> int:
        return int(self._server.effective_port)

    def serve_forever(self) -> None:
        """Serve until `shutdown`; requests already read are finished first."""
        try:
            self._server.run()
        except OSError:  # the sockets closed under the loop by `shutdown`
            if not self._stopped.is_set():
                raise

    def shutdown(self) -> None:
        """Stop taking requests and wait (briefly) for those in progress."""
        if self._stopped.is_set():
            return
        self._stopped.set()
        self._server.close()

    def server_close(self) -> None:
        self.shutdown()


def make(host: str, port: int, app: WSGIApp) -> Server:
    """A server for `app` on `host:port` (port 0: any free port)."""
    return Server(app, host, port)
