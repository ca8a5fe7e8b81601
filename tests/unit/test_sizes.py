"""One size convention (decimal units) for every text a person reads: screens, holds, letters."""

from __future__ import annotations

from services.intake.inspect import inspect_attachments
from services.intake.types import Limits, ParsedAttachment
from services.kernel.sizes import MB, format_size


def test_the_reported_file_reads_in_decimal_megabytes() -> None:
    # 30,105,462 bytes was shown as "28.7 MB": mebibytes labelled megabytes.
    assert format_size(30_105_462) == "30.1 MB"


def test_each_unit_and_its_boundary() -> None:
    assert format_size(0) == "0 B"
    assert format_size(999) == "999 B"
    assert format_size(1000) == "1 kB"
    assert format_size(12_400) == "12.4 kB"
    assert format_size(999_949) == "999.9 kB"
    assert format_size(25 * MB) == "25 MB"
    assert format_size(1_234_000_000) == "1.2 GB"


def test_a_limit_of_25_mb_refuses_what_it_says() -> None:
    limits = Limits()
    assert format_size(limits.max_file_bytes) == "25 MB"
    over = b"%PDF-1.4\n" + b"\x00" * (limits.max_file_bytes - 8)
    assert len(over) == limits.max_file_bytes + 1
    (result,) = inspect_attachments([ParsedAttachment("big.pdf", "application/pdf", over)])
    assert result.reason_code == "file_too_large"
    assert "25 MB" in result.reason_en and "25 MB" in result.reason_th
    assert "25 MB" in (result.applicant_en or "") and "MiB" not in result.reason_en
