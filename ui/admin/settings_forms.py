"""The fields of the settings page: the agency's form and one form per station section.

Forms only lay out and convert (text ↔ typed values); every rule (ranges, TLS, the official
address) is the services' (:mod:`services.api.settings`), whose refusal the page shows. That
is why the number fields accept more than any setting allows: a port of 70000 is refused with
the reason, not silently cut to 65535.
"""

from __future__ import annotations

from datetime import time
from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from services.api.settings import AgencyDetails, SectionKey, SectionValues, setting_label
from ui.common import i18n
from ui.common.naming import named

__all__ = ["AgencyForm", "SectionForm"]

_SECURITY = ("tls", "starttls", "plain")
_PATHS = {"drive_root", "drive_processed_dir", "backup_dir"}
_FILES = {"pkcs11_module", "imap_cafile", "smtp_cafile"}
_NUMBERS = {
    "imap_port",
    "smtp_port",
    "drive_stable_seconds",
    "backup_every_hours",
    "backup_after_changes",
    "backup_warn_after_hours",
    "retention_years",
    "lock_after_minutes",
}


def _keep_heights(form: QWidget) -> None:
    """Fields keep their height: a short window scrolls the page instead of squashing them."""
    for field in form.findChildren(QWidget):
        if isinstance(field, QLineEdit | QAbstractSpinBox | QComboBox | QPlainTextEdit):
            policy = field.sizePolicy()
            policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
            field.setSizePolicy(policy)


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setHorizontalSpacing(14)
    form.setVerticalSpacing(8)
    return form


class AgencyForm(QWidget):
    """The agency's identity, official address and business hours (the ``agency`` row).

    Signals:
        values_did_change(): the administrator edited a field.
    """

    values_did_change = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = _form()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.setLayout(self.form)
        self.name_th = QLineEdit()
        self.name_en = QLineEdit()
        self.code = QLineEdit()
        self.code.setMaxLength(10)
        self.number = QLineEdit()
        self.email = QLineEdit()
        self.address_th = QPlainTextEdit()
        self.address_th.setTabChangesFocus(True)
        self.address_th.setFixedHeight(64)
        self.phone = QLineEdit()
        self.opens_at = QTimeEdit()
        self.closes_at = QTimeEdit()
        for edit in (self.opens_at, self.closes_at):
            edit.setDisplayFormat("HH:mm")
            edit.setFixedWidth(110)
        hours = QHBoxLayout()
        hours.setSpacing(10)
        self._until = QLabel()
        hours.addWidget(self.opens_at)
        hours.addWidget(self._until)
        hours.addWidget(self.closes_at)
        hours.addStretch(1)
        self.workdays = [QCheckBox() for _ in range(7)]
        days = QHBoxLayout()
        days.setSpacing(12)
        for box in self.workdays:
            days.addWidget(box)
        days.addStretch(1)
        self._labels = [named(QLabel(), "FormLabel") for _ in range(9)]
        fields: list[Any] = [
            self.name_th,
            self.name_en,
            self.code,
            self.number,
            self.email,
            self.address_th,
            self.phone,
            hours,
            days,
        ]
        for label, field in zip(self._labels, fields, strict=True):
            if isinstance(field, QWidget):
                label.setBuddy(field)
            self.form.addRow(label, field)
        _keep_heights(self)
        edited = self.values_did_change.emit
        for line in (self.name_th, self.name_en, self.code, self.number, self.email, self.phone):
            line.textEdited.connect(lambda _t: edited())
        self.address_th.textChanged.connect(edited)
        self.opens_at.timeChanged.connect(lambda _t: edited())
        self.closes_at.timeChanged.connect(lambda _t: edited())
        for box in self.workdays:
            box.toggled.connect(lambda _on: edited())
        self.retranslate()

    def retranslate(self) -> None:
        texts = (
            self.tr("Agency name (Thai)"),
            self.tr("Agency name (English)"),
            self.tr("Agency code"),
            self.tr("Official agency number"),
            self.tr("Official e-mail address"),
            self.tr("Official postal address"),
            self.tr("Telephone"),
            self.tr("Business hours"),
            self.tr("Working days"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self._until.setText(self.tr("to"))
        days = (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )
        for box, text in zip(self.workdays, days, strict=True):
            box.setText(text)
        self.code.setPlaceholderText(self.tr("Capital Roman letters, e.g. NKK"))
        self.email.setPlaceholderText(self.tr("e.g. saraban@yourtown.go.th"))

    def set_details(self, details: AgencyDetails) -> None:
        self.blockSignals(True)  # what was read is not an edit
        try:
            self._fill(details)
        finally:
            self.blockSignals(False)

    def _fill(self, details: AgencyDetails) -> None:
        self.name_th.setText(details.name_th)
        self.name_en.setText(details.name_en)
        self.code.setText(details.code)
        self.number.setText(details.number)
        self.email.setText(details.email)
        self.address_th.setPlainText(details.address_th)
        self.phone.setText(details.phone)
        self.opens_at.setTime(QTime(details.opens_at.hour, details.opens_at.minute))
        self.closes_at.setTime(QTime(details.closes_at.hour, details.closes_at.minute))
        for day, box in enumerate(self.workdays):
            box.setChecked(day in details.workdays)

    def details(self) -> AgencyDetails:
        opens, closes = self.opens_at.time(), self.closes_at.time()
        return AgencyDetails(
            name_th=self.name_th.text(),
            name_en=self.name_en.text(),
            code=self.code.text(),
            number=self.number.text(),
            email=self.email.text(),
            address_th=self.address_th.toPlainText(),
            phone=self.phone.text(),
            opens_at=time(opens.hour(), opens.minute()),
            closes_at=time(closes.hour(), closes.minute()),
            workdays=tuple(day for day, box in enumerate(self.workdays) if box.isChecked()),
        )


class _PathField(QWidget):
    """A path typed or chosen with "Choose…" (a folder, or a file for the token library)."""

    def __init__(self, pick_file: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pick_file = pick_file
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.choose = QPushButton()
        self.choose.clicked.connect(self._choose)
        row.addWidget(self.edit, 1)
        row.addWidget(self.choose)
        self.setFocusProxy(self.edit)

    def _choose(self) -> None:
        if self.pick_file:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file"))
        else:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"))
        if chosen:
            self.edit.setText(chosen)


class SectionForm(QWidget):
    """One station section (mailbox, SMTP, drive, signing, backup) and its password.

    Signals:
        values_did_change(): the administrator edited a field (a shown test result is stale).
    """

    values_did_change = Signal()

    def __init__(self, key: SectionKey, names: tuple[str, ...], has_password: bool) -> None:
        super().__init__()
        self.key = key
        self.names = names
        self.form = _form()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.setLayout(self.form)
        self.fields: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        for name in names:
            field = self._field_for(name)
            label = named(QLabel(), "FormLabel")
            label.setBuddy(field)
            self.fields[name] = field
            self._labels[name] = label
            self.form.addRow(label, field)
        self.password: QLineEdit | None = None
        self.password_state = named(QLabel(), "Hint")
        self._password_saved: bool | None = None
        if has_password:
            self.password = QLineEdit()
            self.password.setEchoMode(QLineEdit.EchoMode.Password)
            self.password.textEdited.connect(lambda _t: self.values_did_change.emit())
            label = named(QLabel(), "FormLabel")
            label.setBuddy(self.password)
            self._labels["password"] = label
            self.form.addRow(label, self.password)
            self.form.addRow("", self.password_state)
        _keep_heights(self)
        self.retranslate()

    def _field_for(self, name: str) -> QWidget:
        field: QWidget
        if name in _NUMBERS:
            spin = QSpinBox()
            spin.setRange(0, 999_999)
            spin.setGroupSeparatorShown(False)
            spin.setMaximumWidth(140)
            spin.valueChanged.connect(lambda _v: self.values_did_change.emit())
            field = spin
        elif name.endswith("_security"):
            combo = QComboBox()
            combo.setMaximumWidth(360)
            combo.addItems(["", "", ""])
            combo.currentIndexChanged.connect(lambda _i: self.values_did_change.emit())
            field = combo
        elif name in _PATHS or name in _FILES:
            path = _PathField(pick_file=name in _FILES)
            path.edit.textEdited.connect(lambda _t: self.values_did_change.emit())
            field = path
        else:
            edit = QLineEdit()
            edit.textEdited.connect(lambda _t: self.values_did_change.emit())
            field = edit
        return field

    def retranslate(self) -> None:
        # The services' labels: the page's refusals name the fields by the same words.
        thai = i18n.current_language() == "th"
        for name, label in self._labels.items():
            if name == "password":
                label.setText(self.tr("Password"))
            else:
                label.setText(setting_label(name)[0 if thai else 1])
        for field in self.fields.values():
            if isinstance(field, QComboBox):
                for index, text in enumerate(
                    (
                        self.tr("TLS (encrypted from the start)"),
                        self.tr("STARTTLS (encrypted after greeting)"),
                        self.tr("Plain (this computer only)"),
                    )
                ):
                    field.setItemText(index, text)
            elif isinstance(field, _PathField):
                field.choose.setText(self.tr("Choose…"))
        folders = self.fields.get("imap_folders")
        if isinstance(folders, QLineEdit):
            folders.setPlaceholderText(self.tr("Comma between folders, e.g. INBOX, Requests"))
        for name in (
            "drive_processed_dir",
            "backup_dir",
            "drive_root",
            "imap_host",
            "smtp_host",
            "imap_cafile",
            "smtp_cafile",
            "register_url",
        ):
            found = self.fields.get(name)
            edit = found.edit if isinstance(found, _PathField) else found
            if isinstance(edit, QLineEdit):
                edit.setPlaceholderText(self._empty_means(name))
        self._show_password_state()

    def _empty_means(self, name: str) -> str:
        return {
            "drive_root": self.tr("Empty: no shared drive is watched"),
            "drive_processed_dir": self.tr("Empty: taken files stay where they are"),
            "backup_dir": self.tr("Another disk or a server share"),
            "imap_host": self.tr("Empty: mail is read from the local Maildir"),
            "smtp_host": self.tr("Empty: outgoing mail stays in the local 'sent' folder"),
            "imap_cafile": self.tr("Empty: the authorities this computer trusts"),
            "smtp_cafile": self.tr("Empty: the authorities this computer trusts"),
            "register_url": self.tr(
                "https://…, e.g. https://www.yourtown.go.th/licences (empty: "
                "https://<the official address's domain>/verify)"
            ),
        }[name]

    def _show_password_state(self) -> None:
        if self.password is None:
            return
        if self._password_saved:
            self.password_state.setText(self.tr("✓ Saved in the keyring. Type to replace it."))
            self.password_state.setProperty("tone", "ok")
            self.password.setPlaceholderText(self.tr("Saved in the keyring"))
        else:
            self.password_state.setText(self.tr("Not saved yet: type it, then save."))
            self.password_state.setProperty("tone", "")
            self.password.setPlaceholderText("")
        self.password_state.style().unpolish(self.password_state)
        self.password_state.style().polish(self.password_state)

    # -- values -------------------------------------------------------------------------

    def set_values(self, section: SectionValues) -> None:
        for name, value in section.values.items():
            field = self.fields[name]
            field.blockSignals(True)
            if isinstance(field, QSpinBox):
                field.setValue(int(value))
            elif isinstance(field, QComboBox):
                field.setCurrentIndex(_SECURITY.index(value) if value in _SECURITY else 0)
            elif isinstance(field, _PathField):
                field.edit.setText(str(value))
            elif isinstance(field, QLineEdit):
                field.setText(", ".join(value) if isinstance(value, list) else str(value))
            field.blockSignals(False)
        self._password_saved = section.password_saved
        if self.password is not None:
            self.password.clear()
        self._show_password_state()

    def values(self) -> dict[str, Any]:
        """The fields as typed values (the services check them)."""
        result: dict[str, Any] = {}
        for name, field in self.fields.items():
            if isinstance(field, QSpinBox):
                result[name] = field.value()
            elif isinstance(field, QComboBox):
                result[name] = _SECURITY[max(field.currentIndex(), 0)]
            elif isinstance(field, _PathField):
                result[name] = field.edit.text().strip()
            elif isinstance(field, QLineEdit) and name == "imap_folders":
                result[name] = [f.strip() for f in field.text().split(",") if f.strip()]
            elif isinstance(field, QLineEdit):
                result[name] = field.text().strip()
        return result

    def typed_password(self) -> str | None:
        return self.password.text() or None if self.password is not None else None

    def label(self, name: str) -> str:
        """The words above the field ``name`` as shown."""
        return self._labels[name].text()

    def edit(self, name: str) -> QWidget:
        """The widget that takes typing for ``name`` (tests and the page's focus)."""
        field = self.fields[name]
        return field.edit if isinstance(field, _PathField) else field
