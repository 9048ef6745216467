"""The router: friendly errors, no tracebacks, the TLP guard, inert mass mentions."""

from __future__ import annotations

import logging
import re

import pytest

from bot.clock import FixedClock
from handlers.chat_text import inert as defuse
from handlers.context import Context, CoreSettings
from handlers.core import Core, Router
from handlers.i18n import CATALOGUES, INFORMAL
from handlers.messages import Reply, Request, Visibility
from storage.db import Database
from storage.tlp import TLP


def _core(db: Database, clock: FixedClock, handler: object) -> Core:
    router = Router()
    router.add_command("test", handler)  # type: ignore[arg-type]
    return Core(router, db, clock, CoreSettings())


def _ask(core: Core) -> list[Reply]:
    return core.handle(Request(platform="console", user_id="u", command="test", channel_id="c"))


def test_an_unexpected_error_gets_an_apology_and_goes_to_the_log(
    db: Database, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(context: Context) -> Reply:
        raise RuntimeError("secret internals")

    with caplog.at_level(logging.ERROR):
        replies = _ask(_core(db, clock, broken))
    assert len(replies) == 1
    assert replies[0].text.startswith("Sorry, er ging iets mis")
    assert "secret internals" not in replies[0].text and "Traceback" not in replies[0].text
    assert "secret internals" in caplog.text


def test_an_amber_reply_to_a_channel_is_stopped_by_the_guard(
    db: Database, clock: FixedClock
) -> None:
    def leaky(context: Context) -> Reply:
        return Reply(text="geheim", visibility=Visibility.CHANNEL, tlp=TLP.AMBER)

    replies = _ask(_core(db, clock, leaky))
    assert replies[0].visibility is Visibility.EPHEMERAL
    assert "geheim" not in replies[0].text and "TLP:AMBER" in replies[0].text


def test_a_green_reply_may_go_to_a_channel(db: Database, clock: FixedClock) -> None:
    def fine(context: Context) -> Reply:
        return Reply(text="delen", visibility=Visibility.CHANNEL, tlp=TLP.GREEN)

    assert _ask(_core(db, clock, fine))[0].visibility is Visibility.CHANNEL


def test_unknown_commands_get_a_hint(db: Database, clock: FixedClock) -> None:
    core = _core(db, clock, lambda c: Reply(text="x"))
    replies = core.handle(Request(platform="console", user_id="u", command="bestaatniet"))
    assert "/ciso help" in replies[0].text


@pytest.mark.parametrize(
    "raw",
    [
        "<!channel>",
        "<!here|here>",
        "<!everyone>",
        "@here",
        "@channel",
        "@all",
        "<!subteam^S1|@ciso>",
    ],
)
def test_mass_mentions_are_made_inert(raw: str) -> None:
    text = defuse(f"let op {raw} allemaal")
    assert "<!" not in text
    assert not re.search(r"(?<![\w@])@(here|channel|everyone|all)\b", text)


def test_mass_mentions_in_replies_are_made_inert(db: Database, clock: FixedClock) -> None:
    core = _core(db, clock, lambda c: Reply(text="hoi <!here> en @channel"))
    assert "<!here>" not in _ask(core)[0].text


def test_catalogues_have_the_same_keys_and_placeholders() -> None:
    nl, en = CATALOGUES["nl"], CATALOGUES["en"]
    # Dutch has an informal twin ("je") of texts that say "u"; English has one form.
    informal = {key for key in nl if key.endswith(INFORMAL)}
    assert all(key.removesuffix(INFORMAL) in nl for key in informal)
    for key in informal:
        assert set(re.findall(r"{(\w+)}", nl[key])) == set(
            re.findall(r"{(\w+)}", nl[key.removesuffix(INFORMAL)])
        ), key
    assert set(nl) - informal == set(en)
    for key in set(nl) - informal:
        assert set(re.findall(r"{(\w+)}", nl[key])) == set(re.findall(r"{(\w+)}", en[key])), key


def test_once_keys_hold_across_cores_and_are_forgotten_after_a_day(core, db, clock) -> None:
    from datetime import timedelta

    from bot.app import build_router
    from handlers.core import Core

    assert core.claim_once("slack:event:Ev1")
    other = Core(build_router(), db, clock, core.settings)  # a restarted process
    assert not other.claim_once("slack:event:Ev1")
    clock.advance(timedelta(days=1, minutes=1))
    other.tick()
    assert other.claim_once("slack:event:Ev1")
