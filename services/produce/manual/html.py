"""The manual of one service as a self-contained HTML page: every value escaped, nothing remote."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Final

from services.produce.manual.content import Block

__all__ = ["index_html", "manual_html"]

# Inline style only: the page loads nothing (no fonts, scripts or images from anywhere).
_STYLE: Final = (
    "body{font-family:'Sarabun','Garuda','Tahoma',sans-serif;max-width:46em;margin:2em auto;"
    "padding:0 1em;line-height:1.6;color:#111}"
    ".en{color:#555;font-size:.88em;margin:0 0 .4em 0}"
    ".sub{color:#555;font-size:.9em}"
    "dl{display:grid;grid-template-columns:12em 1fr;gap:.2em 1em;margin:.3em 0}"
    "dt{font-weight:bold}dd{margin:0}"
    "h2{margin:1.2em 0 0 0;font-size:1.15em}"
)
_HEAD: Final = (
    '<!DOCTYPE html>\n<html lang="th">\n<head>\n<meta charset="utf-8">\n'
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
    "style-src 'unsafe-inline'\">\n"
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    "<title>{title}</title>\n<style>{style}</style>\n</head>\n<body>\n"
)


def _page(title: str, body: list[str]) -> str:
    head = _HEAD.replace("{title}", escape(title)).replace("{style}", _STYLE)
    return head + "\n".join(body) + "\n</body>\n</html>\n"


def manual_html(title: str, blocks: Sequence[Block]) -> str:
    body: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if items:
            body.append("<ul>\n" + "\n".join(items) + "\n</ul>")
            items.clear()

    for block in blocks:
        text = escape(block.text)
        if block.kind == "item":
            items.append(f"<li>{text}</li>")
            continue
        if block.kind == "en" and items:
            items[-1] = items[-1][: -len("</li>")] + f'<div class="en" lang="en">{text}</div></li>'
            continue
        flush()
        if block.kind == "title":
            body.append(f"<h1>{text}</h1>")
        elif block.kind == "subtitle":
            body.append(f'<p class="sub">{text}</p>')
        elif block.kind == "heading":
            body.append(f"<h2>{text}</h2>")
        elif block.kind == "en":
            body.append(f'<p class="en" lang="en">{text}</p>')
        elif block.kind == "pair":
            body.append(f"<dl><dt>{escape(block.label)}</dt><dd>{text}</dd></dl>")
        else:
            body.append(f"<p>{text}</p>")
    flush()
    return _page(title, body)


def index_html(agency_th: str, agency_en: str, entries: Sequence[tuple[str, str, str]]) -> str:
    """The list of services: (file stem, Thai name, English name)."""
    rows = [
        f'<li><a href="{escape(stem)}.html">{escape(th)}</a>'
        f'<div class="en" lang="en">{escape(en)} · '
        f'<a href="{escape(stem)}.pdf">PDF</a></div></li>'
        for stem, th, en in entries
    ]
    body = [
        f"<h1>คู่มือสำหรับประชาชน — {escape(agency_th)}</h1>",
        f'<p class="en" lang="en">Citizen manual — {escape(agency_en)}</p>',
        "<ul>",
        *rows,
        "</ul>",
    ]
    return _page(f"คู่มือสำหรับประชาชน — {agency_th}", body)
