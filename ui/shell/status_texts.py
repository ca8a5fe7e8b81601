"""The words the main window shows about itself: its title and the list's count line.

Pure functions of what the window knows, in the "MainWindow" translation context (where
these words have always been), so they are checked without a window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

__all__ = ["count_text", "window_title"]


def window_title(agency_name: str, *, demo: bool) -> str:
    """ "Anuyat — <agency>", and a warning when the data are a demo's."""
    parts = [QCoreApplication.translate("MainWindow", "Anuyat")]
    if agency_name:
        parts.append(agency_name)
    if demo:
        parts.append(QCoreApplication.translate("MainWindow", "DEMO: fictional data only"))
    return " — ".join(parts)


def count_text(total: int, loaded: int, *, searching: bool) -> str:
    """How many requests the list holds (or the search found), and how many are loaded."""
    if searching:
        text = (
            QCoreApplication.translate("MainWindow", "1 request found")
            if total == 1
            else QCoreApplication.translate("MainWindow", "{count} requests found").format(
                count=f"{total:,}"
            )
        )
        if total == 0:
            text = QCoreApplication.translate(
                "MainWindow", "Nothing found. Esc goes back to the queue."
            )
    elif total == 1:
        text = QCoreApplication.translate("MainWindow", "1 application in this queue")
    else:
        text = QCoreApplication.translate(
            "MainWindow", "{count} applications in this queue"
        ).format(count=f"{total:,}")
    if loaded < total:
        text += "  ·  " + QCoreApplication.translate(
            "MainWindow", "{loaded} loaded, scroll for more"
        ).format(loaded=f"{loaded:,}")
    return text
