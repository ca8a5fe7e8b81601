"""Search from the list's box (Ctrl+F): results become a "Search results" pseudo-queue.

:class:`SearchBox` waits for a pause in typing (300 ms) before it asks; Esc clears it and
brings the queue back. :class:`SearchingPort` lets the existing paged
:class:`~ui.shell.application_model.ApplicationModel` show results: a :class:`SearchQuery` in place
of a status is answered by ``port.search`` (once per query, however the model pages it).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from services.api import ApplicationRow, SignedInUser
from ui.common import i18n

__all__ = ["DEBOUNCE_MS", "MIN_CHARACTERS", "SEARCH_LIMIT", "SearchBox", "SearchQuery",
           "SearchingPort"]  # fmt: skip

DEBOUNCE_MS = 300
MIN_CHARACTERS = 2
SEARCH_LIMIT = 200


@dataclass(frozen=True, eq=False)
class SearchQuery:
    """Stands for a status in the model: "the results of searching for ``text``".

    Compared by identity, so typing the same words again searches again (new mail may match).
    """

    text: str


class SearchingPort:
    """The window's port, with ``count``/``list_applications`` answering a :class:`SearchQuery`.

    Every other call passes straight through to the wrapped port.
    """

    def __init__(self, port: Any) -> None:
        self._port = port
        self._lock = threading.Lock()
        self._last: tuple[SearchQuery, list[ApplicationRow]] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._port, name)

    def count_applications(self, user: SignedInUser, status: SearchQuery | str | None) -> int:
        if isinstance(status, SearchQuery):
            return len(self._results(user, status))
        return int(self._port.count_applications(user, status))

    def list_applications(
        self, user: SignedInUser, status: SearchQuery | str | None, offset: int, limit: int
    ) -> list[ApplicationRow]:
        if isinstance(status, SearchQuery):
            return self._results(user, status)[offset : offset + limit]
        return list(self._port.list_applications(user, status, offset, limit))

    def _results(self, user: SignedInUser, query: SearchQuery) -> list[ApplicationRow]:
        with self._lock:
            if self._last is not None and self._last[0] is query:
                return self._last[1]
        rows = list(self._port.search(user, query.text, SEARCH_LIMIT))
        with self._lock:
            self._last = (query, rows)
        return rows


class SearchBox(QLineEdit):
    """Typing searches after a short pause; Esc clears (and gives the focus back).

    Signals:
        search_did_change(str): the words to search for, or "" when the box was cleared.
        search_did_leave(): Esc on an empty box, or Enter: go back to the list.
    """

    search_did_change = Signal(str)
    search_did_leave = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SearchBox")
        self.setClearButtonEnabled(True)
        self.addAction(
            QIcon(str(i18n.RESOURCES / "icons" / "search.svg")),
            QLineEdit.ActionPosition.LeadingPosition,
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._fire)
        self._sent = ""
        self.textChanged.connect(self._typed)
        self.returnPressed.connect(self._enter)

    @property
    def searching(self) -> str:
        """The words whose results are shown ("" when none)."""
        return self._sent

    def clear_search(self) -> None:
        """Empty the box without asking anything (a queue was chosen)."""
        self._timer.stop()
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)
        self._sent = ""

    def _typed(self, _text: str) -> None:
        self._timer.start()

    def _fire(self) -> None:
        words = " ".join(self.text().split())
        if len(words) < MIN_CHARACTERS:
            words = ""
        if words != self._sent:
            self._sent = words
            self.search_did_change.emit(words)

    def _enter(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._fire()
        self.search_did_leave.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.text():
                self.clear()
                self._timer.stop()
                self._fire()
            self.search_did_leave.emit()
            return
        super().keyPressEvent(event)
