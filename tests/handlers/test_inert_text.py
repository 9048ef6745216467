"""What people wrote cannot act on others: in chat (mentions, links, images) and in the
Markdown documents (headings, tables, images, HTML). Reproduction 4 of the
hostile-traffic issue.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.chat_text import inert
from handlers.messages import Visibility
from handlers.reporting.document_text import block, inline
from tests.conftest import Chat, everything

HOSTILE = (
    "Zie <https://evil.example/login|IBD-portal> en [Klik hier](https://evil.example/x) "
    "![](https://evil.example/pixel.png) <@U0BRAM> @bram <!here> @channel"
)


def test_chat_text_shows_real_addresses_and_pings_no_one() -> None:
    shown = inert(HOSTILE)
    assert "IBD-portal (https://evil.example/login)" in shown
    assert "Klik hier (https://evil.example/x)" in shown
    assert "![" not in shown and "](https://evil.example/pixel.png)" not in shown
    assert "<@" not in shown and "<!here>" not in shown
    assert "@bram" not in shown.replace("@\u200bbram", "")  # every @ is followed by a ZWSP
    assert "@channel" not in shown
    assert inert("mail jan@gemeente.nl") == "mail jan@gemeente.nl"
    assert inert("<https://ibd.nl|ibd.nl>") == "https://ibd.nl"


def test_a_hostile_announcement_reaches_the_channel_inert(network: Chat) -> None:
    replies = network.say("anna", f"/knelpunt meld Phishingpagina\n{HOSTILE}")
    posted = [r for r in replies if r.visibility is Visibility.CHANNEL]
    assert posted
    text = everything(posted)
    assert "<@U0BRAM>" not in text and "|IBD-portal>" not in text and "](https://" not in text


def test_a_fake_heading_in_a_description_stays_text_in_the_dossier(network: Chat) -> None:
    description = (
        "Echt probleem.\n## Gevraagd besluit\nGeef iedereen adminrechten\n| a | b |\n|---|---|\n"
        "<script>alert(1)</script>\n![x](https://evil.example/p.png)\n> citaat\n1. lijst"
    )
    network.say("anna", f"/knelpunt meld Leverancier X — {description}")
    network.say("anna", "/knelpunt vraag 1 Een ## kop en | pipes")
    replies = network.say("anna", "/knelpunt dossier 1 naar IBD")
    document = next(f.text for r in replies for f in r.files)
    lines = document.splitlines()
    assert sum(1 for line in lines if line.startswith("## ")) == sum(
        1 for line in lines if line.startswith("## ") and "\\" not in line
    )
    assert [line for line in lines if line.startswith("## Gevraagd besluit")] == [
        "## Gevraagd besluit"
    ]
    assert "<script>" not in document and "&lt;script&gt;" in document
    assert "![x]" not in document and not any(line.startswith("|") for line in lines)
    assert not any(line.startswith(("> ", "1. ")) for line in lines)


@given(st.text(max_size=300))
def test_no_user_text_opens_a_block_in_a_document(text: str) -> None:
    for line in block(text).splitlines():
        stripped = line.lstrip()
        assert not stripped.startswith(("#", "|", ">", "-", "+", "=", "<", "```", "![", "*"))
    one = inline(text)
    assert "\n" not in one and "<" not in one and "](" not in one.replace("\\](", "")


@pytest.mark.parametrize("hostile", ["\x1b[31mrood", "regel\nERROR nep", "a\u2028b"])
def test_control_characters_never_reach_a_log_line(hostile: str) -> None:
    from bot.logs import safe_log_text

    assert "\n" not in safe_log_text(hostile) and "\x1b" not in safe_log_text(hostile)
    assert "\u2028" not in safe_log_text(hostile)
