"""The window's and the CLI's archive port: a request's whole file as one PDF/A
(:mod:`services.archive.export`), for those the access table allows."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from services.access.table import Action, may
from services.archive.export import ArchiveExport, export_case
from services.kernel.actors import Actor, SignedInUser
from services.store.context import AppContext

__all__ = ["Archive", "ArchiveExport", "ArchivePort"]


class ArchivePort(Protocol):
    def may_export(self, user: SignedInUser) -> bool: ...

    def export(self, user: SignedInUser, tracking: str, out: Path) -> ArchiveExport: ...


class Archive:
    def __init__(self, context: AppContext) -> None:
        self.context = context

    def may_export(self, user: SignedInUser) -> bool:
        return may(user.roles, Action.EXPORT_ARCHIVE)

    def export(self, user: SignedInUser, tracking: str, out: Path) -> ArchiveExport:
        """Slow (every page drawn): call it off the GUI thread, on the "io" pool."""
        return export_case(self.context, Actor.from_user(user), tracking, out)
