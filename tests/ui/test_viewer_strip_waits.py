"""The page strip waits while the officer turns pages: its pictures are drawn beside the
page view behind PDFium's one lock, and a slice drawing then held the page turned to past a
frame. Real QtPdf rendering in the real "io" pool, a real strip widget.
"""

from __future__ import annotations

from tests.data.mail_corpus import file_pdf
from ui.viewer import thumbnail_feed
from ui.viewer.panes import THUMB_WIDTH, PageStrip
from ui.viewer.thumbnail_feed import ThumbnailFeed

PAGES = 6


def _feed(qtbot, runner, page: list[int]) -> tuple[PageStrip, ThumbnailFeed]:
    strip = PageStrip(THUMB_WIDTH)
    qtbot.addWidget(strip)
    return strip, ThumbnailFeed(strip, runner, lambda: page[0], strip)


def test_the_strip_is_not_drawn_while_pages_are_being_turned(qtbot, runner, monkeypatch) -> None:
    monkeypatch.setattr(thumbnail_feed, "QUIET_MS", 60_000)  # the officer keeps turning
    page = [0]
    strip, feed = _feed(qtbot, runner, page)
    feed.start(file_pdf(PAGES))
    page[0] = 3  # a page turned before the first slice was due
    qtbot.waitUntil(lambda: feed._seen_page == 3, timeout=5000)  # the slice saw it and waits
    assert strip.count() == 0 and not runner.is_busy()


def test_the_strip_fills_once_the_page_stays(qtbot, runner) -> None:
    page = [0]
    strip, feed = _feed(qtbot, runner, page)
    feed.start(file_pdf(PAGES))
    page[0] = 2
    qtbot.waitUntil(lambda: strip.count() == PAGES, timeout=10000)
    assert strip.currentRow() == 2  # the page on screen is the one marked
    assert all(not strip.item(n).icon().isNull() for n in range(PAGES))


def test_a_strip_left_waiting_for_another_document_is_not_drawn(qtbot, runner) -> None:
    page = [0]
    strip, feed = _feed(qtbot, runner, page)
    feed.start(file_pdf(PAGES))
    page[0] = 1
    qtbot.waitUntil(lambda: feed._seen_page == 1, timeout=5000)
    feed.stop()  # another document shows meanwhile
    qtbot.wait(thumbnail_feed.QUIET_MS + 200)
    assert strip.count() == 0 and not runner.is_busy()
