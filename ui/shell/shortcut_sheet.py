"""The keyboard cheat-sheet (F1 or ?): a panel over the right edge of the window, not modal.

It lists the keys for everything frequent, grouped by where they work; Esc, F1 or its close
button hide it again. Work goes on underneath while it is open.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.naming import named
from ui.common.retranslating import Retranslating

__all__ = ["ShortcutSheet"]

_WIDTH = 430


class ShortcutSheet(Retranslating, QFrame):
    """Keys and what they do. Place it with :meth:`attach` over a widget (the central one).

    Signals:
        sheet_did_close().
    """

    sheet_did_close = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShortcutSheet")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        top = QHBoxLayout()
        top.setContentsMargins(16, 12, 10, 6)
        self.title = named(QLabel(), "ComposerTitle")
        top.addWidget(self.title, 1)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.close_sheet)
        top.addWidget(self.close_button)
        outer.addLayout(top)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._host = named(QWidget(), "ShortcutHost")
        self._grid = QGridLayout(self._host)
        self._grid.setContentsMargins(16, 4, 16, 16)
        self._grid.setHorizontalSpacing(14)
        self._grid.setVerticalSpacing(5)
        self._grid.setColumnStretch(1, 1)
        scroll.setWidget(self._host)
        outer.addWidget(scroll, 1)
        self._anchor: QWidget | None = None
        self.hide()
        self.retranslate()

    def attach(self, anchor: QWidget) -> None:
        """Float over ``anchor``'s right edge, following its size."""
        self._anchor = anchor
        self.setParent(anchor)
        anchor.installEventFilter(self)
        self.hide()

    def toggle(self) -> None:
        if self.isVisible():
            self.close_sheet()
        else:
            self.open_sheet()

    def open_sheet(self) -> None:
        self._place()
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_sheet(self) -> None:
        if self.isVisible():
            self.hide()
            self.sheet_did_close.emit()

    def entries(self) -> list[tuple[str, str]]:
        """(keys, what they do) as listed (for tests)."""
        rows = []
        for row in range(self._grid.rowCount()):
            keys = self._grid.itemAtPosition(row, 0)
            what = self._grid.itemAtPosition(row, 1)
            if keys is not None and what is not None:
                k, w = keys.widget(), what.widget()
                if isinstance(k, QLabel) and isinstance(w, QLabel):
                    rows.append((k.text(), w.text()))
        return rows

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._anchor and event.type() == QEvent.Type.Resize:
            self._place()
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F1):
            self.close_sheet()
            return
        super().keyPressEvent(event)

    def _place(self) -> None:
        anchor = self._anchor
        if anchor is None:
            return
        width = min(_WIDTH, anchor.width())
        self.setGeometry(anchor.width() - width, 0, width, anchor.height())

    def _groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        return [
            (
                self.tr("Everywhere"),
                [
                    ("F1  ?", self.tr("Show or hide these keys")),
                    ("Ctrl+Enter  F2", self.tr("Next: take the oldest waiting request")),
                    ("Ctrl+F", self.tr("Search all requests")),
                    ("Alt+1 … Alt+9", self.tr("Choose a queue")),
                    ("Alt+D", self.tr("Dashboard")),
                    ("F5", self.tr("Refresh")),
                    ("F9", self.tr("Fetch new mail and files now")),
                    ("Ctrl+L", self.tr("Lock the screen")),
                    ("Ctrl+Q", self.tr("Quit")),
                ],
            ),
            (
                self.tr("List"),
                [
                    ("↑ ↓", self.tr("Move through the requests")),
                    ("Enter", self.tr("Open the request for review")),
                    ("Space", self.tr("Quick look at the details")),
                    ("Esc", self.tr("Clear the search")),
                ],
            ),
            (
                self.tr("Intake"),
                [
                    ("Ctrl+N", self.tr("Register a request brought to the counter")),
                    ("Alt+Q", self.tr("Files held back at intake")),
                    ("Alt+N", self.tr("Mail that is not a request (bounces, auto-replies)")),
                    ("Ctrl+R", self.tr("There: this mail is a request after all")),
                ],
            ),
            (
                self.tr("Checking documents"),
                [
                    ("↑ ↓", self.tr("Previous or next item of the checklist")),
                    ("A", self.tr("Accept the item, linked to the page on screen")),
                    ("R", self.tr("Reject the item (type the reason, Enter)")),
                    ("N", self.tr("Not applicable")),
                    ("PgDown  PgUp", self.tr("Next or previous page")),
                    ("Ctrl+PgDown  Alt+→", self.tr("Next document")),
                    ("Ctrl+PgUp  Alt+←", self.tr("Previous document")),
                    ("Ctrl++  Ctrl+−", self.tr("Zoom in or out")),
                    ("Ctrl+0", self.tr("Fit to width")),
                    ("Ctrl+R", self.tr("Turn the page a quarter")),
                    ("Ctrl+1 … Ctrl+4", self.tr("Documents, identity, application, history")),
                ],
            ),
            (
                self.tr("Deciding"),
                [
                    ("Ctrl+M", self.tr("Mark reviewed")),
                    ("Ctrl+D", self.tr("Ask the applicant for documents")),
                    ("Ctrl+Shift+C", self.tr("Certify a copy of the document on screen")),
                    ("Ctrl+Shift+L", self.tr("Put the request back in the queue")),
                    ("Esc", self.tr("Back to the list (or close the side panel)")),
                ],
            ),
        ]

    def retranslate(self) -> None:
        self.title.setText(self.tr("Keyboard shortcuts"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        row = 0
        for heading, entries in self._groups():
            label = named(QLabel(heading), "InfoHeading")
            self._grid.addWidget(label, row, 0, 1, 2)
            row += 1
            for keys, what in entries:
                key_label = named(QLabel(keys), "KeyCap")
                key_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                what_label = QLabel(what)
                what_label.setWordWrap(True)
                top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                self._grid.addWidget(key_label, row, 0, top_left)
                self._grid.addWidget(what_label, row, 1, Qt.AlignmentFlag.AlignTop)
                row += 1
        self._grid.setRowStretch(row, 1)
