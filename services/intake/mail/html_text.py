"""HTML mail bodies reduced to plain text an officer can read safely.

Only the stdlib :mod:`html.parser` is used, and nothing is ever fetched: images
become ``[image]`` (with their alt text), scripts, styles and embedded objects
vanish, and links keep their visible text followed by the address as plain text
(never followed). The result is meant to be shown as plain text, never as HTML.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

__all__ = ["html_to_text"]

log = logging.getLogger(__name__)

# Elements whose content is never text for a reader.
_SKIP = frozenset(
    {"script", "style", "title", "template", "object", "embed", "iframe", "frame", "frameset",
     "svg", "math", "applet", "audio", "video", "canvas"}
)  # fmt: skip
# Elements that start and end on their own line; paragraphs also leave a blank line.
_BLOCK = frozenset(
    {"p", "div", "li", "tr", "table", "thead", "tbody", "tfoot", "ul", "ol", "dl", "dt", "dd",
     "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article", "header",
     "footer", "nav", "aside", "main", "address", "figure", "figcaption", "form", "fieldset",
     "center", "caption", "hr", "body", "html"}
)  # fmt: skip
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote",
                        "pre", "hr"})  # fmt: skip
_VOID = frozenset(
    {"br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "frame", "param",
     "source", "track", "wbr"}
)  # fmt: skip
_CELL = frozenset({"td", "th"})
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_SHOWN_LINK = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_MAX_ALT = 200


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.pre_depth = 0
        self.link_href: str | None = None
        self.link_text: list[str] = []

    # -- output helpers ---------------------------------------------------------------------
    def _emit(self, text: str) -> None:
        if self.link_href is not None:
            self.link_text.append(text)
        self.parts.append(text)

    def _newline(self) -> None:
        self.parts.append("\n")

    def _line_start(self, blank: bool) -> None:
        """Start a new line (or a paragraph) unless the text is already at one."""
        tail = "".join(self.parts[-3:])
        if not self.parts or tail.endswith("\n\n"):
            return
        if not tail.endswith("\n"):
            self.parts.append("\n")
        if blank:
            self.parts.append("\n")

    # -- parser callbacks -------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            if tag not in _VOID:
                self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag == "br":
            self._newline()
        elif tag == "img":
            alt = (dict(attrs).get("alt") or "").strip()
            alt = _SPACES.sub(" ", alt)[:_MAX_ALT]
            self._emit(f"[image: {alt}]" if alt else "[image]")
        elif tag in _BLOCK:
            self._line_start(tag in _PARAGRAPH)
            if tag == "li":
                self.parts.append("• ")
            elif tag == "hr":
                self.parts.append("----")
                self._newline()
            elif tag == "pre":
                self.pre_depth += 1
        elif tag in _CELL:
            if self.parts and not self.parts[-1].endswith("\n"):
                self.parts.append("\t")
        elif tag == "a":
            href = (dict(attrs).get("href") or "").strip()
            self.link_href = href if _SHOWN_LINK.match(href) else None
            self.link_text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <img/>: the same as a start tag, but never opens a skipped region.
        if tag in _SKIP:
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            if self.skip_depth:
                self.skip_depth -= 1
            return
        if self.skip_depth:
            return
        if tag in _BLOCK:
            if tag == "pre" and self.pre_depth:
                self.pre_depth -= 1
            self._line_start(tag in _PARAGRAPH)
        elif tag == "a" and self.link_href is not None:
            href, shown = self.link_href, "".join(self.link_text).strip()
            self.link_href = None
            if href and href != shown and href.removeprefix("mailto:") != shown:
                self.parts.append(f" <{href}>")

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.pre_depth:
            self._emit(data)
        else:
            self._emit(_SPACES.sub(" ", data))


def _tidy(text: str) -> str:
    lines = [line.strip(" \t") for line in text.replace("\r", "").split("\n")]
    out: list[str] = []
    blank = 0
    for line in lines:
        if line.strip():
            blank = 0
            out.append(line.rstrip())
        else:
            blank += 1
            if blank == 1 and out:
                out.append("")
    return "\n".join(out).strip("\n")


def html_to_text(html: str) -> str:
    """Return the readable text of ``html``; never raises, never fetches anything."""
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
        return _tidy("".join(parser.parts))
    except Exception as exc:  # hostile markup must never stop the mail sync
        log.info("html could not be parsed, tags stripped instead: %s", type(exc).__name__)
        return _tidy(_SPACES.sub(" ", _TAG.sub(" ", html)))
