"""What the review screen remembers between sessions, declared once.

See :mod:`ui.common.ui_settings`.

Read and write these only through ``ui_settings.read`` / ``ui_settings.write``.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray

from ui.common.ui_settings import UiSetting

__all__ = ["REVIEW_SPLITTER", "VIEWER_FIT_WIDTH", "VIEWER_ZOOM"]

REVIEW_SPLITTER = UiSetting(
    "review/splitter",
    QByteArray,
    QByteArray(),
    "Widths of the document viewer and the checklist side of the review screen.",
)
VIEWER_ZOOM = UiSetting(
    "review/viewer_zoom_percent",
    int,
    100,
    "The document viewer's zoom (percent) when it is not fitting the width.",
)
VIEWER_FIT_WIDTH = UiSetting(
    "review/viewer_fit_width",
    int,
    1,
    "1: documents open fitted to the viewer's width (the usual); 0: at the remembered zoom.",
)
