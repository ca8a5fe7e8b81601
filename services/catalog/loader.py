"""The service catalog, the agency's citizen manual (คู่มือประชาชน) in machine-readable form.

Each service the agency offers is declared once in ``resources/catalog/services.toml``: its
names, the words that recognise it in mail subjects, the documents an applicant (and a proxy)
must bring, the form fields, the fee, the SLA, the identity assurance level and the risk level
that sets the minimum electronic-signature type (DGA §4.1, §6.2.1, §6.3.1).

:func:`load_catalog` reads and checks the file and reports *every* problem at once in Thai and
English (:class:`CatalogError`), because the person fixing it is the agency's IT officer with a
text editor, not a programmer with a debugger. The checks and their messages live in
:mod:`services.catalog.checker` and :mod:`services.catalog.problems`; this module holds what a
checked catalog is and how it is looked up.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, Literal, cast

from services.catalog.problems import CatalogError, CatalogProblem

__all__ = [
    "RiskLevel",
    "FieldType",
    "FeeDue",
    "FeeRule",
    "FeeTier",
    "ApplicantKind",
    "LawfulBasis",
    "LAWFUL_BASES",
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
    "fold",
]

RiskLevel = Literal["standard", "advanced", "sensitive"]
FieldType = Literal["text", "number", "date", "choice", "boolean"]
FeeDue = Literal["none", "at_submission", "before_approval", "before_issue"]
FeeRule = Literal["fixed", "per_unit", "tiers", "by_choice"]
ApplicantKind = Literal["person", "juristic"]
LawfulBasis = Literal[
    "consent",
    "contract",
    "legal_obligation",
    "public_task",
    "vital_interest",
    "legitimate_interest",
]

RISK_LEVELS: Final = ("standard", "advanced", "sensitive")
FIELD_TYPES: Final = ("text", "number", "date", "choice", "boolean")
FEE_DUE: Final = ("none", "at_submission", "before_approval", "before_issue")
FEE_RULES: Final = ("fixed", "per_unit", "tiers", "by_choice")
APPLICANT_KINDS: Final = ("person", "juristic")

#: The lawful bases for processing personal data (PDPA B.E. 2562 s.19 consent, s.24 the
#: others), with the words the acknowledgement, the counter receipt and the manual print.
LAWFUL_BASES: Final[Mapping[str, tuple[str, str]]] = {
    "consent": (
        "ความยินยอมของเจ้าของข้อมูลส่วนบุคคล (พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล มาตรา 19)",
        "the data subject's consent (PDPA s.19)",
    ),
    "contract": (
        "การปฏิบัติตามสัญญาที่เจ้าของข้อมูลเป็นคู่สัญญา (มาตรา 24 (3))",
        "performance of a contract with the data subject (PDPA s.24(3))",
    ),
    "legal_obligation": (
        "การปฏิบัติตามกฎหมาย (มาตรา 24 (6))",
        "compliance with a legal obligation (PDPA s.24(6))",
    ),
    "public_task": (
        "การปฏิบัติหน้าที่เพื่อประโยชน์สาธารณะหรือการใช้อำนาจรัฐ (มาตรา 24 (4))",
        "a public task or the exercise of official authority (PDPA s.24(4))",
    ),
    "vital_interest": (
        "การป้องกันหรือระงับอันตรายต่อชีวิต ร่างกาย หรือสุขภาพ (มาตรา 24 (2))",
        "preventing danger to life, body or health (PDPA s.24(2))",
    ),
    "legitimate_interest": (
        "ประโยชน์โดยชอบด้วยกฎหมาย (มาตรา 24 (5))",
        "legitimate interests (PDPA s.24(5))",
    ),
}

# DGA table 4.1: transaction risk → minimum electronic-signature type (ETA s.9 / s.26 / s.28).
_SIGNATURE_TYPE: Final[Mapping[str, int]] = {"standard": 1, "advanced": 2, "sensitive": 3}

_THAI_RE: Final = re.compile(r"[\u0E00-\u0E7F]")


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
class FeeTier:
    """One step of a tiered fee: up to ``up_to`` units (inclusive; None: any larger amount)."""

    up_to: float | None
    amount_satang: int


@dataclass(frozen=True, slots=True)
class Fee:
    """The service fee; integer satang so no rounding ever happens (100 satang = 1 baht).

    ``rule`` says how the amount is found: ``fixed`` (``amount_satang``), ``per_unit``
    (``rate_satang`` times the number in the form field ``basis``, e.g. square metres),
    ``tiers`` (the first tier whose ``up_to`` holds the ``basis`` number) or ``by_choice``
    (the amount for the choice made in the ``basis`` field, e.g. the business size). For a
    rule, ``amount_satang`` is the least the fee can be. The applicant has
    ``deadline_business_days`` from the payment notice; ``reminder_business_days`` before
    that deadline a reminder goes out, and after it the request lapses with a letter.
    """

    amount_satang: int
    due: FeeDue
    description_th: str = ""
    description_en: str = ""
    rule: FeeRule = "fixed"
    basis: str = ""
    rate_satang: int = 0
    tiers: tuple[FeeTier, ...] = ()
    choices: tuple[tuple[str, int], ...] = ()
    deadline_business_days: int = 15
    reminder_business_days: int = 3

    @property
    def is_free(self) -> bool:
        return self.amount_satang == 0

    @property
    def baht(self) -> Decimal:
        """The amount in baht, exact (``Decimal("1000.00")``)."""
        return (Decimal(self.amount_satang) / 100).quantize(Decimal("0.01"))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Fee:
        """Rebuild from :meth:`ServiceSpec.as_dict` output (older specs lack the rule keys)."""
        fields = dict(data)
        fields["tiers"] = tuple(FeeTier(**t) for t in data.get("tiers", ()))
        fields["choices"] = tuple((str(c), int(a)) for c, a in data.get("choices", ()))
        return cls(**fields)


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
    company_certificate_max_months: int = 6
    """A juristic applicant's company certificate (หนังสือรับรองการจดทะเบียนนิติบุคคล) must have
    been issued within this many months when it is checked (M07)."""
    description_th: str = ""
    description_en: str = ""
    legal_basis_th: str = ""
    lawful_basis: LawfulBasis = "public_task"
    """Why the agency may process the applicant's personal data (PDPA; M27)."""
    purpose_th: str = ""
    """What the personal data is used for, as the privacy notice states it."""
    purpose_en: str = ""
    approval_criteria_th: str = ""
    """What the approver weighs, from the citizen manual (shown beside the decision)."""
    approval_criteria_en: str = ""
    approval_conditions_th: tuple[str, ...] = ()
    """The conditions an approval usually carries; the approver edits them per request."""

    @property
    def lawful_basis_th(self) -> str:
        return LAWFUL_BASES[self.lawful_basis][0]

    @property
    def lawful_basis_en(self) -> str:
        return LAWFUL_BASES[self.lawful_basis][1]

    @property
    def needs_consent(self) -> bool:
        """True when the applicant's consent is the basis: a consent box (never pre-ticked)."""
        return self.lawful_basis == "consent"

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
        fields["approval_conditions_th"] = tuple(data.get("approval_conditions_th", ()))
        fields["fee"] = Fee.from_dict(data["fee"])
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


def fold(text: str) -> str:
    """``text`` as names and keywords are compared: NFKC, case-folded, spaces collapsed."""
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
        by_alias = {fold(s.mail_alias): s for s in self.services if s.mail_alias}
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
        return self._by_alias.get(fold(local)) if local else None

    def classify(self, subject: str) -> ServiceSpec | None:
        """The service a mail subject is about, or None when nothing or more than one fits.

        A keyword matches case-insensitively anywhere in the subject. Thai keywords ignore
        spaces (Thai writers space freely: "ขอ ใบอนุญาต"); keywords starting with a Roman
        letter or digit must start a word ("fee" does not match "coffee"). Services are ranked
        by how many characters of the subject their keywords cover, then by how many keywords
        match; a tie for first place returns None so an officer decides.
        """
        text = fold(subject)
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
    covered: set[int] = set()
    form = _keyword_form(keyword)
    if isinstance(form, str):  # Thai: found in the subject with its spaces squeezed out
        if not form:
            return covered
        start = squeezed.find(form)
        while start >= 0:
            covered.update(squeezed_at[start : start + len(form)])
            start = squeezed.find(form, start + 1)
        return covered
    for m in form.finditer(text):
        covered.update(range(m.start(), m.end()))
    return covered


@functools.lru_cache(maxsize=4096)
def _keyword_form(keyword: str) -> str | re.Pattern[str]:
    """What a keyword is looked for as: a Thai needle without spaces, or a pattern.

    Kept per keyword: classifying a mail tries every keyword of every service, and folding
    and compiling each again for each mail cost more than the search itself."""
    folded = fold(keyword)
    if not folded or _THAI_RE.search(folded):
        return folded.replace(" ", "")
    boundary = r"(?<![a-z0-9])" if folded[0].isascii() and folded[0].isalnum() else ""
    return re.compile(boundary + re.escape(folded))


def default_catalog_path() -> Path:
    """The catalog shipped with the program."""
    return Path(__file__).resolve().parents[2] / "resources" / "catalog" / "services.toml"


def load_catalog(path: Path) -> Catalog:
    """Read and check a catalog file; raise :class:`CatalogError` listing every problem."""
    # The checker builds this module's ServiceSpecs: imported here, not at the top, so that
    # the two modules do not import each other while loading.
    from services.catalog.checker import read_services

    return Catalog(tuple(read_services(path)), source=path)
