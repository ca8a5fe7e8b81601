"""The audit chain's status above the events: green "intact up to event N", red where it
breaks (and that the events after it are not vouched for), amber when a checkpoint outside
the store disagrees."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from services.api import ChainStatus
from ui.common import i18n

__all__ = ["ChainBanner"]

_STYLES = {
    "ok": "background: #e7f4ec; color: #1d5e37; border: 1px solid #a9d5b9;",
    "broken": "background: #fdeceb; color: #8e1b1b; border: 1px solid #f1b9b5;",
    "anchor": "background: #fff4d6; color: #6b4a00; border: 1px solid #f0d38a;",
}


class ChainBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChainBanner")
        self.setWordWrap(True)
        self.state = ""
        self._status: ChainStatus | None = None
        self.hide()

    def show_status(self, status: ChainStatus | None) -> None:
        self._status = status
        self.retranslate()

    def retranslate(self) -> None:
        status = self._status
        if status is None:
            self.hide()
            return
        thai = i18n.current_language() == "th"
        if not status.intact:
            self.state = "broken"
            problem = status.problem_th if thai else status.problem_en
            text = self.tr(
                "Audit chain BROKEN at event {seq}: {problem}. Events up to {last} check out; "
                "those after it are not vouched for. Run 'anuyat audit verify' and tell the "
                "agency's IT officer."
            ).format(seq=f"{status.broken_at_seq or status.checked:,}", problem=problem,
                     last=f"{status.last_verified_seq:,}")  # fmt: skip
        elif status.anchor_problems:
            self.state = "anchor"
            text = self.tr(
                "The chain checks out against itself up to event {last}, but it does not match "
                "a checkpoint kept outside the store: {problem}"
            ).format(last=f"{status.last_verified_seq:,}", problem=status.anchor_problems[0])
        elif status.anchors_used == 0:
            self.state = "ok"
            text = self.tr(
                "Audit chain intact up to event {last} ({checked} events checked). No checkpoint "
                "outside the store yet: 'anuyat audit checkpoint' writes one (so do sync and "
                "sign-out)."
            ).format(last=f"{status.last_verified_seq:,}", checked=f"{status.checked:,}")
        else:
            self.state = "ok"
            text = self.tr(
                "Audit chain intact up to event {last} ({checked} events checked; {anchors} "
                "checkpoints outside the store agree)."
            ).format(
                last=f"{status.last_verified_seq:,}",
                checked=f"{status.checked:,}",
                anchors=status.anchors_used,
            )
        self.setText(text)
        self.setStyleSheet(f"QLabel#ChainBanner {{ {_STYLES[self.state]} padding: 6px 10px; }}")
        self.show()
