"""Reading and checking a catalog file, collecting *every* problem instead of stopping.

:func:`read_services` reads ``services.toml`` (UTF-8, with or without a byte-order mark),
parses the TOML and checks every service against the rules of the citizen manual and of
the DGA guidelines (draft) (§4.1, §6.2.1, §6.3.1). Each problem says, in Thai and English, where
it is, what is wrong and what to write instead (:class:`~services.catalog.problems.CatalogProblem`);
all of them are raised together as one :class:`~services.catalog.problems.CatalogError`.

Use :func:`services.catalog.load_catalog`, which wraps the services in a
:class:`~services.catalog.Catalog`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final, cast

from services.catalog.fee_check import check_fee
from services.catalog.loader import (
    APPLICANT_KINDS,
    FIELD_TYPES,
    LAWFUL_BASES,
    RISK_LEVELS,
    ApplicantKind,
    DocumentRequirement,
    FieldType,
    FormField,
    LawfulBasis,
    RiskLevel,
    ServiceSpec,
    fold,
)
from services.catalog.problems import CatalogError, CatalogProblem, ProblemCollector, syntax_problem

__all__ = ["read_services", "services_from_bytes"]

# DGA guidelines (draft) §6.2.1: risky transactions need IAL2 or higher.
_MIN_IAL: Final[Mapping[str, int]] = {"standard": 1, "advanced": 2, "sensitive": 2}

_CODE_RE: Final = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*")
_KEY_RE: Final = re.compile(r"[a-z][a-z0-9_]*")
_ALIAS_RE: Final = re.compile(r"[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?")
# Template names become file names: no dots or slashes, so a catalog cannot point outside.
_TEMPLATE_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
# Column sizes in models/catalog.py (names: see catalog_problems).
_MAX_CODE: Final = 40
_MAX_TEMPLATE: Final = 100

_TOP_KEYS: Final = ("format_version", "services")
_SERVICE_KEYS: Final = (
    "code", "name_th", "name_en", "keywords", "mail_alias", "required_documents", "form_fields",
    "fee", "sla_business_days", "ial", "risk_level", "licence_template", "validity_days",
    "approver_role", "applicant_kinds", "description_th", "description_en", "legal_basis_th",
    "lawful_basis", "purpose_th", "purpose_en",
    "company_certificate_max_months", "approval_criteria_th", "approval_criteria_en",
    "approval_conditions_th",
)  # fmt: skip
_DOCUMENT_KEYS: Final = (
    "code", "name_th", "name_en", "required", "for_delegation", "applies_to", "note_th", "note_en",
)  # fmt: skip
_FIELD_KEYS: Final = ("key", "label_th", "label_en", "type", "required", "choices")


def read_services(path: Path) -> list[ServiceSpec]:
    """The services of the catalog file at ``path``, in file order, all checked.

    Raises :class:`CatalogError` listing every problem: unreadable file, wrong encoding,
    TOML syntax, or any number of problems in the services.
    """
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
    return services_from_bytes(raw, path)


def services_from_bytes(raw: bytes, path: Path) -> list[ServiceSpec]:
    """The services of a catalog file's content (``path`` names it in the problems), all
    checked; raises :class:`CatalogError` as :func:`read_services` does. A file an
    administrator imports in the window is checked here before anything changes."""
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
        raise CatalogError(path, [syntax_problem(str(exc))]) from None
    checker = _Checker(text)
    services = checker.check(data)
    if checker.problems:
        raise CatalogError(path, checker.problems)
    return services


class _Checker(ProblemCollector):
    """The catalog's rules: what every service, document, form field and fee must be."""

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
                folded = fold(spec.mail_alias)
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
        fee = check_fee(self, t.get("fee"), fields)
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
                "(แนวปฏิบัติกระบวนการทางดิจิทัลภาครัฐ (ร่าง) ข้อ 6.2.1) ให้เพิ่ม ial หรือทบทวนระดับความเสี่ยง",
                f"a service with risk level {risk!r} needs IAL {_MIN_IAL[risk]} or higher, "
                f"but ial = {ial} "
                "(DGA guidelines (draft) §6.2.1). Raise ial, or review the risk level.",
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
        basis = self.get(t, "lawful_basis", "lawful_basis", str, True)
        if basis is not None and basis not in LAWFUL_BASES:
            self.not_one_of(
                "lawful_basis", basis, tuple(LAWFUL_BASES), ("lawful basis", "ฐานทางกฎหมาย")
            )
            basis = None
        role = self.text(t, "approver_role", "approver_role", need=False) or "approver"
        if not _KEY_RE.fullmatch(role):
            self.problem(
                "approver_role",
                f'ชื่อบทบาท {role!r} ต้องเป็นอักษรโรมันตัวเล็ก ตัวเลข และ _ เช่น "approver"',
                f'role {role!r} must use lower-case Roman letters, digits and "_", '
                'e.g. "approver".',
            )
        months = self.get(
            t, "company_certificate_max_months", "company_certificate_max_months", int, False
        )
        if months is not None and not 1 <= months <= 24:
            self.problem(
                "company_certificate_max_months",
                f"อายุหนังสือรับรองนิติบุคคลต้องอยู่ระหว่าง 1 ถึง 24 เดือน แต่พบ {months}",
                f"the company certificate age must be 1 to 24 months, not {months}.",
            )
            months = None
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
            company_certificate_max_months=months or 6,
            description_th=self.text(t, "description_th", "description_th", need=False),
            description_en=self.text(t, "description_en", "description_en", need=False),
            legal_basis_th=self.text(t, "legal_basis_th", "legal_basis_th", need=False),
            lawful_basis=cast(LawfulBasis, basis or "public_task"),
            purpose_th=self.text(t, "purpose_th", "purpose_th"),
            purpose_en=self.text(t, "purpose_en", "purpose_en"),
            approval_criteria_th=self.text(
                t, "approval_criteria_th", "approval_criteria_th", need=False
            ),
            approval_criteria_en=self.text(
                t, "approval_criteria_en", "approval_criteria_en", need=False
            ),
            approval_conditions_th=tuple(
                self.texts(t, "approval_conditions_th", "approval_conditions_th", False) or ()
            ),
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
                "ยังไม่ได้ประกาศเอกสารสำหรับการมอบอำนาจ (แนวปฏิบัติกระบวนการทางดิจิทัลภาครัฐ (ร่าง) ข้อ 6.3.1) "
                "ให้เพิ่มเอกสาร "
                "เช่น หนังสือมอบอำนาจ โดยกำหนด for_delegation = true",
                "no delegation documents are announced (the DGA guidelines (draft) §6.3.1 require "
                "them); add one, "
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
