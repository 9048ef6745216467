"""The member's own page (Slack's App Home): my actions, top bottlenecks, new knowledge.

Everything on it is read for that member, through TLP, like any private reply.
"""

from __future__ import annotations

from storage import actions, bottlenecks, knowledge
from storage.tlp import strictest

from handlers.actions.views import short_section as action_section
from handlers.bottlenecks.views import short_section as bottleneck_section
from handlers.context import Context
from handlers.core import Router
from handlers.knowledge.views import short_section as knowledge_section
from handlers.messages import Reply, Section

SHOWN = 5


def register(router: Router) -> None:
    router.add_action("home.open", home)


def home(context: Context) -> Reply:
    audience = context.audience()
    member_id = context.caller.member_id
    with context.db.read() as session:
        mine = (
            actions.listed(session, audience, owner_id=member_id, limit=SHOWN)[0]
            if member_id
            else []
        )
        top = (
            bottlenecks.ranked(session, audience, limit=SHOWN)[0]
            if context.caller.has_access
            else []
        )
        newest = knowledge.recent(session, audience, SHOWN)
    today = context.today()
    sections: list[Section] = []
    if not context.caller.has_access:
        sections.append(Section(text=context.t("member.guest_note")))
    else:
        sections.append(Section(text=context.t("home.actions")))
        sections += [action_section(context, a, today) for a in mine] or [
            Section(text=context.t("home.no_actions"))
        ]
        sections.append(Section(text=context.t("home.bottlenecks")))
        sections += [bottleneck_section(context, b, member_id) for b in top] or [
            Section(text=context.t("home.no_bottlenecks"))
        ]
    sections.append(Section(text=context.t("home.knowledge")))
    sections += [knowledge_section(context, item) for item in newest] or [
        Section(text=context.t("knowledge.none_yet"))
    ]
    labels = [i.tlp for i in newest] + [b.tlp for b in top] + [a.tlp for a in mine]
    return Reply(
        text=context.t("home.title", name=context.caller.name),
        sections=tuple(sections),
        tlp=strictest(labels),
    )
