"""Slack: how long Slack waits for the bot's ack, and how long a member waits for the reply.

`ciso-bot run` serves a network of the demo members, each with a Slack account, plus
`--items` knowledge items more; a bare Bolt app (`bench/bare_apps.py`: `/kennis`
only acks, Bolt's defaults) is the baseline. Both are processes of their own. This
process is the load generator and the fake Slack (Web API and `response_url`), which
knows every member. Members send a mix of commands — searches, shows, shares and
supports — each signed, with its own trigger id and `response_url`, from 1, 4 and 16
closed-loop clients; rounds of the bare app and the bot alternate after a warm-up.

Figures: the ack (HTTP answer, or Socket Mode ack) p50 / p99 of each, their ratio, and
the member's wait (command sent → reply on `response_url`), per kind of command, with
the answered commands per second. Run: `python bench/slack_ack.py` (add
`--modes http` or `--modes socket` for one of the two).
"""

from __future__ import annotations

import argparse
import http.client
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chat_load import (
    Command,
    Network,
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
from slack_sdk.signature import SignatureVerifier

from tests.bot.fake_slack import TOKEN, FakeSlack, running
from tests.bot.fake_socket_mode import FakeSocketMode, socket_mode
from tests.bot.processes import free_port

SECRET = "bench-signing-secret"
BARE, BOT = "bare Bolt", "CISO bot"
KINDS = ("search", "show", "share", "support")


def slack_id(user_id: str) -> str:
    return "U0" + "".join(c for c in user_id.upper() if c.isalnum())[:9]


def form(command: Command, trigger: str, response_url: str, bare: bool) -> dict[str, str]:
    return {
        "token": "t", "team_id": "T0GEMEENTE", "team_domain": "gemeenten",
        "channel_id": "C0ALGEMEEN", "channel_name": "algemeen",
        "user_id": command.user.user_id, "user_name": command.user.username,
        "command": "/kennis" if bare else f"/{command.command}", "text": command.text,
        "api_app_id": "A0BENCH", "response_url": response_url, "trigger_id": trigger,
    }  # fmt: skip


def reply_wait(fake: FakeSlack, path: str, started: float) -> float | None:
    """Milliseconds from `started` to the reply on `path`, or None after 10 s."""
    with fake.changed:
        fake.changed.wait_for(lambda: path in fake.responded_at, 10)
        at = fake.responded_at.get(path)
    return None if at is None else (at - started) * 1000


def http_sender(port: int, fake: FakeSlack, bare: bool) -> Callable[[int, Command], Sample]:
    names = unique(f"{'bare' if bare else 'bot'}-http-")

    def send(_n: int, command: Command) -> Sample:
        key = next(names)
        path = f"/respond/{key}"
        body = urlencode(form(command, f"{key}.1.bench", f"{fake.url}{path}", bare))
        stamp = str(int(time.time()))
        signature = SignatureVerifier(SECRET).generate_signature(timestamp=stamp, body=body)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": signature or "",
        }
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        started = time.monotonic()
        connection.request("POST", "/slack/events", body=body.encode(), headers=headers)
        response = connection.getresponse()
        response.read()
        acked = time.monotonic()
        connection.close()
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}")
        reply = None if bare else reply_wait(fake, path, started)
        return Sample(command.kind, (acked - started) * 1000, reply)

    return send


def socket_sender(
    endpoint: FakeSocketMode, fake: FakeSlack, bare: bool
) -> Callable[[int, Command], Sample]:
    names = unique(f"{'bare' if bare else 'bot'}-socket-")

    def send(_n: int, command: Command) -> Sample:
        key = next(names)
        path = f"/respond/{key}"
        envelope = {
            "envelope_id": key,
            "type": "slash_commands",
            "accepts_response_payload": True,
            "payload": form(command, f"{key}.1.bench", f"{fake.url}{path}", bare),
        }
        started = time.monotonic()
        endpoint.send(envelope)
        with endpoint.changed:
            endpoint.changed.wait_for(lambda: key in endpoint.acked_at, 30)
            acked = endpoint.acked_at[key]
        reply = None if bare else reply_wait(fake, path, started)
        return Sample(command.kind, (acked - started) * 1000, reply)

    return send


def with_users(fake: FakeSlack, network: Network) -> None:
    for account in network.accounts:
        fake.add_user(account.user_id, account.name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=1200,
                        help="commands per app and concurrency")  # fmt: skip
    parser.add_argument("--concurrency", default="1,4,16")
    parser.add_argument("--rounds", type=int, default=6, help="alternating rounds per figure")
    parser.add_argument("--items", type=int, default=5000, help="knowledge items beyond the demo")
    parser.add_argument("--modes", default="http,socket", help="http, socket or both")
    args = parser.parse_args()
    levels = [int(c) for c in args.concurrency.split(",")]
    print(describe(), flush=True)
    names = {"http": "HTTP", "socket": "Socket Mode"}
    modes = [names[m] for m in args.modes.split(",")]
    results: dict[str, Rounds] = {}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        network = prepare(folder / "bench.sqlite3", "slack", slack_id, args.items)
        print(f"network: {len(network.accounts)} members with Slack accounts, "
              f"{len(network.items):,} knowledge items, {len(network.bottlenecks)} bottlenecks; "
              f"SQLite on disk", flush=True)  # fmt: skip
        for mode in modes:
            results[mode] = run_mode(mode, network, folder, levels, args)
    for mode, rounds in results.items():
        report(mode, rounds, levels)
    return 0


def run_mode(mode: str, network: Network, folder: Path, levels: list[int],
             args: argparse.Namespace) -> Rounds:  # fmt: skip
    socket = mode == "Socket Mode"
    with running() as fake_bot, running() as fake_bare, socket_mode() as bot_end, \
            socket_mode() as bare_end:  # fmt: skip
        with_users(fake_bot, network)
        fake_bot.socket_url, fake_bare.socket_url = bot_end.url, bare_end.url
        common = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET}
        bot_env = {**common, "SLACK_API_URL": f"{fake_bot.url}/api/",
                   "DATABASE_URL": f"sqlite:///{network.path}"}  # fmt: skip
        bare_env = {**common, "SLACK_API_URL": f"{fake_bare.url}/api/"}
        bot_port, bare_port = free_port(), free_port()
        if socket:
            bot_env["SLACK_APP_TOKEN"] = bare_env["SLACK_APP_TOKEN"] = "xapp-1-bench"
            bot = bot_process(bot_env, folder, "--host", "127.0.0.1", "--health-port",
                              str(bot_port))  # fmt: skip
            bare = start([sys.executable, str(Path(__file__).with_name("bare_apps.py")),
                          "slack-socket", str(bare_port)], bare_env, folder)  # fmt: skip
        else:
            bot = bot_process(bot_env, folder, "--http", "--host", "127.0.0.1", "--port",
                              str(bot_port))  # fmt: skip
            bare = start([sys.executable, str(Path(__file__).with_name("bare_apps.py")),
                          "slack-http", str(bare_port)], bare_env, folder)  # fmt: skip
        try:
            wait_healthy(bot_port, bot)
            wait_healthy(bare_port, bare)
            if socket:
                bot_sender = socket_sender(bot_end, fake_bot, bare=False)
                bare_sender = socket_sender(bare_end, fake_bare, bare=True)
            else:
                bot_sender = http_sender(bot_port, fake_bot, bare=False)
                bare_sender = http_sender(bare_port, fake_bare, bare=True)
            apps = [(BARE, bare_sender), (BOT, bot_sender)]
            warm = Rounds()
            warm.run(apps, mix(network, 60, seed=1), 2, 1)  # warm-up, not counted
            rounds = Rounds()
            for clients in levels:
                commands = mix(network, args.requests, seed=100 + clients)
                rounds.run(apps, commands, clients, args.rounds)
                print(f"  {mode}: {clients} at a time done", flush=True)
        finally:
            errors = stop(bot)
            stop(bare)
            if "Traceback" in errors or "WARNING" in errors or "ERROR" in errors:
                print(errors[-5000:])
    return rounds


def report(mode: str, rounds: Rounds, levels: list[int]) -> None:
    print(f"\n{mode}: the ack (what Slack waits for), ms p50 / p99")
    print(f"  {'clients':>7} {BARE:>19} {BOT:>19} {'p50 ratio':>10} {'p99 ratio':>10}")
    for clients in levels:
        bare, bot = rounds.samples[(BARE, clients)].acks(), rounds.samples[(BOT, clients)].acks()
        print(f"  {clients:>7} {cells(bare):>19} {cells(bot):>19} "
              f"{percentile(bot, 50) / percentile(bare, 50):>9.2f}x "
              f"{percentile(bot, 99) / percentile(bare, 99):>9.2f}x")  # fmt: skip
    print(f"{mode}: the member's wait (command sent → reply on response_url), ms p50 / p99")
    print(f"  {'clients':>7} {'all':>19} " + " ".join(f"{k:>19}" for k in KINDS)
          + f" {'answered/s':>11} {'no reply':>9}")  # fmt: skip
    for clients in levels:
        samples = rounds.samples[(BOT, clients)]
        rate = sum(rounds.throughput[(BOT, clients)]) / len(rounds.throughput[(BOT, clients)])
        print(f"  {clients:>7} {cells(samples.replies()):>19} "
              + " ".join(f"{cells(samples.replies(k)):>19}" for k in KINDS)
              + f" {rate:>11.1f} {samples.missing():>9}")  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
