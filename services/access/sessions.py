"""Whether a signed-in officer's session may still act, asked at the start of every action.

A session outlives the facts it was opened on: an administrator may deactivate the officer,
or reset their password, while the window stays open. Every unit of work for a signed-in
officer therefore re-reads the account from the store (in the same transaction as the
action) and refuses:

* a deactivated (or vanished) account: :class:`SessionEnded`, the screen returns to sign-in;
* an account that must change its password (a one-time password from the administrator):
  :class:`PasswordChangeRequired`, except for the password change itself.

It also returns the officer *with the roles the store gives them now*: the roles inside the
SignedInUser a caller passes in are never trusted (a forged one claiming ``admin`` gets only
its account's roles, and a role the administrator removed stops working at the next action).

The workstation's own jobs (``system:…`` actors, no ``user_id``) are not officers and are
not checked.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from models import User
from services.kernel.actors import Actor
from services.kernel.errors import AnuyatError

__all__ = ["PasswordChangeRequired", "SessionEnded", "check_session"]


class _SessionRefused(AnuyatError):
    """Refuses a whole session; ``username`` says whose (a screen ends only that one)."""

    username: str = ""


class SessionEnded(_SessionRefused):
    code = "session_ended"


class PasswordChangeRequired(_SessionRefused):
    code = "password_change_required"


def check_session(session: Session, actor: Actor, *, changing_own_password: bool = False) -> Actor:
    """Raise unless ``actor``'s account may act now; return it with its stored roles (see
    the module docstring)."""
    if actor.user_id is None:
        return actor
    user = session.get(User, actor.user_id, populate_existing=True)
    if user is None or not user.active:
        ended = SessionEnded(
            f"บัญชี {actor.username} ถูกระงับการใช้งานแล้ว จึงทำรายการนี้ไม่ได้ — ติดต่อผู้ดูแลระบบหากเห็นว่าไม่ถูกต้อง",
            f"The account {actor.username} has been deactivated, so this cannot be done. "
            "Ask the administrator if you think this is a mistake.",
        )
        ended.username = actor.username
        raise ended
    if user.must_change_password and not changing_own_password:
        pending = PasswordChangeRequired(
            f"บัญชี {actor.username} ต้องเปลี่ยนรหัสผ่านก่อนทำรายการอื่น "
            "— ลงชื่อเข้าใช้ด้วยรหัสผ่านชั่วคราวจากผู้ดูแลระบบแล้วตั้งรหัสผ่านของตนเอง",
            f"The account {actor.username} must change its password before anything else. "
            "Sign in with the one-time password from the administrator and choose your own.",
        )
        pending.username = actor.username
        raise pending
    return Actor(username=user.username, roles=user.role_names, user_id=user.id)
