"""The zoom figure while fitting the width follows the page on screen, also when the pages
of one PDF differ in width (the widths are asked of PDFium once per document, not at every
page turn). Real intake, real QtPdf, real viewer widget.
"""

from __future__ import annotations

import io

from pypdf import PdfWriter

from services.intake.mail.parse import parse_mail
from services.intake.pipeline import arrival_from_mail, ingest
from tests.conftest import STAFF_PASSWORD
from tests.data import mail_corpus as corpus


def _portrait_then_landscape() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)  # A4 portrait
    writer.add_blank_page(width=842, height=595)  # A4 landscape: wider, so a smaller fit
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _fit(viewer, width_points: float) -> str:
    margins = viewer.pdf_view.documentMargins()
    available = viewer.pdf_view.viewport().width() - margins.left() - margins.right()
    return f"{round(available / (width_points * viewer.logicalDpiX() / 72) * 100)}%"


def test_the_fit_zoom_figure_follows_each_pages_width(
    qtbot, context, workstation, runner, settings
) -> None:
    from ui.viewer.document_viewer import DocumentViewer

    raw = corpus.mail_with_files([("mixed.pdf", _portrait_then_landscape())])
    outcome = ingest(context, arrival_from_mail(parse_mail(raw), context.clock.now(), raw))
    reviewer = workstation.shell.sign_in("reviewer", STAFF_PASSWORD)
    detail = workstation.review.open_application(reviewer, outcome.application_id)
    document = next(d for d in detail.documents if d.filename == "mixed.pdf")
    viewer = DocumentViewer(workstation.review, reviewer, runner, settings)
    qtbot.addWidget(viewer)
    viewer.resize(900, 700)
    viewer.show()
    viewer.set_application(detail.row.id, detail.body_text, detail.documents)
    assert viewer.show_document(document.id)
    qtbot.waitUntil(lambda: viewer.stack.currentWidget() is viewer.pdf_view, timeout=10000)
    viewer.fit_to_width()
    assert viewer.zoom_label.text() == _fit(viewer, 595)
    viewer.next_page()
    assert viewer.current_page() == 2 and viewer.zoom_label.text() == _fit(viewer, 842)
    assert _fit(viewer, 842) != _fit(viewer, 595)
    viewer.next_page()
    assert viewer.zoom_label.text() == _fit(viewer, 595)
    # The widths asked in one go after the first page painted give the same figures.
    qtbot.waitUntil(lambda: len(viewer._widths_of[1]) == 3, timeout=5000)
    viewer.previous_page()
    assert viewer.current_page() == 2 and viewer.zoom_label.text() == _fit(viewer, 842)
