"""How long the command line takes to answer `--help`, `--version`, a check and one command.

What an administrator waits for at a prompt: a new Python process each time, as the
shell starts it. Compared in the same run with a bare `python -c pass` (the floor) and
with importing the whole application (what every `--help` cost before the parser was
made to load nothing else). Prints the median and worst of `--runs` runs each.

Run: `python bench/cli_start.py` (or `--runs 20`).
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]
HELPS = ["run", "console", "check", "migrate", "demo", "export", "import", "backup", "tick",
         "reminders", "digest", "rapport", "knelpunten", "actions", "mattermost"]  # fmt: skip


def _time(
    command: list[str], runs: int, env: dict[str, str], typed: str = ""
) -> tuple[float, float]:
    taken = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=env, cwd=ROOT, input=typed,
                       text=True)  # fmt: skip
        taken.append(time.perf_counter() - started)
    return statistics.median(taken), max(taken)


def _until_it_answers(bot: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """`ciso-bot run` on Mattermost (a local fake server), from the process's start to
    its first answer to a slash command."""
    sys.path.insert(0, str(ROOT))
    import httpx

    from tests.bot import fake_mattermost

    taken = []
    with fake_mattermost.running() as fake:
        for _ in range(runs):
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = int(probe.getsockname()[1])
            mattermost = {
                **env,
                "MATTERMOST_URL": fake.url,
                "MATTERMOST_TOKEN": fake_mattermost.TOKEN,
                "MATTERMOST_COMMAND_TOKENS": fake_mattermost.COMMAND_TOKENS_SETTING,
            }
            started = time.perf_counter()
            process = subprocess.Popen(
                [*bot, "run", "--host", "127.0.0.1", "--port", str(port)],
                env=mattermost,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                while True:
                    try:
                        answer = fake.slash(f"http://127.0.0.1:{port}", "usrnobody", "ciso", "help")
                        if answer.status_code == 200:
                            break
                    except httpx.TransportError:
                        time.sleep(0.005)  # polling for the port to open
                taken.append(time.perf_counter() - started)
            finally:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)
    return statistics.median(taken), max(taken)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ciso-cli-"))
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / 'bot.sqlite3'}",
           "LOG_LEVEL": "WARNING"}  # fmt: skip
    bot = [sys.executable, "-m", "bot", "--env-file", str(folder / "none.env")]
    subprocess.run([*bot, "migrate"], capture_output=True, check=True, env=env)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores, "
          f"load average {load}; median and worst of {args.runs} new processes each. This "
          "machine's speed varies from hour to hour: compare rows of one run (the floors "
          "below), not runs")  # fmt: skip
    rows = [
        ("python -c pass (floor)", [sys.executable, "-c", "pass"]),
        ("import the whole application (before)",
         [sys.executable, "-c",
          "import bot.app, bot.slack.adapter, bot.mattermost.adapter, bot.cli.tools"]),
        ("ciso-bot --version", [*bot, "--version"]),
        ("ciso-bot --help", [*bot, "--help"]),
        *((f"ciso-bot {name} --help", [*bot, name, "--help"]) for name in HELPS),
        ("ciso-bot check (console install)", [*bot, "check"]),
        ("floor with the ORM: import sqlalchemy, models",
         [sys.executable, "-c",
          "import storage.models, sqlalchemy.orm as o; o.configure_mappers()"]),
        ("ciso-bot console, one command (/ciso ik)", [*bot, "console"]),
    ]  # fmt: skip
    worst_help = 0.0
    for label, command in rows:
        typed = "/ciso ik\n" if command[-1] == "console" else ""
        median, worst = _time(command, args.runs, env, typed)
        if "--help" in command or "--version" in command:
            worst_help = max(worst_help, worst)
        print(f"  {label:<42} {median * 1000:7.0f} ms   worst {worst * 1000:6.0f} ms")
    print(f"slowest --help/--version of all: {worst_help * 1000:.0f} ms (target: well under 500)")
    median, worst = _until_it_answers(bot, env, max(3, args.runs // 2))
    label = "ciso-bot run (Mattermost) to its first answer"
    print(f"  {label:<42} {median * 1000:7.0f} ms   worst {worst * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
