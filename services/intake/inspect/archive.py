"""Unpacking a ZIP safely, in memory: no traversal, no links, no bombs, bounded throughout."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass

from services.intake.types import Limits
from services.kernel.sizes import MB, format_size

_CHUNK = 256 * 1024
_RATIO_FLOOR = MB  # below this many unpacked bytes a high ratio is harmless (tiny text files)


@dataclass
class Budget:
    """What is left to unpack from one top-level archive and everything nested in it."""

    bytes_left: int
    members_left: int


class ArchiveProblem(Exception):
    def __init__(self, code: str, **fields: object) -> None:
        super().__init__(code)
        self.code = code
        self.fields = fields


_JUNK_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})


def _member_path(info: zipfile.ZipInfo) -> str:
    """The member's name as its maker meant it: UTF-8 flag, Info-ZIP Unicode field, or cp874."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437")  # zipfile decoded the bytes as cp437; undo that
    extra = info.extra
    while len(extra) >= 4:
        field_id = int.from_bytes(extra[0:2], "little")
        size = int.from_bytes(extra[2:4], "little")
        body = extra[4 : 4 + size]
        if field_id == 0x7075 and len(body) > 5 and body[0] == 1:
            if int.from_bytes(body[1:5], "little") == zlib.crc32(raw):
                try:
                    return body[5:].decode("utf-8")
                except UnicodeDecodeError:
                    pass
        extra = extra[4 + size :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp874", errors="replace")


def _unsafe_path(path: str) -> bool:
    if path.startswith("/") or re.match(r"^[A-Za-z]:", path):
        return True
    return any(part == ".." for part in path.split("/"))


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: str, limits: Limits, budget: Budget
) -> bytes:
    """Unpack one member with running caps; the sizes in the headers are not trusted."""
    out = bytearray()
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            out += chunk
            if len(out) > limits.max_file_bytes:
                raise ArchiveProblem(
                    "zip_member_too_large", member=path, limit=format_size(limits.max_file_bytes)
                )
            if len(out) > budget.bytes_left:
                raise ArchiveProblem("zip_too_large", limit=format_size(limits.zip_max_total_bytes))
            if len(out) > _RATIO_FLOOR and len(out) > max(1, info.compress_size) * (
                limits.zip_max_ratio
            ):
                raise ArchiveProblem("zip_bomb", ratio=f"{limits.zip_max_ratio:g}")
    budget.bytes_left -= len(out)
    return bytes(out)


def unpack_zip(data: bytes, limits: Limits, budget: Budget) -> list[tuple[str, bytes]]:
    members: list[tuple[str, bytes]] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        if len(infos) > min(limits.zip_max_members, budget.members_left):
            raise ArchiveProblem("zip_too_many_members", limit=limits.zip_max_members)
        budget.members_left -= len(infos)
        declared = sum(i.file_size for i in infos)
        if declared > budget.bytes_left:
            raise ArchiveProblem("zip_too_large", limit=format_size(limits.zip_max_total_bytes))
        plan: list[tuple[zipfile.ZipInfo, str]] = []
        for info in infos:
            path = _member_path(info).replace("\\", "/")
            if _unsafe_path(path):
                raise ArchiveProblem("zip_traversal", member=path[:80])
            if (info.external_attr >> 16) & 0o170000 == 0o120000:
                raise ArchiveProblem("zip_symlink")
            if info.flag_bits & 0x1:
                raise ArchiveProblem("zip_encrypted")
            if path.endswith("/") or info.is_dir():
                continue
            parts = path.split("/")
            if parts[0] == "__MACOSX" or parts[-1].lower() in _JUNK_NAMES:
                continue  # made by the zipping tool, not by the applicant
            if info.file_size > limits.max_file_bytes:
                raise ArchiveProblem(
                    "zip_member_too_large",
                    member=path[:80],
                    limit=format_size(limits.max_file_bytes),
                )
            if info.file_size > _RATIO_FLOOR and info.file_size > max(1, info.compress_size) * (
                limits.zip_max_ratio
            ):
                raise ArchiveProblem("zip_bomb", ratio=f"{limits.zip_max_ratio:g}")
            plan.append((info, path))
        for info, path in plan:
            members.append((path, _read_member(archive, info, path, limits, budget)))
    return members
