"""The scanned files of a counter request: the label, Add/Remove and the drop list.

A part of :class:`~ui.intake.counter_form.CounterForm` kept apart so the form stays about
the applicant and the request. It places its rows in the form's own layout (so the form
looks the same) and words itself in the form's translation context ("CounterForm"), so
the Thai catalogue keeps its entries.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from services.api import accepted_file_patterns
from ui.common.form_widgets import FileDropList
from ui.common.naming import named

__all__ = ["PATH_ROLE", "CounterFiles"]

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class CounterFiles:
    """The paths the officer picked or dropped, in order, each once."""

    def __init__(self, form: QFormLayout, dialog_parent: QWidget) -> None:
        self._parent = dialog_parent
        self._paths: list[str] = []
        self.file_list = FileDropList()
        self.file_list.files_did_drop.connect(self.add)
        # The buttons share the label's line, so the list shows one more file.
        file_buttons = QHBoxLayout()
        file_buttons.setSpacing(6)
        self.files_label = named(QLabel(), "FormLabel")
        # It wraps rather than widen the form past its panel: "Scanned documents (drop here)"
        # beside the two buttons pushed the fields under the scroll bar.
        self.files_label.setWordWrap(True)
        file_buttons.addWidget(self.files_label, 1)
        self.add_files_button = QPushButton()
        self.add_files_button.clicked.connect(self.pick)
        self.remove_files_button = QPushButton()
        self.remove_files_button.clicked.connect(self.remove_selected)
        self.remove_files_button.setEnabled(False)
        self.file_list.itemSelectionChanged.connect(
            lambda: self.remove_files_button.setEnabled(bool(self.file_list.selectedItems()))
        )
        file_buttons.addWidget(self.add_files_button, 0, Qt.AlignmentFlag.AlignBottom)
        file_buttons.addWidget(self.remove_files_button, 0, Qt.AlignmentFlag.AlignBottom)
        form.addRow(file_buttons)
        form.addRow(self.file_list)

    def paths(self) -> list[str]:
        return list(self._paths)

    def add(self, paths: list[str]) -> None:
        for path in paths:
            if path and path not in self._paths:
                self._paths.append(path)
        self._fill()

    def clear(self) -> None:
        self._paths.clear()
        self._fill()

    def pick(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self._parent,
            QCoreApplication.translate("CounterForm", "Choose the scanned documents"),
            "",
            # The types intake accepts, from its own table (TIFF is refused, so not offered).
            QCoreApplication.translate(
                "CounterForm", "Documents ({patterns});;All files (*)"
            ).format(patterns=accepted_file_patterns()),
        )
        self.add(paths)

    def remove_selected(self) -> None:
        chosen = {item.data(PATH_ROLE) for item in self.file_list.selectedItems()}
        self._paths = [p for p in self._paths if p not in chosen]
        self._fill()

    def _fill(self) -> None:
        self.file_list.clear()
        for path in self._paths:
            item = QListWidgetItem(Path(path).name)
            item.setToolTip(path)
            item.setData(PATH_ROLE, path)
            self.file_list.addItem(item)
        self.remove_files_button.setEnabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_files_button.setText(QCoreApplication.translate("CounterForm", "Add files…"))
        self.remove_files_button.setText(QCoreApplication.translate("CounterForm", "Remove"))
        self.file_list.setToolTip(
            QCoreApplication.translate(
                "CounterForm", "Drop scanned files here, or use “Add files…”"
            )
        )
        count = len(self._paths)
        if count == 0:
            self.files_label.setText(
                QCoreApplication.translate("CounterForm", "Scanned documents (drop here)")
            )
        else:
            self.files_label.setText(
                QCoreApplication.translate("CounterForm", "Scanned documents: {n}").format(n=count)
            )
