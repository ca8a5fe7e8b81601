"""The Qt binding the project pins must not leak references to None (PySide6 6.12.0 did)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qapp) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2_000):
        label.setText("ใบอนุญาต")
    # A leaking binding loses one reference per call (2,000 here; many more would abort
    # the interpreter instead of failing the test); normal churn is tiny.
    assert before - sys.getrefcount(None) < 100


def test_qtpdf_is_available() -> None:
    from PySide6.QtPdf import QPdfDocument

    assert QPdfDocument is not None
