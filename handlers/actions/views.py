"""How actions read: a list line, the whole action with its history, the buttons."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from storage.views import ActionEventView, ActionView

from handlers.i18n import format_weekday_date
from handlers.messages import Button, Field, Section
from handlers.wording import Words, counted

STATUS_ICONS = {"open": "🟡", "klaar": "✅", "verwijderd": "🗑"}


def deadline_words(words: Words, day: date) -> str:
    """`vrijdag 12 maart 2027`, in the reader's language."""
    return format_weekday_date(day, words.language)


def status_line(words: Words, action: ActionView, today: date) -> str:
    """`🟡 open · termijn vrijdag 12 maart 2027 (nog 5 dagen)` or `… (3 dagen te laat)`."""
    if not action.is_open:
        return f"{STATUS_ICONS[action.status]} {words.t('action.status.' + action.status)}"
    days = (action.deadline - today).days
    if days < 0:
        state, icon = counted(words, "action.late", -days), "🔴"
    elif days == 0:
        state, icon = words.t("action.today"), "🟠"
    else:
        state, icon = counted(words, "action.left", days), "🟡"
    deadline = words.t("action.deadline", date=deadline_words(words, action.deadline))
    return f"{icon} {deadline} ({state})"


def overdue_line(words: Words, action: ActionView, today: date) -> dict[str, object]:
    """The parameters every overdue text uses."""
    return {
        "id": action.id,
        "title": action.title,
        "owner": action.owner_name or words.t("value.unknown"),
        "deadline": deadline_words(words, action.deadline),
        "late": counted(words, "action.late", (today - action.deadline).days),
    }


def action_buttons(words: Words, action: ActionView) -> tuple[Button, ...]:
    """What a reminder offers: done, a week more (with a reason), an update."""
    if not action.is_open:
        return ()
    value = str(action.id)
    return (
        Button("actie.done", value, words.t("button.done"), "primary"),
        Button("actie.postpone_week", value, words.t("button.postpone_week")),
        Button("actie.update_prompt", value, words.t("button.update")),
    )


def action_line(words: Words, action: ActionView, today: date) -> str:
    """`#3 Logbeleid opstellen — Anna (Den Haag), 🟡 termijn … (nog 5 dagen)`."""
    owner = action.owner_name or words.t("value.unknown")
    if action.owner_organisation:
        owner += f" ({action.owner_organisation})"
    return f"#{action.id} {action.title} — {owner}, {status_line(words, action, today)}"


def short_section(words: Words, action: ActionView, today: date) -> Section:
    owner = action.owner_name or words.t("value.unknown")
    if action.owner_organisation:
        owner += f" ({action.owner_organisation})"
    return Section(
        text=f"**#{action.id} {action.title}**",
        context=f"{status_line(words, action, today)} · {owner}",
        buttons=(Button("actie.show", str(action.id), words.t("button.show")),),
    )


def event_line(words: Words, event: ActionEventView) -> str:
    if event.kind == "postponed" and event.old_deadline and event.new_deadline:
        what = words.t(
            "action.history.postponed",
            old=deadline_words(words, event.old_deadline),
            new=deadline_words(words, event.new_deadline),
        )
    elif event.kind == "created" and event.new_deadline:
        what = words.t("action.history.created", date=deadline_words(words, event.new_deadline))
    else:
        what = words.t("action.history." + event.kind, text=event.text or "")
    line = f"{words.date(event.at)} — {event.actor_name}: {what}"
    if event.text and event.kind in ("postponed", "update"):
        line += f"\n    _{event.text}_"
    return line


def detail_sections(
    words: Words,
    action: ActionView,
    events: Sequence[ActionEventView],
    today: date,
    bottleneck: str | None,
) -> list[Section]:
    fields = [
        Field(words.t("field.status"), status_line(words, action, today)),
        Field(
            words.t("field.owner"),
            (action.owner_name or words.t("value.unknown"))
            + (f" ({action.owner_organisation})" if action.owner_organisation else ""),
        ),
        Field(words.t("field.creator"), action.creator_name or words.t("value.unknown")),
        Field(words.t("field.created_on"), words.date(action.created_at)),
    ]
    if bottleneck:
        fields.append(Field(words.t("field.bottleneck"), bottleneck))
    sections = [Section(text=f"**#{action.id} {action.title}**", fields=tuple(fields))]
    lines = [event_line(words, e) for e in events]
    if lines:
        sections.append(Section(text=words.t("bottleneck.history_title") + "\n" + "\n".join(lines)))
    return sections
