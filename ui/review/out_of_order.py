"""Asked in place when older requests wait: why this one goes first (or take the oldest).

The service answers ``open_application`` with ``OutOfOrder`` (code ``out_of_order``) when
requests that came earlier are still waiting; the DGA guidelines (draft) want them considered
first. The officer either gives a reason (kept in the audit trail) or takes the oldest instead.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.naming import named
from ui.common.retranslating import Retranslating

__all__ = ["OutOfOrderPanel"]


class OutOfOrderPanel(Retranslating, QWidget):
    """The service's message (Thai, English), a reason box and the two ways on.

    Signals:
        reason_given(str): the officer gave a reason (never empty).
        oldest_requested(): take the oldest waiting request instead.
    """

    reason_given = Signal(str)
    oldest_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OutOfOrderPage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 30, 40, 30)
        box = named(QFrame(), "OutOfOrderBox")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(20, 16, 20, 16)
        inner.setSpacing(10)
        self.title = named(QLabel(), "ComposerTitle")
        self.th_label = named(QLabel(), "OutOfOrderTh")
        self.en_label = named(QLabel(), "Muted")
        for label in (self.th_label, self.en_label):
            label.setWordWrap(True)
        inner.addWidget(self.title)
        inner.addWidget(self.th_label)
        inner.addWidget(self.en_label)
        self.reason_label = named(QLabel(), "FormLabel")
        inner.addWidget(self.reason_label)
        self.reason_edit = named(QLineEdit(), "OutOfOrderReason")
        self.reason_edit.setMaxLength(1000)
        self.reason_edit.returnPressed.connect(self.submit)
        inner.addWidget(self.reason_edit)
        buttons = QHBoxLayout()
        self.oldest_button = QPushButton()
        self.oldest_button.clicked.connect(self.oldest_requested)
        self.reason_button = named(QPushButton(), "Primary")
        self.reason_button.clicked.connect(self.submit)
        buttons.addWidget(self.oldest_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reason_button)
        inner.addLayout(buttons)
        outer.addWidget(box)
        outer.addStretch(1)
        self.retranslate()

    def ask(self, th: str, en: str) -> None:
        self.th_label.setText(th)
        self.en_label.setText(en)
        self.reason_edit.clear()
        self._tone("")

    def submit(self) -> None:
        reason = self.reason_edit.text().strip()
        if not reason:
            self._tone("error")
            self.reason_edit.setFocus()
            return
        self.reason_given.emit(reason)

    def _tone(self, tone: str) -> None:
        self.reason_edit.setProperty("tone", tone)
        self.reason_edit.style().unpolish(self.reason_edit)
        self.reason_edit.style().polish(self.reason_edit)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Older requests are waiting"))
        self.reason_label.setText(self.tr("Why must this request go first?"))
        self.reason_edit.setPlaceholderText(
            self.tr("For example: the applicant is at the counter now")
        )
        self.oldest_button.setText(self.tr("Take the oldest instead (Ctrl+Enter)"))
        self.reason_button.setText(self.tr("Open with this reason"))
