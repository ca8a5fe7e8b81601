"""What an opened image says about itself: its size in pixels and its resolution.

One reading for every place that records these facts (file inspection at intake, documents
attached later), so the same file never gets two different resolutions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only read attributes: no Pillow import for callers that open no image
    from PIL import Image

__all__ = ["image_dpi", "image_facts"]


def image_dpi(value: object) -> int | None:
    """The resolution in ``image.info["dpi"]`` (a number or an (x, y) pair), rounded.

    ``None`` when there is none, it is not a number, or it is 0 or 1 (no real resolution).
    """
    if isinstance(value, tuple) and value:
        value = value[0]
    try:
        dpi = round(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None
    return dpi if dpi > 1 else None


def image_facts(image: Image.Image) -> tuple[int, int, int | None]:
    """``(width_px, height_px, dpi)`` of an opened image, without decoding its pixels."""
    width, height = image.size
    return width, height, image_dpi(image.info.get("dpi"))
