"""The seam between the bot and a chat platform, and the install's set of platforms.

A platform adapter is a package in `bot/` (`bot/slack/`, `bot/mattermost/`) whose
class satisfies `Platform`: it checks its credentials, says which HTTP endpoints it
needs (under `/<name>/`), starts receiving, delivers the messages the bot sends on its
own, opens forms, and closes. What adapters do alike when they send lives in
`bot.delivery`. `platform_for` builds the configured ones; adding a platform is its
package plus one line in `PLATFORMS`.

With more than one platform the install is still one bot: one database, one core, one
sweeper. Each message goes out on its recipient's platform (`Reply.platform`).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from bot import http_server
from handlers.core import Core
from handlers.messages import Reply, Request

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.delivery import Courier
    from bot.health import Monitor
    from bot.http_server import Server
    from bot.metrics import Metrics

log = logging.getLogger(__name__)

Wsgi = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

# Each platform's adapter class, imported only when the install serves it.
PLATFORMS = {
    "slack": "bot.slack.adapter:Slack",
    "mattermost": "bot.mattermost.adapter:Mattermost",
}


class Platform(Protocol):
    """One chat platform the install serves."""

    # Its name (`slack`), as in `Reply.platform`, `Request.platform` and its URL prefix.
    name: str
    courier: Courier

    @staticmethod
    def check(settings: Settings) -> None:
        """Before anything starts (no database, no core yet): the platform takes the
        credentials; raises NotReady with one clear line when not."""
        ...

    def connect(self) -> None:
        """Check the credentials and learn who the bot is; raises NotReady when refused."""
        ...

    def wsgi(self) -> Wsgi | None:
        """Its HTTP endpoints, all under `/<name>/`, or None when it needs none."""
        ...

    def start(self, base_url: str) -> None:
        """Begin receiving; `base_url` is where the platform reaches the install's port."""
        ...

    def connected(self) -> tuple[bool, str]:
        """Whether it can receive now, and a short detail for `/health`."""
        ...

    def deliver(self, reply: Reply) -> None:
        """Send one message the bot sends on its own; raises when the platform refuses."""
        ...

    def open_form(
        self,
        form_id: str,
        trigger_id: str,
        request: Request,
        metadata: str = "",
        initial: dict[str, str] | None = None,
    ) -> bool:
        """Open a form for the person behind `request`; False when it could not."""
        ...

    def close(self) -> None:
        """Stop receiving; let the work already acknowledged finish."""
        ...


class PlatformKind(Protocol):
    """A platform adapter class: checked before anything starts, then built."""

    name: str

    @staticmethod
    def check(settings: Settings) -> None: ...

    def __call__(self, settings: Settings, core: Core, *, metrics: Metrics) -> Platform:
        """Build it; an adapter may take more keywords (`platform_for`'s `options`)."""
        ...


def kinds(
    settings: Settings,
    names: Sequence[str] | None = None,
    available: Mapping[str, str] | None = None,
) -> list[PlatformKind]:
    """The adapter classes of the install's platforms (`settings.platforms`, or `names`)."""
    known = PLATFORMS if available is None else available
    found: list[PlatformKind] = []
    for name in settings.platforms if names is None else names:
        module, _, attribute = known[name].partition(":")
        found.append(getattr(importlib.import_module(module), attribute))
    return found


def platform_for(
    settings: Settings,
    core: Core,
    metrics: Metrics,
    *,
    names: Sequence[str] | None = None,
    available: Mapping[str, str] | None = None,
    options: Mapping[str, Mapping[str, Any]] | None = None,
) -> Platforms:
    """The install's platforms, built and joined. `options`: per platform name, what its
    constructor takes besides settings, core and metrics."""
    return Platforms([
        kind(settings, core, metrics=metrics, **(options or {}).get(kind.name, {}))
        for kind in kinds(settings, names, available)
    ])  # fmt: skip


class Platforms:
    """The platforms of one install, as one: messages go out on their recipient's."""

    def __init__(self, platforms: Sequence[Platform]) -> None:
        self.all = list(platforms)
        self.by_name = {p.name: p for p in self.all}
        self.mounted: list[str] = []  # the platforms with HTTP endpoints, once served
        for platform in self.all:
            platform.courier.elsewhere = self.deliver

    def deliver(self, reply: Reply) -> None:
        """Send one message on the platform it is for; raises when there is none.

        With one platform, everything goes there (also members known from the console),
        except a message for another chat platform. A message for no platform of this
        install is refused: kept owed, never sent to a guess.
        """
        if len(self.all) == 1 and reply.platform not in PLATFORMS:
            self.all[0].deliver(reply)
            return
        platform = self.by_name.get(reply.platform)
        if platform is None:
            raise ValueError(f"no platform {reply.platform!r} in this install")
        platform.deliver(reply)

    def connected(self) -> tuple[bool, str]:
        """All platforms receive; the detail names each."""
        states = [(p.name, *p.connected()) for p in self.all]
        if len(states) == 1:
            return states[0][1], states[0][2]
        detail = "; ".join(f"{name}: {text}" for name, _ok, text in states)
        return all(ok for _name, ok, _text in states), detail

    def wsgi(self, monitor_answers: Callable[[str], bool], monitor: Wsgi) -> Wsgi | None:
        """One HTTP application for the install's port: `/health` and `/metrics`, and each
        platform's endpoints under `/<name>/`. None when no platform needs HTTP."""
        mounted = {p.name: app for p in self.all if (app := p.wsgi()) is not None}
        self.mounted = list(mounted)
        if not mounted:
            return None

        def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
            path = str(environ.get("PATH_INFO", ""))
            if monitor_answers(path):
                return monitor(environ, start_response)
            app = mounted.get(path.split("/")[1] if path.count("/") >= 2 else "")
            if app is None:
                start_response("404 Not Found", [("Content-Type", "text/plain")])
                return [b""]
            return app(environ, start_response)

        return application

    def serve(self, monitor: Monitor, host: str, port: int) -> Server | None:
        """An HTTP server on `host:port` for `wsgi` (call `serve_forever`); None when no
        platform needs HTTP."""
        application = self.wsgi(monitor.answers, monitor.wsgi)
        return None if application is None else http_server.make(host, port, application)

    def close(self) -> None:
        for platform in reversed(self.all):
            try:
                platform.close()
            except Exception:
                log.exception("closing %s failed", platform.name)
