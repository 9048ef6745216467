"""The command line as a test runs it: in-process (fast), or as a real process.

`run_cli` calls `bot.cli.main.main` in this process with only the given environment, the
test's folder as the working folder, and standard input, output and error captured, as
a new process would have them. Tests that need a real process (a terminal, signals,
two processes at once) use `run_process`.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import traceback
from pathlib import Path

from bot.cli import main as cli
from tests.template import database_url


def _environment(tmp_path: Path, env: dict[str, str] | None) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", ""),
        "DATABASE_URL": database_url(tmp_path / "bot.sqlite3"),
        "LOG_LEVEL": "WARNING",
        **(env or {}),
    }


def run_cli(
    tmp_path: Path, *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`ciso-bot ARGS` in this process; its exit code and what it wrote."""
    argv = ["--env-file", str(tmp_path / "none.env"), *args]
    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_cwd, saved_stdin = dict(os.environ), Path.cwd(), sys.stdin
    os.environ.clear()
    os.environ.update(_environment(tmp_path, env))
    os.chdir(tmp_path)
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as leaving:  # argparse: --help, a bad option
                code = leaving.code if isinstance(leaving.code, int) else 1
            except Exception:  # as a process would: the traceback on stderr, exit 1
                traceback.print_exc(file=err)
                code = 1
    finally:
        sys.stdin = saved_stdin
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["ciso-bot", *args], code, out.getvalue(), err.getvalue())


def run_process(
    tmp_path: Path, *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`ciso-bot ARGS` as a new process, for what only a real process shows."""
    return subprocess.run(
        [sys.executable, "-m", "bot", "--env-file", str(tmp_path / "none.env"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=_environment(tmp_path, env),
        timeout=60,
        cwd=tmp_path,
    )
