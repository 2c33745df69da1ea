"""The exchange package file: addressed, numbered, compressed and checksummed.

Layout (all of it covered by the trailing SHA-256):

    MAGIC (8 bytes) | header length (4 bytes, big-endian) | header (UTF-8 JSON)
    | body (zlib-compressed UTF-8 JSON) | SHA-256 of everything before it (32 bytes)

The header says who sent it to whom (county, offices, the sender's township), its number in the
sequence from that office to that one, the last package the sender merged from the receiver
(`ack`) and how many records it carries. The body holds the records, kind by kind, as columns
and rows of stored values. Reading checks everything before returning anything, with limits on
every size, so a truncated, altered or hostile file is a PackageError and nothing else.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pairing_desktop.core.bulk import paused_gc
from pairing_desktop.core.errors import RefusedError, os_reason
from pairing_desktop.core.i18n import tr

MAGIC = b"PDSYNC01"
SUFFIX = ".pdx"
FORMAT = 1
DIGEST = 32
HEADER_MAX = 64 * 1024
FILE_MAX = 256 * 2**20  # a county's whole year is a few MB compressed
BODY_MAX = 2 * 2**30  # what the body may inflate to: a zip bomb stops here
LEVEL = 6  # zlib's default: 9 made the 50,000-change package 3 % smaller and 2.5x slower

HEADER_FIELDS = {"format": int, "county": str, "from": str, "to": str, "township": str,
                 "seq": int, "ack": int, "count": int, "made_at": str}


class PackageError(RefusedError):
    """A package that cannot be merged: the message says why; nothing was written."""


@dataclass(frozen=True)
class Package:
    header: dict[str, Any]
    body: dict[str, Any]


def encode(header: dict[str, Any], body: dict[str, Any]) -> bytes:
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    blob = MAGIC + struct.pack(">I", len(head)) + head + zlib.compress(data, LEVEL)
    return blob + hashlib.sha256(blob).digest()


def write(path: Path, header: dict[str, Any], body: dict[str, Any]) -> int:
    """Write a package to `path` (the caller's temporary name); return its size in bytes."""
    blob = encode(header, body)
    path.write_bytes(blob)
    return len(blob)


def read(path: Path) -> Package:
    """Read and check a whole package file; PackageError names what is wrong."""
    try:
        size = Path(path).stat().st_size
        if size > FILE_MAX:
            raise PackageError(tr("文件 {path} 太大（{size} MB），不是交换包。").format(
                path=path, size=size // 2**20))
        blob = Path(path).read_bytes()
    except OSError as exc:
        raise PackageError(tr("无法读取交换包 {path}：{reason}。").format(
            path=path, reason=os_reason(exc))) from exc
    return decode(blob, str(path))


def decode(blob: bytes, name: str = "交换包") -> Package:
    if not blob.startswith(MAGIC):
        raise PackageError(tr("{name} 不是本程序的交换包（文件开头不对），未导入任何内容。")
                           .format(name=name))
    if len(blob) < len(MAGIC) + 4 + DIGEST:
        raise PackageError(tr("交换包 {name} 不完整（文件被截断），未导入任何内容。"
                              "请重新复制或让对方重发。").format(name=name))
    if hashlib.sha256(blob[:-DIGEST]).digest() != blob[-DIGEST:]:
        raise PackageError(tr("交换包 {name} 已损坏或被改动（校验值不符，可能复制不完整），"
                              "未导入任何内容。请重新复制或让对方重发。").format(name=name))
    (head_len,) = struct.unpack(">I", blob[len(MAGIC):len(MAGIC) + 4])
    start = len(MAGIC) + 4
    if head_len > HEADER_MAX or start + head_len > len(blob) - DIGEST:
        raise PackageError(tr("交换包 {name} 的包头不对，未导入任何内容。").format(name=name))
    header = _json(blob[start:start + head_len], name)
    _check_header(header, name)
    inflate = zlib.decompressobj()
    try:
        data = inflate.decompress(blob[start + head_len:-DIGEST], BODY_MAX)
    except zlib.error as exc:
        raise PackageError(tr("交换包 {name} 的内容无法解压（{problem}），未导入任何内容。")
                           .format(name=name, problem=exc)) from exc
    if inflate.unconsumed_tail or not inflate.eof:
        raise PackageError(tr("交换包 {name} 的内容不完整或过大，未导入任何内容。").format(
            name=name))
    with paused_gc():  # 50,000 rows are as many lists and vectors: core.bulk
        body = _json(data, name)
    if not isinstance(body, dict):
        raise PackageError(tr("交换包 {name} 的内容格式不对，未导入任何内容。").format(name=name))
    return Package(header, body)


def _json(data: bytes, name: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise PackageError(tr("交换包 {name} 的内容格式不对（{problem}），"
                              "未导入任何内容。").format(name=name,
                                                   problem=exc.__class__.__name__)) from exc


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a ledger stores")


def _check_header(header: Any, name: str) -> None:
    if not isinstance(header, dict):
        raise PackageError(tr("交换包 {name} 的包头格式不对，未导入任何内容。").format(name=name))
    for key, kind in HEADER_FIELDS.items():
        value = header.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise PackageError(tr("交换包 {name} 的包头缺少或写错了“{key}”，未导入任何内容。")
                               .format(name=name, key=key))
    if header["format"] != FORMAT:
        raise PackageError(tr("交换包 {name} 的格式版本（{version}）本程序不认识："
                              "请把两边的程序升级到同一版本。").format(
                                  name=name, version=header["format"]))
    if header["seq"] < 1 or header["ack"] < 0 or header["count"] < 0:
        raise PackageError(tr("交换包 {name} 的序号不对，未导入任何内容。").format(name=name))
