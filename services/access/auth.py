"""Officers' accounts: Argon2id password hashes, lockout, roles.

Roles are enforced here and in every service (``Actor.require``), not only
hidden in the UI.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

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
    "create_user",
    "hash_password",
    "sign_in",
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


def sign_in(
    uow: UnitOfWork, username: str, password: str, station_code: str
) -> SignedInUser | AnuyatError:
    """Check a password; count failures and lock the account after too many.

    A refusal is *returned*, not raised, so the caller can commit the failure
    count (and the audit event) before showing it.
    """
    name = username.strip().lower()
    user = uow.session.scalar(select(User).where(User.username == name))
    wrong = SignInFailed(
        "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง — ตรวจสอบแป้นพิมพ์ภาษา/Caps Lock แล้วลองใหม่",
        "Wrong user name or password. Check the keyboard language and Caps Lock, then try again.",
    )
    if user is None or not user.active:
        log.info("sign-in refused: unknown or inactive account")
        return wrong
    if user.locked_until is not None and user.locked_until > uow.now:
        return _locked(user)
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        user.failed_attempts += 1
        payload: dict[str, object] = {"failed_attempts": user.failed_attempts}
        if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
            user.locked_until = uow.now + LOCKOUT
            payload["locked_until"] = user.locked_until.isoformat()
        uow.record("user.sign_in_failed", "user", user.id, payload)
        if user.locked_until is not None and user.locked_until > uow.now:
            return _locked(user)
        left = MAX_FAILED_ATTEMPTS - user.failed_attempts
        return SignInFailed(
            wrong.th + f" (เหลืออีก {left} ครั้งก่อนบัญชีถูกล็อก)",
            wrong.en + f" ({left} more tries before the account is locked.)",
        )
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.failed_attempts = 0
    user.locked_until = None
    user.last_sign_in_at = uow.now
    uow.record("user.signed_in", "user", user.id, {"station": station_code})
    return SignedInUser(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        roles=user.role_names,
        station_code=station_code,
        language=user.language,
        must_change_password=user.must_change_password,
    )


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
