"""Logging that never carries what people wrote, a secret or a request body.

The platform libraries log request bodies and message texts (slack_bolt at INFO when a
signature is wrong, slack_sdk every posted text at DEBUG, websockets the Authorization
header at DEBUG): their loggers are kept at WARNING whatever `LOG_LEVEL` says. Every
line goes through one filter that replaces configured secrets and escapes control
characters, so that user-controlled text can never forge a log line.

`LOG_FORMAT=json` writes one JSON object a line for a log collector: the time in ISO
8601 with its offset, the level, the logger, the message, and the request id while a
request from a chat platform is handled.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sys
import uuid
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from datetime import datetime

# Libraries that log payloads, texts or credentials below WARNING.
CHATTY = (
    "slack_bolt",
    "slack_sdk",
    "websockets",
    "httpx",
    "httpcore",
    "urllib3",
    "waitress",
    "alembic",
    "apscheduler",
)
HIDDEN = "[verborgen]"
_CONTROLS = {code: f"\\x{code:02x}" for code in (*range(0x20), 0x7F)}
_CONTROLS.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})
_CONTROLS.update({code: f"\\u{code:04x}" for code in (0x2028, 0x2029, 0x85)})


def safe_log_text(text: str, limit: int = 200) -> str:
    """`text` on one line, control characters escaped, cut at `limit`: fit for a log line."""
    return text[:limit].translate(_CONTROLS)


class Hygiene(logging.Filter):
    """Replaces secrets and escapes control characters in every formatted message."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        # Short values would blank out ordinary words; real tokens are long.
        self.secrets = sorted({s for s in secrets if len(s) >= 8}, key=len, reverse=True)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        for secret in self.secrets:
            message = message.replace(secret, HIDDEN)
        record.msg, record.args = safe_log_text(message, 4000), None
        return True


# The request being handled on this thread (a slash command, a button, an event).
REQUEST_ID: ContextVar[str | None] = ContextVar("request_id", default=None)


@contextlib.contextmanager
def request(given: str | None = None) -> Iterator[str]:
    """Log lines written inside carry a request id: `given` (a header), else a new one."""
    given = given if given and len(given) <= 64 and given.isprintable() else None
    token = REQUEST_ID.set(safe_log_text(given, 64) if given else uuid.uuid4().hex[:12])
    try:
        yield str(REQUEST_ID.get())
    finally:
        REQUEST_ID.reset(token)


class JsonLines(logging.Formatter):
    """One JSON object a line; the message has been through `Hygiene` already."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created)
            .astimezone()
            .isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if (request_id := REQUEST_ID.get()) is not None:
            entry["request_id"] = request_id
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class Text(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        request_id = REQUEST_ID.get()
        return f"{line} [request {request_id}]" if request_id else line


def configure(level: str | int, secrets: Iterable[str], form: str = "text") -> None:
    """Log to standard error at `level`, the chatty libraries at WARNING at most."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines() if form == "json" else Text())
    handler.addFilter(Hygiene(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in CHATTY:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLogger().level))
