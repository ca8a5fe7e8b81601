"""Side composers of the review screen: ask the applicant for documents, or reject.

Both open beside the document (in place of the checklist), never as modal boxes, and talk
to the port themselves through the runner's database worker. Failures show inline in Thai
and English; Esc or "Cancel" goes back to the checklist.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from services.api import (
    BANGKOK,
    ApplicationDetail,
    ChecklistItem,
    ReviewPort,
    SignedInUser,
    Verdict,
)
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.formatting import format_date
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.review.checklist import verdict_label

__all__ = ["DEFAULT_ANSWER_DAYS", "RejectComposer", "RequestDocumentsComposer"]

DEFAULT_ANSWER_DAYS = 10
"""Calendar days the applicant gets to answer (about seven business days)."""
_CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class _Composer(Retranslating, QFrame):
    """Title, a scrolling body, an inline error box and a button row; Esc cancels.

    Signals:
        composer_did_close(): cancelled or done; the review screen shows the checklist again.
    """

    composer_did_close = Signal()

    def __init__(
        self,
        port: ReviewPort,
        user: SignedInUser,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Composer")
        self._port = port
        self._user = user
        self._runner = runner
        self._detail: ApplicationDetail | None = None
        self._busy = False
        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        host = named(QWidget(), "ComposerBody")
        self.body = QVBoxLayout(host)
        self.body.setContentsMargins(16, 12, 16, 12)
        self.body.setSpacing(8)
        self.title = named(QLabel(), "ComposerTitle")
        self.body.addWidget(self.title)
        self.intro = named(QLabel(), "Muted")
        self.intro.setWordWrap(True)
        self.body.addWidget(self.intro)
        scroll.setWidget(host)
        self.scroll_area = scroll
        outer.addWidget(scroll, 1)
        self.error_box = ErrorBox()
        error_holder = QVBoxLayout()
        error_holder.setContentsMargins(12, 0, 12, 0)
        error_holder.addWidget(self.error_box)
        outer.addLayout(error_holder)
        bar = named(QFrame(), "ComposerButtons")
        self.buttons = QHBoxLayout(bar)
        self.buttons.setContentsMargins(12, 8, 12, 10)
        self.buttons.setSpacing(8)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        outer.addWidget(bar)

    def label(self, text: str = "") -> QLabel:
        label = named(QLabel(text), "FormLabel")
        label.setWordWrap(True)
        return label

    def cancel(self) -> None:
        self.error_box.clear()
        self.composer_did_close.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel (Esc)"))

    def run(self, fn: Any, done: Any, label: str) -> None:
        self._set_busy(True)
        self.error_box.clear()

        def finished(result: Any, error: BaseException | None) -> None:
            self._set_busy(False)
            done(result, error)

        self._runner.run(fn, finished, pool="db", owner=self, label=label)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy


class RequestDocumentsComposer(_Composer):
    """Tick the missing or rejected items, write a message, choose the answer date, preview,
    send. Sending moves the application to "waiting for the applicant" (the clock stops).

    Signals:
        request_did_send(): the request was queued; the application left the queue.
    """

    request_did_send = Signal()

    def __init__(
        self,
        port: ReviewPort,
        user: SignedInUser,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(port, user, runner, parent)
        self.setObjectName("RequestComposer")
        self.items_label = self.label()
        self.body.addWidget(self.items_label)
        self.items = named(QListWidget(), "RequestItems")
        self.items.setWordWrap(True)
        # A long Thai document name wraps within the list instead of scrolling it sideways.
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setResizeMode(QListView.ResizeMode.Adjust)
        # Two items at least, and whatever height is spare: its own wish (~190 px) counted in
        # the form's height, which then outgrew a 1280×720 window under the demo band and
        # put the "Answer by" row below the scrolling area's bottom, behind the buttons.
        self.items.setMinimumHeight(96)
        self.items.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.items.itemChanged.connect(self._changed)
        self.body.addWidget(self.items, 1)
        self.message_label = self.label()
        self.body.addWidget(self.message_label)
        self.message = named(QPlainTextEdit(), "RequestMessage")
        self.message.setFixedHeight(84)
        self.message.setTabChangesFocus(True)
        self.message.textChanged.connect(self._changed)
        self.body.addWidget(self.message)
        deadline_row = QHBoxLayout()
        deadline_row.setSpacing(8)
        self.deadline_label = self.label()
        deadline_row.addWidget(self.deadline_label)
        self.deadline = named(QDateEdit(), "RequestDeadline")
        self.deadline.setCalendarPopup(True)
        # Day and month only: the year shows in full below, in the Buddhist Era.
        self.deadline.setDisplayFormat("d MMM")
        self.deadline.dateChanged.connect(self._deadline_changed)
        deadline_row.addWidget(self.deadline)
        self.deadline_text = named(QLabel(), "Muted")
        deadline_row.addWidget(self.deadline_text, 1)
        self.body.addLayout(deadline_row)

        # The preview takes the composer's whole height, in place of the form: the letter is
        # what the officer reads before sending, and it needs the room.
        self.preview_page = named(QWidget(), "ComposerBody")
        preview_layout = QVBoxLayout(self.preview_page)
        preview_layout.setContentsMargins(16, 12, 16, 8)
        preview_layout.setSpacing(8)
        self.preview_title = named(QLabel(), "ComposerTitle")
        preview_layout.addWidget(self.preview_title)
        self.preview_subject = named(QLabel(), "PreviewSubject")
        self.preview_subject.setWordWrap(True)
        self.preview_subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        preview_layout.addWidget(self.preview_subject)
        self.preview = named(QPlainTextEdit(), "RequestPreview")
        self.preview.setReadOnly(True)
        preview_layout.addWidget(self.preview, 1)
        self.preview_page.hide()
        self._outer.insertWidget(1, self.preview_page, 1)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self._clear_preview)
        self.back_button.hide()

        self.preview_button = QPushButton()
        self.preview_button.clicked.connect(self.preview_request)
        self.send_button = named(QPushButton(), "Primary")
        self.send_button.clicked.connect(self.send)
        self.buttons.addWidget(self.cancel_button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.back_button)
        self.buttons.addWidget(self.preview_button)
        self.buttons.addWidget(self.send_button)
        self.retranslate()

    # -- data ---------------------------------------------------------------------------

    @staticmethod
    def _item_text(item: ChecklistItem, language: str) -> str:
        name = (item.name_th if language == "th" else item.name_en) or item.name_th
        state = verdict_label(item.verdict)
        return f"{name}\n{state}" + (f": {item.reason}" if item.reason else "")

    def _reword_items(self) -> None:
        """The documents' names and verdicts in the language switched to; the ticks stay."""
        if self._detail is None:
            return
        language = i18n.current_language()
        by_code = {item.code: item for item in self._detail.checklist}
        for row in range(self.items.count()):
            entry = self.items.item(row)
            item = by_code.get(entry.data(_CODE_ROLE))
            if item is not None:
                entry.setText(self._item_text(item, language))

    def open_for(self, detail: ApplicationDetail, *, today: date | None = None) -> None:
        """Start a request for ``detail``: missing and rejected items ticked."""
        self._detail = detail
        language = i18n.current_language()
        wanted = set(detail.missing_items) | {
            i.code for i in detail.checklist if i.verdict == Verdict.REJECTED
        }
        self.items.blockSignals(True)
        self.items.clear()
        for item in detail.checklist:
            entry = QListWidgetItem(self._item_text(item, language))
            entry.setData(_CODE_ROLE, item.code)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(
                Qt.CheckState.Checked if item.code in wanted else Qt.CheckState.Unchecked
            )
            self.items.addItem(entry)
        self.items.blockSignals(False)
        self.message.clear()
        # The services' today, not the computer's: the deadline the services check counts
        # from their clock (a reading, no store access, so fine on the GUI thread).
        start = today or self._port.today()
        answer_by = start + timedelta(days=DEFAULT_ANSWER_DAYS)
        self.deadline.setMinimumDate(QDate(start.year, start.month, start.day))
        self.deadline.setDate(QDate(answer_by.year, answer_by.month, answer_by.day))
        self._deadline_changed()
        self._clear_preview()
        self.error_box.clear()
        self.items.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.items.count():
            self.items.setCurrentRow(0)

    def cancel(self) -> None:
        """Esc: from the preview back to the form; from the form, close."""
        if self.preview_page.isVisibleTo(self):
            self._clear_preview()
            return
        super().cancel()

    def chosen_codes(self) -> tuple[str, ...]:
        return tuple(
            self.items.item(n).data(_CODE_ROLE)
            for n in range(self.items.count())
            if self.items.item(n).checkState() == Qt.CheckState.Checked
        )

    def deadline_date(self) -> date:
        value = self.deadline.date()
        return date(value.year(), value.month(), value.day())

    # -- actions ------------------------------------------------------------------------

    def preview_request(self) -> None:
        detail = self._detail
        if detail is None or self._busy:
            return
        port, user = self._port, self._user
        codes, text, deadline = (
            self.chosen_codes(),
            self.message.toPlainText().strip(),
            (self.deadline_date()),
        )

        def done(result: tuple[str, str] | None, error: BaseException | None) -> None:
            if error is not None or result is None:
                self.error_box.show_error(
                    error,
                    fallback_th="สร้างตัวอย่างหนังสือขอเอกสารไม่ได้ ลองอีกครั้ง",
                    fallback_en="Could not prepare the preview of the request. Try again.",
                )
                return
            subject, body = result
            self.preview_subject.setText(subject)
            self.preview.setPlainText(body)
            self._show_preview(True)

        self.run(
            lambda: port.preview_document_request(user, detail.row.id, codes, text, deadline),
            done,
            "review.preview_request",
        )

    def send(self) -> None:
        detail = self._detail
        if detail is None or self._busy:
            return
        port, user = self._port, self._user
        codes, text, deadline = (
            self.chosen_codes(),
            self.message.toPlainText().strip(),
            (self.deadline_date()),
        )

        def done(_result: Any, error: BaseException | None) -> None:
            if error is not None:
                self.error_box.show_error(
                    error,
                    fallback_th="ส่งคำขอเอกสารเพิ่มเติมไม่ได้ ลองอีกครั้ง",
                    fallback_en="Could not send the request for documents. Try again.",
                )
                return
            self.request_did_send.emit()

        self.run(
            lambda: port.request_documents(user, detail.row.id, codes, text, deadline),
            done,
            "review.request_documents",
        )

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.preview_button.setEnabled(not busy)
        self.send_button.setEnabled(not busy)

    def _changed(self, *_: object) -> None:
        # What was previewed no longer matches what would be sent. The keyboard stays where
        # the officer is typing: moving it would send the rest of a sentence to the list,
        # where every space ticks or unticks a document.
        if self.preview_page.isVisibleTo(self):
            self._clear_preview()

    def _clear_preview(self) -> None:
        self._show_preview(False)
        self.preview.clear()
        self.preview_subject.clear()

    def _show_preview(self, shown: bool) -> None:
        was_shown = self.preview_page.isVisibleTo(self)
        self.scroll_area.setVisible(not shown)
        self.preview_page.setVisible(shown)
        self.back_button.setVisible(shown)
        self.preview_button.setVisible(not shown)
        if shown:
            self.preview.setFocus(Qt.FocusReason.OtherFocusReason)
        elif was_shown and self.isVisible():
            # Back from the preview to the form (the preview had the focus, now hidden).
            self.items.setFocus(Qt.FocusReason.OtherFocusReason)

    def _deadline_changed(self, *_: object) -> None:
        language = i18n.current_language()
        self.deadline.setLocale(
            QLocale(QLocale.Language.Thai, QLocale.Country.Thailand)
            if language == "th"
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        )
        self.deadline_text.setText(
            format_date(
                self._deadline_moment(), i18n.current_language(), with_time=False, short=False
            )
        )
        self._clear_preview()

    def _deadline_moment(self) -> datetime:
        value = self.deadline_date()
        return datetime(value.year, value.month, value.day, 12, tzinfo=BANGKOK)

    def preview_text(self) -> str:
        return self.preview.toPlainText() if self.preview_page.isVisibleTo(self) else ""

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Ask for more documents"))
        self.intro.setText(
            self.tr(
                "Tick what is missing or wrong. The applicant receives an e-mail, and the "
                "clock stops until they answer."
            )
        )
        self.items_label.setText(self.tr("Documents to ask for"))
        self.message_label.setText(self.tr("Message to the applicant (optional)"))
        self.message.setPlaceholderText(
            self.tr("For example: please send a clearer photo of page 2.")
        )
        self.deadline_label.setText(self.tr("Answer by"))
        self.preview_button.setText(self.tr("Preview"))
        self.preview_title.setText(self.tr("What the applicant will receive"))
        self.back_button.setText(self.tr("Back to the form"))
        self.send_button.setText(self.tr("Send the request"))
        if self._detail is not None:
            self._deadline_changed()
            self._reword_items()


class RejectComposer(_Composer):
    """The reasons for rejecting (required; the rejected items' reasons are offered) and the
    confirmation.

    Signals:
        application_did_reject(): the application was rejected.
    """

    application_did_reject = Signal()

    def __init__(
        self,
        port: ReviewPort,
        user: SignedInUser,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(port, user, runner, parent)
        self.setObjectName("RejectComposer")
        self.reasons_label = self.label()
        self.body.addWidget(self.reasons_label)
        self.reasons = named(QPlainTextEdit(), "RejectReasons")
        self.reasons.setMinimumHeight(160)
        self.reasons.setTabChangesFocus(True)
        self.reasons.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.body.addWidget(self.reasons, 1)
        self.confirm_button = named(QPushButton(), "DangerButton")
        self.confirm_button.clicked.connect(self.confirm)
        self.buttons.addWidget(self.cancel_button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.confirm_button)
        self.retranslate()

    def open_for(self, detail: ApplicationDetail) -> None:
        self._detail = detail
        language = i18n.current_language()
        lines = []
        for item in detail.checklist:
            if item.verdict == Verdict.REJECTED:
                name = (item.name_th if language == "th" else item.name_en) or item.name_th
                lines.append(f"- {name}: {item.reason}" if item.reason else f"- {name}")
        self.reasons.setPlainText("\n".join(lines))
        self.error_box.clear()
        self.reasons.setFocus(Qt.FocusReason.OtherFocusReason)

    def confirm(self) -> None:
        detail = self._detail
        if detail is None or self._busy:
            return
        reasons = self.reasons.toPlainText().strip()
        if not reasons:
            self.error_box.show_message(
                "โปรดระบุเหตุผลที่ไม่รับคำขอ ผู้ยื่นจะได้รับแจ้งเหตุผลนี้",
                "Please give the reasons for rejecting; the applicant is told them.",
            )
            self.reasons.setFocus()
            return
        port, user = self._port, self._user

        def done(_result: Any, error: BaseException | None) -> None:
            if error is not None:
                self.error_box.show_error(
                    error,
                    fallback_th="บันทึกการไม่รับคำขอไม่ได้ ลองอีกครั้ง",
                    fallback_en="Could not record the rejection. Try again.",
                )
                return
            self.application_did_reject.emit()

        self.run(lambda: port.reject(user, detail.row.id, reasons), done, "review.reject")

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.confirm_button.setEnabled(not busy)

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Reject the application"))
        self.intro.setText(
            self.tr(
                "The applicant is told these reasons. Rejecting closes the application; it "
                "cannot be undone here."
            )
        )
        self.reasons_label.setText(self.tr("Reasons (required)"))
        self.confirm_button.setText(self.tr("Reject the application"))
