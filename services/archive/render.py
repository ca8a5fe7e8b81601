"""A gathered request drawn as one PDF: a cover with the facts and the list of files, the
letters, the history, then every file's pages as pictures at 150 dpi or more.

Files are *redrawn*, not merged: an applicant's PDF may carry fonts that are not embedded,
JavaScript or transparency that PDF/A forbids, and a scan is only a picture anyway. Each
PDF page is rendered with PDFium at the resolution that gives at least
:data:`MIN_DPI` where it lands on the page; an image keeps its own pixels (reduced only
above :data:`MAX_DPI`). The originals travel inside the PDF/A-3 as associated files
(``Source``), byte for byte, so a signed licence's signature can still be checked.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Final

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader

from services.archive.gather import CaseFile, FileEntry
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.produce.pdf.flow import Flow

__all__ = ["MAX_DPI", "MIN_DPI", "render_case"]

log = logging.getLogger(__name__)

MIN_DPI: Final = 150
MAX_DPI: Final = 300
_MARGIN: Final = 36.0
_BAND: Final = 28.0  # the caption above each page's picture
_BOX: Final = (A4[0] - 2 * _MARGIN, A4[1] - 2 * _MARGIN - _BAND)
_CHANNELS: Final = {"email": "อีเมล / e-mail", "drive": "ไดรฟ์กลาง / shared drive"}


def _when(moment: object) -> str:
    if moment is None:
        return "-"
    return (
        f"{format_thai_date(moment, with_time=True)} / "  # type: ignore[arg-type]
        f"{format_english_date(moment, with_time=True, short=True)}"  # type: ignore[arg-type]
    )


def _cover(flow: Flow, case: CaseFile) -> None:
    flow.text(case.agency_th, size=12, centred=True)
    flow.text(case.agency_en, size=10, centred=True, grey=True)
    flow.gap(6)
    flow.heading(f"แฟ้มคำขอเลขที่ {case.tracking_number}", size=16)
    flow.text(f"Request file {case.tracking_number}", size=12, grey=True)
    flow.rule()
    flow.pair("บริการ / Service", f"{case.service_th} / {case.service_en}")
    flow.pair("ผู้ยื่นคำขอ / Applicant", case.applicant or "-")
    if case.applicant_id:
        flow.pair("เลขประจำตัว / ID", case.applicant_id)
    flow.pair("ช่องทาง / Channel", _CHANNELS.get(case.channel, "เคาน์เตอร์ / counter"))
    flow.pair("สถานะ / Status", f"{case.status_th} / {case.status_en}")
    flow.pair("รับเรื่อง / Received", _when(case.received_at))
    flow.pair("ปิดเรื่อง / Closed", _when(case.closed_at))
    if case.subject:
        flow.pair("เรื่อง / Subject", case.subject)
    flow.heading("รายการไฟล์ / Files")
    for number, entry in enumerate(case.files, start=1):
        note = f" — {entry.note_th} / {entry.note_en}" if entry.note_th else ""
        flow.text(f"{number}. {entry.name} ({_when(entry.received_at)}){note}", indent=12)
    flow.gap(6)
    flow.text(
        "ต้นฉบับทุกไฟล์และบันทึกเหตุการณ์ (events.csv) แนบอยู่ในไฟล์ PDF นี้ "
        "Every original file and the audit events (events.csv) are attached to this PDF.",
        size=9,
        grey=True,
    )


def _letters(flow: Flow, case: CaseFile) -> None:
    if not case.letters:
        return
    flow.new_page()
    flow.heading("หนังสือที่ส่งถึงผู้ยื่น / Letters to the applicant", size=14)
    for letter in case.letters:
        flow.rule()
        flow.pair("วันที่ / Date", _when(letter.created_at))
        flow.pair("ถึง / To", letter.to)
        flow.pair("เรื่อง / Subject", letter.subject)
        flow.pair("ส่ง / Sent", _when(letter.sent_at) if letter.sent_at else letter.status)
        flow.gap(4)
        flow.text(letter.body, size=10)


def _history(flow: Flow, case: CaseFile) -> None:
    flow.new_page()
    flow.heading("ประวัติการดำเนินการ / History", size=14)
    for entry in case.history:
        flow.text(f"{_when(entry.at)} — {entry.actor}", size=9, grey=True)
        flow.text(f"{entry.summary_th} / {entry.summary_en}", size=10, indent=12)
    flow.gap(6)
    flow.text(f"บันทึกเหตุการณ์ {case.event_count} รายการ / {case.event_count} audit events")


def _caption(flow: Flow, text: str) -> None:
    face = flow.faces.regular
    canvas = flow.canvas
    canvas.setFont(face.name, 9)
    canvas.setFillColorRGB(0.35, 0.35, 0.35)
    canvas.drawString(_MARGIN, A4[1] - _MARGIN - 4, face.glyphs(text))
    canvas.setFillColorRGB(0, 0, 0)


def _fit(size: tuple[float, float]) -> float:
    """The scale that fits ``size`` (points) in the box under the caption, never enlarged."""
    return float(min(_BOX[0] / size[0], _BOX[1] / size[1], 1.0))


def _draw_page(flow: Flow, picture: Image.Image, placed: tuple[float, float], caption: str) -> None:
    """``picture`` drawn ``placed`` points large, centred in the box under its caption."""
    w, h = placed
    flow.new_page()
    _caption(flow, caption)
    encoded = io.BytesIO()
    picture.save(encoded, "JPEG", quality=85)
    x, y = (A4[0] - w) / 2, _MARGIN + (_BOX[1] - h) / 2
    flow.canvas.drawImage(ImageReader(io.BytesIO(encoded.getvalue())), x, y, w, h)
    # A hairline frame: a white page of a scan still shows where it ends.
    flow.canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
    flow.canvas.setLineWidth(0.5)
    flow.canvas.rect(x, y, w, h)


def _pdf_pages(data: bytes) -> Iterator[tuple[Image.Image, tuple[float, float]]]:
    import pypdfium2 as pdfium  # here, as in _open_pages: only an export draws pages

    document = pdfium.PdfDocument(data)
    try:
        for index in range(len(document)):
            page = document[index]
            size = page.get_size()
            fit = _fit(size)
            # Rendered so that, drawn at ``fit`` of its size, it has MIN_DPI: 150 dpi or more.
            bitmap = page.render(scale=MIN_DPI / 72 * fit)
            yield bitmap.to_pil().convert("RGB"), (size[0] * fit, size[1] * fit)
            page.close()
    finally:
        document.close()


def _image_pages(data: bytes) -> Iterator[tuple[Image.Image, tuple[float, float]]]:
    with Image.open(io.BytesIO(data)) as image:
        frames = ImageSequence.Iterator(image) if image.format == "TIFF" else [image]
        for frame in frames:
            upright = ImageOps.exif_transpose(frame)
            picture = upright.convert("L" if upright.mode in ("1", "L", "LA") else "RGB")
            dpi = float(frame.info.get("dpi", (MIN_DPI, MIN_DPI))[0] or MIN_DPI)
            dpi = max(min(dpi, 1200.0), 72.0)
            size = (picture.width * 72 / dpi, picture.height * 72 / dpi)
            fit = _fit(size)
            placed = (size[0] * fit, size[1] * fit)
            if picture.width / (placed[0] / 72) > MAX_DPI:
                target = max(1, round(placed[0] / 72 * MAX_DPI))
                picture = picture.resize(
                    (target, max(1, round(picture.height * target / picture.width))),
                    Image.Resampling.LANCZOS,
                )
            yield picture, placed


def _open_pages(entry: FileEntry) -> tuple[int, Iterator[tuple[Image.Image, tuple[float, float]]]]:
    """How many pages ``entry`` has, and its pages one at a time (a long scan is never all
    in memory at once)."""
    assert entry.data is not None
    if entry.content_type == "application/pdf":
        import pypdfium2 as pdfium  # loaded by the first export, not by opening the profile

        document = pdfium.PdfDocument(entry.data)
        total = len(document)
        document.close()
        return total, _pdf_pages(entry.data)
    if entry.content_type.startswith("image/"):
        with Image.open(io.BytesIO(entry.data)) as image:
            total = int(getattr(image, "n_frames", 1)) if image.format == "TIFF" else 1
        return total, _image_pages(entry.data)
    return 0, iter(())


def _cannot_show(flow: Flow, head: str, entry: FileEntry, drawn: int) -> None:
    flow.new_page()
    flow.heading(head)
    if drawn:
        flow.text(
            f"หน้าที่ {drawn + 1} เป็นต้นไปแสดงเป็นภาพไม่ได้ ต้นฉบับแนบอยู่ในไฟล์ PDF นี้ / "
            f"Pages from {drawn + 1} on cannot be drawn; the original is attached."
        )
        return
    flow.text(
        f"ไฟล์ประเภท {entry.content_type} แสดงเป็นภาพไม่ได้ ต้นฉบับแนบอยู่ในไฟล์ PDF นี้ / "
        f"A {entry.content_type} file cannot be shown as pages; the original is attached."
    )


def _file_pages(flow: Flow, number: int, entry: FileEntry) -> None:
    head = f"{number}. {entry.name}"
    if entry.data is None:
        flow.new_page()
        flow.heading(head)
        flow.text(f"ไม่มีเนื้อไฟล์: {entry.note_th} / No content: {entry.note_en}")
        return
    import pypdfium2 as pdfium

    note = f" ({entry.note_th} / {entry.note_en})" if entry.note_th else ""
    drawn = 0
    try:
        total, pages = _open_pages(entry)
        for index, (picture, size) in enumerate(pages, start=1):
            _draw_page(flow, picture, size, f"{head}{note} — หน้า {index}/{total}")
            drawn = index
    except (pdfium.PdfiumError, UnidentifiedImageError, OSError, ValueError) as exc:
        log.info("archive: file %s not drawn from page %d: %r", entry.sha256, drawn + 1, exc)
        _cannot_show(flow, head, entry, drawn)
        return
    if drawn == 0:
        _cannot_show(flow, head, entry, 0)


def render_case(case: CaseFile) -> bytes:
    """The drawn file (not yet PDF/A: :func:`services.archive.export.export_case` makes it)."""
    flow = Flow(f"แฟ้มคำขอ {case.tracking_number}")
    _cover(flow, case)
    _letters(flow, case)
    _history(flow, case)
    for number, entry in enumerate(case.files, start=1):
        _file_pages(flow, number, entry)
    return flow.finish()
