"""An inline, bilingual error message (Thai first, English below) — never a modal box.

Services raise ``AnuyatError`` with ``.th`` and ``.en`` for people and ``.detail`` for the
log; the :class:`~ui.common.tasks.TaskRunner` already logged the detail (or the traceback of an
unexpected failure), so this widget only shows the words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeGuard

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.naming import named
from ui.common.retranslating import Retranslating

if TYPE_CHECKING:
    from services.api import AnuyatError

__all__ = ["ErrorBox", "bilingual"]


def bilingual(error: BaseException | None, fallback_th: str, fallback_en: str) -> tuple[str, str]:
    """The (Thai, English) message for ``error``; internal failures get the fallback."""
    if error is not None and _is_anuyat_error(error):
        return error.th, error.en
    return fallback_th, fallback_en


def _is_anuyat_error(error: BaseException) -> TypeGuard[AnuyatError]:
    # Imported here: the sign-in paints before the services are loaded. Whoever raised an
    # AnuyatError has loaded them; a broken install (they fail to import) gets the fallback.
    try:
        from services.api import AnuyatError  # noqa: F811
    except ImportError:
        return False
    return isinstance(error, AnuyatError)


class ErrorBox(Retranslating, QFrame):
    """A pale red box with the Thai message, the English one, and an optional action.

    ``dismissable`` adds a close button (×) for messages that may stay up while the officer
    works on (the review screen's "cannot pass on yet").
    """

    def __init__(self, parent: QWidget | None = None, *, dismissable: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("ErrorBox")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self._th = named(QLabel(), "ErrorTh")
        self._en = named(QLabel(), "ErrorEn")
        for label in (self._th, self._en):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            texts.addWidget(label)
        self._th.setStyleSheet("font-weight: bold;")
        layout.addLayout(texts, 1)
        self._action = QPushButton()
        self._action.hide()
        layout.addWidget(self._action, 0, Qt.AlignmentFlag.AlignVCenter)
        self.dismiss_button = named(QToolButton(), "DismissButton")
        self.dismiss_button.setText("\u00d7")
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.retranslate()
        self.dismiss_button.clicked.connect(self.clear)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        # Shown only once in its place: shown before, it was a window of its own for a moment
        # (one that took the focus from the main window when a screen was made later).
        self.dismiss_button.setVisible(dismissable)
        self._callback: Callable[[], None] | None = None
        self._action.clicked.connect(self._run_action)
        self.hide()

    def retranslate(self) -> None:
        # The button is the workstation's own: in the UI language (the message keeps both).
        self.dismiss_button.setToolTip(self.tr("Dismiss this message"))
        self.dismiss_button.setAccessibleName(self.tr("Dismiss this message"))

    def show_message(self, th: str, en: str) -> None:
        self.set_details("")
        self._th.setText(th)
        self._en.setText(en)
        self._en.setVisible(bool(en) and en != th)
        self.show()
        # Already shown: the strip holding it must fit the new text.
        self.updateGeometry()

    def show_error(
        self, error: BaseException | None, *, fallback_th: str, fallback_en: str
    ) -> None:
        self.show_message(*bilingual(error, fallback_th, fallback_en))

    def set_action(self, text: str, callback: Callable[[], None] | None) -> None:
        """A button beside the message ("Try again"); ``None`` removes it."""
        self._callback = callback
        self._action.setText(text)
        self._action.setVisible(callback is not None)

    def set_details(self, text: str) -> None:
        """The long form of a one-line message, shown when the pointer rests on it."""
        for label in (self._th, self._en):
            label.setToolTip(text)

    def clear(self) -> None:
        self._th.clear()
        self._en.clear()
        self.set_details("")
        self.hide()

    def text(self) -> str:
        """Both lines as shown, Thai first ("" when hidden)."""
        if self.isHidden():
            return ""
        return "\n".join(t for t in (self._th.text(), self._en.text()) if t)

    def _run_action(self) -> None:
        if self._callback is not None:
            self._callback()
