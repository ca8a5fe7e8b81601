"""The review screen's keys: pages and documents, zoom and turn, the verdicts A / R / N on
the checklist's current item, the decisions, the side tabs (Ctrl+1…4, Ctrl+H) and Esc.

Every key works while the focus is anywhere in the review screen; what a key may do is the
services' answer (a verdict key on a request the officer may only read says why instead).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

from services.api import Verdict
from ui.review.composer import RejectComposer, RequestDocumentsComposer

if TYPE_CHECKING:
    from ui.review.screen import ReviewScreen

__all__ = ["ReviewKeys"]


class ReviewKeys:
    """Builds the screen's shortcuts (``shortcuts``, by key sequence) and does what they say."""

    def __init__(self, screen: ReviewScreen) -> None:
        self._screen = screen
        viewer = screen.viewer
        keys: list[tuple[str, Any]] = [
            ("Esc", self.escape),
            ("PgDown", viewer.next_page),
            ("PgUp", viewer.previous_page),
            ("Ctrl+PgDown", viewer.next_document),
            ("Ctrl+PgUp", viewer.previous_document),
            ("Alt+Right", viewer.next_document),
            ("Alt+Left", viewer.previous_document),
            ("Ctrl++", viewer.zoom_in),
            ("Ctrl+=", viewer.zoom_in),
            ("Ctrl+-", viewer.zoom_out),
            ("Ctrl+0", viewer.fit_to_width),
            ("Ctrl+R", viewer.rotate),
            ("A", lambda: self.decide(Verdict.ACCEPTED)),
            ("R", lambda: self.decide(Verdict.REJECTED)),
            ("N", lambda: self.decide(Verdict.NOT_APPLICABLE)),
            ("Ctrl+Shift+C", screen.certify_copy),
            ("Ctrl+D", screen.open_request_composer),
            ("Ctrl+M", screen.mark_reviewed),
            ("Ctrl+Shift+L", screen.release_claim),
            ("Ctrl+H", lambda: screen.tabs.setCurrentWidget(screen.history)),
        ]
        for number in range(1, 5):
            keys.append((f"Ctrl+{number}", lambda n=number: self.show_tab(n - 1)))
        self.shortcuts: dict[str, QShortcut] = {}
        for sequence, slot in keys:
            shortcut = QShortcut(QKeySequence(sequence), screen)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts[sequence] = shortcut

    def decide(self, verdict: Verdict) -> None:
        """A, R or N: on the checklist's current item, when the checklist is what shows."""
        s = self._screen
        if (
            s.side_stack.currentWidget() is s.tabs
            and s.tabs.currentWidget() is s.checklist
            and s.pages.currentWidget() is s.splitter
        ):
            detail = s.presenter.detail
            if detail is not None and not s.presenter.editable():
                s.said.say_read_only(s.user, detail)
                return
            s.checklist.decide(verdict)

    def show_tab(self, index: int) -> None:
        s = self._screen
        if s.side_stack.currentWidget() is s.tabs:
            s.tabs.setCurrentIndex(index)
            if index == 0:
                s.checklist.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def escape(self) -> None:
        """Esc: out of a composer, out of the reason box, else back to the list."""
        s = self._screen
        current = s.side_stack.currentWidget()
        row = s.checklist.current_row()
        if isinstance(current, RequestDocumentsComposer | RejectComposer):
            current.cancel()
        elif row is not None and row.reason_open():
            row.hide_reason()
            s.checklist.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            s.close_screen()
