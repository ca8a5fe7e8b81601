"""Fictional applicants, requests and their attachments for the demo agency.

``anuyat demo`` fills a new profile with these: about a dozen made-up applicants
(:func:`demo_applicants`), twenty-three requests spread over the agency's services
(:func:`demo_requests`) and, for each request, real files produced in memory
(:func:`render_attachments`): PDF forms, copies and maps drawn with reportlab
(:mod:`demo.pdfs`), and JPEG photos drawn with Pillow
(:mod:`demo.images`). Everything is deterministic: the same inputs give
byte-identical files, so a demo profile can be rebuilt and compared.

The people, companies, addresses and numbers are invented and live in the made-up
province ทองธารา (resources/demo/*.toml). National id numbers carry the province code
99, which no real number has, and a valid check digit; e-mail addresses use example
domains only; every document says it is a sample.

Thai text in the PDFs must be right to the eye *and* extract to the exact string
(``/work/shared/testing.md``); :mod:`services.kernel.thai_pdf_text` explains how.
"""

from __future__ import annotations

import threading
import tomllib
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from demo.images import id_card, low_res_photo, payment_slip
from demo.model import (
    PROGRESS_STEPS,
    AttachmentKind,
    DemoAddress,
    DemoApplicant,
    DemoAttachment,
    DemoPerson,
    DemoRequest,
    RenderContext,
)
from demo.numbers import fictional_id
from demo.pdfs import PDF_RENDERERS
from demo.pdfs_premises import PREMISES_RENDERERS
from services.kernel.clock import BANGKOK

__all__ = [
    "DEMO_KINDS",
    "DEMO_NOW",
    "assign_service_codes",
    "demo_applicants",
    "demo_requests",
    "render_attachments",
]

DEMO_DIR = Path(__file__).resolve().parents[1] / "resources" / "demo"

#: The moment ``demo_requests`` and ``render_attachments`` count back from when no
#: ``now`` is given: a Monday morning in Bangkok.
DEMO_NOW = datetime(2026, 11, 23, 10, 0, tzinfo=BANGKOK)

#: The kinds of request in the demo, in the order they claim service codes.
DEMO_KINDS = ("certificate", "petition", "hazard", "building", "food")
_KIND_KEYWORDS: dict[str, tuple[str, ...]] = {
    "certificate": ("CERT", "NOTI"),
    "petition": ("PETITION", "COMPLAIN", "GENERAL"),
    "hazard": ("HAZARD", "HEALTH"),
    "building": ("BUILD", "CONSTRUCT"),
    "food": ("FOOD",),
}


# --------------------------------------------------------------------------- loading


def _text(table: Mapping[str, Any], key: str, default: str | None = None) -> str:
    value = table.get(key, default)
    if not isinstance(value, str):
        raise ValueError(f"demo data: {key!r} must be text, got {value!r}")
    return value


def _int(table: Mapping[str, Any], key: str) -> int | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, int):
        raise ValueError(f"demo data: {key!r} must be a whole number, got {value!r}")
    return value


def _date(table: Mapping[str, Any], key: str) -> date:
    value = table.get(key)
    if not isinstance(value, date):
        raise ValueError(f"demo data: {key!r} must be a date, got {value!r}")
    return value


def _address(table: Mapping[str, Any]) -> DemoAddress:
    return DemoAddress(
        house_no=_text(table, "house_no"),
        moo=_text(table, "moo", ""),
        soi=_text(table, "soi", ""),
        road=_text(table, "road", ""),
        tambon=_text(table, "tambon"),
        amphoe=_text(table, "amphoe"),
        changwat=_text(table, "changwat"),
        postcode=_text(table, "postcode"),
    )


def _person(table: Mapping[str, Any], seed: str, address: DemoAddress | None = None) -> DemoPerson:
    born = _date(table, "birth_date")
    # Numbers handed out before the 1984 id reform start with 3; births since, with 1.
    first_digit = _text(table, "id_type", "3" if born.year < 1984 else "1")
    return DemoPerson(
        title_th=_text(table, "title_th"),
        first_name_th=_text(table, "first_th"),
        last_name_th=_text(table, "last_th"),
        title_en=_text(table, "title_en"),
        first_name_en=_text(table, "first_en"),
        last_name_en=_text(table, "last_en"),
        national_id=fictional_id(seed, first_digit),
        birth_date=born,
        address=address if address is not None else _address(table["address"]),
        nationality_th=_text(table, "nationality_th", "ไทย"),
        nationality_en=_text(table, "nationality_en", "Thai"),
    )


def _load(source_dir: Path, name: str) -> dict[str, Any]:
    with (source_dir / name).open("rb") as handle:
        return tomllib.load(handle)


@cache
def _applicants(source_dir: Path) -> tuple[DemoApplicant, ...]:
    result = []
    for row in _load(source_dir, "applicants.toml")["applicant"]:
        key = _text(row, "key")
        address = _address(row["address"])
        if row["kind"] == "person":
            person = _person(row, key, address)
            result.append(
                DemoApplicant(
                    key=key,
                    kind="person",
                    name_th=person.name_th,
                    name_en=person.name_en,
                    national_id=person.national_id,
                    address=address,
                    phone=_text(row, "phone"),
                    email=_text(row, "email"),
                    signer=person,
                )
            )
        else:
            signer_row = row["signer"]
            result.append(
                DemoApplicant(
                    key=key,
                    kind="juristic",
                    name_th=_text(row, "name_th"),
                    name_en=_text(row, "name_en"),
                    national_id=fictional_id(key, "0"),
                    address=address,
                    phone=_text(row, "phone"),
                    email=_text(row, "email"),
                    signer=_person(signer_row, f"{key}/signer"),
                    signer_position_th=_text(signer_row, "position_th"),
                    signer_position_en=_text(signer_row, "position_en"),
                    registered_on=_date(row, "registered_on"),
                    capital_baht=_int(row, "capital_baht"),
                )
            )
    return tuple(result)


def demo_applicants(*, source_dir: Path = DEMO_DIR) -> list[DemoApplicant]:
    """The fictional applicants, always in the same order (requests refer to them by index)."""
    return list(_applicants(source_dir))


def assign_service_codes(service_codes: Sequence[str]) -> dict[str, str]:
    """Which catalog code each demo kind uses.

    A kind takes the first unclaimed code that contains one of its keywords (``CERT``,
    ``PETITION``, ``HAZARD``/``HEALTH``, ``FOOD``), else the first unclaimed code, else
    the code at its own position; so any non-empty catalog gets every request a code.
    """
    codes = list(dict.fromkeys(service_codes))
    if not codes:
        raise ValueError("the demo needs at least one service code")
    claimed: dict[str, str] = {}
    for kind in DEMO_KINDS:
        keywords = _KIND_KEYWORDS[kind]
        for code in codes:
            if code not in claimed.values() and any(k in code.upper() for k in keywords):
                claimed[kind] = code
                break
    for position, kind in enumerate(DEMO_KINDS):
        if kind not in claimed:
            free = [code for code in codes if code not in claimed.values()]
            claimed[kind] = free[0] if free else codes[position % len(codes)]
    return claimed


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _arrival(spec: Mapping[str, Any], now: datetime) -> datetime:
    """The Bangkok wall-clock moment a request arrived, always on a day before today."""
    at = spec["at"]
    if not isinstance(at, time):
        raise ValueError(f"demo data: 'at' must be a time, got {at!r}")
    today = now.astimezone(BANGKOK).date()
    if "business_days_ago" in spec:
        day, left = today, int(spec["business_days_ago"])
        while left > 0:
            day -= timedelta(days=1)
            if day.weekday() < 5:
                left -= 1
    elif "days_ago" in spec:
        day = today - timedelta(days=int(spec["days_ago"]))
    else:
        weekday = _WEEKDAYS.index(str(spec["weekday"]))
        back = (today.weekday() - weekday) % 7 or 7
        day = today - timedelta(days=back + 7 * (int(spec.get("weeks_ago", 1)) - 1))
    return datetime.combine(day, at, tzinfo=BANGKOK)


def demo_requests(
    service_codes: Sequence[str],
    *,
    now: datetime = DEMO_NOW,
    source_dir: Path = DEMO_DIR,
) -> list[DemoRequest]:
    """The demo requests, oldest first, for a catalog with ``service_codes``.

    ``received_offset`` is counted back from ``now`` so that, whatever day it is, some
    requests arrive in business hours, some in the evening or early morning and some
    at the weekend. Pass the clock's ``now`` and use ``now - received_offset`` (or
    :meth:`DemoRequest.received_at`) with that same ``now``.
    """
    kinds = assign_service_codes(service_codes)
    index = {a.key: i for i, a in enumerate(_applicants(source_dir))}
    people = _applicants(source_dir)
    result = []
    for row in _load(source_dir, "requests.toml")["request"]:
        applicant = index[_text(row, "applicant")]
        delegate = index[_text(row, "delegate")] if "delegate" in row else None
        sender = people[delegate].signer if delegate is not None else people[applicant].signer
        words = {
            "sender": sender.name_th,
            "sender_phone": people[delegate if delegate is not None else applicant].phone,
            "applicant": people[applicant].name_th,
            "address": people[applicant].address.text_th,
            "business": _text(row, "business", ""),
            "area": str(row.get("area_sqm", "")),
        }
        kind = _text(row, "kind")
        channel = _text(row, "channel")
        language = _text(row, "language", "th")
        if channel not in ("email", "drive", "counter") or language not in ("th", "en"):
            raise ValueError(f"demo data: bad channel or language in {row['key']!r}")
        progress = _text(row, "progress", "")
        if progress and progress not in PROGRESS_STEPS:
            raise ValueError(f"demo data: unknown progress {progress!r} in {row['key']!r}")
        result.append(
            DemoRequest(
                key=_text(row, "key"),
                kind=kind,
                applicant_index=applicant,
                service_code=kinds[kind],
                subject=_text(row, "subject").format_map(words),
                body=_text(row, "body").strip().format_map(words) + "\n",
                received_offset=now - _arrival(row["arrived"], now),
                channel=channel,  # type: ignore[arg-type]
                language=language,  # type: ignore[arg-type]
                attachments=tuple(AttachmentKind(a) for a in row["attachments"]),
                delegate_index=delegate,
                business_name=words["business"],
                activity=_text(row, "activity", ""),
                area_sqm=_int(row, "area_sqm"),
                payment_baht=_int(row, "payment_baht") or 0,
                details=_text(row, "details", ""),
                progress=progress,
                assign_to=_text(row, "assign_to", ""),
                assign_note=_text(row, "assign_note", ""),
                supervisor_note=_text(row, "supervisor_note", ""),
            )
        )
    result.sort(key=lambda r: r.received_offset, reverse=True)
    return result


# --------------------------------------------------------------------------- attachments

# reportlab fonts keep per-document state and FreeType faces are not thread-safe: one at a time.
_RENDER_LOCK = threading.Lock()


def _render(kind: AttachmentKind, ctx: RenderContext) -> bytes:
    if kind in PDF_RENDERERS:
        return PDF_RENDERERS[kind](ctx)
    if kind in PREMISES_RENDERERS:
        return PREMISES_RENDERERS[kind](ctx)
    if kind is AttachmentKind.ID_CARD_PHOTO:
        return id_card(ctx.applicant.signer, ctx.seed)
    if kind is AttachmentKind.DELEGATE_ID_CARD_PHOTO:
        if ctx.delegate is None:
            raise ValueError(f"request {ctx.request.key} has no delegate")
        return id_card(ctx.delegate.signer, ctx.seed + "/delegate")
    if kind is AttachmentKind.PAYMENT_SLIP:
        return payment_slip(ctx)
    return low_res_photo(ctx)


def _filename(kind: AttachmentKind, ctx: RenderContext, number: int) -> str:
    req, app = ctx.request, ctx.applicant
    stamp = ctx.received - timedelta(minutes=3 + number)
    if req.channel == "counter":
        extension = "jpg" if kind.endswith("photo") or kind == "payment_slip" else "pdf"
        return f"SCAN_{stamp:%Y%m%d}_{req.key}_{number:02d}.{extension}"
    if req.channel == "drive" and kind.endswith("photo"):
        return f"LINE_ALBUM_{stamp:%Y%m%d}_{number}.jpg"
    english = req.language == "en"
    if english:
        form = "application_form.pdf"
    elif req.kind == "petition":
        form = "คำร้อง.pdf"
    else:
        form = f"แบบคำขอ_{app.key if app.is_juristic else app.signer.first_name_th}.pdf"
    place = "ตั้งอาคาร" if req.kind == "building" else "ร้าน"
    names = {
        AttachmentKind.APPLICATION_FORM: form,
        AttachmentKind.HOUSE_REGISTRATION: (
            "house_registration.pdf" if english else "สำเนาทะเบียนบ้าน.pdf"
        ),
        AttachmentKind.SITE_MAP: "site_map.pdf" if english else f"แผนที่{place}.pdf",
        AttachmentKind.POWER_OF_ATTORNEY: "หนังสือมอบอำนาจ.pdf",
        AttachmentKind.COMPANY_CERTIFICATE: "หนังสือรับรองนิติบุคคล.pdf",
        AttachmentKind.ID_CARD_PHOTO: f"IMG_{stamp:%Y%m%d_%H%M%S}.jpg",
        AttachmentKind.DELEGATE_ID_CARD_PHOTO: "บัตรผู้รับมอบอำนาจ.jpg",
        AttachmentKind.PAYMENT_SLIP: f"slip_{stamp:%Y%m%d%H%M}.jpg",
        AttachmentKind.LOW_RES_PHOTO: f"LINE_ALBUM_{stamp:%Y%m%d}_{number}.jpg",
        AttachmentKind.PREMISES_CONSENT: "หนังสือยินยอมให้ใช้สถานที่.pdf",
        AttachmentKind.FLOOR_PLAN: f"แผนผัง{place}.pdf",
    }
    return names[kind]


def render_attachments(
    request: DemoRequest,
    applicant: DemoApplicant,
    *,
    now: datetime = DEMO_NOW,
    source_dir: Path = DEMO_DIR,
) -> list[DemoAttachment]:
    """The files of ``request``, made in memory, in the order of ``request.attachments``.

    ``now`` should be the one given to :func:`demo_requests`: documents are dated from
    the request's arrival. The same arguments always give byte-identical files.
    """
    delegate = None
    if request.delegate_index is not None:
        delegate = _applicants(source_dir)[request.delegate_index]
    ctx = RenderContext(
        request=request,
        applicant=applicant,
        delegate=delegate,
        received=request.received_at(now).astimezone(BANGKOK),
    )
    result = []
    for number, kind in enumerate(request.attachments, start=1):
        with _RENDER_LOCK:
            data = _render(kind, ctx)
        content_type = "application/pdf" if data.startswith(b"%PDF") else "image/jpeg"
        result.append(DemoAttachment(_filename(kind, ctx, number), content_type, data))
    return result
