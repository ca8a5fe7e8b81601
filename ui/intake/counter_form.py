"""Register a request brought to the counter or phoned in (intake role, Ctrl+N).

:class:`CounterForm` is a side panel of the main window: applicant (person or juristic
person), name, 13-digit ID checked as it is typed, contact, service, subject, note and the
scanned files (picked or dragged in). "Register" reads and judges the scans in the I/O pool
(``port.read_counter_files``: the viewer's engine may take seconds on a PDF), then calls
``port.register_counter_request`` in the database worker, which only writes; the new
tracking number is then shown large and the form is emptied for the next visitor.
"Print receipt…" then asks ``port.counter_receipt`` for the receipt (ใบรับคำขอ, a one-page A4
PDF), writes it to a folder only this user can read and opens it in the system's PDF viewer
to print: a walk-in applicant without e-mail gets no other
acknowledgement. Failures are shown inline in Thai and English.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from services.api import CounterRequest, IntakePort, ServiceOption, SignedInUser
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.form_widgets import ElidingComboBox, WrappingLineEdit
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.intake.counter_files import CounterFiles
from ui.intake.counter_result import CounterResult
from ui.intake.id_check import IdCheck, check_id

__all__ = ["CounterForm", "IdCheck", "check_id"]


class CounterForm(Retranslating, QFrame):
    """The counter/phone registration panel.

    Signals:
        request_did_register(str tracking_number): the request was registered.
        receipt_did_open(str path): the receipt was written there and handed to the viewer.
        form_did_close(): the officer closed the panel (button or Esc).
    """

    request_did_register = Signal(str)
    receipt_did_open = Signal(str)
    form_did_close = Signal()

    def __init__(
        self,
        port: IntakePort,
        user: SignedInUser,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CounterForm")
        self._port = port
        self._user = user
        self._runner = runner
        self._services: list[ServiceOption] = []
        self._services_loaded = False
        self._busy = False
        self.last_tracking_number: str | None = None
        self.receipt_dir: Path | None = None
        """Where receipts are written before they are opened; by default a folder only this
        user can read, made on the first print."""
        self.open_receipt: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path))
        )
        """Opens a written receipt: the system's PDF viewer, which prints it."""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 12, 12)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.title = named(QLabel(), "DetailTitle")
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self._close = QToolButton()
        self._close.setText("✕")
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self.close_form)
        top.addWidget(self._close, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        self.result_box = CounterResult()
        self.result_label = self.result_box.lead
        self.number_label = self.result_box.number_label
        self.copy_button = self.result_box.copy_button
        self.copy_button.clicked.connect(self._copy_number)
        self.print_button = self.result_box.print_button
        self.print_button.clicked.connect(self.print_receipt)
        layout.addWidget(self.result_box)
        self.error_box = ErrorBox()
        layout.addWidget(self.error_box)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        host = named(QWidget(), "DetailForm")
        host.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        form = QFormLayout(host)
        form.setContentsMargins(0, 0, 6, 0)
        form.setVerticalSpacing(2)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form = form

        kinds = QHBoxLayout()
        kinds.setSpacing(12)
        self.kind_label = named(QLabel(), "FormLabel")
        kinds.addWidget(self.kind_label)
        self.person_radio = QRadioButton()
        self.juristic_radio = QRadioButton()
        self.person_radio.setChecked(True)
        self._kind_group = QButtonGroup(self)
        self._kind_group.addButton(self.person_radio)
        self._kind_group.addButton(self.juristic_radio)
        self._kind_group.buttonToggled.connect(lambda *_: self._kind_changed())
        kinds.addWidget(self.person_radio)
        kinds.addWidget(self.juristic_radio)
        kinds.addStretch(1)
        form.addRow(kinds)

        self.name_edit = named(QLineEdit(), "ApplicantName")
        self.name_edit.setMaxLength(300)
        self.name_label = named(QLabel(), "FormLabel")
        self.name_hint = named(QLabel(), "HintError")
        self.name_hint.hide()
        self.name_edit.textChanged.connect(lambda _: self.name_hint.hide())
        form.addRow(self.name_label, self._with_hint(self.name_edit, self.name_hint))

        self.id_edit = named(QLineEdit(), "NationalId")
        self.id_edit.setMaxLength(20)
        self.id_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.id_label = named(QLabel(), "FormLabel")
        self.id_hint = named(QLabel(), "Hint")
        self.id_hint.setWordWrap(True)
        self.id_edit.textChanged.connect(lambda _: self._check_id())
        form.addRow(self.id_label, self._with_hint(self.id_edit, self.id_hint))

        # E-mail and phone side by side: the panel is short at 768 px.
        contact = QHBoxLayout()
        contact.setSpacing(10)
        self.email_edit = named(QLineEdit(), "Email")
        self.email_edit.setMaxLength(254)
        self.phone_edit = named(QLineEdit(), "Phone")
        self.phone_edit.setMaxLength(40)
        self.phone_edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.email_label = named(QLabel(), "FormLabel")
        self.phone_label = named(QLabel(), "FormLabel")
        for label, edit, stretch in (
            (self.email_label, self.email_edit, 3),
            (self.phone_label, self.phone_edit, 2),
        ):
            column = QVBoxLayout()
            column.setSpacing(3)
            column.addWidget(label)
            column.addWidget(edit)
            contact.addLayout(column, stretch)
        form.addRow(contact)

        self.service_combo = named(ElidingComboBox(), "Service")
        self.service_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.service_combo.setMinimumContentsLength(16)
        self.service_label = named(QLabel(), "FormLabel")
        form.addRow(self.service_label, self.service_combo)
        # PDPA s.19 (M27): asked only for services whose lawful basis is consent; never ticked
        # in advance, and unticked again whenever the service or the visitor changes.
        self.consent_check = named(QCheckBox(), "Consent")
        self.consent_check.setChecked(False)
        self.consent_check.hide()
        form.addRow(self.consent_check)
        self.service_combo.currentIndexChanged.connect(lambda _: self._service_changed())
        # Where the licence will hold, asked only for services whose licence says so; the
        # issue dialog starts from it (services.issuing.premises). Optional: issuing asks.
        self.premises_edit = named(WrappingLineEdit(rows=3), "Premises")  # seen whole
        self.premises_edit.setMaxLength(500)  # what issuing takes
        self.premises_label = named(QLabel(), "FormLabel")
        form.addRow(self.premises_label, self.premises_edit)
        form.setRowVisible(self.premises_edit, False)

        self.subject_edit = named(QLineEdit(), "Subject")
        self.subject_edit.setMaxLength(500)
        self.subject_label = named(QLabel(), "FormLabel")
        form.addRow(self.subject_label, self.subject_edit)

        self.note_edit = named(QPlainTextEdit(), "Note")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(48)
        self.note_label = named(QLabel(), "FormLabel")
        form.addRow(self.note_label, self.note_edit)

        self._files = CounterFiles(form, self)
        self.file_list = self._files.file_list
        self.files_label = self._files.files_label
        self.add_files_button = self._files.add_files_button
        self.remove_files_button = self._files.remove_files_button
        scroll.setWidget(host)
        layout.addWidget(scroll, 1)

        actions = QHBoxLayout()
        self.submit_button = named(QPushButton(), "Primary")
        self.submit_button.clicked.connect(self.submit)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_form)
        actions.addWidget(self.submit_button)
        actions.addWidget(self.clear_button)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.retranslate()
        self._check_id()

    @staticmethod
    def _with_hint(edit: QWidget, hint: QLabel) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(edit)
        box.addWidget(hint)
        return box

    # -- public -------------------------------------------------------------------------

    def open_form(self) -> None:
        """Show the panel (loading the services the first time) and focus the name."""
        self.show()
        if not self._services_loaded:
            self.load_services()
        self.name_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_form(self) -> None:
        self.hide()
        self.form_did_close.emit()

    def load_services(self) -> None:
        port, user = self._port, self._user

        def done(services: list[ServiceOption] | None, error: BaseException | None) -> None:
            if error is not None or services is None:
                self.error_box.show_error(
                    error,
                    fallback_th="อ่านรายการงานบริการไม่ได้ ยังลงทะเบียนแบบรอจำแนกประเภทได้",
                    fallback_en="Could not read the list of services; you can still register "
                    "the request as unclassified.",
                )
                return
            self._services = list(services)
            self._services_loaded = True
            self._fill_services()

        self._runner.run(
            lambda: port.services(user), done, pool="db", owner=self, label="counter.services"
        )

    @property
    def files(self) -> list[str]:
        return self._files.paths()

    def add_files(self, paths: list[str]) -> None:
        self._files.add(paths)

    def id_state(self) -> IdCheck:
        return check_id(self.id_edit.text(), self.applicant_kind())[0]

    def applicant_kind(self) -> str:
        return "juristic" if self.juristic_radio.isChecked() else "person"

    def select_service(self, code: str | None) -> bool:
        index = self.service_combo.findData(code or "")
        if index < 0:
            return False
        self.service_combo.setCurrentIndex(index)
        return True

    def request(self) -> CounterRequest:
        """What the form holds, as the service takes it."""
        code = self.service_combo.currentData()
        return CounterRequest(
            applicant_kind=self.applicant_kind(),
            applicant_name=self.name_edit.text().strip(),
            national_id=self.id_edit.text().strip(),
            email=self.email_edit.text().strip(),
            phone=self.phone_edit.text().strip(),
            service_code=code or None,
            personal_data_consent=(
                self.consent_check.isChecked() if not self.consent_check.isHidden() else None
            ),
            subject=self.subject_edit.text().strip(),
            note=self.note_edit.toPlainText().strip(),
            files=tuple(self._files.paths()),
            premises_address=self.premises_edit.text().strip() if self._asks_premises() else "",
        )

    def submit(self) -> None:
        """Check what must be right, then register in the database worker."""
        if self._busy:
            return
        self.error_box.clear()
        if not self.name_edit.text().strip():
            self.name_hint.setText(self.tr("Enter the applicant's name."))
            self.name_hint.show()
            self.name_edit.setFocus()
            return
        if self.id_state() not in ("empty", "valid"):
            self._check_id()
            self.id_edit.setFocus()
            self.error_box.show_message(
                "เลขประจำตัวยังไม่ถูกต้อง ให้ตรวจกับบัตร หรือเว้นว่างไว้หากผู้ยื่นไม่ได้แจ้ง",
                "The ID number is not valid yet: check it against the card, or leave it "
                "empty if the applicant did not give it.",
            )
            return
        request = self.request()
        port, user = self._port, self._user
        self._set_busy(True)

        def read(loaded: CounterRequest | None, error: BaseException | None) -> None:
            if error is not None or loaded is None:
                done(None, error)
                return
            self._runner.run(
                lambda: port.register_counter_request(user, loaded),
                done,
                pool="db",
                owner=self,
                label="counter.register",
            )

        def done(tracking: str | None, error: BaseException | None) -> None:
            self._set_busy(False)
            if error is not None or not tracking:
                self.error_box.show_error(
                    error,
                    fallback_th="ลงทะเบียนคำขอไม่สำเร็จ ข้อมูลที่กรอกยังอยู่ ลองอีกครั้ง "
                    "หากยังไม่ได้โปรดแจ้งผู้ดูแลระบบ",
                    fallback_en="The request was not registered; what you typed is still "
                    "here. Try again; if it keeps failing, tell your administrator.",
                )
                return
            self.last_tracking_number = tracking
            self._show_result()
            self.clear_form(keep_result=True)
            self.request_did_register.emit(tracking)

        # The scans may sit on a slow shared drive and a PDF may keep the viewer's engine
        # busy for its whole time limit: read and judge them in the I/O pool, so the one
        # database worker only writes.
        self._runner.run(
            lambda: port.read_counter_files(user, request),
            read,
            pool="io",
            owner=self,
            label="counter.read_files",
        )

    def print_receipt(self) -> None:
        """Fetch the receipt of the request just registered, write it, open it to print."""
        tracking = self.last_tracking_number
        if not tracking or self._busy:
            return
        if self.receipt_dir is None:
            self.receipt_dir = Path(tempfile.mkdtemp(prefix="anuyat-receipts-"))
        port, user, folder = self._port, self._user, self.receipt_dir
        self.print_button.setEnabled(False)

        # The receipt is asked of the store on the one database thread; writing the file is
        # plain disk work and goes to the I/O pool so it never holds up other writes.
        def fetch() -> bytes:
            return port.counter_receipt(user, tracking)

        def write(data: bytes) -> Path:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            path = folder / f"receipt_{tracking}.pdf"
            path.write_bytes(data)
            return path

        def failed(error: BaseException | None) -> None:
            self.print_button.setEnabled(True)
            self.error_box.show_error(
                error,
                fallback_th="พิมพ์ใบรับคำขอไม่สำเร็จ คำขอบันทึกไว้แล้ว ลองกดพิมพ์อีกครั้ง",
                fallback_en="The receipt could not be made; the request is registered. "
                "Try printing again.",
            )

        def written(path: Path | None, error: BaseException | None) -> None:
            if error is not None or path is None:
                failed(error)
                return
            self.print_button.setEnabled(True)
            self.open_receipt(path)
            self.receipt_did_open.emit(str(path))

        def fetched(data: bytes | None, error: BaseException | None) -> None:
            if error is not None or data is None:
                failed(error)
                return
            self._runner.run(
                lambda: write(data), written, pool="io", owner=self, label="counter.receipt.write"
            )

        self._runner.run(fetch, fetched, pool="db", owner=self, label="counter.receipt")

    def clear_form(self, keep_result: bool = False) -> None:
        """Empty every field for the next visitor (the service list stays)."""
        for edit in (self.name_edit, self.id_edit, self.email_edit, self.phone_edit):
            edit.clear()
        self.subject_edit.clear()
        self.premises_edit.clear()
        self.note_edit.clear()
        self.person_radio.setChecked(True)
        self.service_combo.setCurrentIndex(0)
        self._service_changed()
        self._files.clear()
        self.name_hint.hide()
        self.error_box.clear()
        if not keep_result:
            self.result_box.hide()
        self.name_edit.setFocus()

    def result_text(self) -> str:
        """ "รับเรื่องแล้ว เลขที่ <number>" as shown ("" when nothing was registered)."""
        if not self.result_box.isVisibleTo(self):
            return ""
        return self.result_box.text()

    # -- internals ----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_form()
            return
        if event.key() == Qt.Key.Key_Delete and self.file_list.hasFocus():
            self._files.remove_selected()
            return
        super().keyPressEvent(event)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.submit_button.setEnabled(not busy)
        self.clear_button.setEnabled(not busy)
        self.submit_button.setText(self.tr("Registering…") if busy else self.tr("Register request"))

    def _fill_services(self) -> None:
        current = self.service_combo.currentData()
        language = i18n.current_language()
        self.service_combo.blockSignals(True)
        self.service_combo.clear()
        self.service_combo.addItem(self.tr("Unclassified — an officer classifies it later"), "")
        for option in self._services:
            name = option.name_th if language == "th" else (option.name_en or option.name_th)
            other = option.name_en if language == "th" else option.name_th
            self.service_combo.addItem(name, option.code)
            self.service_combo.setItemData(
                self.service_combo.count() - 1,
                f"{option.code} · {other}",
                Qt.ItemDataRole.ToolTipRole,
            )
        index = self.service_combo.findData(current if current is not None else "")
        self.service_combo.setCurrentIndex(max(index, 0))
        self.service_combo.blockSignals(False)
        self._show_service_rows()

    def selected_service(self) -> ServiceOption | None:
        code = self.service_combo.currentData()
        return next((o for o in self._services if o.code == code), None)

    def _service_changed(self) -> None:
        self.consent_check.setChecked(False)
        self._show_service_rows()

    def _asks_premises(self) -> bool:
        return self._form.isRowVisible(self.premises_edit)

    def _show_service_rows(self) -> None:
        """The consent box and the premises field, for the services that ask them."""
        option = self.selected_service()
        self.consent_check.setVisible(bool(option and option.needs_consent))
        self._form.setRowVisible(self.premises_edit, bool(option and option.asks_premises))
        self._retranslate_consent()

    def _retranslate_consent(self) -> None:
        option = self.selected_service()
        if option is None or not option.needs_consent:
            return
        purpose = option.purpose_th if i18n.current_language() == "th" else option.purpose_en
        self.consent_check.setText(
            self.tr(
                "The applicant consents to the use of their personal data for: {purpose}"
            ).format(purpose=purpose or option.purpose_th)
        )

    def _kind_changed(self) -> None:
        self._retranslate_id()
        self._check_id()

    def _check_id(self) -> None:
        state, count = check_id(self.id_edit.text(), self.applicant_kind())
        texts = {
            "empty": self.tr("13 digits; leave empty if the applicant did not give it."),
            "partial": self.tr("{n} of 13 digits").format(n=count),
            "too_long": self.tr("Too many digits: {n} of 13").format(n=count),
            "not_digits": self.tr("Only digits, spaces and dashes"),
            "bad_check": self.tr(
                "The check digit does not match: probably a typo. Compare with the card."
            ),
            "valid": self.tr("✓ Valid number"),
        }
        self.id_hint.setText(texts[state])
        tone = {"too_long": "error", "not_digits": "error", "bad_check": "error", "valid": "ok"}
        value = tone.get(state, "")
        # The style sheet colours the hint and the field by this property.
        for widget in (self.id_hint, self.id_edit):
            widget.setProperty("tone", value)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _copy_number(self) -> None:
        if self.last_tracking_number:
            QGuiApplication.clipboard().setText(self.last_tracking_number)

    def _show_result(self) -> None:
        if self.last_tracking_number:
            self.result_box.show_number(self.last_tracking_number)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Register a counter or phone request"))
        self._close.setToolTip(self.tr("Close (Esc); what you typed is kept"))
        self.kind_label.setText(self.tr("Applicant"))
        self.person_radio.setText(self.tr("Person"))
        self.juristic_radio.setText(self.tr("Juristic person"))
        self.name_label.setText(self.tr("Name *"))
        self.name_edit.setPlaceholderText(self.tr("Title, first name and surname, or company"))
        self.email_label.setText(self.tr("E-mail"))
        self.email_edit.setPlaceholderText(self.tr("for the acknowledgement (optional)"))
        self.phone_label.setText(self.tr("Phone"))
        self.service_label.setText(self.tr("Service"))
        self.subject_label.setText(self.tr("Subject"))
        self.subject_edit.setPlaceholderText(self.tr("What the applicant asks for"))
        self.note_label.setText(self.tr("Note"))
        self.premises_label.setText(self.tr("Premises address (optional)"))
        self.premises_edit.setPlaceholderText(
            self.tr("Number, road, sub-district, district, province")
        )
        self.note_edit.setPlaceholderText(self.tr("What was said at the counter or on the phone"))
        self.result_box.retranslate()
        self._retranslate_consent()
        self.clear_button.setText(self.tr("Clear"))
        self._set_busy(self._busy)
        self._retranslate_id()
        self._files.retranslate()
        self._check_id()
        self._show_result()
        if self._services_loaded:
            self._fill_services()
        elif self.service_combo.count() == 0:
            self.service_combo.addItem("", "")
        if not self._services_loaded:
            self.service_combo.setItemText(
                0, self.tr("Unclassified — an officer classifies it later")
            )

    def _retranslate_id(self) -> None:
        if self.applicant_kind() == "juristic":
            self.id_label.setText(self.tr("Juristic person registration no."))
        else:
            self.id_label.setText(self.tr("National ID"))
        self.id_edit.setPlaceholderText("0-0000-00000-00-0")
