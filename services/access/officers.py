"""Running an agency's accounts: officers, their roles, and their passwords.

Only an administrator manages officers (``Action.MANAGE_OFFICERS``, ``CREATE_USER`` and
``UNLOCK_USER`` in :mod:`services.access.table`); every change is an event
in the same transaction (``user.created``, ``user.details_changed``, ``user.roles_changed``,
``user.deactivated``, ``user.activated``, ``user.password_reset``, ``user.password_changed``,
``user.unlocked``) and no event ever holds a password.

Guarantees:

* An officer is never deleted (events and letters name them): they are deactivated, and a
  deactivated officer can neither sign in nor act in a session that was already open
  (:mod:`services.access.sessions`).
* The agency always keeps an active administrator: removing the admin role from, or
  deactivating, the last active administrator is refused.
* A password an administrator hands out is a random one-time password
  (:func:`services.access.passwords.one_time_password`), returned once and stored only as
  its Argon2id hash; the officer must choose their own at first sign-in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import ROLES, User, UserRole
from services.access.passwords import PasswordPolicy, one_time_password
from services.access.table import Action, may, require
from services.kernel.errors import AnuyatError, InvalidInput, NotFound, PermissionDenied
from services.kernel.unit_of_work import UnitOfWork

__all__ = [
    "ROLE_LABELS",
    "IssuedPassword",
    "LastAdministrator",
    "NewOfficer",
    "OfficerAccount",
    "OfficerDetails",
    "activate",
    "change_own_password",
    "create_officer",
    "deactivate",
    "list_officers",
    "may_manage_officers",
    "reset_password",
    "set_roles",
    "set_section",
    "unlock",
    "update_details",
]

# How the screens and the CLI name each role (Thai, English).
ROLE_LABELS: dict[str, tuple[str, str]] = {
    "intake": ("รับเรื่อง", "Intake"),
    "reviewer": ("ตรวจสอบ", "Reviewer"),
    "finance": ("การเงิน", "Finance"),
    "approver": ("ผู้อนุมัติ", "Approver"),
    "supervisor": ("หัวหน้างาน", "Supervisor"),
    "admin": ("ผู้ดูแลระบบ", "Administrator"),
}
assert set(ROLE_LABELS) == set(ROLES)


_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_hasher = PasswordHasher()


class LastAdministrator(AnuyatError):
    code = "last_administrator"


@dataclass(frozen=True)
class NewOfficer:
    """An officer's account as the administrator types it in."""

    username: str
    """Latin letters, digits and ``. _ -``; stored in lower case."""
    name_th: str
    """Full Thai name with title, as on letters and signatures (นางสาวมาลี รับเรื่อง)."""
    name_en: str
    """Full English name, for English letters and screens."""
    position_th: str
    """Position, printed under the signature (เจ้าพนักงานธุรการ)."""
    email: str
    """Work address; may be empty."""
    roles: tuple[str, ...]
    """One or more of :data:`models.ROLES`."""


@dataclass(frozen=True)
class OfficerDetails:
    """What an administrator may correct on an account (not the user name, which events
    name)."""

    name_th: str
    name_en: str
    position_th: str
    email: str


@dataclass(frozen=True)
class IssuedPassword:
    """A password to hand to the officer, shown once; never logged (no ``repr``)."""

    username: str
    password: str = field(repr=False)
    one_time: bool = True


@dataclass(frozen=True)
class OfficerAccount:
    """One officer as the administrator's list shows them."""

    user_id: str
    username: str
    name_th: str
    name_en: str
    position_th: str
    email: str
    roles: tuple[str, ...]
    active: bool
    locked: bool
    """Locked now after too many wrong passwords (until ``locked_until``)."""
    locked_until: datetime | None
    failed_attempts: int
    must_change_password: bool
    last_sign_in_at: datetime | None
    created_at: datetime
    section: str = ""
    """The section (ฝ่าย/งาน) requests can be routed to; empty: none."""


def may_manage_officers(roles: Iterable[str]) -> bool:
    """Whether someone holding ``roles`` may use the officers' screen and commands."""
    return may(roles, Action.MANAGE_OFFICERS)


def _clean_roles(roles: Iterable[str]) -> list[str]:
    chosen = sorted({r.strip().lower() for r in roles if r.strip()})
    unknown = [r for r in chosen if r not in ROLES]
    if unknown or not chosen:
        raise InvalidInput(
            f"บทบาทไม่ถูกต้อง: {', '.join(unknown) or '(ไม่ได้เลือก)'} "
            f"— เลือกอย่างน้อยหนึ่งบทบาทจาก: {', '.join(ROLES)}",
            f"Not a role: {', '.join(unknown) or '(none chosen)'}. "
            f"Choose at least one of: {', '.join(ROLES)}.",
        )
    return chosen


def _officer(uow: UnitOfWork, username: str) -> User:
    name = username.strip().lower()
    user = uow.session.scalar(select(User).where(User.username == name).with_for_update())
    if user is None:
        raise NotFound(
            f"ไม่พบผู้ใช้ชื่อ {name} — ตรวจการสะกด หรือดูรายชื่อด้วย 'anuyat users list'",
            f"There is no user named {name}. Check the spelling, or list them with "
            "'anuyat users list'.",
        )
    return user


def _other_active_admins(session: Session, user: User) -> int:
    # Every active administrator's row is locked (in one order, so two admins changing each
    # other wait rather than deadlock) before they are counted: two concurrent removals on a
    # server database then see each other's commit and the second is refused. On SQLite the
    # write lock taken at BEGIN already serialises them.
    admins = session.scalars(
        select(User.id)
        .join(UserRole, UserRole.user_id == User.id)
        .where(UserRole.role == "admin", User.active.is_(True))
        .order_by(User.id)
        .with_for_update(of=User)
    ).all()
    return sum(1 for admin_id in admins if admin_id != user.id)


def _refuse_last_admin(session: Session, user: User, doing_th: str, doing_en: str) -> None:
    if "admin" in user.role_names and user.active and _other_active_admins(session, user) == 0:
        raise LastAdministrator(
            f"{doing_th}ไม่ได้: {user.username} เป็นผู้ดูแลระบบคนสุดท้ายที่ยังใช้งานอยู่ "
            "— ให้บทบาท admin แก่เจ้าหน้าที่อีกคนก่อน",
            f"Cannot {doing_en}: {user.username} is the last active administrator. "
            "Give the admin role to another officer first.",
        )


def _detail_problems(details: OfficerDetails) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    for value, th, en in (
        (details.name_th, "ชื่อ-นามสกุลภาษาไทย", "the Thai name"),
        (details.name_en, "ชื่อ-นามสกุลภาษาอังกฤษ", "the English name"),
        (details.position_th, "ตำแหน่ง (พิมพ์ใต้ลายมือชื่อในหนังสือ)", "the position (printed on letters)"),
    ):
        if not value.strip():
            problems.append((f"ต้องระบุ{th}", f"{en} is required"))
        elif len(value.strip()) > 200:
            problems.append((f"{th}ยาวเกิน 200 ตัวอักษร", f"{en} is longer than 200 characters"))
    if details.email.strip() and not _EMAIL.match(details.email.strip()):
        problems.append(
            ("ที่อยู่อีเมลไม่ถูกต้อง (เช่น name@agency.go.th)", "the e-mail address is not valid")
        )
    return problems


def _refuse(problems: list[tuple[str, str]]) -> None:
    if problems:
        raise InvalidInput(
            "ข้อมูลเจ้าหน้าที่ไม่ครบหรือไม่ถูกต้อง: " + "; ".join(p[0] for p in problems),
            "The officer's details are incomplete or wrong: "
            + "; ".join(p[1] for p in problems)
            + ".",
        )


def _validate(new: NewOfficer) -> tuple[str, list[str]]:
    username = new.username.strip().lower()
    problems: list[tuple[str, str]] = []
    if not _USERNAME.match(username):
        problems.append(
            (
                "ชื่อผู้ใช้ต้องเป็นอักษรอังกฤษตัวเล็กหรือตัวเลข 2–40 ตัว (ใช้ . _ - ได้)",
                "the user name must be 2–40 Latin letters or digits (. _ - allowed)",
            )
        )
    problems += _detail_problems(
        OfficerDetails(new.name_th, new.name_en, new.position_th, new.email)
    )
    try:
        roles = _clean_roles(new.roles)
    except InvalidInput as exc:
        problems.append((exc.th, exc.en.rstrip(".")))
        roles = []
    _refuse(problems)
    return username, roles


def create_officer(
    uow: UnitOfWork, new: NewOfficer, policy: PasswordPolicy, *, password: str | None = None
) -> IssuedPassword:
    """Add an officer. Without ``password`` they get a one-time password (returned once) and
    must change it at first sign-in; with one (the demo's officers), it must meet ``policy``
    and stays theirs."""
    require(uow.actor, Action.CREATE_USER)
    username, roles = _validate(new)
    if uow.session.scalar(select(User.id).where(User.username == username)) is not None:
        raise InvalidInput(
            f"มีผู้ใช้ชื่อ {username} อยู่แล้ว — ใช้ชื่ออื่น (บัญชีที่ถูกระงับก็ยังคงชื่อไว้)",
            f"A user named {username} already exists (deactivated accounts keep their names). "
            "Choose another user name.",
        )
    one_time = password is None
    if password is None:
        password = one_time_password(policy)
    else:
        policy.check(password, username)
    user = User(
        username=username,
        display_name=new.name_th.strip(),
        display_name_en=new.name_en.strip(),
        position_th=new.position_th.strip(),
        email=new.email.strip(),
        password_hash=_hasher.hash(password),
        must_change_password=one_time,
        created_at=uow.now,
        roles=[UserRole(role=r) for r in roles],
    )
    uow.session.add(user)
    uow.session.flush()
    uow.record(
        "user.created",
        "user",
        user.id,
        {
            "username": username,
            "display_name": user.display_name,
            "display_name_en": user.display_name_en,
            "position_th": user.position_th,
            "email": user.email,
            "roles": roles,
            "one_time_password": one_time,
        },
    )
    return IssuedPassword(username, password, one_time)


def update_details(uow: UnitOfWork, username: str, details: OfficerDetails) -> bool:
    """Correct names, position or e-mail; False (and no event) if nothing changes. Letters
    already issued keep the position they were signed with."""
    require(uow.actor, Action.MANAGE_OFFICERS)
    user = _officer(uow, username)
    _refuse(_detail_problems(details))
    after = {
        "display_name": details.name_th.strip(),
        "display_name_en": details.name_en.strip(),
        "position_th": details.position_th.strip(),
        "email": details.email.strip(),
    }
    before = {key: getattr(user, key) for key in after}
    changed = {key: value for key, value in after.items() if before[key] != value}
    if not changed:
        return False
    for key, value in changed.items():
        setattr(user, key, value)
    uow.record(
        "user.details_changed",
        "user",
        user.id,
        {"before": {k: before[k] for k in changed}, "after": changed},
    )
    return True


_MAX_SECTION = 100


def set_section(uow: UnitOfWork, username: str, section: str) -> bool:
    """Put an officer in a section (``""``: none), where a supervisor can route requests;
    False (and no event) if nothing changes."""
    require(uow.actor, Action.MANAGE_OFFICERS)
    user = _officer(uow, username)
    clean = " ".join(section.split())
    if len(clean) > _MAX_SECTION:
        raise InvalidInput(
            f"ชื่อฝ่ายยาวเกิน {_MAX_SECTION} ตัวอักษร — ใช้ชื่อที่สั้นลง",
            f"The section's name is longer than {_MAX_SECTION} characters; use a shorter one.",
        )
    if user.section == clean:
        return False
    before, user.section = user.section, clean
    uow.record("user.section_changed", "user", user.id, {"before": before, "after": clean})
    return True


def set_roles(uow: UnitOfWork, username: str, roles: Iterable[str]) -> bool:
    """Give ``username`` exactly ``roles``; False (and no event) if nothing changes."""
    require(uow.actor, Action.MANAGE_OFFICERS)
    user = _officer(uow, username)
    after = _clean_roles(roles)
    before = sorted(user.role_names)
    if after == before:
        return False
    if "admin" not in after:
        _refuse_last_admin(uow.session, user, "เอาบทบาทผู้ดูแลระบบออก", "remove the admin role")
    user.roles = [r for r in user.roles if r.role in after] + [
        UserRole(role=r) for r in after if r not in before
    ]
    uow.record("user.roles_changed", "user", user.id, {"before": before, "after": after})
    return True


def deactivate(uow: UnitOfWork, username: str, reason: str = "") -> None:
    """Stop an officer from signing in or acting; their records and name stay."""
    require(uow.actor, Action.MANAGE_OFFICERS)
    user = _officer(uow, username)
    if not user.active:
        raise InvalidInput(
            f"บัญชี {user.username} ถูกระงับอยู่แล้ว", f"{user.username} is already deactivated."
        )
    _refuse_last_admin(uow.session, user, "ระงับบัญชี", "deactivate this account")
    user.active = False
    uow.record("user.deactivated", "user", user.id, {"reason": reason.strip()})


def activate(uow: UnitOfWork, username: str) -> None:
    require(uow.actor, Action.MANAGE_OFFICERS)
    user = _officer(uow, username)
    if user.active:
        raise InvalidInput(
            f"บัญชี {user.username} ใช้งานได้อยู่แล้ว", f"{user.username} is already active."
        )
    user.active = True
    uow.record("user.activated", "user", user.id, {})


def reset_password(uow: UnitOfWork, username: str, policy: PasswordPolicy) -> IssuedPassword:
    """A new one-time password for a forgotten one; also lifts a lockout."""
    require(uow.actor, Action.MANAGE_OFFICERS)
    user = _officer(uow, username)
    password = one_time_password(policy)
    user.password_hash = _hasher.hash(password)
    user.must_change_password = True
    was_locked = user.failed_attempts > 0 or user.locked_until is not None
    user.failed_attempts = 0
    user.locked_until = None
    uow.record("user.password_reset", "user", user.id, {"unlocked": was_locked})
    return IssuedPassword(user.username, password, True)


def unlock(uow: UnitOfWork, username: str) -> None:
    """Lift a lockout after too many wrong passwords (the password stays the same)."""
    require(uow.actor, Action.UNLOCK_USER)
    user = _officer(uow, username)
    if user.failed_attempts == 0 and user.locked_until is None:
        raise InvalidInput(
            f"บัญชี {user.username} ไม่ได้ถูกล็อก — ถ้าลืมรหัสผ่าน ให้ตั้งรหัสผ่านใหม่แทน",
            f"{user.username} is not locked. If the password is forgotten, reset it instead.",
        )
    user.failed_attempts = 0
    user.locked_until = None
    uow.record("user.unlocked", "user", user.id, {})


def change_own_password(uow: UnitOfWork, current: str, new: str, policy: PasswordPolicy) -> None:
    """The signed-in officer replaces their password (also the forced change after a
    one-time password). Needs the current password; the new one must meet ``policy``."""
    if uow.actor.user_id is None:
        raise PermissionDenied(
            "ต้องลงชื่อเข้าใช้ก่อนเปลี่ยนรหัสผ่าน", "Sign in before changing your password."
        )
    user = uow.session.get(User, uow.actor.user_id)
    if user is None or not user.active:
        raise PermissionDenied(
            "บัญชีนี้ใช้งานไม่ได้ — ติดต่อผู้ดูแลระบบ", "This account cannot be used. Ask the administrator."
        )
    try:
        _hasher.verify(user.password_hash, current)
    except (VerificationError, InvalidHashError):
        raise InvalidInput(
            "รหัสผ่านปัจจุบันไม่ถูกต้อง — พิมพ์ใหม่ (ตรวจแป้นภาษาและ Caps Lock)",
            "The current password is wrong. Type it again (check the keyboard language and "
            "Caps Lock).",
            code="wrong_current_password",
        ) from None
    if new == current:
        raise InvalidInput(
            "รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม", "The new password must differ from the current one."
        )
    policy.check(new, user.username)
    user.password_hash = _hasher.hash(new)
    user.must_change_password = False
    user.password_changed_at = uow.now
    uow.record("user.password_changed", "user", user.id, {})


def list_officers(session: Session, now: datetime) -> list[OfficerAccount]:
    """Every account, active first, then by user name."""
    users = session.scalars(select(User).order_by(User.active.desc(), User.username)).all()
    return [
        OfficerAccount(
            user_id=u.id,
            username=u.username,
            name_th=u.display_name,
            name_en=u.display_name_en,
            position_th=u.position_th,
            email=u.email,
            roles=tuple(r for r in ROLES if r in u.role_names),
            active=u.active,
            locked=u.locked_until is not None and u.locked_until > now,
            locked_until=u.locked_until,
            failed_attempts=u.failed_attempts,
            must_change_password=u.must_change_password,
            last_sign_in_at=u.last_sign_in_at,
            created_at=u.created_at,
            section=u.section,
        )
        for u in users
    ]
