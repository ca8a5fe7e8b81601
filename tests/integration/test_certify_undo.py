"""Certify with a look first, undo a copy made by mistake: the preview and the withdrawal.

Real store, real blob store, real officers (tests/conftest.py); the copy is made by the real
stamping code.
"""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from models import Application, Document, Event
from services.cases.applications import create_application
from services.cases.documents import attach_document
from services.kernel.errors import InvalidInput, PermissionDenied
from services.produce.certify import (
    certify_copy_as_actor,
    preview_certification,
    withdraw_certified_copy,
)
from services.review.checks import document_of
from services.review.history import history
from tests.data import viewer_pdfs


@pytest.fixture
def original_id(context, actors) -> str:
    with context.unit_of_work(actors["intake"]) as uow:
        application = create_application(
            uow,
            context.calendar,
            agency_code=context.agency_code,
            station_code=context.station_code,
            channel="email",
            received_at=context.clock.now(),
            subject="ขอใบอนุญาตจำหน่ายอาหาร",
            service_code="FOOD-SHOP",
        )
        document = attach_document(
            uow,
            context.store.blobs,
            application.id,
            filename="ทะเบียนบ้าน.pdf",
            content_type="application/pdf",
            data=viewer_pdfs.ordinary(pages=3),
            origin="email",
        )
        return document.id


def _copy(context, actors, original_id: str) -> str:
    with context.unit_of_work(actors["reviewer"]) as uow:
        return certify_copy_as_actor(uow, context.store.blobs, original_id).id


def test_the_preview_names_the_document_its_pages_and_the_stamps_words(
    context, actors, original_id
) -> None:
    with context.read() as session:
        before = session.scalar(select(Event.seq).order_by(Event.seq.desc()).limit(1))
    with context.unit_of_work(actors["reviewer"]) as uow:
        preview = preview_certification(uow, original_id)
    with context.read() as session:
        # Nothing was made: no new document, no event.
        made = session.scalars(select(Document).where(Document.derived_from.is_not(None)))
        assert made.all() == []
        assert session.scalar(select(Event.seq).order_by(Event.seq.desc()).limit(1)) == before
    assert (preview.filename, preview.pages) == ("ทะเบียนบ้าน.pdf", 3)
    lines = preview.stamp_lines
    assert lines[0] == "สำเนาถูกต้อง"
    assert "นายตรวจ ละเอียด" in lines  # tests/conftest.py STAFF["reviewer"]
    assert "เทศบาลตำบลทดสอบ" in lines
    assert "วันที่ 25 พฤศจิกายน 2569" in lines
    assert "Certified true copy — 25 November 2026" in lines
    # The words previewed are the words stamped.
    copy_id = _copy(context, actors, original_id)
    with context.read() as session:
        copy = session.get(Document, copy_id)
        assert copy is not None
        text = PdfReader(io.BytesIO(context.store.blobs.get(copy.blob_sha256))).pages[2]
        stamped = text.extract_text()
    for line in lines:
        assert line in stamped, line
    with pytest.raises(PermissionDenied), context.unit_of_work(actors["finance"]) as uow:
        preview_certification(uow, original_id)


def test_a_copy_made_by_mistake_is_withdrawn_kept_and_recorded(
    context, actors, original_id
) -> None:
    copy_id = _copy(context, actors, original_id)
    with context.unit_of_work(actors["reviewer"]) as uow:
        withdrawn = withdraw_certified_copy(uow, copy_id, "  ทำสำเนาผิดฉบับ  ")
        assert withdrawn.withdrawn_at == uow.now
    with context.read() as session:
        copy = session.get(Document, copy_id)
        assert copy is not None  # kept: row and bytes
        assert context.store.blobs.get(copy.blob_sha256)[:5] == b"%PDF-"
        assert (copy.withdrawn_by, copy.withdrawn_reason) == ("reviewer", "ทำสำเนาผิดฉบับ")
        event = session.scalars(
            select(Event).where(Event.type == "document.certified_copy_withdrawn")
        ).one()
        assert json.loads(event.payload) == {
            "copy": copy_id,
            "original": original_id,
            "filename": copy.filename,
            "reason": "ทำสำเนาผิดฉบับ",
        }
        application = session.get(Application, copy.application_id)
        assert application is not None
        told = [e.summary_en for e in history(session, application)]
        assert any(t.startswith("Certified copy withdrawn") and "ทำสำเนาผิดฉบับ" in t for t in told)
        # No longer offered as the certified copy: a check cannot cite it.
        with pytest.raises(InvalidInput) as cited:
            document_of(session, application, copy_id, None)
        assert cited.value.code == "copy_withdrawn"
    # The original can be certified again.
    assert _copy(context, actors, original_id) != copy_id


def test_a_withdrawal_needs_a_reason_a_copy_and_happens_once(context, actors, original_id) -> None:
    copy_id = _copy(context, actors, original_id)
    for document_id, reason, code in (
        (copy_id, "   ", "reason_missing"),
        (original_id, "ผิดฉบับ", "not_a_certified_copy"),
    ):
        with (
            pytest.raises(InvalidInput) as refused,
            context.unit_of_work(actors["reviewer"]) as uow,
        ):
            withdraw_certified_copy(uow, document_id, reason)
        assert refused.value.code == code
    with pytest.raises(PermissionDenied), context.unit_of_work(actors["finance"]) as uow:
        withdraw_certified_copy(uow, copy_id, "ผิดฉบับ")
    with context.unit_of_work(actors["intake"]) as uow:
        withdraw_certified_copy(uow, copy_id, "ผิดฉบับ")
    with pytest.raises(InvalidInput) as again, context.unit_of_work(actors["reviewer"]) as uow:
        withdraw_certified_copy(uow, copy_id, "อีกครั้ง")
    assert again.value.code == "already_withdrawn"
    with context.read() as session:
        copy = session.get(Document, copy_id)
        assert copy is not None and copy.withdrawn_by == "intake"
