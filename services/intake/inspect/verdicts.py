"""Building the verdict on one file (accepted with flags, or rejected with a reason),
and the per-application caps applied over all of them.
"""

from __future__ import annotations

from dataclasses import replace

from services.intake.inspect.reasons import EXPLAINED_FLAGS, applicant_texts, reason_texts
from services.intake.inspect.sniff import UNKNOWN, Sniffed
from services.intake.types import InspectedFile, Limits
from services.kernel.sizes import format_size


def rejected(
    name: str,
    data: bytes,
    origin: str,
    code: str,
    sniffed: Sniffed | None = None,
    flags: tuple[str, ...] = (),
    **fields: object,
) -> InspectedFile:
    th, en = reason_texts(code, fields)
    to_th, to_en = applicant_texts(code, fields)
    content_type = (sniffed or UNKNOWN).content_type if data else "application/x-empty"
    return InspectedFile(
        filename=name,
        content_type=content_type,
        data=data,
        verdict="rejected",
        reason_code=code,
        reason_th=th,
        reason_en=en,
        applicant_th=to_th,
        applicant_en=to_en,
        flags=flags if code in flags else (code, *flags),
        origin_path=origin,
    )


def accepted(
    name: str,
    data: bytes,
    origin: str,
    sniffed: Sniffed,
    flags: list[str],
    explained: dict[str, dict[str, object]],
    text: str | None = None,
    **facts: int | None,
) -> InspectedFile:
    reasons = [f for f in EXPLAINED_FLAGS if f in explained]
    texts = [reason_texts(code, explained[code]) for code in reasons]
    return InspectedFile(
        filename=name,
        content_type=sniffed.content_type,
        data=data,
        verdict="accepted",
        reason_code=reasons[0] if reasons else None,
        reason_th=" ".join(t[0] for t in texts),
        reason_en=" ".join(t[1] for t in texts),
        flags=tuple(dict.fromkeys(flags)),
        origin_path=origin,
        pages=facts.get("pages"),
        width_px=facts.get("width_px"),
        height_px=facts.get("height_px"),
        dpi=facts.get("dpi"),
        text=text,
    )


# -- PDF ---------------------------------------------------------------------------------------


def apply_application_limits(files: list[InspectedFile], limits: Limits) -> list[InspectedFile]:
    count = 0
    total = 0
    out: list[InspectedFile] = []
    for item in files:
        if item.verdict != "accepted":
            out.append(item)
            continue
        if count + 1 > limits.max_files:
            code, limit = "too_many_files", str(limits.max_files)
        elif total + len(item.data) > limits.max_application_bytes:
            code, limit = "application_too_large", format_size(limits.max_application_bytes)
        else:
            count += 1
            total += len(item.data)
            out.append(item)
            continue
        th, en = reason_texts(code, {"limit": limit})
        to_th, to_en = applicant_texts(code, {"limit": limit})
        out.append(replace(item, verdict="rejected", reason_code=code, reason_th=th,
                           reason_en=en, applicant_th=to_th, applicant_en=to_en,
                           flags=(code, *item.flags)))  # fmt: skip
    return out
