"""The platform seam: every adapter satisfies it, and a third platform is one package
plus one line, passing the same conversation as the console."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from bot.config import load_settings
from bot.console import Console, render
from bot.mattermost.adapter import Mattermost
from bot.metrics import Metrics
from bot.platform import PLATFORMS, Platform, PlatformKind, Platforms, kinds, platform_for
from bot.slack.adapter import Slack
from handlers.core import Core
from handlers.messages import Reply, Visibility
from tests.bot.memo_platform import Memo

# Checked by mypy (`make test` runs it): each adapter class and instance fits the seam.
ADAPTERS: list[PlatformKind] = [Slack, Mattermost, Memo]


def _fit(slack: Slack, mattermost: Mattermost, memo: Memo) -> list[Platform]:
    return [slack, mattermost, memo]


WITH_MEMO = {**PLATFORMS, "memo": "tests.bot.memo_platform:Memo"}  # the one line


def test_the_registry_names_each_adapter_by_its_own_name() -> None:
    settings = load_settings({})
    found = kinds(settings, names=list(WITH_MEMO), available=WITH_MEMO)
    assert [kind.name for kind in found] == list(WITH_MEMO)


def test_one_platform_gets_every_message_and_several_refuse_a_guess(core: Core) -> None:
    settings = load_settings({})
    memo = platform_for(settings, core, Metrics(core.db, core.clock), names=["memo"],
                        available=WITH_MEMO)  # fmt: skip
    (only,) = memo.all
    assert isinstance(only, Memo)
    memo.deliver(Reply(text="aan een consolelid", visibility=Visibility.DIRECT, user="anna",
                       platform="console"))  # fmt: skip
    assert only.outlet.posted["dm-anna"][0][1] == "aan een consolelid"
    with pytest.raises(ValueError, match="no platform 'mattermost'"):  # never a guess
        memo.deliver(Reply(text="x", visibility=Visibility.DIRECT, user="anna",
                           platform="mattermost"))  # fmt: skip
    other = Memo(settings, core, metrics=Metrics(core.db, core.clock))
    other.name = "memo2"
    two = Platforms([only, other])
    with pytest.raises(ValueError, match="no platform 'console'"):
        two.deliver(Reply(text="x", visibility=Visibility.DIRECT, user="anna", platform="console"))
    two.deliver(Reply(text="y", visibility=Visibility.DIRECT, user="anna", platform="memo2"))
    assert other.outlet.posted["dm-anna"][0][1] == "y"


# --- the same conversation through the console and through the third platform --------


@dataclass
class Seen:
    """What people read, per conversation: `@anna` (only for anna), `#algemeen`, `dm-anna`."""

    texts: dict[str, list[str]] = field(default_factory=dict)

    def add(self, where: str, text: str) -> None:
        self.texts.setdefault(where, []).append(text)

    def of(self, where: str) -> str:
        return "\n".join(self.texts.get(where, []))


Say = Callable[[str, str, str | None], None]  # user, line (a command or `:press id value`)


def _console(core: Core) -> Iterator[tuple[Say, Seen]]:
    seen = Seen()

    class Recording(Console):
        def show(self, replies: list[Reply]) -> None:  # type: ignore[override]
            for reply in replies:
                if reply.visibility is Visibility.DIRECT:
                    seen.add(f"dm-{reply.user}", render(reply))
                elif reply.visibility is Visibility.CHANNEL:
                    seen.add(f"#{reply.channel or self.channel}", render(reply))
                else:
                    seen.add(f"@{self.user_id}", render(reply))

    console = Recording(core, io.StringIO(), "admin", "nl")

    def say(user: str, line: str, channel: str | None) -> None:
        console.user_id, console.channel = user, channel
        console.handle_line(line)

    yield say, seen


def _memo(core: Core) -> Iterator[tuple[Say, Seen]]:
    settings = load_settings({})
    platforms = platform_for(settings, core, Metrics(core.db, core.clock), names=["memo"],
                             available=WITH_MEMO)  # fmt: skip
    (memo,) = platforms.all
    assert isinstance(memo, Memo)
    memo.start("")
    seen = Seen()

    def say(user: str, line: str, channel: str | None) -> None:
        if line.startswith(":press "):
            action_id, _, value = line.removeprefix(":press ").partition(" ")
            read = memo.receive(user, channel, action_id=action_id, action_value=value)
        else:
            command, _, text = line.lstrip("/").partition(" ")
            read = memo.receive(user, channel, command=command, text=text.replace("\\n", "\n"))
        if read:
            seen.add(f"@{user}", read)
        for where, posts in memo.outlet.posted.items():
            for _message, text in posts:
                seen.add(where if where.startswith("dm-") else f"#{where}", text)
        memo.outlet.posted.clear()

    yield say, seen
    platforms.close()


@pytest.mark.parametrize("platform", [_console, _memo], ids=["console", "third platform"])
def test_the_same_conversation_on_the_console_and_a_third_platform(
    core: Core, platform: Callable[[Core], Iterator[tuple[Say, Seen]]]
) -> None:
    for say, seen in platform(core):
        say("admin", "/ciso lid <@anna> Den Haag ciso werkgroep", "algemeen")
        say("admin", "/ciso lid <@bram> Leiden ciso", "algemeen")
        assert "anna is toegevoegd: Den Haag, rollen ciso, werkgroep." in seen.of("@admin")
        say("anna", "/kennis deel Wachtwoordbeleid herzien\\nLange wachtwoorden en MFA. "
            "#wachtwoord", "algemeen")  # fmt: skip
        assert "Opgeslagen als kennisitem **#1**" in seen.of("@anna")
        say("anna", ":press kennis.announce 1", "algemeen")
        assert "Wachtwoordbeleid herzien" in seen.of("#algemeen")
        say("anna", "/kennis deel Lek bij leverancier TLP:AMBER #leverancier", "algemeen")
        say("bram", "/kennis zoek leverancier", None)
        assert "Lek bij leverancier" in seen.of("@bram")  # AMBER is fine privately ...
        say("bram", "/actie nieuw Logbeleid opstellen <@anna> vrijdag", None)
        assert "Logbeleid opstellen" in seen.of("dm-anna")  # the owner hears it by DM
        assert "leverancier" not in (seen.of("#algemeen") + seen.of("#netwerk")).lower()
        say("carol", "/kennis zoek wachtwoord", "algemeen")
        assert "Niets gevonden" in seen.of("@carol")  # ... GREEN is not for outsiders
