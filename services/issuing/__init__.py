"""Issuing and delivering what the agency grants (requirements P7, P8, §4.2; M19–M23).

* :mod:`.templates` — the licence template of each service (``resources/licences``), checked
  on load with the catalog's line-level problems;
* :mod:`.numbers` — the outgoing register's number per Buddhist Era year (atomic), the
  Saraban file name, the verification code;
* :mod:`.render` — the licence PDF (Thai right to the eye and to text extraction, a QR code);
* :mod:`.xmldata` — the licence's data as XML attached to its PDF;
* :mod:`.issue` — number, draw, sign, register, in steps that never leave half a licence;
* :mod:`.register` — revocation and the public register export (HTML, JSON, CSV);
* :mod:`.delivery` — by the applicant's channel: e-mail (optionally password-protected),
  counter, shared drive.
"""

from services.issuing.issue import LicenceDraft, prepare_licence, record_licence, verification_url
from services.issuing.templates import LicenceTemplate, LicenceTemplateError, load_templates

__all__ = [
    "LicenceDraft",
    "LicenceTemplate",
    "LicenceTemplateError",
    "load_templates",
    "prepare_licence",
    "record_licence",
    "verification_url",
]
