"""Languages and fonts for the UI: Thai (default) and English.

UI strings are written in English in the code (``self.tr()`` /
``QCoreApplication.translate``) and translated to Thai in
``resources/translations/anuyat_th.ts`` (compiled to ``anuyat_th.qm`` by
``ui/build_translations.py``).

The current language is kept on the ``QApplication`` itself (a dynamic property and the
translators parented to it), not in a module global. Switching language swaps the
translators; Qt then sends ``QEvent.LanguageChange`` to every widget, and each widget
re-labels itself in ``changeEvent`` (this reaches widgets on the next turn of the event
loop).

The bundled Sarabun font (SIL OFL) is registered and made the application font so Thai
shapes correctly on machines whose system fonts do not cover Thai.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

__all__ = [
    "DEFAULT_LANGUAGE",
    "FONT_FAMILY",
    "LANGUAGES",
    "RESOURCES",
    "apply_language",
    "current_language",
    "install",
    "install_font",
    "load_fonts",
    "translations_dir",
]

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
LANGUAGES = ("th", "en")
DEFAULT_LANGUAGE = "th"
FONT_FAMILY = "Sarabun"
FONT_FILES = ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf")
# 10 pt Sarabun is about 13 px at 96 dpi: comfortable for a full day at 1366x768.
FONT_POINT_SIZE = 10.5

_LANGUAGE_PROPERTY = "anuyat_language"
_TRANSLATOR_NAME = "anuyat-translator"


def translations_dir() -> Path:
    return RESOURCES / "translations"


def load_fonts() -> list[str]:
    """Register the bundled Sarabun faces; return the family names Qt now knows them by.

    Registering twice is harmless (Qt returns the same family). A missing file is logged,
    not fatal: the system's Thai font then takes over.
    """
    families: list[str] = []
    for name in FONT_FILES:
        path = RESOURCES / "fonts" / name
        if not path.is_file():
            log.warning("font %s is missing; Thai falls back to a system font", path)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt could not load font %s", path)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return families


def install_font(app: QApplication, point_size: float = FONT_POINT_SIZE) -> QFont:
    """Make Sarabun the application font (or keep the system font if it is missing)."""
    families = load_fonts()
    font = QFont(app.font())
    if FONT_FAMILY in families:
        font.setFamilies([FONT_FAMILY])
    font.setPointSizeF(point_size)
    # Thai marks stack above and below the line; full hinting clips them less on Windows.
    font.setHintingPreference(QFont.HintingPreference.PreferFullHinting)
    app.setFont(font)
    return font


def current_language(app: QCoreApplication | None = None) -> str:
    """The UI language in force: "th" or "en" (Thai until something says otherwise)."""
    app = app or QCoreApplication.instance()
    if app is None:
        return DEFAULT_LANGUAGE
    # Reading a property that was never set yields an invalid QVariant; skip that path.
    if _LANGUAGE_PROPERTY not in {n.toStdString() for n in app.dynamicPropertyNames()}:
        return DEFAULT_LANGUAGE
    value = app.property(_LANGUAGE_PROPERTY)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def apply_language(language: str, app: QCoreApplication | None = None) -> bool:
    """Switch the UI to ``language`` ("th" or "en"); return True if a Thai catalogue loaded.

    Every widget receives ``QEvent.LanguageChange`` and re-labels itself. Switching to the
    language already in force still sends the event, so data labels refresh too.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; use one of {LANGUAGES}")
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("apply_language() needs a QApplication")

    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        QCoreApplication.removeTranslator(old)
        old.deleteLater()

    loaded = False
    if language != "en":
        own = QTranslator(app)
        own.setObjectName(_TRANSLATOR_NAME)
        qm = translations_dir() / f"anuyat_{language}.qm"
        if own.load(str(qm)):
            QCoreApplication.installTranslator(own)
            loaded = True
        else:
            log.warning("translation %s not found or unreadable; UI stays in English", qm)
            own.deleteLater()
        # Qt's own strings (standard buttons, the file picker, context menus of text
        # fields): Qt's catalogue when it ships one, else ours (Qt ships no Thai one).
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        base = QTranslator(app)
        base.setObjectName(_TRANSLATOR_NAME)
        if base.load(QLocale(language), "qtbase", "_", qt_dir) or base.load(
            str(translations_dir() / f"qtbase_{language}.qm")
        ):
            QCoreApplication.installTranslator(base)
        else:
            log.warning("no catalogue for Qt's own dialogs in %s; they stay in English", language)
            base.deleteLater()

    app.setProperty(_LANGUAGE_PROPERTY, language)
    # Installing/removing translators already notifies widgets, but not when nothing was
    # installed or removed (e.g. English -> English); data labels must follow either way.
    QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))
    return loaded


def install(app: QApplication, language: str = DEFAULT_LANGUAGE) -> None:
    """Fonts and language for a freshly created application."""
    install_font(app)
    apply_language(language, app)
