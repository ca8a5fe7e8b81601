"""The services of the catalog in force: a list, the chosen service in full, the versions;
for the administrator, "Edit…", "Import file…" and "Export file…"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from services.api import (
    CatalogChange,
    CatalogError,
    CatalogPort,
    CatalogView,
    ServiceSpec,
    SignedInUser,
)
from ui.catalog.service_form import ServiceFormDialog
from ui.catalog.service_text import ServiceText
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.formatting import format_date
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tables import choice_table
from ui.common.tasks import TaskRunner

__all__ = ["ServicesTab", "version_line"]

_FALLBACK = (
    "อ่านหรือบันทึกรายการบริการไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "The catalog could not be read or saved because of an internal error. "
    "Please tell your administrator.",
)
_TOML_FILTER = "TOML (*.toml)"


def version_line(number: int, when: object, by: str, source: str, note: str) -> str:
    """``3 · 5 Dec 2026 10:00 · admin · form — FOOD-NOTICE: form``."""
    sources = {
        "file": QCoreApplication.translate("CatalogVersions", "file"),
        "form": QCoreApplication.translate("CatalogVersions", "form"),
        "import": QCoreApplication.translate("CatalogVersions", "import"),
        "migration": QCoreApplication.translate("CatalogVersions", "upgrade"),
    }
    from datetime import datetime

    moment = format_date(when, i18n.current_language()) if isinstance(when, datetime) else ""
    system = QCoreApplication.translate("CatalogVersions", "the system")
    who = system if by.startswith("system") else by
    text = f"{number} · {moment} · {who} · {sources.get(source, source)}"
    return f"{text} — {note}" if note else text


class ServicesTab(Retranslating, QWidget):
    """Signals:
    catalog_did_change(object): a change was saved (its :class:`CatalogChange`).
    """

    catalog_did_change = Signal(object)

    def __init__(
        self,
        port: CatalogPort,
        runner: TaskRunner,
        user: SignedInUser,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ServicesTab")
        self._port, self._runner, self._user = port, runner, user
        self._view: CatalogView | None = None
        self._words = ServiceText(self)
        self.dialog: ServiceFormDialog | None = None
        # Where "Import file…" and "Export file…" ask for a file (tests answer instead).
        self.choose_open: Callable[[], str] = self._ask_open
        self.choose_save: Callable[[], str] = self._ask_save

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.version_label = named(QLabel(), "Hint")
        self.version_label.setWordWrap(True)
        top.addWidget(self.version_label, 1)
        self.edit_button = named(QPushButton(), "Primary")
        self.import_button = QPushButton()
        self.export_button = QPushButton()
        for button, slot in (
            (self.edit_button, self.edit_service),
            (self.import_button, self.import_file),
            (self.export_button, self.export_file),
        ):
            button.clicked.connect(slot)
            button.hide()  # until the services say this officer may change the catalog
            top.addWidget(button)
        layout.addLayout(top)
        self.notice = ErrorBox(dismissable=True)
        layout.addWidget(self.notice)
        self.problems = named(QListWidget(), "CatalogProblems")
        self.problems.setWordWrap(True)
        self.problems.hide()
        layout.addWidget(self.problems)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.table = choice_table("ServicesTable", 4, stretch=3)
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_service())
        split.addWidget(self.table)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.detail = named(QTextBrowser(), "ServiceDetail")
        right_layout.addWidget(self.detail, 3)
        self.versions_title = named(QLabel(), "SectionTitle")
        right_layout.addWidget(self.versions_title)
        self.versions = named(QListWidget(), "CatalogVersions")
        self.versions.setWordWrap(True)
        self.versions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_layout.addWidget(self.versions, 1)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([560, 460])
        layout.addWidget(split, 1)
        self.retranslate()

    # -- text ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.edit_button.setText(self.tr("&Edit service…"))
        self.import_button.setText(self.tr("&Import catalog file…"))
        self.export_button.setText(self.tr("E&xport catalog file…"))
        self.versions_title.setText(self.tr("Catalog versions"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Fee"), self.tr("Service level"), self.tr("Service")]
        )
        self._fill()

    # -- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        port, user = self._port, self._user
        self._runner.run(lambda: port.catalog(user), self._loaded, owner=self, label="catalog")

    def _loaded(self, view: CatalogView | None, error: BaseException | None) -> None:
        if error is not None or view is None:
            self.notice.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
            return
        selected = self.selected()
        self._view = view
        for button in (self.edit_button, self.import_button, self.export_button):
            button.setVisible(view.may_edit)
        self._fill()
        self.select(selected.code if selected else view.services[0].code if view.services else "")

    def view(self) -> CatalogView | None:
        return self._view

    def _fill(self) -> None:
        view = self._view
        if view is None:
            return
        thai = i18n.current_language() == "th"
        latest = view.versions[0] if view.versions else None
        if latest is not None:
            self.version_label.setText(
                self.tr("Catalog version {n}, saved {when} by {who}. {count} services.").format(
                    n=view.version,
                    when=format_date(latest.created_at, i18n.current_language()),
                    who=self.tr("the system")
                    if latest.created_by.startswith("system")
                    else latest.created_by,
                    count=len(view.services),
                )
            )
        self.table.setRowCount(len(view.services))
        for row, spec in enumerate(view.services):
            cells = (
                spec.code,
                self._words.amount(spec),
                self._words.days(spec.sla_business_days),
                spec.name_th if thai else spec.name_en,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(self._words.fee(spec) if column == 1 else text)
                self.table.setItem(row, column, item)
        self.versions.clear()
        for info in view.versions:
            changed = ", ".join(info.changed[:4]) + (" …" if len(info.changed) > 4 else "")
            self.versions.addItem(
                version_line(info.number, info.created_at, info.created_by, info.source, changed)
            )
        self._show_selected()

    def selected(self) -> ServiceSpec | None:
        view = self._view
        index = self.table.currentRow()
        if view is None or not 0 <= index < len(view.services):
            return None
        return view.services[index]

    def select(self, code: str) -> bool:
        view = self._view
        for index, spec in enumerate(view.services if view else ()):
            if spec.code == code:
                self.table.selectRow(index)
                return True
        return False

    def _show_selected(self) -> None:
        spec = self.selected()
        self.detail.setHtml(self._words.html(spec, i18n.current_language()) if spec else "")
        self.edit_button.setEnabled(spec is not None)

    # -- changes (administrator) ----------------------------------------------------------

    def edit_service(self) -> None:
        spec, view = self.selected(), self._view
        if spec is None or view is None or not view.may_edit:
            return
        self.notice.clear()
        dialog = ServiceFormDialog(self._port, self._runner, self._user, spec, view.version, self)
        dialog.service_did_change.connect(self._changed)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def import_file(self) -> None:
        view = self._view
        if view is None or not view.may_edit:
            return
        chosen = self.choose_open()
        if not chosen:
            return
        self.notice.clear()
        self.problems.hide()
        port, user, base, path = self._port, self._user, view.version, Path(chosen)
        self._runner.run(
            lambda: port.import_catalog(user, base, path),
            self._imported,
            owner=self,
            label="import",
        )

    def _imported(self, change: CatalogChange | None, error: BaseException | None) -> None:
        if isinstance(error, CatalogError):
            # Every problem with its line, as the file's author needs them.
            self.notice.show_message(
                f"ไฟล์มีข้อผิดพลาด {len(error.problems)} รายการ จึงไม่ได้เปลี่ยนแปลงอะไร "
                "ให้แก้ไขไฟล์ตามรายการด้านล่างแล้วนำเข้าอีกครั้ง",
                f"The file has {len(error.problems)} problem(s), so nothing was changed. "
                "Correct them as listed below and import it again.",
            )
            self.problems.clear()
            for problem in error.problems:
                self.problems.addItem(f"{problem.text_th()}\n{problem.text_en()}")
            self.problems.show()
            return
        if error is not None or change is None:
            self.notice.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
            return
        self._changed(change)

    def _changed(self, change: CatalogChange) -> None:
        self.problems.hide()
        if change.version is None:
            self.notice.show_message(
                "รายการบริการเหมือนเดิมทุกประการ จึงไม่ได้สร้างฉบับใหม่",
                "The catalog already said exactly this; no new version was made.",
            )
        self.refresh()
        self.catalog_did_change.emit(change)

    def export_file(self) -> None:
        chosen = self.choose_save()
        if not chosen:
            return
        port, user, path = self._port, self._user, Path(chosen)
        self._runner.run(
            lambda: port.export_catalog(user, path), self._exported, owner=self, label="export"
        )

    def _exported(self, _result: object, error: BaseException | None) -> None:
        if error is not None:
            self.notice.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])

    def _ask_open(self) -> str:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import catalog file"), "", _TOML_FILTER
        )
        return name

    def _ask_save(self) -> str:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export catalog file"), "services.toml", _TOML_FILTER
        )
        return name
