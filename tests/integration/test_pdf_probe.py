"""PDFs are judged by the engine that shows them: QtPdf in a worker process, beside pypdf.

Real crafted PDFs (tests/data/viewer_pdfs.py), the real worker (``ui.viewer.open_check`` in a
subprocess), the real pipeline and store. Without the probe, each of these PDFs is judged
the other way round (the first tests show it), which is what an officer met: PDFs accepted
that the viewer could not open, and PDFs held as damaged that it showed fine.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import open_runtime
from app.pdf_probe import QtPdfProbe
from app.settings import load_settings
from models import Document
from services.api.ports import build_ports
from services.intake.counter import read_counter_files, register_counter_request
from services.intake.inspect import inspect_attachments
from services.intake.inspect.pdf_probe import CachedPdfProbe, PdfOpens
from services.intake.mail.parse import parse_mail
from services.intake.pipeline import arrival_from_mail, ingest
from services.intake.quarantine import list_quarantine
from services.intake.types import InspectedFile, Limits, ParsedAttachment
from services.intake.views import CounterRequest
from tests.conftest import STAFF_PASSWORD
from tests.data import mail_corpus as corpus
from tests.data import viewer_pdfs


@pytest.fixture(scope="module")
def engine() -> Iterator[QtPdfProbe]:
    # A short limit: the looping PDF never finishes, so any limit catches it.
    probe = QtPdfProbe(time_limit=3.0)
    yield probe
    probe.close()


def _judge(name: str, data: bytes, probe: object | None) -> InspectedFile:
    attachment = ParsedAttachment(name, "application/pdf", data)
    (result,) = inspect_attachments([attachment], pdf_probe=probe)  # type: ignore[arg-type]
    return result


def test_pypdf_alone_gets_each_crafted_case_wrong() -> None:
    # What intake did before: the viewer-refused file is accepted, the repairable one held.
    assert _judge("a.pdf", viewer_pdfs.trailer_without_root(), None).verdict == "accepted"
    assert _judge("b.pdf", viewer_pdfs.cut_before_xref(), None).reason_code == "pdf_corrupt"


def test_the_engine_answers_each_case(engine: QtPdfProbe) -> None:
    assert engine.probe(viewer_pdfs.ordinary()).outcome is PdfOpens.OPENS
    assert engine.probe(viewer_pdfs.ordinary()).pages == 2
    repaired = engine.probe(viewer_pdfs.cut_before_xref())
    assert (repaired.outcome, repaired.pages) == (PdfOpens.OPENS, 2)
    assert engine.probe(viewer_pdfs.trailer_without_root()).outcome is PdfOpens.REFUSED
    assert engine.probe(b"%PDF-1.4\n%broken on the way\n1 0 obj <<").outcome is PdfOpens.REFUSED


def test_a_pdf_the_viewer_cannot_open_is_held_with_both_audiences_told(
    engine: QtPdfProbe,
) -> None:
    result = _judge("แบบคำขอ.pdf", viewer_pdfs.trailer_without_root(), engine)
    assert (result.verdict, result.reason_code) == ("rejected", "pdf_viewer_cannot_open")
    assert "viewer cannot open" in result.reason_en and "ส่งไฟล์ใหม่" in result.reason_th
    # The applicant hears what to do, in her own terms, with no officer wording.
    assert "please send it again" in result.applicant_en
    assert "โปรดส่งไฟล์ใหม่" in result.applicant_th
    assert "viewer" not in result.applicant_en and "applicant" not in result.applicant_en


def test_a_pdf_pypdf_gives_up_on_but_the_viewer_opens_is_accepted_with_a_note(
    engine: QtPdfProbe,
) -> None:
    result = _judge("สำเนาบัตร.pdf", viewer_pdfs.cut_before_xref(), engine)
    assert result.verdict == "accepted" and result.pages == 2
    assert result.reason_code == "pdf_repaired" and "pdf_repaired" in result.flags
    assert "check that every page shows" in result.reason_en and "2 pages" in result.reason_en


def test_a_pdf_that_hangs_the_engine_is_held_as_too_slow_and_the_next_is_judged(
    engine: QtPdfProbe,
) -> None:
    started = engine.started
    result = _judge("loop.pdf", viewer_pdfs.page_tree_loop(), engine)
    assert (result.verdict, result.reason_code) == ("rejected", "pdf_too_slow")
    assert "3 seconds" in result.reason_en and "3 วินาที" in result.reason_th
    assert "simpler copy" in result.applicant_en
    # The hung worker was stopped; a fresh one judges the next PDF.
    assert _judge("next.pdf", viewer_pdfs.ordinary(), engine).verdict == "accepted"
    assert engine.started == started + 1


def test_a_page_larger_than_a_pdf_may_be_is_refused_before_it_is_drawn(
    engine: QtPdfProbe,
) -> None:
    # The judge draws page 1 small (open_check.JUDGE_DPI), so the page's size is checked first.
    verdict = engine.probe(viewer_pdfs.oversized_page())
    assert verdict.outcome is PdfOpens.REFUSED and verdict.pages == 1
    assert "larger than a PDF page may be" in verdict.detail
    poster = engine.probe(viewer_pdfs.ordinary(pages=1, size=(2384.0, 3370.0)))  # A0
    assert (poster.outcome, poster.pages) == (PdfOpens.OPENS, 1)


def test_each_content_is_asked_once(engine: QtPdfProbe) -> None:
    cached = CachedPdfProbe(engine)
    data = viewer_pdfs.ordinary(pages=3, text="asked once")
    files = [ParsedAttachment(f"copy-{n}.pdf", "application/pdf", data) for n in range(3)]
    results = inspect_attachments(files, pdf_probe=cached)
    assert [r.verdict for r in results] == ["accepted"] * 3
    assert cached.asked == 1
    assert cached.probe(data).pages == 3 and cached.asked == 1


def test_the_pipeline_keeps_and_holds_by_the_viewers_verdict(context, engine) -> None:
    raw = corpus.mail_with_files(
        [
            ("repaired.pdf", viewer_pdfs.cut_before_xref()),
            ("no-root.pdf", viewer_pdfs.trailer_without_root()),
            ("fine.pdf", viewer_pdfs.ordinary()),
        ]
    )
    arrival = arrival_from_mail(parse_mail(raw), context.clock.now(), raw)
    outcome = ingest(context, arrival, pdf_probe=CachedPdfProbe(engine))
    assert (outcome.documents, outcome.quarantined) == (2, 1)
    with context.read() as session:
        names = set(session.scalars(select(Document.filename)))
        held = list_quarantine(session)
    assert names == {"repaired.pdf", "fine.pdf"}
    assert [(h.filename, h.reason_code) for h in held] == [
        ("no-root.pdf", "pdf_viewer_cannot_open")
    ]


def test_counter_scans_are_judged_by_the_engine_before_the_database_worker_records_them(
    context, actors, engine, tmp_path: Path
) -> None:
    # Reading the scans (the UI's I/O pool) asks the viewer's engine; registering (the one
    # database worker) is given no probe, and only records what was judged.
    scans = {
        "no-root.pdf": viewer_pdfs.trailer_without_root(),  # pypdf alone would accept it
        "repaired.pdf": viewer_pdfs.cut_before_xref(),  # pypdf alone would hold it
    }
    for name, data in scans.items():
        (tmp_path / name).write_bytes(data)
    request = CounterRequest(
        applicant_kind="person",
        applicant_name="นางสาวสมหญิง ใจดี",
        national_id="",
        email="",
        phone="",
        service_code="FOOD-SHOP",
        subject="ยื่นคำขอที่เคาน์เตอร์",
        note="",
        files=tuple(str(tmp_path / name) for name in scans),
    )
    loaded = read_counter_files(actors["intake"], request, Limits(), CachedPdfProbe(engine))
    assert loaded.inspected is not None
    assert [(f.filename, f.verdict, f.reason_code) for f in loaded.inspected] == [
        ("no-root.pdf", "rejected", "pdf_viewer_cannot_open"),
        ("repaired.pdf", "accepted", "pdf_repaired"),
    ]
    register_counter_request(context, actors["intake"], loaded, Limits(), pdf_probe=None)
    with context.read() as session:
        names = set(session.scalars(select(Document.filename)))
        held = list_quarantine(session)
    assert names == {"repaired.pdf"}
    assert [(h.filename, h.reason_code) for h in held] == [
        ("no-root.pdf", "pdf_viewer_cannot_open")
    ]


def test_a_set_aside_mail_taken_as_a_request_has_its_pdfs_judged_by_the_engine_first(
    context, engine
) -> None:
    # A citizen's request titled like an auto-reply, with two PDFs pypdf alone misjudges.
    raw = corpus.mail_with_files(
        [("no-root.pdf", viewer_pdfs.trailer_without_root()),
         ("repaired.pdf", viewer_pdfs.cut_before_xref())],
        subject="Out of Office: Re: permit",
    )  # fmt: skip
    arrival = arrival_from_mail(parse_mail(raw), context.clock.now(), raw)
    assert ingest(context, arrival).kind == "not_request"
    ports = build_ports(context, pdf_probe=CachedPdfProbe(engine))
    intake = ports.shell.sign_in("intake", STAFF_PASSWORD)
    (row,) = ports.intake.not_requests(intake)
    # Judged outside any transaction (the UI's I/O pool); nothing is decided by that.
    judged = ports.intake.judge_mail_to_take(intake, row.id)
    assert [(f.filename, f.verdict, f.reason_code) for f in judged.inspected] == [
        ("no-root.pdf", "rejected", "pdf_viewer_cannot_open"),
        ("repaired.pdf", "accepted", "pdf_repaired"),
    ]
    assert [r.id for r in ports.intake.not_requests(intake)] == [row.id]
    assert ports.intake.take_as_request(intake, row.id, judged) is not None
    with context.read() as session:
        names = set(session.scalars(select(Document.filename)))
        held = list_quarantine(session)
    assert names == {"repaired.pdf"}
    assert [(h.filename, h.reason_code) for h in held] == [
        ("no-root.pdf", "pdf_viewer_cannot_open")
    ]


def test_the_runtime_gives_sync_and_counter_one_probe(data_dir: Path, context) -> None:
    context.store.close()
    root = logging.getLogger()
    handlers = list(root.handlers)
    runtime = open_runtime(data_dir, load_settings(data_dir / "no-user-settings.toml"))
    try:
        probe = runtime.plan.pdf_probe
        assert isinstance(probe, CachedPdfProbe)
        assert runtime.ports.intake.pdf_probe is probe  # type: ignore[attr-defined]
        assert probe.probe(viewer_pdfs.trailer_without_root()).outcome is PdfOpens.REFUSED
    finally:
        runtime.close()
        # The runtime logs to its profile; later tests must not write into this one's log.
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
            handler.close()
        for handler in handlers:
            if handler not in root.handlers:
                root.addHandler(handler)


def test_pdfs_announced_ahead_get_the_engines_own_verdicts(engine: QtPdfProbe) -> None:
    from services.intake.inspect.probe_ahead import ProbeAhead, looks_like_pdf

    cached = CachedPdfProbe(engine)
    refused, repaired = viewer_pdfs.trailer_without_root(), viewer_pdfs.cut_before_xref()
    unannounced = viewer_pdfs.ordinary(pages=4, text="not announced")
    assert looks_like_pdf(refused) and not looks_like_pdf(b"PK\x03\x04 a zip")
    with ProbeAhead(cached) as ahead:
        for data in (refused, repaired):
            ahead.expect(data)  # the engine starts on them now, in order
        held = _judge("แบบคำขอ.pdf", refused, ahead)
        kept = _judge("สำเนาบัตร.pdf", repaired, ahead)
        other = _judge("อื่น.pdf", unannounced, ahead)  # asked directly, same answer
    assert (held.verdict, held.reason_code) == ("rejected", "pdf_viewer_cannot_open")
    assert (kept.verdict, kept.reason_code, kept.pages) == ("accepted", "pdf_repaired", 2)
    assert (other.verdict, other.pages) == ("accepted", 4)
    assert cached.asked == 3  # each asked once, announced or not
