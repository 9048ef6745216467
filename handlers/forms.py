"""Forms for what otherwise takes a command with arguments, on every platform with forms.

`/kennis deel`, `/knelpunt meld` and `/actie nieuw` without text open a form (a
Slack modal, a Mattermost interactive dialog); adapters only render these neutral
definitions. A submitted form is checked here (required fields, lengths, the label,
the deadline) so that mistakes come back as field errors in the form; what passes
reaches its handler as fields (`Request.fields`), never as text to parse again, so
the label picked is the label stored and a title may hold any character.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from storage.tlp import TLP

from handlers.deadlines import Deadlines
from handlers.i18n import translate
from handlers.messages import UserError
from handlers.workdays import WorkCalendar

# What a form offers: RED needs named readers, which a form has no field for.
LABELS = (TLP.CLEAR, TLP.GREEN, TLP.AMBER, TLP.AMBER_STRICT)
LABEL_VALUES = frozenset(label.value for label in LABELS)
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
         Field("tlp", "tlp"), Field("valid_until", "text", False)),
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
         Field("bottleneck", "text", False), Field("tlp", "tlp", False)),
    ),
    # From a review question's *Bijwerken*: the item's number travels in the metadata,
    # and the form opens with the item as it is. The label is not in it: it stays.
    "kennis.edit": Form(
        "kennis.edit",
        "kennis",
        (Field("title", "text"), Field("text", "long"), Field("tags", "text", False),
         Field("valid_until", "text", False)),
    ),
    # From a question's *Antwoorden*: the question's number travels in the metadata.
    "kennis.answer": Form(
        "kennis.answer", "kennis", (Field("text", "long"), Field("tlp", "tlp", False))
    ),
    # From a reminder's buttons; the action's number travels in the view's metadata.
    "actie.update": Form("actie.update", "actie", (Field("text", "long"),)),
    "actie.postpone": Form(
        "actie.postpone", "actie", (Field("deadline", "text"), Field("reason", "long"))
    ),
}  # fmt: skip
# Buttons that open a form in Slack rather than asking for a command.
OPENED_BY_BUTTON = {
    "actie.update_prompt": "actie.update",
    "actie.postpone_week": "actie.postpone",
    "kennis.review_edit": "kennis.edit",
    "kennis.answer": "kennis.answer",
}
# Which command (and first word) opens which form when nothing else is typed.
OPENED_BY = {
    ("kennis", "deel"): "kennis.share",
    ("kennis", "share"): "kennis.share",
    ("knelpunt", "meld"): "knelpunt.report",
    ("knelpunt", "report"): "knelpunt.report",
    ("actie", "nieuw"): "actie.new",
    ("actie", "new"): "actie.new",
}


def opened_by(command: str, text: str) -> str | None:
    """The form a command opens on a platform with forms: its subcommand typed alone
    (`/kennis deel`); with anything after it, the command runs as typed."""
    words = text.strip().lower().split()
    return OPENED_BY.get((command, words[0])) if len(words) == 1 else None


def submission(
    form_id: str,
    filled: Mapping[str, str],
    language: str,
    today: date,
    calendar: WorkCalendar,
    metadata: str = "",
) -> dict[str, str]:
    """Field errors of a submitted form (field name → message); empty when it may go in.

    What passes reaches the core as `Request(form_id=…, fields=…)`, field by field: it
    is never turned back into command text.
    """
    form = FORMS[form_id]
    errors: dict[str, str] = {}

    def t(key: str, /, **params: object) -> str:
        return translate(language, key, **params)

    for field in form.fields:
        if field.required and not filled.get(field.name, "").strip():
            errors[field.name] = t("form.error.required")
    if len(filled.get("title", "")) > MAX_TITLE:
        errors["title"] = t("form.error.too_long", limit=MAX_TITLE)
    for name, limit in (("text", MAX_TEXT), ("description", MAX_TEXT), ("reason", MAX_NOTE)):
        limit = MAX_NOTE if form_id == "actie.update" else limit
        if len(filled.get(name, "")) > limit:
            errors[name] = t("form.error.too_long", limit=limit)
    numbered = ("actie.update", "actie.postpone", "kennis.edit", "kennis.answer")
    if form_id in numbered and not metadata.isdigit():
        errors[form.fields[0].name] = t("form.error.number")
    valid_until = filled.get("valid_until", "").strip()
    if valid_until:
        try:
            day = Deadlines(today, calendar, language).parse(valid_until, allow_today=False)
            if day <= today:
                raise UserError("knowledge.valid_until_past", phrase=valid_until[:60])
        except UserError as error:
            errors["valid_until"] = t(error.key, **error.params)
    for field in form.fields:
        chosen = filled.get(field.name, "")
        if field.kind == "tlp" and (chosen or field.required) and chosen not in LABEL_VALUES:
            errors[field.name] = t("form.error.tlp")
    if form_id in ("actie.new", "actie.postpone"):
        deadline = filled.get("deadline", "")
        if deadline and "deadline" not in errors:
            try:
                Deadlines(today, calendar, language).parse(deadline)
            except UserError as error:
                errors["deadline"] = t(error.key, **error.params)
        number = filled.get("bottleneck", "").strip().lstrip("#")
        if number and not (number.isascii() and number.isdigit() and len(number) < 10):
            errors["bottleneck"] = t("form.error.number")
    return errors


def fields(form_id: str, filled: Mapping[str, str], metadata: str = "") -> dict[str, str]:
    """What a checked form hands the core: its own fields, and the number it is about."""
    found = {f.name: filled.get(f.name, "").strip() for f in FORMS[form_id].fields}
    if metadata:
        found["number"] = metadata
    return found
