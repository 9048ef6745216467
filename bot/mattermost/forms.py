"""Mattermost interactive dialogs for the forms in `handlers.forms`, and the confirm dialog.

A dialog's `state` comes back with its submission; it carries what the dialog is
for (a form, or a button to confirm) and is signed, because Mattermost sends no
credentials with a submission.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from bot.markup import plain
from bot.mattermost.signing import Binding, Signer
from handlers.forms import FORMS, LABELS, Field
from handlers.i18n import CATALOGUES, translate
from handlers.messages import Button
from storage.tlp import TLP

Json = dict[str, Any]
# What a Mattermost server accepts in a dialog (it refuses to open one beyond these).
TITLE = 24
DISPLAY_NAME = 24
TEXT = 150
TEXTAREA = 3000


def _element(field: Field, language: str, default_tlp: TLP, initial: str) -> Json:
    element: Json = {
        "display_name": translate(language, f"form.field.{field.name}")[:DISPLAY_NAME],
        "name": field.name,
        "optional": not field.required,
    }
    if field.kind == "tlp":
        options = [{"text": label.value, "value": label.value} for label in LABELS]
        # An optional label (an action's) starts empty: the bottleneck's label, else the default.
        default = default_tlp.value if field.required else ""
        return {**element, "type": "select", "options": options, "default": default}
    if field.kind == "user":
        return {**element, "type": "select", "data_source": "users"}
    key = f"form.placeholder.{field.name}"
    placeholder = translate(language, key) if key in CATALOGUES["nl"] else ""
    element.update({"type": "textarea" if field.kind == "long" else "text",
                    "placeholder": placeholder[:150],
                    "default": initial[: TEXTAREA if field.kind == "long" else TEXT]})  # fmt: skip
    element["max_length"] = TEXTAREA if field.kind == "long" else TEXT
    return element


def dialog(
    form_id: str,
    language: str,
    default_tlp: TLP,
    signer: Signer,
    bound: Binding,
    metadata: str = "",
    initial: Mapping[str, str] | None = None,
) -> Json:
    """The dialog for a form, for `bound.user` in `bound.channel` only."""
    form = FORMS[form_id]
    state = _state(signer, bound, form=form_id, metadata=metadata)
    return {
        "callback_id": form_id,
        "title": translate(language, f"form.title.{form_id}")[:TITLE],
        "submit_label": translate(language, "form.submit"),
        "notify_on_cancel": False,
        "state": state,
        "elements": [
            _element(f, language, default_tlp, (initial or {}).get(f.name, "")) for f in form.fields
        ],
    }


def confirm_dialog(button: Button, language: str, signer: Signer, bound: Binding) -> Json:
    """Mattermost buttons cannot ask "are you sure?": a small dialog does."""
    context = signer.context(button, bound, confirmed=True)
    return {
        "callback_id": "confirm",
        "title": translate(language, "confirm.title")[:TITLE],
        "introduction_text": plain(button.confirm),
        "submit_label": translate(language, "confirm.yes"),
        "notify_on_cancel": False,
        "state": json.dumps({"button": context}),
        "elements": [],
    }


def _state(signer: Signer, bound: Binding, **fields: str) -> str:
    carrier = Button(action_id="dialog", value=json.dumps(fields, sort_keys=True), label="")
    return json.dumps({"dialog": signer.context(carrier, bound)})


def read_state(text: str, signer: Signer, user: str, channel: str) -> tuple[str, Json] | None:
    """What a submitted dialog was for: ("form", carrier) or ("button", context).

    None when the state is not one we signed for this user in this channel, or expired.
    """
    try:
        state = json.loads(text or "{}")
    except ValueError:
        return None
    if not isinstance(state, dict):
        return None
    if isinstance(state.get("button"), dict):
        context = state["button"]
        return ("button", context) if signer.refusal(context, user, channel) is None else None
    carrier = state.get("dialog")
    if not isinstance(carrier, dict) or signer.refusal(carrier, user, channel) is not None:
        return None
    try:
        fields = json.loads(str(carrier.get("value", "")))
    except ValueError:
        return None
    if not isinstance(fields, dict):
        return None
    return "form", {**fields, "nonce": carrier["nonce"]}


def values(submission: Mapping[str, Any]) -> dict[str, str]:
    """What was filled in, by field name."""
    return {str(k): str(v if v is not None else "").strip() for k, v in submission.items()}
