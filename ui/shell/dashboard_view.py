"""The dashboard page ("Dashboard / ภาพรวม", Alt+D): today's numbers at a glance.

Tiles for new, pending, waiting for the applicant, overdue, at risk and due this week; a bar
chart of new requests per day (drawn with ``QPainter``); open requests per service and per
officer. Everything comes from ``port.dashboard(user)`` in the database worker, and is read
again whenever the window refreshes its lists.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.api import (
    BANGKOK,
    ENGLISH_MONTHS_SHORT,
    THAI_MONTHS_SHORT,
    DashboardStats,
    ShellPort,
    SignedInUser,
)
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.form_widgets import WrappingLabel
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.common.theme import ACCENT

__all__ = ["DashboardView", "NewRequestsChart", "TILES"]

TILES = ("new_today", "pending", "waiting_applicant", "overdue", "at_risk", "due_this_week")
_TONES = {"overdue": "error", "at_risk": "warn"}


def short_day(iso: str, language: str) -> str:
    """``25 พ.ย.`` / ``25 Nov`` for a chart label (the year is the same for the whole chart)."""
    day = date.fromisoformat(iso)
    months = THAI_MONTHS_SHORT if language == "th" else ENGLISH_MONTHS_SHORT
    return f"{day.day} {months[day.month - 1]}"


class _Tile(QFrame):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DashboardTile")
        self.setProperty("tone", _TONES.get(key, "neutral"))
        self.key = key
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(2)
        self.number = named(QLabel("–"), "TileNumber")
        self.label = named(WrappingLabel(), "TileLabel")
        layout.addWidget(self.number)
        layout.addWidget(self.label)
        # Minimum: a tile may grow to the row's height, so a tile whose label wraps onto more
        # lines (English, a narrow window) does not stand taller than its neighbours.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)


class NewRequestsChart(QWidget):
    """Bars of new requests per day, the count above each bar, the day below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NewRequestsChart")
        self._days: tuple[tuple[str, int], ...] = ()
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_days(self, days: tuple[tuple[str, int], ...]) -> None:
        self._days = days
        self.setToolTip("\n".join(f"{short_day(d, i18n.current_language())}: {n}" for d, n in days))
        self.update()

    def days(self) -> tuple[tuple[str, int], ...]:
        return self._days

    def sizeHint(self) -> QSize:
        return QSize(600, 190)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if not self._days:
            return
        language = i18n.current_language()
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() - 1.5))
        metrics = QFontMetrics(font)
        painter.setFont(font)
        top, bottom = metrics.height() + 8, metrics.height() + 10
        area = QRectF(12, top, self.width() - 24, self.height() - top - bottom)
        highest = max(1, max(n for _, n in self._days))
        slot = area.width() / len(self._days)
        bar_width = min(36.0, slot * 0.62)
        today = self._days[-1][0]  # the service's today closes the series
        painter.setPen(QColor("#d5dde6"))
        painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()))
        label_every = 1 if slot >= metrics.horizontalAdvance("30 พ.ย.") + 6 else 2
        for number, (day, count) in enumerate(self._days):
            centre = area.left() + slot * (number + 0.5)
            height = area.height() * count / highest
            bar = QRectF(centre - bar_width / 2, area.bottom() - height, bar_width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(ACCENT) if day == today else QColor("#8fb0d3"))
            if count:
                painter.drawRoundedRect(bar, 3, 3)
            painter.setPen(QColor("#344357") if count else QColor("#a3adb8"))
            painter.drawText(
                QRectF(centre - slot / 2, bar.top() - metrics.height() - 2, slot, metrics.height()),
                Qt.AlignmentFlag.AlignCenter,
                str(count),
            )
            if number % label_every == 0 or number == len(self._days) - 1:
                painter.setPen(QColor("#5f6b7a"))
                painter.drawText(
                    QRectF(centre - slot, area.bottom() + 4, slot * 2, metrics.height() + 4),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    short_day(day, language),
                )


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setObjectName("DashboardTable")
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(34)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for column in range(1, columns):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


class DashboardView(Retranslating, QScrollArea):
    """The numbers of ``port.dashboard(user)``; :meth:`refresh` reads them again."""

    def __init__(
        self,
        port: ShellPort,
        user: SignedInUser,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("DashboardView")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._port = port
        self._user = user
        self._runner = runner
        self._stats: DashboardStats | None = None
        self._generation = 0
        self._loading = False

        host = named(QWidget(), "DashboardHost")
        layout = QVBoxLayout(host)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(12)
        title_row = QHBoxLayout()
        self.title = named(QLabel(), "SectionTitle")
        title_row.addWidget(self.title, 1)
        self.updated_label = named(QLabel(), "Muted")
        title_row.addWidget(self.updated_label)
        layout.addLayout(title_row)
        self.error_box = ErrorBox()
        layout.addWidget(self.error_box)

        tiles = QGridLayout()
        tiles.setSpacing(10)
        self.tiles: dict[str, _Tile] = {}
        for number, key in enumerate(TILES):
            tile = _Tile(key)
            tiles.addWidget(tile, 0, number)
            self.tiles[key] = tile
        layout.addLayout(tiles)

        chart_box = named(QFrame(), "DashboardCard")
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(14, 10, 14, 10)
        self.chart_title = named(QLabel(), "CardTitle")
        chart_layout.addWidget(self.chart_title)
        self.chart = NewRequestsChart()
        chart_layout.addWidget(self.chart, 1)
        layout.addWidget(chart_box)

        tables = QHBoxLayout()
        tables.setSpacing(12)
        self.service_title = named(QLabel(), "CardTitle")
        self.service_table = _table(2)
        self.officer_title = named(QLabel(), "CardTitle")
        self.officer_table = _table(2)
        for title, table, stretch in (
            (self.service_title, self.service_table, 3),
            (self.officer_title, self.officer_table, 2),
        ):
            card = named(QFrame(), "DashboardCard")
            card_layout = QVBoxLayout(card)
            card_layout.setContentsMargins(14, 10, 14, 10)
            card_layout.addWidget(title)
            card_layout.addWidget(table, 1)
            table.setMinimumHeight(170)
            tables.addWidget(card, stretch)
        layout.addLayout(tables, 1)
        self.setWidget(host)
        self.retranslate()

    # -- data ---------------------------------------------------------------------------

    @property
    def stats(self) -> DashboardStats | None:
        return self._stats

    @property
    def is_loading(self) -> bool:
        return self._loading

    def tile_numbers(self) -> dict[str, str]:
        return {key: tile.number.text() for key, tile in self.tiles.items()}

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        self._loading = True
        port, user = self._port, self._user

        def done(stats: DashboardStats | None, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            self._loading = False
            if error is not None or stats is None:
                self.error_box.show_error(
                    error,
                    fallback_th="อ่านตัวเลขภาพรวมไม่ได้ ลองรีเฟรช (F5) อีกครั้ง",
                    fallback_en="Could not read the dashboard's numbers. "
                    "Refresh (F5) to try again.",
                )
                return
            self.error_box.clear()
            self._stats = stats
            # "Updated at" is when this screen read the numbers, as the officer's own clock
            # says: the computer's clock is right here (no service rule counts from it).
            self._updated = datetime.now(BANGKOK)
            self._fill()

        self._runner.run(lambda: port.dashboard(user), done, owner=self, label="dashboard")

    def _fill(self) -> None:
        stats = self._stats
        if stats is None:
            return
        language = i18n.current_language()
        for key, tile in self.tiles.items():
            tile.number.setText(f"{int(getattr(stats, key)):,}")
        self.chart.set_days(stats.new_by_day)
        self._fill_table(
            self.service_table,
            [((th if language == "th" else en) or th or en, n) for th, en, n in stats.per_service],
        )
        self._fill_table(self.officer_table, list(stats.per_officer))
        self.updated_label.setText(
            self.tr("Updated {time}").format(time=self._updated.strftime("%H:%M"))
        )

    def _fill_table(self, table: QTableWidget, rows: list[tuple[str, int]]) -> None:
        table.setRowCount(len(rows))
        for number, (name, count) in enumerate(rows):
            name_item = QTableWidgetItem(name)
            name_item.setToolTip(name)
            count_item = QTableWidgetItem(f"{count:,}")
            count_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(number, 0, name_item)
            table.setItem(number, 1, count_item)

    # -- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Dashboard"))
        labels: dict[str, Any] = {
            "new_today": self.tr("New today"),
            "pending": self.tr("Pending"),
            "waiting_applicant": self.tr("Waiting for applicants"),
            "overdue": self.tr("Overdue"),
            "at_risk": self.tr("Close to the deadline"),
            "due_this_week": self.tr("Due this week"),
        }
        tips = {
            "new_today": self.tr("Requests received today"),
            "pending": self.tr("Open requests not waiting for the applicant"),
            "waiting_applicant": self.tr("Asked for documents; the clock is stopped"),
            "overdue": self.tr("Past the deadline in the citizen manual"),
            "at_risk": self.tr("Within a few business days of the deadline"),
            "due_this_week": self.tr("Deadline falls in this week"),
        }
        for key, tile in self.tiles.items():
            tile.label.setText(labels[key])
            tile.setToolTip(tips[key])
        self.chart_title.setText(self.tr("New requests per day (last 14 days)"))
        self.service_title.setText(self.tr("Open requests per service"))
        self.officer_title.setText(self.tr("Requests each officer holds"))
        self.service_table.setHorizontalHeaderLabels([self.tr("Service"), self.tr("Open")])
        self.officer_table.setHorizontalHeaderLabels([self.tr("Officer"), self.tr("Holds")])
        self._fill()
