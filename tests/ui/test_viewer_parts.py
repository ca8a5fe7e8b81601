"""The viewer's parts that hold state without widgets: the file memory and the zoom."""

from __future__ import annotations

from ui.viewer.cache import DocumentCache
from ui.viewer.zoom import ViewerZoom


def test_the_least_recently_viewed_file_goes_first_and_the_current_one_stays() -> None:
    cache = DocumentCache(budget=10)
    cache.keep("a", b"1234")
    cache.keep("b", b"1234")
    assert cache.view("a") == b"1234"  # "a" is now the most recent
    cache.keep("c", b"1234")  # 12 bytes > 10: the oldest view ("b") goes
    assert cache.peek("b") is None and cache.peek("a") == b"1234" and len(cache) == 2
    cache.keep("big", b"x" * 50)  # past the budget alone, but it is the one on screen
    assert len(cache) == 1 and cache.peek("big") is not None


def test_the_zoom_is_kept_between_sessions(settings) -> None:
    zoom = ViewerZoom(settings)
    assert zoom.fit_width  # fit to width until the officer chooses a zoom
    zoom.set_factor(1.5)
    zoom.save()
    again = ViewerZoom(settings)
    assert not again.fit_width and again.factor == 1.5
    again.fit_width = True
    again.save()
    assert ViewerZoom(settings).fit_width
