"""The service catalog, the agency's citizen manual (คู่มือประชาชน) in machine-readable form.

Each service the agency offers is declared once in ``resources/catalog/services.toml``: its
names, the words that recognise it in mail subjects, the documents an applicant (and a proxy)
must bring, the form fields, the fee, the SLA, the identity assurance level and the risk level
that sets the minimum electronic-signature type (DGA §4.1, §6.2.1, §6.3.1).

:func:`load_catalog` reads and checks the file and reports *every* problem at once in Thai and
English (:class:`CatalogError`), because the person fixing it is the agency's IT officer with a
text editor, not a programmer with a debugger.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, Literal, cast

from services.errors import InvalidInput

__all__ = [
    "RiskLevel",
    "FieldType",
    "FeeDue",
    "ApplicantKind",
    "FormField",
    "DocumentRequirement",
    "Fee",
    "ServiceSpec",
    "Catalog",
    "CatalogProblem",
    "CatalogError",
    "load_catalog",
    "default_catalog_path",
    "signature_type_for",
]

RiskLevel = Literal["standard", "advanced", "sensitive"]
FieldType = Literal["text", "number", "date", "choice", "boolean"]
FeeDue = Literal["none", "before_approval", "before_issue"]
ApplicantKind = Literal["person", "juristic"]

RISK_LEVELS: Final = ("standard", "advanced", "sensitive")
FIELD_TYPES: Final = ("text", "number", "date", "choice", "boolean")
FEE_DUE: Final = ("none", "before_approval", "before_issue")
APPLICANT_KINDS: Final = ("person", "juristic")

# DGA table 4.1: transaction risk → minimum electronic-signature type (ETA s.9 / s.26 / s.28).
_SIGNATURE_TYPE: Final[Mapping[str, int]] = {"standard": 1, "advanced": 2, "sensitive": 3}
# DGA §6.2.1: risky transactions need IAL2 or higher.
_MIN_IAL: Final[Mapping[str, int]] = {"standard": 1, "advanced": 2, "sensitive": 2}

_CODE_RE: Final = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*")
_KEY_RE: Final = re.compile(r"[a-z][a-z0-9_]*")
_ALIAS_RE: Final = re.compile(r"[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?")
# Template names become file names: no dots or slashes, so a catalog cannot point outside.
_TEMPLATE_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_THAI_RE: Final = re.compile(r"[\u0E00-\u0E7F]")
# Column sizes in models/catalog.py.
_MAX_CODE: Final = 40
_MAX_NAME: Final = 300
_MAX_TEMPLATE: Final = 100


def signature_type_for(risk_level: RiskLevel) -> int:
    """The minimum electronic-signature type (1, 2 or 3) for a transaction risk level."""
    return _SIGNATURE_TYPE[risk_level]


@dataclass(frozen=True, slots=True)
class FormField:
    """One field of the application form."""

    key: str
    """Machine name, ``snake_case``; the key in ``Application.form_data``."""
    label_th: str
    label_en: str
    type: FieldType
    required: bool
    choices: tuple[str, ...] = ()
    """The allowed values, only (and always) for ``type == "choice"``."""


@dataclass(frozen=True, slots=True)
class DocumentRequirement:
    """A document the applicant (or their proxy) must send."""

    code: str
    name_th: str
    name_en: str
    required: bool
    """False: send it only if it applies (the note says when)."""
    for_delegation: bool = False
    """Needed only when a proxy applies on the applicant's behalf (power of attorney etc.)."""
    applies_to: tuple[ApplicantKind, ...] = APPLICANT_KINDS
    """The applicant kinds that must send it (e.g. a company certificate: juristic only)."""
    note_th: str = ""
    note_en: str = ""

    def needed_by(self, kind: ApplicantKind, *, delegated: bool) -> bool:
        """True if an applicant of ``kind`` (through a proxy or not) must send it."""
        return kind in self.applies_to and (delegated or not self.for_delegation)


@dataclass(frozen=True, slots=True)
class Fee:
    """The service fee; integer satang so no rounding ever happens (100 satang = 1 baht)."""

    amount_satang: int
    due: FeeDue
    description_th: str = ""
    description_en: str = ""

    @property
    def is_free(self) -> bool:
        return self.amount_satang == 0

    @property
    def baht(self) -> Decimal:
        """The amount in baht, exact (``Decimal("1000.00")``)."""
        return (Decimal(self.amount_satang) / 100).quantize(Decimal("0.01"))


@dataclass(frozen=True, slots=True)
class ServiceSpec:
    """One service of the citizen manual, as declared in the catalog."""

    code: str
    """Roman-letter code, e.g. ``FOOD-SHOP``; stable, used in tracking numbers and file names."""
    name_th: str
    name_en: str
    keywords: tuple[str, ...]
    """Thai and English words that recognise the service in a mail subject."""
    required_documents: tuple[DocumentRequirement, ...]
    form_fields: tuple[FormField, ...]
    fee: Fee
    sla_business_days: int
    ial: int
    """Identity assurance level 1..3 (DGA มรด. 1-1:2564)."""
    risk_level: RiskLevel
    applicant_kinds: tuple[ApplicantKind, ...]
    mail_alias: str | None = None
    """Local part of an agency address that receives only this service (``food@…``)."""
    licence_template: str = ""
    """Template of the issued document; empty when the result is only a reply letter."""
    validity_days: int | None = None
    approver_role: str = "approver"
    description_th: str = ""
    description_en: str = ""
    legal_basis_th: str = ""

    @property
    def min_signature_type(self) -> int:
        """The lowest electronic-signature type an approval of this service may use."""
        return signature_type_for(self.risk_level)

    @property
    def issues_licence(self) -> bool:
        return bool(self.licence_template)

    def documents_for(
        self, kind: ApplicantKind, *, delegated: bool = False
    ) -> tuple[DocumentRequirement, ...]:
        """The documents an applicant of ``kind`` must (or may) send, in catalog order."""
        return tuple(d for d in self.required_documents if d.needed_by(kind, delegated=delegated))

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready copy (lists, not tuples), as kept in ``ServiceType.spec``."""
        return cast(dict[str, Any], _lists(asdict(self)))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ServiceSpec:
        """Rebuild a spec from :meth:`as_dict` output (trusted: it was checked when loaded)."""
        fields = dict(data)
        fields["keywords"] = tuple(data["keywords"])
        fields["applicant_kinds"] = tuple(data["applicant_kinds"])
        fields["fee"] = Fee(**data["fee"])
        fields["required_documents"] = tuple(
            DocumentRequirement(**{**d, "applies_to": tuple(d["applies_to"])})
            for d in data["required_documents"]
        )
        fields["form_fields"] = tuple(
            FormField(**{**f, "choices": tuple(f["choices"])}) for f in data["form_fields"]
        )
        return cls(**fields)


def _lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    return value


def _fold(text: str) -> str:
    # NFKC turns a typed NIKHAHIT + SARA AA into SARA AM, so both spellings of "ำ" match.
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()


@dataclass(frozen=True, slots=True)
class Catalog:
    """The services in file order, with lookups by code, mail alias and subject."""

    services: tuple[ServiceSpec, ...]
    source: Path | None = None
    _by_code: dict[str, ServiceSpec] = field(init=False, repr=False, compare=False)
    _by_alias: dict[str, ServiceSpec] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_code = {s.code: s for s in self.services}
        by_alias = {_fold(s.mail_alias): s for s in self.services if s.mail_alias}
        if len(by_code) != len(self.services):
            raise ValueError("duplicate service codes in catalog")
        if len(by_alias) != sum(1 for s in self.services if s.mail_alias):
            raise ValueError("duplicate mail aliases in catalog")
        object.__setattr__(self, "_by_code", by_code)
        object.__setattr__(self, "_by_alias", by_alias)

    def __iter__(self) -> Iterator[ServiceSpec]:
        return iter(self.services)

    def __len__(self) -> int:
        return len(self.services)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(s.code for s in self.services)

    def get(self, code: str) -> ServiceSpec | None:
        """The service with this code, or None."""
        return self._by_code.get(code)

    def by_alias(self, alias: str) -> ServiceSpec | None:
        """The service whose mail alias is ``alias`` (a local part or a whole address)."""
        local = alias.strip().split("@", 1)[0]
        return self._by_alias.get(_fold(local)) if local else None

    def classify(self, subject: str) -> ServiceSpec | None:
        """The service a mail subject is about, or None when nothing or more than one fits.

        A keyword matches case-insensitively anywhere in the subject. Thai keywords ignore
        spaces (Thai writers space freely: "ขอ ใบอนุญาต"); keywords starting with a Roman
        letter or digit must start a word ("fee" does not match "coffee"). Services are ranked
        by how many characters of the subject their keywords cover, then by how many keywords
        match; a tie for first place returns None so an officer decides.
        """
        text = _fold(subject)
        if not text:
            return None
        squeezed_at = [i for i, ch in enumerate(text) if ch != " "]
        squeezed = "".join(text[i] for i in squeezed_at)
        scored: list[tuple[tuple[int, int], ServiceSpec]] = []
        for spec in self.services:
            covered: set[int] = set()
            matched = 0
            for keyword in spec.keywords:
                spans = _find(keyword, text, squeezed, squeezed_at)
                if spans:
                    matched += 1
                    covered.update(spans)
            if matched:
                scored.append(((len(covered), matched), spec))
        if not scored:
            return None
        scored.sort(key=lambda item: item[0], reverse=True)
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            return None
        return scored[0][1]


def _find(keyword: str, text: str, squeezed: str, squeezed_at: list[int]) -> set[int]:
    """Positions of ``text`` that ``keyword`` covers (empty if it does not occur)."""
    folded = _fold(keyword)
    covered: set[int] = set()
    if not folded:
        return covered
    if _THAI_RE.search(folded):
        needle = folded.replace(" ", "")
        start = squeezed.find(needle)
        while start >= 0:
            covered.update(squeezed_at[start : start + len(needle)])
            start = squeezed.find(needle, start + 1)
        return covered
    boundary = r"(?<![a-z0-9])" if folded[0].isascii() and folded[0].isalnum() else ""
    for m in re.finditer(boundary + re.escape(folded), text):
        covered.update(range(m.start(), m.end()))
    return covered


def default_catalog_path() -> Path:
    """The catalog shipped with the program."""
    return Path(__file__).resolve().parents[1] / "resources" / "catalog" / "services.toml"


# ---------------------------------------------------------------------------------------------
# Problems and the error that carries them


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


# ---------------------------------------------------------------------------------------------
# Loading and checking

_TOP_KEYS: Final = ("format_version", "services")
_SERVICE_KEYS: Final = (
    "code", "name_th", "name_en", "keywords", "mail_alias", "required_documents", "form_fields",
    "fee", "sla_business_days", "ial", "risk_level", "licence_template", "validity_days",
    "approver_role", "applicant_kinds", "description_th", "description_en", "legal_basis_th",
)  # fmt: skip
_DOCUMENT_KEYS: Final = (
    "code", "name_th", "name_en", "required", "for_delegation", "applies_to", "note_th", "note_en",
)  # fmt: skip
_FIELD_KEYS: Final = ("key", "label_th", "label_en", "type", "required", "choices")
_FEE_KEYS: Final = ("amount_satang", "due", "description_th", "description_en")

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
    "choices": 'choices = ["สถานที่จำหน่ายอาหาร", "สถานที่สะสมอาหาร"]',
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


def load_catalog(path: Path) -> Catalog:
    """Read and check a catalog file; raise :class:`CatalogError` listing every problem."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CatalogError(
            path,
            [
                CatalogProblem(
                    th="ไม่พบไฟล์ ตรวจชื่อและที่อยู่ของไฟล์ในการตั้งค่า หรือติดตั้งโปรแกรมใหม่",
                    en="the file does not exist. Check the path in the settings, or reinstall.",
                )
            ],
        ) from None
    except OSError as exc:
        raise CatalogError(
            path,
            [
                CatalogProblem(
                    th=f"เปิดไฟล์ไม่ได้ ({exc.strerror}) ตรวจสิทธิ์การเข้าถึงไฟล์",
                    en=f"the file cannot be read ({exc.strerror}). Check its permissions.",
                )
            ],
        ) from None
    try:
        # "utf-8-sig": Windows Notepad may save a byte-order mark, which TOML forbids.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CatalogError(
            path,
            [
                CatalogProblem(
                    th="ไฟล์ไม่ได้บันทึกเป็น UTF-8 (อาจเป็น TIS-620/Windows-874) "
                    "ให้เปิดไฟล์แล้วเลือก 'บันทึกเป็น' การเข้ารหัส UTF-8",
                    en="the file is not saved as UTF-8 (perhaps TIS-620/Windows-874). "
                    "Open it and use 'Save as' with the UTF-8 encoding.",
                    line=line,
                )
            ],
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(path, [_syntax_problem(str(exc))]) from None
    checker = _Checker(text)
    services = checker.check(data)
    if checker.problems:
        raise CatalogError(path, checker.problems)
    return Catalog(tuple(services), source=path)


def _syntax_problem(message: str) -> CatalogProblem:
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


class _Checker:
    """Walks the parsed TOML, collecting problems instead of stopping at the first."""

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

    def code(self, value: str, path: str, what: str) -> None:
        if value and (not _CODE_RE.fullmatch(value) or len(value) > _MAX_CODE):
            self.problem(
                path,
                f"รหัส{what} {value!r} ต้องเป็นอักษรโรมันตัวใหญ่ A-Z ตัวเลข และขีด '-' เท่านั้น "
                f"ขึ้นต้นด้วยตัวอักษร ไม่เกิน {_MAX_CODE} ตัว (ห้ามใช้อักษรไทยหรือช่องว่าง) "
                'เช่น "FOOD-SHOP"',
                f"code {value!r} must use only capital Roman letters A-Z, digits and '-', start "
                f"with a letter, at most {_MAX_CODE} characters (no Thai letters, no spaces), "
                'e.g. "FOOD-SHOP".',
            )

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

    # -- the catalog ----------------------------------------------------------------------

    def check(self, data: Mapping[str, Any]) -> list[ServiceSpec]:
        self.unknown_keys(data, _TOP_KEYS, "")
        version = self.get(data, "format_version", "format_version", int, False)
        if version is not None and version != 1:
            self.problem(
                "format_version",
                f"โปรแกรมรุ่นนี้อ่านได้เฉพาะ format_version = 1 แต่พบ {version}",
                f"this version of the program reads only format_version = 1, not {version}.",
            )
        raw = data.get("services")
        if isinstance(raw, dict):
            self.problem(
                "services",
                "ต้องเขียนแต่ละบริการเป็น [[services]] (วงเล็บเหลี่ยมสองชั้น) ไม่ใช่ [services]",
                "write each service as [[services]] (double brackets), not [services].",
            )
            return []
        raw_services = self.tables(data, "services", "services")
        if "services" in data and not raw_services and not self.problems:
            self.problem(
                "services",
                "ยังไม่มีบริการใดเลย ให้เพิ่มอย่างน้อยหนึ่งบล็อก [[services]]",
                "no services are defined; add at least one [[services]] block.",
            )
        lines_ok = len(self._lines) == len(raw_services)
        specs: list[ServiceSpec] = []
        codes: dict[str, int] = {}
        aliases: dict[str, int] = {}
        for number, table in enumerate(raw_services, start=1):
            self._number = number
            self._line = self._lines[number - 1] if lines_ok else None
            code = table.get("code")
            self._code = code if isinstance(code, str) and code.strip() else None
            before = len(self.problems)
            spec = self.service(table)
            if spec.code in codes:
                self.problem(
                    "code",
                    f"รหัสบริการ {spec.code!r} ซ้ำกับบริการลำดับที่ {codes[spec.code]} "
                    "แต่ละบริการต้องมีรหัสไม่ซ้ำกัน ให้เปลี่ยนรหัสของบริการใดบริการหนึ่ง",
                    f"service code {spec.code!r} is already used by service #{codes[spec.code]}. "
                    "Each service needs its own code; rename one of them.",
                )
            elif spec.code:
                codes[spec.code] = number
            if spec.mail_alias:
                folded = _fold(spec.mail_alias)
                if folded in aliases:
                    self.problem(
                        "mail_alias",
                        f"ชื่ออีเมล {spec.mail_alias!r} ซ้ำกับบริการลำดับที่ {aliases[folded]} "
                        "ให้ใช้ชื่อที่ไม่ซ้ำกัน หรือลบออก",
                        f"mail alias {spec.mail_alias!r} is already used by service "
                        f"#{aliases[folded]}; use a different one or remove it.",
                    )
                else:
                    aliases[folded] = number
            if len(self.problems) == before:
                specs.append(spec)
        self._number = self._code = self._line = None
        return specs

    def service(self, t: Mapping[str, Any]) -> ServiceSpec:
        self.unknown_keys(t, _SERVICE_KEYS, "")
        code = self.text(t, "code", "code")
        self.code(code, "code", "บริการ")
        name_th = self.text(t, "name_th", "name_th")
        name_en = self.text(t, "name_en", "name_en")
        keywords = self.texts(t, "keywords", "keywords", True) or []
        alias = self.text(t, "mail_alias", "mail_alias", need=False) or None
        if alias and not _ALIAS_RE.fullmatch(alias):
            self.problem(
                "mail_alias",
                f"ชื่ออีเมล {alias!r} ต้องเป็นอักษรโรมันตัวเล็ก ตัวเลข . _ - เท่านั้น (เฉพาะส่วนหน้า @) "
                'เช่น "food"',
                f"mail alias {alias!r} must be the part before '@' in lower-case Roman letters, "
                'digits, ".", "_" or "-", e.g. "food".',
            )
        kinds = self.applicant_kinds(t, "applicant_kinds", "applicant_kinds", need=True)
        documents = self.documents(t, kinds or APPLICANT_KINDS)
        fields = self.form_fields(t)
        fee = self.fee(t.get("fee"))
        sla = self.get(t, "sla_business_days", "sla_business_days", int, True)
        if sla is not None and sla < 1:
            self.problem(
                "sla_business_days",
                f"ระยะเวลาให้บริการต้องเป็นอย่างน้อย 1 วันทำการ แต่พบ {sla} ให้ใส่จำนวนวันทำการตามคู่มือประชาชน",
                f"the SLA must be at least 1 business day, not {sla}. "
                "Enter the business days promised in the citizen manual.",
            )
        risk = self.get(t, "risk_level", "risk_level", str, True)
        if risk is not None and risk not in RISK_LEVELS:
            self.not_one_of("risk_level", risk, RISK_LEVELS, ("risk level", "ระดับความเสี่ยง"))
            risk = None
        ial = self.get(t, "ial", "ial", int, True)
        if ial is not None and not 1 <= ial <= 3:
            self.problem(
                "ial",
                f"ระดับความน่าเชื่อถือของการพิสูจน์ตัวตน (IAL) ต้องเป็น 1, 2 หรือ 3 แต่พบ {ial}",
                f"the identity assurance level (IAL) must be 1, 2 or 3, not {ial}.",
            )
        elif ial is not None and risk is not None and ial < _MIN_IAL[risk]:
            self.problem(
                "ial",
                f"บริการความเสี่ยงระดับ {risk} ต้องใช้ IAL อย่างน้อย {_MIN_IAL[risk]} แต่กำหนดไว้ {ial} "
                "(มาตรฐาน สพร. ข้อ 6.2.1) ให้เพิ่ม ial หรือทบทวนระดับความเสี่ยง",
                f"a service with risk level {risk!r} needs IAL {_MIN_IAL[risk]} or higher, "
                f"but ial = {ial} "
                "(DGA §6.2.1). Raise ial, or review the risk level.",
            )
        template = self.text(t, "licence_template", "licence_template", need=False)
        if template and (not _TEMPLATE_RE.fullmatch(template) or len(template) > _MAX_TEMPLATE):
            self.problem(
                "licence_template",
                f"ชื่อแม่แบบ {template!r} ต้องเป็นอักษรโรมัน ตัวเลข _ หรือ - เท่านั้น ไม่มีจุด "
                'หรือเครื่องหมาย / เช่น "food_shop_licence" (เว้นว่างถ้าไม่ออกใบอนุญาต)',
                f"template name {template!r} may use only Roman letters, digits, '_' and '-' "
                '(no dots or slashes), e.g. "food_shop_licence"; leave it empty for no licence.',
            )
        validity = self.get(t, "validity_days", "validity_days", int, False)
        if validity is not None and validity < 1:
            self.problem(
                "validity_days",
                f"อายุใบอนุญาตต้องเป็นอย่างน้อย 1 วัน แต่พบ {validity} (ลบช่องนี้ถ้าไม่มีวันหมดอายุ)",
                f"validity must be at least 1 day, not {validity} "
                "(remove it if there is no expiry).",
            )
        elif validity is not None and not template:
            self.problem(
                "validity_days",
                "กำหนดอายุไว้แต่บริการนี้ไม่ออกใบอนุญาต (licence_template ว่าง) "
                "ให้ลบ validity_days หรือระบุ licence_template",
                "a validity is set but the service issues no licence (licence_template is "
                "empty); remove validity_days or set licence_template.",
            )
        role = self.text(t, "approver_role", "approver_role", need=False) or "approver"
        if not _KEY_RE.fullmatch(role):
            self.problem(
                "approver_role",
                f'ชื่อบทบาท {role!r} ต้องเป็นอักษรโรมันตัวเล็ก ตัวเลข และ _ เช่น "approver"',
                f'role {role!r} must use lower-case Roman letters, digits and "_", '
                'e.g. "approver".',
            )
        return ServiceSpec(
            code=code,
            name_th=name_th,
            name_en=name_en,
            keywords=tuple(keywords),
            required_documents=documents,
            form_fields=fields,
            fee=fee,
            sla_business_days=sla or 1,
            ial=ial or 1,
            risk_level=cast(RiskLevel, risk or "standard"),
            applicant_kinds=kinds or APPLICANT_KINDS,
            mail_alias=alias,
            licence_template=template,
            validity_days=validity,
            approver_role=role,
            description_th=self.text(t, "description_th", "description_th", need=False),
            description_en=self.text(t, "description_en", "description_en", need=False),
            legal_basis_th=self.text(t, "legal_basis_th", "legal_basis_th", need=False),
        )

    def applicant_kinds(
        self, table: Mapping[str, Any], key: str, path: str, *, need: bool
    ) -> tuple[ApplicantKind, ...] | None:
        items = self.texts(table, key, path, need)
        if items is None:
            return None
        kinds: list[ApplicantKind] = []
        for item in items:
            if item not in APPLICANT_KINDS:
                self.not_one_of(path, item, APPLICANT_KINDS, ("applicant kind", "ประเภทผู้ยื่นคำขอ"))
            elif item not in kinds:
                kinds.append(cast(ApplicantKind, item))
        if not kinds and not items:
            self.problem(
                path,
                'ต้องมีอย่างน้อยหนึ่งประเภท: "person" (บุคคลธรรมดา) หรือ "juristic" (นิติบุคคล)',
                'needs at least one of "person" and "juristic".',
            )
        return tuple(kinds) or None

    def documents(
        self, t: Mapping[str, Any], kinds: tuple[ApplicantKind, ...]
    ) -> tuple[DocumentRequirement, ...]:
        out: list[DocumentRequirement] = []
        seen: dict[str, int] = {}
        for i, d in enumerate(self.tables(t, "required_documents", "required_documents"), 1):
            p = f"required_documents[{i}]."
            self.unknown_keys(d, _DOCUMENT_KEYS, p)
            code = self.text(d, "code", p + "code")
            self.code(code, p + "code", "เอกสาร")
            if code in seen:
                self.problem(
                    p + "code",
                    f"รหัสเอกสาร {code!r} ซ้ำกับเอกสารรายการที่ {seen[code]} ของบริการเดียวกัน "
                    "ให้เปลี่ยนรหัสหรือลบรายการที่ซ้ำ",
                    f"document code {code!r} is already used by document #{seen[code]} of this "
                    "service; rename it or remove the duplicate.",
                )
            elif code:
                seen[code] = i
            applies = self.applicant_kinds(d, "applies_to", p + "applies_to", need=False)
            out.append(
                DocumentRequirement(
                    code=code,
                    name_th=self.text(d, "name_th", p + "name_th"),
                    name_en=self.text(d, "name_en", p + "name_en"),
                    required=self.flag(d, "required", p + "required", None),
                    for_delegation=self.flag(d, "for_delegation", p + "for_delegation", False),
                    applies_to=applies or kinds,
                    note_th=self.text(d, "note_th", p + "note_th", need=False),
                    note_en=self.text(d, "note_en", p + "note_en", need=False),
                )
            )
        if "required_documents" in t and not any(d.for_delegation for d in out):
            self.problem(
                "required_documents",
                "ยังไม่ได้ประกาศเอกสารสำหรับการมอบอำนาจ (มาตรฐาน สพร. ข้อ 6.3.1) ให้เพิ่มเอกสาร "
                "เช่น หนังสือมอบอำนาจ โดยกำหนด for_delegation = true",
                "no delegation documents are announced (DGA §6.3.1 requires them); add one, "
                "e.g. a power of attorney, with for_delegation = true.",
            )
        return tuple(out)

    def form_fields(self, t: Mapping[str, Any]) -> tuple[FormField, ...]:
        out: list[FormField] = []
        seen: dict[str, int] = {}
        for i, f in enumerate(self.tables(t, "form_fields", "form_fields"), start=1):
            p = f"form_fields[{i}]."
            self.unknown_keys(f, _FIELD_KEYS, p)
            key = self.text(f, "key", p + "key")
            if key and not _KEY_RE.fullmatch(key):
                self.problem(
                    p + "key",
                    f'ชื่อช่อง {key!r} ต้องเป็นอักษรโรมันตัวเล็ก ตัวเลข และ _ ขึ้นต้นด้วยตัวอักษร เช่น "shop_name"',
                    f"key {key!r} must use lower-case Roman letters, digits and '_', starting "
                    'with a letter, e.g. "shop_name".',
                )
            if key in seen:
                self.problem(
                    p + "key",
                    f"ชื่อช่อง {key!r} ซ้ำกับช่องรายการที่ {seen[key]} ให้เปลี่ยนชื่อ",
                    f"key {key!r} is already used by field #{seen[key]}; rename it.",
                )
            elif key:
                seen[key] = i
            kind = self.get(f, "type", p + "type", str, True)
            if kind is not None and kind not in FIELD_TYPES:
                self.not_one_of(p + "type", kind, FIELD_TYPES, ("field type", "ชนิดช่อง"))
                kind = None
            choices = self.texts(f, "choices", p + "choices", kind == "choice") or []
            if kind == "choice" and "choices" in f and not choices:
                self.problem(
                    p + "choices",
                    'ช่องแบบ "choice" ต้องมีตัวเลือกอย่างน้อยหนึ่งรายการ',
                    'a "choice" field needs at least one choice.',
                )
            elif kind not in (None, "choice") and "choices" in f:
                self.problem(
                    p + "choices",
                    'มีตัวเลือกได้เฉพาะช่องแบบ "choice" ให้ลบ choices หรือเปลี่ยน type เป็น "choice"',
                    f'only "choice" fields have choices, this one is "{kind}"; remove choices '
                    'or set type = "choice".',
                )
            out.append(
                FormField(
                    key=key,
                    label_th=self.text(f, "label_th", p + "label_th"),
                    label_en=self.text(f, "label_en", p + "label_en"),
                    type=cast(FieldType, kind or "text"),
                    required=self.flag(f, "required", p + "required", None),
                    choices=tuple(choices) if kind == "choice" else (),
                )
            )
        return tuple(out)

    def fee(self, value: object) -> Fee:
        if value is None:
            self.missing("fee")
            return Fee(0, "none")
        if not isinstance(value, dict):
            self.wrong_type("fee", value, dict)
            return Fee(0, "none")
        self.unknown_keys(value, _FEE_KEYS, "fee.")
        amount = self.get(value, "amount_satang", "fee.amount_satang", int, True)
        if amount is not None and amount < 0:
            self.problem(
                "fee.amount_satang",
                f"ค่าธรรมเนียมต้องไม่ติดลบ แต่พบ {amount} ให้ใส่เป็นสตางค์ (100 สตางค์ = 1 บาท) "
                "เช่น 50000 สำหรับ 500 บาท หรือ 0 ถ้าไม่มีค่าธรรมเนียม",
                f"the fee must not be negative, but is {amount}. Write it in satang (100 satang "
                "= 1 baht), e.g. 50000 for 500 baht, or 0 for no fee.",
            )
            amount = None
        due = self.get(value, "due", "fee.due", str, True)
        if due is not None and due not in FEE_DUE:
            self.not_one_of("fee.due", due, FEE_DUE, ("payment time", "กำหนดชำระ"))
            due = None
        if amount is not None and due is not None and (amount == 0) != (due == "none"):
            self.problem(
                "fee.due",
                'ค่าธรรมเนียม 0 ต้องใช้ due = "none" และค่าธรรมเนียมที่มากกว่า 0 ต้องกำหนดเวลาชำระ '
                '("before_approval" หรือ "before_issue")',
                'a fee of 0 needs due = "none", and a fee above 0 needs a payment time '
                '("before_approval" or "before_issue").',
            )
        return Fee(
            amount_satang=amount or 0,
            due=cast(FeeDue, due or "none"),
            description_th=self.text(value, "description_th", "fee.description_th", need=False),
            description_en=self.text(value, "description_en", "fee.description_en", need=False),
        )
