"""Who the main window works for, and the warnings above its work: the agency's name (in
the header band and the title), the demo profile's banner, and the holiday list's banner
when the list runs out (SLA dates would count holidays as business days).

The agency is read on the "db" pool; the holiday warning again whenever the catalog or the
calendar changes. Words are in the "MainWindow" translation context.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel

from services.api import AgencyInfo, ShellPort
from ui.common import i18n
from ui.common.tasks import TaskRunner
from ui.shell.header_band import HeaderBand

__all__ = ["AgencyBanners"]


class AgencyBanners(QObject):
    """Reads the agency and the holiday warning, and keeps the header and banners in step.

    ``did_change`` is called when the agency's name or a banner changed (the window sets
    its title again); ``failed(error, th, en)`` says an agency that could not be read.
    """

    def __init__(
        self,
        port: ShellPort,
        runner: TaskRunner,
        *,
        header: HeaderBand,
        demo_banner: QLabel,
        holiday_banner: QLabel,
        holiday_warning: tuple[str, str] | None,
        did_change: Callable[[], None],
        failed: Callable[[BaseException | None, str, str], None],
    ) -> None:
        super().__init__(header)
        self._port = port
        self._runner = runner
        self._header = header
        self._demo_banner = demo_banner
        self._holiday_banner = holiday_banner
        self._holiday_warning = holiday_warning
        self._did_change = did_change
        self._failed = failed
        self.agency: AgencyInfo | None = None

    def agency_name(self) -> str:
        """The agency's name in the language shown ("" until it is read)."""
        agency = self.agency
        if agency is None:
            return ""
        return agency.name_th if i18n.current_language() == "th" else agency.name_en

    def load_agency(self) -> None:
        def done(agency: AgencyInfo | None, error: Any) -> None:
            if error is not None or agency is None:
                self._failed(
                    error,
                    "อ่านข้อมูลหน่วยงานไม่ได้ โปรดแจ้งผู้ดูแลระบบ",
                    "Could not read the agency's details. Please tell your administrator.",
                )
                return
            self.agency = agency
            self._header.set_agency(agency)
            self._did_change()

        self._runner.run(self._port.agency, done, owner=self, label="main.agency")

    def read_holiday_warning(self) -> None:
        """Read the warning again (a new holiday year may have answered it)."""
        self._runner.run(self._port.holiday_warning, self._holiday_warning_read, owner=self)

    def _holiday_warning_read(self, warning: Any, error: BaseException | None) -> None:
        if error is None:
            self._holiday_warning = warning
            self._holiday_banner.setVisible(warning is not None)
            self.retranslate()
            self._did_change()

    def retranslate(self) -> None:
        self._demo_banner.setText(
            QCoreApplication.translate(
                "MainWindow",
                "Demo profile: its key is kept in a file beside the data. "
                "Use it for fictional data only, never for real applications.",
            )
        )
        if self._holiday_warning is not None:
            th, en = self._holiday_warning
            self._holiday_banner.setText(th if i18n.current_language() == "th" else en)
