"""The card with a coloured header row that the sign-in and the locked screen both show.

The header carries the card's title (and an icon where one helps); the body below is the
screen's to fill, most often with a name in large type and muted lines under it
(:meth:`HeaderCard.add_line`). The theme draws the card and its header by their object names.
Built from Qt and the naming helper only: the sign-in paints with it before anything else of
the program is loaded (``tests/unit/test_cold_start_imports.py``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.common.naming import named

__all__ = ["HeaderCard"]

_ICON_SIZE = QSize(22, 22)


class HeaderCard(QFrame):
    """A white card: ``title`` in the header row, ``body`` the layout under it."""

    def __init__(self, icon: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SignInCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 24)
        layout.setSpacing(0)
        header = named(QFrame(), "SignInHeader")
        header_row = QHBoxLayout(header)
        header_row.setContentsMargins(24, 14, 24, 14)
        if icon is not None:
            picture = QLabel()
            picture.setPixmap(QIcon(str(icon)).pixmap(_ICON_SIZE))
            header_row.addWidget(picture)
        self.title = named(QLabel(), "CardTitle")
        # The theme makes the header's labels white; the title's size and weight are its own.
        self.title.setStyleSheet("color: #ffffff; font-size: 12pt; font-weight: bold;")
        header_row.addWidget(self.title, 1)
        layout.addWidget(header)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(28, 20, 28, 0)
        self.body.setSpacing(6)
        layout.addLayout(self.body)

    def add_line(self, name: str, *, wrap: bool = True) -> QLabel:
        """A label added under what the body holds, styled by ``name`` ("Muted", …)."""
        label = named(QLabel(), name)
        label.setWordWrap(wrap)
        self.body.addWidget(label)
        return label
