"""`ciso-bot demo`: load the demo data set into an empty database."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.demo_data import ITEMS, MEMBERS, VOTES
from handlers.parsing import title_and_body
from storage import backup, knowledge, members
from storage.db import Database
from storage.tlp import TLP
from storage.views import Actor

PLATFORM = "console"
ACTOR = Actor(ref="cli:demo")


class DemoRefused(Exception):
    """The database already holds data."""


def load_demo(db: Database, now: datetime) -> dict[str, int]:
    """Add the demo members, knowledge and votes; returns what was added."""
    with db.write() as session:
        if not backup.is_empty(session):
            raise DemoRefused("the database already holds data")
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
            )
            item_ids.append(item.id)
        for voter, number in VOTES:
            knowledge.add_useful_vote(
                session, Actor(ref=f"{PLATFORM}:{voter}"), now, item_ids[number - 1], ids[voter]
            )
    return {"members": len(MEMBERS), "knowledge items": len(ITEMS), "useful votes": len(VOTES)}
