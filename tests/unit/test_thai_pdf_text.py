"""Thai in reportlab PDFs: presentation forms, fonts, and text that extracts as written."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from services.kernel.thai_pdf_text import (
    BUNDLED_FONTS_DIR,
    find_font,
    register_thai_font,
    thai_presentation_forms,
)
from tests.peers.tools import require_font

SARABUN = BUNDLED_FONTS_DIR / "Sarabun-Regular.ttf"


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("ที่", "ที่"),  # tone above an upper vowel stays high
        ("ปู่", "ปู\uf705"),  # no upper vowel, tall consonant: low and left
        ("ได้", "ได\uf70b"),  # no upper vowel: low
        ("ปั้น", "ป\uf710\uf714น"),  # tall consonant: vowel and tone move left
        ("ฟื้น", "ฟ\uf704\uf714น"),
        ("ญู", "\uf70fู"),  # ญ drops its tail above a below vowel
        ("ฐุ", "\uf700ุ"),
        ("ฎุ", "ฎ\uf718"),  # below vowel moves down under the descender
        ("น้ำ", "น้ำ"),  # the nikhahit of SARA AM counts as an upper vowel
        ("Daniel's Bistro 240", "Daniel's Bistro 240"),
    ],
)
def test_thai_presentation_forms(text: str, forms: str) -> None:
    assert thai_presentation_forms(text) == forms
    assert len(thai_presentation_forms(text)) == len(text)


def test_without_a_tlwg_font_the_fallback_is_drawn_unshaped(tmp_path: Path) -> None:
    assert find_font("Garuda.ttf", [tmp_path]) is None
    face = register_thai_font("TestThai-fallback", "Garuda.ttf", SARABUN, dirs=[tmp_path])
    assert face.path == SARABUN and not face.pua
    assert face.glyphs("ปั้น") == "ปั้น"


def test_a_tlwg_face_draws_the_variants_and_extracts_plain_thai() -> None:
    require_font("Garuda.ttf", "fonts-thai-tlwg")
    face = register_thai_font("TestThai-sans", "Garuda.ttf", SARABUN)
    assert face.pua
    written = "ผู้ขออนุญาต ปั้นน้ำ ญู ฐุ"
    assert face.glyphs(written) != written
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont(face.name, 14)
    canvas.drawString(72, 720, face.glyphs(written))
    canvas.save()
    text = pypdf.PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()
    assert written in text
