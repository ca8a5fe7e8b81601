"""The citizen manual (คู่มือสำหรับประชาชน) exported from the service catalog, as PDF and HTML.

The DGA guidelines (draft) have the agency announce, for each service, its forms, required
documents and delegation documents (§6.3.1, M09), that one uncertified copy of each document
is enough because the agency copies and certifies them itself, free (s.7, s.12, M10), and its
electronic submission channel and the enquiry channel with what can be looked up (§3.1,
§6.1.1, M28). :func:`export_manual` writes, for every service, ``<CODE>.pdf`` (A4, Thai drawn
with the TLWG fonts so it looks right and extracts exactly) and ``<CODE>.html``, plus an
``index.html`` listing them. Catalog text is untrusted: the HTML escapes every value and
refers to nothing outside the folder (no scripts, fonts, images or links to other sites).

Modules: ``content`` (the manual as blocks of text, shared by both formats), ``pdf``,
``html``, ``export`` (writing the folder).
"""

from services.produce.manual.content import Block, ManualAgency, manual_blocks
from services.produce.manual.export import export_manual
from services.produce.manual.html import manual_html
from services.produce.manual.pdf import manual_pdf

__all__ = ["Block", "ManualAgency", "export_manual", "manual_blocks", "manual_html", "manual_pdf"]
