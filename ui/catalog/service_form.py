"""The form of one service: names, fee, SLA, risk, IAL, validity, lawful basis, purpose.

Saving sends the whole edited service to the services, which check the catalog with it
exactly as a catalog file is checked; every problem is listed here, in Thai and English, by
the field it is about, and nothing is changed until there are none.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from services.api import (
    FEE_DUE,
    LAWFUL_BASES,
    RISK_LEVELS,
    CatalogChange,
    CatalogError,
    CatalogPort,
    ServiceEdit,
    ServiceSpec,
    SignedInUser,
)
from ui.common import i18n
from ui.common.dialog_buttons import add_dialog_foot
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner

__all__ = ["ServiceFormDialog"]

_FALLBACK = (
    "บันทึกไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "This could not be saved because of an internal error. Please tell your administrator.",
)


class ServiceFormDialog(Retranslating, QDialog):
    """Edit one service of catalog version ``base``.

    Signals:
        service_did_change(object): the :class:`~services.api.CatalogChange` saved.
    """

    service_did_change = Signal(object)

    def __init__(
        self,
        port: CatalogPort,
        runner: TaskRunner,
        user: SignedInUser,
        spec: ServiceSpec,
        base: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ServiceFormDialog")
        self.setModal(True)
        self.setMinimumWidth(720)
        self._port, self._runner, self._user = port, runner, user
        self._spec, self._base = spec, base
        self._busy = False

        body = QVBoxLayout(self)
        body.setContentsMargins(24, 20, 24, 16)
        self.heading = named(QLabel(), "SectionTitle")
        self.heading.setWordWrap(True)
        body.addWidget(self.heading)
        form = self.form = QFormLayout()
        self.name_th = QLineEdit(spec.name_th)
        self.name_en = QLineEdit(spec.name_en)
        for line in (self.name_th, self.name_en):
            line.setCursorPosition(0)  # long names: show their beginning
        self.fee = QDoubleSpinBox()
        self.fee.setDecimals(2)
        self.fee.setRange(0, 10_000_000)
        self.fee.setGroupSeparatorShown(True)
        self.fee.setValue(spec.fee.amount_satang / 100)
        self.fee_due = QComboBox()
        for code in FEE_DUE:
            self.fee_due.addItem("", code)
        self.fee_due.setCurrentIndex(list(FEE_DUE).index(spec.fee.due))
        self.sla = QSpinBox()
        self.sla.setRange(0, 365)  # 0 is refused by the catalog's rule, with its message
        self.sla.setValue(spec.sla_business_days)
        self.risk = QComboBox()
        for code in RISK_LEVELS:
            self.risk.addItem("", code)
        self.risk.setCurrentIndex(list(RISK_LEVELS).index(spec.risk_level))
        self.ial = QSpinBox()
        self.ial.setRange(1, 3)
        self.ial.setValue(spec.ial)
        self.validity = QSpinBox()
        self.validity.setRange(0, 3650)
        self.validity.setValue(spec.validity_days or 0)
        self.lawful_basis = QComboBox()
        for code in LAWFUL_BASES:
            self.lawful_basis.addItem("", code)
        self.lawful_basis.setCurrentIndex(list(LAWFUL_BASES).index(spec.lawful_basis))
        self.purpose_th = QPlainTextEdit(spec.purpose_th)
        self.purpose_en = QPlainTextEdit(spec.purpose_en)
        for box in (self.purpose_th, self.purpose_en):
            box.setTabChangesFocus(True)
            box.setFixedHeight(56)
        self._labels: list[tuple[QLabel, str]] = []
        for key, widget in (
            ("name_th", self.name_th),
            ("name_en", self.name_en),
            ("fee", self.fee),
            ("fee_due", self.fee_due),
            ("sla", self.sla),
            ("risk", self.risk),
            ("ial", self.ial),
            ("validity", self.validity),
            ("lawful_basis", self.lawful_basis),
            ("purpose_th", self.purpose_th),
            ("purpose_en", self.purpose_en),
        ):
            label = QLabel()
            label.setBuddy(widget)
            self._labels.append((label, key))
            form.addRow(label, widget)
        body.addLayout(form)
        self.problems_title = named(QLabel(), "ErrorTh")
        self.problems = named(QListWidget(), "CatalogProblems")
        self.problems.setWordWrap(True)
        self.problems_title.hide()
        self.problems.hide()
        body.addWidget(self.problems_title)
        body.addWidget(self.problems)
        foot = add_dialog_foot(self, body, self.submit)
        self.error, self.cancel_button, self.save_button = foot.error, foot.cancel, foot.primary
        self.retranslate()

    def retranslate(self) -> None:
        thai = i18n.current_language() == "th"
        name = self._spec.name_th if thai else self._spec.name_en
        self.setWindowTitle(self.tr("Edit service"))
        self.heading.setText(
            self.tr("Edit service {code}: {name}").format(code=self._spec.code, name=name)
        )
        texts = {
            "name_th": self.tr("Name (&Thai)"),
            "name_en": self.tr("Name (&English)"),
            "fee": self.tr("&Fee (baht)"),
            "fee_due": self.tr("Fee &paid"),
            "sla": self.tr("&Service level (business days)"),
            "risk": self.tr("&Risk level"),
            "ial": self.tr("&Identity level (IAL)"),
            "validity": self.tr("&Valid for (days, 0 = no expiry)"),
            "lawful_basis": self.tr("&Lawful basis (PDPA)"),
            "purpose_th": self.tr("Purpose (Thai)"),
            "purpose_en": self.tr("Purpose (English)"),
        }
        for label, key in self._labels:
            label.setText(texts[key])
        dues = {
            "none": self.tr("No fee"),
            "at_submission": self.tr("When the request is registered"),
            "before_approval": self.tr("Before approval"),
            "before_issue": self.tr("Before the licence is issued"),
        }
        for index in range(self.fee_due.count()):
            self.fee_due.setItemText(index, dues[self.fee_due.itemData(index)])
        risks = {
            "standard": self.tr("Standard (signature type 1)"),
            "advanced": self.tr("Advanced (signature type 2)"),
            "sensitive": self.tr("Sensitive (signature type 3)"),
        }
        for index in range(self.risk.count()):
            self.risk.setItemText(index, risks[self.risk.itemData(index)])
        for index in range(self.lawful_basis.count()):
            th, en = LAWFUL_BASES[self.lawful_basis.itemData(index)]
            self.lawful_basis.setItemText(index, th if thai else en)
        self.problems_title.setText(self.tr("Nothing was saved. Correct these and save again:"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.save_button.setText(self.tr("&Save as a new catalog version"))

    # -- saving -------------------------------------------------------------------------

    def edit(self) -> ServiceEdit:
        # The spin box holds baht with two decimals; the catalog counts whole satang.
        satang = int((Decimal(str(self.fee.value())) * 100).to_integral_value())
        return ServiceEdit(
            code=self._spec.code,
            name_th=self.name_th.text().strip(),
            name_en=self.name_en.text().strip(),
            fee_satang=satang,
            fee_due=str(self.fee_due.currentData()),
            sla_business_days=self.sla.value(),
            ial=self.ial.value(),
            risk_level=str(self.risk.currentData()),
            validity_days=self.validity.value() or None,
            lawful_basis=str(self.lawful_basis.currentData()),
            purpose_th=self.purpose_th.toPlainText().strip(),
            purpose_en=self.purpose_en.toPlainText().strip(),
        )

    def submit(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.save_button.setEnabled(False)
        self.error.clear()
        port, user, base, edit = self._port, self._user, self._base, self.edit()
        self._runner.run(
            lambda: port.save_service(user, base, edit), self._done, owner=self, label="service"
        )

    def _done(self, change: CatalogChange | None, error: BaseException | None) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        if isinstance(error, CatalogError):
            self.show_problems(error)
            return
        self.problems.hide()
        self.problems_title.hide()
        if error is not None or change is None:
            self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
            return
        self.service_did_change.emit(change)
        self.accept()

    def show_problems(self, error: CatalogError) -> None:
        """Each problem by its field, Thai line then English line (the line numbers of a
        file mean nothing in a form)."""
        self.problems.clear()
        for problem in error.problems:
            where = f"[{problem.field}] " if problem.field else ""
            self.problems.addItem(f"{where}{problem.th}\n{problem.en}")
        self.problems_title.show()
        self.problems.show()
        self.problems.setMinimumHeight(min(220, 64 * len(error.problems) + 8))

    def problem_texts(self) -> list[str]:
        return [self.problems.item(i).text() for i in range(self.problems.count())]
