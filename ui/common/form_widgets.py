"""Small widgets the forms share: a combo box that elides, a list that takes files, a wrapped
label that is never cut off, a one-line field shown wrapped over a few rows.

Nothing here talks to the services; the forms wire these to them.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QListWidget,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

__all__ = ["ElidingComboBox", "FileDropList", "WrappingLabel", "WrappingLineEdit", "local_files"]


def local_files(mime: QMimeData) -> list[str]:
    """The local files (not folders, not web links) a drag carries."""
    if not mime.hasUrls():
        return []
    return [
        u.toLocalFile() for u in mime.urls() if u.isLocalFile() and Path(u.toLocalFile()).is_file()
    ]


class ElidingComboBox(QComboBox):
    """A combo box that ends a long choice with "…" instead of cutting it off."""

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, max(0, field.width() - 4)
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class FileDropList(QListWidget):
    """The chosen files (names shown, full path in the tooltip); files can be dropped in.

    Signals:
        files_did_drop(list[str]): local files were dropped on the list.
    """

    files_did_drop = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FileDropList")
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setMinimumHeight(64)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.files_did_drop.emit(files)
        else:
            event.ignore()


class WrappingLabel(QLabel):
    """A word-wrapped label that gets the height its text needs at the width it was given.

    Layouts size a wrapped label for a guessed width; narrower (an English text, a side panel
    open at 1280×720) its last line was cut off. Each resize or new text asks again.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        # Its width is what the layout gives (never the one-line width of its text, which
        # would widen the form); its height follows from that width.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        needed = self.heightForWidth(max(self.width(), 1))
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)


class WrappingLineEdit(QPlainTextEdit):
    """One line of plain text (an address) shown wrapped over ``rows`` rows, so a long Thai
    address is seen whole instead of scrolled past its start as in a QLineEdit.

    It keeps a line edit's contract: ``text()``/``setText()``, a maximum length, Enter does
    not add a line break (it emits ``returnPressed``), pasted line breaks become spaces, Tab
    moves on. Plain text only: pasted formatting is dropped (QPlainTextEdit keeps none).

    Signals:
        returnPressed(): Enter or Return was pressed.
    """

    returnPressed = Signal()

    def __init__(self, rows: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = rows
        self._max_length = 32767
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._keep_to_length)
        self._fit_rows()

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(_one_line(text))

    def setMaxLength(self, length: int) -> None:
        self._max_length = length
        self._keep_to_length()

    def maxLength(self) -> int:
        return self._max_length

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.returnPressed.emit()
            event.ignore()  # no line break; the form may act on Enter
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        self.insertPlainText(_one_line(source.text()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_rows()

    def _fit_rows(self) -> None:
        """Exactly ``rows`` lines high in the current font, measured on a line with Thai in
        it: the Thai font Qt falls back to may be taller than the field's own."""
        probe = QTextDocument()
        probe.setDocumentLayout(QPlainTextDocumentLayout(probe))
        probe.setDefaultFont(self.font())
        probe.setPlainText("ที่ตั้ง ถนน Ágj")
        layout = probe.documentLayout()
        assert isinstance(layout, QPlainTextDocumentLayout)
        row = max(layout.blockBoundingRect(probe.firstBlock()).height(),
                  self.fontMetrics().lineSpacing())  # fmt: skip
        margins = self.contentsMargins()
        document = 2 * self.document().documentMargin()
        height = math.ceil(row * self._rows + document) + margins.top() + margins.bottom()
        self.setFixedHeight(height)

    def _keep_to_length(self) -> None:
        text = self.toPlainText()
        if len(text) <= self._max_length:
            return
        cursor = self.textCursor()
        position = min(cursor.position(), self._max_length)
        self.blockSignals(True)
        self.setPlainText(text[: self._max_length])
        self.blockSignals(False)
        cursor = self.textCursor()
        cursor.setPosition(position)
        self.setTextCursor(cursor)
        self.moveCursor(QTextCursor.MoveOperation.NoMove)


def _one_line(text: str) -> str:
    return " ".join(text.splitlines()).replace("\t", " ")
