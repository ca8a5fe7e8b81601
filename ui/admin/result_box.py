"""What a save or a "Test connection" answered, shown under the buttons of a settings section.

Green when it worked, red when not (the :class:`~ui.common.errors.ErrorBox`, which can carry
an action such as "Keep this address for now"), and the peer's own words below in a
fixed-width font: they are quoted, not translated.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.common.errors import ErrorBox
from ui.common.naming import named

__all__ = ["ResultBox"]


class ResultBox(QWidget):
    """What a save or a test answered: green when it worked, red when not, and the peer's
    own words below in a fixed-width font (they are quoted, not translated)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.ok_box = named(QFrame(), "NoticeBox")
        ok_layout = QVBoxLayout(self.ok_box)
        ok_layout.setContentsMargins(12, 8, 12, 8)
        self.ok_th = QLabel()
        self.ok_th.setStyleSheet("font-weight: bold;")
        self.ok_en = QLabel()
        for label in (self.ok_th, self.ok_en):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            ok_layout.addWidget(label)
        self.error = ErrorBox()
        self.reply = named(QLabel(), "Hint")
        self.reply.setWordWrap(True)
        self.reply.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = named(QLabel(), "Hint")
        for widget in (self.ok_box, self.error, self.reply, self.busy):
            layout.addWidget(widget)
        self.clear()

    def clear(self) -> None:
        self.ok_box.hide()
        self.error.clear()
        self.error.set_action("", None)
        self.reply.hide()
        self.busy.hide()

    def show_busy(self, text: str) -> None:
        self.clear()
        self.busy.setText(text)
        self.busy.show()

    def show_result(
        self, ok: bool, th: str, en: str, reply: str = "", reply_label: str = ""
    ) -> None:
        self.clear()
        if ok:
            self.ok_th.setText(th)
            self.ok_en.setText(en)
            self.ok_en.setVisible(bool(en) and en != th)
            self.ok_box.show()
        else:
            self.error.show_message(th, en)
        if reply and reply not in en:  # a refusal already quotes it; capabilities do not
            fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
            quoted = f"<span style='font-family: \"{fixed}\"'>{_escape(reply)}</span>"
            self.reply.setText(f"{_escape(reply_label)} {quoted}")
            self.reply.show()

    def text(self) -> str:
        """Everything shown, Thai first ("" when nothing is)."""
        parts = []
        if not self.ok_box.isHidden():
            parts += [self.ok_th.text(), self.ok_en.text()]
        if not self.error.isHidden():
            parts.append(self.error.text())
        if not self.reply.isHidden():
            parts.append(self.reply.text())
        if not self.busy.isHidden():
            parts.append(self.busy.text())
        return "\n".join(p for p in parts if p)

    @property
    def ok(self) -> bool:
        return not self.ok_box.isHidden()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
