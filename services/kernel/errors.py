"""Errors a person can cause or fix, each told in Thai and in English.

Services raise :class:`AnuyatError` (or a subclass) for every failure a user can
cause: a wrong password, a broken catalog file, an illegal status change, a
missing keyring. The UI and the CLI show ``th`` and ``en`` to the person; the
``detail`` goes to the log only, because it may name files or internals.
"""

from __future__ import annotations

__all__ = [
    "AnuyatError",
    "NotFound",
    "PermissionDenied",
    "InvalidInput",
    "IllegalTransition",
]


class AnuyatError(Exception):
    """A failure with a message for people (Thai first, English second)."""

    code: str = "error"

    def __init__(self, th: str, en: str, *, detail: str | None = None, code: str | None = None):
        super().__init__(en)
        self.th = th
        self.en = en
        self.detail = detail
        if code is not None:
            self.code = code

    def bilingual(self) -> str:
        """The message as shown to people: Thai line, then English line."""
        return f"{self.th}\n{self.en}"

    def __str__(self) -> str:
        return self.bilingual()


class NotFound(AnuyatError):
    code = "not_found"


class PermissionDenied(AnuyatError):
    code = "permission_denied"


class InvalidInput(AnuyatError):
    code = "invalid_input"


class IllegalTransition(AnuyatError):
    code = "illegal_transition"
