"""Identity proofing and powers of attorney: the checks the service's IAL asks for.

Every service needs the ID document checked as genuine (how, on which document and page);
at IAL3 the applicant is proofed face to face, at the counter or by video call; from IAL2 the
photo and details are compared and the applicant is called back. A company applicant adds its
certificate and who may sign for it. When a proxy applies (the form says so, or the checklist
holds delegation documents) the stamp duty on the power of attorney, a call to the grantor,
and for a company the grantor's authority are checked too. Which cards show, which are MUST,
and where "not applicable" is refused all come from the services (``ApplicationDetail``).
Each card records one verdict through the review screen (``check_requested``); the document
on screen is the evidence; the service decides what the verdict needs and says so if missing.

ID numbers typed here (read off the card, or the grantor's) are checked for their check
digit as they are typed; they help the officer compare and are not stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from services.api import (
    BANGKOK,
    AnuyatError,
    ApplicationDetail,
    IdentityCheckKind,
    IdentityCheckRow,
    Verdict,
    normalize_national_id,
)
from ui.common import i18n
from ui.common.formatting import format_date
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.thai_date_edit import ThaiDateEdit
from ui.review.checklist import verdict_label
from ui.review.marks import Pill, VerdictMark

__all__ = ["IDENTITY_ORDER", "IdNumberCheck", "IdentityCard", "IdentityPanel", "check_satisfied"]

IDENTITY_ORDER = tuple(IdentityCheckKind)  # the service's order
# Checks whose evidence is a document: the one on screen is linked when recording.
LINKS_DOCUMENT = frozenset(
    {
        IdentityCheckKind.ID_DOCUMENT_GENUINE,
        IdentityCheckKind.PHOTO_CONSISTENT,
        IdentityCheckKind.JURISTIC_CERTIFICATE,
        IdentityCheckKind.JURISTIC_SIGNATORY,
        IdentityCheckKind.POA_STAMP_DUTY,
        IdentityCheckKind.POA_GRANTOR_AUTHORITY,
    }
)


def check_satisfied(row: IdentityCheckRow | None) -> bool:
    """As the service counts it (it says so on each recorded row)."""
    return row is not None and row.satisfied


def required_kinds(detail: ApplicationDetail, *, show_poa: bool) -> tuple[IdentityCheckKind, ...]:
    """The checks the service requires; with ``show_poa``, those a proxy would need."""
    return detail.delegation_checks if show_poa else detail.required_checks


class IdNumberCheck(QWidget):
    """A 13-digit ID typed to compare with a card: the check digit is tested as it is typed.

    ``expected_masked`` (e.g. ``X-XXXX-XXXXX-56-3``) adds "matches the application" when the
    visible digits agree.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = named(QLineEdit(), "IdNumberEdit")
        self.edit.setMaxLength(20)
        self.edit.textChanged.connect(self._check)
        layout.addWidget(self.edit)
        self.hint = named(QLabel(), "Hint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        layout.addWidget(self.hint)
        self._expected = ""
        self.valid: bool | None = None

    def set_expected(self, masked: str) -> None:
        self._expected = masked
        self._check(self.edit.text())

    def _check(self, text: str) -> None:
        if not text.strip():
            self.valid = None
            self._tone("")
            self.hint.hide()
            return
        try:
            digits = normalize_national_id(text)
        except AnuyatError as error:
            self.valid = False
            self._tone("error")
            self.hint.setText(error.th if i18n.current_language() == "th" else error.en)
            self.hint.show()
            return
        self.valid = True
        self._tone("ok")
        message = self.tr("The check digit is right.")
        shown = [(i, c) for i, c in enumerate(self._expected.replace("-", "")) if c.isdigit()]
        if shown and len(self._expected.replace("-", "")) == 13:
            if all(digits[i] == c for i, c in shown):
                message += " " + self.tr("It matches the number in the application.")
            else:
                message = self.tr("The check digit is right, but the number differs from the one "
                                  "in the application.")  # fmt: skip
                self._tone("error")
        self.hint.setText(message)
        self.hint.show()

    def _tone(self, tone: str) -> None:
        for widget in (self.edit, self.hint):
            widget.setProperty("tone", tone)
            widget.style().unpolish(widget)
            widget.style().polish(widget)


def _call_time() -> QDateTimeEdit:
    """A call's day and time; its value and latest moment come from :meth:`IdentityCard.
    start_from` (the services' clock)."""
    edit = QDateTimeEdit()
    # Day, month and time: the year of a call just made is this year, and showing it would
    # mean choosing between the Buddhist and the Christian era in one small box.
    edit.setDisplayFormat("d/M  HH:mm")
    edit.setCalendarPopup(True)
    return edit


class IdentityCard(QFrame):
    """One check: its name, what was recorded, the fields it needs, and the three verdicts.

    Signals:
        check_requested(str, str, dict): (kind, verdict, data) to record.
    """

    check_requested = Signal(str, str, dict)

    def __init__(self, kind: IdentityCheckKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("IdentityCard")
        self.kind = kind
        self.row: IdentityCheckRow | None = None
        self._editable = True
        self._must = False
        self._na_refused = False
        self._required = False
        self._max_months = 6
        self._viewing = ""
        self._fields: dict[str, Callable[[], str]] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 10)
        outer.setSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(8)
        self.mark = VerdictMark()
        top.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        self.title = named(QLabel(), "ChecklistName")
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top.addWidget(self.title, 1)
        self.level_pill = Pill()
        top.addWidget(self.level_pill, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self.summary = named(QLabel(), "ChecklistSummary")
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        outer.addWidget(self.summary)

        self.form = QFormLayout()
        self.form.setHorizontalSpacing(10)
        self.form.setVerticalSpacing(6)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels: dict[str, QLabel] = {}
        self._build_fields()
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(1000)
        self._add_row("reason", self.reason_edit, lambda: self.reason_edit.text())
        outer.addLayout(self.form)

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.accept_button = named(QPushButton(), "AcceptButton")
        self.reject_button = named(QPushButton(), "RejectButton")
        self.na_button = named(QPushButton(), "NotApplicableButton")
        for button, verdict in (
            (self.accept_button, Verdict.ACCEPTED),
            (self.reject_button, Verdict.REJECTED),
            (self.na_button, Verdict.NOT_APPLICABLE),
        ):
            button.clicked.connect(lambda _=False, v=verdict: self._request(v))
            buttons.addWidget(button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.retranslate()

    # -- fields -------------------------------------------------------------------------

    def _add_row(self, key: str, widget: QWidget, value: Callable[[], str] | None) -> None:
        label = named(QLabel(), "FormLabel")
        label.setWordWrap(True)
        label.setFixedWidth(112)  # the same column in every card, so the cards line up
        self._labels[key] = label
        self.form.addRow(label, widget)
        if value is not None:
            self._fields[key] = value

    def _line(self, key: str, max_length: int = 200) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(max_length)
        self._add_row(key, edit, lambda: edit.text().strip())
        return edit

    def _build_fields(self) -> None:
        kind = self.kind
        if kind in LINKS_DOCUMENT:
            self.evidence = named(QLabel(), "Muted")
            self.evidence.setWordWrap(True)
            self._add_row("evidence", self.evidence, None)
        if kind == IdentityCheckKind.ID_DOCUMENT_GENUINE:
            self.method = QComboBox()
            for code in ("visual", "card_reader", "dopa_online"):
                self.method.addItem("", code)
            self.method.currentIndexChanged.connect(self._method_changed)
            self._add_row("method", self.method, lambda: self.method.currentData() or "")
            self.dopa_ref = self._line("dopa_ref", 40)
            self.id_check = IdNumberCheck()
            self._add_row("id_check", self.id_check, None)
            self._method_changed()
        elif kind == IdentityCheckKind.FACE_TO_FACE:
            self.how = QComboBox()
            self.how.addItem("", "counter")
            self.how.addItem("", "video_call")
            self._add_row("how", self.how, lambda: self.how.currentData() or "")
            self.officer = self._line("officer")
            self.at = _call_time()
            self._add_row("at", self.at, lambda: self.at.dateTime().toString("yyyy-MM-ddTHH:mm"))
        elif kind == IdentityCheckKind.JURISTIC_CERTIFICATE:
            self.issued_on = ThaiDateEdit()  # today and the latest day: start_from
            self._add_row(
                "issued_on", self.issued_on, lambda: self.issued_on.date().toString("yyyy-MM-dd")
            )
        elif kind == IdentityCheckKind.JURISTIC_SIGNATORY:
            self.signatories = self._line("signatories", 500)
            self.signing = QComboBox()
            self.signing.addItem("", "alone")
            self.signing.addItem("", "jointly")
            self.signing.currentIndexChanged.connect(self._signing_changed)
            self._add_row("signing", self.signing, lambda: self.signing.currentData() or "")
            self.joint_count = QSpinBox()
            self.joint_count.setRange(2, 20)
            self._add_row(
                "joint_count",
                self.joint_count,
                lambda: (
                    str(self.joint_count.value()) if self.signing.currentData() == "jointly" else ""
                ),
            )
            self.signed_by = self._line("signed_by", 500)
            self._signing_changed()
        elif kind == IdentityCheckKind.POA_GRANTOR_AUTHORITY:
            self.signed_by = self._line("signed_by", 500)
        elif kind == IdentityCheckKind.CALLBACK:
            self.channel = QComboBox()
            self.channel.addItem("", "phone")
            self.channel.addItem("", "email")
            self._add_row("channel", self.channel, lambda: self.channel.currentData() or "")
            self.contact = self._line("contact")
            self.at = _call_time()
            self._add_row("at", self.at, lambda: self.at.dateTime().toString("yyyy-MM-ddTHH:mm"))
            self.result = self._line("result", 500)
        elif kind == IdentityCheckKind.POA_STAMP_DUTY:
            self.way = QComboBox()
            for code in ("estamp_ref", "duty_paid_baht", "stamps_affixed_baht"):
                self.way.addItem("", code)
            self.way.currentIndexChanged.connect(self._way_changed)
            self._add_row("way", self.way, None)
            self.duty_value = QLineEdit()
            self.duty_value.setMaxLength(40)
            self._add_row("duty_value", self.duty_value, None)
            self.receipt = self._line("receipt_no", 40)
            self._way_changed()
        elif kind == IdentityCheckKind.POA_GRANTOR_CALL:
            self.grantor_name = self._line("grantor_name")
            self.grantor_id = IdNumberCheck()
            self._add_row("grantor_id", self.grantor_id, None)
            self.phone = self._line("phone", 30)
            self.at = _call_time()
            self._add_row("at", self.at, lambda: self.at.dateTime().toString("yyyy-MM-ddTHH:mm"))
            self.result = self._line("result", 500)
        self.note = self._line("note", 500)

    def _method_changed(self, *_: object) -> None:
        dopa = self.method.currentData() == "dopa_online"
        self.dopa_ref.setVisible(dopa)
        self._labels["dopa_ref"].setVisible(dopa)

    def _signing_changed(self, *_: object) -> None:
        jointly = self.signing.currentData() == "jointly"
        self.joint_count.setVisible(jointly)
        self._labels["joint_count"].setVisible(jointly)

    def set_viewing(self, text: str) -> None:
        """What the viewer shows, recorded as the evidence when this check is accepted."""
        self._viewing = text
        if self.kind in LINKS_DOCUMENT:
            self._retranslate_evidence()

    def set_officer(self, name: str) -> None:
        """The signed-in officer, as who proofed the applicant face to face (editable)."""
        if self.kind == IdentityCheckKind.FACE_TO_FACE and not self.officer.text():
            self.officer.setText(name)

    def _way_changed(self, *_: object) -> None:
        money = self.way.currentData() == "duty_paid_baht"
        self.receipt.setVisible(money)
        self._labels["receipt_no"].setVisible(money)
        self._retranslate_way()

    def data(self, verdict: Verdict) -> dict[str, str]:
        """The fields as the service expects them (empty ones left out)."""
        values = {key: read() for key, read in self._fields.items()}
        if self.kind == IdentityCheckKind.POA_STAMP_DUTY:
            way = self.way.currentData() or "estamp_ref"
            values[way] = self.duty_value.text().strip()
            if way != "duty_paid_baht":
                values.pop("receipt_no", None)
        if (
            self.kind == IdentityCheckKind.ID_DOCUMENT_GENUINE
            and self.method.currentData() != "dopa_online"
        ):
            values.pop("dopa_ref", None)
        if verdict == Verdict.ACCEPTED:
            values.pop("reason", None)
        return {k: v for k, v in values.items() if v}

    def _request(self, verdict: Verdict) -> None:
        self.check_requested.emit(self.kind, verdict, self.data(verdict))

    # -- state --------------------------------------------------------------------------

    def set_row(
        self,
        row: IdentityCheckRow | None,
        *,
        required: bool,
        editable: bool,
        must: bool = False,
        na_refused: bool = False,
        max_months: int = 6,
    ) -> None:
        """Show ``row``; ``must`` / ``na_refused`` / ``max_months`` as the services say."""
        self.row = row
        self._editable = editable
        self._required = required
        self._must = must
        self._na_refused = na_refused
        self._max_months = max_months
        self.mark.set_verdict(row.verdict if row else None)
        self.set_busy(False)
        self.na_button.setVisible(not na_refused)
        if row is not None:
            self._fill_from(row.data)
        self.retranslate()

    def start_from(self, now: datetime) -> None:
        """The agency's ``now`` (the services' clock in Bangkok, read as a request opens): the
        call time proposed and the latest one taken, the certificate's latest day. Read per
        request, not once when the screen was built (a window open overnight went on
        refusing today's calls)."""
        local = now.astimezone(BANGKOK).replace(second=0, microsecond=0, tzinfo=None)
        day = QDate(local.year, local.month, local.day)
        at = getattr(self, "at", None)
        if isinstance(at, QDateTimeEdit):
            at.setMaximumDateTime(QDateTime(day, QTime(23, 59)))
            at.setDateTime(QDateTime(day, QTime(local.hour, local.minute)))
        if self.kind == IdentityCheckKind.JURISTIC_CERTIFICATE:
            self.issued_on.setMaximumDate(day)
            self.issued_on.setDate(day)

    def set_expected_id(self, masked: str) -> None:
        if self.kind == IdentityCheckKind.ID_DOCUMENT_GENUINE:
            self.id_check.set_expected(masked)

    def set_busy(self, busy: bool) -> None:
        for button in (self.accept_button, self.reject_button):
            button.setEnabled(self._editable and not busy)
        self.na_button.setEnabled(self._editable and not busy and not self._na_refused)

    def _fill_from(self, data: dict[str, str]) -> None:
        simple = {"contact": "contact", "result": "result", "note": "note",
                  "grantor_name": "grantor_name", "phone": "phone",
                  "receipt_no": "receipt", "dopa_ref": "dopa_ref", "officer": "officer",
                  "signatories": "signatories", "signed_by": "signed_by"}  # fmt: skip
        for key, attribute in simple.items():
            widget = getattr(self, attribute, None)
            if isinstance(widget, QLineEdit) and key in data:
                widget.setText(data[key])
        if "reason" in data:
            self.reason_edit.setText(data["reason"])
        if self.kind == IdentityCheckKind.POA_STAMP_DUTY:
            for index in range(self.way.count()):
                code = self.way.itemData(index)
                if code in data:
                    self.way.setCurrentIndex(index)
                    self.duty_value.setText(data[code])
        if self.kind == IdentityCheckKind.JURISTIC_CERTIFICATE and "issued_on" in data:
            self.issued_on.setDate(QDate.fromString(data["issued_on"], "yyyy-MM-dd"))
        if (
            self.kind == IdentityCheckKind.JURISTIC_SIGNATORY
            and data.get("joint_count", "").isdigit()
        ):
            self.joint_count.setValue(int(data["joint_count"]))
        for combo_name, key in (
            ("method", "method"),
            ("channel", "channel"),
            ("how", "how"),
            ("signing", "signing"),
        ):
            combo = getattr(self, combo_name, None)
            if isinstance(combo, QComboBox) and key in data:
                index = combo.findData(data[key])
                if index >= 0:
                    combo.setCurrentIndex(index)

    # -- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        names = {
            IdentityCheckKind.ID_DOCUMENT_GENUINE: self.tr("The ID document is genuine"),
            IdentityCheckKind.PHOTO_CONSISTENT: self.tr("Photo and details are consistent"),
            IdentityCheckKind.CALLBACK: self.tr("Call-back to the applicant"),
            IdentityCheckKind.POA_STAMP_DUTY: self.tr("Stamp duty on the power of attorney"),
            IdentityCheckKind.POA_GRANTOR_CALL: self.tr("Call to confirm with the grantor"),
            IdentityCheckKind.FACE_TO_FACE: self.tr(
                "Face-to-face proofing (counter or video call)"
            ),
            IdentityCheckKind.JURISTIC_CERTIFICATE: self.tr("Company certificate is recent enough"),
            IdentityCheckKind.JURISTIC_SIGNATORY: self.tr("Who may sign for the company"),
            IdentityCheckKind.POA_GRANTOR_AUTHORITY: self.tr(
                "The grantor has the authority to delegate"
            ),
        }
        self.title.setText(names.get(self.kind, self.kind))
        must = self._must
        self.level_pill.setText(self.tr("Must") if must else self.tr("Should"))
        self.level_pill.set_tone("warn" if must else "neutral")
        self.level_pill.setToolTip(
            self.tr("Only “accepted” completes this check.")
            if must
            else self.tr("“Not applicable” with a reason also completes this check.")
        )
        self.na_button.setToolTip(
            self.tr("This check is required here; it cannot be marked not applicable.")
            if self._na_refused
            else ""
        )
        self.summary.setText(self._summary())
        labels = {
            "method": self.tr("How it was checked"),
            "id_check": self.tr("Number on the card"),
            "channel": self.tr("Channel"),
            "contact": self.tr("Number or address used"),
            "at": self.tr("When"),
            "result": self.tr("Result"),
            "way": self.tr("Duty paid by"),
            "receipt_no": self.tr("Receipt no."),
            "grantor_name": self.tr("Grantor"),
            "grantor_id": self.tr("Grantor's ID no."),
            "phone": self.tr("Grantor's phone"),
            "note": self.tr("Note"),
            "reason": self.tr("Reason"),
            "evidence": self.tr("Evidence"),
            "dopa_ref": self.tr("DOPA reference"),
            "how": self.tr("How"),
            "officer": self.tr("Officer"),
            "issued_on": self.tr("Issued on"),
            "signatories": self.tr("Authorised directors"),
            "signing": self.tr("Signing"),
            "joint_count": self.tr("Sign together"),
            "signed_by": self.tr("Signed by"),
        }
        for key, label in self._labels.items():
            if key in labels:
                label.setText(labels[key])
        self.reason_edit.setPlaceholderText(self.tr("Needed when not accepted"))
        if self.kind == IdentityCheckKind.ID_DOCUMENT_GENUINE:
            texts = (
                self.tr("Card seen, against its security features"),
                self.tr("Chip read with a smart-card reader"),
                self.tr("Registry check (DOPA), with its reference"),
            )
            for index, text in enumerate(texts):
                self.method.setItemText(index, text)
            self.dopa_ref.setPlaceholderText(self.tr("Reference of the DOPA check"))
            self.id_check.edit.setPlaceholderText(self.tr("To compare only; not stored"))
        if self.kind == IdentityCheckKind.FACE_TO_FACE:
            self.how.setItemText(0, self.tr("In person at the counter"))
            self.how.setItemText(1, self.tr("Video call"))
        if self.kind == IdentityCheckKind.JURISTIC_CERTIFICATE:
            self.issued_on.setToolTip(
                self.tr("Must be issued within {months} months.").format(months=self._max_months)
            )
        if self.kind == IdentityCheckKind.JURISTIC_SIGNATORY:
            self.signatories.setPlaceholderText(self.tr("As named in the company certificate"))
            self.signing.setItemText(0, self.tr("Any one of them alone"))
            self.signing.setItemText(1, self.tr("Jointly"))
            self.signed_by.setPlaceholderText(self.tr("Who signed the application"))
        if self.kind == IdentityCheckKind.POA_GRANTOR_AUTHORITY:
            self.signed_by.setPlaceholderText(
                self.tr("Director(s) who signed the power of attorney")
            )
        if self.kind in LINKS_DOCUMENT:
            self._retranslate_evidence()
        if self.kind == IdentityCheckKind.CALLBACK:
            self.channel.setItemText(0, self.tr("Phone"))
            self.channel.setItemText(1, self.tr("E-mail"))
        if self.kind == IdentityCheckKind.POA_GRANTOR_CALL:
            self.grantor_id.edit.setPlaceholderText(self.tr("To check the digits; not stored"))
        if self.kind == IdentityCheckKind.POA_STAMP_DUTY:
            self._retranslate_way()
        self.accept_button.setText(self.tr("Accepted"))
        self.reject_button.setText(self.tr("Rejected"))
        self.na_button.setText(self.tr("Not applicable"))
        if self.kind in LINKS_DOCUMENT:
            self.accept_button.setToolTip(self.tr("Records the document on screen as evidence"))

    def _retranslate_evidence(self) -> None:
        text = (
            self.tr("On screen: {document}").format(document=self._viewing)
            if self._viewing
            else self.tr("Open the document in the viewer; it is recorded with the page.")
        )
        if self.kind == IdentityCheckKind.JURISTIC_CERTIFICATE:
            text += "\n" + self.tr("Issued within {months} months.").format(months=self._max_months)
        self.evidence.setText(text)

    def _retranslate_way(self) -> None:
        texts = (
            self.tr("e-Stamp (reference code)"),
            self.tr("Paid in money, with a receipt"),
            self.tr("Stamps affixed and cancelled"),
        )
        for index, text in enumerate(texts):
            self.way.setItemText(index, text)
        placeholders = {
            "estamp_ref": self.tr("e-Stamp reference, checked with the Revenue Department"),
            "duty_paid_baht": self.tr("Duty paid (baht)"),
            "stamps_affixed_baht": self.tr("Stamps affixed (baht); the document on screen"),
        }
        self.duty_value.setPlaceholderText(placeholders.get(self.way.currentData() or "", ""))
        if "duty_value" in self._labels:
            reference = self.way.currentData() == "estamp_ref"
            self._labels["duty_value"].setText(
                self.tr("Reference") if reference else self.tr("Amount")
            )

    def _summary(self) -> str:
        row = self.row
        if row is None:
            return self.tr("Not checked yet")
        parts = [verdict_label(row.verdict), row.checked_by,
                 format_date(row.checked_at, i18n.current_language())]  # fmt: skip
        text = "  ·  ".join(p for p in parts if p)
        if row.data.get("reason"):
            text += "\n" + self.tr("Reason: {reason}").format(reason=row.data["reason"])
        return text


class IdentityPanel(Retranslating, QScrollArea):
    """The identity and delegation checks of one application.

    Signals:
        check_requested(str, str, dict): (kind, verdict, data) to record.
    """

    check_requested = Signal(str, str, dict)

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        """``now``: the agency's now from the services (ReviewPort.now)."""
        super().__init__(parent)
        self._now = now
        self.setObjectName("IdentityPanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        host = named(QWidget(), "ChecklistHost")
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(8)
        self.level_label = named(QLabel(), "Muted")
        self.level_label.setWordWrap(True)
        self.level_label.setContentsMargins(12, 10, 12, 0)
        layout.addWidget(self.level_label)
        self.cards: dict[IdentityCheckKind, IdentityCard] = {}
        for kind in IDENTITY_ORDER:
            card = IdentityCard(kind)
            card.check_requested.connect(self.check_requested)
            card.hide()
            layout.addWidget(card)
            self.cards[kind] = card
        self.poa_button = named(QPushButton(), "LinkButton")
        self.poa_button.setFlat(True)
        self.poa_button.clicked.connect(self._show_poa)
        layout.addWidget(self.poa_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setWidget(host)
        self._detail: ApplicationDetail | None = None
        self._editable = False
        self._show_poa_checks = False
        self._viewing: tuple[str | None, int | None] = (None, None)
        self._retranslate_panel()

    def set_detail(self, detail: ApplicationDetail, *, editable: bool) -> None:
        same = self._detail is not None and self._detail.row.id == detail.row.id
        self._detail = detail
        self._editable = editable
        if not same:
            self._show_poa_checks = False
            now = self._now()  # a clock reading, no store access
            for card in self.cards.values():
                card.start_from(now)
        self._show_poa_checks = self._show_poa_checks or detail.delegated
        self._refresh()

    def _refresh(self) -> None:
        detail = self._detail
        if detail is None:
            return
        recorded = {row.kind: row for row in detail.identity_checks}
        required = required_kinds(detail, show_poa=self._show_poa_checks)
        for kind, card in self.cards.items():
            shown = kind in required or kind in recorded
            card.setVisible(shown)
            if shown:
                card.set_row(
                    recorded.get(kind),
                    required=kind in required,
                    editable=self._editable,
                    must=kind in detail.must_checks,
                    na_refused=kind in detail.not_applicable_refused,
                    max_months=detail.company_certificate_max_months,
                )
                card.set_expected_id(detail.applicant_id_masked)
        self._show_viewing()
        self.poa_button.setVisible(not self._show_poa_checks and self._editable)
        self._retranslate_panel()

    def set_viewing(self, document_id: str | None, page: int | None) -> None:
        """The document (and PDF page) on screen: the evidence of the next accepted check."""
        self._viewing = (document_id, page)
        self._show_viewing()

    def set_officer(self, name: str) -> None:
        self.cards[IdentityCheckKind.FACE_TO_FACE].set_officer(name)

    def _show_viewing(self) -> None:
        document_id, page = self._viewing
        names = {d.id: d.filename for d in self._detail.documents} if self._detail else {}
        text = names.get(document_id or "", "")
        if text and page:
            text = self.tr("{document}, page {page}").format(document=text, page=page)
        for kind in LINKS_DOCUMENT:
            self.cards[kind].set_viewing(text)

    def _show_poa(self) -> None:
        self._show_poa_checks = True
        self._refresh()

    def progress(self) -> tuple[int, int]:
        """(checks done, checks needed) for the tab's title."""
        detail = self._detail
        if detail is None:
            return 0, 0
        recorded = {row.kind: row for row in detail.identity_checks}
        needed = required_kinds(detail, show_poa=self._show_poa_checks)
        return sum(check_satisfied(recorded.get(k)) for k in needed), len(needed)

    def set_busy(self, busy: bool) -> None:
        for card in self.cards.values():
            card.set_busy(busy)

    def retranslate(self) -> None:
        self._retranslate_panel()
        for card in self.cards.values():
            card.retranslate()

    def _retranslate_panel(self) -> None:
        # Its own words only: a refresh re-words the level, the cards word themselves.
        self.poa_button.setText(
            self.tr("Applied through a proxy? Add the power-of-attorney checks")
        )
        detail = self._detail
        if detail is None:
            self.level_label.clear()
            return
        if detail.required_ial >= 3:
            text = self.tr(
                "Identity level IAL{level}: check the ID document, meet the applicant face to "
                "face (at the counter or by video call), compare the photo and details, and "
                "call the applicant back."
            )
        elif detail.required_ial >= 2:
            text = self.tr(
                "Identity level IAL{level}: check the ID document, compare the photo and "
                "details, and call the applicant back."
            )
        else:
            text = self.tr("Identity level IAL{level}: check that the ID document is genuine.")
        text = text.format(level=detail.required_ial)
        if detail.applicant_kind == "juristic":
            text += " " + self.tr(
                "A company applies: check its certificate and who may sign for it."
            )
        self.level_label.setText(text)
