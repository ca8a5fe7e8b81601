"""A slip drawn for the finance officer: an image scaled to the column, or a PDF's first page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ui.common.naming import named
from ui.common.tasks import TaskRunner

__all__ = ["SLIP_WIDTH", "show_slip_when_read", "slip_and_details", "slip_pixmap"]

SlipFile = tuple[str, str, bytes]
"""A slip's file as the services hand it over: name, media type, bytes."""

SLIP_WIDTH = 420


def slip_pixmap(kind: str, data: bytes, width: int = SLIP_WIDTH) -> QPixmap:
    """The slip drawn ``width`` pixels wide (a PDF's first page); null when unreadable."""
    if kind == "application/pdf" or data[:5] == b"%PDF-":
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        if document.pageCount() < 1:
            return QPixmap()
        size = document.pagePointSize(0)
        height = int(width * size.height() / max(size.width(), 1))
        image: QImage = document.render(0, QSize(width, height))
        return QPixmap.fromImage(image)
    pixmap = QPixmap()
    pixmap.loadFromData(data)
    if pixmap.isNull():
        return pixmap
    return pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)


def show_slip_when_read(
    slip: QLabel,
    read: Callable[[], SlipFile | None],
    *,
    runner: TaskRunner,
    owner: QWidget,
    still_wanted: Callable[[], bool],
    undrawable: str,
    label: str,
) -> None:
    """Read a slip's file in the database worker and draw it in ``slip``, unless the officer
    has chosen another row by then (``still_wanted``). ``undrawable`` says a file that
    cannot be drawn, with ``%1`` for its name."""
    slip.setText(QCoreApplication.translate("SlipImage", "Opening the slip…"))

    def done(result: SlipFile | None, error: BaseException | None) -> None:
        if not still_wanted():
            return  # the officer moved on
        if error is not None or result is None:
            slip.setText(QCoreApplication.translate("SlipImage", "The slip cannot be shown."))
            return
        name, kind, data = result
        pixmap = slip_pixmap(kind, data)
        if pixmap.isNull():
            slip.setText(undrawable.replace("%1", name))
        else:
            slip.setPixmap(pixmap)

    runner.run(read, done, owner=owner, label=label)


def slip_and_details(
    splitter_name: str,
    slip_name: str,
    details: QWidget,
    sizes: tuple[int, int],
    actions: QWidget | None = None,
) -> tuple[QSplitter, QLabel]:
    """The slip on the left and the officer's details on the right, as the payments queue
    and the finance inbox both show them; ``actions`` (what the officer types and presses)
    stay whole below the details, which scroll. Returns the splitter and the slip's label."""
    splitter = named(QSplitter(Qt.Orientation.Horizontal), splitter_name)
    splitter.setChildrenCollapsible(False)
    slip = named(QLabel(), slip_name)
    slip.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
    slip.setWordWrap(True)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(slip)
    scroll.setMinimumWidth(300)
    splitter.addWidget(scroll)
    # The details scroll rather than squeeze on a small screen (1280×720).
    side = QScrollArea()
    side.setWidgetResizable(True)
    side.setFrameShape(QScrollArea.Shape.NoFrame)
    # Long Thai lines wrap to the column rather than run off its right edge.
    side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    side.setWidget(details)
    if actions is None:
        splitter.addWidget(side)
    else:
        # Inside the scroll they were cut by the page's bottom edge at 1280×720 until scrolled.
        column = QWidget()
        rows = QVBoxLayout(column)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addWidget(side, 1)
        rows.addWidget(actions)
        splitter.addWidget(column)
    splitter.setSizes(list(sizes))
    return splitter, slip
