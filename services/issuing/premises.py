"""Where the licence holds: the premises address printed on the licence and kept with it.

Intake may bring it (a drive sidecar's ``premises_address``, or the counter form's optional
field for the services :func:`premises_services` names); the issuing officer confirms it
when the licence is prepared. The dialog starts from a suggestion: a form field that names
the premises when a request has one, else the applicant's address (a small shop is most
often run from home). The officer corrects it; :func:`checked_premises` refuses an empty
one for a licence whose text says where it holds, so a licence never reads "at -".
"""

from __future__ import annotations

import logging
from typing import Any, Final

from models import Application, ServiceType
from services.issuing.templates import LicenceTemplate, LicenceTemplateError, load_templates
from services.kernel.errors import InvalidInput

__all__ = [
    "MAX_PREMISES",
    "checked_premises",
    "premises_services",
    "prints_premises",
    "suggested_premises",
]

log = logging.getLogger(__name__)

MAX_PREMISES: Final = 500
# Form fields that name the premises, most specific first. Any other "..._address" field
# may be an e-mail address or the sender's, so it is not guessed at.
_FORM_KEYS: Final = ("premises_address", "shop_address", "site_address", "business_address")


def _from_form(form: dict[str, Any]) -> str:
    for key in _FORM_KEYS:
        value = form.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def suggested_premises(application: Application) -> str:
    """What the issue dialog shows first; the officer confirms or corrects it."""
    found = _from_form(application.form_data or {})
    if found:
        return found
    applicant = application.applicant
    return applicant.address_th.strip() if applicant else ""


def prints_premises(template: LicenceTemplate) -> bool:
    """The licence's text says where it holds, so it needs an address."""
    return "{premises}" in template.grant_th or "{premises}" in template.grant_en


def premises_services() -> frozenset[str]:
    """The codes of the services whose licence says where it holds: the counter asks for
    the premises there. A broken template file asks for nothing (the field is optional and
    issuing names the broken file); the log says which."""
    try:
        templates = load_templates()
    except LicenceTemplateError:
        log.warning("licence templates unreadable; the counter asks for no premises", exc_info=True)
        return frozenset()
    return frozenset(code for code, template in templates.items() if prints_premises(template))


def checked_premises(template: LicenceTemplate, service: ServiceType, typed: str) -> str:
    """``typed`` with its spaces tidied, or a refusal the issuing officer can act on."""
    premises = " ".join(typed.split())
    if not premises and prints_premises(template):
        raise InvalidInput(
            f"ใบอนุญาตของบริการ “{service.name_th}” ต้องระบุที่ตั้งสถานประกอบการ "
            "ยังไม่ได้ออกใบอนุญาต — พิมพ์ที่ตั้งสถานประกอบการ (บ้านเลขที่ ถนน ตำบล อำเภอ จังหวัด) "
            "แล้วกดออกใบอนุญาตอีกครั้ง",
            f"A licence for “{service.name_en}” states where it holds, so the premises address "
            "is needed. Nothing was issued: type the premises address (number, road, "
            "sub-district, district, province) and issue again.",
        )
    if len(premises) > MAX_PREMISES:
        raise InvalidInput(
            f"ที่ตั้งสถานประกอบการยาวเกิน {MAX_PREMISES} ตัวอักษร ยังไม่ได้ออกใบอนุญาต — ย่อให้สั้นลง",
            f"The premises address is longer than {MAX_PREMISES} characters. Nothing was "
            "issued: shorten it.",
        )
    return premises
