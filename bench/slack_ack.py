"""Slack ack latency: the bot beside a bare Bolt app that only acks, over loopback HTTP.

Both apps run behind the same threaded WSGI server and get the same signed slash
command requests. The bot acks and then does the work (a knowledge search, the
reply to a local fake `response_url`), so its background work competes with its
acks, as it would in production. Prints p50/p99 of the time to the HTTP response and
the throughput of each, and the ratio. Run: `python bench/slack_ack.py --requests 500`.
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier

from bot import http_server
from bot.app import create_app
from bot.clock import FixedClock
from bot.config import load_settings
from bot.demo.load import load_demo
from bot.slack.adapter import Slack
from tests.bot.fake_slack import TOKEN, running

SECRET = "bench-signing-secret"
WSGIApp = http_server.WSGIApp
NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
QUERIES = ("wachtwoord", "phishing", "ransomware", "leverancier", "back-up", "ensia", "logging")


def bare_app(api_url: str) -> WSGIApp:
    """The smallest Bolt app: every command only acks."""
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    app = App(
        client=WebClient(token=TOKEN, base_url=api_url),
        signing_secret=SECRET,
        token_verification_enabled=False,
    )

    @app.command("/kennis")
    def ack_only(ack: Ack) -> None:
        ack()

    handler: WSGIApp = SlackRequestHandler(app)
    return handler


def serve(application: WSGIApp) -> tuple[int, Callable[[], None]]:
    server = http_server.make("127.0.0.1", 0, application)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return server.server_port, stop


def command_body(n: int, response_url: str) -> str:
    return urlencode(
        {
            "token": "t", "team_id": "T0GEMEENTE", "team_domain": "gemeenten",
            "channel_id": "C0ALGEMEEN", "channel_name": "algemeen", "user_id": "carla.delft",
            "user_name": "carla", "command": "/kennis", "text": f"zoek {QUERIES[n % len(QUERIES)]}",
            "api_app_id": "A0BENCH", "response_url": response_url, "trigger_id": f"{n}.1.bench",
        }
    )  # fmt: skip


def one(port: int, body: str) -> float:
    stamp = str(int(time.time()))
    signature = SignatureVerifier(SECRET).generate_signature(timestamp=stamp, body=body) or ""
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": signature,
    }
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    started = time.perf_counter()
    connection.request("POST", "/slack/events", body=body.encode(), headers=headers)
    response = connection.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"HTTP {response.status}")
    return elapsed * 1000


def measure(
    port: int, requests: int, concurrency: int, response_url: str
) -> tuple[list[float], float]:
    bodies = [command_body(n, response_url) for n in range(requests)]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        timings = list(pool.map(lambda body: one(port, body), bodies))
    return timings, requests / (time.perf_counter() - started)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch, running() as fake:
        api_url = f"{fake.url}/api/"
        settings = load_settings(
            {
                "DATABASE_URL": f"sqlite:///{Path(scratch) / 'bench.sqlite3'}",
                "SLACK_BOT_TOKEN": TOKEN,
                "SLACK_SIGNING_SECRET": SECRET,
                "SLACK_API_URL": api_url,
                "LOG_LEVEL": "WARNING",
            }
        )
        app = create_app(settings, FixedClock(NOW))
        load_demo(app.db, NOW)  # a realistic knowledge base to search
        slack = Slack(settings, app.core)
        bot_port, stop_bot = serve(slack.http_app())
        bare_port, stop_bare = serve(bare_app(api_url))
        for port in (bot_port, bare_port):  # warm up both
            measure(port, 20, 1, fake.response_url())
        rows = []
        for name, port in (("bare Bolt (ack only)", bare_port), ("CISO bot", bot_port)):
            timings, throughput = measure(
                port, args.requests, args.concurrency, fake.response_url()
            )
            rows.append((name, timings, throughput))
        slack.close()
        stop_bot()
        stop_bare()
        app.close()
        replies = len(fake.responses)
    print(f"{args.requests} signed /kennis commands, {args.concurrency} at a time, loopback HTTP")
    print(f"{'app':<22} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'req/s':>8}")
    for name, timings, throughput in rows:
        print(
            f"{name:<22} {statistics.median(timings):>8.1f} {percentile(timings, 99):>8.1f} "
            f"{max(timings):>8.1f} {throughput:>8.0f}"
        )
    bare_p99, bot_p99 = percentile(rows[0][1], 99), percentile(rows[1][1], 99)
    print(f"p99 ratio bot / bare: {bot_p99 / bare_p99:.2f}x (target < 1.3x and < 100 ms)")
    print(f"replies the bot delivered to response_url: {replies}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
