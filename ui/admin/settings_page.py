"""The administrator's settings page: the agency, then the station's sections, each with
"Save" and (where there is something to reach) "Test connection".

Whether the page exists is the access table's answer (``Action.MANAGE_SETTINGS``), asked by
the main window; the services check it again at every call. Everything runs through the
:class:`~ui.common.tasks.TaskRunner`: reads and saves on the database thread, tests in the
I/O pool (a server that does not answer never freezes the window; the services give every
test a deadline). A test shows what the server answered, word for word.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from services.api import SignedInUser
from services.api.settings import (
    TESTABLE,
    AccountDetails,
    AgencyDetails,
    AgencyUpdate,
    FreeMailAddress,
    ProbeResult,
    SectionKey,
    SectionValues,
    SettingsPort,
    SettingsRefused,
    SettingsSaved,
    TakesEffect,
)
from ui.admin.fee_account_form import FeeAccountForm
from ui.admin.result_box import ResultBox
from ui.admin.settings_forms import AgencyForm, SectionForm
from ui.common.errors import ErrorBox, bilingual
from ui.common.lay_out_now import lay_out_now
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner

__all__ = ["AGENCY", "FEES", "SettingsPage"]

log = logging.getLogger(__name__)

AGENCY = "agency"
"""The page's first panel: the agency's own record (the others are ``SectionKey`` values)."""
FEES = "fee_account"
"""The agency's bank account and PromptPay details (payment notices), kept in the store."""

_FALLBACK = (
    "ทำรายการไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "This could not be done because of an internal error. Please tell your administrator.",
)
_FREE_MAIL = (
    "ที่อยู่ {email} เป็นอีเมลฟรี ({domain}) ซึ่งไม่ระบุหน่วยงาน — แนวปฏิบัติกระบวนการทางดิจิทัลภาครัฐ (ร่าง) "
    "ข้อ 4.3 ให้รับคำขอทางอีเมลภายใต้โดเมนของหน่วยงาน เช่น saraban@ชื่อหน่วยงาน.go.th "
    "ยังไม่ได้บันทึก ให้ใส่อีเมลของหน่วยงาน หรือถ้ายังไม่มีจริง ๆ ให้กด «ใช้ที่อยู่นี้ไปก่อน» "
    "(จะมีคำเตือนทุกครั้ง)",
    "The address {email} is free mail ({domain}) and does not identify the agency: the DGA "
    "guidelines (draft) §4.3 ask for requests to be received under the agency's own domain "
    "(e.g. saraban@yourtown.go.th). Nothing was saved. Enter the agency's address; if it "
    "really has none yet, choose “Keep this address for now” (a warning will show each time).",
)
# The sections, in the order of the page; the ones a "Test connection" can reach.
_ORDER: tuple[str, ...] = (AGENCY, FEES, *(key.value for key in SectionKey))
_PASSWORDS = frozenset({SectionKey.MAILBOX, SectionKey.SMTP})


class _Panel(QWidget):
    """One section: heading, what it is for, its form, when a change takes effect (these
    scroll), then the buttons and the answer, always in view below them: at 1280×720 the
    agency's form is taller than the page, and "Save" was cut at the bottom edge."""

    def __init__(self, key: str, form: QWidget, can_test: bool) -> None:
        super().__init__()
        self.key = key
        self.form = form
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(10)
        self.heading = named(QLabel(), "CardTitle")
        self.intro = named(QLabel(), "Hint")
        self.intro.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(form)
        self.effect = named(QLabel(), "Hint")
        self.effect.setWordWrap(True)
        layout.addWidget(self.effect)
        layout.addStretch(1)
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QFrame.Shape.NoFrame)
        self.form_area.setWidget(content)
        outer.addWidget(self.form_area, 1)
        footer = QVBoxLayout()
        footer.setContentsMargins(16, 6, 16, 8)
        footer.setSpacing(10)
        buttons = QHBoxLayout()
        self.save_button = named(QPushButton(), "Primary")
        buttons.addWidget(self.save_button)
        self.test_button: QPushButton | None = None
        if can_test:
            self.test_button = QPushButton()
            buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        footer.addLayout(buttons)
        self.result = ResultBox()
        footer.addWidget(self.result)
        outer.addLayout(footer)


class SettingsPage(Retranslating, QWidget):
    """The agency and the station's settings.

    Signals:
        agency_did_change(): the agency's record was saved (the window's header re-reads it).
    """

    agency_did_change = Signal()

    def __init__(
        self,
        port: SettingsPort,
        runner: TaskRunner,
        user: SignedInUser,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsPage")
        self._port = port
        self._runner = runner
        self._user = user
        self._official_email = ""
        self._effects: dict[str, TakesEffect] = {}
        # Sections the administrator edited and has not saved: a reload leaves them alone.
        self._edited: set[str] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.title = named(QLabel(), "SectionTitle")
        layout.addWidget(self.title)
        self.error = ErrorBox()
        layout.addWidget(self.error)
        body = QHBoxLayout()
        self.nav = named(QListWidget(), "SettingsNav")
        self.nav.setFixedWidth(210)
        self.nav.setSpacing(3)
        self.stack = QStackedWidget()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout.addLayout(body, 1)

        self.agency_form = AgencyForm()
        self.agency_form.values_did_change.connect(lambda: self._edited.add(AGENCY))
        self.forms: dict[SectionKey, SectionForm] = {}
        self.panels: dict[str, _Panel] = {}
        self.panels[AGENCY] = _Panel(AGENCY, self.agency_form, can_test=False)
        self.panels[AGENCY].save_button.clicked.connect(lambda: self.save_agency())
        self.fee_form = FeeAccountForm()
        self.fee_form.values_did_change.connect(lambda: self._edited.add(FEES))
        self.panels[FEES] = _Panel(FEES, self.fee_form, can_test=False)
        self.panels[FEES].save_button.clicked.connect(lambda: self.save_fee_account())
        self._names: dict[SectionKey, tuple[str, ...]] = {}
        for key in SectionKey:
            # The fields come with the values (the services say which settings a section has).
            self.panels[key.value] = self._placeholder_panel(key)
        for name in _ORDER:
            self.stack.addWidget(self.panels[name])
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        save = QShortcut(QKeySequence("Ctrl+S"), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save_current)
        self.retranslate()

    def _placeholder_panel(self, key: SectionKey) -> _Panel:
        holder = QWidget()
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        panel = _Panel(key.value, holder, can_test=key in TESTABLE)
        panel.save_button.clicked.connect(lambda: self.save_section(key))
        if panel.test_button is not None:
            panel.test_button.clicked.connect(lambda: self.test_section(key))
        panel.save_button.setEnabled(False)
        if panel.test_button is not None:
            panel.test_button.setEnabled(False)
        return panel

    def _build_form(self, section: SectionValues) -> SectionForm:
        form = SectionForm(section.key, tuple(section.values), section.key in _PASSWORDS)
        panel = self.panels[section.key.value]
        holder = panel.form
        holder_layout = holder.layout()
        assert holder_layout is not None
        holder_layout.addWidget(form)
        form.values_did_change.connect(panel.result.clear)
        form.values_did_change.connect(lambda: self._edited.add(section.key.value))
        panel.save_button.setEnabled(True)
        if panel.test_button is not None:
            panel.test_button.setEnabled(True)
        self.forms[section.key] = form
        return form

    # -- text ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        headings = {
            AGENCY: self.tr("Agency"),
            FEES: self.tr("Fee account"),
            SectionKey.MAILBOX.value: self.tr("Mailbox (IMAP)"),
            SectionKey.SMTP.value: self.tr("Sending mail (SMTP)"),
            SectionKey.DRIVE.value: self.tr("Shared drive"),
            SectionKey.SIGNING.value: self.tr("Signing module"),
            SectionKey.BACKUP.value: self.tr("Backup"),
            SectionKey.ISSUING.value: self.tr("Licence register"),
            SectionKey.RETENTION.value: self.tr("Retention"),
            SectionKey.SCREEN_LOCK.value: self.tr("Screen lock"),
        }
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            item.setText(headings[item.data(Qt.ItemDataRole.UserRole)])
        for name, panel in self.panels.items():
            panel.heading.setText(headings[name])
            panel.intro.setText(self._intro(name))
            panel.effect.setText(self._effect_text(name))
            panel.save_button.setText(self.tr("&Save"))
            if panel.test_button is not None:
                panel.test_button.setText(self.tr("&Test connection"))
        self.agency_form.retranslate()
        self.fee_form.retranslate()
        for form in self.forms.values():
            form.retranslate()
        current = self.current_section()
        shown: QWidget | None = self.agency_form if current == AGENCY else self.fee_form
        if current not in (AGENCY, FEES):
            shown = self.forms.get(SectionKey(current))
        if shown is not None:
            # The labels' and the buttons' new widths in this frame, from the fields' own
            # layout out: "Save" kept its Thai width and the English labels were cut.
            lay_out_now(shown)

    def _intro(self, name: str) -> str:
        if name == AGENCY:
            return self.tr(
                "The agency's names, code and number appear on letters and licences. Requests "
                "are received on the official e-mail address and replies are sent from it."
            )
        if name == FEES:
            return self.tr(
                "Where applicants pay: printed on every payment notice with its PromptPay QR. "
                "A PromptPay or biller ID is checked by building a QR with it when saved."
            )
        if name == SectionKey.MAILBOX:
            return self.tr(
                "The official mailbox requests arrive in. The password is kept in this "
                "computer's keyring, never in a file or the log."
            )
        if name == SectionKey.SMTP:
            sender = self._official_email or self.tr("(not set: see Agency)")
            return self.tr(
                "Replies and letters go out through this server, from the agency's official "
                "address: %1. The password is kept in the keyring."
            ).replace("%1", sender)
        if name == SectionKey.DRIVE:
            return self.tr("Files put in this folder are taken in as requests.")
        if name == SectionKey.SIGNING:
            return self.tr(
                "The driver of the approver's USB token. Only the approver's station needs it; "
                "the test loads it and lists the tokens, without asking for a PIN."
            )
        if name == SectionKey.ISSUING:
            return self.tr(
                "Where the public register of licences is published. Each licence's QR code, "
                "and the address printed under it, lead there so anyone can check a licence."
            )
        if name == SectionKey.RETENTION:
            return self.tr(
                "How many years a closed request is kept before it may be put on a "
                "destruction list for the head of the agency to order. Services whose legal "
                "period differs are listed in settings.toml (retention_by_service)."
            )
        if name == SectionKey.SCREEN_LOCK:
            return self.tr(
                "A workstation left alone locks itself: the request on screen is hidden until "
                "the officer types their password again. Ctrl+L locks at once."
            )
        return self.tr("Where copies of the store and the files go: another disk or a share.")

    def _effect_text(self, name: str) -> str:
        if name == FEES:
            return self.tr("Takes effect at once: the next payment notice uses it.")
        if name == AGENCY:
            return self.tr(
                "Takes effect at once: deadlines computed from now on use the new hours. "
                "No restart needed."
            )
        effect = self._effects.get(name)
        if effect is TakesEffect.NEXT_SYNC:
            return self.tr("Takes effect at the next sync round. No restart needed.")
        if effect is TakesEffect.NEXT_USE:
            return self.tr("Takes effect the next time it is used. No restart needed.")
        if effect is TakesEffect.WITHIN_SECONDS:
            return self.tr(
                "Takes effect within 15 seconds, also in the windows already open; the time "
                "already left unused counts. No restart needed."
            )
        return ""

    # -- data ---------------------------------------------------------------------------

    def refresh(self, saved: str | None = None) -> None:
        """Read the settings again. Sections edited and not saved keep what was typed
        (nothing is lost by switching pages); ``saved`` names the one just saved."""
        port, user = self._port, self._user

        def done(
            result: tuple[AgencyDetails, list[SectionValues], AccountDetails] | None,
            error: BaseException | None,
        ) -> None:
            self._loaded(result, error, saved)

        self._runner.run(
            lambda: (port.agency_details(user), port.sections(user), port.fee_account(user)),
            done,
            owner=self,
            label="settings.load",
        )

    def _loaded(
        self,
        result: tuple[AgencyDetails, list[SectionValues], AccountDetails] | None,
        error: BaseException | None,
        saved: str | None = None,
    ) -> None:
        if error is not None or result is None:
            self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
            return
        self.error.clear()
        self._edited.discard(saved or "")
        agency, sections, account = result
        if AGENCY not in self._edited:
            self.agency_form.set_details(agency)
        if FEES not in self._edited:
            self.fee_form.set_details(account)
        self._official_email = agency.email
        for section in sections:
            form = self.forms.get(section.key) or self._build_form(section)
            if section.key.value not in self._edited:
                form.set_values(section)
            self._effects[section.key.value] = section.takes_effect
        self.retranslate()

    def current_section(self) -> str:
        item = self.nav.currentItem()
        return AGENCY if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def show_section(self, name: str) -> None:
        self.nav.setCurrentRow(_ORDER.index(name))

    def panel(self, name: str) -> _Panel:
        return self.panels[name]

    # -- saving -------------------------------------------------------------------------

    def save_current(self) -> None:
        """Ctrl+S: save the section on screen."""
        name = self.current_section()
        if name == AGENCY:
            self.save_agency()
        elif name == FEES:
            self.save_fee_account()
        else:
            self.save_section(SectionKey(name))

    def save_agency(self, *, allow_free_mail: bool = False) -> None:
        panel = self.panels[AGENCY]
        details = self.agency_form.details()
        port, user = self._port, self._user
        panel.save_button.setEnabled(False)
        panel.result.show_busy(self.tr("Saving…"))

        def done(update: AgencyUpdate | None, error: BaseException | None) -> None:
            panel.save_button.setEnabled(True)
            if isinstance(error, FreeMailAddress):
                th, en = _FREE_MAIL
                panel.result.show_result(
                    False,
                    th.format(email=details.email, domain=error.domain),
                    en.format(email=details.email, domain=error.domain),
                )
                panel.result.error.set_action(
                    self.tr("Keep this address for now"),
                    lambda: self.save_agency(allow_free_mail=True),
                )
                return
            if error is not None or update is None:
                panel.result.show_result(False, *bilingual(error, *_FALLBACK))
                return
            self._official_email = details.email
            panel.result.show_result(True, *self._saved_words(bool(update.changed), AGENCY))
            if update.warning is not None:
                panel.result.error.show_message(*update.warning)
            if update.changed:
                self.agency_did_change.emit()
                self.refresh(saved=AGENCY)

        self._runner.run(
            lambda: port.save_agency(user, details, allow_free_mail=allow_free_mail),
            done,
            owner=self,
            label="settings.save_agency",
        )

    def save_fee_account(self) -> None:
        panel = self.panels[FEES]
        details = self.fee_form.details()
        port, user = self._port, self._user
        panel.save_button.setEnabled(False)
        panel.result.show_busy(self.tr("Saving…"))

        def done(changed: bool | None, error: BaseException | None) -> None:
            panel.save_button.setEnabled(True)
            if error is not None or changed is None:
                panel.result.show_result(False, *bilingual(error, *_FALLBACK))
                return
            panel.result.show_result(True, *self._saved_words(changed, AGENCY))
            if changed:
                self.refresh(saved=FEES)

        self._runner.run(
            lambda: port.save_fee_account(user, details),
            done,
            owner=self,
            label="settings.save_fee_account",
        )

    def save_section(self, key: SectionKey) -> None:
        form = self.forms.get(key)
        if form is None:
            return
        panel = self.panels[key.value]
        values, password = form.values(), form.typed_password()
        port, user = self._port, self._user
        panel.save_button.setEnabled(False)
        panel.result.show_busy(self.tr("Saving…"))

        def done(saved: SettingsSaved | None, error: BaseException | None) -> None:
            panel.save_button.setEnabled(True)
            if isinstance(error, SettingsRefused):
                # The fields by the labels above them, not by their settings.toml keys.
                panel.result.show_result(False, *error.by_label())
                return
            if error is not None or saved is None:
                panel.result.show_result(False, *bilingual(error, *_FALLBACK))
                return
            panel.result.show_result(True, *self._saved_words(not saved.nothing, key.value))
            if not saved.nothing:
                self.refresh(saved=key.value)

        self._runner.run(
            lambda: port.save_section(user, key, values, password),
            done,
            owner=self,
            label=f"settings.save_{key.value}",
        )

    def _saved_words(self, changed: bool, name: str) -> tuple[str, str]:
        # Both languages always, like every message the services send (the page's own
        # language is for its labels).
        if not changed:
            return ("ไม่มีอะไรเปลี่ยน — ค่าเหมือนเดิม", "Nothing changed: the values are as they were.")
        effect = self._effects.get(name)
        if name == AGENCY:
            when = ("มีผลทันที ไม่ต้องเปิดโปรแกรมใหม่", "It takes effect at once; no restart needed.")
        elif effect is TakesEffect.NEXT_SYNC:
            when = (
                "มีผลในการซิงค์รอบถัดไป ไม่ต้องเปิดโปรแกรมใหม่",
                "It takes effect at the next sync round; no restart needed.",
            )
        elif effect is TakesEffect.WITHIN_SECONDS:
            when = (
                "มีผลภายใน 15 วินาที รวมถึงหน้าต่างที่เปิดอยู่แล้ว ไม่ต้องเปิดโปรแกรมใหม่",
                "It takes effect within 15 seconds, also in the windows already open; "
                "no restart needed.",
            )
        else:
            when = (
                "มีผลในครั้งถัดไปที่ใช้ ไม่ต้องเปิดโปรแกรมใหม่",
                "It takes effect the next time it is used; no restart needed.",
            )
        return (
            f"บันทึกแล้ว และบันทึกลงประวัติการใช้งาน {when[0]}",
            f"Saved, and recorded in the audit log. {when[1]}",
        )

    # -- testing ------------------------------------------------------------------------

    def test_section(self, key: SectionKey) -> None:
        form = self.forms.get(key)
        panel = self.panels[key.value]
        if form is None or panel.test_button is None:
            return
        values, password = form.values(), form.typed_password()
        port, user = self._port, self._user
        button = panel.test_button
        button.setEnabled(False)
        panel.result.show_busy(self.tr("Testing… (at most half a minute)"))

        def done(result: ProbeResult | None, error: BaseException | None) -> None:
            button.setEnabled(True)
            if error is not None or result is None:
                panel.result.show_result(False, *bilingual(error, *_FALLBACK))
                return
            panel.result.show_result(
                result.ok, result.th, result.en, result.reply, self.tr("The server's answer:")
            )

        self._runner.run(
            lambda: port.test_section(user, key, values, password),
            done,
            pool="io",
            owner=self,
            label=f"settings.test_{key.value}",
        )

    def result_of(self, name: str) -> Any:
        """The answer box of a section (tests read it)."""
        return self.panels[name].result
