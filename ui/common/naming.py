"""Give a widget its object name (the theme's selectors and the tests find widgets by it).

PySide6 accepts any Qt property as a keyword argument of a constructor, but its type stubs
list only the class's own properties, so ``QLabel(text, objectName="x")`` fails the type check;
``named(QLabel(text), "x")`` says the same and type-checks.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

__all__ = ["named"]

T = TypeVar("T", bound=QObject)


def named(widget: T, name: str) -> T:
    """Set ``widget``'s object name and return it."""
    widget.setObjectName(name)
    return widget
