"""Small painted marks the review screen shares: a verdict circle and a text pill.

Drawn with ``QPainter`` rather than with symbol characters, which the office's fonts may lack.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from services.api import Verdict

__all__ = ["VERDICT_COLOURS", "Pill", "VerdictMark"]

# (fill, stroke) per verdict; None is "not checked yet".
VERDICT_COLOURS: dict[Verdict | None, tuple[str, str]] = {
    Verdict.ACCEPTED: ("#1e6b34", "#1e6b34"),
    Verdict.REJECTED: ("#a4262c", "#a4262c"),
    Verdict.NOT_APPLICABLE: ("#8a94a1", "#8a94a1"),
    None: ("#ffffff", "#9fb0c3"),
}


class VerdictMark(QWidget):
    """A 20 px circle: a tick (accepted), a cross (rejected), a dash (not applicable), or empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._verdict: Verdict | None = None
        self.setFixedSize(QSize(20, 20))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    @property
    def verdict(self) -> Verdict | None:
        return self._verdict

    def set_verdict(self, verdict: Verdict | None) -> None:
        self._verdict = verdict
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fill, stroke = VERDICT_COLOURS.get(self._verdict, VERDICT_COLOURS[None])
        box = QRectF(1.5, 1.5, 17, 17)
        painter.setPen(QPen(QColor(stroke), 1.5))
        painter.setBrush(QColor(fill))
        painter.drawEllipse(box)
        pen = QPen(QColor("#ffffff"), 2.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self._verdict == Verdict.ACCEPTED:
            path = QPainterPath(QPointF(5.5, 10.5))
            path.lineTo(8.7, 13.5)
            path.lineTo(14.5, 6.8)
            painter.drawPath(path)
        elif self._verdict == Verdict.REJECTED:
            painter.drawLine(QPointF(6.5, 6.5), QPointF(13.5, 13.5))
            painter.drawLine(QPointF(13.5, 6.5), QPointF(6.5, 13.5))
        elif self._verdict == Verdict.NOT_APPLICABLE:
            painter.drawLine(QPointF(6, 10), QPointF(14, 10))


class Pill(QLabel):
    """A short word on a soft background (``tone``: neutral, accent, ok, warn, error)."""

    def __init__(self, text: str = "", tone: str = "neutral", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setObjectName("Pill")
        self.set_tone(tone)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_tone(self, tone: str) -> None:
        self.setProperty("tone", tone)
        self.style().unpolish(self)
        self.style().polish(self)
