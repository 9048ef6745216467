"""Mattermost slash-command latency: the bot beside a bare endpoint, over loopback HTTP.

Mattermost waits for a slash command's HTTP answer and shows it; the bot answers
with the real result (a knowledge search on the demo data, rendered as attachments),
so its time is the command's whole work. The bare endpoint checks the command token
the same way and answers an empty ephemeral response: the floor of the HTTP stack.
Both run behind the same threaded WSGI server, against a local fake Mattermost. Prints
p50/p99/max and throughput of each, and the p99 difference and ratio.
Run: `python bench/mattermost_command.py --requests 500 --concurrency 1`.
"""

from __future__ import annotations

import argparse
import hmac
import http.client
import json
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from slack_ack import QUERIES, percentile, serve

from bot import http_server
from bot.app import create_app
from bot.clock import FixedClock
from bot.config import load_settings
from bot.demo.load import load_demo
from bot.mattermost.adapter import Mattermost
from tests.bot.fake_mattermost import COMMAND_TOKENS, COMMAND_TOKENS_SETTING, TOKEN, running

COMMAND_TOKEN = COMMAND_TOKENS["kennis"]  # the benchmark runs /kennis

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
USER = "carla.delft"  # a demo member


def bare_app() -> http_server.WSGIApp:
    """Checks the token like the bot does, and answers nothing."""

    def application(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        form = parse_qs(environ["wsgi.input"].read(length).decode())
        ok = hmac.compare_digest(form.get("token", [""])[0], COMMAND_TOKEN)
        start_response(
            "200 OK" if ok else "401 Unauthorized", [("Content-Type", "application/json")]
        )
        return [json.dumps({"response_type": "ephemeral", "text": ""}).encode()]

    return application


def one(port: int, n: int, response_url: str) -> float:
    body = urlencode({"token": COMMAND_TOKEN, "team_id": "team", "channel_id": "chan",
                      "channel_name": "algemeen", "user_id": USER, "user_name": "carla",
                      "command": "/kennis", "text": f"zoek {QUERIES[n % len(QUERIES)]}",
                      "trigger_id": f"t{n}", "response_url": response_url})  # fmt: skip
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "Authorization": f"Token {COMMAND_TOKEN}"}  # fmt: skip
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    started = time.perf_counter()
    connection.request("POST", "/mattermost/command", body=body.encode(), headers=headers)
    response = connection.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"HTTP {response.status}")
    return elapsed * 1000


def measure(port: int, requests: int, concurrency: int, url: str) -> tuple[list[float], float]:
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        timings = list(pool.map(lambda n: one(port, n, url), range(requests)))
    return timings, requests / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch, running() as fake:
        settings = load_settings({
            "DATABASE_URL": f"sqlite:///{Path(scratch) / 'bench.sqlite3'}",
            "MATTERMOST_URL": fake.url, "MATTERMOST_TOKEN": TOKEN,
            "MATTERMOST_COMMAND_TOKENS": COMMAND_TOKENS_SETTING, "LOG_LEVEL": "WARNING",
        })  # fmt: skip
        fake.api = None  # measure the bot, not the fake's checks against the API description
        fake.add_user(USER, "carla", "Carla", "Bakker", zone="Europe/Amsterdam")
        app = create_app(settings, FixedClock(NOW))
        load_demo(app.db, NOW)
        bot = Mattermost(settings, app.core)
        bot.connect()
        bot_port, stop_bot = serve(bot.wsgi())
        bot.set_callback_url(f"http://127.0.0.1:{bot_port}")
        bare_port, stop_bare = serve(bare_app())
        response_url = f"{fake.url}/hooks/commands/bench"
        for port in (bot_port, bare_port):  # warm up both
            measure(port, 20, 1, response_url)
        rows = []
        for name, port in (("bare endpoint", bare_port), ("CISO bot", bot_port)):
            timings, throughput = measure(port, args.requests, args.concurrency, response_url)
            rows.append((name, timings, throughput))
        bot.close()
        stop_bot()
        stop_bare()
        app.close()
    print(f"{args.requests} /kennis zoek commands, {args.concurrency} at a time, loopback HTTP")
    print(f"{'app':<16} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'req/s':>8}")
    for name, timings, throughput in rows:
        print(f"{name:<16} {statistics.median(timings):>8.1f} {percentile(timings, 99):>8.1f} "
              f"{max(timings):>8.1f} {throughput:>8.0f}")  # fmt: skip
    bare_p99, bot_p99 = percentile(rows[0][1], 99), percentile(rows[1][1], 99)
    print(f"p99: bot {bot_p99:.1f} ms, {bot_p99 - bare_p99:.1f} ms above the bare endpoint "
          f"({bot_p99 / bare_p99:.1f}x); the answer is the search itself")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
