"""A PDF that hung the viewer's engine at intake, released by an officer all the same, is not
loaded into the viewer (it would hold the engine, whose lock every PDF shares): the viewer says
so and offers the system viewer. Real intake with the real QtPdf worker, real release, real
viewer widget.
"""

from __future__ import annotations

from app.pdf_probe import QtPdfProbe
from services.intake.inspect.pdf_probe import VIEWER_UNSAFE
from services.intake.mail.parse import parse_mail
from services.intake.pipeline import arrival_from_mail, ingest
from tests.conftest import STAFF_PASSWORD
from tests.data import mail_corpus as corpus
from tests.data import viewer_pdfs


def test_a_released_pdf_that_hung_the_engine_is_offered_to_the_system_viewer_only(
    qtbot, context, workstation, intake_user, runner, settings
) -> None:
    from ui.viewer.document_viewer import DocumentViewer

    raw = corpus.mail_with_files(
        [("loop.pdf", viewer_pdfs.page_tree_loop()), ("fine.pdf", viewer_pdfs.ordinary())]
    )
    engine = QtPdfProbe(time_limit=2.0)
    try:
        arrival = arrival_from_mail(parse_mail(raw), context.clock.now(), raw)
        outcome = ingest(context, arrival, pdf_probe=engine)
    finally:
        engine.close()
    assert (outcome.documents, outcome.quarantined) == (1, 1)
    (held,) = workstation.intake.quarantine_items(intake_user)
    assert held.reason_code == "pdf_too_slow"
    workstation.intake.release_quarantine(intake_user, held.id, "ผู้ยื่นยืนยันว่าเป็นไฟล์นี้")

    reviewer = workstation.shell.sign_in("reviewer", STAFF_PASSWORD)
    detail = workstation.review.open_application(reviewer, outcome.application_id)
    released = next(d for d in detail.documents if d.filename == "loop.pdf")
    assert VIEWER_UNSAFE in released.flags
    viewer = DocumentViewer(workstation.review, reviewer, runner, settings)
    qtbot.addWidget(viewer)
    viewer.resize(900, 700)
    viewer.show()
    viewer.set_application(detail.row.id, detail.body_text, detail.documents)
    assert viewer.show_document(released.id)
    qtbot.waitUntil(lambda: viewer.stack.currentWidget() is viewer.text_pane, timeout=10000)
    pane = viewer.text_pane
    assert "loop.pdf" in pane.note.text() and "โปรแกรมของเครื่อง" in pane.note.text()
    assert pane.open_button.isVisibleTo(pane)
    # The ordinary PDF of the same mail still opens in the viewer.
    fine = next(d for d in detail.documents if d.filename == "fine.pdf")
    assert viewer.show_document(fine.id)
    qtbot.waitUntil(lambda: viewer.stack.currentWidget() is viewer.pdf_view, timeout=10000)
