"""Review-screen figures: open an application with a 20-page scanned PDF, flip pages.

Each is timed from the officer's action to the next paint of the PDF view's
viewport, against a bare QPdfView showing the same bytes (the floor: QtPdf's own
parsing and rendering).
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QSettings
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication

from services.access import auth
from services.api import ApplicationRow
from services.api.ports import build_ports
from services.intake.pipeline import Arrival, ingest
from services.intake.types import Limits, ParsedAttachment
from services.kernel.actors import SYSTEM, Actor
from services.store.context import AppContext
from tests.bench.table import Figure

PAGES = 20
# Destroying QtPdf objects mid-run from Python crashed PySide 6.11 here; the bench
# process is short-lived, so its Qt objects simply live until it exits.
_KEEP: list[object] = []


def scanned_pdf(pages: int = PAGES) -> bytes:
    """A scan-like PDF: one 150-dpi A4 greyscale JPEG per page, no text layer."""
    images = []
    for n in range(pages):
        image = Image.new("L", (1240, 1754), 245)
        draw = ImageDraw.Draw(image)
        for line in range(60):
            y = 120 + line * 26
            draw.line((100, y, 1140 - (line * 37 + n * 11) % 400, y), fill=40, width=3)
        draw.rectangle((900, 1500, 1150, 1650), outline=20, width=4)
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=150, save_all=True, append_images=images[1:])
    return out.getvalue()


class _PaintWatch(QObject):
    """Notes each paint; ``stamp`` (optional) says what was on screen when it painted."""

    def __init__(self, stamp: Callable[[], object] | None = None) -> None:
        super().__init__()
        self.painted = False
        self.painted_with: object = None
        self._stamp = stamp

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.painted = True
            if self._stamp is not None:
                self.painted_with = self._stamp()
        return False


def _until(condition: Callable[[], bool], timeout_s: float = 30.0) -> None:
    app = QApplication.instance()
    assert app is not None
    deadline = time.perf_counter() + timeout_s
    while not condition():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("benchmark step did not finish")


def _timed_paint(watch: _PaintWatch, action: Callable[[], None]) -> float:
    watch.painted = False
    began = time.perf_counter()
    action()
    _until(lambda: watch.painted)
    return time.perf_counter() - began


def _bare_view(data: bytes) -> tuple[float, float, float]:
    """The floor: QPdfDocument + QPdfView alone, same bytes, same size."""
    view = QPdfView()
    view.resize(760, 640)
    view.setPageMode(QPdfView.PageMode.MultiPage)
    view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
    view.show()
    watch = _PaintWatch()
    view.viewport().installEventFilter(watch)
    document = QPdfDocument(view)
    buffer = QBuffer(view)

    def load() -> None:
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        view.setDocument(document)

    cpu = time.process_time()
    opened = _timed_paint(watch, load)
    opened_cpu = time.process_time() - cpu
    flips = []
    for page in range(1, 6):
        flips.append(
            _timed_paint(
                watch,
                lambda p=page: view.pageNavigator().jump(p, view.pageNavigator().currentLocation()),
            )
        )
    view.hide()
    _KEEP.append((view, document, buffer, watch))  # Qt objects live until the process ends
    return opened, min(flips), opened_cpu


def _ingest_scan(context: AppContext, data: bytes, number: int) -> None:
    ingest(
        context,
        Arrival(
            channel="counter", source_key=f"bench:scan:{number}", received_at=context.clock.now(),
            subject=f"คำขอพร้อมเอกสารสแกน 20 หน้า ({number})", body_text="",
            sender_name="ผู้ยื่น ทดสอบ", sender_address="", reply_to="", service_code="FOOD-SHOP",
            attachments=(ParsedAttachment("scan-20-pages.pdf", "application/pdf", data),),
        ),
        actor=Actor(username="bench", roles=frozenset({"intake"})),
        limits=Limits(),
    )  # fmt: skip


def bench_review_screen(context: AppContext) -> list[Figure]:
    from ui.common.tasks import TaskRunner
    from ui.shell.start import build_main_window_for, prepare_application

    app = prepare_application("th")  # keep a reference: the QApplication must outlive the bench
    with context.unit_of_work(SYSTEM) as uow:
        auth.create_user(
            uow, username="bench-reviewer", display_name="ผู้ตรวจ ทดสอบ",
            password="bench-password", roles=["reviewer"],
        )  # fmt: skip
    data = scanned_pdf()
    bare_open, bare_flip, bare_cpu = _bare_view(data)  # the floor first, on a quiet event loop
    for number in (1, 2):  # the second is what "Next" opens, read ahead meanwhile
        _ingest_scan(context, data, number)
    workstation = build_ports(context)
    user = workstation.shell.sign_in("bench-reviewer", "bench-password")
    runner = TaskRunner()
    settings = QSettings(
        str(Path(context.store.data_dir) / "bench-ui.ini"), QSettings.Format.IniFormat
    )
    window = build_main_window_for(workstation, user, runner, settings)
    window.resize(1366, 768)
    window.show()
    _until(lambda: window.model.total is not None and not window.model.is_loading)
    row = window.model.row_at(0) if hasattr(window.model, "row_at") else None
    rows = workstation.shell.list_applications(user, None, 0, 2)
    review = window.review
    viewer = review.viewer
    # What the PDF view showed when it painted: the request and the QPdfDocument.
    watch = _PaintWatch(lambda: (viewer.application_id, viewer.pdf_document))
    viewer.pdf_view.viewport().installEventFilter(watch)

    def page_one_of(application_id: str) -> Callable[[], bool]:
        return lambda: (
            viewer.application_id == application_id
            and viewer.current_kind() == "pdf"
            and viewer.pdf_document.status() == QPdfDocument.Status.Ready
            and watch.painted_with == (application_id, viewer.pdf_document)
        )

    def timed_open(target: ApplicationRow) -> tuple[float, float, float]:
        """From the officer's open to page 1 painted, and to the tabs filled (claimed); and
        the CPU time of every thread to page 1 (a figure the machine's load moves less)."""
        began, cpu = time.perf_counter(), time.process_time()
        window.open_review(target)
        _until(page_one_of(target.id))
        to_page, to_page_cpu = time.perf_counter() - began, time.process_time() - cpu
        _until(lambda: review.application_id == target.id and review.is_settled())
        return to_page, time.perf_counter() - began, to_page_cpu

    # The officer looks at the list first, and works on a request before "Next": what the
    # screens started meanwhile (list counts, page strips, reading ahead) has finished.
    _until(lambda: not runner.is_busy())
    t_open, t_open_tabs, cpu_open = timed_open(row or rows[0])
    flips = []
    for _ in range(5):
        flips.append(_timed_paint(watch, lambda: viewer.next_page()))
    t_flip = min(flips)
    # The same, once the page strip and the next request's read-ahead have finished (the
    # officer reads a page before turning it): PDFium and the interpreter are free.
    _until(lambda: not runner.is_busy())
    viewer.go_to_page(1)
    _until(lambda: not runner.is_busy())
    t_flip_idle = min(_timed_paint(watch, lambda: viewer.next_page()) for _ in range(5))
    # "Next": the second request, its files read ahead while the officer was on the first.
    _until(lambda: review.read_ahead.application_id == rows[1].id)
    _until(lambda: review.read_ahead.parsed_count() > 0)  # its first PDF parsed ahead too
    _until(lambda: not runner.is_busy())
    t_next, t_next_tabs, cpu_next = timed_open(rows[1])
    runner.shutdown()
    window.hide()
    _KEEP.extend((window, runner, watch, app))
    return [
        Figure(
            f"review: open request, {PAGES}-page scan to page 1",
            t_open * 1000, "ms", "bare QPdfView loading the same bytes", bare_open * 1000,
            "files read + decrypted just before the claim, QtPdf load, first paint",
        ),
        Figure(
            "review: open request, to its tabs filled", t_open_tabs * 1000, "ms",
            "bare QPdfView loading the same bytes", bare_open * 1000,
            "the claim's answer (checklist, identity, details) after page 1",
        ),
        Figure(
            "review: Next, the request read ahead, to page 1", t_next * 1000, "ms",
            "bare QPdfView loading the same bytes", bare_open * 1000,
            "files decrypted and parsed while the officer was on the previous one",
        ),
        Figure(
            "review: Next, to its tabs filled", t_next_tabs * 1000, "ms",
            "bare QPdfView loading the same bytes", bare_open * 1000,
            "the claim's answer after page 1",
        ),
        Figure(
            "review: open request to page 1, CPU", cpu_open * 1000, "ms",
            "bare QPdfView loading the same bytes, CPU", bare_cpu * 1000,
            "every thread's CPU time from the open to the paint",
        ),
        Figure(
            "review: Next to page 1, CPU", cpu_next * 1000, "ms",
            "bare QPdfView loading the same bytes, CPU", bare_cpu * 1000,
        ),
        Figure(
            "review: page flip (PageDown)", t_flip * 1000, "ms",
            "bare QPdfView page jump", bare_flip * 1000,
            "right after the open, while the page strip and the read-ahead run",
        ),
        Figure(
            "review: page flip, background work done", t_flip_idle * 1000, "ms",
            "bare QPdfView page jump", bare_flip * 1000,
        ),
    ]  # fmt: skip


def run_in_child() -> list[Figure]:
    """Run the review-screen figures in a fresh process (a cold, quiet Qt)."""
    import json
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.review_gui"],
        env=env, capture_output=True, text=True, timeout=600, check=True,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    line = next(x for x in done.stdout.splitlines() if x.startswith("FIGURES "))
    return [Figure(**f) for f in json.loads(line.removeprefix("FIGURES "))]


if __name__ == "__main__":
    import dataclasses
    import json
    import os
    import sys
    import tempfile

    import keyring

    from tests.bench.__main__ import _profile
    from tests.conftest import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    figures = bench_review_screen(_profile(Path(tempfile.mkdtemp(prefix="anuyat-ui-")) / "p"))
    print("FIGURES " + json.dumps([dataclasses.asdict(f) for f in figures]), flush=True)
    sys.stdout.flush()
    # PySide 6.11 crashed here tearing down QtPdf objects at interpreter exit; the
    # figures are out, so leave without running the destructors.
    os._exit(0)
