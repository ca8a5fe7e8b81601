"""Re-word a widget when the officer switches language, written once.

Qt tells every widget of a language switch with a ``LanguageChange`` event; each dialog and
page answered it the same way in its own ``changeEvent``. :class:`Retranslating` is that
answer: put it first among the bases (``class MyDialog(Retranslating, QDialog)``) and write
``retranslate()``, which the constructor calls once too so the first words come from the same
place as every later switch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent

__all__ = ["Retranslating"]

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    _Base = QWidget  # for the type checker: the mixin always sits on a widget
else:
    _Base = object  # at run time a plain mixin: the Qt class comes later in the bases


class Retranslating(_Base):
    """Calls ``self.retranslate()`` on every language switch, then Qt's own handling."""

    def retranslate(self) -> None:
        raise NotImplementedError(f"{type(self).__name__} must say how it re-words itself")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
