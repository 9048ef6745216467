"""The bounded memory adapters use for what is cheap to look up again."""

from __future__ import annotations

from bot.remembered import Remembered


def test_the_oldest_entries_make_way_and_none_is_a_remembered_answer() -> None:
    seen: Remembered[str | None] = Remembered(2)
    seen.put("a", "1")
    seen.put("b", None)  # "not a question" is an answer worth keeping too
    seen.put("c", "3")
    assert "a" not in seen and "b" in seen and seen.get("b") is None
    seen.put("b", "2")  # put again: the newest
    seen.put("d", "4")
    assert "c" not in seen and seen.get("b") == "2" and seen.get("d") == "4"
