"""The shared-drive source against a real folder and a real watchdog observer."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from services.intake.drive import (
    DEFAULT_IGNORES,
    DriveFileChanged,
    DriveScanner,
    DriveUnavailable,
    DriveWatcher,
    is_ignored,
    read_file,
)
from services.kernel.clock import FixedClock
from services.kernel.errors import InvalidInput

STABLE = timedelta(seconds=30)
PDF = b"%PDF-1.7\n" + b"x" * 2000 + b"\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0" + b"j" * 3000 + b"\xff\xd9"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "รับคำขอ"
    folder.mkdir()
    return folder


@pytest.fixture
def drive_clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 25, 3, 0, tzinfo=UTC))


def scanner(root: Path, clock: FixedClock, **kwargs: object) -> DriveScanner:
    return DriveScanner(root, stable_for=STABLE, clock=clock, **kwargs)  # type: ignore[arg-type]


def settle(drive: DriveScanner, clock: FixedClock) -> list:
    """Scan, let the stability period pass, scan again: what a sync loop sees."""
    drive.scan()
    clock.advance(STABLE + timedelta(seconds=1))
    return drive.scan()


def write(path: Path, data: bytes, *, mtime: datetime | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if mtime is not None:
        stamp = mtime.timestamp()
        os.utime(path, (stamp, stamp))
    return path


def listing(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every entry under ``folder`` with its size, mtime and content: proof nothing changed."""
    seen: dict[str, tuple[int, int, bytes]] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath, name)
            st = path.lstat()
            data = path.read_bytes() if path.is_file() else b""
            seen[str(path.relative_to(folder))] = (st.st_size, st.st_mtime_ns, data)
    return seen


# --- stability -------------------------------------------------------------------------


def test_a_growing_file_is_taken_only_once_stable(root: Path, drive_clock: FixedClock) -> None:
    drive = scanner(root, drive_clock)
    scan = write(root / "สแกนจากเคาน์เตอร์.pdf", PDF[:500])

    assert drive.scan() == []
    assert drive.pending() == ["สแกนจากเคาน์เตอร์.pdf"]

    drive_clock.advance(timedelta(seconds=20))
    with scan.open("ab") as handle:  # the copy goes on: the clock restarts
        handle.write(PDF[500:1500])
    assert drive.scan() == []
    drive_clock.advance(timedelta(seconds=20))
    assert drive.scan() == []  # only 20 s since the last change
    assert drive.pending() == ["สแกนจากเคาน์เตอร์.pdf"]

    with scan.open("ab") as handle:
        handle.write(PDF[1500:])
    drive.scan()
    drive_clock.advance(timedelta(seconds=29))
    assert drive.scan() == []
    drive_clock.advance(timedelta(seconds=1))
    (item,) = drive.scan()

    assert drive.pending() == []
    assert item.files[0].size == len(PDF)
    assert read_file(item, item.files[0]) == PDF


def test_a_new_file_in_a_folder_restarts_the_clock(root: Path, drive_clock: FixedClock) -> None:
    drive = scanner(root, drive_clock)
    write(root / "คำขอ-001" / "หน้า1.jpg", JPEG)
    drive.scan()
    drive_clock.advance(timedelta(seconds=25))
    write(root / "คำขอ-001" / "หน้า2.jpg", JPEG + b"2")
    drive_clock.advance(timedelta(seconds=10))
    assert drive.scan() == []
    assert drive.pending() == ["คำขอ-001"]
    drive_clock.advance(STABLE)
    (item,) = drive.scan()
    assert [f.relative_path for f in item.files] == ["หน้า1.jpg", "หน้า2.jpg"]


def test_a_plain_callable_clock_is_accepted(root: Path) -> None:
    now = [datetime(2026, 11, 25, 3, 0, tzinfo=UTC)]
    drive = DriveScanner(root, stable_for=STABLE, clock=lambda: now[0])
    write(root / "a.pdf", PDF)
    assert drive.scan() == []
    now[0] += STABLE
    assert [i.name for i in drive.scan()] == ["a.pdf"]


# --- the convention --------------------------------------------------------------------


def test_ignored_names_are_never_documents(root: Path, drive_clock: FixedClock) -> None:
    junk = [
        "Thumbs.db",
        "THUMBS.DB",
        "desktop.ini",
        ".DS_Store",
        "~$แบบฟอร์ม.docx",
        "สแกน.tmp",
        "ใหญ่.pdf.part",
        "จากไลน์.jpg.crdownload",
        ".~lock.คำขอ.odt#",
        "._หน้า1.jpg",
    ]
    for name in junk:
        write(root / name, b"junk")
        write(root / "คำขอ-002" / name, b"junk")
    write(root / "คำขอ-002" / "__MACOSX" / "x.pdf", b"junk")
    write(root / "คำขอ-002" / ".git" / "config", b"junk")
    write(root / "คำขอ-002" / "บัตรประชาชน.jpg", JPEG)
    write(root / "ขยะล้วน" / "Thumbs.db", b"junk")  # nothing left: not an item
    write(root / "_อ่านก่อน.txt", b"for IT")
    write(root / ".hidden.pdf", PDF)

    items = settle(scanner(root, drive_clock), drive_clock)

    assert [(i.name, [f.relative_path for f in i.files]) for i in items] == [
        ("คำขอ-002", ["บัตรประชาชน.jpg"])
    ]
    assert all(is_ignored(name) for name in junk)
    assert not is_ignored("คำขอ.pdf")
    assert "Thumbs.db" in DEFAULT_IGNORES


def test_custom_ignore_patterns_replace_the_defaults(root: Path, drive_clock: FixedClock) -> None:
    write(root / "a.pdf", PDF)
    write(root / "b.log", b"log")
    items = settle(scanner(root, drive_clock, ignore=["*.LOG"]), drive_clock)
    assert [i.name for i in items] == ["a.pdf"]


def test_a_folder_with_a_toml_sidecar_is_one_application(
    root: Path, drive_clock: FixedClock
) -> None:
    folder = root / "นายสมชาย ใจดี - ขออนุญาตก่อสร้าง"
    early = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
    late = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    write(folder / "คำขอ.pdf", PDF, mtime=early)
    write(folder / "เอกสารแนบ" / "แบบแปลน.pdf", PDF + b"plan", mtime=late)
    write(folder / "เอกสารแนบ" / "ภาพถ่าย.jpg", JPEG, mtime=early)
    write(
        folder / "request.toml",
        """
        service = "BLD-01"
        applicant_name = "นายสมชาย ใจดี"
        applicant_kind = "person"
        national_id = "1101700203450"
        phone = "0812345678"
        email = "somchai@example.com"
        subject = "ขออนุญาตก่อสร้างอาคาร"
        note = "ส่งมาทางไลน์ ต้นฉบับจะนำมายื่นภายหลัง"
        channel_note = "LINE"
        """.encode(),
        mtime=datetime(2026, 11, 25, 1, 0, tzinfo=UTC),
    )

    (item,) = settle(scanner(root, drive_clock), drive_clock)

    assert item.name == "นายสมชาย ใจดี - ขออนุญาตก่อสร้าง"
    assert item.path == folder
    assert [f.relative_path for f in item.files] == [
        "คำขอ.pdf",
        "เอกสารแนบ/ภาพถ่าย.jpg",
        "เอกสารแนบ/แบบแปลน.pdf",
    ]
    assert item.files[0].sha256 == hashlib.sha256(PDF).hexdigest()
    assert item.files[0].mtime == early
    assert item.received_at == late  # the newest document; the sidecar is not a document
    assert item.sidecar == {
        "service": "BLD-01",
        "applicant_name": "นายสมชาย ใจดี",
        "applicant_kind": "person",
        "national_id": "1101700203450",
        "phone": "0812345678",
        "email": "somchai@example.com",
        "subject": "ขออนุญาตก่อสร้างอาคาร",
        "note": "ส่งมาทางไลน์ ต้นฉบับจะนำมายื่นภายหลัง",
        "channel_note": "LINE",
    }
    assert (item.sidecar_problem_th, item.sidecar_problem_en) == ("", "")
    assert item.key.startswith("drive:") and len(item.key) == 6 + 64
    assert [read_file(item, f) for f in item.files] == [PDF, JPEG, PDF + b"plan"]


def test_a_json_sidecar_with_unknown_keys_and_thai_kind(
    root: Path, drive_clock: FixedClock
) -> None:
    folder = root / "บริษัท ตัวอย่าง จำกัด"
    write(folder / "หนังสือรับรอง.pdf", PDF)
    sidecar = {
        "service": "SIGN-02",
        "applicant_name": "บริษัท ตัวอย่าง จำกัด",
        "applicant_kind": "นิติบุคคล",
        "national_id": 105556012341,
        "fax": "021234567",
        "phone": ["081", "082"],
    }
    write(folder / "Request.JSON", json.dumps(sidecar, ensure_ascii=False).encode("utf-8-sig"))

    (item,) = settle(scanner(root, drive_clock), drive_clock)

    assert [f.relative_path for f in item.files] == ["หนังสือรับรอง.pdf"]
    assert item.sidecar == {
        "service": "SIGN-02",
        "applicant_name": "บริษัท ตัวอย่าง จำกัด",
        "applicant_kind": "juristic",
        "national_id": "105556012341",
    }
    assert "fax" in item.sidecar_problem_en and "fax" in item.sidecar_problem_th
    assert "phone" in item.sidecar_problem_en and "must be text" in item.sidecar_problem_en
    assert "national_id is written as a number" in item.sidecar_problem_en


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("request.toml", 'service = "BLD-01"\napplicant_name = นายสมชาย\n'),
        ("request.json", '{"service": "BLD-01",'),
        ("request.json", '["not", "an", "object"]'),
        ("request.toml", 'applicant_kind = "company"\n'),
    ],
)
def test_a_malformed_sidecar_still_yields_the_item(
    root: Path, drive_clock: FixedClock, filename: str, content: str
) -> None:
    folder = root / "คำขอ-เสีย"
    write(folder / "คำขอ.pdf", PDF)
    write(folder / filename, content.encode())

    (item,) = settle(scanner(root, drive_clock), drive_clock)

    assert [f.relative_path for f in item.files] == ["คำขอ.pdf"]
    assert "applicant_kind" not in item.sidecar
    assert filename in item.sidecar_problem_en and filename in item.sidecar_problem_th
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in item.sidecar_problem_th)


def test_two_sidecars_use_neither(root: Path, drive_clock: FixedClock) -> None:
    write(root / "x" / "a.pdf", PDF)
    write(root / "x" / "request.toml", b'service = "A"\n')
    write(root / "x" / "request.json", b'{"service": "B"}')
    (item,) = settle(scanner(root, drive_clock), drive_clock)
    assert item.sidecar == {}
    assert "request.toml" in item.sidecar_problem_en


def test_a_file_in_the_root_is_one_application(root: Path, drive_clock: FixedClock) -> None:
    when = datetime(2026, 11, 24, 4, 0, tzinfo=UTC)
    write(root / "ไลน์-นางสาวมาลี.jpg", JPEG, mtime=when)
    write(root / "request.toml", b'service = "X"\n')  # at the root it is just a file
    write(root / "ข้อมูลจากระบบอื่น.pdf", PDF, mtime=when)

    items = settle(scanner(root, drive_clock), drive_clock)

    assert [i.name for i in items] == ["request.toml", "ข้อมูลจากระบบอื่น.pdf", "ไลน์-นางสาวมาลี.jpg"]
    line = items[2]
    assert line.path == root / "ไลน์-นางสาวมาลี.jpg"
    assert [(f.relative_path, f.size) for f in line.files] == [("ไลน์-นางสาวมาลี.jpg", len(JPEG))]
    assert line.received_at == when
    assert line.sidecar == {}
    assert read_file(line, line.files[0]) == JPEG


def test_received_at_is_never_in_the_future(root: Path, drive_clock: FixedClock) -> None:
    ahead = drive_clock.now() + timedelta(days=3)  # a file server whose clock runs ahead
    write(root / "a.pdf", PDF, mtime=ahead)
    (item,) = settle(scanner(root, drive_clock), drive_clock)
    assert item.received_at == drive_clock.now()
    assert item.files[0].mtime == ahead


def test_sidecars_saved_by_windows_notepad_are_read(root: Path, drive_clock: FixedClock) -> None:
    write(root / "ansi" / "a.pdf", PDF)
    write(root / "ansi" / "request.toml", 'applicant_name = "นายสมชาย"\n'.encode("cp874"))
    write(root / "unicode" / "b.pdf", PDF)
    write(root / "unicode" / "request.toml", 'applicant_name = "นางมาลี"\n'.encode("utf-16"))
    items = settle(scanner(root, drive_clock), drive_clock)
    assert [i.sidecar for i in items] == [
        {"applicant_name": "นายสมชาย"},
        {"applicant_name": "นางมาลี"},
    ]
    assert [i.sidecar_problem_en for i in items] == ["", ""]


def test_a_whole_tree_dropped_as_one_folder_is_reported(
    root: Path, drive_clock: FixedClock
) -> None:
    for n in range(5):
        write(root / "ทั้งไดรฟ์" / f"{n}.pdf", PDF + bytes([n]))
    write(root / "ปกติ" / "a.pdf", PDF)
    drive = scanner(root, drive_clock, max_files_per_item=4)
    assert [i.name for i in settle(drive, drive_clock)] == ["ปกติ"]
    assert [(r.item, r.code) for r in drive.rejected()] == [("ทั้งไดรฟ์", "too_many_files")]
    assert drive.hashed_files == 1


def test_special_files_are_left_out(root: Path, drive_clock: FixedClock) -> None:
    write(root / "x" / "a.pdf", PDF)
    os.mkfifo(root / "x" / "pipe")
    os.mkfifo(root / "pipe")
    drive = scanner(root, drive_clock)
    (item,) = settle(drive, drive_clock)
    assert [f.relative_path for f in item.files] == ["a.pdf"]
    assert {(r.relative_path, r.code) for r in drive.rejected()} == {
        ("x/pipe", "not_a_file"),
        ("pipe", "not_a_file"),
    }


# --- idempotency and the source --------------------------------------------------------


def test_rescans_give_the_same_key_and_leave_the_source_untouched(
    root: Path, drive_clock: FixedClock
) -> None:
    write(root / "คำขอ-003" / "คำขอ.pdf", PDF)
    write(root / "คำขอ-003" / "request.toml", b'service = "BLD-01"\n')
    write(root / "เดี่ยว.jpg", JPEG)
    before = listing(root)
    drive = scanner(root, drive_clock)

    first = settle(drive, drive_clock)
    hashed = drive.hashed_files
    drive_clock.advance(timedelta(minutes=5))
    second = drive.scan()

    assert [i.key for i in first] == [i.key for i in second]
    assert drive.hashed_files == hashed  # unchanged files are not read again
    assert [drive.mark_processed(i) for i in second] == [None, None]  # no processed folder
    assert listing(root) == before


def test_processed_items_are_moved_and_a_redrop_keeps_its_key(
    root: Path, drive_clock: FixedClock
) -> None:
    processed = root / "_ดำเนินการแล้ว"
    drive = scanner(root, drive_clock, processed_dir=processed)
    write(root / "คำขอ-004" / "คำขอ.pdf", PDF)
    write(root / "คำขอ-004" / "request.toml", b'service = "BLD-01"\n')
    (item,) = settle(drive, drive_clock)

    moved = drive.mark_processed(item)

    assert moved == processed / "คำขอ-004"
    assert (moved / "คำขอ.pdf").read_bytes() == PDF
    assert not (root / "คำขอ-004").exists()
    assert settle(drive, drive_clock) == []  # the processed folder is never scanned

    # The same content dropped again, even under another folder name: the same key.
    write(root / "คำขอ-004 (สำเนา)" / "คำขอ.pdf", PDF)
    write(root / "คำขอ-004 (สำเนา)" / "request.toml", b'service = "BLD-01"\n')
    (again,) = settle(drive, drive_clock)
    assert again.key == item.key
    assert drive.mark_processed(again) == processed / "คำขอ-004 (สำเนา)"

    write(root / "คำขอ-004" / "คำขอ.pdf", PDF)
    write(root / "คำขอ-004" / "request.toml", b'service = "BLD-01"\n')
    (third,) = settle(drive, drive_clock)
    assert drive.mark_processed(third) == processed / "คำขอ-004 (2)"

    write(root / "ใบเดียว.pdf", PDF)
    write(processed / "ใบเดียว.pdf", b"older")
    (single,) = settle(drive, drive_clock)
    assert drive.mark_processed(single) == processed / "ใบเดียว (2).pdf"


def test_a_corrected_sidecar_is_a_new_key(root: Path, drive_clock: FixedClock) -> None:
    write(root / "x" / "a.pdf", PDF)
    write(root / "x" / "request.toml", b'service = "A"\n')
    drive = scanner(root, drive_clock)
    (first,) = settle(drive, drive_clock)
    write(root / "x" / "request.toml", b'service = "B"\n')
    (second,) = settle(drive, drive_clock)
    assert first.key != second.key
    assert second.sidecar == {"service": "B"}


def test_an_item_that_grew_after_the_scan_is_not_moved(root: Path, drive_clock: FixedClock) -> None:
    processed = root / "_processed"
    drive = scanner(root, drive_clock, processed_dir=processed)
    write(root / "คำขอ-005" / "a.pdf", PDF)
    (item,) = settle(drive, drive_clock)
    write(root / "คำขอ-005" / "b.pdf", PDF + b"late page")

    assert drive.mark_processed(item) is None
    assert (root / "คำขอ-005" / "b.pdf").exists()
    (grown,) = settle(drive, drive_clock)
    assert grown.key != item.key and len(grown.files) == 2


def test_read_file_checks_size_and_content(root: Path, drive_clock: FixedClock) -> None:
    write(root / "x" / "a.pdf", PDF)
    (item,) = settle(scanner(root, drive_clock), drive_clock)
    with pytest.raises(InvalidInput) as too_big:
        read_file(item, item.files[0], max_bytes=100)
    assert too_big.value.code == "file_too_large"

    write(root / "x" / "a.pdf", PDF.replace(b"x", b"y"))
    with pytest.raises(DriveFileChanged) as changed:
        read_file(item, item.files[0])
    assert "a.pdf" in changed.value.th and "a.pdf" in changed.value.en

    (root / "x" / "a.pdf").unlink()
    with pytest.raises(DriveFileChanged):
        read_file(item, item.files[0])


# --- links -----------------------------------------------------------------------------


def test_symlinks_out_of_the_root_are_rejected(
    root: Path, tmp_path: Path, drive_clock: FixedClock
) -> None:
    secret = write(tmp_path / "secret" / "shadow.txt", b"top secret")
    (root / "ทางลัด.txt").symlink_to(secret)
    (root / "โฟลเดอร์ลัด").symlink_to(secret.parent)
    write(root / "คำขอ-006" / "a.pdf", PDF)
    (root / "คำขอ-006" / "แอบอ่าน.txt").symlink_to(secret)
    (root / "คำขอ-006" / "ข้างนอก").symlink_to(secret.parent)
    drive = scanner(root, drive_clock)

    (item,) = settle(drive, drive_clock)

    assert item.name == "คำขอ-006"
    assert [f.relative_path for f in item.files] == ["a.pdf"]
    rejected = {(r.relative_path, r.code) for r in drive.rejected()}
    assert rejected == {
        ("ทางลัด.txt", "symlink"),
        ("โฟลเดอร์ลัด", "symlink"),
        ("คำขอ-006/แอบอ่าน.txt", "symlink"),
        ("คำขอ-006/ข้างนอก", "symlink"),
    }
    assert all(r.reason_th and r.reason_en for r in drive.rejected())

    # A document swapped for a link after the scan is not followed when read.
    (root / "คำขอ-006" / "a.pdf").unlink()
    (root / "คำขอ-006" / "a.pdf").symlink_to(secret)
    with pytest.raises(DriveFileChanged):
        read_file(item, item.files[0])
    # ... nor is a whole item folder swapped for a link.
    (root / "คำขอ-006").rename(tmp_path / "moved")
    (root / "คำขอ-006").symlink_to(tmp_path / "moved")
    with pytest.raises(DriveFileChanged):
        read_file(item, item.files[0])


def test_hard_links_to_files_elsewhere_are_rejected(
    root: Path, tmp_path: Path, drive_clock: FixedClock
) -> None:
    """A hard link is the linked file itself: a system file linked in must not be taken."""
    secret = write(tmp_path / "etc" / "shadow", b"root:$6$secret")
    os.link(secret, root / "shadow.pdf")
    write(root / "คำขอ-007" / "a.pdf", PDF)
    os.link(secret, root / "คำขอ-007" / "passwd.pdf")
    drive = scanner(root, drive_clock)

    (item,) = settle(drive, drive_clock)

    assert item.name == "คำขอ-007"
    assert [f.relative_path for f in item.files] == ["a.pdf"]
    assert {(r.relative_path, r.code) for r in drive.rejected()} == {
        ("shadow.pdf", "hard_link"),
        ("คำขอ-007/passwd.pdf", "hard_link"),
    }
    assert all(r.reason_th and r.reason_en for r in drive.rejected())

    # A document replaced by a hard link after the scan is not read.
    (root / "คำขอ-007" / "a.pdf").unlink()
    linked = write(tmp_path / "elsewhere.pdf", PDF)
    os.link(linked, root / "คำขอ-007" / "a.pdf")
    with pytest.raises(DriveFileChanged):
        read_file(item, item.files[0])


def test_names_are_shown_without_bidi_or_control_characters(
    root: Path, tmp_path: Path, drive_clock: FixedClock
) -> None:
    write(root / "คำขอ\u202e-008" / "a.pdf", PDF)
    os.link(write(tmp_path / "x.pdf", PDF), root / "คำขอ\u202e-008" / "b\u202efdp.exe")
    drive = scanner(root, drive_clock)

    (item,) = settle(drive, drive_clock)

    assert item.name == "คำขอ-008"
    assert [(r.item, r.relative_path) for r in drive.rejected()] == [
        ("คำขอ-008", "คำขอ-008/bfdp.exe")
    ]
    assert "\u202e" not in drive.rejected()[0].reason_en
    assert read_file(item, item.files[0]) == PDF  # the real path still opens


# --- availability ----------------------------------------------------------------------


def test_a_missing_root_is_drive_unavailable(tmp_path: Path, drive_clock: FixedClock) -> None:
    drive = scanner(tmp_path / "ไม่ได้เชื่อมต่อ", drive_clock)
    with pytest.raises(DriveUnavailable) as missing:
        drive.scan()
    assert missing.value.code == "drive_unavailable"
    assert "ไดรฟ์" in missing.value.th and "network" in missing.value.en

    write(tmp_path / "a-file", b"")
    with pytest.raises(DriveUnavailable):
        scanner(tmp_path / "a-file", drive_clock).scan()


def test_the_share_coming_back_is_picked_up(tmp_path: Path, drive_clock: FixedClock) -> None:
    share = tmp_path / "share"
    drive = scanner(share, drive_clock)
    with pytest.raises(DriveUnavailable):
        drive.scan()
    write(share / "a.pdf", PDF)  # "mounted" again
    assert [i.name for i in settle(drive, drive_clock)] == ["a.pdf"]


def test_a_root_that_is_a_file_is_drive_unavailable(
    tmp_path: Path, drive_clock: FixedClock
) -> None:
    # (An unreadable folder cannot be shown as root, which reads everything; a
    # mount point replaced by a file fails the same way.)
    not_a_folder = tmp_path / "share"
    not_a_folder.write_bytes(b"not a folder")
    with pytest.raises(DriveUnavailable) as caught:
        scanner(not_a_folder, drive_clock).scan()
    assert caught.value.th and caught.value.en


# --- the watcher -----------------------------------------------------------------------


@pytest.fixture
def watcher(root: Path) -> Iterator[DriveWatcher]:
    watching = DriveWatcher(root)
    yield watching
    watching.stop()


def wait_for(condition, seconds: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_a_new_file_wakes_the_loop(root: Path, watcher: DriveWatcher) -> None:
    assert watcher.start() is True
    assert watcher.live and watcher.failure is None
    assert watcher.changed() is False

    write(root / "คำขอใหม่" / "หน้า1.pdf", PDF)

    assert watcher.event.wait(5.0)
    assert watcher.changed() is True
    assert watcher.changed() is False  # cleared


def test_reading_files_does_not_wake_the_loop(
    root: Path, watcher: DriveWatcher, drive_clock: FixedClock
) -> None:
    write(root / "a.pdf", PDF)
    drive = DriveScanner(root, stable_for=timedelta(0), clock=drive_clock)
    watcher.start()
    (item,) = drive.scan()
    read_file(item, item.files[0])
    assert not watcher.wait(0.5)  # our own reads must not cause endless rescans
    write(root / "b.pdf", PDF)
    assert wait_for(watcher.changed)


def test_a_watcher_that_cannot_start_does_not_raise(tmp_path: Path) -> None:
    watching = DriveWatcher(tmp_path / "ไม่มีโฟลเดอร์นี้")
    try:
        assert watching.start() is False
        assert watching.live is False
        assert watching.failure is not None
        assert watching.failure.th and "timer" in watching.failure.en
        assert watching.changed() is False

        (tmp_path / "ไม่มีโฟลเดอร์นี้").mkdir()  # the share is mounted later: retry works
        assert watching.start() is True
        assert watching.failure is None
        write(tmp_path / "ไม่มีโฟลเดอร์นี้" / "a.pdf", PDF)
        assert wait_for(watching.changed)
    finally:
        watching.stop()
    assert watching.live is False


# --- a social platform's own timestamp (M26) ------------------------------------------------


def test_a_line_export_is_received_when_it_was_sent_on_line(
    root: Path, drive_clock: FixedClock
) -> None:
    # Exported a day after the applicant sent it on LINE: the LINE time counts.
    exported = drive_clock.now() - timedelta(minutes=10)
    write(root / "ไลน์ นายสมชาย" / "รูปบัตร.jpg", JPEG, mtime=exported)
    write(
        root / "ไลน์ นายสมชาย" / "request.toml",
        b'applicant_name = "\xe0\xb8\x99\xe0\xb8\xb2\xe0\xb8\xa2"\n'
        b'platform = "line"\nsubmitted_at = 2026-11-24T09:14:00+07:00\n',  # a TOML date-time
        mtime=exported,
    )
    (item,) = settle(scanner(root, drive_clock), drive_clock)
    assert item.received_at == datetime(2026, 11, 24, 2, 14, tzinfo=UTC)
    assert item.sidecar["platform"] == "line"
    assert (item.sidecar_problem_th, item.sidecar_problem_en) == ("", "")


def test_a_platform_time_in_the_future_is_clamped_and_flagged(
    root: Path, drive_clock: FixedClock
) -> None:
    arrived = drive_clock.now() - timedelta(minutes=10)
    write(root / "fb" / "คำขอ.pdf", PDF, mtime=arrived)
    write(
        root / "fb" / "request.toml",
        b'platform = "facebook"\nsubmitted_at = "2026-11-27T09:00:00+07:00"\n',
        mtime=arrived,
    )
    (item,) = settle(scanner(root, drive_clock), drive_clock)
    assert abs(item.received_at - arrived) < timedelta(seconds=1)  # arrival, not the future
    assert "is after the files reached the drive" in item.sidecar_problem_en
    assert "อยู่หลังเวลาที่ไฟล์มาถึงไดรฟ์" in item.sidecar_problem_th


@pytest.mark.parametrize(
    ("lines", "en"),
    [
        (b'platform = "tiktok"\n', "platform must be line or facebook, not 'tiktok'"),
        (b'platform = "line"\nsubmitted_at = "yesterday"\n', "cannot be read"),
        (b'submitted_at = "2026-11-24T09:14:00"\n', "without a platform"),
    ],
)
def test_platform_keys_that_cannot_be_used_are_flagged(
    root: Path, drive_clock: FixedClock, lines: bytes, en: str
) -> None:
    write(root / "x" / "a.pdf", PDF, mtime=drive_clock.now() - timedelta(minutes=10))
    write(root / "x" / "request.toml", lines)
    (item,) = settle(scanner(root, drive_clock), drive_clock)
    assert en in item.sidecar_problem_en
