"""Requests brought to the counter or phoned in, registered by an intake officer.

Same numbering, timing (deemed-received time) and acknowledgement rules as mail, and the
same judge of files: :func:`read_counter_files` reads the scans and judges them as intake
judges mail (pypdf and the viewer's own engine on each PDF) where waiting costs nothing — the
UI's I/O pool — and :func:`register_counter_request` then only writes, in the one database
worker, which a PDF the engine takes its whole time limit over never holds.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

from services.access.table import Action, require
from services.cases.applications import NewApplicant
from services.intake.inspect.attachments import inspect_attachments
from services.intake.inspect.pdf_probe import PdfOpenProbe
from services.intake.pipeline import Arrival, ingest, record_arrival
from services.intake.types import Limits, ParsedAttachment
from services.intake.views import CounterRequest
from services.kernel.actors import Actor
from services.kernel.errors import AnuyatError, InvalidInput
from services.kernel.sizes import format_size
from services.kernel.text import clean_filename, clean_name, clean_subject
from services.store.context import AppContext

__all__ = ["read_counter_files", "register_counter_request"]


def _read(path: Path, limits: Limits) -> ParsedAttachment:
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise InvalidInput(
                f"ไฟล์ {path.name} มีขนาด {format_size(size)} ใหญ่เกินกำหนด "
                f"{format_size(limits.max_file_bytes)} — ย่อขนาดหรือแบ่งเป็นหลายไฟล์แล้วเลือกใหม่",
                f"{path.name} is {format_size(size)}, over the limit of "
                f"{format_size(limits.max_file_bytes)}; make it smaller or split it, and choose "
                "it again.",
            )
        return ParsedAttachment(
            filename=clean_filename(path.name) or "file", declared_type="", data=path.read_bytes()
        )
    except OSError as exc:
        raise InvalidInput(
            f"อ่านไฟล์ {path.name} ไม่ได้ — ตรวจสอบว่าไฟล์ยังอยู่และเปิดได้",
            f"Cannot read {path.name}; check that it still exists and can be opened.",
            detail=str(exc),
        ) from exc


def read_counter_files(
    actor: Actor, request: CounterRequest, limits: Limits, pdf_probe: PdfOpenProbe | None = None
) -> CounterRequest:
    """The request with its scanned files read and judged (no database: run it where slow
    disks and the viewer's engine may keep it waiting, then register the result, so the one
    database writer never waits on a shared drive or a PDF)."""
    require(actor, Action.REGISTER_AT_COUNTER)
    contents = tuple(_read(Path(p), limits) for p in request.files)
    judged = tuple(inspect_attachments(contents, limits, pdf_probe))
    return replace(request, contents=contents, inspected=judged)


def register_counter_request(
    context: AppContext,
    actor: Actor,
    request: CounterRequest,
    limits: Limits,
    pdf_probe: PdfOpenProbe | None = None,
) -> str:
    require(actor, Action.REGISTER_AT_COUNTER)
    name = clean_name(request.applicant_name)
    if not name:
        raise InvalidInput("โปรดระบุชื่อผู้ยื่นคำขอ", "Please enter the applicant's name.")
    if request.contents is not None:
        files = request.contents
    else:
        files = tuple(_read(Path(p), limits) for p in request.files)
    email = request.email.strip().lower()
    arrival = Arrival(
        channel="counter",
        source_key=f"counter:{uuid.uuid4()}",
        received_at=context.clock.now(),
        subject=clean_subject(request.subject) or "คำขอที่เคาน์เตอร์ / counter request",
        body_text=request.note,
        sender_name=name,
        sender_address=email,
        reply_to=email,
        attachments=files,
        service_code=request.service_code or None,
        applicant=NewApplicant(
            kind=request.applicant_kind,
            name_th=name,
            national_id=request.national_id.strip() or None,
            email=email,
            phone=request.phone.strip(),
        ),
        consent=request.personal_data_consent,
        # Kept in the form data, where the issue dialog looks first (services.issuing.premises).
        premises_address=" ".join(request.premises_address.split()),
    )
    if request.contents is not None and request.inspected is not None:
        # Judged already by read_counter_files: only the recording is left.
        with context.unit_of_work(actor) as uow:
            outcome = record_arrival(uow, context, arrival, list(request.inspected))
    else:
        outcome = ingest(context, arrival, limits=limits, actor=actor, pdf_probe=pdf_probe)
    if outcome.tracking_number is None:  # each counter arrival has a key of its own
        raise AnuyatError(
            "บันทึกคำขอที่เคาน์เตอร์ไม่สำเร็จ ให้ลองบันทึกใหม่อีกครั้ง",
            "The counter request was not registered. Try registering it again.",
            detail=f"intake outcome {outcome.kind} without a tracking number",
            code="counter_not_registered",
        )
    return outcome.tracking_number
