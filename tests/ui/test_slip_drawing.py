"""A phone photo of a slip (4000×3000 JPEG, megabytes) is decoded and scaled in the "io" pool,
never on the GUI thread, in both places finance sees slips: the payments queue and the
finance inbox. While it is drawn the label still says the slip is opening; a row the officer
has left never has its slip shown over the row they moved to. Screenshots of the queue with
the big photo drawn, in Thai and English."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import shiboken6
from PIL import Image
from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from services.fees.inbox import read_inbox_slips
from services.intake.pipeline import ingest
from services.kernel.actors import SYSTEM
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_fee_inbox import slip_mail
from tests.integration.test_fee_slips import encoded, match, reply_with, slip_image
from tests.integration.test_fees import reviewed_with_fee, with_account
from tests.integration.test_review import users, ws
from tests.ui.conftest import SCREENSHOTS
from tests.ui.fees_steps import shown_fees_page
from ui.common import i18n
from ui.fees import slip_image as drawing
from ui.fees.page import FeesPage

OPENING_TH = "กำลังเปิดสลิป…"


def phone_photo(bank: str, reference: str, size: tuple[int, int]) -> bytes:
    """A slip photographed on a desk: the slip enlarged on a noisy background, as a JPEG of
    a few megabytes (the noise keeps it from compressing to nothing)."""
    desk = Image.effect_noise(size, 60).convert("RGB")
    slip = slip_image(bank, reference).resize((1920, 2700))
    desk.paste(slip, ((size[0] - 1920) // 2, (size[1] - 2700) // 2))
    return encoded(desk, "JPEG", quality=90)


class DrawWatch:
    """Stands in for ``slip_image`` around the real one: records whether each drawing
    runs on the GUI thread, and holds the drawing of ``held`` bytes until :meth:`release`."""

    def __init__(self, held: bytes | None = None) -> None:
        self.on_gui_thread: list[bool] = []
        self.held = held
        self.entered = threading.Event()
        self._go = threading.Event()
        self._real = drawing.slip_image

    def __call__(self, kind: str, data: bytes, width: int = drawing.SLIP_WIDTH) -> QImage:
        on_gui = _address(QThread.currentThread()) == _address(QApplication.instance().thread())
        self.on_gui_thread.append(on_gui)
        if data == self.held and not on_gui:  # never hold the GUI thread: fail at once
            self.entered.set()
            assert self._go.wait(30), "the test never let the held slip be drawn"
        return self._real(kind, data, width)

    def release(self) -> None:
        self._go.set()


def _address(thread: QThread) -> int:
    return int(shiboken6.getCppPointer(thread)[0])


@pytest.fixture
def watch(monkeypatch) -> Iterator[DrawWatch]:
    spy = DrawWatch()
    monkeypatch.setattr(drawing, "slip_image", spy)
    yield spy
    spy.release()  # never leave a pool thread waiting


def _shot(widget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


def _drawn(label) -> bool:
    return label.pixmap() is not None and not label.pixmap().isNull()


def test_a_big_photo_is_drawn_off_the_gui_thread_and_a_left_row_never_shows(
    gui, qtbot, runner, context, ws, users, watch
) -> None:
    with_account(context)
    first = reviewed_with_fee(context, ws, users, hour=9)
    second = reviewed_with_fee(context, ws, users, hour=10)
    wide = phone_photo("004", "KB2026112400321", (4000, 3000))
    tall = phone_photo("014", "SCB2026112400322", (3000, 4000))
    assert len(wide) > 2_000_000 and len(tall) > 2_000_000
    reply_with(context, first, "IMG_4032.jpg", wide, "image/jpeg")
    reply_with(context, second, "IMG_4033.jpg", tall, "image/jpeg")
    assert match(context) == 2
    watch.held = wide
    page = shown_fees_page(qtbot, ws, runner)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=30_000)
    assert page.current is not None and page.current.application_id == first
    # The file has come back from the database and is being drawn: the label still says so.
    qtbot.waitUntil(watch.entered.is_set, timeout=30_000)  # the read answer came back
    qtbot.wait(50)  # any answer already on its way is delivered
    assert page.slip.text() == OPENING_TH and not _drawn(page.slip)
    # The officer arrows down before the first photo is drawn.
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Down)
    assert page.current is not None and page.current.application_id == second
    watch.release()  # the first photo's drawing ends, for a row the officer has left
    qtbot.waitUntil(lambda: _drawn(page.slip) and runner.pending() == 0, timeout=30_000)
    assert page.slip.pixmap().width() == drawing.SLIP_WIDTH
    assert page.slip.pixmap().height() == 560  # the tall photo (3:4), not the wide one (315)
    assert watch.on_gui_thread == [False, False]
    qtbot.wait(100)
    _shot(page, "fees_page_big_slip_th")
    i18n.apply_language("en")
    try:
        qtbot.waitUntil(lambda: page.title.text() == "Payments to verify", timeout=10_000)
        qtbot.wait(100)
        assert page.slip.pixmap().height() == 560
        _shot(page, "fees_page_big_slip_en")
    finally:
        i18n.apply_language("th")


def test_a_big_photo_in_the_finance_inbox_is_drawn_off_the_gui_thread(
    gui, qtbot, runner, context, ws, users, watch
) -> None:
    with_account(context)
    reviewed_with_fee(context, ws, users)
    photo = phone_photo("014", "SCB2026112400777", (4000, 3000))
    ingest(context, slip_mail("in-1", "accounts@company.example.com", "ส่งสลิปโอนเงิน",
                              slip=photo, body="แนบรูปถ่ายสลิปค่ะ"))  # fmt: skip
    with context.unit_of_work(SYSTEM) as uow:
        read_inbox_slips(uow, context.store.blobs)
    watch.held = photo
    page = shown_fees_page(qtbot, ws, runner)
    qtbot.waitUntil(lambda: page.tabs.tabText(1) == "กล่องการเงิน (1)", timeout=30_000)
    page.tabs.setCurrentIndex(1)
    inbox = page.inbox
    qtbot.waitUntil(watch.entered.is_set, timeout=30_000)  # the read answer came back
    qtbot.wait(50)
    assert inbox.slip.text() == OPENING_TH and not _drawn(inbox.slip)
    watch.release()
    qtbot.waitUntil(lambda: _drawn(inbox.slip), timeout=30_000)
    assert (inbox.slip.pixmap().width(), inbox.slip.pixmap().height()) == (420, 315)
    assert inbox.values["slip"].text() == "014 · SCB2026112400777"  # its QR read off the photo
    assert watch.on_gui_thread == [False]
    _shot(page, "finance_inbox_big_slip_th")
