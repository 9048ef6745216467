"""`/health` that means something, and `/metrics` that move: through the real adapters
against the fake servers, and the sweeper with an injected monotonic clock."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from bot.clock import FixedClock
from bot.health import Monitor
from bot.metrics import Metrics
from bot.scheduler import Sweeper, sweep
from handlers.core import Core
from handlers.messages import Reply
from storage.db import Database
from tests.bot.mattermost_harness import mattermost_bot
from tests.bot.slack_harness import SlackBot, slack_bot


@pytest.fixture
def bot(tmp_path: Path, clock: FixedClock) -> Iterator[SlackBot]:
    with slack_bot(tmp_path, clock) as running:
        yield running


def _health(bot: SlackBot) -> tuple[int, dict[str, dict[str, object]]]:
    answer = bot.get("/health")
    return answer.status, answer.json()["checks"]


def _sample(text: str, metric: str, **labels: str) -> float:
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == metric and all(sample.labels.get(k) == v for k, v in labels.items()):
                return float(sample.value)
    return 0.0


def test_health_is_503_while_another_process_holds_the_database(bot: SlackBot) -> None:
    assert _health(bot)[0] == 200
    assert bot.monitor is not None
    bot.monitor.write_wait = 0.2
    other = Database.from_url(bot.app.settings.database_url)  # another process's
    try:
        with other.write() as session:  # a write lock that is not let go
            session.execute(text("SELECT 1"))
            status, checks = _health(bot)
    finally:
        other.dispose()
    assert status == 503
    detail = str(checks["database"]["detail"])
    assert checks["database"]["ok"] is False and ("locked" in detail or "lock timeout" in detail)
    assert checks["platform"]["ok"] is True
    assert _health(bot)[0] == 200


def test_health_is_503_when_slack_refuses_the_token(tmp_path: Path, clock: FixedClock) -> None:
    with slack_bot(tmp_path, clock, SLACK_BOT_TOKEN="xoxb-revoked") as bot:
        status, checks = _health(bot)
    assert status == 503
    assert checks["platform"] == {"ok": False, "detail": "auth.test refused: invalid_auth"}


def test_health_is_503_while_the_mattermost_websocket_is_down(
    tmp_path: Path, clock: FixedClock
) -> None:
    with mattermost_bot(tmp_path, clock) as bot:
        assert httpx.get(f"{bot.url}/health").status_code == 200
        bot.fake.down = True  # refuses new connections, as while it restarts
        bot.fake.drop(resumable=False)
        assert _eventually(lambda: not bot.mattermost.listener.connected.is_set())
        down = httpx.get(f"{bot.url}/health")
        bot.fake.down = False
        assert _eventually(lambda: bot.mattermost.listener.connected.is_set())
        up = httpx.get(f"{bot.url}/health")
    assert down.status_code == 503 and down.json()["status"] == "unavailable"
    assert down.json()["checks"]["platform"]["ok"] is False
    assert up.status_code == 200


def _eventually(condition: object, timeout: float = 10) -> bool:
    """Wait for another thread to get somewhere (not timing behaviour)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.02)
    return False


def test_health_follows_the_sweeper_on_an_injected_clock(core: Core) -> None:
    now = [1000.0]
    sent: list[Reply] = []
    sweeper = Sweeper(core, sent.append, 30, monotonic=lambda: now[0])
    monitor = Monitor(core.db, Metrics(core.db, core.clock), sweeper, monotonic=lambda: now[0])
    assert monitor.report()[1]["checks"]["sweeper"] == {
        "ok": False,
        "detail": "the sweeper stopped",
    }
    sweeper.start()
    try:
        assert _eventually(lambda: sweeper.last_sweep is not None)  # the first sweep, at once
        now[0] += 60
        healthy, report = monitor.report()
        assert healthy and report["checks"]["sweeper"]["detail"] == "sweeps, last ran 60 s ago"
        now[0] += 31  # three intervals are 90 s
        healthy, report = monitor.report()
        assert not healthy
        assert report["checks"]["sweeper"]["detail"] == "last ran 91 s ago (more than 90 s)"
    finally:
        sweeper.stop()
    assert monitor.report()[1]["checks"]["sweeper"]["ok"] is False


def test_metrics_count_commands_by_outcome_and_messages_due_sent_and_waiting(
    bot: SlackBot, clock: FixedClock
) -> None:
    before = bot.get("/metrics").body
    assert bot.command("U0ANNA", "/kennis", "zoek phishing").status == 200
    assert bot.command("U0ANNA", "/kennis", "toon 999").status == 200
    bot.fake.wait_for_response(2)
    bot.core_says("U0ANNA", "actie", "nieuw Back-up testen <@U0BRAM> vrijdag 11 december")
    clock.advance(timedelta(days=30))  # its reminders are due, and late
    waiting = bot.get("/metrics").body
    sent = sweep(bot.app.core, bot.slack.deliver)
    after = bot.get("/metrics").body
    assert bot.get("/metrics").headers["Content-Type"].startswith("text/plain; version=0.0.4")

    def delta(metric: str, **labels: str) -> float:
        return _sample(after, metric, **labels) - _sample(before, metric, **labels)

    assert delta("ciso_bot_requests_total", kind="command", name="kennis", outcome="ok") == 1
    assert delta("ciso_bot_requests_total", kind="command", name="kennis", outcome="refused") == 1
    assert delta("ciso_bot_request_seconds_count", kind="command") >= 3
    assert sent >= 1
    assert delta("ciso_bot_messages_total", kind="reminder", outcome="due") >= 1
    assert delta("ciso_bot_messages_total", kind="reminder", outcome="sent") >= 1
    assert _sample(waiting, "ciso_bot_messages_waiting", kind="reminder") >= 1
    assert _sample(waiting, "ciso_bot_messages_late", kind="reminder") >= 1
    assert _sample(after, "ciso_bot_messages_waiting", kind="reminder") == 0
    assert _sample(after, "ciso_bot_work_queue_depth") == 0
    assert "phishing" not in after and "U0ANNA" not in after  # no user data in labels


def test_metrics_count_platform_api_errors(bot: SlackBot) -> None:
    bot.fake.fail("chat.postMessage", status=500)
    with pytest.raises(Exception):  # noqa: B017 - whichever error slack_sdk raises
        bot.slack.client.chat_postMessage(channel="C0NOPE", text="x")
    metrics = bot.get("/metrics").body
    assert _sample(metrics, "ciso_bot_platform_api_errors_total", platform="slack") >= 1


def test_metrics_move_to_the_health_port_when_one_is_given(bot: SlackBot) -> None:
    assert bot.monitor is not None
    bot.monitor.metrics_elsewhere = True
    assert bot.get("/metrics").status == 404
    assert bot.get("/health").status == 200


def test_json_log_lines_of_a_request_carry_its_id(
    bot: SlackBot, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot import logs

    logs.configure("INFO", [], "json")
    bot.command("U0NOBODY", "/ciso", "ik")  # users.info knows no such user: a log line
    bot.fake.wait_for_response()
    bot.slack.close()
    lines = [json.loads(x) for x in capsys.readouterr().err.splitlines() if x.startswith("{")]
    (said,) = [e for e in lines if "no such user" in e["message"]]
    assert said["level"] == "INFO" and ".1764400000." in said["request_id"]
