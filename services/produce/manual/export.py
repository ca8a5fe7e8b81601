"""Writing the manual folder: a PDF and an HTML page per service, and an index page."""

from __future__ import annotations

import re
from pathlib import Path

from services.catalog.loader import Catalog
from services.kernel.errors import InvalidInput
from services.produce.manual.content import ManualAgency, manual_blocks
from services.produce.manual.html import index_html, manual_html
from services.produce.manual.pdf import manual_pdf

__all__ = ["export_manual"]

_SAFE_STEM = re.compile(r"[A-Z0-9][A-Z0-9-]*")


def export_manual(catalog: Catalog, agency: ManualAgency, out: Path) -> list[Path]:
    """Write ``out/<CODE>.pdf``, ``out/<CODE>.html`` per service and ``out/index.html``."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidInput(
            f"สร้างโฟลเดอร์ {out} ไม่ได้ ตรวจชื่อโฟลเดอร์และสิทธิ์การเขียน",
            f"Cannot create the folder {out}; check its name and write permission.",
            detail=str(exc),
        ) from exc
    written: list[Path] = []
    entries: list[tuple[str, str, str]] = []
    for spec in catalog:
        # Codes are checked as [A-Z0-9-] by the catalog checker; checked again, as file names.
        if not _SAFE_STEM.fullmatch(spec.code):
            continue
        blocks = manual_blocks(spec, agency)
        title = f"คู่มือสำหรับประชาชน: {spec.name_th}"
        pdf, page = out / f"{spec.code}.pdf", out / f"{spec.code}.html"
        pdf.write_bytes(manual_pdf(title, blocks))
        page.write_text(manual_html(title, blocks), encoding="utf-8")
        written += [pdf, page]
        entries.append((spec.code, spec.name_th, spec.name_en))
    index = out / "index.html"
    index.write_text(index_html(agency.name_th, agency.name_en, entries), encoding="utf-8")
    written.append(index)
    return written
