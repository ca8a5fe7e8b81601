"""Officers' sign-in: Argon2id hashes, lockout after failures, roles enforced in services."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Literal

import pytest
from argon2 import PasswordHasher
from sqlalchemy import delete, select

from models import Application, Event, User, UserRole
from services.access import auth
from services.access.auth import MAX_FAILED_ATTEMPTS, AccountLocked, SignInFailed
from services.access.sessions import SessionEnded
from services.api.ports import build_ports
from services.kernel.actors import SYSTEM, Actor
from services.kernel.errors import InvalidInput, PermissionDenied
from tests.conftest import STAFF_PASSWORD


def test_password_is_stored_as_argon2id(context) -> None:
    with context.read() as session:
        user = session.scalars(select(User).where(User.username == "reviewer")).one()
    assert user.password_hash.startswith("$argon2id$")
    assert STAFF_PASSWORD not in user.password_hash


def test_sign_in_returns_roles_and_records_an_event(context) -> None:
    user = build_ports(context).shell.sign_in("Reviewer ", STAFF_PASSWORD)
    assert user.roles == frozenset({"reviewer"})
    with context.read() as session:
        types = session.scalars(select(Event.type).where(Event.type == "user.signed_in")).all()
    assert types


def test_wrong_password_is_counted_then_locks(context, clock) -> None:
    ws = build_ports(context)
    with pytest.raises(SignInFailed) as unknown:
        ws.shell.sign_in("nobody", "wrong-password")
    for _ in range(1, MAX_FAILED_ATTEMPTS):
        with pytest.raises(SignInFailed) as caught:
            ws.shell.sign_in("finance", "wrong-password")
        assert "รหัสผ่าน" in caught.value.th and "password" in caught.value.en
        # Word for word what an unknown name gets: no count of tries left.
        assert (caught.value.th, caught.value.en) == (unknown.value.th, unknown.value.en)
    with pytest.raises(AccountLocked):
        ws.shell.sign_in("finance", "wrong-password")
    # Locked even with the right password…
    with pytest.raises(AccountLocked):
        ws.shell.sign_in("finance", STAFF_PASSWORD)
    # …until the lockout passes.
    clock.advance(auth.LOCKOUT + timedelta(seconds=1))
    assert ws.shell.sign_in("finance", STAFF_PASSWORD).username == "finance"
    with context.read() as session:
        failures = session.scalars(select(Event).where(Event.type == "user.sign_in_failed")).all()
    assert len(failures) == MAX_FAILED_ATTEMPTS
    assert all("wrong-password" not in e.payload for e in failures)


def test_unknown_user_gets_the_same_message_as_a_wrong_password(context) -> None:
    with pytest.raises(SignInFailed) as caught:
        build_ports(context).shell.sign_in("nobody", "whatever-it-is")
    assert "Wrong user name or password" in caught.value.en


def test_only_admins_create_users(context, actors) -> None:
    with pytest.raises(PermissionDenied) as caught:
        with context.unit_of_work(actors["reviewer"]) as uow:
            auth.create_user(
                uow, username="x", display_name="x", password="long-enough-1", roles=["admin"]
            )
    assert "admin" in caught.value.en


def test_weak_password_and_unknown_role_are_refused(context, actors) -> None:
    with pytest.raises(InvalidInput, match="8"):
        with context.unit_of_work(actors["admin"]) as uow:
            auth.create_user(
                uow, username="y", display_name="y", password="short", roles=["intake"]
            )
    with pytest.raises(InvalidInput, match="Unknown role"):
        with context.unit_of_work(actors["admin"]) as uow:
            auth.create_user(
                uow, username="z", display_name="z", password="long-enough-1", roles=["king"]
            )


def test_admin_unlocks_an_account(context) -> None:
    ws = build_ports(context)
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises((SignInFailed, AccountLocked)):
            ws.shell.sign_in("intake", "nope-nope-nope")
    admin = Actor.from_user(ws.shell.sign_in("admin", STAFF_PASSWORD))
    with context.unit_of_work(admin) as uow:
        auth.unlock_user(uow, "intake")
    assert ws.shell.sign_in("intake", STAFF_PASSWORD).username == "intake"


class CountingHasher(PasswordHasher):
    """The real Argon2id hasher, counting the verifications it does."""

    def __init__(self) -> None:
        super().__init__()
        self.verified = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        self.verified += 1
        return super().verify(hash, password)


def test_unknown_name_costs_one_argon2_verification_like_a_known_one(context) -> None:
    hasher = CountingHasher()
    with context.read() as session:
        unknown = auth.check_password(session, "nobody", "whatever-it-is", hasher=hasher)
        assert hasher.verified == 1 and not unknown.verified and unknown.user_id is None
        known = auth.check_password(session, "finance", "whatever-it-is", hasher=hasher)
        assert hasher.verified == 2 and not known.verified and known.user_id is not None
    # Both end in the same words.
    with context.unit_of_work(SYSTEM) as uow:
        answers = [auth.record_sign_in(uow, c, "ST1") for c in (unknown, known)]
    assert all(isinstance(a, SignInFailed) for a in answers)
    assert answers[0].th == answers[1].th and answers[0].en == answers[1].en


# --- roles come from the store, not from the caller ----------------------------------------


def _received(context) -> str:
    from datetime import UTC, datetime

    from services.cases.applications import create_application

    with context.unit_of_work(SYSTEM) as uow:
        return create_application(
            uow,
            context.calendar,
            agency_code=context.agency_code,
            station_code=context.station_code,
            channel="counter",
            received_at=datetime(2026, 11, 24, 2, 0, tzinfo=UTC),
            subject="คำขอ",
            service_code="FOOD-NOTICE",
        ).id


def test_roles_claimed_by_the_caller_are_not_trusted(context) -> None:
    ws = build_ports(context)
    app_id = _received(context)
    reviewer = ws.shell.sign_in("reviewer", STAFF_PASSWORD)
    forged = replace(reviewer, roles=frozenset({"reviewer", "admin"}))
    with pytest.raises(PermissionDenied) as refused:
        ws.review.reassign(forged, app_id, "reviewer")
    assert "admin" in refused.value.en and "admin" in refused.value.th
    with pytest.raises(PermissionDenied):
        ws.intake.quarantine_items(
            replace(ws.shell.sign_in("finance", STAFF_PASSWORD), roles=forged.roles)
        )
    with context.read() as session:
        assert session.get(Application, app_id).assignee_id is None


def test_a_role_removed_in_the_store_stops_working_at_the_next_action(context) -> None:
    ws = build_ports(context)
    app_id = _received(context)
    reviewer = ws.shell.sign_in("reviewer", STAFF_PASSWORD)
    with context.store.sessions() as session, session.begin():
        user = session.scalars(select(User).where(User.username == "reviewer")).one()
        session.execute(delete(UserRole).where(UserRole.user_id == user.id))
        session.add(UserRole(user_id=user.id, role="finance"))  # as the administrator would
    with pytest.raises(PermissionDenied) as refused:
        ws.review.next_application(reviewer, "received")  # the session still says "reviewer"
    assert "received" in refused.value.en or "queue" in refused.value.en
    with context.read() as session:
        assert session.get(Application, app_id).assignee_id is None


def test_an_inactive_or_unknown_account_acts_no_more(context) -> None:
    ws = build_ports(context)
    _received(context)
    reviewer = ws.shell.sign_in("reviewer", STAFF_PASSWORD)
    with context.store.sessions() as session, session.begin():
        session.scalars(select(User).where(User.username == "reviewer")).one().active = False
    for who in (reviewer, replace(reviewer, user_id="no-such-user")):
        with pytest.raises(SessionEnded) as refused:
            ws.review.next_application(who, None)
        assert "deactivated" in refused.value.en and "ระงับ" in refused.value.th
        with pytest.raises(SessionEnded):
            ws.shell.dashboard(who)
