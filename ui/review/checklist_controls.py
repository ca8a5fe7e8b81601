"""The controls of the current checklist row: where the document was found (document and
page), the three verdicts, and the reason box.

Only the row the officer is on shows them, so a row builds its controls the first time it
becomes current (:class:`~ui.review.checklist.ChecklistRow`): a checklist of twelve items
opens with one set of controls instead of twelve, which is most of what opening a request
used to cost on the GUI thread. Words are in the "ChecklistRow" translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from services.api import Verdict
from ui.common.form_widgets import ElidingComboBox
from ui.common.naming import named

__all__ = ["RowControls"]


class RowControls(QWidget):
    """The widgets only; the row connects them and decides what they show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChecklistControls")
        controls = QVBoxLayout(self)
        controls.setContentsMargins(0, 4, 0, 0)
        controls.setSpacing(6)
        link = QHBoxLayout()
        link.setSpacing(6)
        self.document_label = named(QLabel(), "FormLabel")
        link.addWidget(self.document_label)
        self.document_combo = ElidingComboBox()
        self.document_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document_combo.setMinimumContentsLength(10)
        self.document_combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        link.addWidget(self.document_combo, 1)
        self.page_label = named(QLabel(), "FormLabel")
        link.addWidget(self.page_label)
        self.page_spin = QSpinBox()
        self.page_spin.setRange(0, 9999)
        self.page_spin.setSpecialValueText("–")
        self.page_spin.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.page_spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.page_spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_spin.setFixedWidth(52)
        link.addWidget(self.page_spin)
        controls.addLayout(link)

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.accept_button = named(QPushButton(), "AcceptButton")
        self.reject_button = named(QPushButton(), "RejectButton")
        self.na_button = named(QPushButton(), "NotApplicableButton")
        self.verdict_buttons = (
            (self.accept_button, Verdict.ACCEPTED),
            (self.reject_button, Verdict.REJECTED),
            (self.na_button, Verdict.NOT_APPLICABLE),
        )
        for button, _verdict in self.verdict_buttons:
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)
        controls.addLayout(buttons)

        reason_row = QHBoxLayout()
        reason_row.setSpacing(6)
        self.reason_edit = named(QLineEdit(), "ReasonEdit")
        self.reason_edit.setMaxLength(1000)
        reason_row.addWidget(self.reason_edit, 1)
        self.reason_save = named(QPushButton(), "Primary")
        self.reason_save.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        reason_row.addWidget(self.reason_save)
        self.reason_box = QWidget()
        self.reason_box.setLayout(reason_row)
        reason_row.setContentsMargins(0, 0, 0, 0)
        self.reason_box.hide()
        controls.addWidget(self.reason_box)
        self.retranslate()

    def retranslate(self) -> None:
        self.document_label.setText(QCoreApplication.translate("ChecklistRow", "Found in"))
        self.page_label.setText(QCoreApplication.translate("ChecklistRow", "page"))
        self.accept_button.setText(QCoreApplication.translate("ChecklistRow", "Accept  A"))
        self.reject_button.setText(QCoreApplication.translate("ChecklistRow", "Reject  R"))
        self.na_button.setText(QCoreApplication.translate("ChecklistRow", "Not applicable  N"))
        self.accept_button.setToolTip(
            QCoreApplication.translate(
                "ChecklistRow", "Accept, linked to the document and page on screen (A)"
            )
        )
        self.reject_button.setToolTip(
            QCoreApplication.translate("ChecklistRow", "Reject, with the reason (R)")
        )
        self.na_button.setToolTip(
            QCoreApplication.translate("ChecklistRow", "Does not apply to this request (N)")
        )
        self.reason_save.setText(QCoreApplication.translate("ChecklistRow", "Save"))

    def set_reason_hint(self, verdict: Verdict) -> None:
        self.reason_edit.setPlaceholderText(
            QCoreApplication.translate(
                "ChecklistRow",
                "Why is it rejected? The applicant is told this. Enter saves, Esc cancels",
            )
            if verdict == Verdict.REJECTED
            else QCoreApplication.translate(
                "ChecklistRow", "Why does it not apply? Enter saves, Esc cancels"
            )
        )
