"""The approver's summary of one request as rich text (everything escaped: it holds what
applicants and officers wrote)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from services.api import ApprovalSummary
from ui.common import i18n
from ui.common.formatting import format_date
from ui.common.retranslating import Retranslating

__all__ = ["SummaryView"]


class SummaryView(Retranslating, QTextBrowser):
    """Who checked what, on which document and page; the checks, fee, criteria, the lowest
    signature type the service allows, and the decision once taken."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ApprovalSummary")
        self.setOpenLinks(False)
        self._summary: ApprovalSummary | None = None
        self.retranslate()

    def show_summary(self, summary: ApprovalSummary | None) -> None:
        self._summary = summary
        self.refresh()

    def retranslate(self) -> None:
        # The summary is written in the UI language: re-wording is writing it again.
        self.refresh()

    def refresh(self) -> None:
        self.setPlaceholderText(self.tr("Choose a request from the list, or press “Take next”."))
        if self._summary is None:
            self.clear()
            return
        self.setHtml(self.html(self._summary, i18n.current_language()))

    def _verdict(self, code: str | None) -> str:
        if code == "accepted":
            return self.tr("accepted")
        if code == "rejected":
            return self.tr("rejected")
        if code == "not_applicable":
            return self.tr("not applicable")
        return self.tr("not checked")

    def type_name(self, kind: int) -> str:
        if kind == 1:
            return self.tr("type 1 (approval record and stamp)")
        if kind == 2:
            return self.tr("type 2 (digital signature with the approver's own key)")
        return self.tr("type 3 (CA-issued certificate on a token)")

    def html(self, summary: ApprovalSummary, language: str) -> str:
        d = summary.detail
        row = d.row
        th = language == "th"
        service = row.service_name_th if th else (row.service_name_en or row.service_name_th)
        received = format_date(row.deemed_received_at, language)
        reviewed = escape(summary.reviewed_by or "-")
        if summary.reviewed_at:
            reviewed += ", " + escape(format_date(summary.reviewed_at, language))
        applicant, received_label = (
            escape(self.tr("Applicant")),
            escape(self.tr("Received (deemed)")),
        )
        reviewed_by, note_label = escape(self.tr("Reviewed by")), escape(self.tr("Reviewer’s note"))
        parts = [
            f"<h3>{escape(row.tracking_number)} — {escape(service)}</h3><p>",
            f"{applicant}: <b>{escape(d.applicant_name)}</b> ({escape(d.applicant_id_masked)})<br>",
            f"{received_label}: {escape(received)}<br>",
            f"{reviewed_by}: {reviewed}</p>",
        ]
        if summary.review_note:
            note = escape(summary.review_note)
            parts.append(f"<p><i>{note_label}: {note}</i></p>")
        for _when, by, text in d.returned:
            label = escape(self.tr("Sent back earlier by {name}").format(name=by))
            parts.append(f"<p><i>{label}: {escape(text)}</i></p>")
        parts.append(self._checklist(summary, th))
        parts.append(self._identity(summary, th))
        fee, criteria_label = escape(self.tr("Fee")), escape(self.tr("Approval criteria"))
        signature = escape(self.tr("Signature"))
        payment = summary.payment_th if th else summary.payment_en
        parts.append(f"<h4>{fee}</h4><p>{escape(payment)}</p>")
        criteria = summary.criteria_th if th else (summary.criteria_en or summary.criteria_th)
        if criteria:
            parts.append(f"<h4>{criteria_label}</h4><p>{escape(criteria)}</p>")
        needed = self.tr("This service needs at least a {kind} signature.").format(
            kind=self.type_name(summary.min_signature_type)
        )
        parts.append(f"<h4>{signature}</h4><p>{escape(needed)}</p>")
        parts.append(self._decision(summary, language))
        return "".join(parts)

    def _checklist(self, summary: ApprovalSummary, th: bool) -> str:
        files = {doc.id: doc.filename for doc in summary.detail.documents}
        title = escape(self.tr("Documents checked"))
        parts = [f"<h4>{title}</h4><ul>"]
        for item in summary.detail.checklist:
            name = item.name_th if th else (item.name_en or item.name_th)
            facts = []
            if item.reason:
                facts.append(escape(item.reason))
            if item.document_id:
                where = files.get(item.document_id, "")
                if item.page:
                    where += " " + self.tr("p. {page}").format(page=item.page)
                facts.append(escape(where))
            if item.checked_by:
                facts.append(escape(item.checked_by))
            tail = "".join(f" · {f}" for f in facts)
            parts.append(
                f"<li>{escape(name)}: <b>{escape(self._verdict(item.verdict))}</b>{tail}</li>"
            )
        parts.append("</ul>")
        return "".join(parts)

    def _identity(self, summary: ApprovalSummary, th: bool) -> str:
        checks = summary.detail.identity_checks
        if not checks:
            return ""
        names = {kind: (n_th, n_en) for kind, n_th, n_en in summary.identity_names}
        title = escape(self.tr("Identity and power-of-attorney checks"))
        parts = [f"<h4>{title}</h4><ul>"]
        for check in checks:
            name_th, name_en = names.get(check.kind, (check.kind, check.kind))
            verdict = escape(self._verdict(check.verdict))
            name = escape(name_th if th else name_en)
            parts.append(f"<li>{name}: <b>{verdict}</b> · {escape(check.checked_by)}</li>")
        parts.append("</ul>")
        return "".join(parts)

    def _decision(self, summary: ApprovalSummary, language: str) -> str:
        record = summary.decision
        if record is None:
            return ""
        decided = self.tr("Approved") if record.decision == "approved" else self.tr("Refused")
        who = f"{escape(record.approver)} {escape(record.position)}"
        when = escape(format_date(record.decided_at, language))
        how = escape(self.type_name(record.signature_type))
        if record.certificate_subject:
            how += f" · {escape(record.certificate_subject)}"
        title = escape(self.tr("Decision"))
        return f"<h4>{title}</h4><p><b>{escape(decided)}</b> — {who}, {when}<br>{how}</p>"
