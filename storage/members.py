"""Members, their roles and organisations."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Executable, bindparam, literal, select, union_all
from sqlalchemy.orm import Session

from storage import audit
from storage.db import core_of
from storage.fold import fold
from storage.models import Member, MemberIdentity, MemberRole, Organisation
from storage.views import Actor, MemberView, OrganisationView

# Members are read as plain rows from statements built once (a quarter of the cost of
# loading the entity with its organisation, roles and accounts): reading one is on
# every request's path. What changes a member loads the entity (`_find`), and returns
# what it wrote read back the same way.
_COLUMNS = (
    Member.id, Member.platform, Member.platform_user_id, Member.display_name,
    Member.organisation_id, Organisation.name, Member.language, Member.timezone,
    Member.active, Member.digest, Member.platform_chosen,
)  # fmt: skip
_MEMBERS = select(*_COLUMNS).outerjoin(Organisation, Organisation.id == Member.organisation_id)
_BY_ACCOUNT = _MEMBERS.join(MemberIdentity, MemberIdentity.member_id == Member.id).where(
    MemberIdentity.platform == bindparam("platform"),
    MemberIdentity.platform_user_id == bindparam("user"),
)
_BY_IDS = _MEMBERS.where(Member.id.in_(bindparam("ids", expanding=True)))
_PARTS = union_all(
    select(MemberRole.member_id, literal("role"), MemberRole.role, literal("")).where(
        MemberRole.member_id.in_(bindparam("ids", expanding=True))
    ),
    select(
        MemberIdentity.member_id, literal("account"), MemberIdentity.platform,
        MemberIdentity.platform_user_id,
    ).where(MemberIdentity.member_id.in_(bindparam("ids", expanding=True))),
)  # fmt: skip


def _views(session: Session, statement: Executable, **params: Any) -> list[MemberView]:
    connection = core_of(session)  # every request reads its caller
    rows: Sequence[Any] = connection.execute(statement, params).all()
    if not rows:
        return []
    roles: dict[int, set[str]] = {}
    accounts: dict[int, list[tuple[str, str]]] = {}
    for member_id, kind, first, second in connection.execute(_PARTS, {"ids": [r[0] for r in rows]}):
        if kind == "role":
            roles.setdefault(member_id, set()).add(first)
        else:
            accounts.setdefault(member_id, []).append((first, second))
    return [_row_view(r, roles.get(r[0], set()), accounts.get(r[0], [])) for r in rows]


def _row_view(r: Sequence[Any], roles: set[str], accounts: list[tuple[str, str]]) -> MemberView:
    """A row of `_COLUMNS`, with the member's roles and accounts, as a MemberView."""
    return MemberView(
        id=r[0], platform=r[1], platform_user_id=r[2], display_name=r[3],
        organisation_id=r[4], organisation_name=r[5], roles=frozenset(roles),
        language=r[6], timezone=r[7], active=r[8], digest=r[9],
        identities=tuple(sorted(accounts)), platform_chosen=r[10],
    )  # fmt: skip


def selected(
    session: Session, *conditions: ColumnElement[bool], order_by: Sequence[Any] = ()
) -> list[MemberView]:
    """The members that meet `conditions` (on Member, Organisation), in this order."""
    return _views(session, _MEMBERS.where(*conditions).order_by(*order_by))


def _written(session: Session, member: Member) -> MemberView:
    """The member as just changed (flushed, then read back as every member is read)."""
    session.flush()
    return _views(session, _BY_IDS, ids=[member.id])[0]


def organisation_view(org: Organisation) -> OrganisationView:
    return OrganisationView(id=org.id, name=org.name, kind=org.kind, region=org.region)


class IdentityTaken(ValueError):
    """The chat account already belongs to another member."""

    def __init__(self, member: MemberView) -> None:
        super().__init__(member.id)
        self.member = member


def _find(session: Session, platform: str, user_id: str) -> Member | None:
    """The member with this chat account (on any of their platforms)."""
    query = (
        select(Member)
        .join(MemberIdentity)
        .where(MemberIdentity.platform == platform, MemberIdentity.platform_user_id == user_id)
    )
    return session.scalars(query).one_or_none()


def _new_member(platform: str, user_id: str, display_name: str, at: datetime) -> Member:
    return Member(
        platform=platform,
        platform_user_id=user_id,
        display_name=display_name,
        created_at=at,
        active=True,
        platform_chosen=False,
        identities=[MemberIdentity(platform=platform, platform_user_id=user_id)],
    )


def link_identity(
    session: Session, actor: Actor, at: datetime, member_id: int, platform: str, user_id: str
) -> MemberView:
    """Give a member their account on another platform; raises IdentityTaken when it is
    an active member's (two members are never merged by a link). The account of a
    removed member moves: what that member wrote stays theirs."""
    member = session.get(Member, member_id)
    if member is None:
        raise LookupError(member_id)
    owner = _find(session, platform, user_id)
    if owner is not None and owner.id != member.id:
        if owner.active:
            raise IdentityTaken(_written(session, owner))
        owner.identities = [
            i for i in owner.identities
            if (i.platform, i.platform_user_id) != (platform, user_id)
        ]  # fmt: skip
        session.flush()
        audit.record(session, actor, "member.unlinked", "member", owner.id, at,
                     platform=platform)  # fmt: skip
        owner = None
    if owner is None:
        # One account per platform: a new one replaces the member's old one there.
        member.identities = [i for i in member.identities if i.platform != platform]
        member.identities.append(MemberIdentity(platform=platform, platform_user_id=user_id))
        if member.platform == platform:
            member.platform_user_id = user_id
        session.flush()
        audit.record(session, actor, "member.linked", "member", member.id, at,
                     user=f"{platform}:{user_id}")  # fmt: skip
    return _written(session, member)


def unlink_identity(
    session: Session, actor: Actor, at: datetime, member_id: int, platform: str
) -> MemberView | None:
    """Take away a member's account on `platform`; None when it is their only one."""
    member = session.get(Member, member_id)
    if member is None:
        raise LookupError(member_id)
    kept = [i for i in member.identities if i.platform != platform]
    if not kept or len(kept) == len(member.identities):
        return None
    member.identities = kept
    if member.platform == platform:
        member.platform, member.platform_user_id = kept[0].platform, kept[0].platform_user_id
        member.platform_chosen = False
    session.flush()
    audit.record(session, actor, "member.unlinked", "member", member.id, at, platform=platform)
    return _written(session, member)


def used(session: Session, member_id: int, platform: str, user_id: str) -> bool:
    """The member wrote from this account: messages follow them there, unless they chose a
    platform. True when where messages go changed (not audited: not a decision)."""
    member = session.get(Member, member_id)
    if member is None:
        return False
    if member.platform_chosen or (member.platform, member.platform_user_id) == (platform, user_id):
        return False
    member.platform, member.platform_user_id = platform, user_id
    return True


def choose_platform(
    session: Session,
    actor: Actor,
    at: datetime,
    member_id: int,
    platform: str | None,
    using: tuple[str, str],
) -> MemberView:
    """Where messages go: this platform's account, or (None) the one used last, which is
    `using`: the account the member chooses from (while a choice stood, using another
    account moved nothing, so no earlier use says more)."""
    member = session.get(Member, member_id)
    if member is None:
        raise LookupError(member_id)
    wanted = using if platform is None else None
    for identity in member.identities:
        if (identity.platform, identity.platform_user_id) == wanted or (
            wanted is None and identity.platform == platform
        ):
            member.platform, member.platform_user_id = identity.platform, identity.platform_user_id
    member.platform_chosen = platform is not None
    session.flush()
    audit.record(session, actor, "member.platform", "member", member.id, at,
                 platform=platform or "last_used")  # fmt: skip
    return _written(session, member)


def get_member(session: Session, platform: str, user_id: str) -> MemberView | None:
    """The member with this platform id, active or not, or None."""
    found = _views(session, _BY_ACCOUNT, platform=platform, user=user_id)
    return found[0] if found else None


def get_member_by_id(session: Session, member_id: int) -> MemberView | None:
    found = _views(session, _BY_IDS, ids=[member_id])
    return found[0] if found else None


def active_members(session: Session) -> list[MemberView]:
    """Every active member, by organisation and then name."""
    return selected(
        session, Member.active.is_(True), order_by=(Organisation.name, Member.display_name)
    )


def organisations(session: Session) -> list[OrganisationView]:
    query = select(Organisation).order_by(Organisation.kind, Organisation.name)
    return [organisation_view(o) for o in session.scalars(query)]


def find_organisation(session: Session, name: str) -> OrganisationView | None:
    """The organisation called `name`, ignoring case, diacritics, spaces and hyphens."""
    wanted = _loose(name)
    for org in organisations(session):
        if _loose(org.name) == wanted:
            return org
    return None


def _loose(name: str) -> str:
    return "".join(ch for ch in fold(name) if ch.isalnum())


def save_member(
    session: Session,
    actor: Actor,
    at: datetime,
    *,
    platform: str,
    user_id: str,
    display_name: str,
    organisation_id: int | None,
    roles: Iterable[str],
) -> tuple[MemberView, bool]:
    """Add a member or update one (organisation, roles, active again); True if new."""
    member = _find(session, platform, user_id)
    created = member is None
    if member is None:
        member = _new_member(platform, user_id, display_name, at)
        session.add(member)
    member.organisation_id = organisation_id
    member.active = True
    # Keep a name the platform gave; replace only a placeholder (the bare user id).
    if display_name and member.display_name == member.platform_user_id:
        member.display_name = display_name
    wanted = sorted(set(roles))
    member.roles = [MemberRole(role=role) for role in wanted]
    session.flush()
    audit.record(
        session,
        actor,
        "member.added" if created else "member.updated",
        "member",
        member.id,
        at,
        user=f"{platform}:{user_id}",
        organisation_id=organisation_id,
        roles=wanted,
    )
    return _written(session, member), created


def deactivate_member(
    session: Session, actor: Actor, at: datetime, platform: str, user_id: str
) -> MemberView | None:
    """Take away a member's access; their items stay, attributed to them."""
    member = _find(session, platform, user_id)
    if member is None or not member.active:
        return None
    member.active = False
    member.roles = []
    session.flush()
    audit.record(session, actor, "member.removed", "member", member.id, at)
    return _written(session, member)


def ensure_admin(
    session: Session, at: datetime, platform: str, user_id: str, display_name: str
) -> MemberView:
    """Make sure a configured administrator exists as an active member with that role."""
    member = _find(session, platform, user_id)
    if member is not None and member.active and any(r.role == "beheerder" for r in member.roles):
        return _written(session, member)
    if member is None:
        member = _new_member(platform, user_id, display_name or user_id, at)
        session.add(member)
    member.active = True
    member.roles = [
        *[r for r in member.roles if r.role != "beheerder"],
        MemberRole(role="beheerder"),
    ]
    session.flush()
    actor = Actor(ref="config:BOT_ADMINS")
    audit.record(session, actor, "member.admin_from_config", "member", member.id, at)
    return _written(session, member)


def rename_member(session: Session, member_id: int, display_name: str) -> None:
    """Keep the display name in step with the platform (not audited: not a decision)."""
    member = session.get(Member, member_id)
    if member is not None and display_name and member.display_name != display_name:
        member.display_name = display_name[:200]


def set_preferences(
    session: Session,
    actor: Actor,
    at: datetime,
    member_id: int,
    *,
    language: str | None = None,
    timezone: str | None = None,
) -> MemberView:
    """Change a member's own language or time zone."""
    member = session.get(Member, member_id)
    if member is None:
        raise LookupError(member_id)
    changes: dict[str, str] = {}
    if language is not None:
        member.language = language
        changes["language"] = language
    if timezone is not None:
        member.timezone = timezone
        changes["timezone"] = timezone
    session.flush()
    audit.record(session, actor, "member.preferences", "member", member.id, at, **changes)
    return _written(session, member)


def set_digest(
    session: Session, actor: Actor, at: datetime, member_id: int, wanted: bool | None
) -> MemberView:
    """Whether the member gets the weekly digest (None: as their role says)."""
    member = session.get(Member, member_id)
    if member is None:
        raise LookupError(member_id)
    member.digest = wanted
    session.flush()
    audit.record(session, actor, "member.digest", "member", member.id, at, digest=wanted)
    return _written(session, member)


def digest_recipients(session: Session, joined_by: datetime) -> list[MemberView]:
    """The active members who get the weekly digest and were members at `joined_by`."""
    found = selected(session, Member.active.is_(True), Member.created_at <= joined_by)
    return [member for member in found if member.gets_digest]


def members_by_user_ids(
    session: Session, platform: str, user_ids: Iterable[str]
) -> list[MemberView]:
    ids = list(dict.fromkeys(user_ids))
    if not ids:
        return []
    accounts = select(MemberIdentity.member_id).where(
        MemberIdentity.platform == platform, MemberIdentity.platform_user_id.in_(ids)
    )
    return selected(session, Member.id.in_(accounts))


def names_by_user_id(session: Session, platform: str | None = None) -> dict[str, str]:
    """Every member's platform user id → display name (of one platform, or all)."""
    stmt = select(MemberIdentity.platform_user_id, Member.display_name).join(Member)
    if platform is not None:
        stmt = stmt.where(MemberIdentity.platform == platform)
    return {str(user_id): str(name) for user_id, name in session.execute(stmt)}


def members_by_ids(session: Session, member_ids: Iterable[int]) -> dict[int, MemberView]:
    ids = list(dict.fromkeys(member_ids))
    if not ids:
        return {}
    return {m.id: m for m in _views(session, _BY_IDS, ids=ids)}


def add_organisation(
    session: Session, actor: Actor, at: datetime, name: str, kind: str
) -> OrganisationView:
    org = Organisation(name=name, kind=kind, region=None)
    session.add(org)
    session.flush()
    audit.record(session, actor, "organisation.added", "organisation", org.id, at, name=name)
    return organisation_view(org)
