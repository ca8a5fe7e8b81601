"""``python -m tests.bench.issuing [-n 200] [--entries 100000] [--search-entries 10000]``:
issuing figures.

Each figure has its baseline from the same run, on the same machine and the same token:

* a bare one-page PDF with the licence's text (the same Thai lines, no wrapping, QR, XML or
  PDF/A): what any PDF of this text costs;
* the licence drawn (template, wrapped Thai, QR) with its XML as a PDF/A-3 associated file,
  unsigned;
* the same, signed on the SoftHSM2 token (PAdES) — what issuing adds around the database;
* the public register export of ``--entries`` entries, then the re-export after one change
  (only the changed page, the JSON, the CSV and the manifest are rewritten);
* the "Licences issued" search over ``--search-entries`` licences against a bare indexed
  SELECT (:mod:`tests.bench.licence_search`).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from services.issuing.register import PublicEntry, export_register
from services.issuing.render import LicenceContent, render_licence
from services.issuing.templates import load_templates
from services.issuing.xmldata import LicenceData, licence_pdfa, licence_xml
from services.kernel.clock import BANGKOK
from services.produce.pdf.flow import Flow
from services.produce.sign import Pin, TokenSession, sign_pdf
from services.produce.sign.pdf_signer import token_signer
from tests.bench.licence_search import figures as search_figures
from tests.bench.table import Figure, render
from tests.peers.softhsm import provision

_CONDITIONS = (
    "ต้องจัดให้มีที่ล้างมือสำหรับผู้สัมผัสอาหารอย่างเพียงพอ และรักษาความสะอาดของห้องน้ำตลอดเวลาที่เปิดให้บริการ",
    "ห้ามวางปิ่นโตและภาชนะใส่อาหารบนพื้น",
)


def _content(i: int) -> tuple[LicenceContent, LicenceData]:
    number, code = f"{i + 1}/2569", f"AB{i % 10}D-EF56-GH{i % 100:02d}"
    content = LicenceContent(
        agency_th="เทศบาลตำบลหนองไผ่", agency_en="Nong Phai Subdistrict Municipality",
        number=number, service_th="หนังสือรับรองการแจ้งจัดตั้งสถานที่จำหน่ายอาหาร",
        service_en="Certificate of notification for a food shop", applicant="นายสมชาย ใจดี",
        licensee="นายสมชาย ใจดี", premises="เลขที่ 99 หมู่ 4 ตำบลหนองไผ่ อำเภอเมือง จังหวัดนครปฐม",
        granted_th="5 ธันวาคม 2569", granted_en="5 December 2026",
        valid_until_th="4 ธันวาคม 2570", valid_until_en="4 December 2027",
        conditions=_CONDITIONS, approver="นายอนุมัติ รอบคอบ", position="นายกเทศมนตรี",
        verification_code=code, verification_url=f"https://nongphai.go.th/verify/{code}.html",
    )  # fmt: skip
    data = LicenceData(
        number=number, verification_code=code, service_code="FOOD-NOTICE",
        subject_th=content.service_th, subject_en=content.service_en, licensee=content.licensee,
        premises=content.premises, granted="2026-12-05", valid_until="2027-12-04",
        conditions=_CONDITIONS, agency_th=content.agency_th, agency_code="NPH",
        approver=content.approver, position=content.position,
    )  # fmt: skip
    return content, data


def _bare(c: LicenceContent) -> bytes:
    flow = Flow(c.number)
    for line in (c.agency_th, c.service_th, f"เลขที่ {c.number}", c.licensee, c.applicant,
                 c.premises, c.granted_th, c.valid_until_th, *c.conditions, c.approver,
                 c.position, f"รหัสตรวจสอบ {c.verification_code}", c.verification_url):  # fmt: skip
        flow.text(line, size=11)
    return flow.finish()


def _per_document(n: int, make: Callable[[int], bytes]) -> float:
    make(0)  # warm: fonts, templates, the token session
    start = time.perf_counter()
    for i in range(n):
        make(i)
    return (time.perf_counter() - start) * 1000 / n


def _register(entries: int, folder: Path) -> tuple[float, float]:
    first = date(2026, 1, 5)
    rows = [
        PublicEntry(
            code=f"{i:04X}-{i * 7 % 65536:04X}-{i * 13 % 65536:04X}", number=f"{i + 1}/2569",
            subject_th="หนังสือรับรองการแจ้งจัดตั้งสถานที่จำหน่ายอาหาร",
            subject_en="Certificate of notification for a food shop",
            licensee=f"ร้านอาหารทดสอบ {i}", issued=(first + timedelta(days=i % 300)).isoformat(),
            valid_until="2027-12-31", status="valid", revoked_reason="",
            agency_th="เทศบาลตำบลหนองไผ่", agency_en="Nong Phai Subdistrict Municipality",
        )
        for i in range(entries)
    ]  # fmt: skip
    start = time.perf_counter()
    export_register(rows, folder)
    full = time.perf_counter() - start
    changed = rows[entries // 2]
    rows[entries // 2] = PublicEntry(**{**changed.__dict__, "status": "revoked",
                                        "revoked_reason": "ย้ายสถานที่"})  # fmt: skip
    start = time.perf_counter()
    summary = export_register(rows, folder)
    again = time.perf_counter() - start
    assert summary.written == 4, summary  # the page, the JSON, the CSV, the manifest
    return full, again


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=200, help="licences per figure")
    parser.add_argument("--entries", type=int, default=100_000, help="register entries")
    parser.add_argument("--search-entries", type=int, default=10_000, help="licences searched")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="anuyat-bench-issuing-"))
    token = provision(tmp / "hsm")["approver"]
    template = load_templates()["FOOD-NOTICE"]
    session = TokenSession(token.module, token.label, Pin(token.pin))
    cert = next(c for c in session.certificates() if c.key_id == b"\x01")
    signer = token_signer(session, cert)
    moment = datetime(2026, 12, 5, 10, tzinfo=BANGKOK)

    def unsigned(i: int) -> bytes:
        content, data = _content(i)
        return licence_pdfa(render_licence(template, content), licence_xml(data), data, moment)

    def signed(i: int) -> bytes:
        return sign_pdf(unsigned(i), signer, field_name="Approval", reason="ออกใบอนุญาต",
                        location="NPH")  # fmt: skip

    bare = _per_document(args.n, lambda i: _bare(_content(i)[0]))
    drawn = _per_document(args.n, unsigned)
    issued = _per_document(args.n, signed)
    session.close()
    full, again = _register(args.entries, tmp / "publish")
    searched = search_figures(args.search_entries)
    print(
        render(
            [
                Figure(
                    "licence drawn, PDF/A-3 + XML, signed",
                    issued,
                    "ms",
                    "bare one-page PDF, same text",
                    bare,
                    f"{1000 / issued:.1f} licences/s over {args.n}; PAdES on SoftHSM2",
                ),
                Figure(
                    "licence drawn, PDF/A-3 + XML, signed",
                    issued,
                    "ms",
                    "the same, unsigned",
                    drawn,
                ),
                Figure(
                    "licence drawn, PDF/A-3 + XML, unsigned",
                    drawn,
                    "ms",
                    "bare one-page PDF, same text",
                    bare,
                ),
                Figure(
                    f"register export, {args.entries:,} entries",
                    full,
                    "s",
                    note="one HTML page each, JSON, CSV, manifest; into an empty folder",
                ),
                Figure(
                    "register re-export after one revocation",
                    again,
                    "s",
                    f"full export of {args.entries:,}",
                    full,
                    "only the changed page, JSON, CSV and manifest are written",
                ),
                *searched,
            ]  # fmt: skip
        )
    )
    os.environ.pop("SOFTHSM2_CONF", None)
    sys.exit(0)


if __name__ == "__main__":
    main()
