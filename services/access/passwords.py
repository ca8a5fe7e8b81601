"""The agency's password policy and one-time passwords.

The policy comes from the settings (``password_min_length``, ``password_min_kinds``,
``password_forbid_username``; ``app/`` builds it) and is checked wherever an officer's
password is chosen: a new account with a chosen password, "change my password", the forced
change after a reset. A refusal lists every rule the password breaks, in Thai and English.

One-time passwords are random (``secrets``), drawn from letters and digits that cannot be
mistaken for one another when read aloud or copied by hand, grouped by hyphens, and always
satisfy the policy. They are shown once to the administrator and only their Argon2id hash
is stored; the officer must change it at first sign-in.
"""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass

from services.kernel.errors import InvalidInput

__all__ = ["FLOOR_LENGTH", "MAX_LENGTH", "PasswordPolicy", "WeakPassword", "one_time_password"]

# Below this no setting may go (NIST SP 800-63B's minimum for chosen passwords).
FLOOR_LENGTH = 8
# Hashing is deliberately slow; a cap keeps a pasted novel from tying up the station.
MAX_LENGTH = 256

# No 0/O, 1/l/I, 5/S, 2/Z: a one-time password is often read out or copied by hand.
_OTP_LETTERS = "abcdefghjkmnpqrtuvwxy"
_OTP_DIGITS = "346789"


class WeakPassword(InvalidInput):
    code = "weak_password"


def _kinds(password: str) -> int:
    """How many kinds of character: letters (any script, with Thai vowels and tone marks),
    digits (Arabic or Thai), and everything else (symbols, spaces)."""
    letters = digits = others = False
    for ch in password:
        category = unicodedata.category(ch)
        if ch.isdigit():
            digits = True
        elif category[0] in ("L", "M"):
            letters = True
        else:
            others = True
    return letters + digits + others


@dataclass(frozen=True)
class PasswordPolicy:
    """What a chosen password must satisfy."""

    min_length: int = 10
    """Fewest characters (never below :data:`FLOOR_LENGTH`)."""
    min_kinds: int = 2
    """Of letters, digits and symbols, how many kinds must appear (1–3)."""
    forbid_username: bool = True
    """The password may not contain the officer's user name."""

    def __post_init__(self) -> None:
        if self.min_length < FLOOR_LENGTH or self.min_length > 64:
            raise InvalidInput(
                f"ค่าตั้ง password_min_length ต้องอยู่ระหว่าง {FLOOR_LENGTH} ถึง 64 "
                f"(ตอนนี้ {self.min_length}) — แก้ไฟล์ settings.toml",
                f"The setting password_min_length must be between {FLOOR_LENGTH} and 64 "
                f"(it is {self.min_length}). Fix settings.toml.",
            )
        if self.min_kinds not in (1, 2, 3):
            raise InvalidInput(
                f"ค่าตั้ง password_min_kinds ต้องเป็น 1, 2 หรือ 3 (ตอนนี้ {self.min_kinds}) "
                "— แก้ไฟล์ settings.toml",
                f"The setting password_min_kinds must be 1, 2 or 3 (it is {self.min_kinds}). "
                "Fix settings.toml.",
            )

    def describe(self) -> tuple[str, str]:
        """The rules in one sentence each (Thai, English), for a hint beside the field."""
        th = f"อย่างน้อย {self.min_length} ตัวอักษร"
        en = f"At least {self.min_length} characters"
        if self.min_kinds > 1:
            th += f" มีอย่างน้อย {self.min_kinds} ใน 3 ประเภท: ตัวอักษร ตัวเลข เครื่องหมาย"
            en += f", with {self.min_kinds} of: letters, digits, symbols"
        if self.forbid_username:
            th += " และต้องไม่มีชื่อผู้ใช้อยู่ในรหัสผ่าน"
            en += "; not containing the user name"
        return th, en + "."

    def check(self, password: str, username: str = "") -> None:
        """Raise :class:`WeakPassword` naming every rule ``password`` breaks."""
        problems: list[tuple[str, str]] = []
        if len(password) < self.min_length:
            problems.append(
                (
                    f"ต้องยาวอย่างน้อย {self.min_length} ตัวอักษร (พิมพ์มา {len(password)})",
                    f"it must be at least {self.min_length} characters long "
                    f"(it has {len(password)})",
                )
            )
        if len(password) > MAX_LENGTH:
            problems.append(
                (f"ยาวได้ไม่เกิน {MAX_LENGTH} ตัวอักษร", f"it may be at most {MAX_LENGTH} characters")
            )
        if _kinds(password) < self.min_kinds:
            problems.append(
                (
                    f"ต้องมีอย่างน้อย {self.min_kinds} ใน 3 ประเภท: ตัวอักษร ตัวเลข เครื่องหมาย",
                    f"it must mix at least {self.min_kinds} of: letters, digits, symbols",
                )
            )
        name = username.strip().lower()
        if self.forbid_username and len(name) >= 3 and name in password.lower():
            problems.append(("ต้องไม่มีชื่อผู้ใช้อยู่ในรหัสผ่าน", "it must not contain the user name"))
        if problems:
            raise WeakPassword(
                "รหัสผ่านนี้ใช้ไม่ได้: " + "; ".join(p[0] for p in problems) + " — ตั้งรหัสผ่านใหม่",
                "This password cannot be used: "
                + "; ".join(p[1] for p in problems)
                + ". Choose another.",
            )

    def one_time_length(self) -> int:
        """Characters (without the hyphens) of a one-time password under this policy."""
        return max(12, self.min_length)


def one_time_password(policy: PasswordPolicy) -> str:
    """A random password such as ``k7mq-4xrt-9pwz``, satisfying ``policy``."""
    length = policy.one_time_length()
    alphabet = _OTP_LETTERS + _OTP_DIGITS
    while True:
        chars = "".join(secrets.choice(alphabet) for _ in range(length))
        if any(c in _OTP_DIGITS for c in chars) and any(c in _OTP_LETTERS for c in chars):
            # Hyphens every four characters: readable, and a third kind of character.
            password = "-".join(chars[i : i + 4] for i in range(0, length, 4))
            policy.check(password)
            return password
