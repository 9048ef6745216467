"""Child processes that tests start are always stopped: on success, failure or timeout."""

from __future__ import annotations

import signal
import subprocess
from typing import Any


def stop(
    process: subprocess.Popen[str], signum: int | None = signal.SIGINT, timeout: float = 30
) -> str:
    """Stop `process` as an operator would (`signum`; None: it was sent already), and
    return what it wrote to stderr.

    One that does not stop within `timeout` is killed, so that no test leaves a bot
    running; the test then fails, saying so.
    """
    if signum is not None and process.poll() is None:
        process.send_signal(signum)
    try:
        _out, errors = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        _out, errors = process.communicate()
        raise AssertionError(f"did not stop within {timeout} s of signal {signum}") from None
    return errors or ""


def gone(process: subprocess.Popen[Any]) -> None:
    """Kill `process` if it still runs (for a `finally` after a failed assertion)."""
    if process.poll() is None:
        process.kill()
        process.wait(timeout=30)
