"""The list behaviour shared by the intake tray pages (quarantined files, not requests).

Both pages read their rows in the database worker, where only the newest reading counts (a
refresh pressed twice shows the second answer); a failed reading keeps what was shown and
offers "Try again"; the chosen row stays chosen across readings (else the first is chosen);
and the chosen row is shown in the page's side panel. Each page keeps its own wording, passed
in already translated, so the Thai catalogue keeps its contexts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QModelIndex, QObject, Qt

from ui.common.tasks import TaskRunner
from ui.intake.tray_layout import TrayColumn

__all__ = ["ROW_ROLE", "TrayRows"]

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The role under which a tray model gives the whole row of a cell."""


class _Row(Protocol):
    @property
    def id(self) -> str: ...


RowT = TypeVar("RowT", bound=_Row)


class _Model(Protocol[RowT]):
    def set_rows(self, rows: list[RowT]) -> None: ...
    def find_row(self, item_id: str) -> int: ...


class _Side(Protocol[RowT]):
    @property
    def row(self) -> RowT | None: ...
    def show_row(self, row: RowT | None) -> None: ...


class TrayRows(Generic[RowT]):
    """The rows of one tray page: reading them, keeping the choice, showing it aside."""

    def __init__(
        self,
        owner: QObject,
        runner: TaskRunner,
        column: TrayColumn,
        model: _Model[RowT],
        side: _Side[RowT],
        row_type: type[RowT],
    ) -> None:
        self._owner, self._runner, self._column = owner, runner, column
        self._model, self._side, self._row_type = model, side, row_type
        self._generation = 0
        self.loaded = False
        """True once the list was read at least once."""

    def read(
        self,
        fetch: Callable[[], list[RowT]],
        *,
        failed: tuple[str, str],
        retry: tuple[Callable[[], str], Callable[[], None]],
        did_load: Callable[[int], None],
        label: str,
    ) -> None:
        """Read the rows with ``fetch`` in the database worker; ``failed`` is the Thai and
        English fallback message, ``retry`` the action's text (read when shown, in the
        language of that moment) and what it does."""
        self._generation += 1
        generation = self._generation
        box = self._column.error_box

        def done(rows: list[RowT] | None, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            if error is not None or rows is None:
                box.show_error(error, fallback_th=failed[0], fallback_en=failed[1])
                box.set_action(retry[0](), retry[1])
                return
            box.clear()
            self.show(rows)
            self.loaded = True
            did_load(len(rows))

        self._runner.run(fetch, done, pool="db", owner=self._owner, label=label)

    def select(self, item_id: str) -> bool:
        row = self._model.find_row(item_id)
        if row < 0:
            return False
        self._column.table.selectRow(row)
        return True

    def show(self, rows: list[RowT]) -> None:
        chosen = self._side.row
        current = chosen.id if chosen is not None else None
        self._model.set_rows(rows)
        self._column.empty.setVisible(not rows)
        self._column.table.setVisible(bool(rows))
        if current is not None and self.select(current):
            return
        if rows:
            self._column.table.selectRow(0)
        else:
            self._side.show_row(None)

    def current_changed(self, current: QModelIndex, _previous: Any = None) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        self._side.show_row(row if isinstance(row, self._row_type) else None)
