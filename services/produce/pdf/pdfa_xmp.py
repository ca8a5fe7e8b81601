"""The XMP metadata packet of a PDF/A file, and the same facts as the document information.

PDF/A asks that every fact in the document information dictionary is also in the XMP
packet with the same value (title, author, subject, producer, creator tool, dates): both
are written here from one :class:`ArchivalInfo`, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final
from xml.sax.saxutils import escape

__all__ = ["PRODUCER", "ArchivalInfo", "info_entries", "pdf_date", "xmp_packet"]

PRODUCER: Final = "Anuyat"


@dataclass(frozen=True)
class ArchivalInfo:
    """What an archivist's tool shows of the file."""

    #: The document's title as a person reads it (``dc:title`` and ``/Title``).
    title: str
    #: Who the document is from: the agency's name (``dc:creator`` and ``/Author``).
    author: str
    #: When the document was made; must carry a time zone (PDF/A dates are absolute).
    created: datetime
    #: One sentence on what the file holds (``dc:description`` and ``/Subject``).
    subject: str = ""
    #: The document's main language, as the catalogue's ``/Lang`` (BCP 47).
    lang: str = "th-TH"
    #: The program that wrote the content (``xmp:CreatorTool`` and ``/Creator``).
    creator_tool: str = "Anuyat"


def _offset(moment: datetime) -> tuple[str, int, int]:
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("a PDF/A date needs a time zone")
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return sign, abs(minutes) // 60, abs(minutes) % 60


def pdf_date(moment: datetime) -> str:
    """``D:YYYYMMDDHHmmSS+HH'mm'`` — the document information's form of a date."""
    sign, hours, minutes = _offset(moment)
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{hours:02d}'{minutes:02d}'"


def _xmp_date(moment: datetime) -> str:
    sign, hours, minutes = _offset(moment)
    return f"{moment:%Y-%m-%dT%H:%M:%S}{sign}{hours:02d}:{minutes:02d}"


def info_entries(info: ArchivalInfo) -> dict[str, str]:
    """The document information dictionary: only what the XMP packet also says."""
    entries = {
        "/Title": info.title,
        "/Author": info.author,
        "/Creator": info.creator_tool,
        "/Producer": PRODUCER,
        "/CreationDate": pdf_date(info.created),
        "/ModDate": pdf_date(info.created),
    }
    if info.subject:
        entries["/Subject"] = info.subject
    return entries


def xmp_packet(info: ArchivalInfo, *, part: int, conformance: str) -> bytes:
    """The packet, UTF-8, without the ``bytes``/``encoding`` attributes PDF/A forbids."""
    when = _xmp_date(info.created)
    description = (
        "<dc:description><rdf:Alt>"
        f'<rdf:li xml:lang="x-default">{escape(info.subject)}</rdf:li>'
        "</rdf:Alt></dc:description>"
        if info.subject
        else ""
    )
    body = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt>
    <rdf:li xml:lang="x-default">{escape(info.title)}</rdf:li>
   </rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>
   {description}
   <xmp:CreatorTool>{escape(info.creator_tool)}</xmp:CreatorTool>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
   <xmp:MetadataDate>{when}</xmp:MetadataDate>
   <pdf:Producer>{PRODUCER}</pdf:Producer>
   <pdfaid:part>{part}</pdfaid:part>
   <pdfaid:conformance>{conformance}</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return body.encode("utf-8")
