"""Painters for the two cells that are more than text: SLA badges and queue counts."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.common.formatting import SlaBadge
from ui.shell.application_model import SLA_BADGE_ROLE

__all__ = ["COUNT_ROLE", "QueueItemDelegate", "SlaBadgeDelegate"]

COUNT_ROLE = Qt.ItemDataRole.UserRole + 10
"""On a queue item: how many applications the queue holds (int), drawn as a badge."""

AnyIndex = QModelIndex | QPersistentModelIndex


def _draw_background(
    option: QStyleOptionViewItem, painter: QPainter, widget: QWidget | None
) -> None:
    # The style (and the style sheet) draws hover, selection and focus; we draw the content.
    opt = QStyleOptionViewItem(option)
    opt.text = ""
    opt.icon = QIcon()
    style = widget.style() if widget is not None else None
    if style is not None:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)


def _pill(painter: QPainter, rect: QRect, text: str, bg: QColor, fg: QColor, font: QFont) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(bg)
    radius = rect.height() / 2
    painter.drawRoundedRect(QRectF(rect), radius, radius)
    painter.setPen(fg)
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


class SlaBadgeDelegate(QStyledItemDelegate):
    """Business days left as a coloured pill: green on track, amber at risk, red overdue."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        _draw_background(option, painter, option.widget)
        badge = index.data(SLA_BADGE_ROLE)
        if not isinstance(badge, SlaBadge) or not badge.text:
            return
        font = QFont(option.font)
        font.setBold(True)
        metrics = QFontMetrics(font)
        cell = option.rect.adjusted(8, 0, -8, 0)
        height = min(cell.height() - 8, metrics.height() + 6)
        width = min(cell.width(), metrics.horizontalAdvance(badge.text) + 20)
        top = cell.top() + (cell.height() - height) // 2
        rect = QRect(cell.left(), top, width, height)
        text = metrics.elidedText(badge.text, Qt.TextElideMode.ElideRight, width - 12)
        _pill(painter, rect, text, badge.background, badge.foreground, font)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 24, size.height())


class QueueItemDelegate(QStyledItemDelegate):
    """A queue name with its count as a badge at the right edge."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        _draw_background(option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        count = index.data(COUNT_ROLE)

        font = QFont(option.font)
        if selected:
            font.setBold(True)
        inner = option.rect.adjusted(14, 0, -10, 0)
        badge_rect = QRect()
        if isinstance(count, int):
            badge_font = QFont(option.font)
            badge_font.setBold(True)
            badge_font.setPointSizeF(max(7.0, option.font.pointSizeF() - 1))
            metrics = QFontMetrics(badge_font)
            label = f"{count:,}"
            width = max(28, metrics.horizontalAdvance(label) + 16)
            height = metrics.height() + 4
            badge_rect = QRect(
                inner.right() - width,
                inner.top() + (inner.height() - height) // 2,
                width,
                height,
            )
            if selected:
                bg, fg = QColor("#1f4e79"), QColor("#ffffff")
            elif count == 0:
                bg, fg = QColor("#f0f2f5"), QColor("#8a94a1")
            else:
                bg, fg = QColor("#e3ecf6"), QColor("#1f4e79")
            _pill(painter, badge_rect, label, bg, fg, badge_font)

        text_rect = inner.adjusted(0, 0, -(badge_rect.width() + 8 if badge_rect.width() else 0), 0)
        painter.save()
        painter.setFont(font)
        painter.setPen(QColor("#1f4e79") if selected else option.palette.text().color())
        metrics = QFontMetrics(font)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 48, max(size.height(), 38))
