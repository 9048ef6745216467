"""`ciso-bot demo`: load the demo data set into an empty database."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.demo.actions import ACTIONS, OVERDUE
from bot.demo.bottlenecks import BOTTLENECKS
from bot.demo.data import ITEMS, MEMBERS, VOTES
from handlers.actions.reminders import plan_for
from handlers.context import CoreSettings
from handlers.deadlines import Deadlines
from handlers.knowledge.review import review_days
from handlers.parsing import title_and_body
from storage import (
    actions,
    backup,
    bottleneck_status,
    bottleneck_support,
    bottlenecks,
    knowledge,
    members,
    reminders,
)
from storage.db import Database
from storage.tlp import TLP
from storage.views import Actor

PLATFORM = "console"
ACTOR = Actor(ref="cli:demo")


class DemoRefused(Exception):
    """The database already holds data."""


def load_demo(
    db: Database, now: datetime, placeholders: frozenset[str] = frozenset()
) -> dict[str, int]:
    """Add the demo members, knowledge and votes; returns what was added.

    A database that holds only `placeholders` (the administrators a first start made
    members) counts as empty: they make way for the demo network.
    """
    with db.write() as session:
        if not backup.is_empty(session, placeholders):
            raise DemoRefused(
                "the database already holds data (members, knowledge or bottlenecks); "
                "the demo goes into a fresh database: set DATABASE_URL to another file"
            )
        backup.clear(session)
        ids: dict[str, int] = {}
        orgs: dict[str, int | None] = {}
        for user_id, name, org_name, roles in MEMBERS:
            org = members.find_organisation(session, org_name)
            if org is None:
                raise DemoRefused(f"unknown organisation {org_name!r}")
            member, _ = members.save_member(
                session,
                ACTOR,
                now,
                platform=PLATFORM,
                user_id=user_id,
                display_name=name,
                organisation_id=org.id,
                roles=roles,
            )
            ids[user_id] = member.id
            orgs[user_id] = org.id
        item_ids: list[int] = []
        for author, days_ago, label_text, tags, text in ITEMS:
            label_word, *recipients = label_text.split()
            label = TLP(label_word)
            title, body = title_and_body(text)
            moment = now - timedelta(days=days_ago, hours=len(item_ids) % 7)
            item = knowledge.create(
                session,
                Actor(ref=f"{PLATFORM}:{author}", member_id=ids[author]),
                moment,
                title=title,
                body=body,
                tlp=label,
                tags=tags,
                author_id=ids[author],
                organisation_id=orgs[author],
                recipient_ids=[ids[r] for r in recipients],
                # As if shared then: by its tags, some items are past their review date.
                review_at=moment.date() + timedelta(days=review_days(CoreSettings(), tags)),
            )
            item_ids.append(item.id)
        for voter, number in VOTES:
            knowledge.add_useful_vote(
                session, Actor(ref=f"{PLATFORM}:{voter}"), now, item_ids[number - 1], ids[voter]
            )
        _load_bottlenecks(session, now, ids)
        _load_actions(session, now)
    return {
        "members": len(MEMBERS),
        "knowledge items": len(ITEMS),
        "useful votes": len(VOTES),
        "bottlenecks": len(BOTTLENECKS),
        "actions": len(ACTIONS),
    }


def _load_actions(session: Session, now: datetime) -> None:
    settings = CoreSettings()
    by_user = {m.platform_user_id: m for m in members.active_members(session)}
    overdue = dict(OVERDUE)
    today = now.astimezone(ZoneInfo(settings.timezone)).date()
    for owner_id, creator_id, days_ago, term, title, bottleneck, updates, moved, done in ACTIONS:
        owner, creator = by_user[owner_id], by_user[creator_id]
        created_at = now - timedelta(days=days_ago)
        created_on = today - timedelta(days=days_ago)
        deadline = Deadlines(created_on, settings.work_calendar).parse(term)
        if title in overdue:
            deadline = today - timedelta(days=overdue[title])
        elif done is None and deadline < today:
            deadline = Deadlines(today, settings.work_calendar).parse(term)
        action = actions.create(
            session,
            creator.actor,
            creator.display_name,
            created_at,
            title=title,
            owner_id=owner.id,
            deadline=deadline,
            bottleneck_id=bottleneck or None,
        )
        for n, text in enumerate(updates, start=1):
            at = created_at + timedelta(days=n * days_ago // (len(updates) + 1))
            actions.add_progress(session, owner.actor, owner.display_name, at, action.id, text)
        if moved:
            new_term, reason = moved
            new_deadline = Deadlines(today, settings.work_calendar).parse(new_term)
            at = now - timedelta(days=3)
            action = actions.postpone(
                session, owner.actor, owner.display_name, at, action.id, new_deadline, reason
            )
        if done is not None:
            actions.set_status(
                session, owner.actor, owner.display_name, now - timedelta(days=done),
                action.id, actions.DONE,
            )  # fmt: skip
            continue
        moments = plan_for(action.deadline, owner, now, settings)
        reminders.plan(session, action.id, owner.id, moments)


def _load_bottlenecks(session: Session, now: datetime, ids: dict[str, int]) -> None:
    by_user = {m.platform_user_id: m for m in members.active_members(session)}
    workgroup = by_user["anna.denhaag"]
    for reporter, days_ago, label, theme, title, text, supporters, steps, decision in BOTTLENECKS:
        reported = now - timedelta(days=days_ago)
        created = bottlenecks.create(
            session,
            reported,
            by_user[reporter],
            title=title,
            description=text,
            theme=theme,
            tlp=TLP(label),
        )
        for n, (supporter, note) in enumerate(supporters, start=1):
            at = reported + timedelta(days=n)
            bottleneck_support.support(session, at, created.id, by_user[supporter], note)
            bottleneck_support.claim_threshold(session, created.id, at, 3)
        for step_days_ago, status, body, reference, answer_in_days, reason in steps:
            at = now - timedelta(days=step_days_ago)
            escalation = None
            if body is not None:
                due = at + timedelta(days=answer_in_days or 42)
                escalation = bottleneck_status.Escalation(body, reference, due)
            bottleneck_status.change_status(
                session,
                workgroup.actor,
                workgroup.display_name,
                at,
                created.id,
                status,
                reason=reason,
                escalation=escalation,
            )
        if decision:
            bottleneck_status.set_decision_asked(
                session, workgroup.actor, workgroup.display_name, reported, created.id, decision
            )
