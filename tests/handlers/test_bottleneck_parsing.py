"""Reading what people type for bottleneck status changes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from handlers.bottlenecks.status import parse_status
from handlers.messages import UserError


def test_status_change_reads_body_reference_term_and_reason() -> None:
    change = parse_status("geëscaleerd naar IBD kenmerk IBD-2026-113 verwacht 8 weken — graag snel")
    assert (change.status, change.body, change.reference, change.expected, change.reason) == (
        "geescaleerd",
        "IBD",
        "IBD-2026-113",
        "8 weken",
        "graag snel",
    )


def test_two_word_status_and_a_reason_without_dash() -> None:
    change = parse_status("in behandeling we pakken het op")
    assert (change.status, change.reason) == ("in_behandeling", "we pakken het op")


@given(st.text(max_size=120))
def test_any_status_text_parses_or_gives_a_user_error(text: str) -> None:
    try:
        change = parse_status(text)
    except UserError:
        return
    assert change.status
