"""Pages, zoom and turning of the document viewer: the officer's page keys and zoom buttons.

A part of :class:`~ui.viewer.document_viewer.DocumentViewer` kept in its own module so the
viewer stays about which document is shown and how it is loaded; this part is only about
moving within the one on screen. It works on the viewer's own widgets and state (declared
below for the type checker), so it is mixed into the viewer rather than standing alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QPointF, QTimer
from PySide6.QtPdfWidgets import QPdfView

from ui.viewer.panes import next_zoom

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QLabel, QStackedWidget, QToolButton

    from ui.viewer.panes import ImagePane, TextPane
    from ui.viewer.zoom import ViewerZoom

__all__ = ["MESSAGE", "PagesAndZoom"]

_FILL_WIDTHS_MS = 60  # after the first page has painted (as the page strip waits)

MESSAGE = ""
"""The key of the request's own message in the document list (documents use their ids)."""


class PagesAndZoom:
    """Page keys, zoom (kept in the settings) and quarter turns of the document on screen."""

    if TYPE_CHECKING:  # the viewer's own parts this one works on
        stack: QStackedWidget
        pdf_view: QPdfView
        pdf_document: QPdfDocument
        image_pane: ImagePane
        text_pane: TextPane
        zoom_label: QLabel
        fit_button: QToolButton
        _zoom: ViewerZoom
        _page: int
        _rotations: dict[str, int]
        _widths_of: tuple[QPdfDocument, dict[int, float]] | None

        def current_kind(self) -> str: ...
        def current_document_id(self) -> str | None: ...
        def page_count(self) -> int: ...
        def rotation(self) -> int: ...
        def logicalDpiX(self) -> int: ...
        def _render_turned_page(self) -> None: ...
        def _announce(self) -> None: ...
        def _update_controls(self) -> None: ...

    def is_fit_width(self) -> bool:
        return self._zoom.fit_width

    def zoom(self) -> float:
        """The zoom in force (1.0 = 100 %); when fitting the width, the zoom that gives."""
        if self.stack.currentWidget() is self.image_pane and self.image_pane.has_image():
            return self.image_pane.zoom
        if self.stack.currentWidget() is self.text_pane:
            return self.text_pane.zoom
        if self.stack.currentWidget() is self.pdf_view and self._zoom.fit_width:
            return self._pdf_fit_zoom()
        return self._zoom.factor

    def next_page(self) -> None:
        self._step_page(+1)

    def previous_page(self) -> None:
        self._step_page(-1)

    def go_to_page(self, page: int) -> None:
        """Show page ``page`` (1-based) of the PDF on screen."""
        if self.current_kind() != "pdf":
            return
        target = min(max(page - 1, 0), self.page_count() - 1)
        self._page = target
        if self.rotation():
            self._render_turned_page()
        else:
            navigator = self.pdf_view.pageNavigator()
            navigator.jump(target, QPointF(0, 0), navigator.currentZoom())
        self._announce()

    def zoom_in(self) -> None:
        self._set_zoom(next_zoom(self.zoom(), +1))

    def zoom_out(self) -> None:
        self._set_zoom(next_zoom(self.zoom(), -1))

    def fit_to_width(self) -> None:
        self._zoom.fit_width = True
        self._apply_zoom()
        self._zoom.save()

    def rotate(self) -> None:
        """Turn the document on screen a quarter clockwise (kept while the request is open)."""
        kind = self.current_kind()
        if kind not in ("pdf", "image"):
            return
        key = self.current_document_id() or MESSAGE
        self._rotations[key] = (self._rotations.get(key, 0) + 90) % 360
        if kind == "image":
            self.image_pane.set_rotation(self._rotations[key])
        elif self._rotations[key]:
            self._render_turned_page()
        else:
            self.stack.setCurrentWidget(self.pdf_view)
            self.go_to_page(self._page + 1)
            self._apply_zoom()
        self._update_controls()

    def _step_page(self, direction: int) -> None:
        kind = self.current_kind()
        if kind == "pdf" and self.page_count() > 1:
            self.go_to_page(self._page + 1 + direction)
        elif self.stack.currentWidget() is self.image_pane:
            self.image_pane.scroll_page(direction)
        elif self.stack.currentWidget() is self.text_pane:
            self.text_pane.scroll_page(direction)
        elif kind == "pdf":
            bar = self.pdf_view.verticalScrollBar()
            bar.setValue(bar.value() + direction * bar.pageStep())

    def _pdf_page_changed(self, page: int) -> None:
        if self.stack.currentWidget() is not self.pdf_view or page == self._page:
            return
        self._page = page
        self._announce()

    def _thumbnail_chosen(self, row: int) -> None:
        if row >= 0 and row != self._page:
            self.go_to_page(row + 1)

    def _set_zoom(self, zoom: float) -> None:
        self._zoom.set_factor(zoom)
        self._apply_zoom()
        self._zoom.save()

    def _apply_zoom(self) -> None:
        widget = self.stack.currentWidget()
        zoom = self._zoom
        if widget is self.pdf_view:
            if zoom.fit_width:
                self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            else:
                self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
                self.pdf_view.setZoomFactor(zoom.factor)
        elif widget is self.image_pane:
            if zoom.fit_width:
                self.image_pane.set_fit_width(True)
            else:
                self.image_pane.set_zoom(zoom.factor)
        elif widget is self.text_pane:
            self.text_pane.set_zoom(1.0 if zoom.fit_width else zoom.factor)
        self._update_zoom_label()

    def _pdf_fit_zoom(self) -> float:
        if not 0 <= self._page < self.pdf_document.pageCount():
            return 1.0
        page_px = self._page_width(self._page) * self.logicalDpiX() / 72
        margins = self.pdf_view.documentMargins()
        available = self.pdf_view.viewport().width() - margins.left() - margins.right()
        return max(0.1, available / max(1.0, page_px))

    def _page_width(self, page: int) -> float:
        """Page ``page``'s width in points, asked of PDFium once per document.

        Each ``pagePointSize`` waits for PDFium's one lock, which the view's own renderer
        (and the page strip) hold for about 15 ms a scanned page: asked on every page turn
        for the zoom label, it made the turn wait for the page before to finish rendering.
        So the page shown first is asked at once, and the others a little after it has
        painted, in one go, while the renderer is idle.
        """
        document = self.pdf_document
        if self._widths_of is None or self._widths_of[0] is not document:
            self._widths_of = (document, {})
            QTimer.singleShot(_FILL_WIDTHS_MS, cast(QObject, self), self._fill_page_widths)
        widths = self._widths_of[1]
        if page not in widths:
            widths[page] = document.pagePointSize(page).width()
        return widths[page]

    def _fill_page_widths(self) -> None:
        if self._widths_of is None or self._widths_of[0] is not self.pdf_document:
            return  # another document is on screen: it fills its own
        document, widths = self._widths_of
        for page in range(document.pageCount()):
            if page not in widths:
                widths[page] = document.pagePointSize(page).width()

    def _update_zoom_label(self) -> None:
        self.zoom_label.setText(f"{round(self.zoom() * 100)}%")
        self.fit_button.setChecked(self._zoom.fit_width)
