"""The parts of the document viewer that are not the PDF view: an image canvas and a text pane.

:class:`ImagePane` shows a decoded image (a scan, a photo of an ID card, or a PDF page drawn
turned) with zoom, fit-to-width and rotation by quarter turns. :class:`TextPane` shows plain
text read-only (the request's own message, a .txt file, the words of a Word file) with a note
above it and an optional "open with the system viewer" button.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QImage, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.common.naming import named

__all__ = ["THUMB_WIDTH", "ImagePane", "PageStrip", "TextPane", "ZOOM_STEPS", "next_zoom"]

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
_MARGIN = 12  # grey around the page, so its edge shows
THUMB_WIDTH = 84


def next_zoom(current: float, direction: int) -> float:
    """The next zoom step above (``direction`` > 0) or below the current zoom."""
    if direction > 0:
        return next((z for z in ZOOM_STEPS if z > current + 0.005), ZOOM_STEPS[-1])
    return next((z for z in reversed(ZOOM_STEPS) if z < current - 0.005), ZOOM_STEPS[0])


class _Canvas(QWidget):
    """Paints the pixmap scaled and turned; its size is the turned, scaled page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pixmap = QPixmap()
        self.scale = 1.0
        self.rotation = 0
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def page_size(self) -> QSize:
        width, height = self.pixmap.width(), self.pixmap.height()
        if self.rotation % 180:
            width, height = height, width
        return QSize(max(1, round(width * self.scale)), max(1, round(height * self.scale)))

    def sizeHint(self) -> QSize:
        page = self.page_size()
        return QSize(page.width() + 2 * _MARGIN, page.height() + 2 * _MARGIN)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        if self.pixmap.isNull():
            return
        page = self.page_size()
        left = max(_MARGIN, (self.width() - page.width()) // 2)
        target = QRectF(left, _MARGIN, page.width(), page.height())
        painter.fillRect(target.adjusted(1, 2, 1, 2), Qt.GlobalColor.lightGray)  # a soft edge
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.translate(target.center())
        painter.rotate(self.rotation)
        w, h = self.pixmap.width() * self.scale, self.pixmap.height() * self.scale
        painter.drawPixmap(QRectF(-w / 2, -h / 2, w, h), self.pixmap, QRectF(self.pixmap.rect()))


class ImagePane(QScrollArea):
    """A scrollable image with zoom (``zoom`` 1.0 = 100 %), fit-to-width and quarter turns.

    ``base_scale`` maps the image's pixels to screen pixels at 100 % (1.0 for photos and
    scans; less for a PDF page drawn at a higher resolution than the screen's).

    Signals:
        view_did_change(): zoom, fit or rotation changed.
    """

    view_did_change = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImagePane")
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._canvas = _Canvas()
        self.setWidget(self._canvas)
        self._image_size = QSize()
        self._base_scale = 1.0
        self._zoom = 1.0
        self._fit_width = True

    # -- state --------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def fit_width(self) -> bool:
        return self._fit_width

    @property
    def rotation(self) -> int:
        return self._canvas.rotation

    def image_size(self) -> QSize:
        """The image's own size in pixels (before zoom and rotation)."""
        return QSize(self._image_size)

    def shown_size(self) -> QSize:
        """The page as painted on screen: turned and scaled."""
        return self._canvas.page_size()

    def has_image(self) -> bool:
        return not self._canvas.pixmap.isNull()

    # -- commands -----------------------------------------------------------------------

    def set_image(self, image: QImage, *, base_scale: float = 1.0, rotation: int = 0) -> None:
        """Show ``image`` (decoded in a worker); the zoom and fit mode stay as they were."""
        self._canvas.pixmap = QPixmap.fromImage(image)
        self._image_size = image.size()
        self._base_scale = base_scale
        self._canvas.rotation = rotation % 360
        self._apply()

    def clear(self) -> None:
        self._canvas.pixmap = QPixmap()
        self._image_size = QSize()
        self._apply()

    def set_zoom(self, zoom: float) -> None:
        self._fit_width = False
        self._zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        self._apply()

    def set_fit_width(self, fit: bool = True) -> None:
        self._fit_width = fit
        self._apply()

    def set_rotation(self, degrees: int) -> None:
        self._canvas.rotation = degrees % 360
        self._apply()

    def scroll_page(self, direction: int) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + direction * bar.pageStep())

    # -- layout -------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit_width:
            self._apply(notify=False)

    def _apply(self, *, notify: bool = True) -> None:
        canvas = self._canvas
        if self._fit_width and not canvas.pixmap.isNull():
            turned = canvas.pixmap.height() if canvas.rotation % 180 else canvas.pixmap.width()
            available = max(50, self.viewport().width() - 2 * _MARGIN)
            canvas.scale = available / max(1, turned)
            self._zoom = canvas.scale / self._base_scale
        else:
            canvas.scale = self._zoom * self._base_scale
        hint = canvas.sizeHint()
        canvas.resize(max(hint.width(), self.viewport().width()), hint.height())
        canvas.update()
        if notify:
            self.view_did_change.emit()


class TextPane(QFrame):
    """Read-only text with a note above it and, when set, an "open with the system viewer" button.

    Signals:
        open_requested(): the officer asked to open the file with the system's own program.
    """

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TextPane")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        bar = named(QFrame(), "TextPaneNote")
        bar_layout = QHBoxLayout(bar)
        bar_layout.setContentsMargins(12, 6, 8, 6)
        self.note = named(QLabel(), "Muted")
        self.note.setWordWrap(True)
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar_layout.addWidget(self.note, 1)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_requested)
        self.open_button.hide()
        bar_layout.addWidget(self.open_button)
        self._bar = bar
        layout.addWidget(bar)
        self.text = named(QPlainTextEdit(), "DocumentText")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        layout.addWidget(self.text, 1)
        self._base_point_size = self.text.font().pointSizeF()
        self._zoom = 1.0

    @property
    def zoom(self) -> float:
        return self._zoom

    def show_text(self, text: str, note: str = "", *, can_open: bool = False) -> None:
        self.text.setPlainText(text)
        self.note.setText(note)
        self._bar.setVisible(bool(note) or can_open)
        self.open_button.setVisible(can_open)
        self.text.verticalScrollBar().setValue(0)

    def set_open_text(self, text: str) -> None:
        self.open_button.setText(text)

    def set_zoom(self, zoom: float) -> None:
        self._zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        font = QFont(self.text.font())
        font.setPointSizeF(max(6.0, self._base_point_size * self._zoom))
        self.text.setFont(font)

    def scroll_page(self, direction: int) -> None:
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + direction * bar.pageStep())


class PageStrip(QListWidget):
    """Small pictures of a PDF's pages in a column; choosing one emits ``currentRowChanged``.

    Hidden for a single page: a strip of one only takes room from the page itself.
    """

    def __init__(self, width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Thumbnails")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(width, round(width * 1.42)))
        self.setSpacing(4)
        self.setFixedWidth(width + 34)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def set_pages(self, images: list[QImage], current: int) -> None:
        self.blockSignals(True)
        self.clear()
        for number, image in enumerate(images, start=1):
            item = QListWidgetItem(QIcon(QPixmap.fromImage(image)), str(number))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.addItem(item)
        if images:
            self.setCurrentRow(min(current, len(images) - 1))
        self.blockSignals(False)
        self.setVisible(len(images) > 1)

    def add_pages(self, images: list[QImage], current: int) -> None:
        """More pages after those shown (thumbnails arrive a few at a time)."""
        self.blockSignals(True)
        for number, image in enumerate(images, start=self.count() + 1):
            item = QListWidgetItem(QIcon(QPixmap.fromImage(image)), str(number))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.addItem(item)
        if 0 <= current < self.count() and self.currentRow() != current:
            self.setCurrentRow(current)
        self.blockSignals(False)
        self.setVisible(self.count() > 1)

    def show_page(self, page: int) -> None:
        """Mark ``page`` (0-based) as the one on screen, without emitting."""
        if 0 <= page < self.count():
            self.blockSignals(True)
            self.setCurrentRow(page)
            self.blockSignals(False)
            self.scrollToItem(self.item(page))
