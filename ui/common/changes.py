"""One hook for "something changed": screens refresh from it instead of calling each other.

After any change (a verdict, a claim, a registration at the counter, a quarantine decision,
a sync that brought mail, F5) the one who made it announces a :class:`Changes` on the
window's :class:`ChangeHub`; every screen that shows the affected data listens to
``changes_did_happen`` and reads again what it needs (Anki's ``operation_did_execute``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

__all__ = ["ChangeHub", "Changes"]


@dataclass(frozen=True)
class Changes:
    """What changed, so each screen can tell whether it has to read again."""

    application_ids: frozenset[str] = field(default_factory=frozenset)
    """The applications whose status, claim or contents changed (empty: not known)."""
    lists: bool = False
    """Queue counts and lists (and the dashboard's numbers) may differ now."""
    quarantine: bool = False
    """Files were held back, released or discarded, or mail set aside as not requests."""
    sync: bool = False
    """The sync state (last run, errors) should be read again."""

    @classmethod
    def everything(cls) -> Changes:
        """Read it all again (F5)."""
        return cls(lists=True, quarantine=True, sync=True)

    @classmethod
    def of_application(cls, application_id: str | None) -> Changes:
        """One application changed (a verdict, a claim, a decision): lists move too."""
        ids = frozenset({application_id}) if application_id else frozenset()
        return cls(application_ids=ids, lists=True)


class ChangeHub(QObject):
    """The window's single change hook.

    Signals:
        changes_did_happen(Changes): something changed; listeners read again what it touches.
    """

    changes_did_happen = Signal(object)

    def announce(self, changes: Changes) -> None:
        self.changes_did_happen.emit(changes)
