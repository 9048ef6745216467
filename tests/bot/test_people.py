"""Who a platform user is (`bot.people`), shared by every adapter."""

from __future__ import annotations

from bot.people import LookupFailed, People, Person


def test_a_person_is_asked_once_nobody_is_remembered_and_a_failure_is_asked_again() -> None:
    asked: list[str] = []
    down = {"U3"}

    def look_up(user: str) -> Person | None:
        asked.append(user)
        if user in down:
            raise LookupFailed("timeout")
        return Person("anna", "Anna de Vries", "Europe/Amsterdam") if user == "U1" else None

    people = People("test", look_up)
    for _ in range(3):
        assert people.person("U1").name == "Anna de Vries"
        assert people.person("U2") == Person()  # no such user
        assert people.person("U3") == Person()  # the platform did not answer
    assert asked.count("U1") == 1 and asked.count("U2") == 1 and asked.count("U3") == 3
    down.clear()
    assert people.person("U3") == Person()  # answered now: no such user, remembered
    request = people.request("U1", channel="", user_name="anna.handle", text="x")
    assert (request.user_name, request.timezone, request.is_direct) == (
        "Anna de Vries",
        "Europe/Amsterdam",
        True,
    )
    assert people.request("U2", channel="C1", user_name="given").user_name == "given"
