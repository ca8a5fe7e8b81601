"""The "Not requests" tray: mail intake set aside as not a request, and "a request after all".

:class:`NotRequestsView` is a page of the main window (left pane "Not requests", Alt+N) for
the roles the access table lets see it (intake, and the administrator who looks after the
mailbox). A table of bounces, auto-replies, newsletters and notices — sender, subject,
received time, why it was judged not a request — and beside it the chosen mail's details and
"This is a request after all" (Ctrl+R), which only the roles allowed to take it may use:
the mail then enters the normal intake flow and is acknowledged like any request.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QWidget,
)

from services.api import IntakePort, JudgedMail, NotRequestRow, SignedInUser
from ui.common import i18n
from ui.common.formatting import format_date
from ui.common.naming import named
from ui.common.tasks import TaskRunner
from ui.intake.tray_model import TrayModel, TrayPage, TraySidePanel

__all__ = ["NotRequestColumn", "NotRequestModel", "NotRequestsView", "TAKE_KEY"]

TAKE_KEY = "Ctrl+R"
"""The one key that takes the chosen mail as a request after all."""

_SIDE_WIDTH = 320
_SIDE_MIN_WIDTH = 240


class NotRequestColumn(IntEnum):
    RECEIVED = 0
    SENDER = 1
    SUBJECT = 2
    REASON = 3


_WIDTHS = {
    NotRequestColumn.RECEIVED: 130,
    NotRequestColumn.SENDER: 190,
    NotRequestColumn.SUBJECT: 220,
}


def _reason(row: NotRequestRow, language: str) -> tuple[str, str]:
    """(the reason in the UI language, the other language)."""
    if language == "th":
        return row.reason_th or row.reason_en, row.reason_en
    return row.reason_en or row.reason_th, row.reason_th


def _sender(row: NotRequestRow) -> str:
    if row.sender_name and row.sender_address:
        return f"{row.sender_name} <{row.sender_address}>"
    return row.sender_address or row.sender_name


class NotRequestModel(TrayModel[NotRequestRow, NotRequestColumn]):
    """The set-aside mails, as read by ``port.not_requests``."""

    columns = NotRequestColumn

    def titles(self) -> dict[NotRequestColumn, str]:
        return {
            NotRequestColumn.RECEIVED: self.tr("Received"),
            NotRequestColumn.SENDER: self.tr("Sender"),
            NotRequestColumn.SUBJECT: self.tr("Subject"),
            NotRequestColumn.REASON: self.tr("Why it is not a request"),
        }

    def display(self, row: NotRequestRow, column: NotRequestColumn) -> Any:
        if column == NotRequestColumn.RECEIVED:
            return format_date(row.received_at, self._language)
        if column == NotRequestColumn.SENDER:
            return row.sender_name or row.sender_address
        if column == NotRequestColumn.SUBJECT:
            return row.subject or self.tr("(no subject)")
        return _reason(row, self._language)[0]

    def tooltip(self, row: NotRequestRow, column: NotRequestColumn) -> Any:
        if column == NotRequestColumn.SENDER:
            return _sender(row)
        if column == NotRequestColumn.REASON:
            return "\n".join(t for t in _reason(row, self._language) if t)
        if column == NotRequestColumn.SUBJECT:
            return row.subject
        return None


class _TakePanel(TraySidePanel[NotRequestRow]):
    """The chosen mail's details and "This is a request after all"."""

    take_requested = Signal(str)  # the tray row's id

    def __init__(self, can_take: bool, parent: QWidget | None = None) -> None:
        super().__init__(_SIDE_WIDTH, parent)
        self._can_take = can_take
        body = self.body_layout
        self.take_button = named(QPushButton(), "Primary")
        self.take_button.clicked.connect(self.take)
        self.take_button.setEnabled(can_take)
        body.addWidget(self.take_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.why_not = named(QLabel(), "Muted")
        self.why_not.setWordWrap(True)
        self.why_not.setVisible(not can_take)
        body.addWidget(self.why_not)
        self.finish()

    def take(self) -> None:
        if self._row is None or not self._can_take or not self.take_button.isEnabled():
            return
        self.set_busy(True)
        self.take_requested.emit(self._row.id)

    def set_busy(self, busy: bool) -> None:
        self.take_button.setEnabled(self._can_take and not busy)

    def retranslate(self) -> None:
        self.placeholder.setText(self.tr("Choose a mail in the list to see why it was set aside."))
        self.take_button.setText(self.tr("This is a request after all"))
        self.take_button.setToolTip(
            self.tr(
                "It becomes a request in the normal intake flow and the sender is sent the "
                "acknowledgement ({key})"
            ).format(key=TAKE_KEY)
        )
        self.why_not.setText(
            self.tr("Only an intake officer decides that a mail here is a request.")
        )
        self.fill()

    def describe(self, row: NotRequestRow, language: str) -> tuple[str, list[tuple[str, str]]]:
        first, other = _reason(row, language)
        return row.subject or self.tr("(no subject)"), [
            (self.tr("Why it is not a request"), first),
            (self.tr("In the other language"), other),
            (self.tr("Sender"), _sender(row)),
            (self.tr("Received"), format_date(row.received_at, language, short=False)),
        ]


class NotRequestsView(TrayPage[NotRequestRow]):
    """The tray and the decision on it.

    Signals:
        items_did_load(int): the tray was read; how many mails are in it.
        mail_did_become_request(str tracking_number): a mail was taken as a request.
    """

    items_did_load = Signal(int)
    mail_did_become_request = Signal(str)

    def __init__(
        self,
        port: IntakePort,
        user: SignedInUser,
        runner: TaskRunner,
        *,
        can_take: bool,
        parent: QWidget | None = None,
    ) -> None:
        side = _TakePanel(can_take)
        super().__init__(
            runner=runner,
            model=NotRequestModel(),
            row_type=NotRequestRow,
            side=side,
            side_min_width=_SIDE_MIN_WIDTH,
            table_name="NotRequestsTable",
            widths=_WIDTHS,
            stretch_column=NotRequestColumn.REASON,
            parent=parent,
        )
        self.setObjectName("NotRequestsView")
        self.model.setParent(self)
        self._port = port
        self._user = user
        self._can_take = can_take
        self.side = side

        # The one key, wherever the focus is on this page (the list or the panel).
        self.take_shortcut = QShortcut(QKeySequence(TAKE_KEY), self)
        self.take_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.take_shortcut.activated.connect(self.side.take)
        self.side.take_requested.connect(self._take)
        self.retranslate()

    def refresh(self) -> None:
        """Read the tray again (in the database worker)."""
        port, user = self._port, self._user
        self._rows.read(
            lambda: port.not_requests(user),
            failed=(
                "อ่านรายการอีเมลที่ไม่ใช่คำขอไม่ได้ ลองอีกครั้ง หากยังไม่ได้โปรดแจ้งผู้ดูแลระบบ",
                "Could not read the mail set aside as not requests. Try again; "
                "if it keeps failing, tell your administrator.",
            ),
            retry=(lambda: self.tr("Try again"), self.refresh),
            did_load=self.items_did_load.emit,
            label="not_requests.list",
        )

    def _take(self, item_id: str) -> None:
        port, user = self._port, self._user

        def done(tracking: str | None, error: BaseException | None) -> None:
            self.side.set_busy(False)
            if error is not None:
                self.side.error_box.show_error(
                    error,
                    fallback_th="รับอีเมลนี้เป็นคำขอไม่สำเร็จ ลองอีกครั้ง หากยังไม่ได้โปรดแจ้งผู้ดูแลระบบ",
                    fallback_en="Could not take this mail as a request. Try again; if it keeps "
                    "failing, tell your administrator.",
                )
                self.refresh()  # decided by someone else meanwhile: the list says so
                return
            self.notice.setText(
                self.tr("Taken as request {number}; the sender is sent the acknowledgement.")
                .format(number=tracking or "—")
            )  # fmt: skip
            self.notice.show()
            self.mail_did_become_request.emit(tracking or "")
            self.refresh()
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

        def judged(mail: JudgedMail | None, error: BaseException | None) -> None:
            if error is not None or mail is None:
                done(None, error)
                return
            self._runner.run(
                lambda: port.take_as_request(user, item_id, mail),
                done,
                pool="db",
                owner=self,
                label="not_requests.take",
            )

        self.notice.hide()
        # Its files are judged as any mail's, by the viewer's engine too, which may take
        # seconds on a PDF: in the I/O pool, so the one database worker only records.
        self._runner.run(
            lambda: port.judge_mail_to_take(user, item_id),
            judged,
            pool="io",
            owner=self,
            label="not_requests.judge",
        )

    def retranslate(self) -> None:
        self.model.set_language(i18n.current_language())
        self.title.setText(self.tr("Not requests"))
        if self._can_take:
            intro = self.tr(
                "Mail that reached the intake address but is not a request: delivery reports, "
                "automatic replies, newsletters and notices. None of it was answered. If one "
                "is a request after all, choose it and press {key}."
            ).format(key=TAKE_KEY)
        else:
            intro = self.tr(
                "Mail that reached the intake address but is not a request: delivery reports, "
                "automatic replies, newsletters and notices. None of it was answered. An "
                "intake officer decides whether one is a request after all."
            )
        self.intro.setText(intro)
        self.refresh_button.setText(self.tr("Refresh"))
        self.empty.setText(self.tr("No mail was set aside. Everything that arrived was a request."))
        self.table.setAccessibleName(self.tr("Not requests"))
