"""Logging that never carries what people wrote, a secret or a request body.

The platform libraries log request bodies and message texts (slack_bolt at INFO when a
signature is wrong, slack_sdk every posted text at DEBUG, websockets the Authorization
header at DEBUG): their loggers are kept at WARNING whatever `LOG_LEVEL` says. Every
line goes through one filter that replaces configured secrets and escapes control
characters, so that user-controlled text can never forge a log line.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

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


def configure(level: str | int, secrets: Iterable[str]) -> None:
    """Log to standard error at `level`, the chatty libraries at WARNING at most."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(Hygiene(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in CHATTY:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLogger().level))
