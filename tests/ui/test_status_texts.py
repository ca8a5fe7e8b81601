"""The main window's title and count line, without a window (in English, then in Thai)."""

from __future__ import annotations

from ui.common import i18n
from ui.shell.status_texts import count_text, window_title


def test_the_count_line_says_how_many_and_how_many_are_loaded(gui) -> None:
    i18n.apply_language("en", gui)  # the fixture puts Thai back afterwards
    assert count_text(1, 1, searching=False) == "1 application in this queue"
    assert count_text(1234, 200, searching=False) == (
        "1,234 applications in this queue  ·  200 loaded, scroll for more"
    )
    assert count_text(0, 0, searching=True) == "Nothing found. Esc goes back to the queue."
    assert count_text(1, 1, searching=True) == "1 request found"
    assert count_text(3, 3, searching=True) == "3 requests found"


def test_the_title_names_the_agency_and_warns_of_a_demo(gui) -> None:
    i18n.apply_language("en", gui)
    assert window_title("", demo=False) == "Anuyat"
    assert window_title("Test Municipality", demo=True) == (
        "Anuyat — Test Municipality — DEMO: fictional data only"
    )


def test_the_words_stay_in_the_windows_thai_catalogue(gui) -> None:
    i18n.apply_language("th", gui)
    # Still found in the "MainWindow" context of the catalogue, as before they moved here.
    assert count_text(1, 1, searching=True) == "พบ 1 รายการ"
