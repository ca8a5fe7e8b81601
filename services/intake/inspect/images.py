"""Image checks: JPEG, PNG and GIF decode cleanly, are not bombs, and are legible enough."""

from __future__ import annotations

import io
import logging
import warnings

from PIL import Image

from services.intake.inspect.sniff import Sniffed
from services.intake.inspect.verdicts import accepted, rejected
from services.intake.types import InspectedFile, Limits
from services.kernel.image_facts import image_facts

log = logging.getLogger(__name__)

_DEFAULT_DPIS = frozenset({72, 96})  # camera/screen defaults: they say nothing about a scan


def inspect_image(
    name: str,
    data: bytes,
    origin: str,
    sniffed: Sniffed,
    flags: list[str],
    explained: dict[str, dict[str, object]],
    limits: Limits,
) -> InspectedFile:
    pil_format = {"jpeg": "JPEG", "png": "PNG", "gif": "GIF"}[sniffed.kind]
    try:
        with warnings.catch_warnings():
            # Pillow warns above MAX_IMAGE_PIXELS and only raises at twice that; refuse both.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[pil_format]) as image:
                width, height, dpi = image_facts(image)
                if sniffed.kind == "png":
                    image.verify()  # chunk CRCs and structure, without unpacking pixels
                else:
                    if sniffed.kind == "jpeg":  # decode at 1/8 scale: cheap, still finds truncation
                        image.draft("L", (max(1, width // 8), max(1, height // 8)))
                    image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return rejected(name, data, origin, "image_too_large", sniffed, (*flags,))
    except Exception as exc:
        log.info("image could not be read: %s", type(exc).__name__)
        return rejected(name, data, origin, "image_corrupt", sniffed, (*flags,))
    if dpi is not None and dpi not in _DEFAULT_DPIS:
        low, detail = dpi < limits.min_image_dpi, f"{dpi} dpi"
    else:
        low, detail = min(width, height) < limits.min_image_width_px, f"{width}×{height} px"
    if low:
        flags.append("low_resolution")
        explained["low_resolution"] = {"detail": detail, "min_dpi": limits.min_image_dpi}
    return accepted(name, data, origin, sniffed, flags, explained,
                    width_px=width, height_px=height, dpi=dpi)  # fmt: skip


# -- ZIP ---------------------------------------------------------------------------------------
