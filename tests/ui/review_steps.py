"""Steps the review tests take the way an officer does: open a request from the list (Enter
on its row, or Ctrl+Enter for "Next"), wait for its PDF on screen, hold the claim back.

Shared by the review screen, read-ahead, opening and screen-lock tests.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from ui.review.screen import ReviewScreen
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def pdf_shown(review: ReviewScreen, application_id: str | None = None, page: int = 0) -> bool:
    """A PDF is on screen, loaded (that request's, at that page, when they are given)."""
    viewer = review.viewer
    return (
        (application_id is None or viewer.application_id == application_id)
        and viewer.current_kind() == "pdf"
        and viewer.pdf_document.status() == QPdfDocument.Status.Ready
        and viewer.stack.currentWidget() is viewer.pdf_view
        and (not page or viewer.current_page() == page)
    )


def enter_on(qtbot, window: MainWindow, application_id: str) -> None:
    """The officer picks the request's row in the list and presses Enter."""
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(window.model.find_row(application_id), 0))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)


def open_next(qtbot, window: MainWindow) -> ReviewScreen:
    """Ctrl+Enter ("Next") in the list; back once the request is claimed and settled."""
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return, CTRL)
    review = window.review
    qtbot.waitUntil(lambda: review.detail is not None, timeout=10000)
    qtbot.waitUntil(lambda: pdf_shown(review), timeout=10000)
    # The tabs fill after page 1 has painted, as an officer's next key would find them
    # (laid out: the layout they asked for is done before the next frame).
    qtbot.waitUntil(review.is_settled, timeout=10000)
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    return review


def hold_the_claim(workstation) -> threading.Event:
    """The claim waits (a slow store) until the returned gate is set."""
    gate = threading.Event()
    claim = workstation.review.open_application

    def slow_claim(*args, **kwargs):  # the real claim, after the gate opens
        assert gate.wait(20), "the test never let the claim through"
        return claim(*args, **kwargs)

    workstation.review.open_application = slow_claim
    return gate
