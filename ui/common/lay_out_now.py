"""Give a widget's new words their width in the same turn of the event loop.

Qt lays out by posted requests, one nesting level per turn: after a language change the
first frames keep the old language's widths and a longer English word comes out cut ("Not
… yet" in the status bar). :func:`lay_out_now` runs the layouts from the widget out to its
window at once, so the frame after the change is already whole.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

__all__ = ["lay_out_now"]


def lay_out_now(widget: QWidget) -> None:
    """Activate the layouts of ``widget`` and of each widget it sits in, innermost first."""
    chain: list[QWidget] = []
    current: QWidget | None = widget
    while current is not None:
        chain.append(current)
        if current.isWindow():
            break
        current = current.parentWidget()
    for holder in chain:
        layout = holder.layout()
        if layout is not None:
            # The texts below changed: what the layout knew of their sizes is stale.
            layout.invalidate()
            layout.activate()
