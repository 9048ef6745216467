"""`/actie klaar|heropen|uitstel|update|eigenaar|verwijder`: keeping actions moving.

Each change that touches the deadline, owner or status plans the reminders again in
the same transaction.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storage import actions, reminders
from storage.tlp import Audience
from storage.views import ActionView

from handlers.actions.common import (
    changeable_action,
    day_off_note,
    owner_member,
    owner_of,
    plan_reminders,
    reminders_text,
    require_owner_may_read,
    tell_owner,
)
from handlers.actions.views import (
    deadline_words,
)
from handlers.context import Context
from handlers.messages import Reply, UserError
from handlers.parsing import MENTION, clean

MAX_TEXT = 4_000
# `<termijn> — <reden>`: the reason follows a dash.
_REASON = re.compile(r"\s+(?:—|–|--)\s+|\s+(?:—|–)|(?:—|–)\s+")


# The owner may take back a "done" within this long; the werkgroep any time.
REOPEN_BY_OWNER = timedelta(days=7)


def done(context: Context, rest: str) -> list[Reply]:
    found, _ = changeable_action(context, rest)
    if not found.is_open:
        raise UserError("action.already_done", id=found.id)
    with context.db.write() as session:
        actions.set_status(
            session, context.caller.actor, context.caller.name, context.now(), found.id, "klaar"
        )
        reminders.cancel(session, found.id)
    reply = Reply(text=context.t("action.done", id=found.id, title=found.title), tlp=found.tlp)
    return [reply, *_tell_current_owner(context, found, "action.done_dm")]


def reopen(context: Context, rest: str) -> list[Reply]:
    """The werkgroep reopens any action (a "done" by mistake, a deadline past or not);
    the owner their own within a week of finishing it."""
    found, _ = changeable_action(context, rest)
    if found.is_open:
        raise UserError("action.still_open", id=found.id)
    recently = found.done_at is not None and context.now() - found.done_at <= REOPEN_BY_OWNER
    is_owner = context.caller.member_id == found.owner_id
    if not (context.caller.has_role("werkgroep", "beheerder") or (is_owner and recently)):
        raise UserError("action.reopen_not_allowed", id=found.id)
    owner = owner_of(context, found)
    moments = plan_reminders(context, found.deadline, owner)
    with context.db.write() as session:
        actions.set_status(
            session, context.caller.actor, context.caller.name, context.now(), found.id, "open"
        )
        if owner is not None:
            reminders.plan(session, found.id, owner.id, moments)
    text = context.t("action.reopened", id=found.id, title=found.title)
    if found.deadline < context.today():
        text += "\n" + context.t(
            "action.reopened_late", deadline=deadline_words(context, found.deadline)
        )
    reply = Reply(text=text + reminders_text(context, moments), tlp=found.tlp)
    return [reply, *_tell_current_owner(context, found, "action.reopened_dm")]


def _tell_current_owner(
    context: Context, action: ActionView, key: str, **extra: str
) -> list[Reply]:
    """The owner hears by DM when someone else changed their action (not when they did)."""
    owner = owner_of(context, action)
    if owner is None:
        return []
    with context.db.read() as session:
        current = actions.get(session, Audience.bookkeeping(), action.id)
    return tell_owner(context, current or action, owner, key, **extra)


def postpone(context: Context, rest: str) -> list[Reply]:
    found, remainder = changeable_action(context, rest)
    term, *reason_part = _REASON.split(clean(remainder), maxsplit=1)
    reason = reason_part[0].strip() if reason_part else ""
    return _postpone(context, found, term, reason)


def postpone_form(context: Context) -> list[Reply]:
    """The postpone form: the new term and the reason, each its own field."""
    fields = context.request.fields
    found, _ = changeable_action(context, fields.get("number", ""))
    return _postpone(context, found, clean(fields.get("deadline", "")),
                     clean(fields.get("reason", "")))  # fmt: skip


def _postpone(context: Context, found: ActionView, term: str, reason: str) -> list[Reply]:
    if not found.is_open:
        raise UserError("action.already_done", id=found.id)
    if not term.strip():
        raise UserError("action.postpone_usage", id=found.id)
    deadline = context.deadlines().parse(term)
    if not reason:
        raise UserError(
            "action.postpone_why", id=found.id, term=term.strip()[:60],
            deadline=deadline_words(context, deadline),
        )  # fmt: skip
    if len(reason) > MAX_TEXT:
        raise UserError("action.text_too_long", limit=MAX_TEXT)
    if deadline == found.deadline:
        raise UserError("action.same_deadline", id=found.id)
    owner = owner_of(context, found)
    moments = plan_reminders(context, deadline, owner)
    with context.db.write() as session:
        actions.postpone(
            session,
            context.caller.actor,
            context.caller.name,
            context.now(),
            found.id,
            deadline,
            reason,
        )
        reminders.cancel(session, found.id)
        if owner is not None:
            reminders.plan(session, found.id, owner.id, moments)
    text = context.t(
        "action.postponed",
        id=found.id,
        title=found.title,
        deadline=deadline_words(context, deadline),
    )
    note, move = day_off_note(context, found.id, deadline)
    reply = Reply(text=text + note + reminders_text(context, moments), buttons=move, tlp=found.tlp)
    return [reply, *_tell_current_owner(context, found, "action.postponed_dm", reason=reason)]


def workday_before(context: Context) -> list[Reply]:
    """The button under a deadline on a day off: move it to the working day before."""
    number, _, day_text = context.request.action_value.partition("|")
    found, _ = changeable_action(context, number)
    try:
        wanted = date.fromisoformat(day_text)
    except ValueError:
        raise UserError("action.bad_number", value=day_text[:20]) from None
    # Only what the button offered: the working day before the deadline it stands under.
    if wanted != context.settings.work_calendar.on_or_before(found.deadline):
        raise UserError("action.same_deadline", id=found.id)
    return _postpone(context, found, wanted.isoformat(), context.t("action.moved_to_workday"))


def postpone_week(context: Context) -> Reply:
    """The reminder's "Uitstel 1 week": asks why, since a postponement needs a reason."""
    found, _ = changeable_action(context, context.request.action_value)
    if not found.is_open:
        raise UserError("action.already_done", id=found.id)
    week_later = max(found.deadline, context.today()) + timedelta(weeks=1)
    return Reply(
        text=context.t(
            "action.postpone_week_why",
            id=found.id,
            deadline=deadline_words(context, week_later),
            date=week_later.isoformat(),
        )
    )


def update_prompt(context: Context) -> Reply:
    found, _ = changeable_action(context, context.request.action_value)
    return Reply(text=context.t("action.update_how", id=found.id, title=found.title), tlp=found.tlp)


def progress(context: Context, rest: str) -> Reply:
    found, text = changeable_action(context, rest)
    return _progress(context, found, clean(text))


def progress_form(context: Context) -> Reply:
    """The update form: the progress note, as written."""
    fields = context.request.fields
    found, _ = changeable_action(context, fields.get("number", ""))
    return _progress(context, found, clean(fields.get("text", "")))


def _progress(context: Context, found: ActionView, text: str) -> Reply:
    if not text:
        raise UserError("action.update_how", id=found.id, title=found.title)
    if len(text) > MAX_TEXT:
        raise UserError("action.text_too_long", limit=MAX_TEXT)
    with context.db.write() as session:
        actions.add_progress(
            session, context.caller.actor, context.caller.name, context.now(), found.id, text
        )
    return Reply(text=context.t("action.updated", id=found.id, title=found.title), tlp=found.tlp)


def change_owner(context: Context, rest: str) -> list[Reply]:
    found, remainder = changeable_action(context, rest)
    mention = MENTION.search(remainder)
    if mention is None:
        raise UserError("action.owner_usage", id=found.id)
    owner = owner_member(context, mention.group(1))
    if owner.id == found.owner_id:
        raise UserError("action.same_owner", id=found.id, name=owner.display_name)
    require_owner_may_read(owner, found)
    moments = plan_reminders(context, found.deadline, owner)
    with context.db.write() as session:
        updated = actions.change_owner(
            session,
            context.caller.actor,
            context.caller.name,
            context.now(),
            found.id,
            owner.id,
            owner.display_name,
        )
        reminders.plan(session, found.id, owner.id, moments)
    reply = Reply(
        text=context.t(
            "action.owner_changed", id=found.id, title=found.title, name=owner.display_name
        ),
        tlp=found.tlp,
    )
    previous = owner_of(context, found)
    told = tell_owner(context, updated, owner, "action.assigned_dm")
    if previous is not None:
        told += tell_owner(context, updated, previous, "action.reassigned_dm",
                           new_owner=owner.display_name)  # fmt: skip
    return [reply, *told]


def delete(context: Context, rest: str) -> list[Reply]:
    found, _ = changeable_action(context, rest)
    with context.db.write() as session:
        actions.set_status(
            session,
            context.caller.actor,
            context.caller.name,
            context.now(),
            found.id,
            "verwijderd",
        )
        reminders.cancel(session, found.id)
    reply = Reply(text=context.t("action.deleted", id=found.id, title=found.title), tlp=found.tlp)
    return [reply, *_tell_current_owner(context, found, "action.deleted_dm")]
