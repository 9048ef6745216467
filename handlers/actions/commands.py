"""`/actie`: agree actions with an owner and a Dutch deadline, and keep them moving.

Every change that touches the deadline, the owner or the status re-plans the
action's reminders in the same transaction (`handlers.actions.reminders` says when).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storage import actions, bottlenecks, reminders
from storage.tlp import TLP, strictest

from handlers.actions import changes as action_changes
from handlers.actions.common import (
    day_off_note,
    find_action,
    owner_member,
    plan_reminders,
    reminders_text,
    tell_owner,
)
from handlers.actions.ical import member_calendar
from handlers.actions.views import (
    action_buttons,
    deadline_words,
    detail_sections,
    short_section,
)
from handlers.bottlenecks.common import visible
from handlers.context import Context
from handlers.core import Router, subcommands
from handlers.labels import read_label
from handlers.messages import Button, Reply, UserError, Visibility
from handlers.notices import may_read
from handlers.parsing import MENTION, clean, item_number
from handlers.permissions import can_change_action, require_member
from handlers.wording import counted

MAX_TITLE = 200
PAGE = 15
_BOTTLENECK = re.compile(r"\b(?:knelpunt|bottleneck)\s+(?:nr\.?\s*)?#?(\d{1,9})\b", re.IGNORECASE)


def register(router: Router) -> None:
    handle = subcommands(
        {
            ("", "mijn", "mine"): lambda c, _r: listing(c, "mijn"),
            ("lijst", "list"): listing,
            ("help", "hulp"): show_help,
            ("nieuw", "new", "maak"): create,
            ("toon", "show"): show,
            ("klaar", "done", "af"): action_changes.done,
            ("heropen", "reopen"): action_changes.reopen,
            ("uitstel", "postpone"): action_changes.postpone,
            ("update", "voortgang", "progress"): action_changes.progress,
            ("eigenaar", "owner"): action_changes.change_owner,
            ("verwijder", "delete"): action_changes.delete,
            ("ical", "agenda", "calendar"): ical,
        },
        unknown_key="action.unknown",
    )
    router.add_command("actie", handle, "acties", "action", "actions")
    router.add_action("actie.show", lambda c: show(c, c.request.action_value))
    router.add_action("actie.done", lambda c: action_changes.done(c, c.request.action_value))
    router.add_action("actie.postpone_week", action_changes.postpone_week)
    router.add_action("actie.update_prompt", action_changes.update_prompt)
    router.add_action("actie.workday_before", action_changes.workday_before)
    router.add_form("actie.new", create_form)
    router.add_form("actie.update", action_changes.progress_form)
    router.add_form("actie.postpone", action_changes.postpone_form)
    router.add_form_initial("actie.postpone", lambda _c: {"deadline": "over 1 week"})


def show_help(context: Context, _rest: str = "") -> Reply:
    settings = context.settings
    return Reply(
        text=context.t(
            "action.help",
            hour=f"{settings.reminder_hour:02d}",
            every=settings.overdue_every_workdays,
        )
    )


ACTION_LABELS = (TLP.CLEAR, TLP.GREEN, TLP.AMBER, TLP.AMBER_STRICT)  # shared work: no RED


def create(context: Context, rest: str) -> list[Reply]:
    require_member(context)
    text = clean(rest)
    read = read_label(text, ACTION_LABELS, context.request.chosen_label)
    text = read.text
    mention = MENTION.search(text)
    if mention is None:
        raise UserError("action.create_usage")
    title = text[: mention.start()].strip(" :—-")
    tail = text[mention.end() :]
    if not title:
        raise UserError("action.create_usage")
    bottleneck_number = None
    if linked := _BOTTLENECK.search(tail):
        bottleneck_number = int(linked.group(1))
        tail = tail[: linked.start()] + " " + tail[linked.end() :]
    return _create(context, title, mention.group(1), tail, bottleneck_number, read.label)


def create_form(context: Context) -> list[Reply]:
    """The new-action form: its fields, the label as picked (or the bottleneck's)."""
    require_member(context)
    fields = context.request.fields
    number = fields.get("bottleneck", "").lstrip("#")
    label = TLP(fields["tlp"]) if fields.get("tlp") else None
    bottleneck_number = item_number(number, "action.bad_number") if number else None
    return _create(context, clean(fields.get("title", "")), fields.get("owner", ""),
                   fields.get("deadline", ""), bottleneck_number, label)  # fmt: skip


def _create(
    context: Context,
    title: str,
    owner_user: str,
    term: str,
    bottleneck_number: int | None,
    label: TLP | None,
) -> list[Reply]:
    if not title or not owner_user:
        raise UserError("action.create_usage")
    if len(title) > MAX_TITLE:
        raise UserError("action.title_too_long", limit=MAX_TITLE)
    if label is TLP.RED:
        raise UserError("action.no_red")
    bottleneck = visible(context, bottleneck_number)[0] if bottleneck_number else None
    member = context.caller.member
    organisation_id = member.organisation_id if member else None
    if bottleneck is not None:
        # The source owns the label: work on a bottleneck is at least as strict as it.
        label = label or bottleneck.tlp
        if label.rank < bottleneck.tlp.rank:
            raise UserError("action.label_below_bottleneck", bottleneck=bottleneck.id,
                            bottleneck_tlp=bottleneck.tlp.value, tlp=label.value)  # fmt: skip
        if label is TLP.AMBER_STRICT:
            organisation_id = bottleneck.organisation_id
    default = context.settings.tlp_default
    label = label or (default if default in ACTION_LABELS else TLP.AMBER_STRICT)
    owner = owner_member(context, owner_user)
    if not may_read(owner, label, organisation_id=organisation_id,
                    author_id=context.caller.member_id):  # fmt: skip
        raise UserError("action.owner_may_not_read", owner=owner.display_name, tlp=label.value)
    deadline = context.deadlines().parse(term)
    moments = plan_reminders(context, deadline, owner)
    with context.db.write() as session:
        created = actions.create(
            session,
            context.caller.actor,
            context.caller.name,
            context.now(),
            title=title,
            owner_id=owner.id,
            deadline=deadline,
            bottleneck_id=bottleneck.id if bottleneck else None,
            tlp=label,
            organisation_id=organisation_id,
        )
        reminders.plan(session, created.id, owner.id, moments)
    note, move = day_off_note(context, created.id, deadline)
    reply = Reply(
        text=context.t(
            "action.created",
            id=created.id,
            title=created.title,
            owner=owner.display_name,
            deadline=deadline_words(context, deadline),
        )
        + f" ({created.tlp.value})"
        + note
        + reminders_text(context, moments),
        buttons=(Button("actie.show", str(created.id), context.t("button.show")), *move),
        tlp=created.tlp,
    )
    return [reply, *tell_owner(context, created, owner, "action.assigned_dm")]


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
        owner = owner_member(context, mention.group(1))
        owner_id, title_key = owner.id, "action.list_of"
    else:
        raise UserError("action.list_usage", word=word[:40])
    with context.db.read() as session:
        found, total = actions.listed(
            session, context.audience(), owner_id=owner_id, due_before=due_before, limit=PAGE
        )
    if not found:
        return Reply(text=context.t("action.none_" + title_key.rsplit("_", 1)[1]))
    name = found[0].owner_name if title_key == "action.list_of" else ""
    intro = context.t(title_key, total=total, name=name or "")
    if total > len(found):
        intro += "\n" + context.t("action.list_more", shown=len(found))
    return Reply(
        text=intro,
        sections=tuple(short_section(context, a, today) for a in found),
        tlp=strictest(a.tlp for a in found),
    )


def show(context: Context, rest: str) -> Reply:
    found, _ = find_action(context, rest)
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
        tlp=strictest([found.tlp, *([bottleneck.tlp] if bottleneck else [])]),
    )


def ical(context: Context, _rest: str) -> Sequence[Reply]:
    """The caller's open actions as an iCalendar file, to import in their agenda."""
    require_member(context)
    owner = context.caller.member_id or -1
    file, mine = member_calendar(context.db, context.audience(), owner, context, context.now())
    if not mine:
        raise UserError("action.none_mine")
    return [
        Reply(
            text=context.t(
                "action.ical_ready", actions=counted(context, "count.action", len(mine))
            ),
            files=(file,),
            visibility=Visibility.DIRECT,
            user=context.caller.user_id,
            tlp=strictest(a.tlp for a in mine),
        )
    ]
