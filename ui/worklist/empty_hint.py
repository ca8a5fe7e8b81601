"""The empty list's message, in the table itself (not only in the status bar), so an officer
who narrowed the list too far sees at once why nothing is there and what to do."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

from ui.common.naming import named

__all__ = ["EmptyHint"]


class EmptyHint(QLabel):
    """A centred message over the view's viewport, shown while the view has no rows."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view.viewport())
        named(self, "EmptyListHint")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._view = view
        view.viewport().installEventFilter(self)
        self.hide()

    def show_message(self, text: str) -> None:
        """Show ``text`` (empty: hide)."""
        self.setText(text)
        self._fit()
        self.setVisible(bool(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        viewport = self._view.viewport()
        # The top third of the list, the width of the table less a margin.
        self.setGeometry(24, 24, max(0, viewport.width() - 48), max(80, viewport.height() // 3))
