"""PDF/A: a PDF the agency produced, made fit for the archives (ISO 19005-2/-3, level B).

:func:`make_pdfa` takes a PDF written by reportlab (every font an embedded TrueType subset:
draw with :func:`archival_canvas` so not even the canvas's unused starting font is a
non-embedded Helvetica) and adds what PDF/A asks of the file as a whole:

* an XMP metadata packet that says which part and level it claims, carrying the same title,
  author, dates and producer as the document information (:mod:`.pdfa_xmp`);
* an output intent with the sRGB profile shipped in ``resources/icc/sRGB.icc``
  (ICC v2.3 from Debian's ``icc-profiles-free``, zlib licence: see ``resources/icc/README``),
  so the DeviceRGB and DeviceGray colours of text and scans have a defined meaning;
* for PDF/A-3, files embedded as *associated files*: the catalogue's ``/AF`` names each
  file specification with its ``/AFRelationship`` (``Source``, ``Data``, ``Alternative``,
  ``Supplement``), MIME type and date, so an archive keeps, say, the events as CSV beside
  the pages that show them;
* the header ``%PDF-1.7`` with its binary comment, a file ``/ID``, the document language.

What it refuses (:class:`NotArchivable`) are the faults it cannot repair: an encrypted input
or a font used without its program embedded. It checks, it does not convert: a foreign PDF
(an applicant's scan) is first redrawn as images by the caller.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Final, Literal

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)
from reportlab.pdfgen.canvas import Canvas

from services.kernel.thai_pdf_text import ThaiFace
from services.produce.pdf.pdfa_xmp import ArchivalInfo, info_entries, pdf_date, xmp_packet

__all__ = [
    "SRGB_PROFILE",
    "ArchivalInfo",
    "AssociatedFile",
    "NotArchivable",
    "archival_canvas",
    "make_pdfa",
    "unembedded_fonts",
]

#: sRGB IEC 61966-2.1, ICC v2 (PDF/A-1 to -3 all accept v2), 6.9 kB.
SRGB_PROFILE: Final = Path(__file__).resolve().parents[3] / "resources" / "icc" / "sRGB.icc"
_SRGB_NAME: Final = "sRGB IEC61966-2.1"

Relationship = Literal["Source", "Data", "Alternative", "Supplement", "Unspecified"]


@dataclass(frozen=True)
class AssociatedFile:
    """A file carried inside a PDF/A-3 and tied to the document (ISO 19005-3, 6.8)."""

    #: The name a reader saves it as (``/F`` and ``/UF``), e.g. ``events.csv``.
    name: str
    data: bytes = field(repr=False)
    #: Its MIME type, e.g. ``text/csv`` or ``application/xml``.
    mime: str
    #: What it is to the document: ``Data`` for data the pages show, ``Source`` for what
    #: they were made from, ``Alternative`` for another form of the same content.
    relationship: Relationship
    description: str
    modified: datetime


class NotArchivable(Exception):
    """The PDF cannot be made PDF/A here; ``detail`` says why (for the log and the tests)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def archival_canvas(buffer: io.BytesIO, face: ThaiFace, **options: Any) -> Canvas:
    """A reportlab canvas whose starting font is ``face`` (embedded), not Helvetica.

    reportlab names its initial font in every page's resources even when nothing is drawn
    with it; Helvetica is never embedded, which PDF/A forbids.
    """
    options.setdefault("invariant", 1)
    options.setdefault("pageCompression", 1)
    return Canvas(buffer, initialFontName=face.name, **options)


def make_pdfa(
    pdf: bytes,
    info: ArchivalInfo,
    *,
    part: Literal[2, 3] = 3,
    attachments: Sequence[AssociatedFile] = (),
) -> bytes:
    """``pdf`` as PDF/A-``part``\\ B with ``info`` and, for part 3, ``attachments``."""
    if attachments and part != 3:
        raise NotArchivable("associated files need PDF/A-3")
    try:
        reader = PdfReader(io.BytesIO(pdf))
        if reader.is_encrypted:
            raise NotArchivable("the PDF is encrypted")
        missing = unembedded_fonts(reader)
        if missing:
            raise NotArchivable(f"fonts not embedded: {', '.join(sorted(missing))}")
        writer = PdfWriter(clone_from=reader)
    except PdfReadError as exc:
        raise NotArchivable(f"the PDF cannot be read: {exc!r}") from exc

    writer.pdf_header = b"%PDF-1.7"
    writer.metadata = {NameObject(k): TextStringObject(v) for k, v in info_entries(info).items()}
    root = writer.root_object
    # Without /Filter: PDF/A wants the packet readable by tools that do not inflate streams.
    metadata = DecodedStreamObject()
    metadata.set_data(xmp_packet(info, part=part, conformance="B"))
    metadata[NameObject("/Type")] = NameObject("/Metadata")
    metadata[NameObject("/Subtype")] = NameObject("/XML")
    root[NameObject("/Metadata")] = writer._add_object(metadata)
    root[NameObject("/Lang")] = TextStringObject(info.lang)
    root[NameObject("/OutputIntents")] = ArrayObject([_output_intent(writer)])
    for key in ("/OpenAction", "/AA", "/JavaScript"):
        root.pop(NameObject(key), None)
    if attachments:
        _associate(writer, attachments)
    if not writer._ID:
        writer.generate_file_identifiers()

    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _output_intent(writer: PdfWriter) -> IndirectObject:
    profile = DecodedStreamObject()
    profile.set_data(SRGB_PROFILE.read_bytes())
    profile[NameObject("/N")] = NumberObject(3)
    intent = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/OutputIntent"),
            NameObject("/S"): NameObject("/GTS_PDFA1"),
            NameObject("/OutputConditionIdentifier"): TextStringObject(_SRGB_NAME),
            NameObject("/Info"): TextStringObject(_SRGB_NAME),
            NameObject("/DestOutputProfile"): writer._add_object(profile),
        }
    )
    return writer._add_object(intent)


def _mime_name(mime: str) -> NameObject:
    # A name's delimiters are written #xx: "text/csv" is the name /text#2Fcsv.
    return NameObject("/" + re.sub(r"[^A-Za-z0-9.+-]", lambda m: f"#{ord(m[0]):02X}", mime))


def _associate(writer: PdfWriter, attachments: Iterable[AssociatedFile]) -> None:
    specs: list[tuple[str, IndirectObject]] = []
    for item in attachments:
        stream = DecodedStreamObject()
        stream.set_data(item.data)
        stream[NameObject("/Type")] = NameObject("/EmbeddedFile")
        stream[NameObject("/Subtype")] = _mime_name(item.mime)
        stream[NameObject("/Params")] = DictionaryObject(
            {
                NameObject("/ModDate"): TextStringObject(pdf_date(item.modified)),
                NameObject("/Size"): NumberObject(len(item.data)),
            }
        )
        ref = writer._add_object(stream.flate_encode())
        spec = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Filespec"),
                NameObject("/F"): TextStringObject(item.name),
                NameObject("/UF"): TextStringObject(item.name),
                NameObject("/Desc"): TextStringObject(item.description),
                NameObject("/AFRelationship"): NameObject("/" + item.relationship),
                NameObject("/EF"): DictionaryObject(
                    {NameObject("/F"): ref, NameObject("/UF"): ref}
                ),
            }
        )
        specs.append((item.name, writer._add_object(spec)))
    specs.sort(key=lambda pair: pair[0])  # a name tree's keys are in order
    root = writer.root_object
    names = root.get("/Names")
    names = names.get_object() if names is not None else DictionaryObject()
    tree = ArrayObject()
    for name, ref in specs:
        tree.extend([TextStringObject(name), ref])
    names[NameObject("/EmbeddedFiles")] = DictionaryObject({NameObject("/Names"): tree})
    root[NameObject("/Names")] = names
    root[NameObject("/AF")] = ArrayObject([ref for _, ref in specs])


def _resources(reader: PdfReader) -> Iterator[DictionaryObject]:
    """Every resource dictionary: the pages', and their form XObjects' (nested)."""
    seen: set[int] = set()
    stack: list[Any] = [page.get("/Resources") for page in reader.pages]
    while stack:
        item = stack.pop()
        if item is None:
            continue
        resources = item.get_object()
        if id(resources) in seen:
            continue
        seen.add(id(resources))
        yield resources
        xobjects = resources.get("/XObject")
        for xobject in (xobjects.get_object() if xobjects else {}).values():
            form = xobject.get_object()
            if form.get("/Subtype") == "/Form":
                stack.append(form.get("/Resources"))


def unembedded_fonts(reader: PdfReader) -> set[str]:
    """The names of fonts in ``reader`` whose program is not in the file."""
    missing: set[str] = set()
    for resources in _resources(reader):
        fonts = resources.get("/Font")
        for font in (fonts.get_object() if fonts else {}).values():
            font = font.get_object()
            described = font
            if font.get("/Subtype") == "/Type0":
                described = font["/DescendantFonts"][0].get_object()
            descriptor = described.get("/FontDescriptor")
            program = descriptor.get_object() if descriptor is not None else {}
            if not any(k in program for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(str(font.get("/BaseFont", "?")))
    return missing
