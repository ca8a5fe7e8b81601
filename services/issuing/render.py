"""The licence as an A4 PDF: Thai first with English under it, a QR code to its public page.

Drawn with the same :class:`~services.produce.pdf.flow.Flow` as the counter receipt and the
certified copies' stamp, so Thai looks right and pypdf or ``pdftotext`` extract each line as
it was written; paragraphs wrap between words (:mod:`services.produce.pdf.words`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from services.issuing.templates import LicenceTemplate
from services.produce.pdf.flow import Flow

__all__ = ["LicenceContent", "render_licence"]

_QR_SIZE: Final = 92.0  # points: about 3.2 cm, reads from a phone at arm's length


@dataclass(frozen=True)
class LicenceContent:
    """Everything a licence shows; made by :mod:`services.issuing.issue` from the store."""

    agency_th: str
    agency_en: str
    number: str
    """From the outgoing register: ``12/2569`` (running per Buddhist Era year)."""
    service_th: str
    service_en: str
    applicant: str
    licensee: str
    premises: str
    granted_th: str
    granted_en: str
    valid_until_th: str
    valid_until_en: str
    conditions: tuple[str, ...]
    approver: str
    position: str
    verification_code: str
    verification_url: str
    emblem: Path | None = None


def _values(c: LicenceContent, language: str) -> dict[str, str]:
    return {
        "licensee": c.licensee,
        "applicant": c.applicant,
        # Never "-": the issue refuses an empty address when the text says where it holds.
        "premises": c.premises,
        "service": c.service_th if language == "th" else c.service_en,
        "valid_until": (c.valid_until_th if language == "th" else c.valid_until_en) or "-",
    }


def render_licence(template: LicenceTemplate, c: LicenceContent) -> bytes:
    flow = Flow(f"{template.title_th} {c.number}")
    if c.emblem is not None:
        flow.image(str(c.emblem), height=56)
        flow.gap(4)
    flow.text(c.agency_th, size=13, bold=True, centred=True)
    flow.text(c.agency_en, size=9, grey=True, centred=True)
    flow.gap(8)
    flow.text(template.title_th, size=18, bold=True, centred=True)
    flow.text(template.title_en, size=10, grey=True, centred=True)
    flow.gap(4)
    flow.text(f"เลขที่ {c.number}", size=13, bold=True, centred=True)
    flow.text(f"No. {c.number}", size=9, grey=True, centred=True)
    flow.rule()
    premises = (("สถานที่", "Premises", c.premises),) if c.premises else ()
    rows = (
        ("ผู้ได้รับใบอนุญาต", "Licensee", c.licensee),
        ("ผู้ยื่นคำขอ", "Applicant", c.applicant),
        *premises,
        ("เรื่อง", "Subject", c.service_th),
        ("วันที่อนุญาต", "Date granted", c.granted_th),
        ("ใช้ได้ถึงวันที่", "Valid until", c.valid_until_th or "ไม่มีกำหนด"),
    )
    for th, en, value in rows:
        flow.pair(th, value, size=11.5, label_width=120)
        english = {"Subject": c.service_en, "Date granted": c.granted_en}.get(en)
        if en == "Valid until":
            english = c.valid_until_en or "no expiry"
        flow.text(f"{en}: {english}" if english else en, size=8, grey=True)
    flow.gap(6)
    flow.text(template.grant(language="th", values=_values(c, "th")), size=11.5)
    flow.text(template.grant(language="en", values=_values(c, "en")), size=8.5, grey=True)
    if c.conditions:
        flow.heading("เงื่อนไข", size=12)
        flow.text("Conditions", size=8, grey=True)
        for i, condition in enumerate(c.conditions, start=1):
            flow.text(f"{i}. {condition}", size=11, indent=8)
    if template.footer_th:
        flow.gap(6)
        flow.text(template.footer_th, size=10.5)
        flow.text(template.footer_en, size=8, grey=True)
    _signature_and_qr(flow, c)
    return flow.finish()


def _signature_and_qr(flow: Flow, c: LicenceContent) -> None:
    """The approver's block on the right, the QR code and its code on the left, side by side."""
    flow.gap(10)
    flow.room(_QR_SIZE + 30)
    top = flow.y
    _draw_qr(flow, c.verification_url, x=48.0, top=top)
    flow.gap(18)
    indent = flow.text_width * 0.5
    flow.text(f"({c.approver})", size=11.5, indent=indent)
    flow.text(c.position, size=11, indent=indent)
    flow.text("ลงนามด้วยลายมือชื่ออิเล็กทรอนิกส์ / Signed electronically", size=8, indent=indent, grey=True)
    below_qr = top - _QR_SIZE - 4
    flow.gap(max(0.0, flow.y - below_qr))
    flow.text(f"รหัสตรวจสอบ {c.verification_code}", size=10, bold=True)
    flow.text(f"ตรวจสอบสถานะใบอนุญาตได้ที่ / Check this licence at: {c.verification_url}", size=8)


def _draw_qr(flow: Flow, url: str, *, x: float, top: float) -> None:
    """The QR code as vector squares: sharp at any print size, no image to compress."""
    import segno  # here: opening the profile imports this module, only issuing draws

    qr = segno.make(url, error="m")
    rows = list(qr.matrix_iter(scale=1, border=0))
    module = _QR_SIZE / len(rows)
    canvas = flow.canvas
    canvas.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(rows):
        for col, dark in enumerate(row):
            if dark:
                canvas.rect(
                    x + col * module, top - (r + 1) * module, module, module, stroke=0, fill=1
                )
