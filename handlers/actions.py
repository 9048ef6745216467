"""`/actie`: agree actions with an owner and a Dutch deadline, and keep them moving.

Every change that touches the deadline, the owner or the status re-plans the
action's reminders in the same transaction (`handlers.reminders` says when).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from storage import actions, bottlenecks, members, reminders
from storage.views import ActionView, MemberView

from handlers import notices
from handlers.action_ical import calendar_file
from handlers.action_views import (
    action_buttons,
    deadline_words,
    detail_sections,
    short_section,
)
from handlers.bottleneck_views import counted
from handlers.context import Context
from handlers.core import Button, Reply, UserError, Visibility
from handlers.parsing import MENTION, clean, item_number, split_word
from handlers.permissions import can_change_action, require_member
from handlers.reminders import plan_for
from handlers.router import Router, subcommands

MAX_TITLE = 200
MAX_TEXT = 4_000
PAGE = 15
_BOTTLENECK = re.compile(r"\b(?:knelpunt|bottleneck)\s+(?:nr\.?\s*)?#?(\d{1,9})\b", re.IGNORECASE)
_REASON = re.compile(r"\s+(?:—|–|--)\s+|\s+(?:—|–)|(?:—|–)\s+")
_SELF = frozenset({"ik", "mij", "me", "mezelf", "zelf", "self", "myself"})


def register(router: Router) -> None:
    handle = subcommands(
        {
            ("", "mijn", "mine"): lambda c, _r: listing(c, "mijn"),
            ("lijst", "list"): listing,
            ("help", "hulp"): show_help,
            ("nieuw", "new", "maak"): create,
            ("toon", "show"): show,
            ("klaar", "done", "af"): done,
            ("heropen", "reopen"): reopen,
            ("uitstel", "postpone"): postpone,
            ("update", "voortgang", "progress"): progress,
            ("eigenaar", "owner"): change_owner,
            ("verwijder", "delete"): delete,
            ("ical", "agenda", "calendar"): ical,
        },
        unknown_key="action.unknown",
    )
    router.add_command("actie", handle, "acties", "action", "actions")
    router.add_action("actie.show", lambda c: show(c, c.request.action_value))
    router.add_action("actie.done", lambda c: done(c, c.request.action_value))
    router.add_action("actie.postpone_week", postpone_week)
    router.add_action("actie.update_prompt", update_prompt)


def show_help(context: Context, _rest: str = "") -> Reply:
    settings = context.settings
    return Reply(
        text=context.t(
            "action.help",
            hour=f"{settings.reminder_hour:02d}",
            every=settings.overdue_every_workdays,
        )
    )


def _owner(context: Context, user_id: str) -> MemberView:
    if user_id.lower() in _SELF:
        member = context.caller.member
        if member is None or not context.caller.is_member:
            raise UserError("member.not_member")
        return member
    with context.db.read() as session:
        found = members.get_member(session, context.request.platform, user_id)
    if found is None or not found.active:
        raise UserError("action.owner_not_member", user=user_id)
    return found


def _visible_bottleneck(context: Context, number: int) -> int:
    with context.db.read() as session:
        found = bottlenecks.get_visible(session, context.audience(), number)
    if found is None:
        raise UserError("bottleneck.not_found", id=number)
    return found.id


def _action(context: Context, rest: str) -> tuple[ActionView, str]:
    require_member(context)
    word, remainder = split_word(rest)
    number = item_number(word, "action.bad_number")
    with context.db.read() as session:
        found = actions.get(session, number)
    if found is None:
        raise UserError("action.not_found", id=number)
    return found, remainder


def _changeable(context: Context, rest: str) -> tuple[ActionView, str]:
    found, remainder = _action(context, rest)
    if not can_change_action(context.caller, found):
        raise UserError("action.not_yours", id=found.id)
    return found, remainder


Moments = list[tuple[str, datetime]]


def _plan(context: Context, deadline: date, owner: MemberView | None) -> Moments:
    """When the owner is reminded of this deadline (stored with the change)."""
    if owner is None or not owner.active:
        return []
    return plan_for(deadline, owner, context.now(), context.settings)


def _when(context: Context, moments: Moments) -> str:
    """`Herinneringen op 5 maart 2027, 11 maart 2027 …` or nothing."""
    if not moments:
        return ""
    days = ", ".join(context.date(moment) for _kind, moment in moments)
    return "\n" + context.t("action.reminders_at", when=days)


def _owner_of(context: Context, action: ActionView) -> MemberView | None:
    with context.db.read() as session:
        return members.get_member_by_id(session, action.owner_id or -1)


def create(context: Context, rest: str) -> list[Reply]:
    require_member(context)
    text = clean(rest)
    mention = MENTION.search(text)
    if mention is None:
        raise UserError("action.create_usage")
    title = text[: mention.start()].strip(" :—-")
    tail = text[mention.end() :]
    if not title:
        raise UserError("action.create_usage")
    if len(title) > MAX_TITLE:
        raise UserError("action.title_too_long", limit=MAX_TITLE)
    bottleneck_id = None
    if linked := _BOTTLENECK.search(tail):
        bottleneck_id = _visible_bottleneck(context, int(linked.group(1)))
        tail = tail[: linked.start()] + " " + tail[linked.end() :]
    owner = _owner(context, mention.group(1))
    deadline = context.deadlines().parse(tail)
    moments = _plan(context, deadline, owner)
    with context.db.write() as session:
        created = actions.create(
            session,
            context.caller.actor,
            context.caller.name,
            context.now(),
            title=title,
            owner_id=owner.id,
            deadline=deadline,
            bottleneck_id=bottleneck_id,
        )
        reminders.plan(session, created.id, owner.id, moments)
    reply = Reply(
        text=context.t(
            "action.created",
            id=created.id,
            title=created.title,
            owner=owner.display_name,
            deadline=deadline_words(context, deadline),
        )
        + _when(context, moments),
        buttons=(Button("actie.show", str(created.id), context.t("button.show")),),
    )
    return [reply, *_tell_owner(context, created, owner, "action.assigned_dm")]


def _tell_owner(context: Context, action: ActionView, owner: MemberView, key: str) -> list[Reply]:
    def message(w: notices.Writer) -> tuple[str, tuple[()]]:
        text = w.t(
            key,
            id=action.id,
            title=action.title,
            name=context.caller.name,
            deadline=deadline_words(w, action.deadline),
        )
        return text, ()

    return notices.direct(
        [owner], context.settings, message, skip=context.caller.member_id,
        buttons=action_buttons(context, action),
    )  # fmt: skip


def listing(context: Context, rest: str) -> Reply:
    require_member(context)
    word = rest.strip().lower()
    today = context.today()
    owner_id: int | None = None
    due_before = None
    title_key = "action.list_mine"
    if word in ("", "mijn", "mine"):
        owner_id = context.caller.member_id or -1
    elif word in ("alle", "all"):
        title_key = "action.list_all"
    elif word in ("te-laat", "telaat", "te laat", "overdue", "late"):
        due_before, title_key = today, "action.list_overdue"
    elif mention := MENTION.fullmatch(rest.strip()):
        owner = _owner(context, mention.group(1))
        owner_id, title_key = owner.id, "action.list_of"
    else:
        raise UserError("action.list_usage", word=word[:40])
    with context.db.read() as session:
        found, total = actions.listed(session, owner_id=owner_id, due_before=due_before, limit=PAGE)
    if not found:
        return Reply(text=context.t("action.none_" + title_key.rsplit("_", 1)[1]))
    name = found[0].owner_name if title_key == "action.list_of" else ""
    intro = context.t(title_key, total=total, name=name or "")
    if total > len(found):
        intro += "\n" + context.t("action.list_more", shown=len(found))
    return Reply(text=intro, sections=tuple(short_section(context, a, today) for a in found))


def show(context: Context, rest: str) -> Reply:
    found, _ = _action(context, rest)
    with context.db.read() as session:
        events = actions.events(session, found.id)
        bottleneck = (
            bottlenecks.get_visible(session, context.audience(), found.bottleneck_id)
            if found.bottleneck_id
            else None
        )
    linked = f"#{bottleneck.id} {bottleneck.title}" if bottleneck else None
    buttons = action_buttons(context, found) if can_change_action(context.caller, found) else ()
    return Reply(
        text="",
        sections=tuple(detail_sections(context, found, events, context.today(), linked)),
        buttons=buttons,
        tlp=bottleneck.tlp if bottleneck else None,
    )


def done(context: Context, rest: str) -> Reply:
    found, _ = _changeable(context, rest)
    if not found.is_open:
        raise UserError("action.already_done", id=found.id)
    with context.db.write() as session:
        actions.set_status(
            session, context.caller.actor, context.caller.name, context.now(), found.id, "klaar"
        )
        reminders.cancel(session, found.id)
    return Reply(text=context.t("action.done", id=found.id, title=found.title))


def reopen(context: Context, rest: str) -> Reply:
    found, _ = _changeable(context, rest)
    if found.is_open:
        raise UserError("action.still_open", id=found.id)
    if found.deadline < context.today():
        raise UserError("action.reopen_past", id=found.id)
    owner = _owner_of(context, found)
    moments = _plan(context, found.deadline, owner)
    with context.db.write() as session:
        actions.set_status(
            session, context.caller.actor, context.caller.name, context.now(), found.id, "open"
        )
        if owner is not None:
            reminders.plan(session, found.id, owner.id, moments)
    return Reply(text=context.t("action.reopened", id=found.id, title=found.title))


def postpone(context: Context, rest: str) -> Reply:
    found, remainder = _changeable(context, rest)
    if not found.is_open:
        raise UserError("action.already_done", id=found.id)
    term, *reason_part = _REASON.split(clean(remainder), maxsplit=1)
    reason = reason_part[0].strip() if reason_part else ""
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
    owner = _owner_of(context, found)
    moments = _plan(context, deadline, owner)
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
    return Reply(text=text + _when(context, moments))


def postpone_week(context: Context) -> Reply:
    """The reminder's "Uitstel 1 week": asks why, since a postponement needs a reason."""
    found, _ = _changeable(context, context.request.action_value)
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
    found, _ = _changeable(context, context.request.action_value)
    return Reply(text=context.t("action.update_how", id=found.id, title=found.title))


def progress(context: Context, rest: str) -> Reply:
    found, text = _changeable(context, rest)
    text = clean(text)
    if not text:
        raise UserError("action.update_how", id=found.id, title=found.title)
    if len(text) > MAX_TEXT:
        raise UserError("action.text_too_long", limit=MAX_TEXT)
    with context.db.write() as session:
        actions.add_progress(
            session, context.caller.actor, context.caller.name, context.now(), found.id, text
        )
    return Reply(text=context.t("action.updated", id=found.id, title=found.title))


def change_owner(context: Context, rest: str) -> list[Reply]:
    found, remainder = _changeable(context, rest)
    mention = MENTION.search(remainder)
    if mention is None:
        raise UserError("action.owner_usage", id=found.id)
    owner = _owner(context, mention.group(1))
    if owner.id == found.owner_id:
        raise UserError("action.same_owner", id=found.id, name=owner.display_name)
    moments = _plan(context, found.deadline, owner)
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
        )
    )
    return [reply, *_tell_owner(context, updated, owner, "action.assigned_dm")]


def delete(context: Context, rest: str) -> Reply:
    found, _ = _changeable(context, rest)
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
    return Reply(text=context.t("action.deleted", id=found.id, title=found.title))


def ical(context: Context, _rest: str) -> Sequence[Reply]:
    """The caller's open actions as an iCalendar file, to import in their agenda."""
    require_member(context)
    with context.db.read() as session:
        mine, _ = actions.listed(session, owner_id=context.caller.member_id or -1, limit=None)
    if not mine:
        raise UserError("action.none_mine")
    file = calendar_file(context, mine, context.now())
    return [
        Reply(
            text=context.t(
                "action.ical_ready", actions=counted(context, "count.action", len(mine))
            ),
            files=(file,),
            visibility=Visibility.DIRECT,
            user=context.caller.user_id,
        )
    ]
