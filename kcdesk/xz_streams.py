"""xz files made of several independent streams, packed and unpacked on several cores.

A first-pull snapshot is about 80 MB of SQLite packed by xz to under 4 MB; unpacking it
in one stream takes half a second on a laptop core, the largest single step of the pull
after the copy itself. The .xz format allows streams one after another in one file (any
xz reader, Python's lzma included, reads them in turn), so the server packs the file in
parts of PART_BYTES, each its own stream, and the laptop finds where each stream starts
from the index every stream ends with and unpacks them side by side: lzma releases the
GIL while it works. The bytes on the wire grow by a few hundred per part.

Nothing here trusts the file: a part whose bounds or sizes do not add up is an error the
caller treats as a damaged file (it then unpacks in one pass, which checks every stream).
"""

from __future__ import annotations

import lzma
import os
import struct
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import accumulate
from pathlib import Path
from typing import BinaryIO

# Uncompressed bytes per stream. A province of 100,000 facilities (78 MB) makes 8 parts,
# which two cores unpack in 0.18 s where 5 parts of 16 MiB took 0.29 s (one core idles
# through the last); the file is no larger (3,968,436 B against 3,974,532), since xz's
# default dictionary (8 MiB) sees no further back anyway. Measured with xz_streams.pack
# and unpack on the bench's snapshot; parts of 4 MiB grow it by 4%.
PART_BYTES = 10 * 1024 * 1024
_HEADER_MAGIC = b"\xfd7zXZ\x00"
_FOOTER_MAGIC = b"YZ"
_CHUNK = 1 << 20


class XzLayoutError(ValueError):
    """The file is not a sequence of whole xz streams as this module reads them."""


def pack(src: BinaryIO, dst: BinaryIO, preset: int, part_bytes: int = PART_BYTES) -> None:
    """`src` packed into `dst` as one xz stream per `part_bytes`, the parts packed side by side."""
    workers = _workers(4)
    with ThreadPoolExecutor(workers) as pool:
        while True:  # a few parts at a time: a national snapshot is not read into memory whole
            parts = [part for part in (src.read(part_bytes) for _ in range(workers)) if part]
            for packed in pool.map(lambda part: lzma.compress(part, preset=preset), parts):
                dst.write(packed)
            if len(parts) < workers:
                return


def unpack(packed: Path, plain: Path) -> None:
    """`packed` unpacked into `plain`, its streams side by side. Raises XzLayoutError when the
    streams cannot be told apart, lzma.LZMAError or EOFError when one is damaged."""
    with packed.open("rb") as f:
        bounds = stream_bounds(f)
    ends = list(accumulate(size for _start, _end, size in bounds))
    offsets = [0, *ends[:-1]]
    with plain.open("wb") as out:
        out.truncate(ends[-1])
    with ThreadPoolExecutor(_workers(len(bounds))) as pool:
        done = pool.map(lambda job: _unpack_one(packed, plain, *job), zip(bounds, offsets, strict=True))
        for _ in done:  # raises the first failure
            pass


def _workers(jobs: int) -> int:
    """Threads for `jobs` parts: one a core, at most four (lzma releases the GIL)."""
    return max(1, min(jobs, 4, os.cpu_count() or 1))


def _unpack_one(packed: Path, plain: Path, bound: tuple[int, int, int], offset: int) -> None:
    start, end, size = bound
    decompressor = lzma.LZMADecompressor(lzma.FORMAT_XZ)
    written = 0
    with packed.open("rb") as src, plain.open("r+b") as dst:
        dst.seek(offset)
        for chunk in _read_range(src, start, end):
            data = decompressor.decompress(chunk)
            written += len(data)
            if written > size:
                raise XzLayoutError("stream longer than its index says")
            dst.write(data)
        if not decompressor.eof or written != size:
            raise XzLayoutError("stream shorter than its index says")


def _read_range(src: BinaryIO, start: int, end: int) -> Iterator[bytes]:
    src.seek(start)
    left = end - start
    while left > 0:
        chunk = src.read(min(_CHUNK, left))
        if not chunk:
            raise XzLayoutError("file ends inside a stream")
        left -= len(chunk)
        yield chunk


def stream_bounds(f: BinaryIO) -> list[tuple[int, int, int]]:
    """(start, end, uncompressed size) of each stream in the file, first to last, read from
    the stream footers and indexes backwards from the end (stream padding skipped)."""
    f.seek(0, os.SEEK_END)
    end = f.tell()
    found: list[tuple[int, int, int]] = []
    while end > 0:
        f.seek(end - 4)
        if f.read(4) == b"\0\0\0\0":  # stream padding between streams
            end -= 4
            continue
        start, size = _one_stream(f, end)
        found.append((start, end, size))
        end = start
    if not found:
        raise XzLayoutError("no xz stream")
    return found[::-1]


def _one_stream(f: BinaryIO, end: int) -> tuple[int, int]:
    if end < 24:
        raise XzLayoutError("too short for an xz stream")
    f.seek(end - 12)
    footer = f.read(12)
    if footer[10:] != _FOOTER_MAGIC:
        raise XzLayoutError("no xz stream footer")
    index_size = (struct.unpack("<I", footer[4:8])[0] + 1) * 4
    index_start = end - 12 - index_size
    if index_start < 12:
        raise XzLayoutError("index larger than the file")
    f.seek(index_start)
    index = f.read(index_size)
    if index[:1] != b"\0":
        raise XzLayoutError("no xz index")
    pos = 1
    records, pos = _varint(index, pos)
    blocks = size = 0
    for _ in range(records):
        unpadded, pos = _varint(index, pos)
        uncompressed, pos = _varint(index, pos)
        blocks += (unpadded + 3) & ~3
        size += uncompressed
    start = index_start - blocks - 12
    if start < 0:
        raise XzLayoutError("blocks larger than the file")
    f.seek(start)
    if f.read(6) != _HEADER_MAGIC:
        raise XzLayoutError("no xz stream header where the index says")
    return start, size


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    for _ in range(9):
        if pos >= len(data):
            raise XzLayoutError("index ends inside a number")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, pos
        shift += 7
    raise XzLayoutError("number too long in the index")
