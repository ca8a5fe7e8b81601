"""The box that tells the counter officer the request is in: "Request registered — No.",
the new tracking number large, and "Copy number" / "Print receipt…".

A part of :class:`~ui.intake.counter_form.CounterForm` kept apart so the form stays about
the applicant and the request. Its words are in the form's translation context
("CounterForm"), so the Thai catalogue keeps its entries.

The number is read out to the applicant and copied: it is never elided nor broken at a dash.
It has the box's whole width (the buttons sit on the line below) and the box is never
narrower than the number, so a long one ("XXX-ST1-2569-000001") stays whole in either
language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common.naming import named

__all__ = ["CounterResult"]


class CounterResult(QFrame):
    """Hidden until :meth:`show_number`; the form connects the two buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SuccessBox")
        self._number = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.setSpacing(2)
        self.lead = named(QLabel(), "SuccessLead")
        self.lead.setWordWrap(True)
        layout.addWidget(self.lead)
        self.number_label = named(QLabel(), "SuccessText")
        self.number_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout.addWidget(self.number_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.copy_button = QPushButton()
        self.print_button = QPushButton()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.hide()

    def show_number(self, number: str) -> None:
        self._number = number
        self.number_label.setText(number)
        # Its own width from its text: the layout may squeeze a label, never this one (the
        # style sheet's large font first, else the width is the small font's).
        self.number_label.ensurePolished()
        self.number_label.setMinimumWidth(self.number_label.sizeHint().width())
        self.retranslate()
        self.show()

    def text(self) -> str:
        """ "รับเรื่องแล้ว เลขที่ <number>" as shown ("" when hidden)."""
        if not self._number:
            return ""
        return f"{self.lead.text()} {self.number_label.text()}"

    def retranslate(self) -> None:
        # Literal calls, so lupdate finds them in the form's context.
        self.lead.setText(QCoreApplication.translate("CounterForm", "Request registered — No."))
        self.copy_button.setText(QCoreApplication.translate("CounterForm", "Copy number"))
        self.print_button.setText(QCoreApplication.translate("CounterForm", "Print receipt…"))
        self.print_button.setToolTip(
            QCoreApplication.translate(
                "CounterForm",
                "The receipt for the applicant: tracking number, due date, how to follow up",
            )
        )
