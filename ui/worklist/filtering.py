"""The list as the filter bar and the queue pane choose it, through the work list's port.

:class:`FilteredQueue` stands in the :class:`~ui.shell.application_model.ApplicationModel`
where a status did; :class:`FilteringPort` answers it with ``worklist.count_filtered`` /
``list_filtered`` (the officer's own requests first, then first come, first served) and
passes a search (or anything else) on to the port it wraps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from services.api import ApplicationRow, ListFilter, SignedInUser, WorklistPort

__all__ = ["FilteredQueue", "FilteringPort"]


@dataclass(frozen=True, eq=False)
class FilteredQueue:
    """ "The requests matching ``filter``"; compared by identity, so asking again reads again."""

    filter: ListFilter
    filtered: bool
    """Whether the officer narrowed the list (the empty list then says so)."""

    @property
    def one_status(self) -> bool:
        return len(self.filter.statuses) == 1


class FilteringPort:
    """``rows`` (the searching port) with a :class:`FilteredQueue` answered by ``worklist``."""

    def __init__(self, rows: Any, worklist: WorklistPort) -> None:
        self._rows = rows
        self._worklist = worklist

    def __getattr__(self, name: str) -> Any:
        return getattr(self._rows, name)

    def count_applications(self, user: SignedInUser, status: Any) -> int:
        if isinstance(status, FilteredQueue):
            return self._worklist.count_filtered(user, status.filter)
        return int(self._rows.count_applications(user, status))

    def list_applications(
        self, user: SignedInUser, status: Any, offset: int, limit: int
    ) -> list[ApplicationRow]:
        if isinstance(status, FilteredQueue):
            return self._worklist.list_filtered(user, status.filter, offset, limit)
        return list(self._rows.list_applications(user, status, offset, limit))
