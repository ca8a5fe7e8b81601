"""The sign-in dialog: agency, user name, password, language; errors shown in place.

The password is passed to ``port.sign_in`` in the database worker and is never logged,
stored, or kept after the attempt (the field is cleared on failure and on success).

At a cold start the dialog paints before the profile is open (``port`` is None): it says
"Opening the agency's records…", lets the officer type, and keeps a press of Sign in until
:meth:`SignInDialog.store_opened` hands it the port; a profile that cannot be opened is
explained in place (:meth:`SignInDialog.store_failed`). It is built from Qt, the settings
and the translations only: the services are named for the type checker. What the first frame
does not show is made when it is needed: the error box when there is something to say (with
Qt's namespace of enums, which alone cost a tenth of a bare window's start), the agency's
labels' selectable text when the agency is known.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.common import i18n, ui_settings
from ui.common.dialog_body import add_field_under_label
from ui.common.header_card import HeaderCard
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from services.api import AgencyInfo, ShellPort, SignedInUser
    from ui.common.errors import ErrorBox

__all__ = ["SignInDialog"]

log = logging.getLogger(__name__)


class SignInDialog(Retranslating, QDialog):
    """Asks for a user name and password and signs in through ``port.sign_in``.

    ``port`` None: the profile is still opening (see the module's docstring).

    Signals:
        user_did_sign_in(SignedInUser): the password was right; the dialog then accepts.
        did_become_ready(): the store is open and the agency shown: the officer can sign in.
    """

    user_did_sign_in = Signal(object)
    did_become_ready = Signal()

    def __init__(
        self,
        port: ShellPort | None,
        runner: TaskRunner,
        *,
        settings: QSettings | None = None,
        demo_warning: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._demo_warning = demo_warning
        self._port = port
        self._runner = runner
        self._settings = settings if settings is not None else ui_settings.default_settings()
        self._busy = False
        self._kept_press = False  # Sign in pressed while the profile was still opening
        self._open_failed = False
        self.user: SignedInUser | None = None
        self.agency: AgencyInfo | None = None

        self.setObjectName("SignInDialog")
        self.setWindowIcon(QIcon(str(i18n.RESOURCES / "icons" / "anuyat.svg")))
        self.setMinimumWidth(460)
        self._build()
        self.retranslate()
        if port is not None:
            self._load_agency()

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 28, 28, 20)

        card = HeaderCard()
        self._app_title = card.title
        body = card.body
        self._agency_th = card.add_line("DialogAgencyName")
        self._agency_en = card.add_line("DialogAgencyNameEn")
        self._station = card.add_line("Muted", wrap=False)
        for label in (self._agency_th, self._agency_en, self._station):
            label.hide()  # shown once the agency is known; no made-up text meanwhile
        self._opening = card.add_line("Muted", wrap=False)  # until the profile is open
        self._opening.setVisible(self._port is None)
        self._demo = card.add_line("DemoBanner")
        self._demo.setVisible(self._demo_warning)
        body.addSpacing(14)

        self._username = named(QLineEdit(), "Username")
        self._username.setText(ui_settings.read(self._settings, ui_settings.LAST_USERNAME))
        self._username.setMaxLength(64)
        self._username_label = add_field_under_label(body, self._username)
        body.addSpacing(6)
        self._password = named(QLineEdit(), "Password")
        self._password.setEchoMode(QLineEdit.EchoMode.Password)
        self._password.setMaxLength(256)
        self._password_label = add_field_under_label(body, self._password)
        body.addSpacing(6)

        # The error box goes here when there is something to say (see _error_box); an empty
        # layout takes no room and no spacing, as the hidden box did.
        self._error: ErrorBox | None = None
        self._error_slot = QVBoxLayout()
        self._error_slot.setContentsMargins(0, 0, 0, 0)
        body.addLayout(self._error_slot)
        body.addSpacing(6)

        self._sign_in = named(QPushButton(), "Primary")
        self._sign_in.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._sign_in.clicked.connect(self.submit)
        body.addWidget(self._sign_in)
        outer.addWidget(card)
        # Only a button already inside the dialog can become its default button.
        self._sign_in.setDefault(True)

        language_row = QHBoxLayout()
        language_row.setContentsMargins(0, 12, 0, 0)
        self._language_label = named(QLabel(), "Muted")
        language_row.addStretch(1)
        language_row.addWidget(self._language_label)
        self._language_group = QButtonGroup(self)
        self._language_group.setExclusive(True)
        self._language_buttons: dict[str, QToolButton] = {}
        # Each language is named in itself, so it can be found whatever is showing now.
        for code, name in (("th", "ไทย"), ("en", "English")):
            button = named(QToolButton(), "LanguageButton")
            button.setText(name)
            button.setCheckable(True)
            button.setChecked(code == i18n.current_language())
            button.clicked.connect(lambda _=False, c=code: self.set_language(c))
            self._language_group.addButton(button)
            self._language_buttons[code] = button
            language_row.addWidget(button)
        language_row.addStretch(1)
        outer.addLayout(language_row)

        # Enter in the user name moves on to the password; Enter in the password signs in.
        self._username.returnPressed.connect(self._username_entered)
        self._password.returnPressed.connect(self.submit)
        self._username.textChanged.connect(self._update_enabled)
        self._password.textChanged.connect(self._update_enabled)
        self._update_enabled()
        (self._password if self._username.text() else self._username).setFocus()

    def retranslate(self) -> None:
        title = self.tr("Anuyat — Sign in")
        demo = self.tr("DEMO: fictional data only")
        self.setWindowTitle(f"{title} — {demo}" if self._demo_warning else title)
        self._demo.setText(
            self.tr(
                "Demo profile: its key is kept in a file beside the data. "
                "Use it for fictional data only, never for real applications."
            )
        )
        self._app_title.setText(self.tr("Anuyat · Permit workstation"))
        self._opening.setText(self.tr("Opening the agency's records…"))
        self._username_label.setText(self.tr("&User name"))
        self._password_label.setText(self.tr("&Password"))
        self._sign_in.setText(self._button_text())
        self._language_label.setText(self.tr("Language:"))
        self._show_station()
        for code, button in self._language_buttons.items():
            button.setChecked(code == i18n.current_language())
        if self.isVisible():
            self._fit_height()

    # -- behaviour ----------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Switch the whole UI's language; this dialog re-labels itself on the event."""
        i18n.apply_language(language)

    def _username_entered(self) -> None:
        if self._password.text():
            self.submit()
        else:
            self._password.setFocus()

    def submit(self) -> None:
        """Sign in with what was typed (Enter and the button both come here)."""
        username = self._username.text().strip()
        password = self._password.text()
        if self._busy or self._open_failed:
            return
        if not username:
            self._username.setFocus()
            return
        if not password:
            self._password.setFocus()
            return
        self._set_busy(True)
        if self._error is not None:
            self._error.clear()
        port = self._port
        if port is None:  # kept: signed in as soon as the store is open
            self._kept_press = True
            log.info("sign-in pressed while the profile opens: kept until it is open")
            return
        self._runner.run(
            lambda: port.sign_in(username, password),
            self._signed_in,
            owner=self,
            label="sign_in",
        )

    def _signed_in(self, user: SignedInUser | None, error: BaseException | None) -> None:
        self._set_busy(False)
        self._password.clear()
        if error is not None or user is None:
            self._error_box().show_error(
                error,
                fallback_th="เข้าสู่ระบบไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
                fallback_en="Could not sign in because of an internal error. "
                "Please tell your administrator.",
            )
            self._password.setFocus()
            self._fit_height()
            return
        log.info("user %s signed in at station %s", user.username, user.station_code)
        ui_settings.write(self._settings, ui_settings.LAST_USERNAME, user.username)
        self.user = user
        self.user_did_sign_in.emit(user)
        self.accept()

    def store_opened(self, port: ShellPort, *, demo_warning: bool = False) -> None:
        """The profile is open: show the agency, and act on a press of Sign in kept so far."""
        self._port = port
        self._demo_warning = demo_warning
        self._demo.setVisible(demo_warning)
        self._opening.hide()
        self.retranslate()
        self._load_agency()
        if self._kept_press:
            self._kept_press = False
            self._busy = False
            self.submit()

    def store_failed(self, error: BaseException) -> None:
        """The profile could not be opened: say why here; signing in stays off."""
        self._open_failed = True
        self._kept_press = False
        self._opening.hide()
        self._set_busy(False)
        self._password.clear()  # it cannot be used: not kept in the window either
        self._error_box().show_error(
            error,
            fallback_th="เปิดข้อมูลของหน่วยงานไม่ได้เนื่องจากข้อผิดพลาดภายในระบบ "
            "รายละเอียดอยู่ในไฟล์บันทึก โปรดแจ้งผู้ดูแลระบบ",
            fallback_en="Could not open the agency's records because of an internal error. "
            "Details are in the log; please tell your IT administrator.",
        )
        self._fit_height()

    def _load_agency(self) -> None:
        def done(agency: AgencyInfo | None, error: Any) -> None:
            if error is not None or agency is None:
                self._error_box().show_error(
                    error,
                    fallback_th="อ่านข้อมูลหน่วยงานไม่ได้ โปรดแจ้งผู้ดูแลระบบ",
                    fallback_en="Could not read the agency's details. "
                    "Please tell your administrator.",
                )
                self._fit_height()
                return
            self.agency = agency
            from PySide6.QtCore import Qt

            for label in (self._agency_th, self._agency_en, self._station):
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._agency_th.setText(agency.name_th)
            self._agency_en.setText(agency.name_en)
            self._agency_th.setVisible(bool(agency.name_th))
            self._agency_en.setVisible(bool(agency.name_en))
            self._show_station()
            self._fit_height()
            self.did_become_ready.emit()

        port = self._port
        assert port is not None
        self._runner.run(port.agency, done, owner=self, label="agency")

    def _show_station(self) -> None:
        agency = self.agency
        if agency is None:
            return
        self._station.setText(
            self.tr("Station: {name} ({code})").format(
                name=agency.station_name, code=agency.station_code
            )
        )
        self._station.setVisible(bool(agency.station_name or agency.station_code))

    def _error_box(self) -> ErrorBox:
        """The inline error box, made the first time there is something to say."""
        if self._error is None:
            from ui.common.errors import ErrorBox

            self._error = ErrorBox()
            self._error_slot.addWidget(self._error)
        return self._error

    def _fit_height(self) -> None:
        # Wrapped Thai/English lines need more height than the dialog had when it opened;
        # a top-level window does not grow for a child's height-for-width by itself.
        layout = self.layout()
        if layout is not None:
            layout.activate()
        width = self.width()
        needed = layout.totalHeightForWidth(width) if layout is not None else -1
        if needed > self.height():
            self.resize(width, needed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._username.setReadOnly(busy)
        self._password.setReadOnly(busy)
        self._sign_in.setText(self._button_text())
        self._update_enabled()

    def _button_text(self) -> str:
        if self._busy and self._port is None:
            return self.tr("Opening the agency's records…")
        return self.tr("Signing in…") if self._busy else self.tr("Sign in")

    def _update_enabled(self) -> None:
        # Enabled before the profile is open: a press then is kept, never lost.
        ready = bool(self._username.text().strip() and self._password.text())
        self._sign_in.setEnabled(ready and not self._busy and not self._open_failed)

    def show_notice(self, th: str, en: str) -> None:
        """Say why the officer is back here (a session the services ended)."""
        self._error_box().show_message(th, en)
        self._fit_height()

    # -- for tests and screenshots ------------------------------------------------------

    @property
    def error_text(self) -> str:
        """What the inline error says now ("" when there is none)."""
        return self._error.text() if self._error is not None else ""

    @property
    def is_busy(self) -> bool:
        return self._busy

    @property
    def is_opening(self) -> bool:
        """The profile is not open yet (and has not failed to open)."""
        return self._port is None and not self._open_failed
