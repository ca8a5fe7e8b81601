"""A read-only panel with one application's fields, beside the list.

Only what the read model holds is shown; a field without a value is left out rather than
filled with a dash or sample text. Below the fields, the steps the officer may take on the
request from here (classify it, withdraw it), as the services' access table says.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from services.api import Action, ApplicationRow, SlaState, allowed_actions, may
from ui.common import i18n
from ui.common.formatting import (
    arrival_label,
    channel_label,
    days_text,
    deemed_label,
    format_date,
    sla_badge,
    status_label,
)
from ui.common.naming import named
from ui.common.retranslating import Retranslating

__all__ = ["DetailPanel"]


class DetailPanel(Retranslating, QFrame):
    """Shows the fields of one :class:`ApplicationRow`.

    Signals:
        panel_did_close(): the officer closed the panel (button or Esc).
        row_did_show(object ApplicationRow): the panel shows this request now (sections that
            read more of it, such as a forwarded request's applicant, follow it).
        classify_requested(object ApplicationRow), withdraw_requested(object ApplicationRow),
        archive_requested(object ApplicationRow): "Export for the archives…".
    """

    panel_did_close = Signal()
    row_did_show = Signal(object)
    classify_requested = Signal(object)
    withdraw_requested = Signal(object)
    archive_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, roles: Iterable[str] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("DetailPanel")
        self._row: ApplicationRow | None = None
        self._roles = frozenset(roles)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 12, 12)
        top = QHBoxLayout()
        self._title = named(QLabel(), "DetailTitle")
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self._title, 1)
        self._close = QToolButton()
        self._close.setText("✕")
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self.close_panel)
        top.addWidget(self._close, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self._subject = named(QLabel(), "Muted")
        self._subject.setWordWrap(True)
        self._subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self._subject)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._form_host = QWidget()
        self._form_host.setObjectName("DetailForm")
        self._form_host.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._form = QFormLayout(self._form_host)
        self._form.setContentsMargins(0, 8, 0, 0)
        self._form.setHorizontalSpacing(14)
        self._form.setVerticalSpacing(4)
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        scroll.setWidget(self._form_host)
        layout.addWidget(scroll, 1)
        steps = QHBoxLayout()
        self.classify_button = named(QPushButton(), "Primary")
        self.classify_button.clicked.connect(lambda: self._request(self.classify_requested))
        self.withdraw_button = named(QPushButton(), "DangerLink")
        self.withdraw_button.clicked.connect(lambda: self._request(self.withdraw_requested))
        self.archive_button = named(QPushButton(), "LinkButton")
        self.archive_button.clicked.connect(lambda: self._request(self.archive_requested))
        steps.addWidget(self.classify_button)
        steps.addWidget(self.archive_button)
        steps.addStretch(1)
        steps.addWidget(self.withdraw_button)
        layout.addLayout(steps)
        self.classify_button.hide()
        self.withdraw_button.hide()
        self.archive_button.hide()
        self.retranslate()

    @property
    def application_id(self) -> str | None:
        return self._row.id if self._row is not None else None

    @property
    def row(self) -> ApplicationRow | None:
        return self._row

    def show_row(self, row: ApplicationRow) -> None:
        self._row = row
        # What this officer may do on it here: the services' answer for its status.
        allowed = allowed_actions(row.status, self._roles, held_by_me=False)
        self.classify_button.setVisible(Action.CLASSIFY in allowed)
        self.withdraw_button.setVisible(Action.WITHDRAW in allowed)
        # Any request, whatever its status: a court may ask for an open one too.
        self.archive_button.setVisible(may(self._roles, Action.EXPORT_ARCHIVE))
        self._fill()
        self.show()
        self.row_did_show.emit(row)

    def add_section(self, widget: QWidget) -> None:
        """Put ``widget`` below the fields, above the steps (e.g. the forwarded-request box)."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.count() - 1, widget)

    def _request(self, signal: SignalInstance) -> None:
        if self._row is not None:
            signal.emit(self._row)

    def close_panel(self) -> None:
        self.hide()
        self.panel_did_close.emit()

    def field_texts(self) -> dict[str, str]:
        """Label → value as shown (for tests and accessibility checks)."""
        texts: dict[str, str] = {}
        for number in range(self._form.rowCount()):
            label = self._form.itemAt(number, QFormLayout.ItemRole.LabelRole)
            value = self._form.itemAt(number, QFormLayout.ItemRole.FieldRole)
            if label is not None and value is not None:
                label_widget, value_widget = label.widget(), value.widget()
                if isinstance(label_widget, QLabel) and isinstance(value_widget, QLabel):
                    texts[label_widget.text()] = value_widget.text()
        return texts

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape:
            self.close_panel()
            return
        super().keyPressEvent(event)

    def retranslate(self) -> None:
        self._close.setToolTip(self.tr("Close the details (Esc)"))
        self.classify_button.setText(self.tr("Classify…"))
        self.classify_button.setToolTip(
            self.tr("Name the service and the kind of applicant; the applicant is sent the SLA")
        )
        self.withdraw_button.setText(self.tr("Withdraw…"))
        self.archive_button.setText(self.tr("Export for the archives…"))
        self.archive_button.setToolTip(
            self.tr("Save the request's whole file (pages, letters, history) as one PDF/A")
        )
        self.withdraw_button.setToolTip(
            self.tr("Close the request as withdrawn at the applicant's wish")
        )
        if self._row is not None:
            self._fill()

    def _fill(self) -> None:
        row = self._row
        if row is None:
            return
        language = i18n.current_language()
        self._title.setText(row.tracking_number)
        self._subject.setText(row.subject)
        self._subject.setVisible(bool(row.subject))
        while self._form.rowCount():
            self._form.removeRow(0)

        badge = sla_badge(row)
        fields: list[tuple[str, str]] = [
            (self.tr("Status"), status_label(row, language)),
            # The service in the UI language first; the other language's title under it.
            *(
                [
                    (self.tr("Service"), row.service_name_th),
                    (self.tr("Service (English)"), row.service_name_en),
                ]
                if language == "th"
                else [
                    (self.tr("Service"), row.service_name_en),
                    (self.tr("Service (Thai)"), row.service_name_th),
                ]
            ),  # fmt: skip
            (self.tr("Applicant"), row.applicant_name),
            (self.tr("National ID"), row.applicant_id_masked),
            (self.tr("Channel"), channel_label(row.channel)),
            # Both moments, always, named as in the list and the CLI.
            (arrival_label(), format_date(row.received_at, language, short=False)),
            (deemed_label(), format_date(row.deemed_received_at, language, short=False)),
        ]
        fields += [
            (self.tr("Due"), format_date(row.sla_due_at, language, short=False)),
            (self.tr("Time left"), badge.text),
        ]
        if row.business_days_left is not None and row.sla_state == SlaState.PAUSED:
            # The badge only says "paused"; the days still owed matter when it restarts.
            fields.append(
                (
                    self.tr("When the clock restarts"),
                    days_text(row.business_days_left),
                )
            )
        fields += [
            (self.tr("Assignee"), row.assignee or self.tr("Unassigned")),
            (self.tr("Documents"), str(row.document_count)),
            (self.tr("Tags"), ", ".join(row.tags)),
        ]
        for name, value in fields:
            if not value:
                continue
            label = named(QLabel(name), "FieldName")
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._form.addRow(label, text)
