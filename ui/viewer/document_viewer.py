"""The document viewer of the review screen: the request's message and every file it brought.

PDFs show in a ``QPdfView`` over a ``QPdfDocument`` parsed from bytes in the "io" pool
(:class:`~ui.viewer.render.PdfLoad`) and then handed over on the GUI thread, with a strip of
page thumbnails drawn in the "io" pool too. Images (scans, photos of ID cards)
show in an :class:`~ui.viewer.panes.ImagePane`; text files and the words of Word files in a
:class:`~ui.viewer.panes.TextPane`. The request's own message comes first in the list.

Bytes come from ``port.document_bytes`` in the "db" pool; decoding and rendering run in the
"io" pool; only the finished images reach the GUI thread. Every callback checks it is still
about the document on screen (a generation number), so flicking through documents quickly
never shows the wrong file.

A ``QPdfView`` cannot turn pages, so a PDF turned a quarter shows its current page drawn as
an image (rendered in the "io" pool), with the same page keys and zoom; those keys, the zoom
and the turning are in :mod:`ui.viewer.paging`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QSettings, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from services.api import VIEWER_UNSAFE, DocumentInfo, ReviewPort, SignedInUser
from ui.common.errors import bilingual
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.viewer.cache import DocumentCache
from ui.viewer.paging import MESSAGE, PagesAndZoom
from ui.viewer.panes import THUMB_WIDTH, ImagePane, PageStrip, TextPane
from ui.viewer.render import (
    PAGE_RENDER_DPI,
    PdfLoad,
    decode_image,
    decode_text,
    document_kind,
    docx_text,
    pdf_page_image,
)
from ui.viewer.system_viewer import SystemViewer
from ui.viewer.thumbnail_feed import ThumbnailFeed
from ui.viewer.toolbar import ViewerToolbar
from ui.viewer.zoom import ViewerZoom

__all__ = ["DocumentViewer", "MESSAGE"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Entry:
    key: str  # MESSAGE, or the document's id
    info: DocumentInfo | None


class DocumentViewer(Retranslating, PagesAndZoom, QFrame):
    """The message and documents of one application, one at a time.

    Signals:
        position_did_change(object, int): the document on screen (its id, or None for the
            request's message) or its page (1-based) changed.
        document_did_fail(object): a document could not be read or shown (the error).
    """

    position_did_change = Signal(object, int)
    document_did_fail = Signal(object)

    def __init__(
        self,
        port: ReviewPort,
        user: SignedInUser,
        runner: TaskRunner,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("DocumentViewer")
        self._port = port
        self._user = user
        self._runner = runner
        self._settings = settings
        self._application_id: str | None = None
        self._body_text = ""
        self._entries: list[_Entry] = []
        self._index = -1
        self._generation = 0
        self._cache = DocumentCache()
        self._parsed: dict[str, QPdfDocument] = {}  # PDFs parsed ahead (ui.review.read_ahead)
        self._pages: dict[str, int] = {}  # last page seen per document (0-based)
        self._rotations: dict[str, int] = {}
        self._widths_of: tuple[QPdfDocument, dict[int, float]] | None = None  # _page_width
        self._page = 0
        self._loading = False
        self._flags_of: DocumentInfo | None = None  # the document whose flags are shown
        self._system_viewer = SystemViewer(runner, self, on_opened=self._copy_opened)
        self._zoom = ViewerZoom(settings)

        self.pdf_document = QPdfDocument(self)
        self._build()
        self.retranslate()

    # -- construction -------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        bar = self.toolbar = ViewerToolbar()
        layout.addWidget(bar)
        self.document_combo = bar.document_combo
        self.page_label = bar.page_label
        self.zoom_label = bar.zoom_label
        self.fit_button = bar.fit_button
        for button, slot in (
            (bar.previous_document_button, self.previous_document),
            (bar.next_document_button, self.next_document),
            (bar.previous_page_button, self.previous_page),
            (bar.next_page_button, self.next_page),
            (bar.zoom_out_button, self.zoom_out),
            (bar.zoom_in_button, self.zoom_in),
            (bar.fit_button, self.fit_to_width),
            (bar.rotate_button, self.rotate),
            (bar.open_button, self.open_externally),
        ):
            button.clicked.connect(slot)
        self.document_combo.currentIndexChanged.connect(self._combo_changed)

        self.flags_label = named(QLabel(), "ViewerFlags")
        self.flags_label.setWordWrap(True)
        self.flags_label.hide()
        layout.addWidget(self.flags_label)
        self.copy_label = named(QLabel(), "ViewerCopyNote")
        self.copy_label.setWordWrap(True)
        self.copy_label.hide()
        layout.addWidget(self.copy_label)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        self.thumbnails = PageStrip(THUMB_WIDTH)
        self.thumbnails.currentRowChanged.connect(self._thumbnail_chosen)
        self._thumbs = ThumbnailFeed(self.thumbnails, self._runner, lambda: self._page, self)
        body.addWidget(self.thumbnails)

        self.stack = named(QStackedWidget(), "ViewerStack")
        self.pdf_view = QPdfView(self)
        self.pdf_view.setObjectName("PdfView")
        self.pdf_view.setDocument(self.pdf_document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setPageSpacing(12)
        self.pdf_view.pageNavigator().currentPageChanged.connect(self._pdf_page_changed)
        self.image_pane = ImagePane()
        self.image_pane.view_did_change.connect(self._update_zoom_label)
        self.text_pane = TextPane()
        self.text_pane.open_requested.connect(self.open_externally)
        self.notice = named(QLabel(), "ViewerNotice")
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setWordWrap(True)
        self.notice.setMargin(24)
        for widget in (self.pdf_view, self.image_pane, self.text_pane, self.notice):
            self.stack.addWidget(widget)
        body.addWidget(self.stack, 1)
        layout.addLayout(body, 1)
        self._update_controls()

    # -- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.text_pane.set_open_text(self.tr("Open with the system viewer"))
        self._show_flags(self._flags_of)
        self.thumbnails.setAccessibleName(self.tr("Pages"))
        self._fill_combo()
        self._update_controls()
        if self._index >= 0 and self._entries[self._index].key == MESSAGE:
            self._show_message_text()

    # -- what is shown ------------------------------------------------------------------

    @property
    def application_id(self) -> str | None:
        return self._application_id

    @property
    def is_loading(self) -> bool:
        return self._loading

    def documents(self) -> list[DocumentInfo]:
        return [e.info for e in self._entries if e.info is not None]

    def current_document_id(self) -> str | None:
        """The document on screen, or None for the request's message (or nothing)."""
        if 0 <= self._index < len(self._entries):
            return self._entries[self._index].key or None
        return None

    def current_document(self) -> DocumentInfo | None:
        if 0 <= self._index < len(self._entries):
            return self._entries[self._index].info
        return None

    def current_page(self) -> int:
        """The page on screen, from 1 (a single image or text counts as one page)."""
        return self._page + 1

    def page_count(self) -> int:
        entry = self.current_document()
        if entry is None:
            return 1
        if document_kind(entry) == "pdf":
            return max(1, self.pdf_document.pageCount())
        return 1

    def painting_widgets(self) -> list[QWidget]:
        """The widgets whose paint puts a document on screen (one per kind of document)."""
        return [self.pdf_view.viewport(), self.image_pane.viewport(), self.text_pane, self.notice]

    def current_kind(self) -> str:
        info = self.current_document()
        return "message" if info is None else document_kind(info)

    def rotation(self) -> int:
        return self._rotations.get(self.current_document_id() or MESSAGE, 0)

    # -- commands -----------------------------------------------------------------------

    def set_application(
        self,
        application_id: str,
        body_text: str,
        documents: tuple[DocumentInfo, ...],
        read_ahead: Mapping[str, bytes] | None = None,
        parsed: Mapping[str, QPdfDocument] | None = None,
        at: tuple[str | None, int] | None = None,
    ) -> None:
        """Show a new application's message and documents; the first document opens.

        ``read_ahead``: its files already decrypted (ui.review.read_ahead), shown at once;
        ``parsed``: PDFs among them already parsed (the viewer owns them from here);
        ``at``: the document (None: the message) and page (1-based) to open instead."""
        if application_id != self._application_id:
            self._cache.clear()
            self._pages.clear()
            self._rotations.clear()
            for document_id, data in (read_ahead or {}).items():
                self._cache.keep(document_id, data)
        self._drop_parsed()
        self._parsed = dict(parsed or {})
        for document in self._parsed.values():
            document.setParent(self)
        self._application_id = application_id
        self._body_text = body_text
        self._entries = [_Entry(MESSAGE, None)] + [_Entry(d.id, d) for d in documents]
        self._fill_combo()
        first = 1 if documents else 0
        if at is not None:  # back where the officer was (the screen was locked)
            key = at[0] or MESSAGE
            first = next((i for i, e in enumerate(self._entries) if e.key == key), first)
            self._pages[key] = max(0, at[1] - 1)
        self.show_index(first)

    def update_documents(self, documents: tuple[DocumentInfo, ...]) -> None:
        """The same application, its list read again: keep the document on screen."""
        current = self.current_document_id()
        self._entries = [_Entry(MESSAGE, None)] + [_Entry(d.id, d) for d in documents]
        self._fill_combo()
        index = next((i for i, e in enumerate(self._entries) if e.key == (current or "")), 0)
        if index != self._index or current is None:
            self.show_index(index)
        else:
            self._sync_combo()

    def add_document(self, info: DocumentInfo, *, show: bool = True) -> None:
        """A document produced here (a certified copy) joins the list; it opens at once."""
        if any(e.key == info.id for e in self._entries):
            return
        self._entries.append(_Entry(info.id, info))
        self._fill_combo()
        if show:
            self.show_index(len(self._entries) - 1)

    def show_document(self, document_id: str | None, page: int | None = None) -> bool:
        """Open ``document_id`` (None: the message) at ``page`` (1-based); False if unknown."""
        key = document_id or MESSAGE
        for index, entry in enumerate(self._entries):
            if entry.key == key:
                if page is not None:
                    self._pages[key] = max(0, page - 1)
                if index == self._index and page is not None:
                    self.go_to_page(page)
                elif index != self._index:
                    self.show_index(index)
                return True
        return False

    def show_index(self, index: int) -> None:
        if not 0 <= index < len(self._entries):
            return
        if 0 <= self._index < len(self._entries):
            self._pages[self._entries[self._index].key] = self._page
        self._index = index
        self._generation += 1
        entry = self._entries[index]
        self._page = self._pages.get(entry.key, 0)
        self._sync_combo()
        self._set_thumbnails([])
        self._show_flags(entry.info)
        if entry.info is None:
            self._show_message_text()
            self._announce()
            return
        data = self._cache.view(entry.key)
        if data is not None:
            self._display(entry, data)
            return
        self._set_loading(True)
        self._show_notice(self.tr("Opening {name}…").format(name=entry.info.filename))
        generation = self._generation
        port, user, document_id = self._port, self._user, entry.key

        def done(result: bytes | None, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            self._set_loading(False)
            if error is not None or result is None:
                self._failed(error)
                return
            self._cache.keep(document_id, result)
            self._display(entry, result)

        self._runner.run(
            lambda: port.document_bytes(user, document_id),
            done,
            pool="db",
            owner=self,
            label="viewer.document_bytes",
        )

    def next_document(self) -> None:
        self._step_document(+1)

    def previous_document(self) -> None:
        self._step_document(-1)

    def _step_document(self, direction: int) -> None:
        # At either end the key does nothing: the document on screen is not opened again.
        index = min(max(self._index + direction, 0), len(self._entries) - 1)
        if index != self._index:
            self.show_index(index)

    def open_externally(self) -> None:
        """Open the document with the system's own program (a copy in a private temp folder)."""
        info = self.current_document()
        data = self._cache.peek(info.id) if info is not None else None
        if info is not None and data is not None:
            self._system_viewer.open(info.id, info.filename, data, self._failed)

    def clear(self) -> None:
        self._generation += 1
        self._application_id = None
        self._entries = []
        self._index = -1
        self._cache.clear()
        self._drop_parsed()
        self.pdf_document.close()
        self.image_pane.clear()
        self._fill_combo()
        self._set_thumbnails([])
        self._show_notice("")
        self._show_flags(None)

    # -- showing ------------------------------------------------------------------------

    def _display(self, entry: _Entry, data: bytes) -> None:
        info = entry.info
        assert info is not None
        kind = document_kind(info)
        if kind == "pdf" and VIEWER_UNSAFE in info.flags:
            # Released by an officer though the engine refused it or never finished: loading
            # it here could hold the engine (and every other PDF) for good.
            self._show_text(
                "",
                self.tr(
                    "This PDF did not open in the viewer at intake ({name}); open it with the "
                    "system viewer."
                ).format(name=info.filename),
                can_open=True,
            )
        elif kind == "pdf":
            self._display_pdf(data)
        elif kind == "image":
            self._in_worker(lambda: decode_image(data), self._show_image, "viewer.decode_image")
        elif kind == "text":
            self._in_worker(
                lambda: decode_text(data),
                lambda text: self._show_text(text, "", can_open=True),
                "viewer.decode_text",
            )
        elif kind == "docx":
            note = self.tr("The words of the Word file only; its layout is not shown.")
            self._in_worker(
                lambda: docx_text(data),
                lambda text: self._show_text(text, note, can_open=True),
                "viewer.docx_text",
            )
        else:
            self._show_text(
                "",
                self.tr("This kind of file cannot be shown here ({name}).").format(
                    name=info.filename
                ),
                can_open=True,
            )
        self._update_controls()

    def _display_pdf(self, data: bytes) -> None:
        info = self.current_document()
        ready = self._parsed.pop(info.id, None) if info is not None else None
        if ready is not None:  # parsed while the officer was on the request before
            self._show_pdf(ready, data)  # straight to the page: no "Opening…" frame
            return
        if info is not None:
            self._show_notice(self.tr("Opening {name}…").format(name=info.filename))
        load = PdfLoad(data)
        self._in_worker(
            load.run,
            lambda _read: self._show_pdf(load.take(), data),
            "viewer.load_pdf",
            not_shown=load.drop,  # parsed for a document the officer has left: let it go
        )

    def _show_pdf(self, document: QPdfDocument | None, data: bytes) -> None:
        if document is None:
            self._failed(None)
            return
        old = self.pdf_document
        document.setParent(self)
        self.pdf_document = document
        self.pdf_view.setDocument(document)
        old.close()
        old.deleteLater()
        self._page = min(self._page, self.pdf_document.pageCount() - 1)
        if self.rotation():
            self._render_turned_page()
        else:
            self.stack.setCurrentWidget(self.pdf_view)
            self._apply_zoom()
            navigator = self.pdf_view.pageNavigator()
            navigator.jump(self._page, QPointF(0, 0), navigator.currentZoom())
        self._announce()
        self._thumbs.start(data)  # page 1 paints first; the strip follows

    def _render_turned_page(self) -> None:
        info = self.current_document()
        data = self._cache.peek(info.id) if info is not None else None
        if data is None:
            return
        page, rotation = self._page, self.rotation()
        scale = self.logicalDpiX() / PAGE_RENDER_DPI

        def show(image: QImage) -> None:
            self.image_pane.set_image(image, base_scale=scale, rotation=0)
            self._apply_zoom()
            self.stack.setCurrentWidget(self.image_pane)
            self._announce()

        self._in_worker(lambda: pdf_page_image(data, page, rotation), show, "viewer.turn_page")

    def _show_image(self, image: QImage) -> None:
        self.image_pane.set_image(image, rotation=self.rotation())
        self._apply_zoom()
        self.stack.setCurrentWidget(self.image_pane)
        self._announce()

    def _show_text(self, text: str, note: str, *, can_open: bool) -> None:
        self.text_pane.show_text(text, note, can_open=can_open)
        self.text_pane.set_zoom(1.0 if self._zoom.fit_width else self._zoom.factor)
        self.stack.setCurrentWidget(self.text_pane)
        self._announce()

    def _show_message_text(self) -> None:
        body = self._body_text.strip()
        note = self.tr("The request's own message, as it arrived.")
        self._show_text(body or self.tr("(The request came without a message.)"), note,
                        can_open=False)  # fmt: skip
        self._update_controls()

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.stack.setCurrentWidget(self.notice)
        self._update_controls()

    def _failed(self, error: BaseException | None) -> None:
        th, en = bilingual(
            error,
            "เปิดเอกสารนี้ไม่ได้ ลองอีกครั้ง หรือเปิดด้วยโปรแกรมของเครื่อง",
            "This document could not be opened. Try again, or use the system viewer.",
        )
        self._show_notice(f"{th}\n{en}")
        self.document_did_fail.emit(error)

    def _in_worker(
        self, fn: Any, show: Any, label: str, not_shown: Callable[[], None] | None = None
    ) -> None:
        generation = self._generation
        self._set_loading(True)

        def done(result: Any, error: BaseException | None) -> None:
            if generation != self._generation or error is not None:
                if not_shown is not None:
                    not_shown()
            if generation != self._generation:
                return
            self._set_loading(False)
            if error is not None:
                self._failed(error)
                return
            show(result)

        self._runner.run(fn, done, pool="io", owner=self, label=label)

    def _drop_parsed(self) -> None:
        for document in self._parsed.values():
            document.close()
            document.deleteLater()
        self._parsed = {}

    def _set_thumbnails(self, images: list[QImage]) -> None:
        self._thumbs.stop()
        self.thumbnails.set_pages(images, self._page)

    def _show_flags(self, info: DocumentInfo | None) -> None:
        # Kept so that a language switch words the reminder again in the new language.
        self._flags_of = info
        # Intake's own words for these are in the quarantine view; here a reminder suffices.
        known = {
            "unreadable": self.tr("The file could not be read at intake."),
            "encrypted": self.tr("This PDF is password-protected."),
            "low_resolution": self.tr("Low image resolution: check that it can be read."),
            "name_mismatch": self.tr("The file's name does not match its content."),
            "pdf_restricted": self.tr("The PDF limits printing or editing."),
            "office_embedded_object": self.tr("The file holds embedded objects: do not open them."),
        }
        texts = [known[f] for f in (info.flags if info is not None else ()) if f in known]
        self.flags_label.setText(" · ".join(texts))
        self.flags_label.setVisible(bool(texts))

    # -- list and state -----------------------------------------------------------------

    def _fill_combo(self) -> None:
        self.toolbar.show_documents([e.info for e in self._entries], self._index)

    def _sync_combo(self) -> None:
        self.toolbar.show_index(self._index)

    def _combo_changed(self, index: int) -> None:
        if index != self._index:
            self.show_index(index)

    def _set_loading(self, loading: bool) -> None:
        self._loading = loading

    def _announce(self) -> None:
        self._update_controls()
        self.thumbnails.show_page(self._page)
        self.position_did_change.emit(self.current_document_id(), self.current_page())

    def _update_controls(self) -> None:
        kind = self.current_kind() if self._entries else "none"
        self.toolbar.show_state(
            index=self._index,
            count=len(self._entries),
            kind=kind,
            page=self._page,
            pages=self.page_count() if kind == "pdf" else 1,
        )
        self._update_zoom_label()

    def _copy_opened(self, _path: str) -> None:
        # Both languages, as for errors: the officer must know a plain copy exists.
        self.copy_label.setText(
            "มีสำเนาเอกสารที่ถอดรหัสแล้วเปิดอยู่ในโปรแกรมของเครื่อง "
            "— จะถูกลบเมื่อปิดหน้าตรวจหรือออกจากระบบ\n"
            "A decrypted copy of this document is open in the system's program; it is "
            "deleted when you close the review screen or sign out."
        )
        self.copy_label.show()

    def remove_temp_files(self) -> None:
        """Delete the copies made for the system viewer (when the review screen closes)."""
        self._system_viewer.remove_copies()
        self.copy_label.hide()
