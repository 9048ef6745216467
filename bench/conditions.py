"""What a benchmark ran under, printed with its figures: the machine, its load, its speed.

This project's machines vary in speed from hour to hour; a figure is only comparable
with figures of the same run. `probe_ms` times a fixed piece of pure Python so that
two runs can at least say whether the machine was equally fast.
"""

from __future__ import annotations

import os
import platform
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def probe_ms() -> float:
    """Milliseconds for a fixed CPU-bound loop (best of three)."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        sum(range(3_000_000))
        best = min(best, time.perf_counter() - started)
    return best * 1000


def commit() -> str:
    try:
        found = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True, text=True, timeout=5, check=False,
        )  # fmt: skip
    except OSError:
        return "?"
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True, text=True, timeout=5, check=False,
    ).stdout.strip()  # fmt: skip
    return (found.stdout.strip() or "?") + (" with uncommitted changes" if dirty else "")


def describe() -> str:
    """One line: commit, Python, cores, load average and the CPU probe."""
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"conditions: commit {commit()}, Python {platform.python_version()} on "
        f"{platform.machine()}, {os.cpu_count()} cores, load average {load}, "
        f"CPU probe {probe_ms():.0f} ms (compare figures within one run only)"
    )
