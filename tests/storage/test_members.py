"""Members, roles and organisations in storage."""

from __future__ import annotations

from datetime import UTC, datetime

from storage import members
from storage.db import Database
from storage.views import Actor, MemberView

NOW = datetime(2026, 11, 28, tzinfo=UTC)


def test_organisations_are_found_ignoring_case_spaces_hyphens_and_diacritics(db: Database) -> None:
    with db.read() as session:
        for written in ("den haag", "DenHaag", "den-haag", "Dén Haag"):
            found = members.find_organisation(session, written)
            assert found is not None and found.name == "Den Haag"
        assert members.find_organisation(session, "Atlantis") is None


def test_saving_a_member_twice_updates_roles_instead_of_duplicating(db: Database) -> None:
    with db.write() as session:
        first, created = members.save_member(
            session, Actor("t"), NOW, platform="slack", user_id="U1", display_name="Anna",
            organisation_id=1, roles=["ciso"],
        )  # fmt: skip
        again, created_again = members.save_member(
            session, Actor("t"), NOW, platform="slack", user_id="U1", display_name="Anna",
            organisation_id=2, roles=["werkgroep", "ciso", "ciso"],
        )  # fmt: skip
    assert created and not created_again and first.id == again.id
    assert again.roles == {"ciso", "werkgroep"} and again.organisation_id == 2


def test_the_same_user_id_on_another_platform_is_another_member(db: Database) -> None:
    with db.write() as session:
        a, _ = members.save_member(
            session, Actor("t"), NOW, platform="slack", user_id="U1", display_name="A",
            organisation_id=1, roles=["ciso"],
        )  # fmt: skip
        b, _ = members.save_member(
            session, Actor("t"), NOW, platform="mattermost", user_id="U1", display_name="B",
            organisation_id=1, roles=["ciso"],
        )  # fmt: skip
    assert a.id != b.id


def test_ensure_admin_creates_once_and_restores_the_role(db: Database) -> None:
    with db.write() as session:
        admin = members.ensure_admin(session, NOW, "console", "root", "Root")
        assert members.ensure_admin(session, NOW, "console", "root", "Root").id == admin.id
        members.deactivate_member(session, Actor("t"), NOW, "console", "root")
        again = members.ensure_admin(session, NOW, "console", "root", "Root")
    assert again.active and "beheerder" in again.roles


def test_deactivated_members_are_not_listed(db: Database) -> None:
    with db.write() as session:
        members.save_member(
            session, Actor("t"), NOW, platform="c", user_id="gone", display_name="Gone",
            organisation_id=1, roles=["ciso"],
        )  # fmt: skip
        assert members.deactivate_member(session, Actor("t"), NOW, "c", "gone") is not None
        assert members.deactivate_member(session, Actor("t"), NOW, "c", "gone") is None
        assert members.active_members(session) == []


def test_every_field_a_member_has_is_read_back_the_same_by_id_account_and_list(
    db: Database,
) -> None:
    """Members are read as plain rows; what was written comes back, field by field, from
    each way of reading (one account or the other, by id, several at once)."""
    actor = Actor("t")
    with db.write() as session:
        anna, _ = members.save_member(
            session, actor, NOW, platform="slack", user_id="U1", display_name="Anna",
            organisation_id=2, roles=["werkgroep", "ciso"],
        )  # fmt: skip
        bare, _ = members.save_member(
            session, actor, NOW, platform="console", user_id="bram", display_name="Bram",
            organisation_id=None, roles=[],
        )  # fmt: skip
        members.link_identity(session, actor, NOW, anna.id, "mattermost", "mm1")
        members.set_preferences(session, actor, NOW, anna.id, language="en",
                                timezone="America/New_York")  # fmt: skip
        members.set_digest(session, actor, NOW, anna.id, False)
        written = members.choose_platform(session, actor, NOW, anna.id, "mattermost",
                                          ("slack", "U1"))  # fmt: skip
        organisation = next(o.name for o in members.organisations(session) if o.id == 2)
    expected = MemberView(
        id=anna.id, platform="mattermost", platform_user_id="mm1", display_name="Anna",
        organisation_id=2, organisation_name=organisation, roles=frozenset({"werkgroep", "ciso"}),
        language="en", timezone="America/New_York", active=True, digest=False,
        identities=(("mattermost", "mm1"), ("slack", "U1")), platform_chosen=True,
    )  # fmt: skip
    assert written == expected
    assert bare.organisation_id is None and bare.organisation_name is None and not bare.roles
    with db.read() as session:
        for platform, user in (("slack", "U1"), ("mattermost", "mm1")):
            assert members.get_member(session, platform, user) == expected
        assert members.get_member_by_id(session, bare.id) == bare
        assert members.members_by_ids(session, [bare.id, anna.id, bare.id, 999]) == {
            anna.id: expected, bare.id: bare,
        }  # fmt: skip
        assert members.members_by_user_ids(session, "mattermost", ["mm1", "mm1"]) == [expected]
        assert members.get_member(session, "slack", "mm1") is None
