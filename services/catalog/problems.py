"""What is wrong with a catalog file, said so that the agency's IT officer can fix it.

:class:`CatalogProblem` is one problem: where (service block, field, line) and what, in Thai
and English. :class:`CatalogError` carries all of a file's problems to the person who has to
fix them, in both languages. :class:`ProblemCollector` reads values out of the parsed TOML
and words what is missing or of the wrong type; :mod:`services.catalog.checker` applies the
catalog's rules with it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, cast

from services.kernel.errors import InvalidInput

__all__ = ["CatalogError", "CatalogProblem", "ProblemCollector", "syntax_problem"]

# Column size of names and texts in models/catalog.py.
_MAX_NAME: Final = 300


@dataclass(frozen=True, slots=True)
class CatalogProblem:
    """One thing wrong in a catalog file: where it is, what is wrong, and what to do."""

    th: str
    en: str
    service_number: int | None = None
    """1-based position of the ``[[services]]`` block, as a person counts them in the file."""
    service_code: str | None = None
    field: str | None = None
    """Dotted path inside the service (``fee.amount_satang``) or a top-level key."""
    line: int | None = None
    """For a service: the line of its ``[[services]]`` header; else where the problem is."""
    column: int | None = None

    def where_en(self) -> str:
        parts: list[str] = []
        if self.service_number is not None:
            about = [self.service_code] if self.service_code else []
            if self.line is not None:
                about.append(f"block starting at line {self.line}")
            more = f" ({', '.join(about)})" if about else ""
            parts.append(f"service #{self.service_number}{more}")
        elif self.line is not None:
            col = f", column {self.column}" if self.column is not None else ""
            parts.append(f"line {self.line}{col}")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts) or "whole file"

    def where_th(self) -> str:
        parts: list[str] = []
        if self.service_number is not None:
            about = [self.service_code] if self.service_code else []
            if self.line is not None:
                about.append(f"เริ่มที่บรรทัดที่ {self.line}")
            more = f" ({', '.join(about)})" if about else ""
            parts.append(f"บริการลำดับที่ {self.service_number}{more}")
        elif self.line is not None:
            col = f" คอลัมน์ {self.column}" if self.column is not None else ""
            parts.append(f"บรรทัดที่ {self.line}{col}")
        if self.field:
            parts.append(f"ช่อง '{self.field}'")
        return " ".join(parts) or "ทั้งไฟล์"

    def text_en(self) -> str:
        return f"{self.where_en()}: {self.en}"

    def text_th(self) -> str:
        return f"{self.where_th()}: {self.th}"


class CatalogError(InvalidInput):
    """The catalog file cannot be used; ``problems`` lists everything wrong with it."""

    code = "catalog_invalid"
    _SHOWN: Final = 15

    def __init__(self, path: Path, problems: Sequence[CatalogProblem]) -> None:
        self.path = path
        self.problems = tuple(problems)
        n = len(self.problems)
        shown = self.problems[: self._SHOWN]
        more_th = f"\n- และอีก {n - len(shown)} รายการ (ดูในบันทึกของโปรแกรม)" if n > len(shown) else ""
        more_en = f"\n- and {n - len(shown)} more (see the program log)" if n > len(shown) else ""
        th = (
            f"ไฟล์รายการบริการ (คู่มือประชาชน) {path} มีข้อผิดพลาด {n} รายการ จึงยังใช้ไม่ได้ "
            "ให้แก้ไขไฟล์ด้วยโปรแกรมแก้ไขข้อความ บันทึกเป็น UTF-8 แล้วเปิดโปรแกรมใหม่:\n"
            + "\n".join(f"- {p.text_th()}" for p in shown)
            + more_th
        )
        en = (
            f"The service catalog (citizen manual) {path} has {n} problem(s) and cannot be "
            "used. Fix them in a text editor, save as UTF-8, and restart the program:\n"
            + "\n".join(f"- {p.text_en()}" for p in shown)
            + more_en
        )
        detail = "\n".join(f"{path}: {p.text_en()} | {p.text_th()}" for p in self.problems)
        super().__init__(th, en, detail=detail)


# What to write, shown with "missing" and "wrong type" problems (keyed by the last path part).
_EXAMPLES: Final[Mapping[str, str]] = {
    "services": "[[services]]",
    "code": 'code = "FOOD-SHOP"',
    "name_th": 'name_th = "ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร"',
    "name_en": 'name_en = "Food shop licence"',
    "keywords": 'keywords = ["จำหน่ายอาหาร", "food shop"]',
    "required_documents": "[[services.required_documents]] … or  required_documents = []",
    "form_fields": "[[services.form_fields]] …  or  form_fields = []",
    "fee": 'fee = { amount_satang = 0, due = "none" }',
    "amount_satang": "amount_satang = 50000   # 500 baht",
    "due": 'due = "before_issue"',
    "sla_business_days": "sla_business_days = 30",
    "ial": "ial = 2",
    "risk_level": 'risk_level = "advanced"',
    "applicant_kinds": 'applicant_kinds = ["person", "juristic"]',
    "required": "required = true",
    "key": 'key = "shop_name"',
    "label_th": 'label_th = "ชื่อสถานประกอบการ"',
    "label_en": 'label_en = "Shop name"',
    "type": 'type = "text"',
    "validity_days": "validity_days = 365",
    "company_certificate_max_months": "company_certificate_max_months = 6",
    "choices": 'choices = ["สถานที่จำหน่ายอาหาร", "สถานที่สะสมอาหาร"]',
    "lawful_basis": 'lawful_basis = "public_task"   # or "consent", "legal_obligation", '
    '"contract", "vital_interest", "legitimate_interest" (PDPA s.19, s.24)',
    "purpose_th": 'purpose_th = "ใช้พิจารณาคำขออนุญาตและออกใบอนุญาต"',
    "purpose_en": 'purpose_en = "To consider the application and issue the licence"',
}
_TYPE_NAMES: Final[Mapping[type, tuple[str, str]]] = {
    str: ("text in double quotes", 'ข้อความในเครื่องหมายคำพูด "..."'),
    int: ("a whole number", "จำนวนเต็ม"),
    bool: ("true or false", "true หรือ false"),
    list: ("a list in square brackets [...]", "รายการในวงเล็บเหลี่ยม [...]"),
    dict: ("a table", "ตาราง (table)"),
}


_FOUND_NAMES: Final[Mapping[type, tuple[str, str]]] = {
    str: ("text", "ข้อความ"),
    int: ("the number", "ตัวเลข"),
    float: ("the decimal number", "ตัวเลขทศนิยม"),
    bool: ("", ""),
    list: ("the list", "รายการ"),
    dict: ("a table", "ตาราง"),
}


def _found(value: object) -> tuple[str, str]:
    for kind in (bool, int, float, str, list, dict):  # bool first: True is an int in Python
        if isinstance(value, kind):
            en, th = _FOUND_NAMES[kind]
            break
    else:
        en, th = type(value).__name__, type(value).__name__
    shown = str(value).lower() if isinstance(value, bool) else repr(value)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return f"{en} {shown}".strip(), f"{th} {shown}".strip()


def _example(path: str) -> tuple[str, str]:
    example = _EXAMPLES.get(path.rsplit(".", 1)[-1])
    return (f" For example: {example}", f" ตัวอย่าง: {example}") if example else ("", "")


def syntax_problem(message: str) -> CatalogProblem:
    """The problem for a ``tomllib.TOMLDecodeError`` message, at its line and column if given."""
    m = re.search(r"\(at line (\d+), column (\d+)\)\s*$", message)
    reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)\s*$", "", message)
    line = int(m.group(1)) if m else None
    column = int(m.group(2)) if m else None
    at_en = "" if m else " at the end of the file"
    at_th = "" if m else "ที่ท้ายไฟล์"
    return CatalogProblem(
        th=f"รูปแบบ TOML ไม่ถูกต้อง{at_th} ({reason}) ตรวจบรรทัดนั้นและบรรทัดก่อนหน้า "
        'ว่าขาดเครื่องหมายคำพูด วงเล็บ จุลภาค หรือ "=" หรือไม่ ข้อความภาษาไทยต้องอยู่ใน "..."',
        en=f"TOML syntax error{at_en} ({reason}). Check that line and the one before it for a "
        'missing quote, bracket, comma or "="; Thai text must be inside "...".',
        line=line,
        column=column,
    )


class ProblemCollector:
    """Reads values out of parsed catalog TOML, collecting problems instead of raising.

    The getters return None (or an empty value) for a missing or wrong value, having
    reported it; a subclass that walks the services sets ``_number``, ``_code`` and
    ``_line`` so that each problem points at the service block it is in.
    """

    def __init__(self, text: str) -> None:
        self.problems: list[CatalogProblem] = []
        # Lines of the [[services]] headers, to point the reader at the block.
        self._lines = [
            text.count("\n", 0, m.start()) + 1
            for m in re.finditer(r"^[ \t]*\[\[[ \t]*services[ \t]*\]\]", text, re.MULTILINE)
        ]
        self._number: int | None = None
        self._code: str | None = None
        self._line: int | None = None

    # -- reporting ------------------------------------------------------------------------

    def problem(self, field_path: str | None, th: str, en: str) -> None:
        self.problems.append(
            CatalogProblem(
                th=th,
                en=en,
                service_number=self._number,
                service_code=self._code,
                field=field_path,
                line=self._line,
            )
        )

    def missing(self, path: str) -> None:
        ex_en, ex_th = _example(path)
        self.problem(
            path, "ไม่มีช่องที่จำเป็นนี้ ให้เพิ่มเข้าไป" + ex_th, "required field is missing; add it." + ex_en
        )

    def wrong_type(self, path: str, value: object, want: type) -> None:
        want_en, want_th = _TYPE_NAMES[want]
        got_en, got_th = _found(value)
        ex_en, ex_th = _example(path)
        self.problem(
            path,
            f"ต้องเป็น{want_th} แต่พบ{got_th}" + ex_th,
            f"must be {want_en}, but found {got_en}." + ex_en,
        )

    def not_one_of(
        self, path: str, value: object, allowed: Sequence[str], what: tuple[str, str]
    ) -> None:
        """``what`` names the value: (English, Thai)."""
        options = ", ".join(allowed)
        self.problem(
            path,
            f"ไม่รู้จัก{what[1]} {value!r} ให้ใช้ค่าใดค่าหนึ่งต่อไปนี้: {options}",
            f"unknown {what[0]} {value!r}. Use one of: {options}.",
        )

    def unknown_keys(self, table: Mapping[str, Any], allowed: Sequence[str], prefix: str) -> None:
        for key in table:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint_en = f" Did you mean '{close[0]}'?" if close else ""
            hint_th = f" หรือหมายถึง '{close[0]}'" if close else ""
            self.problem(
                prefix + key,
                f"ไม่รู้จักช่องนี้ (อาจพิมพ์ผิด){hint_th} ช่องที่ใช้ได้: {', '.join(allowed)}",
                f"unknown field (a typo?).{hint_en} Allowed fields: {', '.join(allowed)}.",
            )

    # -- typed getters (None means: missing or wrong, already reported) ---------------------

    def get(self, table: Mapping[str, Any], key: str, path: str, want: type, need: bool) -> Any:
        if key not in table:
            if need:
                self.missing(path)
            return None
        value = table[key]
        if want is int and isinstance(value, bool) or not isinstance(value, want):
            self.wrong_type(path, value, want)
            return None
        return value

    def text(self, table: Mapping[str, Any], key: str, path: str, *, need: bool = True) -> str:
        value = self.get(table, key, path, str, need)
        if value is None:
            return ""
        value = value.strip()
        if need and not value:
            self.problem(path, "ต้องไม่เว้นว่าง", "must not be empty.")
        elif len(value) > _MAX_NAME:
            self.problem(
                path,
                f"ยาวเกิน {_MAX_NAME} ตัวอักษร ให้ย่อลง",
                f"is longer than {_MAX_NAME} characters; shorten it.",
            )
        return cast(str, value)

    def flag(self, table: Mapping[str, Any], key: str, path: str, default: bool | None) -> bool:
        value = self.get(table, key, path, bool, default is None)
        return bool(default) if value is None else cast(bool, value)

    def texts(self, table: Mapping[str, Any], key: str, path: str, need: bool) -> list[str] | None:
        value = self.get(table, key, path, list, need)
        if value is None:
            return None
        out: list[str] = []
        for i, item in enumerate(value, start=1):
            if not isinstance(item, str) or not item.strip():
                got_en, got_th = _found(item)
                self.problem(
                    f"{path}[{i}]",
                    f'ทุกรายการต้องเป็นข้อความที่ไม่ว่างใน "..." แต่พบ{got_th}',
                    f'every item must be non-empty text in "...", but found {got_en}.',
                )
            else:
                out.append(item.strip())
        return out

    def tables(self, table: Mapping[str, Any], key: str, path: str) -> list[Mapping[str, Any]]:
        value = self.get(table, key, path, list, True)
        if value is None:
            return []
        out: list[Mapping[str, Any]] = []
        for i, item in enumerate(value, start=1):
            if isinstance(item, dict):
                out.append(item)
            else:
                got_en, got_th = _found(item)
                header = "[[services]]" if key == "services" else f"[[services.{key}]]"
                self.problem(
                    f"{path}[{i}]",
                    f"ต้องเป็นตาราง {header} แต่พบ{got_th}",
                    f"must be a table written as {header}, but found {got_en}.",
                )
        return out
