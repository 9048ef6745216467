"""Mattermost: reminders, digests, files and failures, end to end against the fake server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.clock import FixedClock
from bot.scheduler import sweep
from storage.tlp import Audience
from tests.bot.fake_mattermost import BOT_ID
from tests.bot.mattermost_harness import ANNA, BRAM, MattermostBot, eventually, mattermost_bot
from tests.conftest import AMSTERDAM


@pytest.fixture
def bot(tmp_path: Path, clock: FixedClock) -> Iterator[MattermostBot]:
    with mattermost_bot(tmp_path, clock) as running:
        yield running


def test_reminders_reach_mattermost_by_dm_once_even_after_a_crash(bot: MattermostBot) -> None:
    from bot.app import build_router
    from handlers.core import Core

    bot.core_says(ANNA, "actie", f"nieuw Logbeleid <@{BRAM}> vrijdag 11 december")
    bot.clock.set(datetime(2026, 12, 4, 9, 0, tzinfo=AMSTERDAM))
    assert sweep(bot.app.core, bot.mattermost.deliver) == 1
    (reminder,) = bot.dm(BRAM)
    assert reminder["user_id"] == BOT_ID and "Logbeleid" in reminder["message"]
    assert reminder["props"]["ciso_bot_message"].startswith("reminder:")
    pressed = {a["integration"]["context"]["action_id"] for a in bot.buttons(reminder)}
    assert {"actie.done", "actie.postpone_week", "actie.update_prompt"} <= pressed
    # The next one is taken, delivered, and the process dies before recording it.
    bot.clock.set(datetime(2026, 12, 10, 9, 0, tzinfo=AMSTERDAM))
    (claimed,) = bot.app.core.tick()
    bot.mattermost.deliver(claimed)
    bot.clock.set(datetime(2026, 12, 10, 9, 5, tzinfo=AMSTERDAM))
    restarted = Core(build_router(), bot.app.db, bot.clock, bot.app.core.settings)
    assert sweep(restarted, bot.mattermost.deliver) == 1  # recorded now, not posted again
    assert len(bot.dm(BRAM)) == 2


def test_the_done_button_on_a_reminder_closes_the_action(bot: MattermostBot) -> None:
    bot.core_says(ANNA, "actie", f"nieuw Logbeleid <@{BRAM}> vrijdag 11 december")
    bot.clock.set(datetime(2026, 12, 4, 9, 0, tzinfo=AMSTERDAM))
    sweep(bot.app.core, bot.mattermost.deliver)
    (reminder,) = bot.dm(BRAM)
    done = next(a for a in bot.buttons(reminder)
                if a["integration"]["context"]["action_id"] == "actie.done")  # fmt: skip
    answer = bot.fake.press(BRAM, done, channel=bot.fake.dm_id(BRAM), post_id=reminder["id"])
    assert "afgerond" in answer.json().get("ephemeral_text", "") + str(bot.dm(BRAM))
    from storage import actions

    with bot.app.db.read() as session:
        assert actions.listed(session, Audience.bookkeeping(), owner_id=None)[1] == 0


def test_postponing_from_a_reminder_opens_a_dialog_with_the_reason(bot: MattermostBot) -> None:
    bot.core_says(ANNA, "actie", f"nieuw Logbeleid <@{BRAM}> vrijdag 11 december")
    bot.clock.set(datetime(2026, 12, 4, 9, 0, tzinfo=AMSTERDAM))
    sweep(bot.app.core, bot.mattermost.deliver)
    (reminder,) = bot.dm(BRAM)
    later = next(a for a in bot.buttons(reminder)
                 if a["integration"]["context"]["action_id"] == "actie.postpone_week")  # fmt: skip
    assert bot.fake.press(BRAM, later, post_id=reminder["id"]).json() == {}
    dialog = bot.fake.dialogs[-1]
    assert [e["name"] for e in dialog["dialog"]["elements"]] == ["deadline", "reason"]
    missing = bot.fake.submit(dialog, BRAM, {"deadline": "over 1 week", "reason": ""}).json()
    assert "reason" in missing["errors"]
    bot.fake.submit(dialog, BRAM, {"deadline": "over 2 weken", "reason": "Leverancier is laat"})
    assert eventually(lambda: "18 december" in str(bot.fake.in_channel(bot.fake.dm_id(BRAM))))


def test_the_weekly_digest_reaches_the_portfolio_holder(bot: MattermostBot) -> None:
    mayor = "usrmayor000000000000000001"
    bot.fake.add_user(mayor, "burgemeester", "Burgemeester", "Van Dijk")
    bot.core_says("usradmin000000000000000001", "ciso",
                  f"lid <@{mayor}|burgemeester> Zoetermeer portefeuillehouder")  # fmt: skip
    bot.core_says(BRAM, "knelpunt", "meld Leverancier levert geen auditlogs")
    bot.clock.set(datetime(2026, 11, 30, 8, 0, tzinfo=AMSTERDAM))
    assert sweep(bot.app.core, bot.mattermost.deliver) == 1
    (digest,) = bot.dm(mayor)
    assert "Weekoverzicht CISO-netwerk" in digest["message"]
    texts = " ".join(a.get("text", "") for a in digest["props"]["attachments"])
    assert "Wat vraagt dit van u?" in texts and "Leverancier levert geen auditlogs" in texts
    assert sweep(bot.app.core, bot.mattermost.deliver) == 0


def test_exports_and_the_report_are_uploaded_as_files_to_the_dm(bot: MattermostBot) -> None:
    bot.core_says(BRAM, "knelpunt", "meld Leverancier levert geen logs")
    answer = bot.command(ANNA, "ciso", "rapport Q4 2026")
    assert answer.status_code == 200
    assert eventually(lambda: len(bot.fake.files) == 4)
    names = sorted(info["name"] for info, _content in bot.fake.files.values())
    assert names == [
        "voortgangsrapportage-q4-2026.docx",
        "voortgangsrapportage-q4-2026.md",
        "voortgangsrapportage-q4-2026.pdf",
        "voortgangsrapportage-q4-2026.png",
    ]
    (post,) = bot.dm(ANNA)
    assert len(post["file_ids"]) == 4
    png = next(c for info, c in bot.fake.files.values() if info["name"].endswith(".png"))
    assert png.startswith(b"\x89PNG")


def test_a_rate_limit_is_waited_out_and_a_refusal_is_told(bot: MattermostBot) -> None:
    bot.fake.fail("POST /api/v4/posts", 429, "api.context.rate_limited", retry_after="0")
    bot.command(BRAM, "knelpunt", "meld Wachtwoordkluis ontbreekt")  # announced in the channel
    assert eventually(lambda: "Wachtwoordkluis" in str(bot.fake.posts))
    assert bot.fake.failures["POST /api/v4/posts"] == []  # the 429 was met, and waited out
    # The server refuses: what was stored stays, and the user hears it where they asked
    # (through the command's response_url, as every answer only for them).
    bot.fake.fail("POST /api/v4/posts", 500, "app.post.save.app_error")
    bot.command(ANNA, "knelpunt", "meld Geen budget voor pentests")
    assert eventually(lambda: "niet (overal) afleveren" in str(bot.fake.responses))
    from storage.models import Bottleneck

    with bot.app.db.read() as session:
        titles = {b.title for b in session.query(Bottleneck)}
    assert "Geen budget voor pentests" in titles


def test_the_time_zone_comes_from_the_users_profile(bot: MattermostBot) -> None:
    bot.fake.add_user(
        "usrkralendijk0000000000001", "ria", "Ria", "Bonaire", zone="America/Kralendijk"
    )
    bot.core_says("usradmin000000000000000001", "ciso",
                  "lid <@usrkralendijk0000000000001|ria> Den Haag ciso")  # fmt: skip
    me = bot.command("usrkralendijk0000000000001", "ciso", "ik").json()
    assert "America/Kralendijk" in str(me)


def test_a_refused_token_stops_the_start(tmp_path: Path) -> None:
    from tests.bot.cli_runner import run_cli
    from tests.bot.fake_mattermost import COMMAND_TOKENS_SETTING, running

    with running() as fake:
        env = {"MATTERMOST_URL": fake.url, "MATTERMOST_TOKEN": "verkeerd",
               "MATTERMOST_COMMAND_TOKENS": COMMAND_TOKENS_SETTING}  # fmt: skip
        result = run_cli(tmp_path, "tick", env=env)
    assert result.returncode == 2 and "401" in result.stderr
    assert "verkeerd" not in result.stderr  # secrets never reach the log


def test_a_new_action_from_a_dialog_with_the_owner_chosen_from_the_users(
    bot: MattermostBot,
) -> None:
    bot.command(ANNA, "actie", "nieuw")
    assert eventually(lambda: bot.fake.dialogs)
    dialog = bot.fake.dialogs[-1]
    owner = next(e for e in dialog["dialog"]["elements"] if e["name"] == "owner")
    assert owner["type"] == "select" and owner["data_source"] == "users"
    wrong = bot.fake.submit(dialog, ANNA, {"title": "Logbeleid", "owner": BRAM,
                                           "deadline": "april"}).json()  # fmt: skip
    assert "deadline" in wrong["errors"]
    bot.fake.submit(dialog, ANNA, {"title": "Logbeleid", "owner": BRAM, "deadline": "over 2 weken"})
    from storage import actions, members

    def created() -> bool:
        with bot.app.db.read() as session:
            found, _ = actions.listed(session, Audience.bookkeeping())
            bram = members.get_member(session, "mattermost", BRAM)
        return bram is not None and [(a.title, a.owner_id) for a in found] == [
            ("Logbeleid", bram.id)
        ]

    assert eventually(created)


def test_a_dialog_stores_the_label_picked_and_the_title_as_written(bot: MattermostBot) -> None:
    """Reproduction 1 in Mattermost: the dialog's fields reach the core as fields."""
    from storage.models import Bottleneck, KnowledgeItem

    bot.command(ANNA, "kennis", "deel")
    assert eventually(lambda: bot.fake.dialogs)
    bot.fake.submit(bot.fake.dialogs[-1], ANNA, {
        "title": "Leverancier X — geen patches", "text": "Het IBD-advies (TLP:CLEAR) is bekend.",
        "tags": "", "tlp": "TLP:AMBER+STRICT"})  # fmt: skip
    bot.command(ANNA, "knelpunt", "meld")
    assert eventually(lambda: len(bot.fake.dialogs) == 2)
    bot.fake.submit(bot.fake.dialogs[-1], ANNA, {
        "title": "Inkoop Y — zonder SLA: B.V. zwijgt", "description": "Contract loopt af in maart.",
        "theme": "", "tlp": "TLP:AMBER"})  # fmt: skip

    def stored() -> list[tuple[str, str]]:
        with bot.app.db.read() as session:
            items = [(i.title, i.tlp) for i in session.query(KnowledgeItem)]
            return items + [(b.title, b.tlp) for b in session.query(Bottleneck)]

    assert eventually(lambda: len(stored()) == 2), (stored(), [p["message"] for p in bot.dm(ANNA)])
    assert stored() == [
        ("Leverancier X — geen patches", "TLP:AMBER+STRICT"),
        ("Inkoop Y — zonder SLA: B.V. zwijgt", "TLP:AMBER"),
    ]


def test_an_action_dialog_takes_a_label_and_refuses_one_below_its_bottleneck(
    bot: MattermostBot,
) -> None:
    from storage import actions

    bot.core_says(ANNA, "knelpunt", "meld Leverancier lekt gegevens TLP:AMBER")
    bot.command(ANNA, "actie", "nieuw")
    assert eventually(lambda: bot.fake.dialogs)
    dialog = bot.fake.dialogs[-1]
    label = next(e for e in dialog["dialog"]["elements"] if e["name"] == "tlp")
    assert label["optional"] and label["default"] == ""
    bot.fake.submit(dialog, ANNA, {"title": "Patchen", "owner": BRAM, "deadline": "vrijdag",
                                   "bottleneck": "1", "tlp": "TLP:GREEN"})  # fmt: skip
    assert eventually(lambda: any("niet minder streng" in p["message"] for p in bot.dm(ANNA)))
    # The dialog closed with that submission (a second one of it counts for nothing).
    bot.fake.submit(dialog, ANNA, {"title": "Patchen", "owner": BRAM, "deadline": "vrijdag",
                                   "bottleneck": "1"})  # fmt: skip
    bot.command(ANNA, "actie", "nieuw")
    assert eventually(lambda: len(bot.fake.dialogs) == 2)
    again = {"title": "Patchen", "owner": BRAM, "deadline": "vrijdag", "bottleneck": "1"}
    bot.fake.submit(bot.fake.dialogs[-1], ANNA, again)

    def created() -> list[str]:
        with bot.app.db.read() as session:
            return [a.tlp.value for a in actions.listed(session, Audience.bookkeeping())[0]]

    assert eventually(lambda: created() == ["TLP:AMBER"])


def test_a_bookmark_in_a_private_channel_is_saved_as_amber(bot: MattermostBot) -> None:
    """Reproduction 7 in Mattermost: the server says the channel is private ("P")."""
    from storage.models import KnowledgeItem

    bot.fake.add_channel("chanprive000000000000000001", "crisis", kind="P")
    post = bot.fake.create_post(BRAM, "chanprive000000000000000001", "Incident, nog intern", {}, [])
    bot.fake.react(ANNA, post["id"])
    assert eventually(lambda: any("besloten kanaal" in p["message"] for p in bot.dm(ANNA)))
    with bot.app.db.read() as session:
        assert [i.tlp for i in session.query(KnowledgeItem)] == ["TLP:AMBER"]
