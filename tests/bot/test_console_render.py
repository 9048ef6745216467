"""The console adapter's translation: mentions in, plain text out."""

from __future__ import annotations

from bot.console import render, to_neutral_mentions
from handlers.messages import Button, Field, Reply, Section


def test_mentions_become_neutral_but_mass_mentions_and_emails_do_not() -> None:
    assert to_neutral_mentions("@anna en @bram.leiden") == "<@anna> en <@bram.leiden>"
    assert to_neutral_mentions("@here @channel a@b.nl") == "@here @channel a@b.nl"


def test_render_shows_fields_context_links_users_and_how_to_press_buttons() -> None:
    reply = Reply(
        text="Hoi <@U1>",
        sections=(
            Section(
                text="**Titel**",
                fields=(Field("Bron", "<https://x.example/1|bericht>"),),
                context="TLP:GREEN",
                buttons=(Button("kennis.show", "1", "Bekijken"),),
            ),
        ),
    )
    assert render(reply) == (
        "Hoi @U1\n\n**Titel**\n  Bron: bericht (https://x.example/1)\n  (TLP:GREEN)\n"
        "  [Bekijken]  :press kennis.show 1"
    )
