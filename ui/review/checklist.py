"""The service's required-document checklist, with a verdict per item, worked by keyboard.

One row per required document (from the citizen manual, as ``ApplicationDetail.checklist``
lists it). The current row opens up: the document and page it was found in, the three
verdicts and, for a rejection, the reason. Keys (while the review screen has focus):

* ↑ / ↓ move between items (Home / End: first / last);
* **A** accepts the current item, linked to the document and page on screen;
* **R** rejects it: the reason box opens, Enter records, Esc cancels;
* **N** marks it not applicable (a required item asks for the reason first).

The view only asks (``verdict_requested``); the review screen records through the port and
hands the new detail back with :meth:`ChecklistView.set_items`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
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

from services.api import ChecklistItem, DocumentInfo, Verdict
from ui.common import i18n
from ui.common.form_widgets import ElidingComboBox
from ui.common.formatting import format_date
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.review.checklist_controls import RowControls
from ui.review.marks import Pill, VerdictMark

__all__ = ["ChecklistRow", "ChecklistView", "verdict_label"]


def verdict_label(verdict: Verdict | None) -> str:
    labels: dict[Verdict | None, str] = {
        Verdict.ACCEPTED: QCoreApplication.translate("Verdict", "Accepted"),
        Verdict.REJECTED: QCoreApplication.translate("Verdict", "Rejected"),
        Verdict.NOT_APPLICABLE: QCoreApplication.translate("Verdict", "Not applicable"),
    }
    return labels.get(verdict, QCoreApplication.translate("Verdict", "Not checked yet"))


class ChecklistRow(QFrame):
    """One required document: name and tags, the verdict so far, and (when current) controls.

    The controls (:class:`~ui.review.checklist_controls.RowControls`) are built the first
    time the row becomes current, or when something asks for one of them.

    Signals:
        row_clicked(): the officer clicked the row (it becomes the current one).
        verdict_clicked(str): a verdict button was pressed.
        reason_submitted(str, str): (verdict, reason) typed in the reason box and Enter.
        reason_cancelled(): Esc in the reason box.
        link_chosen(object, int): the document combo or page changed (id or None, page).
    """

    row_clicked = Signal()
    verdict_clicked = Signal(str)
    reason_submitted = Signal(str, str)
    reason_cancelled = Signal()
    link_chosen = Signal(object, int)

    def __init__(self, item: ChecklistItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChecklistRow")
        self.item = item
        self._documents: list[DocumentInfo] = []
        self._link: tuple[str | None, int | None] = (None, None)  # shown once built
        self._reason_verdict = Verdict.REJECTED
        self._current = False
        self._editable = True
        self._busy = False
        self._controls: RowControls | None = None
        self._verdict_shown: str | None = None  # the summary's style, polished for it

        outer = QHBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(10)
        self.mark = VerdictMark()
        outer.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        self._body = QVBoxLayout()
        self._body.setSpacing(4)
        outer.addLayout(self._body, 1)

        top = QHBoxLayout()
        top.setSpacing(6)
        self.name_label = named(QLabel(), "ChecklistName")
        self.name_label.setWordWrap(True)
        self.name_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top.addWidget(self.name_label, 1)
        self.required_pill = Pill()
        top.addWidget(self.required_pill, 0, Qt.AlignmentFlag.AlignTop)
        self.delegation_pill = Pill(tone="accent")
        top.addWidget(self.delegation_pill, 0, Qt.AlignmentFlag.AlignTop)
        self._body.addLayout(top)
        self.summary = named(QLabel(), "ChecklistSummary")
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._body.addWidget(self.summary)
        self.retranslate()

    # -- the controls, built on first use -------------------------------------------------

    @property
    def controls(self) -> RowControls:
        if self._controls is None:
            self._controls = self._build_controls()
        return self._controls

    def _build_controls(self) -> RowControls:
        controls = RowControls()
        controls.hide()
        controls.document_combo.currentIndexChanged.connect(self._link_changed)
        controls.page_spin.valueChanged.connect(self._link_changed)
        for button, verdict in controls.verdict_buttons:
            button.clicked.connect(lambda _=False, v=verdict: self.verdict_clicked.emit(v))
        controls.reason_edit.returnPressed.connect(self._submit_reason)
        controls.reason_edit.installEventFilter(self)
        controls.reason_save.clicked.connect(self._submit_reason)
        self._body.addWidget(controls)
        self._controls = controls
        self._fill_documents()
        self.show_link(*self._link)
        self._enable_buttons()
        return controls

    @property
    def document_combo(self) -> ElidingComboBox:
        return self.controls.document_combo

    @property
    def page_spin(self) -> QSpinBox:
        return self.controls.page_spin

    @property
    def reason_edit(self) -> QLineEdit:
        return self.controls.reason_edit

    @property
    def reason_box(self) -> QWidget:
        return self.controls.reason_box

    @property
    def accept_button(self) -> QPushButton:
        return self.controls.accept_button

    @property
    def reject_button(self) -> QPushButton:
        return self.controls.reject_button

    @property
    def na_button(self) -> QPushButton:
        return self.controls.na_button

    # -- data ---------------------------------------------------------------------------

    def set_item(self, item: ChecklistItem, documents: list[DocumentInfo]) -> None:
        self.item = item
        # A withdrawn certified copy is not offered; a verdict that cites it still names it.
        self._documents = [d for d in documents if not d.withdrawn or d.id == item.document_id]
        if self._controls is not None:
            self._fill_documents()
        self.show_link(item.document_id, item.page)
        self.retranslate()

    def show_link(self, document_id: str | None, page: int | None) -> None:
        """Show a document and page in the combo (signals held: this only displays)."""
        self._link = (document_id, page)
        controls = self._controls
        if controls is None:
            return  # shown when the controls are built
        controls.document_combo.blockSignals(True)
        controls.page_spin.blockSignals(True)
        index = next(
            (n + 1 for n, d in enumerate(self._documents) if d.id == document_id),
            0,
        )
        controls.document_combo.setCurrentIndex(index)
        controls.page_spin.setValue(page or 0)
        controls.page_spin.setEnabled(index > 0)
        controls.document_combo.blockSignals(False)
        controls.page_spin.blockSignals(False)

    def _fill_documents(self) -> None:
        combo = self.controls.document_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("—")
        for document in self._documents:
            combo.addItem(document.filename)
        combo.blockSignals(False)

    def set_current(self, current: bool, editable: bool) -> None:
        if current != self._current:
            self.setProperty("current", current)
            self.style().unpolish(self)
            self.style().polish(self)
        self._current = current
        self._editable = editable
        if current:
            self.controls.show()
            self._enable_buttons()
        elif self._controls is not None:
            self._controls.hide()
            self.hide_reason()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        if self._controls is not None:
            self._enable_buttons()

    def _enable_buttons(self) -> None:
        controls = self.controls
        for button, _verdict in controls.verdict_buttons:
            button.setEnabled(self._editable and not self._busy)
        controls.reason_save.setEnabled(self._editable and not self._busy)

    # -- the reason box -----------------------------------------------------------------

    def ask_reason(self, verdict: Verdict) -> None:
        self._reason_verdict = verdict
        controls = self.controls
        controls.set_reason_hint(verdict)
        edit = controls.reason_edit
        if verdict == self.item.verdict and self.item.reason and not edit.text():
            edit.setText(self.item.reason)
        controls.reason_box.show()
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()

    def hide_reason(self) -> None:
        if self._controls is not None:
            self._controls.reason_box.hide()
            self._controls.reason_edit.clear()

    def reason_open(self) -> bool:
        return self._controls is not None and self._controls.reason_box.isVisibleTo(self)

    def _submit_reason(self) -> None:
        self.reason_submitted.emit(self._reason_verdict, self.reason_edit.text().strip())

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        if (
            self._controls is not None
            and watched is self._controls.reason_edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.hide_reason()
            self.reason_cancelled.emit()
            return True
        return super().eventFilter(watched, event)

    # -- events -------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.row_clicked.emit()
        super().mousePressEvent(event)

    def _link_changed(self, *_: object) -> None:
        index = self.document_combo.currentIndex()
        self.page_spin.setEnabled(index > 0)
        document = self._documents[index - 1] if index > 0 else None
        if document is not None:
            self.link_chosen.emit(document.id, max(1, self.page_spin.value()))

    def retranslate(self) -> None:
        item = self.item
        language = i18n.current_language()
        name = (item.name_th if language == "th" else item.name_en) or item.name_th
        self.name_label.setText(name)
        self.name_label.setToolTip(item.name_en if language == "th" else item.name_th)
        self.required_pill.setText(self.tr("Required") if item.required else self.tr("If any"))
        self.required_pill.set_tone("warn" if item.required else "neutral")
        self.delegation_pill.setText(self.tr("Proxy"))
        self.delegation_pill.setToolTip(self.tr("Needed when a proxy applies for the applicant"))
        self.delegation_pill.setVisible(item.for_delegation)
        self.mark.set_verdict(item.verdict)
        self.summary.setText(self._summary(language))
        verdict = item.verdict or "none"
        if verdict != self._verdict_shown:  # re-styling is dear: only when it changes
            self._verdict_shown = verdict
            self.summary.setProperty("verdict", verdict)
            self.summary.style().unpolish(self.summary)
            self.summary.style().polish(self.summary)
        if self._controls is not None:
            self._controls.retranslate()

    def _summary(self, language: str) -> str:
        item = self.item
        if item.verdict is None:
            return self.tr("Not checked yet")
        parts = [verdict_label(item.verdict)]
        document = next((d for d in self._documents if d.id == item.document_id), None)
        if document is not None:
            where = document.filename
            if item.page:
                where += " " + self.tr("p. {page}").format(page=item.page)
            parts.append(where)
        if item.checked_by:
            parts.append(item.checked_by)
        if item.checked_at is not None:
            parts.append(format_date(item.checked_at, language))
        text = "  ·  ".join(parts)
        if item.reason:
            text += "\n" + self.tr("Reason: {reason}").format(reason=item.reason)
        return text


class ChecklistView(Retranslating, QScrollArea):
    """The rows, the current one, and the keys that move between them.

    Signals:
        verdict_requested(str, str, str): (item code, verdict, reason) to record.
        document_requested(object, int): show this document (id) at this page.
        current_did_change(str): the current item's code.
    """

    verdict_requested = Signal(str, str, str)
    document_requested = Signal(object, int)
    current_did_change = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChecklistView")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        host = named(QWidget(), "ChecklistHost")
        self._layout = QVBoxLayout(host)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.empty_label = named(QLabel(), "Muted")
        self.empty_label.setWordWrap(True)
        self.empty_label.setMargin(12)
        self._layout.addWidget(self.empty_label)
        self._layout.addStretch(1)
        self.setWidget(host)
        self.rows: list[ChecklistRow] = []
        self._spare: list[ChecklistRow] = []  # built for a longer checklist, hidden now
        self._current = -1
        self._editable = True
        self._viewing: tuple[str | None, int] = (None, 1)
        self.retranslate()

    # -- data ---------------------------------------------------------------------------

    def set_items(
        self,
        items: tuple[ChecklistItem, ...],
        documents: list[DocumentInfo],
        *,
        editable: bool,
        keep_current: bool = True,
    ) -> None:
        """Show ``items``; the same list again (after a verdict) keeps the rows in place."""
        codes = [i.code for i in items]
        previous = self.current_code() if keep_current else None
        self._editable = editable
        if codes != [r.item.code for r in self.rows]:
            self._take_rows(items)
        for row, item in zip(self.rows, items, strict=True):
            row.set_item(item, documents)
        self.empty_label.setVisible(not items)
        if previous in codes:
            self._current = codes.index(previous)
        else:
            first_open = next((n for n, i in enumerate(items) if i.verdict is None), 0)
            self._current = first_open if items else -1
        self._update_rows()

    def prepare(self, count: int, at_most: int | None = None) -> bool:
        """Have ``count`` rows built and styled ahead, hidden, for the next checklist to
        reuse: building and styling rows is what opening a request costs the GUI thread
        most, and it can happen while the request is still being claimed. ``at_most``: build
        no more than that many now; True when more are still to build."""
        placeholder = ChecklistItem(
            code="", name_th="", name_en="", required=False, for_delegation=False,
            verdict=None, reason="", document_id=None, page=None, checked_by=None,
            checked_at=None,
        )  # fmt: skip
        built = 0
        while len(self.rows) + len(self._spare) < count:
            if at_most is not None and built >= at_most:
                return True
            built += 1
            row = ChecklistRow(placeholder)
            row.hide()
            self._layout.insertWidget(len(self.rows) + len(self._spare), row)
            self._wire(row)
            row.ensurePolished()
            for child in row.findChildren(QWidget):
                child.ensurePolished()
            self._spare.append(row)
        return False

    def _take_rows(self, items: tuple[ChecklistItem, ...]) -> None:
        """As many rows as ``items``: the rows of the request before are reused (filled by
        the caller), more are built, and the rest wait hidden for a longer checklist."""
        rows = self.rows + self._spare
        while len(rows) < len(items):
            row = ChecklistRow(items[len(rows)])
            self._layout.insertWidget(len(rows), row)
            self._wire(row)
            rows.append(row)
        for row in rows[: len(items)]:
            row.set_current(False, self._editable)
            row.show()
        for row in rows[len(items) :]:
            row.set_current(False, self._editable)
            row.hide()
        self.rows, self._spare = rows[: len(items)], rows[len(items) :]
        self._current = -1

    def _wire(self, row: ChecklistRow) -> None:
        row.row_clicked.connect(lambda r=row: self._row_clicked(r))
        row.verdict_clicked.connect(lambda verdict, r=row: self._verdict_clicked(r, verdict))
        row.reason_submitted.connect(
            lambda verdict, reason, r=row: self.verdict_requested.emit(r.item.code, verdict, reason)
        )
        row.reason_cancelled.connect(lambda: self.setFocus(Qt.FocusReason.OtherFocusReason))
        row.link_chosen.connect(self.document_requested)

    def items(self) -> list[ChecklistItem]:
        return [r.item for r in self.rows]

    def current_code(self) -> str | None:
        return self.rows[self._current].item.code if 0 <= self._current < len(self.rows) else None

    def current_row(self) -> ChecklistRow | None:
        return self.rows[self._current] if 0 <= self._current < len(self.rows) else None

    def set_viewing(self, document_id: str | None, page: int) -> None:
        """What the viewer shows: the current unchecked item shows it as its link-to-be."""
        self._viewing = (document_id, page)
        row = self.current_row()
        if row is not None and row.item.verdict is None and document_id is not None:
            row.show_link(document_id, page)

    def set_busy(self, busy: bool) -> None:
        for row in self.rows:
            row.set_busy(busy)

    # -- moving and deciding --------------------------------------------------------------

    def move_by(self, delta: int) -> None:
        if not self.rows:
            return
        self.set_current(min(max(self._current + delta, 0), len(self.rows) - 1))

    def set_current(self, index: int) -> None:
        if not 0 <= index < len(self.rows) or index == self._current:
            return
        self._current = index
        self._update_rows()
        self.current_did_change.emit(self.rows[index].item.code)

    def advance(self) -> None:
        """After a verdict: on to the next item not checked yet (or simply the next)."""
        for index in range(self._current + 1, len(self.rows)):
            if self.rows[index].item.verdict is None:
                self.set_current(index)
                return
        self.move_by(+1)

    def ask_reason(self, verdict: Verdict) -> bool:
        row = self.current_row()
        if row is None or not self._editable:
            return False
        row.ask_reason(verdict)
        self.ensureWidgetVisible(row.reason_box)
        return True

    def _update_rows(self) -> None:
        for number, row in enumerate(self.rows):
            row.set_current(number == self._current, self._editable)
        current = self.current_row()
        if current is not None:
            if current.item.verdict is None and self._viewing[0] is not None:
                current.show_link(*self._viewing)
            self.ensureWidgetVisible(current, 0, 24)

    def _row_clicked(self, row: ChecklistRow) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if row in self.rows:
            self.set_current(self.rows.index(row))

    def _verdict_clicked(self, row: ChecklistRow, verdict: str) -> None:
        self.set_current(self.rows.index(row))
        self.decide(Verdict(verdict))  # the button's signal carries it as a plain str

    def decide(self, verdict: Verdict) -> None:
        """A, R or N on the current item (R, and N on a required item, ask for the reason)."""
        row = self.current_row()
        if row is None or not self._editable:
            return
        if verdict == Verdict.REJECTED or (verdict == Verdict.NOT_APPLICABLE and row.item.required):
            self.ask_reason(verdict)
            return
        self.verdict_requested.emit(row.item.code, verdict, "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Up:
            self.move_by(-1)
        elif key == Qt.Key.Key_Down:
            self.move_by(+1)
        elif key == Qt.Key.Key_Home:
            self.set_current(0)
        elif key == Qt.Key.Key_End:
            self.set_current(len(self.rows) - 1)
        else:
            super().keyPressEvent(event)

    # -- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.empty_label.setText(
            self.tr(
                "This request has no service yet, so there is no document list to check. "
                "Classify it first."
            )
        )
        for row in self.rows:
            row.retranslate()
        self.setAccessibleName(self.tr("Document checklist"))
