"""The issuing page's two lists: approved requests waiting for their licence, and licences
issued. Each table says its own columns and each row's words; the page decides what to read.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from services.api import IssuedRow, ToIssueRow
from ui.common.formatting import format_date
from ui.issuing.channels import channel_name

__all__ = ["IssuedTable", "RowsTable", "WaitingTable"]


class RowsTable(QTableWidget):
    """A list of the issuing screens: one row chosen at a time, read only, the last column
    stretched."""

    def __init__(self, name: str, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(0, columns, parent)
        self.setObjectName(name)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)

    def _chosen_index(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _put(self, cells: Sequence[tuple[str, ...]]) -> None:
        self.setRowCount(len(cells))
        for r, values in enumerate(cells):
            for c, text in enumerate(values):
                self.setItem(r, c, QTableWidgetItem(text))
        self.resizeColumnsToContents()


class WaitingTable(RowsTable):
    """Approved requests waiting for their licence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("ToIssueTable", 4, parent)
        self.rows: list[ToIssueRow] = []

    def show_rows(self, rows: list[ToIssueRow], language: str) -> None:
        self.rows = rows
        self._put(
            [
                (
                    row.tracking_number,
                    row.service_th if language == "th" else row.service_en,
                    row.applicant,
                    channel_name(row.channel),
                )  # fmt: skip
                for row in rows
            ]
        )

    def chosen(self) -> ToIssueRow | None:
        index = self._chosen_index()
        return self.rows[index] if index is not None else None

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [self.tr("Request"), self.tr("Service"), self.tr("Applicant"), self.tr("Channel")]
        )


class IssuedTable(RowsTable):
    """Licences issued and registered from paper; the chosen one stays chosen over a refill."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("IssuedTable", 6, parent)
        self.rows: list[IssuedRow] = []

    def show_rows(self, rows: list[IssuedRow], language: str) -> None:
        chosen = self.chosen()
        self.rows = rows
        self._put([self._cells(doc, language) for doc in rows])
        # The chosen licence stays chosen when it is still in the list (after a refresh).
        ids = [doc.issued_id for doc in rows]
        if chosen is not None and chosen.issued_id in ids:
            self.selectRow(ids.index(chosen.issued_id))

    def chosen(self) -> IssuedRow | None:
        index = self._chosen_index()
        return self.rows[index] if index is not None and index < len(self.rows) else None

    def _cells(self, doc: IssuedRow, language: str) -> tuple[str, ...]:
        if doc.origin == "paper":
            delivered = self.tr("Paper licence, registered by hand")
        elif doc.delivered_at:
            by = channel_name(doc.delivered_by or doc.channel)
            delivered = f"{by} · {format_date(doc.delivered_at, language)}"
        elif doc.delivery_failed_at:
            delivered = self.tr("Bounced {date}: send again").format(
                date=format_date(doc.delivery_failed_at, language)
            )
        else:
            delivered = self.tr("Not yet ({channel})").format(channel=channel_name(doc.channel))
        status = {
            "revoked": self.tr("Revoked"),
            "superseded": self.tr("Superseded (renewed)"),
        }.get(doc.status, self.tr("Expired") if doc.expired else self.tr("Valid"))
        subject = doc.subject_th if language == "th" else doc.subject_en
        return (doc.number, doc.licensee, subject, status, delivered, doc.holder_id)

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [self.tr("Number"), self.tr("Licensee"), self.tr("Subject"), self.tr("Status"),
             self.tr("Delivered"), self.tr("ID number")]
        )  # fmt: skip
