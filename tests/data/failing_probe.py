"""A PDF probe whose engine fails on every file: what the intake does when judging breaks.

Module-level, so it pickles by reference and can be sent to intake's reader process."""

from __future__ import annotations

from services.intake.inspect.pdf_probe import PdfProbeResult


class FailingProbe:
    time_limit = 5.0

    def probe(self, data: bytes) -> PdfProbeResult:
        raise RuntimeError("the engine's pipe broke")
