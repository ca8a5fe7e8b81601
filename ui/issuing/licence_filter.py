"""The search box and filters above "Licences issued": what the officer has in hand (a number,
a name typed in Thai, the holder's ID off a card), a status, a service, expiring soon.

It only gathers the choice: typing is waited out (:data:`TYPING_PAUSE_MS` after the last key,
so a Thai name typed whole is one query, not one per letter) and a choice in a list applies
at once; :attr:`query_did_change` then carries the :class:`~services.api.LicenceQuery` for
the page to run off the GUI thread. The services interpret it (an ID matched whole, words
anywhere in the name or subject); nothing is decided here.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from services.api import LICENCE_STATUS_FILTERS, IssuedService, LicenceQuery
from ui.common import i18n
from ui.common.naming import named
from ui.common.retranslating import Retranslating

__all__ = ["EXPIRING_DAYS", "TYPING_PAUSE_MS", "LicenceFilterBar"]

TYPING_PAUSE_MS = 350
EXPIRING_DAYS = 30


class LicenceFilterBar(Retranslating, QWidget):
    """Signals: query_did_change(LicenceQuery)."""

    query_did_change = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LicenceFilterBar")
        self._services: list[IssuedService] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.search = named(QLineEdit(), "LicenceSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(200)
        row.addWidget(self.search, 3)
        # The lists take what room there is and no more than a few words at least: sized to
        # their longest entry, they made the window's least width wider than a small screen
        # (an 800 px one could no longer keep a window narrower than itself).
        self.status = named(QComboBox(), "LicenceStatusFilter")
        self.service = named(QComboBox(), "LicenceServiceFilter")
        for box, letters in ((self.status, 4), (self.service, 5)):
            box.setMinimumContentsLength(letters)
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            row.addWidget(box, 1)
        self.expiring = named(QCheckBox(), "LicenceExpiringFilter")
        row.addWidget(self.expiring)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._announce)
        self.search.textChanged.connect(lambda _text: self._pause.start())
        self.search.returnPressed.connect(self._announce)  # Enter: no need to wait
        self.status.currentIndexChanged.connect(self._chosen)
        self.service.currentIndexChanged.connect(self._chosen)
        self.expiring.toggled.connect(self._chosen)
        self.retranslate()

    def query(self) -> LicenceQuery:
        return LicenceQuery(
            text=self.search.text(),
            status=str(self.status.currentData() or ""),
            service_code=str(self.service.currentData() or ""),
            expiring_within_days=EXPIRING_DAYS if self.expiring.isChecked() else None,
        )

    def is_filtered(self) -> bool:
        return self.query() != LicenceQuery()

    def set_services(self, services: list[IssuedService]) -> None:
        """The services licences were issued for (from the services), keeping the choice."""
        self._services = services
        self._fill_services()

    def _chosen(self, *_: object) -> None:
        self._pause.stop()
        self._announce()

    def _announce(self) -> None:
        self._pause.stop()
        self.query_did_change.emit(self.query())

    def _fill_services(self) -> None:
        chosen = str(self.service.currentData() or "")
        thai = i18n.current_language() == "th"
        self.service.blockSignals(True)
        self.service.clear()
        self.service.addItem(self.tr("All services"), "")
        for s in self._services:
            self.service.addItem(s.name_th if thai else s.name_en, s.code)
        self.service.setCurrentIndex(max(self.service.findData(chosen), 0))
        self.service.blockSignals(False)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Find a licence: number, licensee's name or ID number")
        )
        self.expiring.setText(self.tr("Expiring within {days} days").format(days=EXPIRING_DAYS))
        names = {
            "valid": self.tr("Valid"),
            "expired": self.tr("Expired"),
            "revoked": self.tr("Revoked"),
            "superseded": self.tr("Superseded (renewed)"),
            "paper": self.tr("Paper licences"),
        }
        chosen = str(self.status.currentData() or "")
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(self.tr("All statuses"), "")
        for code in LICENCE_STATUS_FILTERS:
            self.status.addItem(names.get(code, code), code)
        self.status.setCurrentIndex(max(self.status.findData(chosen), 0))
        self.status.blockSignals(False)
        self._fill_services()
