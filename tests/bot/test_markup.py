"""The neutral markup, read once for every renderer (`bot.markup`)."""

from __future__ import annotations

from bot import markup


def test_plain_keeps_the_words_and_drops_the_markup() -> None:
    text = "**Let op**: zie <https://www.ibd.nl/advies|het IBD-advies> of <mailto:a@b.nl>"
    assert markup.plain(text) == "Let op: zie het IBD-advies of mailto:a@b.nl"
    assert markup.plain("<@U1|Anna> en <!here>") == "<@U1|Anna> en <!here>"  # not links


def test_links_are_written_in_each_dialect_and_cut_marks_what_it_left_out() -> None:
    text = "<https://x.nl/a|advies> en <https://x.nl/b>"
    assert markup.links(text, lambda url, label: f"[{label}]({url})") == (
        "[advies](https://x.nl/a) en https://x.nl/b"
    )
    assert markup.cut("abcdef", 4) == "abc…" and markup.cut("abc", 4) == "abc"
