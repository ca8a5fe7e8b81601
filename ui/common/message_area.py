"""A strip for inline messages that never takes over the screen.

It holds message boxes (:class:`~ui.common.errors.ErrorBox` for failures, the same box styled as a
notice for good news), takes room only while one of them is shown, and scrolls when a long
message (a list of what is still missing) would push the work below it out of sight.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from ui.common.naming import named

__all__ = ["MessageArea"]

_MAX_HEIGHT = 150


class MessageArea(QScrollArea):
    def __init__(self, *boxes: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageArea")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        host = named(QWidget(), "MessageHost")
        layout = QVBoxLayout(host)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(6)
        self._boxes = boxes
        for box in boxes:
            layout.addWidget(box)
            box.installEventFilter(self)
        self.setWidget(host)
        # Never hidden (a hidden parent would keep its boxes' show events from us): an empty
        # strip is simply zero pixels high.
        self.setFixedHeight(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # LayoutRequest: a box already shown got a new text (it may need more or fewer lines).
        if watched in self._boxes and event.type() in (
            QEvent.Type.Show,
            QEvent.Type.Hide,
            QEvent.Type.LayoutRequest,
        ):
            self._fit()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            # Narrower, the words wrap onto more lines: never cut the last one off.
            self._fit()

    def _fit(self) -> None:
        if not any(not b.isHidden() for b in self._boxes):
            self.setFixedHeight(0)
            return
        host = self.widget()
        layout = host.layout() if host is not None else None
        assert layout is not None  # both set up in __init__
        width = max(200, self.viewport().width())
        needed = layout.heightForWidth(width) if layout.hasHeightForWidth() else -1
        if needed <= 0:
            needed = layout.sizeHint().height()
        self.setFixedHeight(min(_MAX_HEIGHT, max(needed, 40)))
        self.verticalScrollBar().setValue(0)
