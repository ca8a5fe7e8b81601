"""Record the head of the agency's order on a destruction list: its number, who signed it and
the day it is dated, typed as they stand on the signed paper (Thai, the date as 5/1/2570 in a
date field that reads the Buddhist year in Thai; it starts empty, so no date is proposed that
the order does not say, and a typed text that is no date is named before anything is sent).

The services check it and record it once (one conditional UPDATE): an order already recorded
on the list, an order number used on another list, a date in the future are refused, and the
message shows in the dialog in Thai and English with what was typed kept.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget

from services.api import SignedInUser
from services.api.archive import ArchivePort
from ui.common.dialog_body import add_dialog_heading, add_labelled_fields
from ui.common.dialog_buttons import add_dialog_foot
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.common.thai_date_edit import ThaiDateEdit

__all__ = ["OrderDialog"]

_FALLBACK = (
    "บันทึกคำสั่งไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ ลองอีกครั้ง หากยังไม่ได้ให้แจ้งผู้ดูแลระบบ",
    "The order could not be recorded because of an internal error. Try again; if it keeps "
    "failing, tell your administrator.",
)


class OrderDialog(Retranslating, QDialog):
    """Accepted once the services recorded the order on list ``number``."""

    def __init__(
        self,
        port: ArchivePort,
        runner: TaskRunner,
        user: SignedInUser,
        number: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("OrderDialog")
        self.setModal(True)
        self.setMinimumWidth(560)
        self._port, self._runner, self._user, self.number = port, runner, user, number
        body = QVBoxLayout(self)
        body.setContentsMargins(24, 20, 24, 16)
        self.heading = add_dialog_heading(body)
        self.order_number = named(QLineEdit(), "OrderNumber")
        self.ordered_by = named(QLineEdit(), "OrderedBy")
        self.ordered_on = named(ThaiDateEdit(may_be_empty=True), "OrderedOn")
        self.ordered_on.open_popup_on(port.today())
        self.order_number.setMaxLength(100)
        self.ordered_by.setMaxLength(300)
        self._labels = add_labelled_fields(
            body, (self.order_number, self.ordered_by, self.ordered_on)
        )
        foot = add_dialog_foot(self, body, self.record)
        self.error, self.cancel_button, self.record_button = foot.error, foot.cancel, foot.primary
        self.retranslate()
        self.order_number.setFocus()

    def record(self) -> None:
        port, user, number = self._port, self._user, self.number
        self.error.clear()
        problem = self.ordered_on.problem("วันที่ของคำสั่ง", "The order's date")
        if problem is not None:
            self.error.show_message(*problem)
            self._grow_to_fit()
            self.ordered_on.setFocus()
            return
        typed = (self.order_number.text(), self.ordered_by.text(), self.ordered_on.iso())
        self.record_button.setEnabled(False)

        def done(_: object, error: BaseException | None) -> None:
            self.record_button.setEnabled(True)
            if error is not None:
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                self._grow_to_fit()
                return  # what was typed stays, to be corrected
            self.accept()

        self._runner.run(
            lambda: port.record_typed_order(user, number, *typed),
            done,
            owner=self,
            label="retention.order",
        )

    def _grow_to_fit(self) -> None:
        """Taller by the error box, so the fields keep their height (never narrower)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Record the head of the agency's order"))
        self.heading.setText(
            self.tr(
                "Destruction list {number}: type the order of the head of the agency that "
                "allows it, as it stands on the signed paper. It is recorded once, with your "
                "name, and cannot be changed afterwards."
            ).format(number=self.number)
        )
        texts = (self.tr("Order &number:"), self.tr("&Signed by:"), self.tr("&Dated:"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.order_number.setPlaceholderText(self.tr("As on the order, e.g. 12/2570"))
        self.ordered_by.setPlaceholderText(self.tr("The head of the agency who signed it"))
        self.ordered_on.lineEdit().setPlaceholderText(self.tr("Day/month/year, e.g. 5/1/2027"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.record_button.setText(self.tr("&Record the order"))
