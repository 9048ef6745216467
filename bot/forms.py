"""Forms for what otherwise takes a command with arguments, on every platform with forms.

`/kennis deel`, `/knelpunt meld` and `/actie nieuw` without text open a form (a
Slack modal, a Mattermost interactive dialog). A submitted form is checked here
(required fields, lengths, the deadline) so that mistakes come back as field errors
in the form; what passes becomes the same command text a user could have typed, and
goes through the same handlers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from handlers.core import UserError
from handlers.deadlines import Deadlines
from handlers.i18n import translate
from handlers.workdays import WorkCalendar
from storage.tlp import TLP

LABELS = (TLP.CLEAR, TLP.GREEN, TLP.AMBER, TLP.AMBER_STRICT)
MAX_TITLE = 200
MAX_TEXT = 20_000
MAX_NOTE = 4_000  # a progress update or a reason for postponing


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text, long, tlp, user
    required: bool = True


@dataclass(frozen=True)
class Form:
    callback_id: str
    command: str
    fields: tuple[Field, ...]


FORMS = {
    "kennis.share": Form(
        "kennis.share",
        "kennis",
        (Field("title", "text"), Field("text", "long"), Field("tags", "text", False),
         Field("tlp", "tlp")),
    ),
    "knelpunt.report": Form(
        "knelpunt.report",
        "knelpunt",
        (Field("title", "text"), Field("description", "long", False),
         Field("theme", "text", False), Field("tlp", "tlp")),
    ),
    "actie.new": Form(
        "actie.new",
        "actie",
        (Field("title", "text"), Field("owner", "user"), Field("deadline", "text"),
         Field("bottleneck", "text", False)),
    ),
    # From a reminder's buttons; the action's number travels in the view's metadata.
    "actie.update": Form("actie.update", "actie", (Field("text", "long"),)),
    "actie.postpone": Form(
        "actie.postpone", "actie", (Field("deadline", "text"), Field("reason", "long"))
    ),
}  # fmt: skip
# Buttons that open a form in Slack rather than asking for a command.
OPENED_BY_BUTTON = {"actie.update_prompt": "actie.update", "actie.postpone_week": "actie.postpone"}
# Which command (and first word) opens which form when nothing else is typed.
OPENED_BY = {
    ("kennis", "deel"): "kennis.share",
    ("kennis", "share"): "kennis.share",
    ("knelpunt", "meld"): "knelpunt.report",
    ("knelpunt", "report"): "knelpunt.report",
    ("actie", "nieuw"): "actie.new",
    ("actie", "new"): "actie.new",
}


@dataclass(frozen=True)
class Submitted:
    command: str
    text: str


def submission(
    form_id: str,
    filled: Mapping[str, str],
    language: str,
    today: date,
    calendar: WorkCalendar,
    metadata: str = "",
) -> Submitted | dict[str, str]:
    """The command a submitted form stands for, or field errors (block id → message)."""
    form = FORMS[form_id]
    errors: dict[str, str] = {}

    def t(key: str, /, **params: object) -> str:
        return translate(language, key, **params)

    for field in form.fields:
        if field.required and not filled.get(field.name):
            errors[field.name] = t("form.error.required")
    title = filled.get("title", "")
    if len(title) > MAX_TITLE:
        errors["title"] = t("form.error.too_long", limit=MAX_TITLE)
    for name, limit in (("text", MAX_TEXT), ("description", MAX_TEXT), ("reason", MAX_NOTE)):
        limit = MAX_NOTE if form_id == "actie.update" else limit
        if len(filled.get(name, "")) > limit:
            errors[name] = t("form.error.too_long", limit=limit)
    if form_id in ("actie.update", "actie.postpone") and not metadata.isdigit():
        errors[form.fields[0].name] = t("form.error.number")
    label = TLP.parse(filled.get("tlp", "")) if "tlp" in filled else None
    if any(f.kind == "tlp" for f in form.fields) and label not in LABELS:
        errors["tlp"] = t("form.error.tlp")
    if form_id in ("actie.new", "actie.postpone"):
        deadline = filled.get("deadline", "")
        if deadline and "deadline" not in errors:
            try:
                Deadlines(today, calendar, language).parse(deadline)
            except UserError as error:
                errors["deadline"] = t(error.key, **error.params)
        number = filled.get("bottleneck", "").lstrip("#")
        if number and not (number.isascii() and number.isdigit()):
            errors["bottleneck"] = t("form.error.number")
    if errors:
        return errors
    tags = " ".join(
        "#" + re.sub(r"\s+", "-", tag.strip().lstrip("#"))
        for tag in re.split(r"[,;]", filled.get("tags", ""))
        if tag.strip().lstrip("#")
    )
    if form_id == "actie.update":
        return Submitted(command="actie", text=f"update {metadata} {filled['text']}")
    if form_id == "actie.postpone":
        text = f"uitstel {metadata} {filled['deadline']} — {filled['reason']}"
        return Submitted(command="actie", text=text)
    if form_id == "kennis.share":
        text = f"deel {title}\n{filled['text']} {tags} {label}"
    elif form_id == "knelpunt.report":
        description = filled.get("description", "")
        theme = re.sub(r"\s+", "-", filled.get("theme", "").strip().lstrip("#"))
        text = f"meld {title}" + (f" — {description}" if description else "")
        text += (f" #{theme}" if theme else "") + f" {label}"
    else:
        number = filled.get("bottleneck", "").lstrip("#")
        text = f"nieuw {title} <@{filled['owner']}> {filled['deadline']}"
        text += f" knelpunt {number}" if number else ""
    return Submitted(command=form.command, text=text.strip())
