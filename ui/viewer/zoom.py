"""The viewer's zoom as the officer left it: fit to width, or a factor, kept between sessions.

Read once from the settings (see :mod:`ui.review.settings`) and written back at each change,
so the next request (and the next day) opens the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ui.common import ui_settings
from ui.review.settings import VIEWER_FIT_WIDTH, VIEWER_ZOOM

__all__ = ["MAX_ZOOM", "MIN_ZOOM", "ViewerZoom"]

MIN_ZOOM = 0.25
MAX_ZOOM = 4.0


class ViewerZoom:
    """Fit to width (the default) or a zoom factor (1.0 = 100 %)."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings
        self.fit_width = ui_settings.read(settings, VIEWER_FIT_WIDTH) != 0
        self.factor = max(MIN_ZOOM, min(MAX_ZOOM, ui_settings.read(settings, VIEWER_ZOOM) / 100))

    def set_factor(self, factor: float) -> None:
        """A zoom chosen by the officer: fitting the width stops (:meth:`save` keeps it)."""
        self.fit_width = False
        self.factor = factor

    def save(self) -> None:
        ui_settings.write(self._settings, VIEWER_FIT_WIDTH, 1 if self.fit_width else 0)
        ui_settings.write(self._settings, VIEWER_ZOOM, round(self.factor * 100))
