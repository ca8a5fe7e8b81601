"""The filter bar above the list: saved views, service, officer, channel, overdue, a date
range, the order, and "mine first".

The status is the queue pane's choice (the queue the officer is in); the bar narrows that
queue. :meth:`FilterBar.current_filter` is the bar's part of the
:class:`~services.api.ListFilter`; saved views keep the status too, and applying one chooses
its queue again (:attr:`FilterBar.view_did_apply`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QWidget,
)

from services.api import (
    Channel,
    ListFilter,
    Officer,
    SavedView,
    ServiceOption,
    SortOrder,
)
from ui.common import i18n
from ui.common.flow_layout import FlowLayout
from ui.common.form_widgets import ElidingComboBox
from ui.common.formatting import channel_label
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.thai_date_edit import ThaiDateEdit

__all__ = ["FilterBar"]

# The date boxes' "any day": their minimum, shown as a dash.
_ANY_DAY = QDate(2000, 1, 1)
_ANY = "\u2014"


def _date_of(edit: ThaiDateEdit) -> date | None:
    value = edit.date()
    return None if value == _ANY_DAY else date(value.year(), value.month(), value.day())


def _set_date(edit: ThaiDateEdit, value: date | None) -> None:
    edit.setDate(_ANY_DAY if value is None else QDate(value.year, value.month, value.day))


def _group(widgets: tuple[QWidget, ...]) -> QWidget:
    """Widgets that stay together on one line of the flow."""
    box = QWidget()
    line = QHBoxLayout(box)
    line.setContentsMargins(0, 0, 0, 0)
    line.setSpacing(4)
    for widget in widgets:
        line.addWidget(widget)
    return box


class FilterBar(Retranslating, QFrame):
    """The bar's widgets; what they choose is :meth:`current_filter`.

    Signals:
        filter_did_change(): the officer changed a choice (not when a view is applied
            from code: :attr:`view_did_apply` says that).
        view_did_apply(object ListFilter): a saved view was chosen.
        view_save_requested(str name): "Save view…" was confirmed with a name.
        view_delete_requested(str name): "Delete view" on the chosen view.
    """

    filter_did_change = Signal()
    view_did_apply = Signal(object)
    view_save_requested = Signal(str)
    view_delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FilterBar")
        self._views: list[SavedView] = []
        self._services: list[ServiceOption] = []
        self._officers: list[Officer] = []
        self._applying = False
        self.save_dialog: QInputDialog | None = None

        # The controls wrap to more lines in a narrow window (a flow, not fixed rows); a
        # label stays with its box.
        flow = FlowLayout(self)
        self.view_label = QLabel()
        self.view = named(ElidingComboBox(), "FilterView")
        self.view_label.setBuddy(self.view)
        self.save_button = named(QPushButton(), "FilterSaveView")
        self.delete_button = named(QPushButton(), "FilterDeleteView")
        self.service = named(ElidingComboBox(), "FilterService")
        self.officer = named(ElidingComboBox(), "FilterOfficer")
        self.channel = named(QComboBox(), "FilterChannel")
        for combo, width in ((self.view, 150), (self.service, 230), (self.officer, 170)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.setFixedWidth(width)
        self.from_label = QLabel()
        self.date_from = named(ThaiDateEdit(), "FilterFrom")
        self.to_label = QLabel()
        self.date_to = named(ThaiDateEdit(), "FilterTo")
        for edit in (self.date_from, self.date_to):
            edit.setMinimumDate(_ANY_DAY)
            edit.setSpecialValueText(_ANY)
            edit.setDate(_ANY_DAY)
        self.from_label.setBuddy(self.date_from)
        self.to_label.setBuddy(self.date_to)
        self.overdue = named(QCheckBox(), "FilterOverdue")
        self.mine_only = named(QCheckBox(), "FilterMineOnly")
        self.mine_first = named(QCheckBox(), "FilterMineFirst")
        self.mine_first.setChecked(True)
        self.sort_label = QLabel()
        self.sort = named(QComboBox(), "FilterSort")
        self.sort_label.setBuddy(self.sort)
        # Fixed widths: the bar keeps its lines as they are whatever the language.
        for fixed, width in ((self.channel, 150), (self.sort, 150)):
            fixed.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            fixed.setMinimumContentsLength(6)
            fixed.setFixedWidth(width)
        self.clear_button = named(QPushButton(), "FilterClear")
        groups: list[tuple[QWidget, ...]] = [
            (self.view_label, self.view, self.save_button, self.delete_button),
            (self.service,),
            (self.officer,),
            (self.channel,),
            (self.from_label, self.date_from, self.to_label, self.date_to),
            (self.overdue, self.mine_only, self.mine_first),
            (self.sort_label, self.sort),
            (self.clear_button,),
        ]
        self._groups = [_group(group) for group in groups]
        for box in self._groups:
            flow.addWidget(box)

        for choice in (self.service, self.officer, self.channel, self.sort):
            choice.currentIndexChanged.connect(self._changed)
        for check in (self.overdue, self.mine_only, self.mine_first):
            check.toggled.connect(self._changed)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._changed)
        self.view.activated.connect(self._view_chosen)
        self.save_button.clicked.connect(self.ask_view_name)
        self.delete_button.clicked.connect(self._delete_view)
        self.clear_button.clicked.connect(self.clear)
        self.retranslate()

    # -- what the bar chooses -------------------------------------------------------------

    def current_filter(self) -> ListFilter:
        """The bar's choices (without the status: that is the queue pane's)."""
        service = self.service.currentData()
        officer = self.officer.currentData()
        channel = self.channel.currentData()
        return ListFilter(
            services=() if service is None else (str(service),),
            officer=None if officer is None else str(officer),
            channels=() if channel is None else (str(channel),),
            overdue_only=self.overdue.isChecked(),
            received_from=_date_of(self.date_from),
            received_to=_date_of(self.date_to),
            sort=SortOrder(self.sort.currentData() or SortOrder.FIRST_COME),
            mine_first=self.mine_first.isChecked(),
            assigned_to_me=self.mine_only.isChecked(),
        )

    def apply(self, list_filter: ListFilter) -> None:
        """Show ``list_filter``'s choices (no :attr:`filter_did_change`)."""
        self._applying = True
        try:
            self._choose(self.service, list_filter.services[0] if list_filter.services else None)
            self._choose(self.officer, list_filter.officer)
            self._choose(self.channel, list_filter.channels[0] if list_filter.channels else None)
            self._choose(self.sort, str(list_filter.sort))
            self.overdue.setChecked(list_filter.overdue_only)
            self.mine_only.setChecked(list_filter.assigned_to_me)
            self.mine_first.setChecked(list_filter.mine_first)
            _set_date(self.date_from, list_filter.received_from)
            _set_date(self.date_to, list_filter.received_to)
        finally:
            self._applying = False

    def clear(self) -> None:
        """Back to no filter (first come, mine first), as a change of the officer's."""
        self.apply(ListFilter())
        self.view.setCurrentIndex(0)
        self.filter_did_change.emit()

    @staticmethod
    def _choose(combo: QComboBox, value: Any) -> None:
        index = combo.findData(value) if value is not None else 0
        combo.setCurrentIndex(max(index, 0))

    def _changed(self, *_: Any) -> None:
        if not self._applying:
            self.view.setCurrentIndex(0)  # no longer the saved view as it was
            self.delete_button.setEnabled(False)
            self.filter_did_change.emit()

    # -- choices from the services ----------------------------------------------------------

    def set_options(self, services: list[ServiceOption], officers: list[Officer]) -> None:
        chosen = self.current_filter()
        self._services, self._officers = services, officers
        self._fill()
        self.apply(chosen)

    def set_views(self, views: list[SavedView], current: str = "") -> None:
        self._views = views
        self._fill_views(current)

    def _fill(self) -> None:
        language = i18n.current_language()
        self._applying = True
        try:
            self.service.clear()
            self.service.addItem(self.tr("All services"), None)
            self.service.addItem(self.tr("Not yet classified"), "")
            for option in self._services:
                name = option.name_th if language == "th" else option.name_en or option.name_th
                self.service.addItem(name, option.code)
            self.officer.clear()
            self.officer.addItem(self.tr("Any officer"), None)
            self.officer.addItem(self.tr("Nobody (unassigned)"), "")
            for person in self._officers:
                self.officer.addItem(person.display_name, person.username)
            self.channel.clear()
            self.channel.addItem(self.tr("All channels"), None)
            for channel in (Channel.EMAIL, Channel.DRIVE, Channel.COUNTER):
                self.channel.addItem(channel_label(channel), str(channel))
            self.sort.clear()
            self.sort.addItem(self.tr("First come first"), str(SortOrder.FIRST_COME))
            self.sort.addItem(self.tr("Due soonest first"), str(SortOrder.SLA_DUE))
            self.sort.addItem(self.tr("Newest first"), str(SortOrder.NEWEST))
        finally:
            self._applying = False

    def _fill_views(self, current: str) -> None:
        self.view.blockSignals(True)
        self.view.clear()
        self.view.addItem(self.tr("(none)"), None)
        for saved in self._views:
            self.view.addItem(saved.name, saved.name)
        self.view.setCurrentIndex(max(self.view.findData(current), 0) if current else 0)
        self.view.blockSignals(False)
        self.delete_button.setEnabled(self.view.currentIndex() > 0)

    # -- saved views --------------------------------------------------------------------

    def current_view(self) -> str:
        data = self.view.currentData()
        return str(data) if data else ""

    def _view_chosen(self, index: int) -> None:
        name = self.view.itemData(index)
        self.delete_button.setEnabled(bool(name))
        saved = next((v for v in self._views if v.name == name), None)
        if saved is None:
            return
        self.apply(saved.filter)
        self.view_did_apply.emit(saved.filter)

    def ask_view_name(self) -> None:
        """ "Save view…": ask its name (the dialog stays open until confirmed or cancelled)."""
        dialog = QInputDialog(self)
        dialog.setObjectName("SaveViewDialog")
        dialog.setWindowTitle(self.tr("Save view"))
        dialog.setLabelText(self.tr("Name of this view (for example “Overdue food shops”):"))
        dialog.setTextValue(self.current_view())
        dialog.textValueSelected.connect(self.view_save_requested.emit)
        dialog.finished.connect(dialog.deleteLater)
        self.save_dialog = dialog
        dialog.open()

    def _delete_view(self) -> None:
        name = self.current_view()
        if name:
            self.view_delete_requested.emit(name)

    # -- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        chosen, view = self.current_filter(), self.current_view()
        self.view_label.setText(self.tr("&View"))
        self.save_button.setText(self.tr("Save view…"))
        self.delete_button.setText(self.tr("Delete view"))
        self.from_label.setText(self.tr("Received &from"))
        self.to_label.setText(self.tr("&to"))
        self.overdue.setText(self.tr("&Overdue only"))
        self.mine_only.setText(self.tr("Assigned to &me"))
        self.mine_first.setText(self.tr("Mine &first"))
        self.sort_label.setText(self.tr("&Order"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.service.setToolTip(self.tr("Service"))
        self.officer.setToolTip(self.tr("Officer holding the request"))
        self.channel.setToolTip(self.tr("Channel the request came by"))
        self._fill()
        self.apply(chosen)
        self._fill_views(view)
        self.view.setAccessibleName(self.tr("Saved views"))
        self.date_from.setAccessibleName(self.tr("Received from"))
        self.date_to.setAccessibleName(self.tr("Received to"))
        for label in (self.view_label, self.from_label, self.to_label, self.sort_label):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._lay_out_now()

    def _lay_out_now(self) -> None:
        """Fit the groups to their new words at once. Left to the posted layout requests,
        each nesting level waits for another turn of the event loop, and the first frames
        after a language change kept the old language's widths: "Clear filters" (wider in
        English) was cut."""
        for box in self._groups:
            line = box.layout()
            if line is not None:
                line.activate()  # sizes the group to its words and tells the flow
        flow = self.layout()
        if flow is not None:
            flow.invalidate()
            flow.activate()
