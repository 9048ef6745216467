"""What the `/actie` modules share: finding an action, its owner, planning reminders."""

from __future__ import annotations

from datetime import date, datetime

from storage import actions, members
from storage.views import ActionView, MemberView

from handlers import notices
from handlers.actions.reminders import plan_for
from handlers.actions.views import action_buttons, deadline_words
from handlers.context import Context
from handlers.i18n import format_date
from handlers.messages import Button, Reply, UserError
from handlers.parsing import item_number, split_word
from handlers.permissions import can_change_action, require_member
from handlers.workdays import OWN_DAY_OFF, WEEKEND

_SELF = frozenset({"ik", "mij", "me", "mezelf", "zelf", "self", "myself"})


def owner_member(context: Context, user_id: str) -> MemberView:
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


def find_action(context: Context, rest: str) -> tuple[ActionView, str]:
    require_member(context)
    word, remainder = split_word(rest)
    number = item_number(word, "action.bad_number")
    with context.db.read() as session:
        found = actions.get(session, context.audience(), number)
    if found is None:
        raise UserError("action.not_found", id=number)
    return found, remainder


def changeable_action(context: Context, rest: str) -> tuple[ActionView, str]:
    found, remainder = find_action(context, rest)
    if not can_change_action(context.caller, found):
        raise UserError("action.not_yours", id=found.id)
    return found, remainder


Moments = list[tuple[str, datetime]]


def plan_reminders(context: Context, deadline: date, owner: MemberView | None) -> Moments:
    """When the owner is reminded of this deadline (stored with the change)."""
    if owner is None or not owner.active:
        return []
    return plan_for(deadline, owner, context.now(), context.settings)


def reminders_text(context: Context, moments: Moments) -> str:
    """`Herinneringen op 5 maart 2027, 11 maart 2027 …` or nothing."""
    if not moments:
        return ""
    days = ", ".join(context.date(moment) for _kind, moment in moments)
    return "\n" + context.t("action.reminders_at", when=days)


def owner_of(context: Context, action: ActionView) -> MemberView | None:
    with context.db.read() as session:
        return members.get_member_by_id(session, action.owner_id or -1)


def tell_owner(
    context: Context, action: ActionView, owner: MemberView, key: str, **extra: str
) -> list[Reply]:
    """A DM to `owner` about what the caller did to their action (none when they did it
    themselves), in the owner's language, with the action's buttons while it is open."""

    def message(w: notices.Writer) -> tuple[str, tuple[()]]:
        text = w.t(
            key,
            id=action.id,
            title=action.title,
            name=context.caller.name,
            deadline=deadline_words(w, action.deadline),
            **extra,
        )
        return text, ()

    return notices.direct(
        [owner], context.settings, message, skip=context.caller.member_id,
        buttons=action_buttons(context, action) if action.is_open else (), tlp=action.tlp,
        may_read=lambda member: notices.may_read_action(member, action),
    )  # fmt: skip


def require_owner_may_read(owner: MemberView, action: ActionView) -> None:
    """An owner must be allowed to read the action they own (its label, its organisation)."""
    if not notices.may_read_action(owner, action):
        raise UserError("action.owner_may_not_read", owner=owner.display_name,
                        tlp=action.tlp.value)  # fmt: skip


def day_off_note(
    context: Context, action_id: int, deadline: date
) -> tuple[str, tuple[Button, ...]]:
    """When a deadline falls on a weekend or public holiday: a word, and a button that
    moves it to the working day before. The deadline itself is kept as written."""
    why = context.settings.work_calendar.day_off(deadline)
    if why is None:
        return "", ()
    before = context.settings.work_calendar.on_or_before(deadline)
    reasons = {WEEKEND: "deadline.weekend", OWN_DAY_OFF: "deadline.own_day_off"}
    reason = context.t(reasons[why]) if why in reasons else context.t("deadline.holiday", name=why)
    text = context.t("deadline.day_off", date=deadline_words(context, deadline), why=reason,
                     before=deadline_words(context, before))  # fmt: skip
    label = context.t("button.workday_before", date=format_date(before, context.language))
    return "\n" + text, (
        Button("actie.workday_before", f"{action_id}|{before.isoformat()}", label),
    )
