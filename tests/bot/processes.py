"""Child processes that tests start are always stopped: on success, failure or timeout."""

from __future__ import annotations

import random
import signal
import socket
import subprocess
from pathlib import Path
from typing import Any

_CHOOSE = random.SystemRandom()


def free_port() -> int:
    """A free port for a child process to listen on, chosen below the kernel's ephemeral
    range: between this choice and the child's bind, no fake server or client socket
    of another test can take it (those get ephemeral ports, 32768–60999 on Linux);
    only another test choosing the same port at random could."""
    low = 32768
    with_range = Path("/proc/sys/net/ipv4/ip_local_port_range")
    if with_range.exists():
        low = int(with_range.read_text().split()[0])
    while True:
        port = _CHOOSE.randrange(10_000, max(low, 10_001))
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port


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
