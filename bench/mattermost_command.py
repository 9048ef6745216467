"""Mattermost: how long a member waits for the answer to a slash command.

Mattermost waits for a slash command's HTTP answer and shows it: the bot answers with
the command's result, so the HTTP answer is the member's wait (an answer that comes
later, on the command's `response_url`, is waited for too). `ciso-bot run` serves a
network of the demo members, each with a Mattermost account, plus `--items` knowledge
items more; the baseline is an endpoint that checks the token the same way and
answers nothing (`bench/bare_apps.py mattermost`): the floor of the HTTP stack. Both
are processes of their own; this process is the load generator and the fake
Mattermost (REST API and WebSocket), which knows every member. Members send a mix of
commands — searches, shows, shares, supports — from 1, 4 and 16 closed-loop clients;
rounds of the two alternate after a warm-up. Run: `python bench/mattermost_command.py`.
"""

from __future__ import annotations

import argparse
import http.client
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chat_load import (
    Command,
    Rounds,
    Sample,
    bot_process,
    cells,
    mix,
    percentile,
    prepare,
    start,
    stop,
    unique,
    wait_healthy,
)
from conditions import describe

from tests.bot.fake_mattermost import (
    COMMAND_TOKENS,
    COMMAND_TOKENS_SETTING,
    TOKEN,
    FakeMattermost,
    running,
)
from tests.bot.processes import free_port

BARE, BOT = "bare endpoint", "CISO bot"
KINDS = ("search", "show", "share", "support")


def mattermost_id(user_id: str) -> str:
    """A 26-character Mattermost user id for a demo member."""
    letters = "".join(c for c in user_id.lower() if c.isalnum())
    return ("usr" + letters + "0" * 26)[:26]


def sender(port: int, fake: FakeMattermost, bare: bool) -> Callable[[int, Command], Sample]:
    names = unique(f"{'bare' if bare else 'bot'}")

    def send(_n: int, command: Command) -> Sample:
        key = next(names)
        path = f"/hooks/commands/{key}"
        token = COMMAND_TOKENS["kennis" if bare else command.command]
        body = urlencode({
            "token": token, "team_id": "team0000000000000000000001", "team_domain": "regio",
            "channel_id": "chanalgemeen00000000000001", "channel_name": "algemeen",
            "user_id": command.user.user_id, "user_name": command.user.username,
            "command": "/kennis" if bare else f"/{command.command}", "text": command.text,
            "trigger_id": f"trigger{key}", "response_url": f"{fake.url}{path}",
        })  # fmt: skip
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "Authorization": f"Token {token}"}  # fmt: skip
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        started = time.monotonic()
        connection.request("POST", "/mattermost/command", body=body.encode(), headers=headers)
        response = connection.getresponse()
        answer = response.read()
        answered = time.monotonic()
        connection.close()
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}")
        ack = (answered - started) * 1000
        if bare or json.loads(answer or b"{}"):  # the answer itself (`{}`: none)
            return Sample(command.kind, ack, None if bare else ack)
        with fake.changed:  # answered later, on the command's response_url
            fake.changed.wait_for(lambda: path in fake.responded_at, 10)
            at = fake.responded_at.get(path)
        return Sample(command.kind, ack, None if at is None else (at - started) * 1000)

    return send


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=1200,
                        help="commands per app and concurrency")  # fmt: skip
    parser.add_argument("--concurrency", default="1,4,16")
    parser.add_argument("--rounds", type=int, default=6, help="alternating rounds per figure")
    parser.add_argument("--items", type=int, default=5000, help="knowledge items beyond the demo")
    args = parser.parse_args()
    levels = [int(c) for c in args.concurrency.split(",")]
    print(describe(), flush=True)
    with tempfile.TemporaryDirectory() as scratch, running() as fake:
        folder = Path(scratch)
        network = prepare(folder / "bench.sqlite3", "mattermost", mattermost_id, args.items)
        print(f"network: {len(network.accounts)} members with Mattermost accounts, "
              f"{len(network.items):,} knowledge items, {len(network.bottlenecks)} bottlenecks; "
              "SQLite on disk; the fake's checks against the API description off",
              flush=True)  # fmt: skip
        fake.api = None  # the load generator's own work, not the bot's
        for account in network.accounts:
            fake.add_user(account.user_id, account.username, account.name)
        bot_port, bare_port = free_port(), free_port()
        bot = bot_process({"DATABASE_URL": f"sqlite:///{network.path}", "MATTERMOST_URL": fake.url,
                           "MATTERMOST_TOKEN": TOKEN,
                           "MATTERMOST_COMMAND_TOKENS": COMMAND_TOKENS_SETTING},
                          folder, "--host", "127.0.0.1", "--port", str(bot_port))  # fmt: skip
        bare = start([sys.executable, str(Path(__file__).with_name("bare_apps.py")), "mattermost",
                      str(bare_port)], {"MATTERMOST_COMMAND_TOKEN": COMMAND_TOKENS["kennis"]},
                     folder)  # fmt: skip
        try:
            wait_healthy(bot_port, bot)
            wait_healthy(bare_port, bare)
            apps = [(BARE, sender(bare_port, fake, bare=True)),
                    (BOT, sender(bot_port, fake, bare=False))]  # fmt: skip
            Rounds().run(apps, mix(network, 60, seed=1), 2, 1)  # warm-up, not counted
            rounds = Rounds()
            for clients in levels:
                rounds.run(apps, mix(network, args.requests, seed=200 + clients), clients,
                           args.rounds)  # fmt: skip
                print(f"  {clients} at a time done", flush=True)
        finally:
            errors = stop(bot)
            stop(bare)
            lines = [x for x in errors.splitlines() if "waitress.queue" not in x]
            if any(w in errors for w in ("Traceback", "Fatal", "ERROR", "WARNING")):
                print("\n".join(lines)[-8000:])
    report(rounds, levels)
    return 0


def report(rounds: Rounds, levels: list[int]) -> None:
    print("\nThe member's wait (command sent → its answer), ms p50 / p99")
    print(f"  {'clients':>7} {BARE:>19} {BOT + ' (all)':>19} " + " ".join(f"{k:>19}" for k in KINDS)
          + f" {'answered/s':>11} {'no answer':>10}")  # fmt: skip
    for clients in levels:
        bare = rounds.samples[(BARE, clients)].acks()
        samples = rounds.samples[(BOT, clients)]
        rate = sum(rounds.throughput[(BOT, clients)]) / len(rounds.throughput[(BOT, clients)])
        print(f"  {clients:>7} {cells(bare):>19} {cells(samples.replies()):>19} "
              + " ".join(f"{cells(samples.replies(k)):>19}" for k in KINDS)
              + f" {rate:>11.1f} {samples.missing():>10}")  # fmt: skip
        print(f"  {'':>7} bot p99 − bare p99: "
              f"{percentile(samples.replies(), 99) - percentile(bare, 99):.1f} ms")  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
