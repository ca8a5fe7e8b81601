"""What the main window remembers between sessions: its size and place, the splitter between
queues, list and side panels, and the list's column widths.

The settings are declared in :mod:`ui.common.ui_settings`.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from ui.common import ui_settings
from ui.shell.list_page import ApplicationTable

__all__ = ["restore_layout", "save_layout"]


def restore_layout(
    window: QMainWindow,
    settings: QSettings,
    splitter: QSplitter,
    table: ApplicationTable,
    first_sizes: list[int],
) -> None:
    """Size, splitter and columns as they were; ``first_sizes`` on this station's first start."""
    geometry = ui_settings.read(settings, ui_settings.MAIN_GEOMETRY)
    if geometry.isEmpty() or not window.restoreGeometry(geometry):
        # First start on this station: the common office screen, or less if smaller.
        screen = window.screen().availableGeometry()
        window.resize(min(1366, screen.width()), min(768, screen.height()))
    state = ui_settings.read(settings, ui_settings.MAIN_SPLITTER)
    if state.isEmpty() or not splitter.restoreState(state):
        splitter.setSizes(first_sizes[: splitter.count()])
    table.restore_header(ui_settings.read(settings, ui_settings.HEADER_STATE))


def save_layout(
    window: QMainWindow,
    settings: QSettings,
    splitter: QSplitter,
    table: ApplicationTable,
    *,
    detail_open: bool,
) -> None:
    ui_settings.write(settings, ui_settings.MAIN_GEOMETRY, window.saveGeometry())
    if detail_open:
        ui_settings.write(settings, ui_settings.DETAIL_WIDTH, splitter.sizes()[2])
    ui_settings.write(settings, ui_settings.MAIN_SPLITTER, splitter.saveState())
    ui_settings.write(settings, ui_settings.HEADER_STATE, table.horizontalHeader().saveState())
    settings.sync()
