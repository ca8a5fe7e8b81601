"""The search box and filters above "Licences issued": what the officer has in hand (a number,
a name typed in Thai, the holder's ID off a card), a status, a service, expiring soon; and on a
second row a range of days the licences were issued or expire in (which of the two is chosen in
a list; a bound left empty does not limit), typed in date fields that read the Buddhist year in
Thai. The services count those days in Bangkok. A date typed that is no date, or a range
ending before it starts, is said under the row in Thai and English and nothing is searched
until it is corrected (a search silently without that bound would show the wrong licences).

It only gathers the choice: typing is waited out (:data:`TYPING_PAUSE_MS` after the last key,
so a Thai name typed whole is one query, not one per letter) and a choice in a list applies
at once; :attr:`query_did_change` then carries the :class:`~services.api.LicenceQuery` for
the page to run off the GUI thread. The services interpret it (an ID matched whole, words
anywhere in the name or subject); nothing is decided here.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from services.api import LICENCE_STATUS_FILTERS, IssuedService, LicenceQuery
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.thai_date_edit import ThaiDateEdit

__all__ = ["DATE_KINDS", "EXPIRING_DAYS", "TYPING_PAUSE_MS", "LicenceFilterBar"]

TYPING_PAUSE_MS = 350
EXPIRING_DAYS = 30
DATE_KINDS = ("issued", "expires")
"""What the range of days limits: the day a licence was issued, or the day it expires."""


class LicenceFilterBar(Retranslating, QWidget):
    """Signals: query_did_change(LicenceQuery)."""

    query_did_change = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LicenceFilterBar")
        self._services: list[IssuedService] = []
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(4)
        row = QHBoxLayout()
        rows.addLayout(row)
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
        # The range on a row of its own: beside the rest it would not fit a small window.
        dates = QHBoxLayout()
        rows.addLayout(dates)
        self.date_kind = named(QComboBox(), "LicenceDateKind")
        self.date_kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.date_from = named(ThaiDateEdit(may_be_empty=True), "LicenceDateFrom")
        self.date_to = named(ThaiDateEdit(may_be_empty=True), "LicenceDateTo")
        self.date_dash = QLabel("\u2013")  # an en dash: "from – to" in either language
        dates.addWidget(self.date_kind)
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_dash)
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        self.date_error = ErrorBox()
        rows.addWidget(self.date_error)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._announce)
        self.search.textChanged.connect(lambda _text: self._pause.start())
        self.search.returnPressed.connect(self._announce)  # Enter: no need to wait
        self.status.currentIndexChanged.connect(self._chosen)
        self.service.currentIndexChanged.connect(self._chosen)
        self.expiring.toggled.connect(self._chosen)
        self.date_kind.currentIndexChanged.connect(self._chosen)
        for field in (self.date_from, self.date_to):
            # A whole date typed (or picked) is waited out like the search text; Enter or
            # leaving the field searches at once, or says what is wrong with it.
            field.dateChanged.connect(lambda _day: self._pause.start())
            field.editingFinished.connect(self._announce)
        self.retranslate()

    def open_popups_on(self, day: date) -> None:
        """The month the empty date fields' calendars open on (the agency's today)."""
        self.date_from.open_popup_on(day)
        self.date_to.open_popup_on(day)

    def query(self) -> LicenceQuery:
        first, last = self.date_from.day_or_none(), self.date_to.day_or_none()
        issued = self.date_kind.currentData() != "expires"
        return LicenceQuery(
            text=self.search.text(),
            status=str(self.status.currentData() or ""),
            service_code=str(self.service.currentData() or ""),
            expiring_within_days=EXPIRING_DAYS if self.expiring.isChecked() else None,
            issued_from=first if issued else None,
            issued_to=last if issued else None,
            expires_from=None if issued else first,
            expires_to=None if issued else last,
        )

    def problem(self) -> tuple[str, str] | None:
        """What is wrong with the range typed, in Thai and English (None: nothing)."""
        for field, th, en in (
            (self.date_from, "วันแรกของช่วง", "The first day of the range"),
            (self.date_to, "วันสุดท้ายของช่วง", "The last day of the range"),
        ):
            problem = field.problem(th, en)
            if problem is not None:
                return problem
        first, last = self.date_from.day_or_none(), self.date_to.day_or_none()
        if first is not None and last is not None and first > last:
            return (
                "ช่วงวันที่เริ่มหลังวันสุดท้าย — ตรวจวันที่ทั้งสองช่อง",
                "The range starts after its last day: check both dates.",
            )
        return None

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
        problem = self.problem()
        if problem is not None:
            self.date_error.show_message(*problem)
            return  # searched once it is corrected
        self.date_error.clear()
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
        kinds = {"issued": self.tr("Issued from"), "expires": self.tr("Expiring from")}
        chosen_kind = str(self.date_kind.currentData() or "issued")
        self.date_kind.blockSignals(True)
        self.date_kind.clear()
        for code in DATE_KINDS:
            self.date_kind.addItem(kinds[code], code)
        self.date_kind.setCurrentIndex(max(self.date_kind.findData(chosen_kind), 0))
        self.date_kind.blockSignals(False)
        self.date_from.lineEdit().setPlaceholderText(self.tr("any day"))
        self.date_to.lineEdit().setPlaceholderText(self.tr("any day"))
        self.date_from.setToolTip(self.tr("The first day, day/month/year; empty: no limit"))
        self.date_to.setToolTip(self.tr("The last day, day/month/year; empty: no limit"))
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
