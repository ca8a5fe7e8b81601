"""The last question before a destruction: what goes, under which order, and that it cannot
be undone. Cancel is the default (Enter and Esc both leave everything as it is); destroying
takes the red button itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QVBoxLayout, QWidget

from services.api.archive import ListSummary
from ui.common.dialog_body import add_dialog_heading
from ui.common.dialog_buttons import button_row, cancel_and_primary
from ui.common.naming import named
from ui.common.retranslating import Retranslating

__all__ = ["DestroyDialog"]


class DestroyDialog(Retranslating, QDialog):
    """Accepted: the officer confirmed the destruction of ``listing`` (its ``tracking``)."""

    def __init__(
        self, listing: ListSummary, tracking: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("DestroyDialog")
        self.setModal(True)
        self.setMinimumWidth(600)
        self._listing = listing
        body = QVBoxLayout(self)
        body.setContentsMargins(24, 20, 24, 16)
        body.setSpacing(10)
        self.heading = add_dialog_heading(body)
        self.heading.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.what.setTextFormat(Qt.TextFormat.PlainText)  # order texts are never markup
        body.addWidget(self.what)
        self.requests = named(QListWidget(), "DestroyRequests")
        self.requests.addItems(tracking)
        self.requests.setMaximumHeight(140)
        self.requests.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body.addWidget(self.requests)
        self.warning = named(QLabel(), "Warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("font-weight: bold; color: #a61b1b;")
        body.addWidget(self.warning)
        self.cancel_button, self.destroy_button = cancel_and_primary(self, self.accept)
        self.destroy_button.setObjectName("DangerButton")
        self.destroy_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        body.addLayout(button_row(self.cancel_button, self.destroy_button))
        self.retranslate()
        self.cancel_button.setFocus()

    def retranslate(self) -> None:
        listing = self._listing
        self.setWindowTitle(self.tr("Destroy the requests on a list"))
        self.heading.setText(
            self.tr("Destroy the {count} requests on destruction list {number}?").format(
                count=listing.requests - listing.destroyed - listing.kept, number=listing.number
            )
        )
        self.what.setText(
            self.tr(
                "By order {order} signed by {signer}. Each request's form data, message text "
                "and files are deleted; what stays is its tombstone (tracking number and "
                "dates), the list, and the audit events. A request worked on again since it "
                "was listed is not destroyed."
            ).format(order=listing.order_number, signer=listing.ordered_by)
        )
        self.warning.setText(
            self.tr(
                "This cannot be undone. Backups made before today still hold the files until "
                "the agency's backup media are rotated."
            )
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self.destroy_button.setText(self.tr("&Destroy them"))
