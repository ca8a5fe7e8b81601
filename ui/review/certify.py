"""Certified copies from the review screen: confirm before one is made, withdraw one made by
mistake.

:class:`CertifyDialog` shows what the services will make (:class:`CertifyPreview`): the
document by name, how many pages get the stamp, and the stamp's words line by line, exactly as
they will be drawn. Nothing is made until the officer confirms (Enter); Esc leaves it.
:class:`WithdrawCopyDialog` asks why a copy is withdrawn (required; it goes to the history) and
says what withdrawing means: the copy stays in the record, struck through, and is not used.
Both dialogs only ask; the presenter makes the call in the database worker, and
:class:`CertifyFlow` strings the steps together for the review screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from services.api import CertifyPreview, DocumentInfo
from ui.common.dialog_buttons import button_row, cancel_and_primary
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.review.presenter import ReviewPresenter
from ui.viewer.document_viewer import DocumentViewer

__all__ = ["CertifyDialog", "CertifyFlow", "NoticeAction", "WithdrawCopyDialog"]

_REASON_MAX = 500


def _plain(text: str = "", name: str = "") -> QLabel:
    label = named(QLabel(text), name) if name else QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # file names and names are never markup
    return label


class _ConfirmDialog(Retranslating, QDialog):
    """Heading, body, Cancel and one primary button (Enter), Esc cancels."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setMinimumWidth(560)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(24, 20, 24, 16)
        self.body.setSpacing(10)
        self.heading = _plain(name="DialogHeading")
        self.heading.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.body.addWidget(self.heading)
        self.cancel_button, self.ok_button = cancel_and_primary(self, self.confirm)

    def finish_layout(self) -> None:
        self.body.addLayout(button_row(self.cancel_button, self.ok_button))
        self.ok_button.setDefault(True)
        self.ok_button.setAutoDefault(True)
        self.retranslate()

    def confirm(self) -> None:
        self.accept()

    def retranslate(self) -> None:
        raise NotImplementedError


class CertifyDialog(_ConfirmDialog):
    """ "Make a certified copy of this document?" with the document, pages and stamp shown."""

    def __init__(self, preview: CertifyPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CertifyDialog")
        self.preview = preview
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(6)
        self.document_name = _plain("", "FieldName")
        self.document_label = _plain(preview.filename)
        self.document_label.setObjectName("CertifyDocument")
        self.document_label.setStyleSheet("font-weight: bold;")
        self.pages_name = _plain("", "FieldName")
        self.pages_label = _plain()
        form.addRow(self.document_name, self.document_label)
        form.addRow(self.pages_name, self.pages_label)
        self.body.addLayout(form)
        self.stamp_title = _plain("", "FieldName")
        self.body.addWidget(self.stamp_title)
        self.stamp = named(QFrame(), "StampPreview")
        stamp = QVBoxLayout(self.stamp)
        stamp.setContentsMargins(18, 10, 18, 10)
        stamp.setSpacing(2)
        self.stamp_lines: list[QLabel] = []
        for number, line in enumerate(preview.stamp_lines):
            label = _plain(line)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            if number == 0:
                label.setStyleSheet("font-size: 14pt; font-weight: bold;")
            stamp.addWidget(label)
            self.stamp_lines.append(label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.stamp)
        row.addStretch(1)
        self.body.addLayout(row)
        self.note = _plain("", "Muted")
        self.body.addWidget(self.note)
        self.finish_layout()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Certify a copy"))
        self.heading.setText(self.tr("Make a certified true copy of this document?"))
        self.document_name.setText(self.tr("Document"))
        self.pages_name.setText(self.tr("Pages"))
        pages = self.preview.pages
        if pages == 1:
            self.pages_label.setText(self.tr("1 page; it gets the stamp"))
        elif pages:
            self.pages_label.setText(
                self.tr("All {count} pages; each gets the stamp").format(count=pages)
            )
        else:
            self.pages_label.setText(self.tr("Every page of the copy gets the stamp"))
        self.stamp_title.setText(self.tr("The stamp will say"))
        self.note.setText(
            self.tr(
                "The copy is a new PDF added to this request; the original is not changed. "
                "A copy made by mistake can be withdrawn afterwards."
            )
        )
        self.ok_button.setText(self.tr("Make certified copy"))
        self.cancel_button.setText(self.tr("Cancel"))


class WithdrawCopyDialog(_ConfirmDialog):
    """ "Withdraw this certified copy?" with the reason asked (required)."""

    def __init__(self, copy: DocumentInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WithdrawCopyDialog")
        self.copy = copy
        self.explain = _plain("", "Muted")
        self.body.addWidget(self.explain)
        self.reason_label = _plain("", "FieldName")
        self.body.addWidget(self.reason_label)
        self.hint = _plain("", "HintError")
        self.reason_edit = named(QLineEdit(), "WithdrawReason")
        self.reason_edit.setMaxLength(_REASON_MAX)
        self.reason_edit.textChanged.connect(lambda _text: self.hint.setText(""))
        self.reason_label.setBuddy(self.reason_edit)
        self.body.addWidget(self.reason_edit)
        self.body.addWidget(self.hint)
        self.finish_layout()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)  # the officer types at once

    @property
    def reason(self) -> str:
        return " ".join(self.reason_edit.text().split())

    def confirm(self) -> None:
        if not self.reason:
            self.hint.setText(self.tr("Write why; it is kept in the request's history."))
            self.reason_edit.setFocus()
            return
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Withdraw certified copy"))
        self.heading.setText(
            self.tr("Withdraw the certified copy “{name}”?").format(name=self.copy.filename)
        )
        self.explain.setText(
            self.tr(
                "Use this for a copy made by mistake. The copy stays in the record, struck "
                "through and marked withdrawn, and is no longer used as the certified copy. "
                "The original is not affected; a new copy can be made from it."
            )
        )
        self.reason_label.setText(self.tr("&Why is it withdrawn? (kept in the history)"))
        self.reason_edit.setPlaceholderText(self.tr("For example: made from the wrong document"))
        self.ok_button.setText(self.tr("Withdraw copy"))
        self.cancel_button.setText(self.tr("Cancel"))


NoticeAction = tuple[Callable[[], str], Callable[[], None]]
"""A button beside a notice: its words (asked again after a language switch), what it does."""
Notice = Callable[[Callable[[], str], NoticeAction | None], None]
"""How the screen tells good news: the words, and an optional button."""


class CertifyFlow(QObject):
    """The review screen's certify and withdraw steps: ask, confirm, call, tell.

    The screen calls :meth:`start` for the document on screen (the button, Ctrl+Shift+C): an
    original is previewed and confirmed before the copy is made; a certified copy standing is
    offered for withdrawal instead. :meth:`ask_withdraw` is the notice's "Undo…" too.
    """

    def __init__(
        self,
        presenter: ReviewPresenter,
        viewer: DocumentViewer,
        tell: Notice,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._presenter = presenter
        self._viewer = viewer
        self._tell = tell
        self._parent = parent
        self.dialog: QDialog | None = None
        """The dialog on screen, if any (tests drive it with keys)."""
        presenter.certify_did_preview.connect(self._confirm)
        presenter.copy_did_withdraw.connect(self._withdrawn)

    def start(self, document: DocumentInfo) -> None:
        if document.derived_from is not None:
            if not document.withdrawn:
                self.ask_withdraw(document)
            return
        self._presenter.preview_certification(document)

    def ask_withdraw(self, copy: DocumentInfo) -> None:
        dialog = WithdrawCopyDialog(copy, self._parent)
        dialog.accepted.connect(lambda: self._presenter.withdraw_copy(copy, dialog.reason))
        self._show(dialog)

    def undo_action(self, copy: DocumentInfo) -> NoticeAction:
        """The notice's button after a copy was made: withdraw it (asks why first)."""
        return (lambda: self.tr("Undo (withdraw the copy)…"), lambda: self.ask_withdraw(copy))

    def _confirm(self, preview: CertifyPreview) -> None:
        document = next((d for d in self._viewer.documents() if d.id == preview.document_id), None)
        if document is None:
            return  # another request was opened meanwhile
        dialog = CertifyDialog(preview, self._parent)
        dialog.accepted.connect(lambda: self._presenter.certify_copy(document))
        self._show(dialog)

    def _withdrawn(self, copy: DocumentInfo) -> None:
        detail = self._presenter.detail
        if detail is not None:
            self._viewer.update_documents(detail.documents)
        name = copy.filename
        self._tell(
            lambda: self.tr("Certified copy withdrawn: {name} (kept, struck through)").format(
                name=name
            ),
            None,
        )

    def _show(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
