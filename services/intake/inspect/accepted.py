"""The accepted file types: one table the inspector decides with and the texts quote.

A kind is accepted when its bytes sniff as one of :data:`ACCEPTED_TYPES`; the name never
decides. The refusal texts list :func:`accepted_types_text`, so what an applicant reads is
what the inspector does. A file whose *name* claims an accepted type but whose content is
something else (an RTF or WPS file named ``.doc``) is told exactly that, never "DOC is
accepted" beside a refused ``.doc``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ACCEPTED_KINDS",
    "ACCEPTED_TYPES",
    "AcceptedType",
    "accepted_file_patterns",
    "accepted_types_text",
    "named_as",
]


@dataclass(frozen=True)
class AcceptedType:
    kind: str
    """The sniffed kind (:attr:`services.intake.inspect.sniff.Sniffed.kind`)."""
    label: str
    """The name people know it by, the same in Thai and English (``DOC``)."""
    extensions: tuple[str, ...]
    """The name endings that claim it."""


ACCEPTED_TYPES: tuple[AcceptedType, ...] = (
    AcceptedType("pdf", "PDF", (".pdf",)),
    AcceptedType("doc", "DOC", (".doc",)),
    AcceptedType("docx", "DOCX", (".docx",)),
    AcceptedType("text", "TXT", (".txt",)),
    AcceptedType("jpeg", "JPEG", (".jpg", ".jpeg", ".jpe", ".jfif")),
    AcceptedType("png", "PNG", (".png",)),
    AcceptedType("gif", "GIF", (".gif",)),
    AcceptedType("zip", "ZIP", (".zip",)),
)
ACCEPTED_KINDS = frozenset(t.kind for t in ACCEPTED_TYPES)


def accepted_types_text() -> str:
    """``PDF, DOC, DOCX, TXT, JPEG, PNG, GIF, ZIP`` — the list every refusal quotes."""
    return ", ".join(t.label for t in ACCEPTED_TYPES)


def named_as(extension: str) -> AcceptedType | None:
    """The accepted type a file's name ending (``.doc``) claims, if any."""
    return next((t for t in ACCEPTED_TYPES if extension.lower() in t.extensions), None)


def accepted_file_patterns() -> str:
    """``*.pdf *.doc …`` for a file picker's filter: the same types, by their usual names."""
    return " ".join(f"*{ext}" for t in ACCEPTED_TYPES for ext in t.extensions)
