"""The baselines the chat benchmarks compare the bot with, each a process of its own.

- `slack-http PORT`, `slack-socket`: the smallest Bolt app, whose `/kennis` only
  acks, with Bolt's defaults (the listener runs in another thread while the request
  waits for its ack); over the bot's HTTP server, or in Socket Mode. Needs
  SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL (and SLACK_APP_TOKEN).
- `mattermost PORT`: an endpoint that checks the slash command's token as the bot
  does and answers an empty ephemeral reply: the floor of the HTTP stack. Needs
  MATTERMOST_COMMAND_TOKEN.

Stops on SIGTERM.
"""

from __future__ import annotations

import hmac
import json
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import http_server


def serve(application: Any, port: int, stopping: threading.Event) -> None:
    def with_health(environ: dict[str, Any], start_response: Any) -> Any:
        if environ.get("PATH_INFO") == "/health":
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"ok"]
        return application(environ, start_response)

    server = http_server.make("127.0.0.1", port, with_health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stopping.wait()
    server.shutdown()


def mattermost(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    """Checks the token like the bot does, and answers nothing."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    form = parse_qs(environ["wsgi.input"].read(length).decode())
    expected = os.environ["MATTERMOST_COMMAND_TOKEN"].encode()
    ok = hmac.compare_digest(form.get("token", [""])[0].encode(), expected)
    start_response("200 OK" if ok else "401 Unauthorized", [("Content-Type", "application/json")])
    return [json.dumps({"response_type": "ephemeral", "text": ""}).encode()]


def slack(mode: str, port: int, stopping: threading.Event) -> None:
    from slack_bolt import Ack, App
    from slack_sdk import WebClient

    client = WebClient(token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"])
    app = App(
        client=client,
        signing_secret=os.environ["SLACK_SIGNING_SECRET"],
        token_verification_enabled=False,
    )

    @app.command("/kennis")
    def ack_only(ack: Ack) -> None:
        ack()

    if mode == "slack-http":
        from slack_bolt.adapter.wsgi import SlackRequestHandler

        serve(SlackRequestHandler(app), port, stopping)
        return
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    handler: Any = SocketModeHandler(app, os.environ["SLACK_APP_TOKEN"])
    handler.connect()
    if port:  # health: the session is up
        serve(lambda environ, start_response: [], port, stopping)
    else:
        stopping.wait()
    handler.close()


def main() -> int:
    mode, port = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    if mode == "mattermost":
        serve(mattermost, port, stopping)
    else:
        slack(mode, port, stopping)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
