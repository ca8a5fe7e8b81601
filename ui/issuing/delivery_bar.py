"""The controls that deliver the chosen licence: by the request's channel unless the officer
chooses another (after a bounce, say), an e-mail optionally protected with a password, and
at the counter the name of who received it.

It only gathers the officer's choice and says which controls apply to the chosen licence;
the page runs the delivery (:class:`~ui.issuing.steps.IssuingSteps`) and the services decide.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.api import IssuedRow
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.issuing.channels import CHANNELS, channel_name

__all__ = ["DeliveryBar", "DeliveryChoice"]


class DeliveryChoice(NamedTuple):
    """What the officer chose for one delivery ("" channel: the request's own)."""

    protect: bool
    handed_to: str
    channel: str


class DeliveryBar(Retranslating, QWidget):
    """The protect box on its own row, then channel, receiver and "Deliver": the page must
    fit beside the queue pane in a small window (no row wider than the narrowest screen)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DeliveryBar")
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        self.protect = named(QCheckBox(), "ProtectCheck")
        rows.addWidget(self.protect)
        controls = QHBoxLayout()
        self.channel_choice = named(QComboBox(), "DeliveryChannel")
        controls.addWidget(self.channel_choice)
        self.handed_to = named(QLineEdit(), "HandedTo")
        self.handed_to.setMinimumWidth(160)
        controls.addWidget(self.handed_to, 1)
        self.deliver_button = named(QPushButton(), "Primary")
        controls.addWidget(self.deliver_button)
        rows.addLayout(controls)
        self.retranslate()

    def channel_for(self, doc: IssuedRow | None) -> str:
        """The channel the licence goes by: the one chosen, else the request's."""
        chosen = str(self.channel_choice.currentData() or "")
        return chosen or (doc.channel if doc is not None else "")

    def choice(self, doc: IssuedRow) -> DeliveryChoice:
        return DeliveryChoice(
            protect=self.protect.isChecked() and self.channel_for(doc) == "email",
            handed_to=self.handed_to.text(),
            channel=str(self.channel_choice.currentData() or ""),
        )

    def show_for(self, doc: IssuedRow | None, may_deliver: bool) -> None:
        """Enable what applies to ``doc``: only an undelivered, valid licence issued here."""
        open_doc = (
            doc is not None
            and doc.origin != "paper"  # issued on paper: nothing here to deliver
            and doc.delivered_at is None
            and doc.status == "valid"
        )
        channel = self.channel_for(doc)
        self.deliver_button.setEnabled(may_deliver and open_doc)
        self.channel_choice.setEnabled(open_doc)
        self.protect.setEnabled(open_doc and channel == "email")
        self.handed_to.setEnabled(open_doc and channel == "counter")

    def reset(self) -> None:
        """After a delivery: no receiver, and the next goes by its request's channel again."""
        self.handed_to.clear()
        self.channel_choice.setCurrentIndex(0)

    def retranslate(self) -> None:
        self.deliver_button.setText(self.tr("&Deliver"))
        self.protect.setText(self.tr("Protect the e-mail with a password"))
        chosen = self.channel_choice.currentIndex()
        self.channel_choice.blockSignals(True)
        self.channel_choice.clear()
        self.channel_choice.addItem(self.tr("By the request's channel"), "")
        for code in CHANNELS:
            self.channel_choice.addItem(channel_name(code), code)
        self.channel_choice.setCurrentIndex(max(chosen, 0))
        self.channel_choice.blockSignals(False)
        self.handed_to.setPlaceholderText(self.tr("Received at the counter by…"))
