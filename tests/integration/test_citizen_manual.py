"""The citizen manual exported from the catalog: PDF read back exactly, HTML parsed and safe."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

from app.cli import main
from services.catalog.loader import default_catalog_path, load_catalog
from services.produce.manual.content import COPY_RULE_EN, COPY_RULE_TH
from tests.pdf_reading import folded, pdftotext_pages, pypdf_pages, save_artifact

AGENCY = ["--agency-th", "เทศบาลตำบลทดสอบ", "--agency-en", "Test Subdistrict Municipality"]
CONTACT = ["--email", "saraban@test.go.th", "--phone", "042-000-001"]


class _Page(HTMLParser):
    """Text, tags and every attribute that could fetch something."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [v or "" for k, v in attrs if k in ("href", "src", "action", "srcset")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def _export(tmp_path: Path, catalog: Path | None = None) -> Path:
    out = tmp_path / "manual"
    extra = ["--catalog", str(catalog)] if catalog else []
    args = ["catalog", "export-manual", "--out", str(out), *AGENCY, *CONTACT, *extra]
    assert main(args) == 0
    return out


def test_every_service_gets_a_pdf_and_a_page(tmp_path: Path) -> None:
    out = _export(tmp_path)
    codes = load_catalog(default_catalog_path()).codes
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{c}.pdf" for c in codes] + [f"{c}.html" for c in codes] + ["index.html"]
    )
    index = _parse(out / "index.html")
    assert sorted(index.urls) == sorted([f"{c}.html" for c in codes] + [f"{c}.pdf" for c in codes])


def test_the_pdf_announces_channels_documents_fee_and_the_copy_rule(tmp_path: Path) -> None:
    out = _export(tmp_path)
    data = (out / "FOOD-SHOP.pdf").read_bytes()
    path = save_artifact("manual_FOOD-SHOP.pdf", data)
    expected = [
        "ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหารหรือสถานที่สะสมอาหาร (พื้นที่เกิน 200 ตารางเมตร)",
        "ช่องทางการยื่นคำขอ",
        "อีเมลทางการของหน่วยงาน food@test.go.th",
        "ช่องทางสอบถามและติดตามคำขอ",
        'สอบถามทางอีเมล saraban@test.go.th ส่งข้อความ "สถานะ เลขที่รับเรื่อง" จากอีเมลที่ใช้ยื่นคำขอ',
        "สิ่งที่สอบถามได้ สถานะของคำขอ",
        "30 วันทำการ นับจากวันที่ถือว่าได้รับคำขอ",
        "สำเนาบัตรประจำตัวประชาชนของผู้ขออนุญาต",
        "เอกสารกรณีมอบอำนาจ",
        "หนังสือมอบอำนาจ ติดอากรแสตมป์",
        "สำเนาบัตรประจำตัวประชาชนของผู้รับมอบอำนาจ",
        "แบบฟอร์มคำขอ",
        "2,000.00 บาท",
        folded(COPY_RULE_TH),
        folded(COPY_RULE_EN),
        "ฐานทางกฎหมาย การปฏิบัติตามกฎหมาย (มาตรา 24 (6))",
    ]
    texts = (" ".join(pypdf_pages(data)), " ".join(pdftotext_pages(path)))
    for text in texts:
        for line in expected:
            assert line in text, line


def test_the_html_page_says_the_same_and_loads_nothing(tmp_path: Path) -> None:
    out = _export(tmp_path)
    page = _parse(out / "PETITION.html")
    text = folded(" ".join(page.text))
    assert folded(COPY_RULE_TH) in text and folded(COPY_RULE_EN) in text
    assert "ช่องทางสอบถามและติดตามคำขอ" in text and "เอกสารกรณีมอบอำนาจ" in text
    assert "ช่องให้ความยินยอมจะไม่ถูกเลือกไว้ล่วงหน้า" in text  # consent is its basis
    assert not {"script", "img", "link", "iframe", "object"} & set(page.tags)
    assert page.urls == []


def test_catalog_text_is_escaped(tmp_path: Path) -> None:
    hostile = tmp_path / "services.toml"
    text = default_catalog_path().read_text(encoding="utf-8")
    evil = '<script>alert(1)</script><img src="http://evil.example/x.png">'
    text = text.replace(
        'name_en = "Licence to operate a food shop or food storage premises (over 200 square '
        'metres)"',
        f"name_en = '{evil}'",
        1,
    )
    hostile.write_text(text, encoding="utf-8")
    out = _export(tmp_path, hostile)
    for name in ("FOOD-SHOP.html", "index.html"):
        page = _parse(out / name)
        assert "script" not in page.tags and "img" not in page.tags
        assert evil in "".join(page.text)  # shown as text, exactly as written
        assert all(not u.startswith("http") for u in page.urls)


def test_the_manual_pdf_looks_right(tmp_path: Path) -> None:
    out = _export(tmp_path)
    save_artifact("manual_PETITION.pdf", (out / "PETITION.pdf").read_bytes())
    shutil.copy(out / "PETITION.html", tmp_path / "copy.html")  # the page set is self-contained
    assert _parse(tmp_path / "copy.html").urls == []
