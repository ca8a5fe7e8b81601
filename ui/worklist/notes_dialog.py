"""Internal notes on a request (ความเห็นเจ้าหน้าที่): read what earlier officers wrote and
add one. For officers only — the dialog says so, and the services keep notes out of every
letter and answer to the applicant."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.api import NoteRow, SignedInUser, WorklistPort
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.formatting import format_date
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner

__all__ = ["NotesDialog"]

_READ_FAILED = (
    "อ่านความเห็นเจ้าหน้าที่ไม่ได้ ลองอีกครั้ง",
    "Could not read the internal notes. Try again.",
)
_SAVE_FAILED = (
    "บันทึกความเห็นไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "The note could not be saved because of an internal error. Please tell your administrator.",
)


class NotesDialog(Retranslating, QDialog):
    """The request's notes, oldest first, and a box for a new one (Ctrl+Enter saves).

    Signals:
        note_did_add(object NoteRow): a note was saved.
    """

    note_did_add = Signal(object)

    def __init__(
        self,
        port: WorklistPort,
        runner: TaskRunner,
        user: SignedInUser,
        application_id: str,
        tracking_number: str,
        *,
        can_write: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("NotesDialog")
        self.setModal(True)
        self.resize(640, 520)
        self._port, self._runner, self._user = port, runner, user
        self._application_id = application_id
        self._number = tracking_number
        self._notes: list[NoteRow] = []
        self._busy = False

        body = QVBoxLayout(self)
        body.setContentsMargins(24, 20, 24, 16)
        body.setSpacing(8)
        self.heading = named(QLabel(), "DialogHeading")
        body.addWidget(self.heading)
        self.audience = named(QLabel(), "Muted")
        self.audience.setWordWrap(True)
        body.addWidget(self.audience)
        self.list = named(QListWidget(), "NotesList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.addWidget(self.list, 1)
        self.empty = named(QLabel(), "Muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.addWidget(self.empty)
        self.new_label = named(QLabel(), "FormLabel")
        self.editor = named(QPlainTextEdit(), "NoteEditor")
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 4 + 16)
        self.new_label.setBuddy(self.editor)
        for widget in (self.new_label, self.editor):
            widget.setVisible(can_write)
            body.addWidget(widget)
        self.error = ErrorBox()
        body.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        self.add_button = named(QPushButton(), "Primary")
        self.add_button.clicked.connect(self.add)
        self.add_button.setVisible(can_write)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.add_button)
        body.addLayout(buttons)
        self.editor.textChanged.connect(self._update)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.add)
        self.retranslate()
        self._update()
        (self.editor if can_write else self.close_button).setFocus()
        self.load()

    @property
    def notes(self) -> list[NoteRow]:
        return list(self._notes)

    def load(self) -> None:
        port, user, app_id = self._port, self._user, self._application_id

        def done(notes: list[NoteRow] | None, error: BaseException | None) -> None:
            if error is not None or notes is None:
                self.error.show_error(
                    error, fallback_th=_READ_FAILED[0], fallback_en=_READ_FAILED[1]
                )
                return
            self._notes = notes
            self._render()

        self._runner.run(lambda: port.notes(user, app_id), done, owner=self, label="notes.read")

    def add(self) -> None:
        text = self.editor.toPlainText()
        if self._busy or not self.add_button.isVisible() or not text.strip():
            return
        self._busy = True
        self._update()
        self.error.clear()
        port, user, app_id = self._port, self._user, self._application_id

        def done(note: NoteRow | None, error: BaseException | None) -> None:
            self._busy = False
            self._update()
            if error is not None or note is None:
                self.error.show_error(
                    error, fallback_th=_SAVE_FAILED[0], fallback_en=_SAVE_FAILED[1]
                )
                return
            self._notes.append(note)
            self.editor.clear()
            self._render()
            self.note_did_add.emit(note)

        self._runner.run(
            lambda: port.add_note(user, app_id, text), done, owner=self, label="notes.add"
        )

    def _update(self, *_: Any) -> None:
        self.add_button.setEnabled(not self._busy and bool(self.editor.toPlainText().strip()))

    def _render(self) -> None:
        language = i18n.current_language()
        self.list.clear()
        for note in self._notes:
            when = format_date(note.created_at, language, short=False)
            item = QListWidgetItem(f"{note.author} · {when}\n{note.body}")
            item.setToolTip(note.author_username)
            self.list.addItem(item)
        self.list.setVisible(bool(self._notes))
        self.empty.setVisible(not self._notes)
        if self._notes:
            self.list.scrollToBottom()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Internal notes"))
        self.heading.setText(self.tr("Internal notes on {number}").format(number=self._number))
        self.audience.setText(
            self.tr(
                "For officers and the approver only. Notes are never sent to the applicant "
                "and never appear in letters or status answers."
            )
        )
        self.empty.setText(self.tr("No notes yet."))
        self.new_label.setText(self.tr("&New note"))
        self.close_button.setText(self.tr("Close"))
        self.add_button.setText(self.tr("Add note (Ctrl+Enter)"))
        self._render()
