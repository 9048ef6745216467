"""A small threaded HTTP server for a chat platform's WSGI app (events, health)."""

from __future__ import annotations

import logging
import socketserver
from collections.abc import Callable, Iterable
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

log = logging.getLogger(__name__)

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def make(host: str, port: int, app: WSGIApp) -> WSGIServer:
    """A server for `app` (call `serve_forever`); each request in its own thread."""
    return make_server(host, port, app, server_class=ThreadingServer, handler_class=QuietHandler)


class ThreadingServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        log.debug("http %s", format % args)
