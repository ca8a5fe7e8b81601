"""The monthly report's chart: per service, requests received, completed within the SLA and
completed past it, as grouped bars (QtCharts, from PySide6's Addons)."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from services.api import MonthlyReport

__all__ = ["ReportChart"]

_COLOURS = ("#2f5d8a", "#3f9c6d", "#c0504d")


class ReportChart(QChartView):
    """Grouped bars per service; :meth:`show_report` redraws, :meth:`values` reads back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        super().__init__(chart, parent)
        self.setObjectName("ReportChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self._values: dict[str, list[int]] = {}
        self._sets: list[QBarSet] = []
        self._figures: list[list[int]] = []
        self.report: MonthlyReport | None = None
        self._x_axis: QBarCategoryAxis | None = None

    def show_report(
        self, report: MonthlyReport, names: tuple[str, str, str], unclassified: str = "?"
    ) -> None:
        """``names``: the legend's words for received, within SLA, past SLA;
        ``unclassified``: the bar label of requests without a service yet."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series = QBarSeries()
        # The unclassified line has no code: its bar gets a name in the screen's language.
        categories = [row.code if row.code != "-" else unclassified for row in report.rows]
        figures = [
            [row.received for row in report.rows],
            [row.within_sla for row in report.rows],
            [row.past_sla for row in report.rows],
        ]
        self.report = report
        self._figures = figures
        self._sets = []
        for name, values, colour in zip(names, figures, _COLOURS, strict=True):
            bars = QBarSet(name)
            bars.setColor(QColor(colour))
            bars.append([float(v) for v in values])
            series.append(bars)
            self._sets.append(bars)
        self._values = dict(zip(names, figures, strict=True))
        chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append(categories)
        self._x_axis = x_axis
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x_axis)
        y_axis = QValueAxis()
        top = max([1, *(v for values in figures for v in values)])
        y_axis.setRange(0, top)
        y_axis.setLabelFormat("%d")
        y_axis.setTickCount(min(top, 5) + 1)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y_axis)

    def set_names(self, names: tuple[str, str, str], unclassified: str = "") -> None:
        """The legend (and the unclassified bar's label) in another language; the bars stay
        as they are."""
        for bars, name in zip(self._sets, names, strict=False):
            bars.setLabel(name)
        axis = self._x_axis
        if unclassified and axis is not None and self.report is not None:
            old = axis.categories()
            new = [row.code if row.code != "-" else unclassified for row in self.report.rows]
            if new != old:
                axis.clear()
                axis.append(new)
        self._values = dict(zip(names, self._figures, strict=False)) if self._sets else {}

    def values(self) -> dict[str, list[int]]:
        """What the bars show, by legend name (tests read it)."""
        return {name: list(v) for name, v in self._values.items()}
