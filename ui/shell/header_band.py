"""The band across the top of the main window: agency and station, who is signed in, actions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from services.api import AgencyInfo, SignedInUser
from ui.common import i18n
from ui.common.formatting import roles_text
from ui.common.lay_out_now import lay_out_now
from ui.common.naming import named

__all__ = ["HeaderBand"]


class HeaderBand(QFrame):
    """Agency (in the UI language), station, user with roles, and refresh/language/sign out."""

    def __init__(
        self,
        user: SignedInUser,
        *,
        refresh: QAction,
        language_menu: QMenu,
        sign_out: QAction,
        account_actions: list[QAction] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("HeaderBand")
        self._user = user
        self._agency: AgencyInfo | None = None
        self._language_menu = language_menu

        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 12, 8)
        layout.setSpacing(12)

        mark = QLabel()
        mark.setPixmap(QIcon(str(i18n.RESOURCES / "icons" / "anuyat.svg")).pixmap(QSize(34, 34)))
        layout.addWidget(mark, 0, Qt.AlignmentFlag.AlignVCenter)

        agency_box = QVBoxLayout()
        agency_box.setSpacing(0)
        self.agency_label = named(QLabel(), "AgencyName")
        self.station_label = named(QLabel(), "HeaderSubtle")
        for label in (self.agency_label, self.station_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            agency_box.addWidget(label)
        layout.addLayout(agency_box, 1)

        user_box = QVBoxLayout()
        user_box.setSpacing(0)
        self.user_label = QLabel()
        self.user_label.setStyleSheet("font-weight: bold;")
        self.roles_label = named(QLabel(), "HeaderSubtle")
        for label in (self.user_label, self.roles_label):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            user_box.addWidget(label)
        layout.addLayout(user_box)
        # The user menu: the officer's own account ("Change my password…") and signing out.
        self.user_menu = QMenu(self)
        for action in account_actions or []:
            self.user_menu.addAction(action)
        self.user_menu.addAction(sign_out)
        self.user_button = named(QToolButton(), "UserMenuButton")
        self.user_button.setMenu(self.user_menu)
        self.user_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.user_button.setVisible(bool(account_actions))
        layout.addWidget(self.user_button, 0, Qt.AlignmentFlag.AlignVCenter)

        self._refresh = self._button(refresh)
        self._language = QToolButton()
        self._language.setMenu(language_menu)
        self._language.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._language.setIcon(QIcon(str(i18n.RESOURCES / "icons" / "language.svg")))
        self._language.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._sign_out = self._button(sign_out)
        for button in (self._refresh, self._language, self._sign_out):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._retranslate()

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    def set_agency(self, agency: AgencyInfo) -> None:
        self._agency = agency
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            # The buttons' new words ("Refresh" is wider than "รีเฟรช") fit in this frame.
            lay_out_now(self)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        language = i18n.current_language()
        # The language button names the language in force, in that language.
        self._language.setText("ไทย" if language == "th" else "English")
        self._language.setToolTip(self.tr("Change the language of the screens"))
        self.user_button.setText(self.tr("Account"))
        self.user_button.setToolTip(
            self.tr("Your account: change your password, lock the screen, sign out")
        )
        user = self._user
        # The officer's own name as the agency's: in the UI language, the other in the tooltip.
        thai = user.display_name or user.username
        english = user.display_name_en or thai
        shown, other = (thai, english) if language == "th" else (english, thai)
        self.user_label.setText(shown)
        self.user_label.setToolTip(other if other != shown else "")
        self.roles_label.setText(roles_text(user.roles))
        agency = self._agency
        if agency is None:
            self.agency_label.clear()
            self.station_label.clear()
            return
        name = agency.name_th if language == "th" else (agency.name_en or agency.name_th)
        self.agency_label.setText(name)
        other = agency.name_en if language == "th" else agency.name_th
        self.agency_label.setToolTip(other)
        station = self.tr("Station {code} · {name}").format(
            code=agency.station_code, name=agency.station_name
        )
        self.station_label.setText(station)
