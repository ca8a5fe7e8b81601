"""The document viewer's tool bar at the widths it is shown at (real widgets, offscreen).

The approval page gives the viewer ~390 px; a bar squeezed below its layout's minimum drew
the zoom figure over the zoom buttons. Now the least needed controls fold into a "More"
menu: at any width from 300 px no two visible controls overlap, and what folded is still
reachable from the menu.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from tests.ui.conftest import SCREENSHOTS
from ui.common import i18n
from ui.viewer.toolbar import ViewerToolbar


def _visible_rects(bar: ViewerToolbar) -> list[tuple[str, QRect]]:
    kids = [w for w in bar.findChildren(QWidget) if w.parent() is bar and w.isVisible()]
    return [(w.objectName() or type(w).__name__, w.geometry()) for w in kids]


def _overlaps(bar: ViewerToolbar) -> list[tuple[str, str]]:
    rects = _visible_rects(bar)
    return [
        (a, b) for i, (a, ra) in enumerate(rects) for (b, rb) in rects[i + 1 :] if ra.intersects(rb)
    ]


def _bar(qtbot, width: int) -> tuple[QWidget, ViewerToolbar]:
    # Inside a page, as the viewer shows it (a window would keep its layout's minimum).
    host = QWidget()
    qtbot.addWidget(host)
    column = QVBoxLayout(host)
    column.setContentsMargins(0, 0, 0, 0)
    bar = ViewerToolbar()
    column.addWidget(bar)
    column.addStretch(1)
    bar.show_documents([None], 0)  # the applicant's message only
    bar.show_state(index=0, count=1, kind="pdf", page=2, pages=12)
    bar.zoom_label.setText("125%")
    host.setFixedSize(width, 80)
    host.show()
    QApplication.processEvents()
    return host, bar


@pytest.mark.parametrize("language", ["th", "en"])
@pytest.mark.parametrize("width", [300, 390, 470, 580, 800])
def test_no_two_controls_overlap_at_any_width_from_300(gui, qtbot, width, language) -> None:
    i18n.apply_language(language)
    try:
        _host, bar = _bar(qtbot, width)
        assert bar.width() == width
        assert _overlaps(bar) == [], _visible_rects(bar)
        # Nothing is drawn past the bar's right edge either.
        assert all(r.right() < width for _, r in _visible_rects(bar))
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        assert bar.grab().save(str(SCREENSHOTS / f"viewer_toolbar_{width}_{language}.png"))
    finally:
        i18n.apply_language("th")


def test_what_folds_is_in_the_more_menu_and_works_from_there(gui, qtbot) -> None:
    _wide_host, wide = _bar(qtbot, 900)
    assert not wide.more_button.isVisible() and wide.zoom_label.isVisible()
    _host, bar = _bar(qtbot, 390)
    assert bar.more_button.isVisible() and not bar.open_button.isVisible()
    assert bar.document_combo.isVisible() and bar.page_label.isVisible()
    assert bar.document_combo.width() >= 120  # still readable before the last fold
    bar._sync_menu()
    shown = [a.text() for a in bar.more_menu.actions() if a.isVisible()]
    assert bar.open_button.toolTip() in shown
    clicked: list[bool] = []
    bar.fit_button.clicked.connect(lambda checked: clicked.append(checked))
    fit = bar._menu_actions[bar.fit_button]
    if bar.fit_button.isHidden():
        fit.trigger()
        assert clicked == [True] and bar.fit_button.isChecked()
    host, narrowest = _bar(qtbot, 300)
    narrowest._sync_menu()
    assert not narrowest.zoom_label.isVisible()
    assert narrowest._menu_actions[narrowest.fit_button].isVisible()
    # Widening again brings the controls back to the bar.
    host.setFixedSize(900, 80)
    QApplication.processEvents()
    assert narrowest.zoom_label.isVisible() and not narrowest.more_button.isVisible()
