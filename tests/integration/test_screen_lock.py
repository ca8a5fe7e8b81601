"""The screen lock's services: locking and unlocking recorded, the password counted as a
sign-in's (services.access.auth), roles re-read; no Qt here (the window is tests/ui)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from models import Event, User, UserRole
from services.access import auth
from services.access.auth import MAX_FAILED_ATTEMPTS, AccountLocked, SignInFailed
from services.access.sessions import SessionEnded
from services.api.ports import build_ports
from services.kernel.events import verify_chain
from tests.conftest import STAFF_PASSWORD


def _events(context, *types: str) -> list[Event]:
    with context.read() as session:
        found = session.scalars(select(Event).where(Event.type.in_(types)).order_by(Event.seq))
        return list(found)


def test_lock_and_unlock_are_recorded_in_the_audit_chain(context) -> None:
    ws = build_ports(context)
    user = ws.shell.sign_in("reviewer", STAFF_PASSWORD)
    ws.shell.lock(user, "idle")
    back = ws.shell.unlock(user, STAFF_PASSWORD)
    assert back.username == "reviewer" and back.roles == frozenset({"reviewer"})
    locked, unlocked = _events(context, "session.locked", "session.unlocked")
    assert (locked.type, unlocked.type) == ("session.locked", "session.unlocked")
    assert locked.aggregate_id == unlocked.aggregate_id == user.user_id
    assert '"idle"' in locked.payload and context.station_code in locked.payload
    with context.read() as session:
        report = verify_chain(session)
    assert report.ok and report.checked >= 3


def test_a_wrong_password_at_the_lock_counts_as_at_sign_in_and_five_lock_the_account(
    context, clock
) -> None:
    ws = build_ports(context)
    user = ws.shell.sign_in("finance", STAFF_PASSWORD)
    # One wrong at the sign-in and four at the lock: one count, whichever screen.
    with pytest.raises(SignInFailed):
        ws.shell.sign_in("finance", "ผิดรหัส-1234")
    for typed in range(2, MAX_FAILED_ATTEMPTS):
        with pytest.raises(SignInFailed) as wrong:
            ws.shell.unlock(user, "ผิดรหัส-1234")
        left = MAX_FAILED_ATTEMPTS - typed
        assert "รหัสผ่านไม่ถูกต้อง" in wrong.value.th and f"อีก {left} ครั้ง" in wrong.value.th
        assert "Wrong password" in wrong.value.en and f"{left} more tries" in wrong.value.en
    with pytest.raises(AccountLocked) as locked:
        ws.shell.unlock(user, "ผิดรหัส-1234")
    assert "finance" in locked.value.en and "ล็อก" in locked.value.th
    # Locked: the right password does not open it either, until the lockout passes.
    with pytest.raises(AccountLocked):
        ws.shell.unlock(user, STAFF_PASSWORD)
    failed = _events(context, "session.unlock_failed")
    assert len(failed) == MAX_FAILED_ATTEMPTS - 1
    assert '"locked_until"' in failed[-1].payload
    assert all("ผิดรหัส" not in e.payload for e in failed)  # the typed text is never kept
    clock.advance(auth.LOCKOUT + timedelta(seconds=1))
    assert ws.shell.unlock(user, STAFF_PASSWORD).username == "finance"
    with context.read() as session:
        row = session.scalars(select(User).where(User.username == "finance")).one()
        assert (row.failed_attempts, row.locked_until) == (0, None)


def test_unlocking_re_reads_the_account(context) -> None:
    ws = build_ports(context)
    user = ws.shell.sign_in("reviewer", STAFF_PASSWORD)
    with context.writing() as session:
        session.add(UserRole(user_id=user.user_id, role="finance"))
    assert ws.shell.unlock(user, STAFF_PASSWORD).roles == frozenset({"reviewer", "finance"})
    with context.writing() as session:
        session.execute(update(User).where(User.id == user.user_id).values(active=False))
    with pytest.raises(SessionEnded):  # deactivated meanwhile: the session ends
        ws.shell.unlock(user, STAFF_PASSWORD)


def test_the_idle_minutes_come_from_the_station_settings(context) -> None:
    assert build_ports(context).shell.lock_after_minutes() == 10  # the declared default
    minutes = [25]
    ws = build_ports(context, lock_minutes=lambda: minutes[0])
    assert ws.shell.lock_after_minutes() == 25
    minutes[0] = 0  # a saved Settings page: read again at the next check
    assert ws.shell.lock_after_minutes() == 0


def test_the_open_workstation_reads_the_idle_minutes_from_its_settings_file(
    data_dir, monkeypatch
) -> None:
    from app.bootstrap import open_runtime
    from app.settings import Settings, with_profile
    from tests.integration.test_cli import _init

    assert _init(data_dir, monkeypatch) == 0
    (data_dir / "settings.toml").write_text("lock_after_minutes = 3\n", encoding="utf-8")
    runtime = open_runtime(data_dir, with_profile(Settings({}, None), data_dir))
    try:
        assert runtime.ports.shell.lock_after_minutes() == 3
    finally:
        runtime.close()
