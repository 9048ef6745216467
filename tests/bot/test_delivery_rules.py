"""The delivery rules every platform shares (`bot.delivery`), tested once.

The outlet here records what a platform would have been asked to do; the adapters'
own tests (against the fake servers) show that each platform's outlet does it.
"""

from __future__ import annotations

import pytest

from bot.delivery import HISTORY, Courier, send
from handlers.core import Core
from handlers.messages import DeliveryKey, Reply, Request, Visibility
from storage.tlp import TLP


class Refused(Exception):
    pass


class RecordingOutlet:
    refusals: tuple[type[Exception], ...] = (Refused,)

    def __init__(self, already: list[str] | None = None, refuse: str = "") -> None:
        self.posts: list[tuple[str, str, str]] = []  # (channel, text, dm user)
        self.looked: list[tuple[str, int]] = []
        self.already = already or []
        self.refuse = refuse

    def dm_channel(self, user: str) -> str:
        return f"dm-{user}"

    def post(self, channel: str, reply: Reply, *, user: str = "") -> None:
        if self.refuse and reply.text == self.refuse:
            raise Refused("no")
        self.posts.append((channel, reply.text, user))

    def recent(self, channel: str, limit: int) -> list[str]:
        self.looked.append((channel, limit))
        return self.already


ASKED = Request(platform="test", user_id="U1", channel_id="C1", command="kennis")


def test_each_visibility_goes_where_it_says() -> None:
    outlet = RecordingOutlet()
    send(outlet, Reply(text="kanaal", visibility=Visibility.CHANNEL), ASKED)
    send(outlet, Reply(text="elders", visibility=Visibility.CHANNEL, channel="C9"), ASKED)
    send(outlet, Reply(text="dm", visibility=Visibility.DIRECT, user="U2"), ASKED)
    send(outlet, Reply(text="alleen jij"), ASKED)  # no way to answer in place: a DM
    answered: list[str] = []

    def answer(reply: Reply) -> bool:
        answered.append(reply.text)
        return True

    send(outlet, Reply(text="hier"), ASKED, answer=answer)
    assert outlet.posts == [("C1", "kanaal", ""), ("C9", "elders", ""), ("dm-U2", "dm", "U2"),
                            ("dm-U1", "alleen jij", "U1")]  # fmt: skip
    assert answered == ["hier"]


@pytest.mark.parametrize("label", [TLP.AMBER, TLP.AMBER_STRICT, TLP.RED])
def test_nothing_above_green_is_posted_in_a_channel(label: TLP) -> None:
    outlet = RecordingOutlet()
    with pytest.raises(ValueError):
        send(outlet, Reply(text="geheim", visibility=Visibility.CHANNEL, channel="C1", tlp=label))
    send(outlet, Reply(text="geheim", visibility=Visibility.DIRECT, user="U2", tlp=label))
    assert outlet.posts == [("dm-U2", "geheim", "U2")]


def test_a_reply_without_a_place_is_refused_not_guessed() -> None:
    with pytest.raises(ValueError):
        send(RecordingOutlet(), Reply(text="x", visibility=Visibility.CHANNEL))
    with pytest.raises(ValueError):
        send(RecordingOutlet(), Reply(text="x", visibility=Visibility.DIRECT))


def test_a_message_that_may_have_gone_out_is_looked_for_first() -> None:
    key = DeliveryKey("reminder", 12, "claim")
    maybe = Reply(text="herinnering", visibility=Visibility.DIRECT, user="U2", key=key,
                  maybe_sent=True)  # fmt: skip
    there = RecordingOutlet(already=["digest:3", "reminder:12"])
    send(there, maybe)
    assert there.posts == [] and there.looked == [("dm-U2", HISTORY)]
    missing = RecordingOutlet(already=["reminder:11"])
    send(missing, maybe)
    assert [p[1] for p in missing.posts] == ["herinnering"]
    first_try = RecordingOutlet(already=["reminder:12"])
    send(first_try, Reply(text="herinnering", visibility=Visibility.DIRECT, user="U2", key=key))
    assert first_try.looked == [] and len(first_try.posts) == 1  # nothing to look for


def test_a_refused_reply_is_told_to_who_asked_and_others_go_through_the_outbox(
    core: Core,
) -> None:
    outlet = RecordingOutlet(refuse="antwoord")
    courier = Courier(core, outlet, "test", "Testplatform")
    elsewhere: list[Reply] = []
    courier.elsewhere = elsewhere.append
    keyed = Reply(text="aan bram", visibility=Visibility.DIRECT, user="U2",
                  key=DeliveryKey("outbox", 1, "t"))  # fmt: skip
    courier.deliver_all([Reply(text="antwoord"), keyed], ASKED)
    assert [r.text for r in elsewhere] == ["aan bram"]  # on the recipient's own platform
    (told,) = outlet.posts
    assert told[0] == "dm-U1" and "Testplatform" in told[1]
