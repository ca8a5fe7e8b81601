"""The review screen's action bar and its top bar: buttons and labels, no service calls.

The review screen connects the buttons (and the same keys) to the port.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from services.api import ApplicationDetail, DocumentInfo, Officer, SlaState
from ui.common import i18n
from ui.common.formatting import sla_badge, status_label
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.review.marks import Pill

__all__ = ["ReviewActionBar", "ReviewTopBar"]


def _icon(name: str) -> QIcon:
    return QIcon(str(i18n.RESOURCES / "icons" / f"{name}.svg"))


class ReviewTopBar(Retranslating, QFrame):
    """Back to the list, which application this is, its status and time left, and "Next".

    Signals:
        back_clicked(), next_clicked().
    """

    back_clicked = Signal()
    next_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReviewBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 12, 6)
        layout.setSpacing(10)
        self.back_button = named(QToolButton(), "BackButton")
        self.back_button.setIcon(_icon("back"))
        self.back_button.setIconSize(QSize(18, 18))
        self.back_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.back_clicked)
        layout.addWidget(self.back_button)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = named(QLabel(), "ReviewTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = named(QLabel(), "Muted")
        for label in (self.title, self.subtitle):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            titles.addWidget(label)
        layout.addLayout(titles, 1)
        self.holder_label = named(QLabel(), "Muted")
        layout.addWidget(self.holder_label)
        self.status_pill = Pill(tone="accent")
        layout.addWidget(self.status_pill)
        self.sla_pill = Pill()
        layout.addWidget(self.sla_pill)
        self.next_button = named(QToolButton(), "NextButton")
        self.next_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.next_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.next_button.clicked.connect(self.next_clicked)
        layout.addWidget(self.next_button)
        self._detail: ApplicationDetail | None = None
        self.retranslate()

    def show_detail(self, detail: ApplicationDetail | None) -> None:
        self._detail = detail
        self.retranslate()

    def show_loading(self, tracking_number: str) -> None:
        self._detail = None
        self.title.setText(tracking_number)
        self.subtitle.setText(self.tr("Opening…"))
        for widget in (self.status_pill, self.sla_pill, self.holder_label):
            widget.hide()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("List"))
        self.back_button.setToolTip(self.tr("Back to the list (Esc)"))
        self.next_button.setText(self.tr("Next"))
        self.next_button.setToolTip(self.tr("Take the oldest waiting request (Ctrl+Enter, F2)"))
        detail = self._detail
        if detail is None:
            return
        language = i18n.current_language()
        row = detail.row
        service = (row.service_name_th if language == "th" else row.service_name_en) or (
            row.service_name_th or row.service_name_en or self.tr("No service yet")
        )
        self.title.setText(f"{row.tracking_number}  ·  {detail.applicant_name}")
        self.subtitle.setText(service)
        self.subtitle.setToolTip(service)
        self.status_pill.setText(status_label(row, language))
        self.status_pill.show()
        badge = sla_badge(row)
        self.sla_pill.setText(badge.text)
        self.sla_pill.setToolTip(badge.tooltip)
        tones = {SlaState.OVERDUE: "error", SlaState.AT_RISK: "warn", SlaState.ON_TRACK: "ok"}
        tone = tones.get(row.sla_state, "")
        self.sla_pill.set_tone(tone or "neutral")
        self.sla_pill.setVisible(bool(badge.text))
        if detail.claimed_by_me:
            self.holder_label.setText(self.tr("You hold this request"))
        elif detail.claimed_by:
            self.holder_label.setText(
                self.tr("Held by {name}: read only").format(name=detail.claimed_by)
            )
        else:
            self.holder_label.setText(self.tr("Not in your hands: read only"))
        self.holder_label.show()


class ReviewActionBar(Retranslating, QFrame):
    """Certify a copy, ask for documents, reject, release, reassign, and mark reviewed.

    Signals:
        certify_clicked(), request_clicked(), reject_clicked(), release_clicked(),
        reviewed_clicked(), reassign_chosen(str username), reassign_menu_opened(),
        return_clicked() (an approver or finance officer sends it back to the reviewer).
    """

    certify_clicked = Signal()
    request_clicked = Signal()
    reject_clicked = Signal()
    release_clicked = Signal()
    reviewed_clicked = Signal()
    reassign_chosen = Signal(str)
    reassign_menu_opened = Signal()
    return_clicked = Signal()

    def __init__(self, *, can_reassign: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReviewActions")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(6)
        main = QHBoxLayout()
        main.setSpacing(6)
        self.certify_button = QPushButton()
        self.certify_button.clicked.connect(self.certify_clicked)
        self.request_button = QPushButton()
        self.request_button.clicked.connect(self.request_clicked)
        self.reject_button = named(QPushButton(), "DangerLink")
        self.reject_button.clicked.connect(self.reject_clicked)
        self.reviewed_button = named(QPushButton(), "Primary")
        self.reviewed_button.clicked.connect(self.reviewed_clicked)
        for button in (self.certify_button, self.request_button, self.reject_button):
            main.addWidget(button)
        main.addStretch(1)
        main.addWidget(self.reviewed_button)
        layout.addLayout(main)
        minor = QHBoxLayout()
        minor.setSpacing(6)
        self.release_button = named(QPushButton(), "LinkButton")
        self.release_button.setFlat(True)
        self.release_button.clicked.connect(self.release_clicked)
        minor.addWidget(self.release_button)
        self.reassign_button = named(QToolButton(), "LinkTool")
        self.reassign_menu = QMenu(self.reassign_button)
        self.reassign_menu.aboutToShow.connect(self.reassign_menu_opened)
        self.reassign_menu.triggered.connect(
            lambda action: self.reassign_chosen.emit(str(action.data()))
        )
        self.reassign_button.setMenu(self.reassign_menu)
        self.reassign_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        minor.addWidget(self.reassign_button)
        self.reassign_button.setVisible(can_reassign)  # in its place first: never a window
        self.return_button = named(QPushButton(), "ReturnToReview")
        self.return_button.clicked.connect(self.return_clicked)
        self.return_button.hide()
        minor.addWidget(self.return_button)
        minor.addStretch(1)
        self.progress_label = named(QLabel(), "Muted")
        minor.addWidget(self.progress_label)
        layout.addLayout(minor)
        for button in self.findChildren(QPushButton):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reassign_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._state = (False, 0)
        self._on_copy = False
        self.retranslate()

    def set_officers(self, officers: list[Officer]) -> None:
        self.reassign_menu.clear()
        for officer in officers:
            action = self.reassign_menu.addAction(officer.display_name or officer.username)
            action.setData(officer.username)

    def set_state(
        self,
        *,
        editable: bool,
        document: DocumentInfo | None,
        missing: int,
        busy: bool = False,
        can_decide: bool | None = None,
        can_return: bool = False,
    ) -> None:
        """``document``: the one on screen (None: the request's message), certified, or
        withdrawn if it is a certified copy standing; ``can_decide``: the services allow asking
        for documents, passing on and refusing (holding the request while it is in review);
        ``None``: as ``editable``."""
        self._state = (editable, missing)
        self._on_copy = document is not None and document.derived_from is not None
        can_certify = document is not None and not document.withdrawn
        decide = editable if can_decide is None else (can_decide and editable)
        self.return_button.setVisible(can_return)
        self.return_button.setEnabled(can_return and not busy)
        for button in (self.request_button, self.reject_button, self.reviewed_button):
            button.setEnabled(decide and not busy)
        self.certify_button.setEnabled(editable and can_certify and not busy)
        self._word_certify()
        self.release_button.setEnabled(editable and not busy)
        self._show_progress()

    def _word_certify(self) -> None:
        # On a certified copy the same button (and key) withdraws it: it cannot be certified.
        if self._on_copy:
            self.certify_button.setText(self.tr("Withdraw copy…"))
            self.certify_button.setToolTip(
                self.tr("Withdraw the certified copy on screen, made by mistake (Ctrl+Shift+C)")
            )
        else:
            self.certify_button.setText(self.tr("Certify copy…"))
            self.certify_button.setToolTip(
                self.tr("Make a certified true copy of the document on screen (Ctrl+Shift+C)")
            )

    def _show_progress(self) -> None:
        editable, missing = self._state
        if not editable:
            self.progress_label.clear()
        elif missing:
            self.progress_label.setText(
                self.tr("1 item still open")
                if missing == 1
                else self.tr("{count} items still open").format(count=missing)
            )
        else:
            self.progress_label.setText(self.tr("All items checked"))

    def retranslate(self) -> None:
        self._word_certify()
        self.request_button.setText(self.tr("Ask for documents"))
        self.request_button.setToolTip(self.tr("Ask the applicant for more documents (Ctrl+D)"))
        self.reject_button.setText(self.tr("Reject"))
        self.reject_button.setToolTip(self.tr("Reject the application, with reasons"))
        self.reviewed_button.setText(self.tr("Mark reviewed"))
        self.reviewed_button.setToolTip(
            self.tr("Review done: pass it on for approval (or payment) (Ctrl+M)")
        )
        self.release_button.setText(self.tr("Put back in the queue"))
        self.release_button.setToolTip(
            self.tr("Release your claim so another officer can take it (Ctrl+Shift+L)")
        )
        self.reassign_button.setText(self.tr("Reassign to…"))
        self.return_button.setText(self.tr("Send back to the reviewer…"))
        self.return_button.setToolTip(
            self.tr("A problem to fix: send it back to the reviewer with a note")
        )
        self._show_progress()
