"""Thai text that looks right in a reportlab PDF *and* extracts to the exact string.

reportlab does not shape Thai: it draws one glyph per character, so stacked marks collide
(a tone mark over an upper vowel, marks over the tall ป ฝ ฟ, a below vowel under ญ or ฐ).
The TLWG fonts (Garuda, Norasi, Purisa, Loma, … from the ``fonts-thai-tlwg`` package) carry
the legacy Windows "PUA" glyph variants for those cases: lowered tone marks, marks moved left
of a tall consonant, ญ and ฐ without their tails. This module

* picks those variants with HarfBuzz's fallback rules for fonts without OpenType tables
  (:func:`thai_presentation_forms`: one character in, one character out);
* registers fonts whose ToUnicode map sends every variant back to the plain letter
  (:class:`ThaiTTFont`), so ``pdftotext`` or pypdf return what was written;
* finds a TLWG font, or falls back to another (e.g. the bundled Sarabun, drawn unshaped:
  still extractable, but stacked marks overlap), and tells the caller which it got
  (:func:`register_thai_font`, :class:`ThaiFace`).

Typical use::

    face = register_thai_font("Doc-sans", "Garuda.ttf", BUNDLED_FONTS_DIR / "Sarabun-Regular.ttf")
    canvas.setFont(face.name, 14)
    canvas.drawString(x, y, face.glyphs("ผู้ขออนุญาต"))

The same substitution also works for Pillow's BASIC layout engine (no libraqm) with a TLWG
font file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

__all__ = [
    "BUNDLED_FONTS_DIR",
    "TLWG_DIRS",
    "ThaiFace",
    "ThaiTTFont",
    "find_font",
    "register_thai_font",
    "thai_presentation_forms",
]

#: The fonts shipped with the program (Sarabun: complete Thai, but no PUA variants).
BUNDLED_FONTS_DIR: Final = Path(__file__).resolve().parents[2] / "resources" / "fonts"
#: Where Linux packages put the TLWG fonts (Debian/Ubuntu, Fedora, Arch).
TLWG_DIRS: Final = (
    Path("/usr/share/fonts/truetype/tlwg"),
    Path("/usr/share/fonts/tlwg"),
    Path("/usr/share/fonts/TTF"),
)

# --------------------------------------------------------------------------- presentation forms

# HarfBuzz's fallback for Thai fonts without OpenType tables (hb-ot-shaper-thai.cc):
# the Windows PUA variants of marks and of ญ/ฐ, chosen by a small state machine.
_TONES = [ord(ch) for ch in "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"]  # ่ ้ ๊ ๋ ์
_ABOVE_VOWELS = [ord(ch) for ch in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e4d"]  # ั ิ ี ึ ื ็ ํ
_SHIFT_DOWN = dict(zip(_TONES, range(0xF70A, 0xF70F), strict=True))
_SHIFT_DOWN |= {0x0E38: 0xF718, 0x0E39: 0xF719, 0x0E3A: 0xF71A}  # ุ ู ฺ
_SHIFT_DOWN_LEFT = dict(zip(_TONES, range(0xF705, 0xF70A), strict=True))
_SHIFT_LEFT = dict(zip(_TONES, range(0xF713, 0xF718), strict=True))
_SHIFT_LEFT |= dict(
    zip(_ABOVE_VOWELS, (0xF710, 0xF701, 0xF702, 0xF703, 0xF704, 0xF712, 0xF711), strict=True)
)
_REMOVE_DESCENDER = {0x0E0D: 0xF70F, 0x0E10: 0xF700}
_PUA_TO_THAI = {
    pua: thai
    for table in (_SHIFT_DOWN, _SHIFT_DOWN_LEFT, _SHIFT_LEFT, _REMOVE_DESCENDER)
    for thai, pua in table.items()
}
_ACTIONS = {"SD": _SHIFT_DOWN, "SDL": _SHIFT_DOWN_LEFT, "SL": _SHIFT_LEFT}
# Above-base state machine: state -> (action, next) for an above vowel, below vowel, tone.
_ABOVE = (
    (("", 3), ("", 0), ("SD", 3)),
    (("SL", 2), ("", 1), ("SDL", 2)),
    (("", 3), ("", 2), ("SL", 3)),
    (("", 3), ("", 3), ("", 3)),
)
_BELOW = (
    (("", 0), ("", 2), ("", 0)),
    (("", 1), ("RD", 2), ("", 1)),
    (("", 2), ("SD", 2), ("", 2)),
)
_SARA_AM = 0x0E33


def _consonant_type(u: int) -> int:
    if u in (0x0E1B, 0x0E1D, 0x0E1F):  # ป ฝ ฟ: tall, marks move left
        return 1
    if u in (0x0E0D, 0x0E10):  # ญ ฐ: lose the tail under a below vowel
        return 2
    if u in (0x0E0E, 0x0E0F):  # ฎ ฏ: below vowels move down
        return 3
    return 0 if 0x0E01 <= u <= 0x0E2E else 4


def _mark_type(u: int) -> int | None:
    if u == 0x0E31 or 0x0E34 <= u <= 0x0E37 or u == 0x0E47 or 0x0E4D <= u <= 0x0E4E:
        return 0
    if 0x0E38 <= u <= 0x0E3A:
        return 1
    if 0x0E48 <= u <= 0x0E4C:
        return 2
    return None


_ABOVE_START = (0, 1, 0, 0, 3)
_BELOW_START = (0, 0, 1, 2, 2)


# Pure and asked again and again for the same words: wrapping measures each word, and a
# batch of memos or notices is written in the same words (its labels, headings, names).
@functools.lru_cache(maxsize=8192)
def thai_presentation_forms(text: str) -> str:
    """``text`` with Thai marks (and ญ ฐ) swapped for the positioned PUA variants.

    One character in, one out, so a ToUnicode map can undo it exactly. Text without Thai
    marks comes back unchanged. Draw the result only with a font that has the variants
    (:attr:`ThaiFace.pua`); other fonts show empty boxes for them.
    """
    out = [ord(ch) for ch in text]
    above, below, base = 3, 2, 0
    for i, u in enumerate(out):
        mark = _mark_type(u)
        if mark is None:
            consonant = _consonant_type(u)
            above, below, base = _ABOVE_START[consonant], _BELOW_START[consonant], i
            continue
        if mark == 2 and i + 1 < len(out) and out[i + 1] == _SARA_AM:
            # The nikhahit of SARA AM sits above like a vowel: keep the tone mark high.
            action, above = ("SL" if above in (1, 2) else ""), 3
        else:
            action, above = _ABOVE[above][mark]
        below_action, below = _BELOW[below][mark]
        action = action or below_action
        if action == "RD":
            out[base] = _REMOVE_DESCENDER.get(out[base], out[base])
        elif action:
            out[i] = _ACTIONS[action].get(u, u)
    return "".join(map(chr, out))


# --------------------------------------------------------------------------- fonts

_CMAP_TARGET = re.compile(r"<(F7[01][0-9A-F])>")


class ThaiTTFont(TTFont):  # type: ignore[misc]  # reportlab has no type hints
    """A reportlab ``TTFont`` whose ToUnicode map reads the PUA variants as plain Thai.

    Register it like any ``TTFont`` (``pdfmetrics.registerFont(ThaiTTFont(name, path))``)
    and draw :func:`thai_presentation_forms` of the text with it.
    """

    def addObjects(self, doc: Any) -> None:  # noqa: N802 - reportlab's name
        super().addObjects(doc)
        for name, obj in list(doc.idToObject.items()):
            content = getattr(obj, "content", None)
            if str(name).startswith("toUnicodeCMap:") and isinstance(content, str):
                obj.content = _CMAP_TARGET.sub(_cmap_plain, content)


def _cmap_plain(match: re.Match[str]) -> str:
    code = int(match[1], 16)
    return f"<{_PUA_TO_THAI.get(code, code):04X}>"


@dataclass(frozen=True)
class ThaiFace:
    """A font registered with reportlab, and whether to draw Thai with the PUA variants."""

    name: str
    """The name it is registered under: pass it to ``Canvas.setFont``."""
    path: Path
    """The font file (a TLWG font, or the fallback)."""
    pua: bool
    """True for a TLWG font: draw :meth:`glyphs` of the text, not the text itself."""

    def glyphs(self, text: str) -> str:
        """What to draw with this face so that ``text`` looks and extracts right."""
        return thai_presentation_forms(text) if self.pua else text


def find_font(filename: str, dirs: Sequence[Path] = TLWG_DIRS) -> Path | None:
    """The first ``dir / filename`` that is a file, or None."""
    return next((d / filename for d in dirs if (d / filename).is_file()), None)


def register_thai_font(
    name: str, tlwg_file: str, fallback: Path, *, dirs: Sequence[Path] = TLWG_DIRS
) -> ThaiFace:
    """Register ``tlwg_file`` (looked for in ``dirs``), else ``fallback``, as ``name``.

    Registering a name again keeps the font registered first (reportlab's registry is
    global), so call it with one file per name.
    """
    found = find_font(tlwg_file, dirs)
    face = ThaiFace(name=name, path=found or fallback, pua=found is not None)
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(ThaiTTFont(name, str(face.path)))
    return face
