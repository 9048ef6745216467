"""Who may do what: every permission rule of the bot, in one place."""

from __future__ import annotations

from storage.tlp import TLP
from storage.views import ActionView, BottleneckView, KnowledgeView

from handlers.context import Caller, Context
from handlers.messages import UserError


def require_member(context: Context) -> None:
    """Stop with a friendly explanation when the caller is not (yet) a member."""
    if not context.caller.has_access:
        raise UserError("member.not_member")


def require_role(context: Context, *roles: str) -> None:
    """Stop unless the caller holds one of `roles`."""
    require_member(context)
    if not context.caller.has_role(*roles):
        names = ", ".join(context.t(f"role.{r}") for r in roles)
        raise UserError("permission.role_needed", roles=names)


def can_change_knowledge(caller: Caller, item: KnowledgeView) -> bool:
    """The author, the werkgroep and beheerders may edit or delete an item."""
    is_author = caller.member_id is not None and caller.member_id == item.author_id
    return is_author or caller.has_role("werkgroep", "beheerder")


def may_relabel(
    caller: Caller, author_id: int | None, old: TLP, new: TLP, adds_recipients: bool
) -> bool:
    """The source owns the label (FIRST TLP 2.0): only the author lowers it or adds readers.

    Anyone who may change an item may make its label stricter or take readers away
    (moderation); the author hears of it.
    """
    is_author = caller.member_id is not None and caller.member_id == author_id
    return is_author or (new.rank >= old.rank and not adds_recipients)


def can_change_action(caller: Caller, action: ActionView) -> bool:
    """The owner, the creator, the werkgroep and beheerders may change an action."""
    mine = caller.member_id is not None and caller.member_id in (action.owner_id, action.creator_id)
    return mine or caller.has_role("werkgroep", "beheerder")


def can_link_to_bottleneck(caller: Caller, bottleneck: BottleneckView) -> bool:
    """Whoever reported or supports a bottleneck, the werkgroep and beheerders link to it."""
    involved = caller.member_id is not None and (
        caller.member_id in bottleneck.supporter_ids or caller.member_id == bottleneck.reporter_id
    )
    return involved or caller.has_role("werkgroep", "beheerder")


def may_read_history(
    caller: Caller, subject: tuple[str, int] | None, writers: frozenset[int]
) -> bool:
    """A beheerder reads the whole audit log; anyone else the history of what they
    wrote (`writers`: an item's author, a bottleneck's reporter, an action's creator and
    owner). What each entry is about is still filtered through TLP."""
    if caller.has_role("beheerder"):
        return True
    mine = caller.member_id is not None and caller.member_id in writers
    return subject is not None and subject[0] != "member" and mine
