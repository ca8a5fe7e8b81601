"""A slip drawn for the finance officer: an image scaled to the column, or a PDF's first page.

The file's bytes are read in the database worker; decoding and scaling them (a phone's
4000×3000 photo, a scanned PDF: tens of milliseconds or more) happen in the "io" pool into a
``QImage``, which is safe off the GUI thread. Only the cheap ``QPixmap.fromImage`` is left to
the GUI thread, so arrowing through the payments queue or the finance inbox never freezes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ui.common.naming import named
from ui.common.tasks import TaskRunner
from ui.viewer.open_check import load_pdf

__all__ = ["SLIP_WIDTH", "show_slip_when_read", "slip_and_details", "slip_image"]

SlipFile = tuple[str, str, bytes]
"""A slip's file as the services hand it over: name, media type, bytes."""

SLIP_WIDTH = 420
# Which request a slip label waits for: an answer carrying an older number is for a row the
# officer has since left (also when they came back to it: the newer request draws it).
_REQUEST = "slipRequest"


def slip_image(kind: str, data: bytes, width: int = SLIP_WIDTH) -> QImage:
    """The slip drawn ``width`` pixels wide (a PDF's first page); null when unreadable.

    Safe in a worker thread (makes no ``QPixmap``); run it in the "io" pool."""
    if kind == "application/pdf" or data[:5] == b"%PDF-":
        return _pdf_first_page(data, width)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    # A phone photo carries its turn in EXIF: the officer reads the slip upright.
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and size.width() > 0 and size.height() > 0:
        # Decoding straight to the column's size lets JPEG skip most of the pixels
        # (libjpeg's DCT scaling) instead of decoding 12 megapixels and scaling them down.
        turned = bool(
            reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90
        )
        wide, high = (size.height(), size.width()) if turned else (size.width(), size.height())
        height = max(1, round(width * high / wide))
        reader.setScaledSize(QSize(height, width) if turned else QSize(width, height))
    image = reader.read()
    buffer.close()
    if image.isNull() or image.width() == width:
        return image
    return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)


def _pdf_first_page(data: bytes, width: int) -> QImage:
    document, buffer = load_pdf(data)  # this worker's own document (PDFium is locked by Qt)
    try:
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            return QImage()
        size = document.pagePointSize(0)
        height = max(1, int(width * size.height() / max(size.width(), 1)))
        image: QImage = document.render(0, QSize(width, height))
        return image
    finally:
        document.close()
        buffer.close()


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
    """Read a slip's file in the database worker, draw it in the "io" pool and show it in
    ``slip``, unless the officer has chosen another row by then (``still_wanted``, and a
    newer request for the same label). ``undrawable`` says a file that cannot be drawn,
    with ``%1`` for its name."""
    request = int(slip.property(_REQUEST) or 0) + 1
    slip.setProperty(_REQUEST, request)
    slip.setText(QCoreApplication.translate("SlipImage", "Opening the slip…"))

    def wanted() -> bool:
        return slip.property(_REQUEST) == request and still_wanted()

    def read_done(result: SlipFile | None, error: BaseException | None) -> None:
        if not wanted():
            return  # the officer moved on
        if error is not None or result is None:
            slip.setText(
                QCoreApplication.translate(
                    "SlipImage",
                    "The slip could not be read. Press Refresh to try again; if it stays, tell "
                    "the administrator.",
                )
            )
            return
        name, kind, data = result

        def drawn(image: QImage | None, error: BaseException | None) -> None:
            if not wanted():
                return  # drawn for a row the officer has left
            if error is not None or image is None or image.isNull():
                slip.setText(undrawable.replace("%1", name))
            else:
                slip.setPixmap(QPixmap.fromImage(image))

        # The module's name looked up when run, so a test can watch where it runs.
        runner.run(lambda: slip_image(kind, data), drawn, pool="io", owner=owner,
                   label=f"{label}.draw")  # fmt: skip

    runner.run(read, read_done, owner=owner, label=label)


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
