"""Read-only tabs of the review screen: the applicant and the form, and the history.

The applicant's national ID is shown masked, as the service gives it. Fields the read model
leaves empty are left out rather than filled with a dash.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.api import ApplicationDetail, HistoryEntry
from ui.common import i18n
from ui.common.formatting import (
    arrival_label,
    baht_short,
    channel_label,
    deemed_label,
    format_date,
    status_label,
)
from ui.common.naming import named
from ui.common.retranslating import Retranslating

__all__ = ["ApplicationInfoView", "HistoryView"]


class ApplicationInfoView(Retranslating, QScrollArea):
    """Applicant, request and form fields, in the UI language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ApplicationInfo")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        host = named(QWidget(), "ChecklistHost")
        self._layout = QVBoxLayout(host)
        self._layout.setContentsMargins(14, 10, 14, 10)
        self._layout.setSpacing(4)
        self.setWidget(host)
        self._detail: ApplicationDetail | None = None

    def set_detail(self, detail: ApplicationDetail) -> None:
        self._detail = detail
        self._fill()

    def field_texts(self) -> dict[str, str]:
        """Label → value as shown (for tests)."""
        texts: dict[str, str] = {}
        for form in self.findChildren(QFormLayout):
            for number in range(form.rowCount()):
                label = form.itemAt(number, QFormLayout.ItemRole.LabelRole)
                value = form.itemAt(number, QFormLayout.ItemRole.FieldRole)
                if label is not None and value is not None:
                    lw, vw = label.widget(), value.widget()
                    if isinstance(lw, QLabel) and isinstance(vw, QLabel):
                        texts[lw.text()] = vw.text()
        return texts

    def retranslate(self) -> None:
        # Headings and values are written in the UI language: re-wording is filling again.
        self._fill()

    def _section(self, title: str, fields: list[tuple[str, str]]) -> None:
        fields = [(name, value) for name, value in fields if value]
        if not fields:
            return
        heading = named(QLabel(title), "InfoHeading")
        self._layout.addWidget(heading)
        holder = QWidget()
        form = QFormLayout(holder)
        form.setContentsMargins(0, 0, 0, 6)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(6)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, value in fields:
            label = named(QLabel(name), "InfoLabel")
            label.setWordWrap(True)
            label.setMinimumWidth(120)
            label.setMaximumWidth(170)
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            form.addRow(label, text)
        self._layout.addWidget(holder)

    def _fill(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        detail = self._detail
        if detail is None:
            return
        language = i18n.current_language()
        row = detail.row
        kinds = {"person": self.tr("Person"), "juristic": self.tr("Juristic person")}
        if detail.returned:
            # Sent back by an approver or finance officer: what to look at again comes first.
            self._section(
                self.tr("Sent back to review"),
                [
                    (format_date(at, language, short=True), f"{note}\n— {who}")
                    for at, who, note in reversed(detail.returned)
                ],
            )
        self._section(
            self.tr("Applicant"),
            [
                (self.tr("Name"), detail.applicant_name),
                (self.tr("Kind"), kinds.get(detail.applicant_kind, detail.applicant_kind)),
                (self.tr("National ID"), detail.applicant_id_masked),
                (self.tr("Representative"), detail.representative),
                (self.tr("E-mail"), detail.applicant_email),
                (self.tr("Phone"), detail.applicant_phone),
                (self.tr("Address"), detail.applicant_address),
            ],
        )
        fee = ""
        if detail.fee_satang:
            due = {
                "at_submission": self.tr("paid when the request is registered"),
                "before_approval": self.tr("paid before approval"),
                "before_issue": self.tr("paid before the licence is issued"),
            }.get(detail.fee_due, "")
            fee = self.tr("{amount} baht").format(amount=baht_short(detail.fee_satang))
            if due:
                fee += f" ({due})"
        service = (row.service_name_th if language == "th" else row.service_name_en) or (
            row.service_name_th or row.service_name_en
        )
        self._section(
            self.tr("Request"),
            [
                (self.tr("Tracking no."), row.tracking_number),
                (self.tr("Service"), service),
                (self.tr("Subject"), row.subject),
                (self.tr("Status"), status_label(row, language)),
                (self.tr("Channel"), channel_label(row.channel)),
                (arrival_label(), format_date(row.received_at, language, short=False)),
                (deemed_label(), format_date(row.deemed_received_at, language, short=False)),
                (self.tr("Due"), format_date(row.sla_due_at, language, short=False)),
                (self.tr("Fee"), fee or (self.tr("Free") if detail.fee_due == "none" else "")),
                (self.tr("Identity level"), f"IAL{detail.required_ial}"),
                (
                    self.tr("Catalog version"),
                    str(detail.catalog_version) if detail.catalog_version else "",
                ),
            ],
        )
        self._section(
            self.tr("Application form"),
            [
                ((th if language == "th" else en) or th or en, value)
                for th, en, value in detail.form_fields
            ],
        )
        if detail.intake_notes:
            self._section(
                self.tr("Notes from intake"),
                [("•", note) for note in detail.intake_notes],
            )
        self._layout.addStretch(1)


class HistoryView(Retranslating, QTreeWidget):
    """What happened to the application, oldest first: time, who, what."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HistoryView")
        self.setColumnCount(3)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 150)
        self._entries: list[HistoryEntry] = []
        self.retranslate()

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self._entries = list(entries)
        self._fill()

    def summaries(self) -> list[str]:
        items = (self.topLevelItem(n) for n in range(self.topLevelItemCount()))
        return [item.text(2) for item in items if item is not None]

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self._fill()  # dates and summaries are in the UI language too

    def _fill(self) -> None:
        language = i18n.current_language()
        self.clear()
        for entry in self._entries:
            summary = (entry.summary_th if language == "th" else entry.summary_en) or (
                entry.summary_th or entry.summary_en
            )
            item = QTreeWidgetItem([format_date(entry.at, language), entry.actor, summary])
            item.setToolTip(2, summary)
            item.setToolTip(0, format_date(entry.at, language, short=False))
            self.addTopLevelItem(item)
