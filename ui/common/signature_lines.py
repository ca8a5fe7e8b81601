"""What a check of signatures found, as the officer reads it: one verdict line on a band in
its tone's colour, then the service's lines (signer, time, certificate chain, time-stamps,
the register entry) below.

The licence check (``ui/issuing/check_dialog.py``) and the signature verification
(``ui/approval/verify_dialog.py``) show the same kind of answer from the services; one widget
keeps them looking and reading alike. The services write the lines in both languages; the
host passes those of the language on screen, so the widget holds no words of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ui.common.naming import named

__all__ = ["SignatureLines", "Tone"]

Tone = Literal["ok", "warn", "error"]

# Background and text colours: the band must read as good, doubtful or bad at a glance, and
# the text keep AA contrast on it.
_COLOURS: Final[dict[str, tuple[str, str]]] = {
    "ok": ("#d8f5d8", "#14532d"),
    "warn": ("#fff1c2", "#6b4500"),
    "error": ("#f8d0d0", "#7f1d1d"),
}


class SignatureLines(QWidget):
    """``verdict`` (hidden until a result) over ``details`` (read-only, selectable)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.verdict = named(QLabel(), "SignatureVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.hide()
        layout.addWidget(self.verdict)
        self.details = named(QPlainTextEdit(), "SignatureDetails")
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)

    def show_result(self, verdict: str, tone: Tone, lines: Sequence[str]) -> None:
        background, text = _COLOURS[tone]
        self.verdict.setProperty("tone", tone)
        self.verdict.setStyleSheet(
            f"background:{background};color:{text};padding:8px;border-radius:4px;font-weight:bold;"
        )
        self.verdict.setText(verdict)
        self.verdict.show()
        self.details.setPlainText("\n".join(lines))

    def clear(self) -> None:
        self.verdict.clear()
        self.verdict.hide()
        self.details.clear()
