"""Errors a person can cause or fix, each told in Thai and in English.

Services raise :class:`AnuyatError` (or a subclass) for every failure a user can
cause: a wrong password, a broken catalog file, an illegal status change, a
missing keyring. The UI and the CLI show ``th`` and ``en`` to the person; the
``detail`` goes to the log only, because it may name files or internals.
"""

from __future__ import annotations

import errno

__all__ = [
    "AnuyatError",
    "DiskFull",
    "is_disk_full",
    "NotFound",
    "PermissionDenied",
    "InvalidInput",
    "IllegalTransition",
]


class AnuyatError(Exception):
    """A failure with a message for people (Thai first, English second).

    ``reply`` is what a peer answered, word for word (a mail server's ``NO`` or ``535``
    line): unlike ``detail`` it names nothing internal, so an administrator's "Test
    connection" may show it.
    """

    code: str = "error"

    def __init__(
        self,
        th: str,
        en: str,
        *,
        detail: str | None = None,
        code: str | None = None,
        reply: str | None = None,
    ):
        super().__init__(en)
        self.th = th
        self.en = en
        self.detail = detail
        self.reply = reply
        if code is not None:
            self.code = code

    def bilingual(self) -> str:
        """The message as shown to people: Thai line, then English line."""
        return f"{self.th}\n{self.en}"

    def __str__(self) -> str:
        return self.bilingual()

    def __reduce__(self) -> tuple[object, tuple[type[AnuyatError], dict[str, object]]]:
        # Pickled to cross to another process (intake's reader, services.intake.read_frames)
        # it must arrive whole: the default calls the class with ``args`` alone, which drops
        # the Thai text, the code and the detail (and fails for DiskFull, which takes none).
        return _rebuilt, (type(self), dict(self.__dict__))


def _rebuilt(cls: type[AnuyatError], state: dict[str, object]) -> AnuyatError:
    error = cls.__new__(cls)
    Exception.__init__(error, state.get("en", ""))
    error.__dict__.update(state)
    return error


class NotFound(AnuyatError):
    code = "not_found"


class PermissionDenied(AnuyatError):
    code = "permission_denied"


class InvalidInput(AnuyatError):
    code = "invalid_input"


class IllegalTransition(AnuyatError):
    code = "illegal_transition"


class DiskFull(AnuyatError):
    """The disk (or the user's quota) is full: nothing was stored; retry once there is space."""

    code = "disk_full"

    def __init__(self, *, detail: str | None = None) -> None:
        super().__init__(
            "ดิสก์เต็ม บันทึกข้อมูลที่รับเข้ามาไม่ได้ — ไม่มีสิ่งใดสูญหาย อีเมลยังอยู่ในกล่องจดหมาย"
            " และจะรับเข้าอีกครั้งเมื่อซิงค์ครั้งถัดไปหลังมีพื้นที่ว่าง โปรดลบหรือย้ายไฟล์ที่ไม่ใช้ออกจากดิสก์",
            "Disk full: what arrived could not be stored. Nothing is lost: the mail stays in the "
            "mailbox and is taken on the next sync once there is space. Free some space on the "
            "disk.",
            detail=detail,
        )


_FULL_ERRNOS = frozenset(
    code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if code is not None
)
_SQLITE_FULL = "database or disk is full"


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` (or what caused it) says the disk or the quota is full.

    Files report ``ENOSPC``/``EDQUOT``; SQLite reports ``SQLITE_FULL`` as "database or
    disk is full", wrapped by the database driver and again by SQLAlchemy.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DiskFull):
            return True
        if isinstance(current, OSError) and current.errno in _FULL_ERRNOS:
            return True
        if _SQLITE_FULL in str(current).lower():
            return True
        orig = getattr(current, "orig", None)  # SQLAlchemy's DBAPIError keeps the driver's
        if isinstance(orig, BaseException) and is_disk_full(orig):
            return True
        current = current.__cause__ or current.__context__
    return False
