"""The acknowledgement (ใบรับเรื่อง) every applicant gets: rendered from an editable template.

Thai first, English below (requirements P1/P3, M01, M03, M10). The template lives in
``resources/templates/acknowledgement.txt``; an agency may point the setting
``ack_template`` at its own copy. A template with an unknown placeholder, or one that lost a
part the DGA guidelines (draft) §6.1.2 / §6.3.2 require (the SLA and its due date, the
deemed-received time, the conditions, the disclaimer, how to track, cancel or correct the
request — in Thai and in English), is refused with a clear message naming what is missing,
before anything is sent (:func:`check_template` runs at start-up too).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from services.catalog.loader import ServiceSpec
from services.letters.templates import RequiredPart, render_letter

__all__ = [
    "AckDocument",
    "DEFAULT_TEMPLATE",
    "MAX_LISTED_FILES",
    "PLACEHOLDERS",
    "REQUIRED_PARTS",
    "SLA_PENDING",
    "check_template",
    "privacy_values",
    "render_acknowledgement",
    "sla_texts",
]

MAX_LISTED_FILES = 20
"""Files an acknowledgement names one by one; the rest are counted ("and 4,980 more")."""

DEFAULT_TEMPLATE = (
    Path(__file__).resolve().parents[2] / "resources" / "templates" / "acknowledgement.txt"
)

PLACEHOLDERS = frozenset(
    {
        "tracking_number",
        "applicant_name",
        "agency_th",
        "agency_en",
        "agency_email",
        "agency_phone",
        "service_th",
        "service_en",
        "received_th",
        "received_en",
        "deemed_received_th",
        "deemed_received_en",
        "sla_days",
        "sla_th",
        "sla_en",
        "sla_due_th",
        "sla_due_en",
        "documents_th",
        "documents_en",
        "quarantine_th",
        "quarantine_en",
        "lawful_basis_th",
        "lawful_basis_en",
        "purpose_th",
        "purpose_en",
    }
)


REQUIRED_PARTS: tuple[RequiredPart, ...] = (
    RequiredPart("เลขที่รับเรื่อง ($tracking_number)", "the tracking number ($tracking_number)",
                 (("$tracking_number",),)),
    RequiredPart("เวลาที่ถือว่าได้รับคำขอ ($deemed_received_th)",
                 "the deemed-received time in Thai ($deemed_received_th)",
                 (("$deemed_received_th",),)),
    RequiredPart("เวลาที่ถือว่าได้รับคำขอภาษาอังกฤษ ($deemed_received_en)",
                 "the deemed-received time in English ($deemed_received_en)",
                 (("$deemed_received_en",),)),
    # $sla_th / $sla_en say the SLA and its due date, or (unclassified) that they follow;
    # an older template may still spell them out with $sla_days and $sla_due_th / _en.
    RequiredPart("ระยะเวลาดำเนินการตาม SLA ($sla_th)", "the SLA in Thai ($sla_th)",
                 (("$sla_th", "$sla_days"),)),
    RequiredPart("ระยะเวลาดำเนินการตาม SLA ภาษาอังกฤษ ($sla_en)", "the SLA in English ($sla_en)",
                 (("$sla_en", "$sla_days"),)),
    RequiredPart("กำหนดแล้วเสร็จ ($sla_due_th)", "the SLA due date in Thai ($sla_due_th)",
                 (("$sla_th", "$sla_due_th"),)),
    RequiredPart("กำหนดแล้วเสร็จภาษาอังกฤษ ($sla_due_en)",
                 "the SLA due date in English ($sla_due_en)", (("$sla_en", "$sla_due_en"),)),
    RequiredPart("หัวข้อเงื่อนไข (เงื่อนไข)", "the conditions in Thai (เงื่อนไข)",
                 (("เงื่อนไข",),)),
    RequiredPart("หัวข้อเงื่อนไขภาษาอังกฤษ (Conditions)", "the conditions in English (Conditions)",
                 (("condition",),)),
    RequiredPart("ข้อสงวนสิทธิ์ (ข้อสงวนสิทธิ์ หรือ ข้อจำกัดความรับผิดชอบ)",
                 "the disclaimer in Thai (ข้อสงวนสิทธิ์ or ข้อจำกัดความรับผิดชอบ)",
                 (("ข้อสงวนสิทธิ์", "ข้อจำกัดความรับผิดชอบ"),)),
    RequiredPart("ข้อสงวนสิทธิ์ภาษาอังกฤษ (Disclaimer)", "the disclaimer in English (Disclaimer)",
                 (("disclaimer",),)),
    RequiredPart("วิธีติดตาม ยกเลิก หรือแก้ไขคำขอ", "how to track, cancel or correct it, in Thai",
                 (("ติดตาม", "สถานะ"), ("ยกเลิก",), ("แก้ไข",))),
    RequiredPart("วิธีติดตาม ยกเลิก หรือแก้ไขคำขอภาษาอังกฤษ",
                 "how to track, cancel or correct it, in English (track, cancel, correct)",
                 (("track", "status"), ("cancel",), ("correct",))),
)  # fmt: skip
"""What every acknowledgement must still say after the agency edits its template."""

_WHY = (
    "แนวปฏิบัติกระบวนการทางดิจิทัลภาครัฐ (ร่าง) ข้อ 6.1.2 และ 6.3.2 กำหนดให้ใบตอบรับแจ้งเวลาที่ถือว่า"
    "ได้รับ เงื่อนไข ข้อจำกัดความรับผิดชอบ ระยะเวลาดำเนินการตาม SLA และวิธีติดตาม ยกเลิก หรือแก้ไขเรื่อง",
    "The DGA guidelines (draft) §6.1.2 and §6.3.2 require the acknowledgement to state the "
    "deemed-received time, the conditions, the disclaimer, the SLA and how to track, cancel "
    "or correct the request.",
)


_UNCLASSIFIED_PRIVACY: Mapping[str, str] = {
    "lawful_basis_th": "แจ้งตามประเภทคำขอเมื่อเจ้าหน้าที่จำแนกคำขอแล้ว",
    "lawful_basis_en": "stated once an officer has classified the request",
    "purpose_th": "ใช้พิจารณาคำขอนี้และติดต่อท่านเกี่ยวกับคำขอนี้",
    "purpose_en": "to consider this request and contact you about it",
}


def privacy_values(spec: Mapping[str, object] | None) -> dict[str, str]:
    """The privacy placeholders for a service's stored spec (``ServiceType.spec``; PDPA, M27)."""
    if not spec:
        return dict(_UNCLASSIFIED_PRIVACY)
    service = ServiceSpec.from_dict(spec)
    return {
        "lawful_basis_th": service.lawful_basis_th,
        "lawful_basis_en": service.lawful_basis_en,
        "purpose_th": service.purpose_th or _UNCLASSIFIED_PRIVACY["purpose_th"],
        "purpose_en": service.purpose_en or _UNCLASSIFIED_PRIVACY["purpose_en"],
    }


SLA_PENDING = (
    "จะแจ้งระยะเวลาดำเนินการและกำหนดแล้วเสร็จให้ทราบเมื่อเจ้าหน้าที่ระบุประเภทบริการของคำขอแล้ว",
    "we will send you the processing time and due date once an officer has identified the "
    "service you asked for",
)
"""What an unclassified request's acknowledgement says instead of the SLA (Thai, English)."""


def sla_texts(days: int | None, due_th: str, due_en: str) -> tuple[str, str]:
    """($sla_th, $sla_en): "15 วันทำการ (กำหนดแล้วเสร็จ …)", or that they follow."""
    if days is None:
        return SLA_PENDING
    return f"{days} วันทำการ (กำหนดแล้วเสร็จ {due_th})", f"{days} business days (due {due_en})"


def check_template(template: Path = DEFAULT_TEMPLATE) -> None:
    """Refuse (InvalidInput) a template that would not render or lost a required part."""
    render_acknowledgement({}, [], [], template)


@dataclass(frozen=True)
class AckDocument:
    filename: str
    detail: str = ""  # e.g. "3 หน้า / 3 pages"


def _lines(items: Sequence[str], empty: str, more: str = "") -> str:
    """A bulleted list of at most :data:`MAX_LISTED_FILES` lines, then how many were left out."""
    if not items:
        return f"    - {empty}"
    shown = [f"    - {item}" for item in items[:MAX_LISTED_FILES]]
    left = len(items) - MAX_LISTED_FILES
    if left > 0:
        shown.append(f"    - {more.format(n=f'{left:,}')}")
    return "\n".join(shown)


def render_acknowledgement(
    values: Mapping[str, str],
    documents: Sequence[AckDocument],
    quarantined: Sequence[tuple[str, str, str]],  # (filename, applicant_th, applicant_en)
    template: Path = DEFAULT_TEMPLATE,
) -> tuple[str, str]:
    """Return (subject, body)."""
    names = [f"{d.filename} {d.detail}".strip() for d in documents]
    docs_th = _lines(names, "ไม่มีไฟล์แนบ", "และไฟล์อื่นอีก {n} ไฟล์")
    docs_en = _lines(names, "no attachments", "and {n} more files")
    q_th = (
        "\n  ไฟล์ที่ไม่ได้รับไว้ (โปรดส่งใหม่):\n"
        + _lines([f"{f}: {th}" for f, th, _ in quarantined], "", "และไฟล์อื่นอีก {n} ไฟล์")
        if quarantined
        else ""
    )
    q_en = (
        "\n  Files not accepted (please send again):\n"
        + _lines([f"{f}: {en}" for f, _, en in quarantined], "", "and {n} more files")
        if quarantined
        else ""
    )
    merged = dict(_UNCLASSIFIED_PRIVACY)
    merged.update(values)
    merged.update(
        documents_th=docs_th, documents_en=docs_en, quarantine_th=q_th, quarantine_en=q_en
    )
    return render_letter(template, PLACEHOLDERS, merged, REQUIRED_PARTS, _WHY)
