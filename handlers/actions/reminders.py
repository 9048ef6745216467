"""Deadline reminders: when they are due (the one place for that rule) and sending them.

Reminders go by DM to the owner at the reminder hour in the owner's time zone: 7
days before, 1 day before and on the deadline, then every N working days while
overdue. A "before" reminder on a day off moves to the working day before; an
overdue one to the next working day. The jobs here run on every sweep: send what is
due, tell the werkgroep of actions that stay overdue, give the werkgroep its weekly
overview. A reminder that used up its retry ladder stays owed (tried every hour) and
the werkgroep hears of it once, planned with the failure itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from storage import actions, members, reminders
from storage.db import Database
from storage.tlp import Audience, Place, may_show_in, strictest
from storage.views import ActionView, MemberView, ReminderView

from handlers import delivery, notices
from handlers.actions.views import action_buttons, deadline_words, overdue_line
from handlers.context import CoreSettings, JobContext
from handlers.core import Router
from handlers.messages import DeliveryKey, Reply, Section, Visibility
from handlers.wording import counted
from handlers.workdays import WorkCalendar

BEFORE_7 = "before_7"
BEFORE_1 = "before_1"
DUE = "due"
OVERDUE = "overdue"


def register(router: Router) -> None:
    router.add_job("actions.reminders", send_due)
    router.add_job("actions.escalations", escalations)
    router.add_job("actions.overview", weekly_overview)
    router.add_receipt("reminder", confirm)


def at_hour(day: date, hour: int, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=zone)


def owner_zone(owner: MemberView, settings: CoreSettings) -> ZoneInfo:
    return zone_of(owner.timezone, settings)


def zone_of(timezone: str | None, settings: CoreSettings) -> ZoneInfo:
    """A member's time zone, or the install's when they chose none."""
    return ZoneInfo(timezone or settings.timezone)


def schedule(
    deadline: date, now: datetime, zone: ZoneInfo, settings: CoreSettings
) -> list[tuple[str, datetime]]:
    """The reminders for a deadline, from `now` on: (kind, moment) pairs, earliest first."""
    cal = settings.work_calendar
    by_day: dict[date, str] = {}
    for kind, days in ((BEFORE_7, 7), (BEFORE_1, 1), (DUE, 0)):
        by_day[cal.on_or_before(deadline - timedelta(days=days))] = kind  # later kinds win
    today = now.astimezone(zone).date()
    planned = []
    for day, kind in sorted(by_day.items()):
        moment = at_hour(day, settings.reminder_hour, zone)
        if moment >= now:
            planned.append((kind, moment))
        elif kind == DUE and deadline >= today:
            planned.append((kind, now))  # made today, after the hour: remind at once
    return planned


def next_overdue(after: date, zone: ZoneInfo, settings: CoreSettings) -> datetime:
    cal: WorkCalendar = settings.work_calendar
    day = cal.add_workdays(after, settings.overdue_every_workdays)
    return at_hour(day, settings.reminder_hour, zone)


def plan_for(
    deadline: date, owner: MemberView, now: datetime, settings: CoreSettings
) -> list[tuple[str, datetime]]:
    """Reminders for an open action's deadline; the caller stores them with the change.

    An action already past its deadline keeps its overdue rhythm from today on.
    """
    zone = owner_zone(owner, settings)
    today = now.astimezone(zone).date()
    if deadline < today:
        return [(OVERDUE, next_overdue(today, zone, settings))]
    return schedule(deadline, now, zone, settings)


def replan_owner(db: Database, owner: MemberView, now: datetime, settings: CoreSettings) -> None:
    """Plan the reminders of all of `owner`'s open actions again (their zone or status moved)."""
    with db.write() as session:
        mine, _total = actions.listed(
            session, Audience.bookkeeping(), owner_id=owner.id, limit=None
        )
        for action in mine:
            moments = plan_for(action.deadline, owner, now, settings)
            reminders.plan(session, action.id, owner.id, moments)


# --- sending ---------------------------------------------------------------------------


def send_due(context: JobContext) -> Sequence[Reply]:
    """Claim a batch of due reminders and build their DMs; delivery is confirmed per
    message. A full batch asks for another sweep at once: a morning with many deadlines
    goes out batch after batch, shared by the running bots (each claims its own)."""
    now = context.now()
    with context.db.write() as session:
        due: list[ReminderView] = reminders.claim_due(session, now, context.instance)
    if len(due) >= reminders.BATCH:
        context.more_due.append("reminders")
    with context.db.read() as session:
        by_action = {a.id: a for a in actions.views(session, [r.action_id for r in due])}
        people = members.members_by_ids(session, [r.recipient_id for r in due if r.recipient_id])
    # After an outage several reminders of one action may be due at once: the owner
    # gets the latest only (it says where the action stands today).
    latest = {r.action_id: r.id for r in sorted(due, key=lambda r: (r.planned_at, r.id))}
    replies = []
    for reminder in due:
        action = by_action.get(reminder.action_id)
        owner = people.get(reminder.recipient_id) if reminder.recipient_id else None
        # An owner who may no longer read the action (moved organisation) is not sent it.
        readable = (
            action is not None and owner is not None and notices.may_read_action(owner, action)
        )
        if latest[reminder.action_id] != reminder.id:
            with context.db.write() as session:
                reminders.release(session, reminder.id, context.instance, reminders.SUPERSEDED)
            continue
        if (
            action is None
            or owner is None
            or not owner.active
            or not action.is_open
            or not readable
        ):
            with context.db.write() as session:
                reminders.release(session, reminder.id, context.instance)
            continue
        replies.append(reminder_message(context, reminder, action, owner, now))
    return replies


def reminder_message(
    context: JobContext,
    reminder: ReminderView,
    action: ActionView,
    owner: MemberView,
    now: datetime,
) -> Reply:
    words = notices.Writer.for_member(owner, context.settings)
    today = now.astimezone(words.timezone).date()
    if reminder.kind == OVERDUE or action.deadline < today:
        text = words.t("reminder.overdue", **overdue_line(words, action, today))
    else:
        text = words.t(
            "reminder.due" if action.deadline == today else "reminder.before",
            id=action.id,
            title=action.title,
            deadline=deadline_words(words, action.deadline),
            when=words.t("when.days", count=(action.deadline - today).days)
            if (action.deadline - today).days > 1
            else words.t("when.tomorrow"),
        )
    if now - reminder.planned_at > delivery.LATE_AFTER:
        planned = reminder.planned_at.astimezone(words.timezone)
        late = words.t("reminder.late", planned=words.date(planned), time=f"{planned:%H:%M}")
        text = late + "\n" + text
    platform, user = owner.address(context.settings.platforms)
    return Reply(
        text=text,
        buttons=action_buttons(words, action),
        visibility=Visibility.DIRECT,
        user=user,
        platform=platform,
        tlp=action.tlp,
        key=DeliveryKey("reminder", reminder.id, context.instance),
        maybe_sent=reminder.maybe_sent,
    )


def confirm(
    context: JobContext, key: DeliveryKey, error: str | None, unclear: bool = False
) -> None:
    """Record a reminder as sent (and plan the next overdue one), or retry it later."""
    reminder_id, token = key.number, key.token
    now = context.now()
    with context.db.write() as session:
        if error is not None:
            reminder = reminders.get(session, reminder_id)
            if reminder is None:
                return
            retry, owed = delivery.retry_at(now, reminder.attempts, context.settings)
            held = reminders.mark_failed(
                session, reminder_id, token, error, retry, owed=owed, maybe_sent=unclear
            )
            if held and owed:  # the ladder is used up: the werkgroep hears it, once
                action = actions.get(session, Audience.bookkeeping(), reminder.action_id)
                if action is not None:
                    delivery.plan(session, f"reminder-owed:{reminder_id}",
                                  _failure_notice(context, action), now)  # fmt: skip
            return
        sent = reminders.mark_sent(
            session, reminder_id, token, now, late_before=now - delivery.LATE_AFTER
        )
        if sent is None or sent.kind not in (DUE, OVERDUE):
            return
        found = reminders.follow_up(session, sent)
        if found is None or sent.recipient_id is None:
            return
        deadline, timezone = found
        zone = zone_of(timezone, context.settings)
        after = max(deadline, now.astimezone(zone).date())
        reminders.add(
            session,
            sent.action_id,
            sent.recipient_id,
            [(OVERDUE, next_overdue(after, zone, context.settings))],
        )


# --- the werkgroep ---------------------------------------------------------------------


def escalations(context: JobContext) -> Sequence[Reply]:
    """Tell the werkgroep, once per deadline, of actions that stay overdue."""
    now = context.now()
    with context.db.write() as session:
        ids = actions.claim_escalations(session, now, context.settings.escalate_after_overdue)
        for action in actions.views(session, ids):
            delivery.plan(session, f"escalation:{action.id}:{action.deadline}",
                          _escalation(context, action, now), now)  # fmt: skip
    return []


def _escalation(context: JobContext, action: ActionView, now: datetime) -> list[Reply]:
    def message(w: notices.Writer) -> tuple[str, tuple[Section, ...]]:
        today = now.astimezone(w.timezone).date()
        return w.t("action.escalated", **overdue_line(w, action, today)), ()

    return _about_action(context, action, message, "action.escalated_hidden")


def _about_action(
    context: JobContext, action: ActionView, message: notices.Message, hidden_key: str
) -> list[Reply]:
    """A werkgroep notice about one action: `message` for whoever may read it, and for
    the rest (or a channel, above GREEN) `hidden_key`: its number and label only."""

    def hidden(w: notices.Writer) -> tuple[str, tuple[()]]:
        return w.t(hidden_key, id=action.id, tlp=action.tlp.value), ()

    return notices.workgroup(
        context.db, context.settings, message, tlp=action.tlp, without_content=hidden,
        may_read=lambda m: notices.may_read_action(m, action),
    )  # fmt: skip


def weekly_overview(context: JobContext) -> Sequence[Reply]:
    """Once a week, from the reminder hour on its day, the werkgroep sees what is overdue.

    A week's overview that fell in downtime goes out at the first sweep after it.
    """
    week = overview_week(context)
    if week is None:
        return []
    local = context.now().astimezone(context.timezone)
    key = f"overdue-overview:{week}"
    # Deciding and planning are one transaction; the outbox then sends each copy
    # until the platform took it (a 503 at this moment loses nothing).
    with context.db.write() as session:
        if not reminders.claim_notice(session, key, local):
            return []
        overdue, total = actions.listed(
            session, Audience.bookkeeping(), due_before=local.date(), limit=None
        )
        if overdue:
            delivery.plan(session, key, _overview(context, local, overdue, total), context.now())
    return []


def overview_week(context: JobContext) -> str | None:
    """This ISO week (`2026-W49`) once its werkgroep overview is due (OVERDUE_OVERVIEW_DAY at
    REMINDER_HOUR); None before that."""
    local = context.now().astimezone(context.timezone)
    settings = context.settings
    monday = local.date() - timedelta(days=local.weekday())
    due = at_hour(
        monday + timedelta(days=settings.overview_weekday), settings.reminder_hour, context.timezone
    )
    if local < due:
        return None
    year, week, _ = local.isocalendar()
    return f"{year}-W{week:02d}"


def _overview(
    context: JobContext, local: datetime, overdue: list[ActionView], total: int
) -> list[Reply]:
    # In a channel, or to a member who may not read them all: what may be shown there,
    # and only the number of the rest.
    open_ = [a for a in overdue if may_show_in(a.tlp, Place.CHANNEL)]

    def listing(shown: list[ActionView]) -> notices.Message:
        def message(w: notices.Writer) -> tuple[str, tuple[Section, ...]]:
            today = local.date()
            lines = [w.t("action.overview_line", **overdue_line(w, a, today)) for a in shown]
            if len(shown) < total:
                lines.append(w.t("action.overview_hidden", count=total - len(shown)))
            title = w.t("action.overview", actions=counted(w, "count.action", total))
            return title, (Section(text="\n".join(lines)),)

        return message

    return notices.workgroup(
        context.db, context.settings, listing(overdue), tlp=strictest(a.tlp for a in overdue),
        without_content=listing(open_),
        may_read=lambda m: all(notices.may_read_action(m, a) for a in overdue),
    )  # fmt: skip


def _failure_notice(context: JobContext, action: ActionView) -> list[Reply]:
    def message(w: notices.Writer) -> tuple[str, tuple[Section, ...]]:
        owner = action.owner_name or w.t("value.unknown")
        return w.t("reminder.failed", id=action.id, title=action.title, owner=owner), ()

    return _about_action(context, action, message, "reminder.failed_hidden")
