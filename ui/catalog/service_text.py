"""A service of the catalog as the page shows it: one HTML page, in the UI language."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject

from services.api import ServiceSpec
from ui.common.formatting import baht_short

__all__ = ["ServiceText"]


class ServiceText(QObject):
    """The words about a service (a QObject for ``tr``: lupdate finds ``self.tr`` texts)."""

    def amount(self, spec: ServiceSpec) -> str:
        """The fee in a list cell: the amount only (the detail says when it is paid)."""
        if spec.fee.is_free:
            return self.tr("Free")
        return self.tr("{amount} baht").format(amount=baht_short(spec.fee.amount_satang))

    def fee(self, spec: ServiceSpec) -> str:
        due = {
            "at_submission": self.tr("paid when the request is registered"),
            "before_approval": self.tr("paid before approval"),
            "before_issue": self.tr("paid before the licence is issued"),
        }.get(spec.fee.due, "")
        text = self.amount(spec)
        return f"{text} ({due})" if due and not spec.fee.is_free else text

    def risk(self, level: str) -> str:
        return {
            "standard": self.tr("Standard (signature type 1)"),
            "advanced": self.tr("Advanced (signature type 2)"),
            "sensitive": self.tr("Sensitive (signature type 3)"),
        }.get(level, level)

    def days(self, n: int) -> str:
        return self.tr("{n} business days").format(n=n)

    def html(self, spec: ServiceSpec, language: str) -> str:
        """Names, fee, SLA, risk, IAL, lawful basis and purpose, template, documents, form."""
        thai = language == "th"

        def pick(th: str, en: str) -> str:
            return escape((th if thai else en) or th or en)

        validity = (
            self.tr("{n} days").format(n=spec.validity_days)
            if spec.validity_days
            else self.tr("no expiry")
        )
        rows = [
            (self.tr("Code"), escape(spec.code)),
            (self.tr("Name (Thai)"), escape(spec.name_th)),
            (self.tr("Name (English)"), escape(spec.name_en)),
            (self.tr("Fee"), escape(self.fee(spec))),
            (self.tr("Service level"), escape(self.days(spec.sla_business_days))),
            (self.tr("Risk level"), escape(self.risk(spec.risk_level))),
            (self.tr("Identity level"), f"IAL{spec.ial}"),
            (self.tr("Lawful basis"), pick(spec.lawful_basis_th, spec.lawful_basis_en)),
            (self.tr("Purpose"), pick(spec.purpose_th, spec.purpose_en)),
            (
                self.tr("Licence template"),
                escape(spec.licence_template or self.tr("none (reply letter)")),
            ),
            (self.tr("Valid for"), escape(validity)),
            (self.tr("Approved by"), escape(spec.approver_role)),
            (self.tr("Mail address"), escape(f"{spec.mail_alias}@…" if spec.mail_alias else "")),
        ]
        out = [f"<h3>{pick(spec.name_th, spec.name_en)}</h3>"]
        out.append("<table cellspacing='0' cellpadding='3'>")
        out += [
            f"<tr><td style='color:#555'>{escape(k)}</td><td>{v}</td></tr>" for k, v in rows if v
        ]
        out.append("</table>")
        documents = self.tr("Documents")  # not inside the f-string: lupdate would miss it
        out.append(f"<h4>{escape(documents)}</h4><ol>")
        for doc in spec.required_documents:
            notes = []
            if not doc.required:
                notes.append(self.tr("if it applies"))
            if doc.for_delegation:
                notes.append(self.tr("proxy only"))
            if tuple(doc.applies_to) == ("person",):
                notes.append(self.tr("persons only"))
            if tuple(doc.applies_to) == ("juristic",):
                notes.append(self.tr("juristic persons only"))
            note = pick(doc.note_th, doc.note_en)
            more = f" <i>({escape(', '.join(notes))})</i>" if notes else ""
            below = f"<br/><span style='color:#555'>{note}</span>" if note else ""
            out.append(f"<li>{pick(doc.name_th, doc.name_en)}{more}{below}</li>")
        out.append("</ol>")
        if spec.form_fields:
            form = self.tr("Application form")
            out.append(f"<h4>{escape(form)}</h4><ul>")
            for field in spec.form_fields:
                star = " *" if field.required else ""
                out.append(f"<li>{pick(field.label_th, field.label_en)}{star}</li>")
            out.append("</ul>")
        return "".join(out)
