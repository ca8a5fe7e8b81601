"""The licence template of each service (``resources/licences/*.toml``), checked on load.

The agency edits these files: the title, the paragraph that grants the licence (with the
placeholders below), and optionally an emblem image beside the file. Every problem is named
at its line, in Thai and English, in the catalog's style (:class:`CatalogProblem`), all at
once, so the IT officer fixes the file in one pass.

Placeholders in ``grant_th`` / ``grant_en``: ``{licensee}``, ``{applicant}``, ``{premises}``,
``{service}``, ``{valid_until}``.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from services.catalog.problems import CatalogProblem, syntax_problem
from services.kernel.errors import InvalidInput

__all__ = [
    "LICENCE_DIR",
    "PLACEHOLDERS",
    "LicenceTemplate",
    "LicenceTemplateError",
    "load_templates",
    "parse_template",
]

LICENCE_DIR: Final = Path(__file__).resolve().parents[2] / "resources" / "licences"
PLACEHOLDERS: Final = ("licensee", "applicant", "premises", "service", "valid_until")
_TEXT_FIELDS: Final = ("service", "title_th", "title_en", "grant_th", "grant_en")
_OPTIONAL: Final = ("emblem", "footer_th", "footer_en")
_MAX_TEXT: Final = 2000


@dataclass(frozen=True)
class LicenceTemplate:
    service: str
    title_th: str
    title_en: str
    grant_th: str
    grant_en: str
    footer_th: str = ""
    footer_en: str = ""
    emblem: Path | None = None
    source: Path | None = None

    def grant(self, language: str, values: Mapping[str, str]) -> str:
        text = self.grant_th if language == "th" else self.grant_en
        return text.format_map({k: values.get(k, "-") for k in PLACEHOLDERS})


class LicenceTemplateError(InvalidInput):
    """A licence template cannot be used; ``problems`` lists everything wrong with it."""

    code = "licence_template_invalid"

    def __init__(self, path: Path, problems: Sequence[CatalogProblem]) -> None:
        self.path = path
        self.problems = tuple(problems)
        n = len(self.problems)
        th = (
            f"แบบใบอนุญาต {path} มีข้อผิดพลาด {n} รายการ จึงยังออกใบอนุญาตของบริการนี้ไม่ได้ "
            "ให้แก้ไขไฟล์ด้วยโปรแกรมแก้ไขข้อความ บันทึกเป็น UTF-8 แล้วลองอีกครั้ง:\n"
            + "\n".join(f"- {p.text_th()}" for p in self.problems)
        )
        en = (
            f"The licence template {path} has {n} problem(s), so this service's licences "
            "cannot be issued yet. Fix them in a text editor, save as UTF-8, and try again:\n"
            + "\n".join(f"- {p.text_en()}" for p in self.problems)
        )
        detail = "\n".join(f"{path}: {p.text_en()}" for p in self.problems)
        super().__init__(th, en, detail=detail)


def _line_of(text: str, key: str) -> int | None:
    m = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*=", text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _placeholder_problems(key: str, value: str, line: int | None) -> list[CatalogProblem]:
    problems: list[CatalogProblem] = []
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(value) if name is not None]
    except ValueError as exc:
        return [
            CatalogProblem(
                th=f"วงเล็บปีกกาไม่ครบคู่ ({exc}) ใช้ {{licensee}} หรือ {{premises}} เป็นต้น",
                en=f"unbalanced braces ({exc}); write placeholders as {{licensee}}, {{premises}}.",
                field=key,
                line=line,
            )
        ]
    allowed = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
    for name in names:
        if name not in PLACEHOLDERS:
            problems.append(
                CatalogProblem(
                    th=f"ไม่รู้จักช่องแทนค่า {{{name}}} ให้ใช้: {allowed}",
                    en=f"unknown placeholder {{{name}}}. Use one of: {allowed}.",
                    field=key,
                    line=line,
                )
            )
    return problems


def parse_template(text: str, path: Path) -> LicenceTemplate:
    """The template in ``text`` (the content of ``path``), or every problem with it."""
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LicenceTemplateError(path, [syntax_problem(str(exc))]) from exc
    problems: list[CatalogProblem] = []
    values: dict[str, str] = {}
    for key in (*_TEXT_FIELDS, *_OPTIONAL):
        value = data.get(key)
        line = _line_of(text, key)
        if value is None:
            if key in _TEXT_FIELDS:
                problems.append(
                    CatalogProblem(
                        th="ไม่มีช่องที่จำเป็นนี้ ให้เพิ่มเข้าไป เช่น " + f'{key} = "..."',
                        en=f'required field is missing; add it, e.g. {key} = "...".',
                        field=key,
                    )
                )
            continue
        if not isinstance(value, str) or (key in _TEXT_FIELDS and not value.strip()):
            problems.append(
                CatalogProblem(
                    th='ต้องเป็นข้อความในเครื่องหมายคำพูด "..." ที่ไม่ว่าง',
                    en='must be non-empty text in double quotes "...".',
                    field=key,
                    line=line,
                )
            )
            continue
        if len(value) > _MAX_TEXT:
            problems.append(
                CatalogProblem(
                    th=f"ยาวเกิน {_MAX_TEXT} ตัวอักษร",
                    en=f"longer than {_MAX_TEXT} characters.",
                    field=key,
                    line=line,
                )
            )
        if key.startswith("grant_"):
            problems.extend(_placeholder_problems(key, value, line))
        values[key] = value.strip()
    for key in data:
        if key not in (*_TEXT_FIELDS, *_OPTIONAL):
            problems.append(
                CatalogProblem(
                    th="ไม่รู้จักช่องนี้ ตรวจการสะกด หรือลบออก",
                    en="unknown field; check its spelling or remove it.",
                    field=key,
                    line=_line_of(text, key),
                )
            )
    emblem: Path | None = None
    if values.get("emblem"):
        emblem = path.parent / values["emblem"]
        if emblem.suffix.lower() != ".png" or not emblem.is_file():
            problems.append(
                CatalogProblem(
                    th=f"ไม่พบไฟล์ตราสัญลักษณ์ {emblem.name} (ต้องเป็นไฟล์ PNG อยู่ในโฟลเดอร์เดียวกัน)",
                    en=f"the emblem {emblem.name} is not a PNG file in the same folder.",
                    field="emblem",
                    line=_line_of(text, "emblem"),
                )
            )
    if problems:
        raise LicenceTemplateError(path, problems)
    return LicenceTemplate(
        service=values["service"],
        title_th=values["title_th"],
        title_en=values["title_en"],
        grant_th=values["grant_th"],
        grant_en=values["grant_en"],
        footer_th=values.get("footer_th", ""),
        footer_en=values.get("footer_en", ""),
        emblem=emblem,
        source=path,
    )


def load_templates(folder: Path = LICENCE_DIR) -> dict[str, LicenceTemplate]:
    """Every ``*.toml`` in ``folder`` by service code; the first broken file raises."""
    templates: dict[str, LicenceTemplate] = {}
    for path in sorted(folder.glob("*.toml")):
        template = parse_template(path.read_text(encoding="utf-8"), path)
        templates[template.service] = template
    return templates
