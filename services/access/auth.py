"""Officers' accounts: Argon2id password hashes, lockout, roles.

Roles are enforced here and in every service (``Actor.require``), not only
hidden in the UI.

Signing in is two steps. :func:`check_password` does the slow part — one Argon2
verification, whether or not the account exists (an unknown name is checked against a
dummy hash), so the time taken tells nothing — outside any write transaction.
:func:`record_sign_in` then writes the outcome in single statements: a failure is
``failed_attempts = failed_attempts + 1`` with the lock set in the same UPDATE, and it
counts only while the account is not locked; a success resets the count only if the
account is (still) active and unlocked. So parallel wrong passwords each count, and none
slips past a lock another one just set. Every refusal short of a lock reads the same,
known name or not.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import case, literal, or_, select, update
from sqlalchemy.orm import Session

from models import ROLES, User, UserRole
from services.access.table import Action, require
from services.kernel.actors import SignedInUser
from services.kernel.errors import AnuyatError, InvalidInput, NotFound
from services.kernel.unit_of_work import UnitOfWork

__all__ = [
    "MAX_FAILED_ATTEMPTS",
    "LOCKOUT",
    "SignInFailed",
    "AccountLocked",
    "PasswordCheck",
    "check_password",
    "create_user",
    "hash_password",
    "record_locked",
    "record_sign_in",
    "record_unlock",
    "sign_out",
    "unlock_user",
]

log = logging.getLogger(__name__)

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8

# Argon2id is memory-hard; these are argon2-cffi's RFC 9106 "low memory" defaults.
_hasher = PasswordHasher()


class SignInFailed(AnuyatError):
    code = "sign_in_failed"


class AccountLocked(AnuyatError):
    code = "account_locked"


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            f"รหัสผ่านต้องยาวอย่างน้อย {MIN_PASSWORD_LENGTH} ตัวอักษร",
            f"The password must be at least {MIN_PASSWORD_LENGTH} characters long.",
        )
    return _hasher.hash(password)


def create_user(
    uow: UnitOfWork,
    *,
    username: str,
    display_name: str,
    password: str,
    roles: Iterable[str],
    position_th: str = "",
    email: str = "",
) -> User:
    require(uow.actor, Action.CREATE_USER)
    role_set = sorted(set(roles))
    unknown = [r for r in role_set if r not in ROLES]
    if unknown or not role_set:
        raise InvalidInput(
            f"บทบาทไม่ถูกต้อง: {', '.join(unknown) or '(ไม่ได้ระบุ)'} — ใช้ได้: {', '.join(ROLES)}",
            f"Unknown role: {', '.join(unknown) or '(none given)'}. Use: {', '.join(ROLES)}.",
        )
    name = username.strip().lower()
    if not name or not name.replace(".", "").replace("_", "").replace("-", "").isalnum():
        raise InvalidInput(
            "ชื่อผู้ใช้ต้องเป็นตัวอักษรอังกฤษหรือตัวเลข (ใช้ . _ - ได้)",
            "The user name must be Latin letters or digits (. _ - allowed).",
        )
    if uow.session.scalar(select(User).where(User.username == name)) is not None:
        raise InvalidInput(f"มีผู้ใช้ชื่อ {name} อยู่แล้ว", f"A user named {name} already exists.")
    user = User(
        username=name,
        display_name=display_name,
        position_th=position_th,
        email=email,
        password_hash=hash_password(password),
        created_at=uow.now,
        roles=[UserRole(role=r) for r in role_set],
    )
    uow.session.add(user)
    uow.session.flush()
    uow.record(
        "user.created",
        "user",
        user.id,
        {"username": name, "display_name": display_name, "roles": role_set},
    )
    return user


@cache
def _dummy_hash() -> str:
    """A hash of a random password, made like every account's: verifying against it costs
    what verifying a real account does (made once, on the first unknown name)."""
    return _hasher.hash(secrets.token_urlsafe(24))


def _wrong() -> SignInFailed:
    """The one answer to a wrong name or password, whichever it was."""
    return SignInFailed(
        "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง — ตรวจสอบแป้นพิมพ์ภาษา/Caps Lock แล้วลองใหม่ "
        f"(ใส่รหัสผ่านผิดติดกัน {MAX_FAILED_ATTEMPTS} ครั้ง บัญชีจะถูกล็อก "
        f"{LOCKOUT.seconds // 60} นาที)",
        "Wrong user name or password. Check the keyboard language and Caps Lock, then try "
        f"again. (After {MAX_FAILED_ATTEMPTS} wrong passwords in a row an account is locked "
        f"for {LOCKOUT.seconds // 60} minutes.)",
    )


@dataclass(frozen=True)
class PasswordCheck:
    """What :func:`check_password` found; :func:`record_sign_in` writes it down."""

    username: str
    user_id: str | None  # None: no active account of that name
    verified: bool
    new_hash: str | None = None  # the password re-hashed with today's parameters


def check_password(
    session: Session, username: str, password: str, *, hasher: PasswordHasher | None = None
) -> PasswordCheck:
    """One Argon2 verification, known name or not; no write, so no lock is held meanwhile."""
    hasher = hasher or _hasher
    name = username.strip().lower()
    user = session.scalar(select(User).where(User.username == name))
    if user is None or not user.active:
        _verify(hasher, _dummy_hash(), password)  # the same work as for a real account
        return PasswordCheck(name, None, False)
    if not _verify(hasher, user.password_hash, password):
        return PasswordCheck(name, user.id, False)
    new_hash = hasher.hash(password) if hasher.check_needs_rehash(user.password_hash) else None
    return PasswordCheck(name, user.id, True, new_hash)


def _verify(hasher: PasswordHasher, stored: str, password: str) -> bool:
    try:
        return hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def record_sign_in(
    uow: UnitOfWork, check: PasswordCheck, station_code: str
) -> SignedInUser | AnuyatError:
    """Count a failure (locking after too many) or open the session, atomically.

    A refusal is *returned*, not raised, so the caller can commit the failure
    count (and the audit event) before showing it.
    """
    if check.user_id is None:
        log.info("sign-in refused: unknown or inactive account")
        return _wrong()
    if not check.verified:
        return _count_failure(uow, check.user_id, "user.sign_in_failed") or _wrong()
    refused = _reset_failures(uow, check, {"last_sign_in_at": uow.now})
    if refused is not None:
        return refused
    user = uow.session.get(User, check.user_id, populate_existing=True)
    assert user is not None
    uow.record("user.signed_in", "user", user.id, {"station": station_code})
    return _signed_in(user, station_code)


def record_locked(uow: UnitOfWork, station_code: str, reason: str) -> None:
    """The screen of the officer acting in ``uow`` locked (``reason``: "idle" or "asked")."""
    if uow.actor.user_id is not None:
        payload = {"station": station_code, "reason": reason}
        uow.record("session.locked", "user", uow.actor.user_id, payload)


def record_unlock(
    uow: UnitOfWork, check: PasswordCheck, station_code: str
) -> SignedInUser | AnuyatError:
    """The officer acting in ``uow`` typed a password at the locked screen: the same count
    as a sign-in's (the same statements: five wrong in a row lock the account whichever
    screen they were typed at), recorded as ``session.unlock_failed`` / ``session.unlocked``.
    Returns the officer as the store knows them now (roles re-read), or the refusal."""
    if check.user_id is None or check.user_id != uow.actor.user_id:
        return _wrong_password(None)  # the account is gone: the session check says so next
    if not check.verified:
        refused = _count_failure(uow, check.user_id, "session.unlock_failed")
        if refused is not None:
            return refused
        attempts = uow.session.scalar(select(User.failed_attempts).where(User.id == check.user_id))
        return _wrong_password(attempts)
    refused = _reset_failures(uow, check, {})
    if refused is not None:
        return refused
    user = uow.session.get(User, check.user_id, populate_existing=True)
    assert user is not None
    uow.record("session.unlocked", "user", user.id, {"station": station_code})
    return _signed_in(user, station_code)


def _count_failure(uow: UnitOfWork, user_id: str, event: str) -> AnuyatError | None:
    """One more wrong password, in one statement that also sets the lock at the fifth; the
    lock's refusal, or None while the account is still open."""
    unlocked = or_(User.locked_until.is_(None), User.locked_until <= uow.now)
    attempts = User.failed_attempts + 1
    counted = uow.session.execute(
        update(User)
        .where(User.id == user_id, User.active.is_(True), unlocked)
        .values(
            failed_attempts=attempts,
            locked_until=case(
                (
                    attempts >= MAX_FAILED_ATTEMPTS,
                    literal(uow.now + LOCKOUT, type_=User.locked_until.type),
                ),
                else_=User.locked_until,
            ),
        )
        .returning(User.failed_attempts, User.locked_until),
        execution_options={"synchronize_session": False},
    ).one_or_none()
    if counted is None:  # locked (by this or a parallel attempt), or no longer active
        return _refusal(uow, user_id)
    payload: dict[str, object] = {"failed_attempts": counted.failed_attempts}
    if counted.failed_attempts >= MAX_FAILED_ATTEMPTS:
        payload["locked_until"] = (uow.now + LOCKOUT).isoformat()
    uow.record(event, "user", user_id, payload)
    if counted.failed_attempts >= MAX_FAILED_ATTEMPTS:
        return _refusal(uow, user_id)
    return None


def _reset_failures(
    uow: UnitOfWork, check: PasswordCheck, values: dict[str, object]
) -> AnuyatError | None:
    """The right password: the count back to zero, only if the account is (still) active and
    not locked; the refusal otherwise."""
    assert check.user_id is not None
    unlocked = or_(User.locked_until.is_(None), User.locked_until <= uow.now)
    values = {"failed_attempts": 0, "locked_until": None, **values}
    if check.new_hash is not None:
        values["password_hash"] = check.new_hash
    opened = uow.session.execute(
        update(User)
        .where(User.id == check.user_id, User.active.is_(True), unlocked)
        .values(values),
        execution_options={"synchronize_session": False},
    )
    if getattr(opened, "rowcount", 0) != 1:
        return _refusal(uow, check.user_id)
    return None


def _signed_in(user: User, station_code: str) -> SignedInUser:
    return SignedInUser(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        roles=user.role_names,
        station_code=station_code,
        language=user.language,
        must_change_password=user.must_change_password,
        display_name_en=user.display_name_en or "",
    )


def _wrong_password(attempts: int | None) -> SignInFailed:
    """The answer to a wrong password at the locked screen (the name is known there)."""
    left = MAX_FAILED_ATTEMPTS - (attempts or 0)
    th_left = f" — ใส่ได้อีก {left} ครั้งก่อนบัญชีจะถูกล็อก {LOCKOUT.seconds // 60} นาที" if attempts else ""
    en_left = (
        f" {left} more tries before the account is locked for {LOCKOUT.seconds // 60} minutes."
        if attempts
        else ""
    )
    return SignInFailed(
        "รหัสผ่านไม่ถูกต้อง — ตรวจสอบแป้นพิมพ์ภาษา/Caps Lock แล้วพิมพ์ใหม่" + th_left,
        "Wrong password. Check the keyboard language and Caps Lock, then type it again." + en_left,
    )


def _refusal(uow: UnitOfWork, user_id: str) -> AnuyatError:
    user = uow.session.get(User, user_id, populate_existing=True)
    if user is None or not user.active:
        return _wrong()
    if user.locked_until is not None and user.locked_until > uow.now:
        return _locked(user)
    return _wrong()


def sign_out(uow: UnitOfWork) -> None:
    """Record that the officer acting in ``uow`` signed out."""
    if uow.actor.user_id is None:
        return
    uow.record("user.signed_out", "user", uow.actor.user_id, {})


def unlock_user(uow: UnitOfWork, username: str) -> None:
    require(uow.actor, Action.UNLOCK_USER)
    user = uow.session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        raise NotFound(f"ไม่พบผู้ใช้ {username}", f"No user named {username}.")
    user.failed_attempts = 0
    user.locked_until = None
    uow.record("user.unlocked", "user", user.id, {})


def _locked(user: User) -> AccountLocked:
    assert user.locked_until is not None
    until = user.locked_until.isoformat(timespec="minutes")
    return AccountLocked(
        f"บัญชี {user.username} ถูกล็อกชั่วคราวเพราะใส่รหัสผ่านผิดหลายครั้ง "
        f"จนถึง {until} (UTC) — รอแล้วลองใหม่ หรือให้ผู้ดูแลระบบปลดล็อก",
        f"Account {user.username} is locked after too many wrong passwords until {until} UTC. "
        "Wait and try again, or ask the administrator to unlock it.",
    )
