"""Every dialog the bot can open fits what a Mattermost server accepts, in both languages."""

from __future__ import annotations

import pytest

from bot.mattermost.forms import confirm_dialog, dialog
from bot.mattermost.signing import Binding, Signer
from handlers.forms import FORMS
from handlers.messages import Button
from storage.tlp import TLP
from tests.bot.fake_mattermost import _dialog_fits


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("form_id", sorted(FORMS))
def test_each_form_fits_a_mattermost_dialog(form_id: str, language: str) -> None:
    signer = Signer(b"k")
    long_initial = {"deadline": "x" * 500, "text": "y" * 5000}
    assert _dialog_fits(
        dialog(form_id, language, TLP.GREEN, signer, Binding("u", "c"), "7", long_initial)
    )
    button = Button("kennis.delete", "1", "Verwijderen", confirm="Weet je het zeker? " * 20)
    assert _dialog_fits(confirm_dialog(button, language, signer, Binding("u", "c")))
