"""The licence's data as XML inside its PDF (``licence.xml``; resources/licences/licence.xsd).

A program (another agency's system, the public register's checker) reads the licence without
reading the page: number, service, licensee, dates, conditions, the verification code. It is
attached as a PDF/A-3 associated file (``/AF`` on the document, ``/AFRelationship /Data``)
before the licence is signed, so the signature covers it and signing does not disturb it.
Never in it: a national ID or the applicant's house address (the premises are the licence's).
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from pypdf import PdfReader

from services.produce.pdf.pdfa import ArchivalInfo, AssociatedFile, make_pdfa

__all__ = [
    "NAMESPACE",
    "XML_NAME",
    "LicenceData",
    "licence_pdfa",
    "licence_xml",
    "parse_licence_xml",
    "read_xml",
]

NAMESPACE: Final = "urn:anuyat:licence:1"
XML_NAME: Final = "licence.xml"


@dataclass(frozen=True)
class LicenceData:
    number: str
    verification_code: str
    service_code: str
    subject_th: str
    subject_en: str
    licensee: str
    premises: str
    granted: str
    """ISO date (Gregorian) the licence was granted."""
    valid_until: str
    """ISO date, or empty for no expiry."""
    conditions: tuple[str, ...]
    agency_th: str
    agency_code: str
    approver: str
    position: str


def licence_xml(d: LicenceData) -> bytes:
    ET.register_namespace("", NAMESPACE)

    def el(parent: ET.Element, name: str, text: str) -> None:
        ET.SubElement(parent, f"{{{NAMESPACE}}}{name}").text = text

    root = ET.Element(f"{{{NAMESPACE}}}licence", {"version": "1"})
    for name in ("number", "verification_code", "service_code", "subject_th", "subject_en"):
        el(root, name, getattr(d, name))
    el(root, "licensee", d.licensee)
    el(root, "premises", d.premises)
    el(root, "granted", d.granted)
    el(root, "valid_until", d.valid_until)
    conditions = ET.SubElement(root, f"{{{NAMESPACE}}}conditions")
    for condition in d.conditions:
        el(conditions, "condition", condition)
    issuer = ET.SubElement(root, f"{{{NAMESPACE}}}issuer")
    el(issuer, "agency", d.agency_th)
    el(issuer, "agency_code", d.agency_code)
    el(issuer, "approver", d.approver)
    el(issuer, "position", d.position)
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data


def parse_licence_xml(data: bytes) -> LicenceData:
    """The data back from :func:`licence_xml`'s bytes (a verifier, the tests)."""
    root = ET.fromstring(data)
    ns = {"l": NAMESPACE}

    def text(path: str) -> str:
        found = root.find(path, ns)
        return (found.text or "") if found is not None else ""

    return LicenceData(
        number=text("l:number"),
        verification_code=text("l:verification_code"),
        service_code=text("l:service_code"),
        subject_th=text("l:subject_th"),
        subject_en=text("l:subject_en"),
        licensee=text("l:licensee"),
        premises=text("l:premises"),
        granted=text("l:granted"),
        valid_until=text("l:valid_until"),
        conditions=tuple(c.text or "" for c in root.findall("l:conditions/l:condition", ns)),
        agency_th=text("l:issuer/l:agency"),
        agency_code=text("l:issuer/l:agency_code"),
        approver=text("l:issuer/l:approver"),
        position=text("l:issuer/l:position"),
    )


def licence_pdfa(pdf: bytes, xml: bytes, data: LicenceData, issued_at: datetime) -> bytes:
    """``pdf`` as PDF/A-3b with ``xml`` as its associated file (``/AF``, ``/Data``).

    The shared PDF/A machinery (:mod:`services.produce.pdf.pdfa`) adds the XMP packet, the
    sRGB output intent and checks every font is embedded; the signature comes after, as an
    incremental update, so it neither breaks the attachment nor the PDF/A claims.
    """
    info = ArchivalInfo(
        title=f"{data.subject_th} เลขที่ {data.number}",
        author=data.agency_th,
        created=issued_at,
        subject=f"{data.subject_en} No. {data.number}",
    )
    attached = AssociatedFile(
        name=XML_NAME,
        data=xml,
        mime="application/xml",
        relationship="Data",
        description=f"Licence data ({NAMESPACE})",
        modified=issued_at,
    )
    return make_pdfa(pdf, info, part=3, attachments=(attached,))


def read_xml(pdf: bytes) -> bytes | None:
    """The attached ``licence.xml``, or None when the PDF has none."""
    reader = PdfReader(io.BytesIO(pdf))
    found = reader.attachments.get(XML_NAME)
    return found[0] if found else None
