"""`/knelpunt steun|intrekken|notitie`: who recognises a bottleneck, one count per municipality."""

from __future__ import annotations

from storage import bottleneck_support, bottlenecks
from storage.bottlenecks import OPEN_STATUSES

from handlers.bottlenecks.common import (
    merged_note,
    number_and_rest,
    require_organisation,
    threshold_notice,
    visible,
)
from handlers.bottlenecks.views import count_text
from handlers.context import Context
from handlers.messages import Reply, UserError
from handlers.parsing import clean

MAX_NOTE = 2_000


def support(context: Context, rest: str) -> list[Reply]:
    member = require_organisation(context)
    number, note = number_and_rest(rest)
    note = clean(note)
    if len(note) > MAX_NOTE:
        raise UserError("bottleneck.note_too_long", limit=MAX_NOTE)
    found, asked = visible(context, number)
    if found.status not in OPEN_STATUSES:
        raise UserError(
            "bottleneck.closed", id=found.id, status=context.t("status." + found.status)
        )
    with context.db.write() as session:
        result = bottleneck_support.support(session, context.now(), found.id, member, note or None)
        ready = result is bottleneck_support.Support.COUNTED and (
            bottleneck_support.claim_threshold(
                session, found.id, context.now(), context.settings.escalation_threshold
            )
        )
        updated = bottlenecks.view(session, found.id)
    key = {
        bottleneck_support.Support.COUNTED: "bottleneck.supported",
        bottleneck_support.Support.SAME_ORGANISATION: "bottleneck.supported_same_org",
        bottleneck_support.Support.ALREADY: "bottleneck.already_supported",
    }[result]
    text = context.t(
        key,
        id=updated.id,
        title=updated.title,
        organisation=member.organisation_name or "",
        count=count_text(context, updated),
    )
    if note and result is bottleneck_support.Support.ALREADY:
        text += "\n" + context.t("bottleneck.use_note", id=updated.id)
    prefix = merged_note(context, asked, updated)
    replies = [Reply(text=f"{prefix}\n{text}".strip(), tlp=updated.tlp)]
    return replies + (threshold_notice(context, updated) if ready else [])


def withdraw(context: Context, rest: str) -> Reply:
    member = require_organisation(context)
    number, _ = number_and_rest(rest)
    found, _asked = visible(context, number)
    with context.db.write() as session:
        removed = bottleneck_support.withdraw(session, context.now(), found.id, member)
        updated = bottlenecks.view(session, found.id)
    if not removed:
        raise UserError("bottleneck.not_supporting", id=found.id)
    return Reply(
        text=context.t(
            "bottleneck.withdrawn",
            id=updated.id,
            title=updated.title,
            count=count_text(context, updated),
        ),
        tlp=updated.tlp,
    )


def add_note(context: Context, rest: str) -> Reply:
    member = require_organisation(context)
    number, note = number_and_rest(rest)
    note = clean(note)
    if not note:
        raise UserError("bottleneck.note_usage")
    if len(note) > MAX_NOTE:
        raise UserError("bottleneck.note_too_long", limit=MAX_NOTE)
    found, _asked = visible(context, number)
    with context.db.write() as session:
        supporting = bottleneck_support.organisation_supports(
            session, found.id, member.organisation_id
        )
        if supporting:
            bottleneck_support.add_note(session, context.now(), found.id, member, note)
    if not supporting:
        raise UserError("bottleneck.note_needs_support", id=found.id)
    return Reply(text=context.t("bottleneck.note_added", id=found.id), tlp=found.tlp)
