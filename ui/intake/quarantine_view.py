"""Quarantined files: what intake held back, and the officer's decision to release or discard.

:class:`QuarantineView` is a page of the main window (left pane "Quarantine", Alt+Q) for the
intake and reviewer roles: a table of held files and, beside it, a panel with the chosen
file's facts and the two decisions. Each decision asks for a short reason in a line edit in
that panel (never a modal box), runs in the database worker, and shows a failure inline in
Thai and English.
"""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.api import IntakePort, QuarantineRow, SignedInUser, format_size
from ui.common import i18n
from ui.common.formatting import channel_label, format_date
from ui.common.naming import named
from ui.common.tasks import TaskRunner
from ui.intake.tray_model import TrayModel, TrayPage, TraySidePanel

__all__ = ["QuarantineColumn", "QuarantineModel", "QuarantineView"]


_SIDE_WIDTH = 310
_SIDE_MIN_WIDTH = 220


class QuarantineColumn(IntEnum):
    FILE = 0
    REASON = 1
    CHANNEL = 2
    TRACKING = 3
    RECEIVED = 4
    SIZE = 5


# The reason takes what is left (the panel beside the list shows it whole).
_WIDTHS = {
    QuarantineColumn.FILE: 180,
    QuarantineColumn.CHANNEL: 90,
    QuarantineColumn.TRACKING: 154,
    QuarantineColumn.RECEIVED: 126,
    QuarantineColumn.SIZE: 72,
}


def _received(row: QuarantineRow) -> datetime:
    """When the mail or file reached the agency (the hold's time only if none is recorded)."""
    return row.received_at or row.created_at


def _reason(row: QuarantineRow, language: str) -> tuple[str, str]:
    """(the reason in the UI language, the other language) — either may be missing."""
    first, second = (
        (row.reason_th, row.reason_en) if language == "th" else (row.reason_en, row.reason_th)
    )
    return first or second, second if first else ""


class QuarantineModel(TrayModel[QuarantineRow, QuarantineColumn]):
    """The held files, as read by ``port.quarantine_items``."""

    columns = QuarantineColumn

    def titles(self) -> dict[QuarantineColumn, str]:
        return {
            QuarantineColumn.FILE: self.tr("File"),
            QuarantineColumn.REASON: self.tr("Why it was held"),
            QuarantineColumn.CHANNEL: self.tr("Channel"),
            QuarantineColumn.TRACKING: self.tr("Tracking no."),
            QuarantineColumn.RECEIVED: self.tr("Received"),
            QuarantineColumn.SIZE: self.tr("Size"),
        }

    def display(self, row: QuarantineRow, column: QuarantineColumn) -> Any:
        if column == QuarantineColumn.FILE:
            return row.filename
        if column == QuarantineColumn.REASON:
            return _reason(row, self._language)[0]
        if column == QuarantineColumn.CHANNEL:
            return channel_label(row.channel)
        if column == QuarantineColumn.TRACKING:
            return row.tracking_number or "—"
        if column == QuarantineColumn.RECEIVED:
            return format_date(_received(row), self._language)
        return format_size(row.size)

    def tooltip(self, row: QuarantineRow, column: QuarantineColumn) -> Any:
        if column == QuarantineColumn.REASON:
            first, other = _reason(row, self._language)
            return "\n".join(t for t in (first, other) if t)
        if column == QuarantineColumn.FILE:
            return f"{row.filename}\n{row.content_type}"
        if column == QuarantineColumn.RECEIVED:
            return self.tr("Received {received}; held by the sync of {held}").format(
                received=format_date(_received(row), self._language, short=False),
                held=format_date(row.created_at, self._language, short=False),
            )
        return None

    def alignment(self, column: QuarantineColumn) -> Qt.AlignmentFlag | None:
        if column == QuarantineColumn.SIZE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class _DecisionPanel(TraySidePanel[QuarantineRow]):
    """The chosen file's facts, "Release"/"Discard", and the reason asked inline."""

    decision_did_confirm = Signal(str, str, str)  # action ("release"|"discard"), id, reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_SIDE_WIDTH, parent)
        self._action: str | None = None
        body = self.body_layout
        buttons = QHBoxLayout()
        self.release_button = named(QPushButton(), "ReleaseButton")
        self.discard_button = named(QPushButton(), "DiscardButton")
        self.release_button.clicked.connect(lambda: self.ask("release"))
        self.discard_button.clicked.connect(lambda: self.ask("discard"))
        buttons.addWidget(self.release_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        body.addLayout(buttons)

        self.ask_box = named(QFrame(), "DecisionBox")
        ask = QVBoxLayout(self.ask_box)
        ask.setContentsMargins(12, 10, 12, 10)
        ask.setSpacing(6)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-weight: bold;")
        ask.addWidget(self.question)
        self.hint = named(QLabel(), "HintError")
        self.reason_edit = named(QLineEdit(), "DecisionReason")
        self.reason_edit.setMaxLength(500)
        self.reason_edit.returnPressed.connect(self.confirm)
        self.reason_edit.textChanged.connect(lambda _: self.hint.setText(""))
        ask.addWidget(self.reason_edit)
        self.hint.setWordWrap(True)
        ask.addWidget(self.hint)
        confirm_row = QHBoxLayout()
        self.confirm_button = named(QPushButton(), "Primary")
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        confirm_row.addWidget(self.confirm_button)
        confirm_row.addWidget(self.cancel_button)
        confirm_row.addStretch(1)
        ask.addLayout(confirm_row)
        self.ask_box.hide()
        body.addWidget(self.ask_box)
        self.finish()

    @property
    def action(self) -> str | None:
        """The decision being asked for ("release"/"discard"), or None."""
        return self._action if self.ask_box.isVisibleTo(self) else None

    def other_row_chosen(self) -> None:
        self.cancel()
        super().other_row_chosen()

    def ask(self, action: str) -> None:
        """Open the reason line for ``action`` ("release" or "discard")."""
        if self._row is None:
            return
        self._action = action
        self.hint.setText("")
        self.error_box.clear()
        self._retranslate_question()
        self.ask_box.show()
        self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel(self) -> None:
        self._action = None
        self.reason_edit.clear()
        self.hint.setText("")
        self.ask_box.hide()

    def confirm(self) -> None:
        if self._row is None or self._action is None:
            return
        reason = self.reason_edit.text().strip()
        if not reason:
            self.hint.setText(self.tr("Write a short reason; it is kept in the audit log."))
            self.reason_edit.setFocus()
            return
        self.set_busy(True)
        self.decision_did_confirm.emit(self._action, self._row.id, reason)

    def set_busy(self, busy: bool) -> None:
        for widget in (
            self.release_button,
            self.discard_button,
            self.confirm_button,
            self.reason_edit,
        ):
            widget.setEnabled(not busy)

    def retranslate(self) -> None:
        self.placeholder.setText(
            self.tr(
                "Choose a file in the list to see why it was held, then release it "
                "(it becomes a document of its request) or discard it."
            )
        )
        self.release_button.setText(self.tr("Release…"))
        self.release_button.setToolTip(self.tr("Accept the file as a document of its request"))
        self.discard_button.setText(self.tr("Discard…"))
        self.discard_button.setToolTip(self.tr("Do not keep the file with the request"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.reason_edit.setPlaceholderText(self.tr("Reason (required)"))
        self._retranslate_question()
        self.fill()

    def _retranslate_question(self) -> None:
        if self._action == "discard":
            self.question.setText(self.tr("Why discard this file?"))
            self.confirm_button.setText(self.tr("Discard file"))
        else:
            self.question.setText(self.tr("Why release this file?"))
            self.confirm_button.setText(self.tr("Release file"))

    def describe(self, row: QuarantineRow, language: str) -> tuple[str, list[tuple[str, str]]]:
        first, other = _reason(row, language)
        return row.filename, [
            (self.tr("Why it was held"), first),
            (self.tr("In the other language"), other),
            (self.tr("Request"), row.tracking_number or self.tr("Not linked to a request")),
            (self.tr("Channel"), channel_label(row.channel)),
            (self.tr("Received"), format_date(_received(row), language, short=False)),
            (self.tr("Held by the sync of"), format_date(row.created_at, language, short=False)),
            (self.tr("Size and type"), f"{format_size(row.size)} · {row.content_type}"),
        ]


class QuarantineView(TrayPage[QuarantineRow]):
    """The held files and the decisions on them.

    Signals:
        items_did_load(int held): the list was read; how many files are held.
        quarantine_did_change(str action, str item_id): a file was released or discarded.
    """

    items_did_load = Signal(int)
    quarantine_did_change = Signal(str, str)

    def __init__(
        self,
        port: IntakePort,
        user: SignedInUser,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        side = _DecisionPanel()
        super().__init__(
            runner=runner,
            model=QuarantineModel(),
            row_type=QuarantineRow,
            side=side,
            side_min_width=_SIDE_MIN_WIDTH,
            table_name="QuarantineTable",
            widths=_WIDTHS,
            stretch_column=QuarantineColumn.REASON,
            parent=parent,
        )
        self.setObjectName("QuarantineView")
        self.model.setParent(self)
        self._port = port
        self._user = user
        self.side = side
        self.side.decision_did_confirm.connect(self._decide)
        self.retranslate()

    # -- public -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the held files again (in the database worker)."""
        port, user = self._port, self._user
        self._rows.read(
            lambda: port.quarantine_items(user),
            failed=(
                "อ่านรายการไฟล์ที่กักไว้ไม่ได้ ลองอีกครั้ง หากยังไม่ได้โปรดแจ้งผู้ดูแลระบบ",
                "Could not read the quarantined files. Try again; "
                "if it keeps failing, tell your administrator.",
            ),
            retry=(lambda: self.tr("Try again"), self.refresh),
            did_load=self.items_did_load.emit,
            label="quarantine.list",
        )

    def filenames(self) -> list[str]:
        return [self.model.row_at(r).filename for r in range(self.model.rowCount())]

    # -- internals ----------------------------------------------------------------------

    def _decide(self, action: str, item_id: str, reason: str) -> None:
        port, user = self._port, self._user
        filename = self.side.row.filename if self.side.row is not None else ""

        def work() -> None:
            if action == "release":
                port.release_quarantine(user, item_id, reason)
            else:
                port.discard_quarantine(user, item_id, reason)

        def done(_result: object, error: BaseException | None) -> None:
            self.side.set_busy(False)
            if error is not None:
                if action == "release":
                    th, en = (
                        "ปล่อยไฟล์นี้ไม่สำเร็จ ลองอีกครั้ง หากยังไม่ได้โปรดแจ้งผู้ดูแลระบบ",
                        "Could not release this file. Try again; if it keeps failing, "
                        "tell your administrator.",
                    )
                else:
                    th, en = (
                        "ทิ้งไฟล์นี้ไม่สำเร็จ ลองอีกครั้ง หากยังไม่ได้โปรดแจ้งผู้ดูแลระบบ",
                        "Could not discard this file. Try again; if it keeps failing, "
                        "tell your administrator.",
                    )
                self.side.error_box.show_error(error, fallback_th=th, fallback_en=en)
                return
            self.side.cancel()
            message = (
                self.tr("Released “{name}”: it is now a document of its request.")
                if action == "release"
                else self.tr("Discarded “{name}” (kept as evidence only).")
            )
            self.notice.setText(message.format(name=filename))
            self.notice.show()
            self.quarantine_did_change.emit(action, item_id)
            self.refresh()

        self.notice.hide()
        self._runner.run(work, done, pool="db", owner=self, label=f"quarantine.{action}")

    def retranslate(self) -> None:
        self.model.set_language(i18n.current_language())
        self.title.setText(self.tr("Quarantined files"))
        self.intro.setText(
            self.tr(
                "Files that arrived but were not added to a request, because they could not "
                "be checked or could be unsafe. Decide on each one."
            )
        )
        self.refresh_button.setText(self.tr("Refresh"))
        self.empty.setText(self.tr("No files are held. Everything that arrived was accepted."))
        self.table.setAccessibleName(self.tr("Quarantined files"))
