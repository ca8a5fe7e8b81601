"""The public register's publish folder: readable by a web server, rewritten only where it
changed (known from the previous manifest), and repaired where a page went missing."""

from __future__ import annotations

import json
import stat
from dataclasses import replace
from pathlib import Path

from services.issuing.register import PublicEntry, export_register


def _entries(n: int) -> list[PublicEntry]:
    return [
        PublicEntry(code=f"AAAA-BBBB-{i:04d}", number=f"{i + 1}/2569", subject_th="หนังสือรับรอง",
                    subject_en="Certificate", licensee=f"ร้าน {i}", issued="2026-12-05",
                    valid_until="2027-12-04", status="valid", revoked_reason="",
                    agency_th="เทศบาล", agency_en="Municipality")
        for i in range(n)
    ]  # fmt: skip


def test_the_folder_is_public_and_rewritten_only_where_it_changed(tmp_path: Path) -> None:
    folder = tmp_path / "publish"
    entries = _entries(5)
    first = export_register(entries, folder)
    assert (first.written, first.unchanged) == (8, 0)  # 5 pages, JSON, CSV, manifest
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path  # a web server reads them
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert export_register(entries, folder).written == 0
    entries[2] = replace(entries[2], status="revoked", revoked_reason="ย้ายสถานที่")
    again = export_register(entries, folder)
    assert again.written == 4  # the page, the JSON, the CSV, the manifest
    assert "ย้ายสถานที่" in (folder / "AAAA-BBBB-0002.html").read_text(encoding="utf-8")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest) == 7 and "manifest.json" not in manifest
    # A page deleted or cut short in the folder is written again; the rest is left alone.
    (folder / "AAAA-BBBB-0004.html").unlink()
    (folder / "AAAA-BBBB-0001.html").write_text("x", encoding="utf-8")
    assert export_register(entries, folder).written == 2
    assert (folder / "AAAA-BBBB-0004.html").exists()
