"""The catalog and calendar page: two tabs, the services and the holidays."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from services.api import CatalogPort, SignedInUser
from ui.catalog.holidays_tab import HolidaysTab
from ui.catalog.services_tab import ServicesTab
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner

__all__ = ["CatalogPage"]


class CatalogPage(Retranslating, QWidget):
    def __init__(
        self,
        port: CatalogPort,
        runner: TaskRunner,
        user: SignedInUser,
        today: Callable[[], date] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CatalogPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.title = named(QLabel(), "SectionTitle")
        layout.addWidget(self.title)
        self.tabs = named(QTabWidget(), "CatalogTabs")
        self.services = ServicesTab(port, runner, user)
        self.holidays = HolidaysTab(port, runner, user, today)
        self.tabs.addTab(self.services, "")
        self.tabs.addTab(self.holidays, "")
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Service catalog and holidays"))
        self.tabs.setTabText(0, self.tr("&Services"))
        self.tabs.setTabText(1, self.tr("&Holidays"))

    def refresh(self) -> None:
        self.services.refresh()
        self.holidays.refresh()
