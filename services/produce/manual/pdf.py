"""The manual of one service as an A4 PDF (Thai drawn and extracted exactly)."""

from __future__ import annotations

from collections.abc import Sequence

from services.produce.manual.content import Block
from services.produce.pdf.flow import Flow

__all__ = ["manual_pdf"]


def manual_pdf(title: str, blocks: Sequence[Block]) -> bytes:
    flow = Flow(title)
    for block in blocks:
        if block.kind == "title":
            flow.text(block.text, size=17, bold=True)
        elif block.kind == "subtitle":
            flow.text(block.text, size=9, grey=True)
            flow.gap(2)
        elif block.kind == "heading":
            flow.heading(block.text)
        elif block.kind == "en":
            flow.text(block.text, size=8.5, grey=True, indent=12)
        elif block.kind == "item":
            flow.bullet(block.text)
        elif block.kind == "pair":
            flow.pair(block.label, block.text, label_width=140)
        else:
            flow.text(block.text, indent=12)
    return flow.finish()
