"""Slack modals for the forms in `handlers.forms`: the view, and what was filled in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from handlers.forms import FORMS, LABELS, Field
from handlers.i18n import translate
from storage.tlp import TLP

Block = dict[str, Any]


def _plain(text: str, limit: int = 150) -> Block:
    return {"type": "plain_text", "text": text[:limit]}


def _element(field: Field, language: str, default_tlp: TLP) -> Block:
    if field.kind == "tlp":
        options = [{"text": _plain(label.value), "value": label.value} for label in LABELS]
        select: Block = {"type": "static_select", "action_id": field.name, "options": options}
        if field.required:  # an optional label (an action's) starts empty: the bottleneck's
            select["initial_option"] = next(o for o in options if o["value"] == default_tlp.value)
        return select
    if field.kind == "user":
        return {"type": "users_select", "action_id": field.name}
    element: Block = {"type": "plain_text_input", "action_id": field.name}
    if field.kind == "long":
        element["multiline"] = True
        element["max_length"] = 3000
    key = f"form.placeholder.{field.name}"
    element["placeholder"] = _plain(translate(language, key))
    return element


def modal(
    form_id: str,
    language: str,
    default_tlp: TLP,
    metadata: str = "",
    initial: Mapping[str, str] | None = None,
) -> Block:
    """The Slack view for a form, in the reader's language."""
    form = FORMS[form_id]
    blocks = []
    for field in form.fields:
        element = _element(field, language, default_tlp)
        if initial and initial.get(field.name) and field.kind in ("text", "long"):
            element["initial_value"] = initial[field.name]
        blocks.append(
            {
                "type": "input",
                "block_id": field.name,
                "optional": not field.required,
                "label": _plain(translate(language, f"form.field.{field.name}")),
                "element": element,
            }
        )
    return {
        "type": "modal",
        "callback_id": form.callback_id,
        "private_metadata": metadata[:3000],
        "title": _plain(translate(language, f"form.title.{form_id}"), 24),
        "submit": _plain(translate(language, "form.submit"), 24),
        "close": _plain(translate(language, "form.cancel"), 24),
        "blocks": blocks,
    }


def values(state: Mapping[str, Any]) -> dict[str, str]:
    """What was filled in, by field name, from a `view_submission`'s `view.state`."""
    found: dict[str, str] = {}
    for block_id, actions in (state.get("values") or {}).items():
        for value in actions.values():
            chosen = value.get("selected_option") or {}
            found[block_id] = (
                value.get("value") or chosen.get("value") or value.get("selected_user") or ""
            ).strip()
    return found
