"""The workstation's look: a calm light theme with one restrained accent (deep blue).

Applied once to the application by :func:`apply_theme`; widgets pick out their special
parts by ``objectName`` (``HeaderBand``, ``Primary`` buttons, ``ErrorBox`` …) rather than
setting colours themselves, so the palette lives in this one file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

__all__ = ["ACCENT", "ROW_HEIGHT", "apply_theme"]

ACCENT = "#1f4e79"
ACCENT_HOVER = "#275f92"
ACCENT_SOFT = "#e3ecf6"
TEXT = "#1f2933"
MUTED = "#5f6b7a"
BORDER = "#d5dde6"
WINDOW = "#f4f6f9"
# What cannot be used now: light enough to read as unavailable at a glance next to TEXT,
# dark enough to still be read (a refused signing way stays visible beside its reason).
DISABLED_TEXT = "#9aa5b1"
ROW_HEIGHT = 38  # Thai marks above and below the line need air; rows stay easy to hit.
# Style sheets take file paths with forward slashes on every platform.
CHEVRON = (Path(__file__).resolve().parents[2] / "resources/icons/chevron_down.svg").as_posix()
CHEVRON_UP = (Path(__file__).resolve().parents[2] / "resources/icons/chevron_up.svg").as_posix()

STYLE_SHEET = f"""
QMainWindow, QDialog {{ background: {WINDOW}; }}
QWidget {{ color: {TEXT}; }}
/* Sarabun draws "_" below its own descent line, so a label exactly one line high cut it off
   ("scan_id_card.pdf" read "scan id card.pdf", worst in bold titles): 2 px cover it up to
   18 pt. */
QLabel {{ padding-bottom: 2px; }}
QToolTip {{ color: {TEXT}; background: #ffffff; border: 1px solid {BORDER}; padding: 4px; }}

#HeaderBand {{ background: {ACCENT}; }}
#HeaderBand QLabel {{ color: #ffffff; }}
#HeaderBand QLabel#HeaderSubtle {{ color: #c8d7e8; }}
#HeaderBand QToolButton {{
    color: #ffffff; background: transparent; border: 1px solid #4a729a;
    border-radius: 4px; padding: 4px 12px;
}}
#HeaderBand QToolButton:hover {{ background: {ACCENT_HOVER}; }}
#HeaderBand QToolButton::menu-indicator {{ image: none; width: 0; }}
QLabel#AgencyName {{ font-size: 13pt; font-weight: bold; }}
QLabel#DialogAgencyName {{ font-size: 15pt; font-weight: bold; color: {ACCENT}; }}
QLabel#DialogAgencyNameEn, QLabel#Muted {{ color: {MUTED}; }}
/* A page's own title (approval, fees, issuing) reads as the list's and the reports' do. */
QLabel#SectionTitle, QLabel#PageTitle {{ font-size: 11pt; font-weight: bold; color: {ACCENT}; }}
QLabel#PaneTitle {{
    color: {MUTED}; font-weight: bold; padding: 10px 12px 4px 12px;
}}

#SignInCard {{ background: #ffffff; border: 1px solid {BORDER}; border-radius: 8px; }}
#SignInHeader {{ background: {ACCENT}; border-top-left-radius: 8px;
    border-top-right-radius: 8px; }}
#SignInHeader QLabel {{ color: #ffffff; }}

QLineEdit {{
    background: #ffffff; border: 1px solid #c3ccd7; border-radius: 4px;
    padding: 6px 8px; selection-background-color: {ACCENT};
}}
QLineEdit:focus {{ border: 1px solid {ACCENT}; }}
QPushButton {{
    background: #ffffff; border: 1px solid #b9c4d0; border-radius: 4px; padding: 6px 14px;
}}
QPushButton:hover {{ background: {ACCENT_SOFT}; }}
QPushButton#Primary {{
    background: {ACCENT}; color: #ffffff; border: 1px solid {ACCENT}; font-weight: bold;
    padding: 8px 18px;
}}
QPushButton#Primary:hover {{ background: {ACCENT_HOVER}; }}
QPushButton#Primary:disabled {{ background: #9db1c6; border-color: #9db1c6; }}
QToolButton#LanguageButton {{
    background: #ffffff; border: 1px solid #b9c4d0; padding: 4px 12px;
}}
QToolButton#LanguageButton:checked {{
    background: {ACCENT}; color: #ffffff; border-color: {ACCENT};
}}

QLabel#DemoBanner {{
    background: #fff4d6; color: #6b4a00; border: 1px solid #f0d38a; padding: 6px 12px;
}}
QLabel#OfflineBanner {{
    background: #fdeceb; color: #8e1b1b; border: 1px solid #f1b9b5; padding: 6px 12px;
    font-weight: bold;
}}
#ErrorBox {{
    background: #fdeceb; border: 1px solid #f1b9b5; border-radius: 4px;
}}
#ErrorBox QLabel {{ color: #8e1b1b; }}
QToolButton#DismissButton {{
    color: #8e1b1b; font-size: 16px; border: none; padding: 0 4px; background: transparent;
}}
QToolButton#DismissButton:hover {{ background: rgba(0, 0, 0, 0.08); border-radius: 3px; }}

QListWidget#QueueList {{
    background: #ffffff; border: none; border-right: 1px solid {BORDER}; outline: 0;
}}
QListWidget#QueueList::item {{ padding: 0 8px; border-left: 3px solid transparent; }}
QListWidget#QueueList::item:hover {{ background: #f0f4f9; }}
QListWidget#QueueList::item:selected {{
    background: {ACCENT_SOFT}; color: {ACCENT}; border-left: 3px solid {ACCENT};
}}
#QueuePane {{ background: #ffffff; }}

QTableView {{
    background: #ffffff; alternate-background-color: #f8fafc; border: 1px solid {BORDER};
    gridline-color: #edf1f5; selection-background-color: #d6e4f2; selection-color: {TEXT};
    outline: 0;
}}
QHeaderView::section {{
    background: #eef2f7; color: #344357; font-weight: bold; border: none;
    border-right: 1px solid #e0e6ed; border-bottom: 1px solid {BORDER}; padding: 6px 8px;
}}
/* A date field's calendar popup (Qt's own object names): the day grid is a QTableView, whose
   border above left Qt's height for it 2 px short, cutting the last week in half; the month
   and year sit on the accent-coloured bar, where the text colour above was dark on blue. */
QTableView#qt_calendar_calendarview {{ border: none; }}
#qt_calendar_navigationbar QToolButton {{ color: #ffffff; }}
#DetailPanel {{ background: #ffffff; border-left: 1px solid {BORDER}; }}
#DetailPanel QScrollArea {{ background: #ffffff; border: none; }}
#DetailForm {{ background: #ffffff; }}
QLabel#DetailTitle {{ font-size: 13pt; font-weight: bold; color: {ACCENT}; }}
QLabel#FieldName {{ color: {MUTED}; padding-top: 6px; }}
QStatusBar {{ background: #eef2f7; border-top: 1px solid {BORDER}; color: #344357; }}
QSplitter::handle {{ background: {BORDER}; }}
QSplitter::handle:horizontal {{ width: 1px; }}

QPlainTextEdit, QComboBox {{
    background: #ffffff; border: 1px solid #c3ccd7; border-radius: 4px; padding: 4px 8px;
    selection-background-color: {ACCENT};
}}
QPlainTextEdit:focus, QComboBox:focus {{ border: 1px solid {ACCENT}; }}
QComboBox {{ padding-right: 24px; }}
QComboBox::drop-down {{ border: none; width: 22px; }}
QComboBox::down-arrow {{ image: url({CHEVRON}); width: 12px; height: 12px; }}
QLabel#FormLabel {{ color: {MUTED}; padding-top: 3px; }}
QLabel#Hint {{ color: {MUTED}; }}
QLabel#Hint[tone="error"], QLabel#HintError {{ color: #a4262c; }}
QLabel#Hint[tone="ok"] {{ color: #1e6b34; }}
QLineEdit[tone="error"] {{ border: 1px solid #a4262c; background: #fff7f6; }}
#StampPreview {{ background: #f7f9ff; border: 2px solid #0d339e; border-radius: 6px; }}
#StampPreview QLabel {{ color: #0d339e; }}
QLabel#Notice {{
    background: #e3f1e6; color: #1e5c2e; border: 1px solid #b9dcc2; border-radius: 4px;
    padding: 6px 10px;
}}
#SuccessBox {{ background: #e3f1e6; border: 1px solid #9fcdab; border-radius: 6px; }}
QLabel#SuccessLead {{ color: #1e5c2e; font-weight: bold; }}
QLabel#SuccessText {{ color: #1e5c2e; font-size: 14pt; font-weight: bold; }}

#SyncIndicator QToolButton {{
    background: transparent; border: 1px solid transparent; border-radius: 4px;
    padding: 2px 6px;
}}
#SyncIndicator QToolButton:hover, #SyncIndicator QToolButton:checked {{
    background: {ACCENT_SOFT};
}}
#SyncIndicator QToolButton#SyncNow {{ background: #ffffff; border: 1px solid #b9c4d0; }}
#SyncIndicator QToolButton#SyncNow:hover {{ background: {ACCENT_SOFT}; }}
QToolButton#SyncState[state="error"] {{ color: #a4262c; font-weight: bold; }}
QToolButton#SyncState[state="offline"] {{ color: #8a5a00; font-weight: bold; }}
QLabel#SyncSummary {{ color: {MUTED}; }}
QProgressBar#SyncProgress {{
    background: #dde5ee; border: none; border-radius: 4px;
}}
QProgressBar#SyncProgress::chunk {{ background: {ACCENT}; border-radius: 4px; }}
#SyncDetails {{ background: #ffffff; border-top: 1px solid {BORDER}; }}
QLabel#SyncError {{ color: #8e1b1b; }}
QLabel#SyncProblem {{
    color: #8e1b1b; background: #fdeceb; border: 1px solid #f1b9b5; border-radius: 4px;
    padding: 6px 8px;
}}

#QuarantineSide, #CounterForm {{ background: #ffffff; border-left: 1px solid {BORDER}; }}
#QuarantineSide QScrollArea, #CounterForm QScrollArea {{ background: #ffffff; border: none; }}
#DecisionBox {{ background: {WINDOW}; border: 1px solid {BORDER}; border-radius: 6px; }}
QPushButton#DiscardButton {{ color: #a4262c; }}
QListWidget#FileDropList {{
    background: #fbfcfe; border: 1px dashed #9fb0c3; border-radius: 4px;
}}
QToolButton#CounterButton {{
    background: #ffffff; border: 1px solid #b9c4d0; border-radius: 4px; padding: 5px 12px;
}}
QToolButton#CounterButton:hover {{ background: {ACCENT_SOFT}; }}
QToolButton#CounterButton:disabled {{ color: #9aa5b1; }}
QLineEdit#SearchBox {{ padding-left: 4px; }}

/* Review screen */
#ReviewScreen, #ReviewPages {{ background: {WINDOW}; }}
#ReviewBar {{ background: #ffffff; border-bottom: 1px solid {BORDER}; }}
QLabel#ReviewTitle {{ font-size: 12pt; font-weight: bold; color: {ACCENT}; }}
#ReviewBar QToolButton {{
    background: #ffffff; border: 1px solid #b9c4d0; border-radius: 4px; padding: 4px 10px;
}}
#ReviewBar QToolButton:hover {{ background: {ACCENT_SOFT}; }}
#ReviewBar QToolButton#NextButton {{
    background: {ACCENT}; color: #ffffff; border-color: {ACCENT}; font-weight: bold;
}}
#ReviewBar QToolButton#NextButton:hover {{ background: {ACCENT_HOVER}; }}
QLabel#Pill {{
    border-radius: 10px; padding: 2px 10px; background: #eceef1; color: #4d5562;
    font-weight: bold;
}}
QLabel#Pill[tone="accent"] {{ background: {ACCENT_SOFT}; color: {ACCENT}; }}
QLabel#Pill[tone="ok"] {{ background: #e3f1e6; color: #1e6b34; }}
QLabel#Pill[tone="warn"] {{ background: #fdf0d5; color: #8a5a00; }}
QLabel#Pill[tone="error"] {{ background: #fbe1df; color: #a4262c; }}
#NoticeBox {{ background: #e3f1e6; border: 1px solid #9fcdab; border-radius: 4px; }}
#NoticeBox QLabel {{ color: #1e5c2e; }}
#ArrivalBanner {{ background: {ACCENT_SOFT}; border-bottom: 1px solid {BORDER}; }}
#ArrivalBanner QLabel {{ color: {ACCENT}; font-weight: bold; }}
#OutOfOrderBox {{ background: #fff8e6; border: 1px solid #f0d38a; border-radius: 6px; }}
QLabel#OutOfOrderTh {{ color: #6b4a00; font-weight: bold; }}
#ReviewSide {{ background: #ffffff; border-left: 1px solid {BORDER}; }}
QSplitter#ReviewSplitter::handle {{ background: {BORDER}; width: 1px; }}
QTabWidget#ReviewTabs::pane {{ border: none; border-top: 1px solid {BORDER}; }}
QTabWidget#ReviewTabs QTabBar::tab {{
    background: transparent; color: {MUTED}; padding: 8px 14px; border: none;
    border-bottom: 3px solid transparent; margin-right: 2px;
}}
QTabWidget#ReviewTabs QTabBar::tab:selected {{
    color: {ACCENT}; font-weight: bold; border-bottom: 3px solid {ACCENT};
}}
QTabWidget#ReviewTabs QTabBar::tab:hover {{ color: {TEXT}; }}
#ChecklistHost, #ChecklistView, #IdentityPanel, #ApplicationInfo {{ background: #ffffff; }}
#ChecklistRow {{ background: #ffffff; border-bottom: 1px solid #edf1f5; }}
#ChecklistRow[current="true"] {{
    background: #f3f7fc; border-left: 3px solid {ACCENT}; border-bottom: 1px solid #dbe5f0;
}}
QLabel#ChecklistName {{ font-weight: bold; }}
QLabel#ChecklistSummary {{ color: {MUTED}; padding-bottom: 2px; }}
QLabel#ChecklistSummary[verdict="accepted"] {{ color: #1e6b34; }}
QLabel#ChecklistSummary[verdict="rejected"] {{ color: #a4262c; }}
QPushButton#AcceptButton {{ color: #1e6b34; border-color: #9fcdab; }}
QPushButton#AcceptButton:hover {{ background: #e3f1e6; }}
QPushButton#RejectButton {{ color: #a4262c; border-color: #f1b9b5; }}
QPushButton#RejectButton:hover {{ background: #fdeceb; }}
QPushButton#NotApplicableButton {{ color: #4d5562; }}
QPushButton:disabled {{ color: {DISABLED_TEXT}; border-color: #dde3ea; background: #f7f9fb; }}
/* The QWidget colour above paints every state alike: a refused radio button or box looked
   active. Its reason, a label beside it, keeps the ordinary text colour. */
QRadioButton:disabled, QCheckBox:disabled {{ color: {DISABLED_TEXT}; }}
#IdentityCard {{ background: #ffffff; border: 1px solid #e3e8ee; border-radius: 6px; }}
#IdentityPanel #IdentityCard {{ margin: 0 10px; }}
QPushButton#LinkButton, QToolButton#LinkTool {{
    color: {ACCENT}; background: transparent; border: none; padding: 4px 6px;
    text-decoration: underline;
}}
QToolButton#LinkTool::menu-indicator {{ image: none; width: 0; }}
QPushButton#LinkButton:disabled {{ color: #9aa5b1; background: transparent; }}
QPushButton#DangerLink {{ color: #a4262c; }}
QPushButton#DangerLink:disabled {{ color: #a8adb4; border-color: #dde1e6; }}
QPushButton#DangerButton {{
    background: #a4262c; color: #ffffff; border: 1px solid #a4262c; font-weight: bold;
    padding: 8px 18px;
}}
QPushButton#DangerButton:hover {{ background: #8e1b1b; }}
#ReviewActions {{ background: #f8fafc; border-top: 1px solid {BORDER}; }}
#Composer, #RequestComposer, #RejectComposer, #ComposerBody {{ background: #ffffff; }}
#ComposerButtons {{ background: #f8fafc; border-top: 1px solid {BORDER}; }}
QLabel#ComposerTitle {{ font-size: 12pt; font-weight: bold; color: {ACCENT}; }}
QLabel#InfoHeading {{
    color: {ACCENT}; font-weight: bold; padding-top: 8px; border-bottom: 1px solid #e3e8ee;
}}
QLabel#PreviewSubject {{ font-weight: bold; }}
QListWidget#RequestItems {{ background: #ffffff; border: 1px solid #c3ccd7; border-radius: 4px; }}
QListWidget#RequestItems::item {{ padding: 6px 4px; border-bottom: 1px solid #edf1f5; }}
QListWidget#RequestItems::item:selected {{ background: {ACCENT_SOFT}; color: {TEXT}; }}
QPlainTextEdit#RequestPreview {{ background: #fbfcfe; }}
QDateEdit, QDateTimeEdit {{
    background: #ffffff; border: 1px solid #c3ccd7; border-radius: 4px; padding: 4px 6px;
    padding-right: 24px;
}}
/* A styled frame makes Qt draw the sub-controls itself: give them the combo box's look
   (without these rules the time boxes show a bare bracket where the arrows belong). */
QDateEdit::drop-down, QDateTimeEdit::drop-down {{ border: none; width: 22px; }}
QDateEdit::down-arrow, QDateTimeEdit::down-arrow {{
    image: url({CHEVRON}); width: 12px; height: 12px;
}}
QDateTimeEdit::up-button, QDateTimeEdit::down-button {{
    subcontrol-origin: border; width: 20px; border: none; background: transparent;
}}
QDateTimeEdit::up-button {{ subcontrol-position: top right; }}
QDateTimeEdit::down-button {{ subcontrol-position: bottom right; }}
QDateTimeEdit::up-arrow {{ image: url({CHEVRON_UP}); width: 10px; height: 10px; }}
QDateTimeEdit::up-button:hover, QDateTimeEdit::down-button:hover {{ background: #e8eef5; }}
QTreeWidget#HistoryView {{ border: none; }}
QTreeWidget#HistoryView::item {{ padding: 5px 2px; }}
QLabel#InfoLabel {{ color: {MUTED}; }}

/* Document viewer */
#DocumentViewer {{ background: #e9edf2; }}
#ViewerBar {{ background: #ffffff; border-bottom: 1px solid {BORDER}; }}
#ViewerBar QToolButton {{ border-radius: 4px; padding: 3px; }}
#ViewerBar QToolButton:hover {{ background: {ACCENT_SOFT}; }}
#ViewerBar QToolButton:checked {{ background: {ACCENT_SOFT}; border: 1px solid #b7cbe0; }}
QLabel#PageLabel, QLabel#ZoomLabel {{ color: #344357; }}
QLabel#ViewerFlags {{
    background: #fff4d6; color: #6b4a00; border-bottom: 1px solid #f0d38a; padding: 4px 10px;
}}
QLabel#ViewerNotice {{ color: {MUTED}; }}
#ViewerStack, #ImagePane, #ImagePane > QWidget {{ background: #e9edf2; }}
QPdfView {{ background: #e9edf2; border: none; }}
QListWidget#Thumbnails {{
    background: #dfe5ec; border: none; border-right: 1px solid {BORDER}; outline: 0;
}}
QListWidget#Thumbnails::item {{ color: #4d5562; padding: 2px; border-radius: 3px; }}
QListWidget#Thumbnails::item:selected {{ background: #bcd0e6; color: {ACCENT}; }}
#TextPaneNote {{ background: #f3f6fa; border-bottom: 1px solid {BORDER}; }}
QPlainTextEdit#DocumentText {{ border: none; border-radius: 0; padding: 12px 16px; }}

/* Dashboard */
#DashboardView, #DashboardHost {{ background: {WINDOW}; }}
#DashboardTile {{
    background: #ffffff; border: 1px solid {BORDER}; border-top: 4px solid {ACCENT};
    border-radius: 6px;
}}
#DashboardTile[tone="error"] {{ border-top-color: #a4262c; }}
#DashboardTile[tone="warn"] {{ border-top-color: #c98a00; }}
QLabel#TileNumber {{ font-size: 20pt; font-weight: bold; color: {TEXT}; }}
#DashboardTile[tone="error"] QLabel#TileNumber {{ color: #a4262c; }}
#DashboardTile[tone="warn"] QLabel#TileNumber {{ color: #8a5a00; }}
QLabel#TileLabel {{ color: {MUTED}; }}
#DashboardCard {{ background: #ffffff; border: 1px solid {BORDER}; border-radius: 6px; }}
QLabel#CardTitle {{ font-weight: bold; color: #344357; }}
QTableWidget#DashboardTable {{ border: none; }}

/* Keyboard cheat-sheet */
#ShortcutSheet {{ background: #ffffff; border-left: 1px solid #b9c4d0; }}
#ShortcutHost {{ background: #ffffff; }}
QLabel#KeyCap {{
    background: #f0f3f7; border: 1px solid #cfd7e1; border-radius: 4px; padding: 1px 6px;
    color: #344357; font-weight: bold;
}}
"""


def apply_theme(app: QApplication) -> None:
    """Fusion (the same on Windows and Linux), a light palette, and the style sheet."""
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(WINDOW))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f8fafc"))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Button, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    # setColor(role, …) set every group, the disabled one too: give it its own colour.
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8a96a3"))
    palette.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET)
