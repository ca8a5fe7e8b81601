"""What judging PDFs with the viewer's engine adds to intake, per PDF.

Fifty distinct PDFs (text pages, 1 to 10 of them, and one-page JPEG scans) are inspected with
pypdf alone (the baseline), then with the QtPdf worker the workstation runs (each content once,
so none is cached), then again (all cached). The worker's start, once per runtime, is apart.
"""

from __future__ import annotations

import io
import statistics
import time

from tests.bench.table import Figure

_TEXT_PDFS = 30
_SCAN_PDFS = 20


def _text_pdf(pages: int, seed: int) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, invariant=True)
    for page in range(pages):
        for line in range(40):
            pdf.drawString(60, 780 - line * 18, f"bench {seed}: line {line} of page {page + 1}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _scan_pdf(seed: int) -> bytes:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.effect_noise((1240, 1754), 40 + seed).convert("RGB")
    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG", quality=70)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, invariant=True)
    pdf.drawImage(ImageReader(io.BytesIO(jpeg.getvalue())), 0, 0, 595, 842)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def bench_pdf_probe() -> list[Figure]:
    from app.pdf_probe import QtPdfProbe
    from services.intake.inspect import inspect_attachments
    from services.intake.inspect.pdf_probe import CachedPdfProbe
    from services.intake.types import ParsedAttachment

    pdfs = [_text_pdf(1 + n % 10, n) for n in range(_TEXT_PDFS)]
    pdfs += [_scan_pdf(n) for n in range(_SCAN_PDFS)]
    files = [[ParsedAttachment(f"f{n}.pdf", "application/pdf", d)] for n, d in enumerate(pdfs)]

    def timings(probe: CachedPdfProbe | None) -> list[float]:
        out = []
        for attachments in files:
            began = time.perf_counter()
            inspect_attachments(attachments, pdf_probe=probe)
            out.append(time.perf_counter() - began)
        return out

    alone = timings(None)
    engine = QtPdfProbe()
    began = time.perf_counter()
    engine.probe(_text_pdf(1, -1))  # starts the worker
    start = time.perf_counter() - began
    cached = CachedPdfProbe(engine)
    first = timings(cached)
    again = timings(cached)
    engine.close()
    ms = 1000.0
    added = [f - a for f, a in zip(first, alone, strict=True)]
    note = f"{len(pdfs)} distinct PDFs, {min(map(len, pdfs)):,}-{max(map(len, pdfs)):,} bytes"
    return [
        Figure("pdf: inspect with QtPdf, first time (mean)", statistics.mean(first) * ms, "ms",
               "pypdf alone", statistics.mean(alone) * ms, note),
        Figure("pdf: added by QtPdf per PDF (median)", statistics.median(added) * ms, "ms",
               note=f"max {max(added) * ms:.0f} ms"),
        Figure("pdf: inspect, content seen before (mean)", statistics.mean(again) * ms, "ms",
               "pypdf alone", statistics.mean(alone) * ms, "verdict cached by SHA-256"),
        Figure("pdf: QtPdf worker start (once)", start * ms, "ms"),
    ]  # fmt: skip
