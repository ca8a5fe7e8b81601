"""The foot of every form dialog: the inline error, then Cancel and one primary button.

Officers meet the same foot in every dialog — Cancel on the left (Esc, rejects), the primary
button on the right styled "Primary" and, unless the dialog says otherwise, the default
(Enter). Built here once so the dialogs cannot drift apart. The buttons carry no text: each
dialog labels them in its own ``retranslate`` so the Thai catalogue keeps its contexts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QBoxLayout, QDialog, QHBoxLayout, QPushButton

from ui.common.errors import ErrorBox
from ui.common.naming import named

__all__ = ["DialogFoot", "FootButton", "add_dialog_foot", "button_row", "cancel_and_primary"]


class FootButton(QPushButton):
    """A foot button that takes its new words' width in the same turn it is relabelled.

    Left to the posted layout requests, the dialog's first frame after a language change kept
    the other language's widths: "Cancel" (wider in English than "ยกเลิก") came out cut.
    """

    def setText(self, text: str) -> None:
        super().setText(text)
        window_layout = self.window().layout()
        if window_layout is not None:
            window_layout.activate()  # the parent layout was invalidated by the new text


def cancel_and_primary(
    dialog: QDialog, on_primary: Callable[[], object]
) -> tuple[QPushButton, QPushButton]:
    """Cancel (rejects the dialog) and the primary button (runs ``on_primary``), not yet placed."""
    cancel = FootButton()
    cancel.clicked.connect(dialog.reject)
    primary = named(FootButton(), "Primary")
    primary.clicked.connect(on_primary)
    return cancel, primary


def button_row(cancel: QPushButton, primary: QPushButton) -> QHBoxLayout:
    """The buttons right-aligned, Cancel first, as the platform's dialogs place them."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(cancel)
    row.addWidget(primary)
    return row


@dataclass(frozen=True)
class DialogFoot:
    error: ErrorBox
    cancel: QPushButton
    primary: QPushButton


def add_dialog_foot(
    dialog: QDialog,
    body: QBoxLayout,
    on_primary: Callable[[], object],
    *,
    primary_is_default: bool = True,
) -> DialogFoot:
    """Append the error box and the button row to ``body``.

    ``primary_is_default=False`` leaves Enter to Qt's auto-default (the button that has the
    focus), for a dialog that was built that way.
    """
    error = ErrorBox()
    body.addWidget(error)
    cancel, primary = cancel_and_primary(dialog, on_primary)
    if primary_is_default:
        primary.setDefault(True)
    body.addLayout(button_row(cancel, primary))
    return DialogFoot(error, cancel, primary)
