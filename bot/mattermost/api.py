"""Mattermost's REST API v4, the calls the bot makes, over httpx.

Every call carries the bot account's token (never logged). A 429 is waited out as
long as `Retry-After` says (at most `MAX_WAIT` seconds, three times); any other
failure raises `MattermostError` with the server's error id, and the caller decides
what to tell whom. Connection errors are not retried here: a retried `POST /posts`
that the server had accepted would post twice.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any

import httpx

log = logging.getLogger(__name__)

MAX_WAIT = 60.0
RETRIES_429 = 3


class MattermostError(Exception):
    """The server refused a call: its HTTP status and error id (`api.post.create…`)."""

    def __init__(self, status: int, error_id: str, message: str = "") -> None:
        super().__init__(f"{status} {error_id}: {message}"[:300])
        self.status = status
        self.error_id = error_id


class MattermostApi:
    def __init__(
        self,
        url: str,
        token: str,
        *,
        timeout: float = 10.0,
        sleep: Callable[[float], None] = time.sleep,
        on_error: Callable[[int], None] = lambda _status: None,
    ) -> None:
        self.url = url.rstrip("/")
        self._sleep = sleep
        self._on_error = on_error  # hears each failed call's status (0: no connection)
        self._client = httpx.Client(
            base_url=self.url + "/api/v4",
            headers={"Authorization": f"Bearer {token}", "X-Requested-With": "XMLHttpRequest"},
            timeout=timeout,
        )

    def close(self) -> None:
        self._client.close()

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        """One API call; the decoded JSON answer (None when there is none)."""
        for attempt in range(RETRIES_429 + 1):
            try:
                response = self._client.request(method, path, **kwargs)
            except httpx.HTTPError as error:
                self._on_error(0)
                raise MattermostError(0, type(error).__name__, "no connection") from None
            if response.status_code >= 400:
                self._on_error(response.status_code)
            if response.status_code == 429 and attempt < RETRIES_429:
                wait = _retry_after(response)
                log.info("Mattermost rate limit on %s %s: waiting %.1f s", method, path, wait)
                self._sleep(wait)
                continue
            if response.status_code >= 400:
                raise _error(response)
            if not response.content:
                return None
            return response.json()
        raise MattermostError(429, "rate_limited", path)  # unreachable: the loop raises

    # --- users ------------------------------------------------------------------------

    def me(self) -> dict[str, Any]:
        return dict(self.call("GET", "/users/me"))

    def user(self, user_id: str) -> dict[str, Any]:
        return dict(self.call("GET", f"/users/{user_id}"))

    def user_by_username(self, username: str) -> dict[str, Any]:
        return dict(self.call("GET", f"/users/username/{username}"))

    # --- teams and slash commands (`ciso-bot mattermost setup`) -------------------------

    def team_by_name(self, name: str) -> dict[str, Any]:
        return dict(self.call("GET", f"/teams/name/{name}"))

    def commands(self, team_id: str) -> list[dict[str, Any]]:
        """The team's custom slash commands (needs `manage_slash_commands`)."""
        found = self.call("GET", "/commands", params={"team_id": team_id, "custom_only": "true"})
        return [dict(c) for c in found or []]

    def create_command(self, command: dict[str, Any]) -> dict[str, Any]:
        return dict(self.call("POST", "/commands", json=command))

    def update_command(self, command: dict[str, Any]) -> dict[str, Any]:
        return dict(self.call("PUT", f"/commands/{command['id']}", json=command))

    # --- channels and posts -----------------------------------------------------------

    def direct_channel(self, bot_id: str, user_id: str) -> str:
        """The DM channel between the bot and a user (made when it does not exist yet)."""
        found = self.call("POST", "/channels/direct", json=[bot_id, user_id])
        return str(found["id"])

    def create_post(
        self,
        channel_id: str,
        message: str,
        *,
        props: dict[str, Any] | None = None,
        file_ids: list[str] | None = None,
    ) -> dict[str, Any]:
        body: dict[str, Any] = {"channel_id": channel_id, "message": message}
        if props:
            body["props"] = props
        if file_ids:
            body["file_ids"] = file_ids
        return dict(self.call("POST", "/posts", json=body))

    def post(self, post_id: str) -> dict[str, Any]:
        return dict(self.call("GET", f"/posts/{post_id}"))

    def recent_posts(self, channel_id: str, per_page: int = 50) -> list[dict[str, Any]]:
        """The channel's newest posts, newest first."""
        found = self.call(
            "GET", f"/channels/{channel_id}/posts", params={"page": 0, "per_page": per_page}
        )
        posts = found.get("posts") or {}
        return [posts[i] for i in found.get("order") or [] if i in posts]

    def posts_since(self, channel_id: str, since_ms: int) -> list[dict[str, Any]]:
        """The channel's posts changed (posted, edited, reacted to) after `since_ms`."""
        found = self.call("GET", f"/channels/{channel_id}/posts", params={"since": since_ms})
        posts = found.get("posts") or {}
        return sorted(posts.values(), key=lambda p: p.get("create_at", 0))

    def upload(self, channel_id: str, name: str, content: bytes, media_type: str) -> str:
        """Upload a file for a post in `channel_id`; returns its file id."""
        found = self.call(
            "POST",
            "/files",
            data={"channel_id": channel_id},
            files={"files": (name, content, media_type)},
        )
        return str(found["file_infos"][0]["id"])

    # --- interactive dialogs ----------------------------------------------------------

    def open_dialog(self, trigger_id: str, url: str, dialog: dict[str, Any]) -> None:
        self.call("POST", "/actions/dialogs/open", json={"trigger_id": trigger_id, "url": url,
                                                        "dialog": dialog})  # fmt: skip


def _retry_after(response: httpx.Response) -> float:
    header = response.headers.get("Retry-After", "")
    try:
        return min(max(float(header), 0.0), MAX_WAIT)
    except ValueError:
        return 1.0


def _error(response: httpx.Response) -> MattermostError:
    try:
        body = response.json()
    except json.JSONDecodeError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    return MattermostError(
        response.status_code, str(body.get("id") or "http_error"), str(body.get("message") or "")
    )
