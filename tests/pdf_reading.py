"""Reading back a generated PDF as people and programs do: pypdf, pdftotext, a PNG.

Text is compared with runs of white space folded to one space: lines wrap at spaces, so a
wrapped paragraph reads back as the exact string it was written from.
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

from pypdf import PdfReader

from tests.peers.tools import require_tool

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def folded(text: str) -> str:
    return " ".join(text.split())


def pypdf_pages(data: bytes) -> list[str]:
    return [folded(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def pdftotext_pages(path: Path) -> list[str]:
    result = subprocess.run(
        [require_tool("pdftotext", "poppler-utils"), "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
    )
    return [folded(p) for p in result.stdout.decode("utf-8").split("\f")[:-1]]


def save_artifact(name: str, data: bytes, *, png: bool = True) -> Path:
    """``artifacts/name`` (git-ignored), and its first page as ``name``-1.png at 80 dpi."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    path.write_bytes(data)
    if png:
        subprocess.run(
            [
                require_tool("pdftoppm", "poppler-utils"),
                "-png",
                "-r",
                "80",
                str(path),
                str(path.with_suffix("")),
            ],
            check=True,
        )
    return path
