"""What the citizen manual of one service says, as blocks both renderers draw the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from services.catalog.loader import DocumentRequirement, ServiceSpec

__all__ = ["COPY_RULE_EN", "COPY_RULE_TH", "Block", "ManualAgency", "manual_blocks"]

COPY_RULE_TH: Final = (
    "ยื่นสำเนาเอกสารแต่ละรายการเพียงชุดเดียว ไม่ต้องลงนามรับรองสำเนาถูกต้อง "
    "หน่วยงานจะทำสำเนาและรับรองสำเนาเอง โดยไม่เรียกเก็บค่าใช้จ่าย "
    "(พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558 มาตรา 7 และมาตรา 12)"
)
COPY_RULE_EN: Final = (
    "One copy of each document is enough, with no 'certified true copy' signature: the agency "
    "makes and certifies the copies it needs itself, free of charge (Licensing Facilitation "
    "Act B.E. 2558 (2015), sections 7 and 12)."
)

Kind = Literal["title", "subtitle", "heading", "text", "en", "item", "pair"]


@dataclass(frozen=True)
class Block:
    """One piece of the manual: ``pair`` has a label and a value, the others only text.

    ``en`` is an English subtitle line under the Thai text above it.
    """

    kind: Kind
    text: str
    label: str = ""


@dataclass(frozen=True)
class ManualAgency:
    """The agency as the manual announces it (its channels)."""

    name_th: str
    name_en: str
    email: str
    """The agency's official address (M11): where requests and enquiries are sent."""
    phone: str = ""
    address_th: str = ""
    """Where the counter is (requests on paper are scanned there onto the shared drive)."""


def _baht(satang: int) -> str:
    return f"{satang / 100:,.2f}"


def _service_address(spec: ServiceSpec, agency: ManualAgency) -> str:
    domain = agency.email.rpartition("@")[2]
    return f"{spec.mail_alias}@{domain}" if spec.mail_alias and domain else agency.email


def _document(doc: DocumentRequirement) -> list[Block]:
    need_th = "" if doc.required else " (ถ้ามี)"
    need_en = "" if doc.required else " (if it applies)"
    blocks = [Block("item", f"{doc.name_th}{need_th}"), Block("en", f"{doc.name_en}{need_en}")]
    if doc.note_th:
        blocks.append(Block("text", doc.note_th))
    if doc.note_en:
        blocks.append(Block("en", doc.note_en))
    return blocks


def manual_blocks(spec: ServiceSpec, agency: ManualAgency) -> list[Block]:
    """The manual of ``spec`` in reading order, Thai first with English lines under it."""
    b: list[Block] = [
        Block("subtitle", f"คู่มือสำหรับประชาชน · Citizen manual · {agency.name_th}"),
        Block("title", spec.name_th),
        Block("en", spec.name_en),
    ]
    if spec.description_th:
        b.append(Block("text", spec.description_th))
    if spec.description_en:
        b.append(Block("en", spec.description_en))
    if spec.legal_basis_th:
        b.append(Block("pair", spec.legal_basis_th, "กฎหมายที่เกี่ยวข้อง"))

    address = _service_address(spec, agency)
    b += [
        Block("heading", "ช่องทางการยื่นคำขอ"),
        Block("en", "How to apply"),
        Block("pair", address, "อีเมลทางการของหน่วยงาน"),
        Block("en", f"E-mail the agency's official address {address} with the documents attached."),
        Block(
            "pair",
            agency.address_th or agency.name_th,
            "ยื่นด้วยตนเองที่เคาน์เตอร์",
        ),
        Block(
            "en",
            "Or bring the documents to the counter: the officer scans them and gives you a "
            "receipt with the tracking number.",
        ),
        Block("heading", "ช่องทางสอบถามและติดตามคำขอ"),
        Block("en", "Enquiries and follow-up"),
        Block(
            "pair",
            f'{agency.email} ส่งข้อความ "สถานะ เลขที่รับเรื่อง" จากอีเมลที่ใช้ยื่นคำขอ',
            "สอบถามทางอีเมล",
        ),
        Block(
            "en",
            f'E-mail {agency.email} with "status <tracking number>" from the address you '
            "applied from.",
        ),
    ]
    if agency.phone:
        b.append(Block("pair", agency.phone, "โทรศัพท์"))
    b += [
        Block(
            "pair",
            "สถานะของคำขอ วันที่ถือว่าได้รับคำขอ กำหนดแล้วเสร็จ และเอกสารที่ยังขาด "
            "(ตอบเฉพาะอีเมลของผู้ยื่นคำขอที่ลงทะเบียนไว้)",
            "สิ่งที่สอบถามได้",
        ),
        Block(
            "en",
            "What you can look up: the status, the deemed-received date, the due date and any "
            "missing documents (answered only to the applicant's registered address).",
        ),
        Block("heading", "ระยะเวลาดำเนินการ"),
        Block("en", "Processing time"),
        Block("text", f"{spec.sla_business_days} วันทำการ นับจากวันที่ถือว่าได้รับคำขอ"),
        Block("en", f"{spec.sla_business_days} business days from the deemed-received date"),
        Block("heading", "เอกสารที่ต้องใช้"),
        Block("en", "Required documents"),
    ]
    own = [d for d in spec.required_documents if not d.for_delegation]
    for kind, th, en in (("person", "บุคคลธรรมดา", "Persons"), ("juristic", "นิติบุคคล", "Companies")):
        if kind not in spec.applicant_kinds:
            continue
        docs = [d for d in own if kind in d.applies_to]
        if len(spec.applicant_kinds) > 1:
            b += [Block("text", f"ผู้ยื่นเป็น{th}"), Block("en", en)]
        for doc in docs:
            b += _document(doc)
    b += [Block("heading", "เอกสารกรณีมอบอำนาจ"), Block("en", "If a proxy applies for you")]
    for doc in (d for d in spec.required_documents if d.for_delegation):
        b += _document(doc)
    b += [
        Block("heading", "สำเนาเอกสาร"),
        Block("en", "Copies"),
        Block("text", COPY_RULE_TH),
        Block("en", COPY_RULE_EN),
        Block("heading", "แบบฟอร์มคำขอ"),
        Block("en", "Application form"),
    ]
    if not spec.form_fields:
        b += [Block("text", "ไม่มีแบบฟอร์มเพิ่มเติม"), Block("en", "No form to fill in.")]
    for field in spec.form_fields:
        need_th, need_en = ("จำเป็น", "required") if field.required else ("ถ้ามี", "optional")
        b += [
            Block("item", f"{field.label_th} ({need_th})"),
            Block("en", f"{field.label_en} ({need_en})"),
        ]
        if field.choices:
            b.append(Block("text", "เลือกจาก: " + ", ".join(field.choices)))
    fee = spec.fee
    b += [Block("heading", "ค่าธรรมเนียม"), Block("en", "Fee")]
    if fee.is_free:
        b += [Block("text", "ไม่มีค่าธรรมเนียม"), Block("en", "Free of charge.")]
    else:
        b += [
            Block("text", f"{_baht(fee.amount_satang)} บาท {fee.description_th}".strip()),
            Block("en", f"{_baht(fee.amount_satang)} baht. {fee.description_en}".strip()),
        ]
    b += [
        Block("heading", "การคุ้มครองข้อมูลส่วนบุคคล"),
        Block("en", "Personal data"),
        Block("pair", spec.lawful_basis_th, "ฐานทางกฎหมาย"),
        Block("en", f"Lawful basis: {spec.lawful_basis_en}"),
        Block("pair", spec.purpose_th, "วัตถุประสงค์"),
        Block("en", f"Purpose: {spec.purpose_en}"),
    ]
    if spec.needs_consent:
        b += [
            Block(
                "text",
                "หน่วยงานจะขอความยินยอมจากท่านก่อน ช่องให้ความยินยอมจะไม่ถูกเลือกไว้ล่วงหน้า "
                "และท่านถอนความยินยอมได้ทุกเมื่อ",
            ),
            Block(
                "en",
                "The agency asks for your consent first; the consent box is never ticked in "
                "advance, and you may withdraw consent at any time.",
            ),
        ]
    return b
