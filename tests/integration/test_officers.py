"""Running an agency's accounts on a real store: officers, roles, one-time passwords,
deactivation, lockout, the password policy, and the events every change leaves."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from models import Event, User
from services.access.auth import MAX_FAILED_ATTEMPTS, AccountLocked, SignInFailed
from services.access.officers import LastAdministrator, NewOfficer, OfficerDetails
from services.access.passwords import PasswordPolicy, WeakPassword, one_time_password
from services.access.sessions import PasswordChangeRequired, SessionEnded
from services.api.admin import OfficersFacade
from services.api.ports import Ports, build_ports
from services.kernel.errors import InvalidInput, NotFound, PermissionDenied
from services.kernel.events import verify_chain
from tests.conftest import STAFF_PASSWORD

MALEE = NewOfficer(
    username="Malee.R",
    name_th="นางสาวมาลี รักงาน",
    name_en="Ms Malee Rakngan",
    position_th="เจ้าพนักงานธุรการชำนาญงาน",
    email="malee.r@test-municipality.example.go.th",
    roles=("intake", "reviewer"),
)
NEW_PASSWORD = "ดอกบัว-2569-ริมน้ำ"


@pytest.fixture
def ws(context) -> Ports:
    return build_ports(context)


@pytest.fixture
def port(context) -> OfficersFacade:
    return OfficersFacade(context)


@pytest.fixture
def admin(ws):
    return ws.shell.sign_in("admin", STAFF_PASSWORD)


def _events(context, type_: str) -> list[Event]:
    with context.read() as session:
        return list(session.scalars(select(Event).where(Event.type == type_)).all())


def _payload(event: Event) -> dict:
    return json.loads(event.payload)


def test_a_new_officer_gets_a_one_time_password_and_must_change_it(
    context, ws, port, admin
) -> None:
    issued = port.create_officer(admin, MALEE)
    assert issued.username == "malee.r" and issued.one_time
    assert issued.password not in repr(issued)  # never in a log line by accident
    PasswordPolicy().check(issued.password)
    with context.read() as session:
        user = session.scalars(select(User).where(User.username == "malee.r")).one()
        assert user.password_hash.startswith("$argon2id$")
        assert issued.password not in user.password_hash
        assert (user.display_name_en, user.position_th) == (MALEE.name_en, MALEE.position_th)
    created = _events(context, "user.created")[-1]
    assert created.actor == "admin"
    assert _payload(created)["roles"] == ["intake", "reviewer"]
    assert _payload(created)["one_time_password"] is True
    assert issued.password not in created.payload

    session = ws.shell.sign_in("malee.r", issued.password)
    assert session.must_change_password
    # Nothing else until the password is changed: neither actions nor reads.
    with pytest.raises(PasswordChangeRequired) as caught:
        ws.review.next_application(session, None)
    assert "เปลี่ยนรหัสผ่าน" in caught.value.th and "change its password" in caught.value.en
    with pytest.raises(PasswordChangeRequired):
        ws.shell.list_applications(session, None, 0, 10)

    changed = port.change_my_password(session, issued.password, NEW_PASSWORD)
    assert not changed.must_change_password
    assert ws.shell.count_applications(changed, None) == 0  # allowed now (the test agency is new)
    assert ws.review.next_application(changed, None) is None
    again = ws.shell.sign_in("MALEE.R", NEW_PASSWORD)  # Thai letters, digits, symbols
    assert not again.must_change_password
    with pytest.raises(SignInFailed):
        ws.shell.sign_in("malee.r", issued.password)
    assert [e.actor for e in _events(context, "user.password_changed")] == ["malee.r"]


def test_only_an_administrator_manages_officers(context, ws, port) -> None:
    reviewer = ws.shell.sign_in("reviewer", STAFF_PASSWORD)
    assert not port.may_manage_officers(reviewer)
    for attempt in (
        lambda: port.officers(reviewer),
        lambda: port.create_officer(reviewer, MALEE),
        lambda: port.set_roles(reviewer, "reviewer", ("reviewer", "admin")),
        lambda: port.deactivate(reviewer, "intake", ""),
        lambda: port.reset_password(reviewer, "intake"),
        lambda: port.unlock(reviewer, "intake"),
    ):
        with pytest.raises(PermissionDenied) as caught:
            attempt()
        assert "admin" in caught.value.en
    with context.read() as session:
        assert session.scalar(select(User).where(User.username == "malee.r")) is None
        user = session.scalars(select(User).where(User.username == "reviewer")).one()
        assert user.role_names == {"reviewer"}


def test_the_agency_always_keeps_an_active_administrator(context, ws, port, admin) -> None:
    with pytest.raises(LastAdministrator) as caught:
        port.set_roles(admin, "admin", ("reviewer",))
    assert "last active administrator" in caught.value.en and "คนสุดท้าย" in caught.value.th
    with pytest.raises(LastAdministrator):
        port.deactivate(admin, "admin", "leaving")
    # With a second administrator, the first may step down.
    assert port.set_roles(admin, "approver", ("approver", "admin"))
    assert port.set_roles(admin, "admin", ("reviewer",))
    # …and the second is now the last one.
    approver = ws.shell.sign_in("approver", STAFF_PASSWORD)
    with pytest.raises(LastAdministrator):
        port.deactivate(approver, "approver", "")
    changes = _events(context, "user.roles_changed")
    assert [(_payload(e)["before"], _payload(e)["after"]) for e in changes] == [
        (["approver"], ["admin", "approver"]),
        (["admin"], ["reviewer"]),
    ]
    with context.read() as session:
        assert verify_chain(session).ok


def test_unchanged_roles_and_unknown_roles(context, port, admin) -> None:
    assert not port.set_roles(admin, "finance", ("finance",))
    assert _events(context, "user.roles_changed") == []
    with pytest.raises(InvalidInput) as caught:
        port.set_roles(admin, "finance", ("king",))
    assert "king" in caught.value.en and "intake" in caught.value.en
    with pytest.raises(InvalidInput):
        port.set_roles(admin, "finance", ())
    with pytest.raises(NotFound) as missing:
        port.set_roles(admin, "nobody", ("intake",))
    assert "anuyat users list" in missing.value.en


def test_a_deactivated_officer_cannot_sign_in_and_their_open_session_stops(
    context, ws, port, admin
) -> None:
    open_session = ws.shell.sign_in("reviewer", STAFF_PASSWORD)
    assert ws.review.next_application(open_session, None) is None  # allowed (nothing waits)
    port.deactivate(admin, "reviewer", "ย้ายไปสังกัดอื่น")
    with pytest.raises(SignInFailed) as caught:
        ws.shell.sign_in("reviewer", STAFF_PASSWORD)
    assert "Wrong user name or password" in caught.value.en  # no hint that the name exists
    for action in (
        lambda: ws.review.next_application(open_session, None),
        lambda: ws.shell.list_applications(open_session, None, 0, 10),
        lambda: ws.shell.search(open_session, "ร้าน"),
    ):
        with pytest.raises(SessionEnded) as ended:
            action()
        assert "deactivated" in ended.value.en and "ระงับ" in ended.value.th
    # Never deleted: the row stays, listed as inactive, and the events still name it.
    rows = {r.username: r for r in port.officers(admin)}
    assert not rows["reviewer"].active
    assert list(rows)[-1] == "reviewer"  # active officers first
    with pytest.raises(InvalidInput, match="already deactivated"):
        port.deactivate(admin, "reviewer", "")
    port.activate(admin, "reviewer")
    assert ws.shell.sign_in("reviewer", STAFF_PASSWORD).username == "reviewer"
    deactivated = [_payload(e) for e in _events(context, "user.deactivated")]
    assert deactivated == [{"reason": "ย้ายไปสังกัดอื่น"}]
    assert len(_events(context, "user.activated")) == 1


def test_reset_password_replaces_a_forgotten_one_and_lifts_a_lockout(
    context, ws, port, admin
) -> None:
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(SignInFailed):
            ws.shell.sign_in("finance", "forgotten-1234")
    with pytest.raises(AccountLocked):
        ws.shell.sign_in("finance", "forgotten-1234")
    row = next(r for r in port.officers(admin) if r.username == "finance")
    assert row.locked
    issued = port.reset_password(admin, "finance")
    with pytest.raises(SignInFailed):
        ws.shell.sign_in("finance", STAFF_PASSWORD)  # the old password is gone
    session = ws.shell.sign_in("finance", issued.password)  # not locked any more
    assert session.must_change_password
    reset = _events(context, "user.password_reset")
    assert [_payload(e) for e in reset] == [{"unlocked": True}]
    assert all(issued.password not in e.payload for e in reset)


def test_unlock_lifts_a_lockout_and_keeps_the_password(context, ws, port, admin) -> None:
    with pytest.raises(InvalidInput, match="not locked"):
        port.unlock(admin, "intake")
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises((SignInFailed, AccountLocked)):
            ws.shell.sign_in("intake", "wrong-password-1")
    with pytest.raises(AccountLocked):
        ws.shell.sign_in("intake", STAFF_PASSWORD)
    port.unlock(admin, "intake")
    assert ws.shell.sign_in("intake", STAFF_PASSWORD).username == "intake"
    assert [e.actor for e in _events(context, "user.unlocked")] == ["admin"]


def test_change_my_password_needs_the_current_one_and_meets_the_policy(context, ws, port) -> None:
    me = ws.shell.sign_in("approver", STAFF_PASSWORD)
    with pytest.raises(InvalidInput) as wrong:
        port.change_my_password(me, "not-my-password-1", NEW_PASSWORD)
    assert wrong.value.code == "wrong_current_password"
    with pytest.raises(InvalidInput, match="differ"):
        port.change_my_password(me, STAFF_PASSWORD, STAFF_PASSWORD)
    with pytest.raises(WeakPassword) as weak:
        port.change_my_password(me, STAFF_PASSWORD, "approver")
    # Every broken rule at once, in both languages.
    assert "at least 10 characters" in weak.value.en
    assert "letters, digits, symbols" in weak.value.en
    assert "user name" in weak.value.en
    assert "อย่างน้อย 10 ตัวอักษร" in weak.value.th and "ชื่อผู้ใช้" in weak.value.th
    assert _events(context, "user.password_changed") == []
    port.change_my_password(me, STAFF_PASSWORD, NEW_PASSWORD)
    assert ws.shell.sign_in("approver", NEW_PASSWORD).username == "approver"


def test_the_policy_comes_from_its_settings_and_one_time_passwords_satisfy_it(
    context, ws, admin
) -> None:
    strict = PasswordPolicy(min_length=20, min_kinds=3)
    for _ in range(20):
        password = one_time_password(strict)
        strict.check(password)
        assert not set(password) & set("0O1lI5S2Z")
    with pytest.raises(WeakPassword, match="at least 20"):
        strict.check("ยาวไม่พอ-12345")
    strict.check("ยาวพอแล้ว-ใช่ไหม-2569!")
    with pytest.raises(InvalidInput, match="password_min_length"):
        PasswordPolicy(min_length=6)
    with pytest.raises(InvalidInput, match="password_min_kinds"):
        PasswordPolicy(min_kinds=4)
    # The facade applies its own policy to the officer's choice.
    port = OfficersFacade(context, strict)
    issued = port.create_officer(admin, MALEE)
    assert len(issued.password.replace("-", "")) == 20
    session = ws.shell.sign_in("malee.r", issued.password)
    with pytest.raises(WeakPassword, match="at least 20"):
        port.change_my_password(session, issued.password, NEW_PASSWORD)


def test_an_officers_details_are_checked_all_at_once(context, port, admin) -> None:
    bad = NewOfficer("ม", "", "", "", "not-an-address", ("chief",))
    with pytest.raises(InvalidInput) as caught:
        port.create_officer(admin, bad)
    for words in ("user name", "Thai name", "English name", "position", "e-mail", "chief"):
        assert words in caught.value.en
    assert "ตำแหน่ง" in caught.value.th
    port.create_officer(admin, MALEE)
    with pytest.raises(InvalidInput, match="already exists"):
        port.create_officer(admin, MALEE)


def test_details_can_be_corrected_and_the_change_is_an_event(context, port, admin) -> None:
    details = OfficerDetails(
        "นางการเงิน ถูกต้อง", "Mrs Kanngoen Tukthong", "นักวิชาการเงินและบัญชีชำนาญการ", ""
    )
    assert port.update_details(admin, "finance", details)
    assert not port.update_details(admin, "finance", details)
    row = next(r for r in port.officers(admin) if r.username == "finance")
    assert row.position_th == "นักวิชาการเงินและบัญชีชำนาญการ"
    (event,) = _events(context, "user.details_changed")
    assert _payload(event)["after"] == {
        "display_name_en": "Mrs Kanngoen Tukthong",
        "position_th": "นักวิชาการเงินและบัญชีชำนาญการ",
    }


def test_migration_0006_keeps_existing_accounts_usable(context, ws) -> None:
    from alembic import command
    from sqlalchemy import text

    from services.store.engine import _alembic_config

    config = _alembic_config()
    with context.store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0005")
        columns = [row[1] for row in conn.execute(text("PRAGMA table_info(app_user)"))]
        assert "must_change_password" not in columns
        command.upgrade(config, "head")
    session = ws.shell.sign_in("reviewer", STAFF_PASSWORD)
    assert not session.must_change_password
    with context.read() as db:
        assert db.scalars(select(User.display_name_en)).all() == [""] * 5
