"""Who acts: a signed-in officer (as the UI knows them) or the workstation itself."""

from __future__ import annotations

from dataclasses import dataclass, field

from services.kernel.errors import PermissionDenied

__all__ = ["Actor", "SYSTEM", "SignedInUser"]


@dataclass(frozen=True)
class Actor:
    """Who does something: a signed-in officer, or the workstation itself (sync, timers)."""

    username: str
    roles: frozenset[str] = field(default_factory=frozenset)
    user_id: str | None = None

    @classmethod
    def from_user(cls, user: SignedInUser) -> Actor:
        return cls(username=user.username, roles=user.roles, user_id=user.user_id)

    @classmethod
    def system(cls, job: str) -> Actor:
        return cls(username=f"system:{job}", roles=frozenset({"system"}))

    @property
    def label(self) -> str:
        return self.username

    def require(self, *roles: str) -> None:
        """Raise PermissionDenied unless the actor holds one of ``roles``."""
        if not self.roles.intersection(roles):
            wanted = ", ".join(roles)
            raise PermissionDenied(
                f"ผู้ใช้ {self.username} ไม่มีสิทธิ์ทำรายการนี้ (ต้องมีบทบาท: {wanted}) "
                "— ติดต่อผู้ดูแลระบบหากต้องการสิทธิ์",
                f"User {self.username} may not do this (needs role: {wanted}). "
                "Ask the administrator if you need it.",
            )


SYSTEM = Actor.system("workstation")


@dataclass(frozen=True)
class SignedInUser:
    user_id: str
    username: str
    display_name: str
    roles: frozenset[str]
    station_code: str
    language: str = "th"
    must_change_password: bool = False
    """Signed in with a one-time password: the officer must choose their own before anything
    else (every other action is refused until then)."""
    display_name_en: str = ""
    """The officer's name in English, when the administrator recorded one (English mode)."""
