"""The document viewer's tool bar: which document, which page, zoom, fit, turn, open outside.

Only buttons and labels; :class:`~ui.viewer.document_viewer.DocumentViewer` connects them. The
buttons never take the focus, so the review screen's keys keep working after a click.

The bar is shown as narrow as ~300 px (the approval page gives the viewer ~390): a layout
squeezed below its minimum draws its widgets over each other, so when the bar is narrow the
least needed controls step into a "More" menu, the least needed first (open outside, turn,
fit, the zoom figure, the zoom buttons, and last the buttons stepping between documents, whose
keys and list still do it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from services.api import DocumentInfo
from ui.common import i18n
from ui.common.form_widgets import ElidingComboBox
from ui.common.naming import named
from ui.common.retranslating import Retranslating

__all__ = ["ViewerToolbar"]

# The document list's width in characters the bar keeps before folding anything away.
_COMBO_ROOMY = 12
# The page figure's width when there is room ("12 / 12" does not jitter as pages turn).
_PAGE_LABEL_ROOMY = 64


def _tool(icon: str) -> QToolButton:
    button = QToolButton()
    button.setIcon(QIcon(str(i18n.RESOURCES / "icons" / f"{icon}.svg")))
    button.setIconSize(QSize(18, 18))
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class ViewerToolbar(Retranslating, QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ViewerBar")
        row = self._row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        row.setSpacing(2)
        self.previous_document_button = _tool("doc_previous")
        self.next_document_button = _tool("doc_next")
        self.document_combo = named(ElidingComboBox(), "DocumentCombo")
        self.document_combo.setSizeAdjustPolicy(
            ElidingComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.document_combo.setMinimumContentsLength(_COMBO_ROOMY)
        self.document_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document_combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        row.addWidget(self.previous_document_button)
        row.addWidget(self.document_combo, 1)
        row.addWidget(self.next_document_button)
        row.addSpacing(8)
        self.previous_page_button = _tool("page_up")
        self.page_label = named(QLabel(), "PageLabel")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label.setMinimumWidth(_PAGE_LABEL_ROOMY)
        self.next_page_button = _tool("page_down")
        for widget in (self.previous_page_button, self.page_label, self.next_page_button):
            row.addWidget(widget)
        row.addSpacing(8)
        self.zoom_out_button = _tool("zoom_out")
        self.zoom_label = named(QLabel(), "ZoomLabel")
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setMinimumWidth(46)
        self.zoom_in_button = _tool("zoom_in")
        self.fit_button = _tool("fit_width")
        self.fit_button.setCheckable(True)
        self.rotate_button = _tool("rotate")
        self.open_button = _tool("open_external")
        for widget in (
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
            self.fit_button,
            self.rotate_button,
            self.open_button,
        ):
            row.addWidget(widget)
        self._build_overflow(row)
        self.retranslate()

    def _build_overflow(self, row: QHBoxLayout) -> None:
        """The "More" button and its menu; each entry clicks the bar's own (hidden) button,
        so the viewer's connections serve both."""
        self.more_button = named(QToolButton(), "ViewerMore")
        self.more_button.setAutoRaise(True)
        self.more_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setText("⋯")
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.more_menu = QMenu(self.more_button)
        self.more_menu.aboutToShow.connect(self._sync_menu)
        self.more_button.setMenu(self.more_menu)
        row.addWidget(self.more_button)
        self._menu_actions: dict[QToolButton, QAction] = {}
        for button in (
            self.previous_document_button,
            self.next_document_button,
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_button,
            self.rotate_button,
            self.open_button,
        ):
            action = QAction(button.icon(), "", self.more_menu)
            action.setCheckable(button.isCheckable())
            action.triggered.connect(button.click)
            self.more_menu.addAction(action)
            self._menu_actions[button] = action
        # What steps into the menu, the least needed first; level n folds the first n groups.
        groups: list[tuple[QWidget, ...]] = [
            (self.open_button,),
            (self.rotate_button,),
            (self.fit_button,),
            (self.zoom_label,),
            (self.zoom_out_button, self.zoom_in_button),
            (self.previous_document_button, self.next_document_button),
        ]
        self._levels: list[tuple[QWidget, ...]] = [
            tuple(w for group in groups[:n] for w in group) for n in range(len(groups) + 1)
        ]
        self._level = -1
        self._apply_level(0)

    def _sync_menu(self) -> None:
        for button, action in self._menu_actions.items():
            action.setVisible(button.isHidden())
            action.setEnabled(button.isEnabled())
            action.setChecked(button.isChecked())

    def _apply_level(self, level: int) -> None:
        if level == self._level:
            return
        self._level = level
        hidden = set(self._levels[level])
        for widget in self._levels[-1]:
            widget.setVisible(widget not in hidden)
        self.more_button.setVisible(level > 0)
        # At the narrowest the list and the page figure take what is left.
        last = level == len(self._levels) - 1
        self.document_combo.setMinimumContentsLength(1 if last else _COMBO_ROOMY)
        self.page_label.setMinimumWidth(0 if last else _PAGE_LABEL_ROOMY)

    def _width_at(self, level: int) -> int:
        """The width the bar needs with ``level``'s controls in the menu (the list at the
        length it has at that level)."""
        hidden = set(self._levels[level])
        row = self._row
        shown: list[QWidget] = []
        for i in range(row.count()):
            item = row.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is None:
                continue
            if widget in hidden or (widget is self.more_button and level == 0):
                continue
            shown.append(widget)
        last = level == len(self._levels) - 1
        combo = self.document_combo
        x_width = combo.fontMetrics().horizontalAdvance("x")  # Qt's unit for the length
        roomy = combo.sizeHint().width() + x_width * (_COMBO_ROOMY - combo.minimumContentsLength())
        width = 0
        for widget in shown:
            if widget is combo:
                width += combo.minimumSizeHint().width() if last else roomy
            elif widget is self.page_label:
                text = widget.sizeHint().width()
                width += text if last else max(text, _PAGE_LABEL_ROOMY)
            else:
                width += widget.sizeHint().width()
        margins = row.contentsMargins()
        return width + row.spacing() * (len(shown) - 1) + 16 + margins.left() + margins.right()

    def _fit_width(self, width: int) -> None:
        for level in range(len(self._levels)):
            if self._width_at(level) <= width:
                self._apply_level(level)
                return
        self._apply_level(len(self._levels) - 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self._fit_width(event.size().width())
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        # The narrowest the bar can be with everything it can spare in the menu, so the
        # page may give it less than the full row and the bar folds instead of overlapping.
        return QSize(self._width_at(len(self._levels) - 1), super().minimumSizeHint().height())

    def retranslate(self) -> None:
        self.previous_document_button.setToolTip(self.tr("Previous document (Ctrl+PgUp, Alt+←)"))
        self.next_document_button.setToolTip(self.tr("Next document (Ctrl+PgDown, Alt+→)"))
        self.previous_page_button.setToolTip(self.tr("Previous page (PgUp)"))
        self.next_page_button.setToolTip(self.tr("Next page (PgDown)"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+−)"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.fit_button.setToolTip(self.tr("Fit to width (Ctrl+0)"))
        self.rotate_button.setToolTip(self.tr("Turn a quarter clockwise (Ctrl+R)"))
        self.open_button.setToolTip(self.tr("Open with the system viewer"))
        self.document_combo.setToolTip(self.tr("Documents of this request"))
        self.more_button.setToolTip(self.tr("More tools"))
        for button, action in self._menu_actions.items():
            action.setText(button.toolTip())

    # -- what the viewer shows (words in the viewer's own translation context) -------------

    def show_documents(self, documents: list[DocumentInfo | None], index: int) -> None:
        """Fill the list: None stands for the request's message (first), then the files."""
        combo = self.document_combo
        combo.blockSignals(True)
        combo.clear()
        mail_icon = QIcon(str(i18n.RESOURCES / "icons" / "mail.svg"))
        total = len(documents) - 1
        for number, info in enumerate(documents):
            if info is None:
                combo.addItem(
                    mail_icon,
                    QCoreApplication.translate("DocumentViewer", "Message from the applicant"),
                )
            else:
                text = f"{number}/{total}  {info.filename}"
                tip = info.filename
                if info.withdrawn:
                    # Kept in the record, never used: struck through and said in words first
                    # (a narrow list elides the end of the line).
                    label = QCoreApplication.translate("DocumentViewer", "withdrawn copy")
                    text = f"{number}/{total}  [{label}]  {info.filename}"
                    tip += "\n" + QCoreApplication.translate(
                        "DocumentViewer", "Withdrawn: {reason}"
                    ).format(reason=info.withdrawn_reason)
                elif info.derived_from:
                    text += "  ·  " + QCoreApplication.translate("DocumentViewer", "certified copy")
                combo.addItem(text)
                combo.setItemData(number, tip, Qt.ItemDataRole.ToolTipRole)
                if info.withdrawn:
                    struck = QFont(combo.font())
                    struck.setStrikeOut(True)
                    combo.setItemData(number, struck, Qt.ItemDataRole.FontRole)
                    combo.setItemData(number, QColor("#7a8594"), Qt.ItemDataRole.ForegroundRole)
        combo.blockSignals(False)
        self.show_index(index)

    def show_index(self, index: int) -> None:
        """Select entry ``index`` without telling anyone (the viewer chose it)."""
        combo = self.document_combo
        combo.blockSignals(True)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)
        # The list's own line shows a withdrawn copy struck through as well.
        struck = combo.itemData(index, Qt.ItemDataRole.FontRole) is not None
        font = combo.font()
        if font.strikeOut() != struck:
            font.setStrikeOut(struck)
            combo.setFont(font)

    def show_state(self, *, index: int, count: int, kind: str, page: int, pages: int) -> None:
        """Enable what makes sense for entry ``index`` of ``count`` of ``kind``, at ``page``
        (0-based) of ``pages``."""
        self.previous_document_button.setEnabled(index > 0)
        self.next_document_button.setEnabled(0 <= index < count - 1)
        self.page_label.setText(
            QCoreApplication.translate("DocumentViewer", "{page} / {count}").format(
                page=page + 1, count=pages
            )
            if kind == "pdf"
            else ""
        )
        # The viewer's words are in its own context of the Thai catalogue, written out in full
        # (lupdate only finds translate() calls with literal arguments).
        tip = QCoreApplication.translate("DocumentViewer", "Page {page} of {count}")
        self.page_label.setToolTip(tip.format(page=page + 1, count=pages))
        self.previous_page_button.setEnabled(kind == "pdf" and page > 0)
        self.next_page_button.setEnabled(kind == "pdf" and page < pages - 1)
        self.rotate_button.setEnabled(kind in ("pdf", "image"))
        self.open_button.setEnabled(kind not in ("message", "none"))
