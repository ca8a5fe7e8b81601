"""A line that tells the outcome of what the officer just did, in the language of the screen.

A result written once as text stayed in the language it was written in when the officer
switched language (the issuing page's "Licence … issued", "… delivered"). This label keeps the
way to write the message instead: :meth:`NoticeLine.tell` takes a callable that builds it with
``tr`` (Thai or English by the translator installed now), and every ``LanguageChange`` calls it
again, so the message is re-shown in the new language. Failures keep their own bilingual box
(:class:`~ui.common.errors.ErrorBox`, both languages at once).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["NoticeLine"]


class NoticeLine(QLabel):
    """Hidden until told; wraps; its words can be selected (a code to read out)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: Callable[[], str] | None = None
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def tell(self, words: Callable[[], str]) -> None:
        """Show ``words()`` now, and again after each language switch."""
        self._words = words
        self.setText(words())
        self.show()

    def forget(self) -> None:
        """Hide the message (a new step has begun); a switch no longer brings it back."""
        self._words = None
        self.clear()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._words is not None:
            self.setText(self._words())
        super().changeEvent(event)
