"""The first-pull snapshot is packed as several xz streams and unpacked side by side
(kcdesk.xz_streams): the bytes that come out must be exactly the ones that went in, any
xz reader (an older laptop's) must read the same file, and a damaged file must never
unpack into something that looks whole."""

from __future__ import annotations

import io
import lzma
import random
from pathlib import Path

import pytest

from kcdesk import xz_streams


def _sample(size: int) -> bytes:
    rng = random.Random(7)
    words = [bytes(rng.choice(b"abcdeghiklmnopqrstuvxy ") for _ in range(rng.randint(2, 9))) for _ in range(500)]
    out = bytearray()
    while len(out) < size:
        out += rng.choice(words) + (rng.randbytes(3) if rng.random() < 0.1 else b" ")
    return bytes(out[:size])


def _packed(tmp_path: Path, data: bytes, part_bytes: int) -> Path:
    buf = io.BytesIO()
    xz_streams.pack(io.BytesIO(data), buf, preset=1, part_bytes=part_bytes)
    path = tmp_path / "s.xz"
    path.write_bytes(buf.getvalue())
    return path


@pytest.mark.parametrize("size", [1, 99_999, 100_000, 100_001, 345_678])
def test_parts_unpack_to_exactly_the_bytes_packed_and_any_xz_reader_reads_them(tmp_path: Path, size: int) -> None:
    data = _sample(size)
    packed = _packed(tmp_path, data, part_bytes=100_000)
    with packed.open("rb") as f:
        bounds = xz_streams.stream_bounds(f)
    assert len(bounds) == -(-size // 100_000)
    assert [b[2] for b in bounds] == [min(100_000, size - i * 100_000) for i in range(len(bounds))]
    xz_streams.unpack(packed, tmp_path / "out")
    assert (tmp_path / "out").read_bytes() == data
    assert lzma.decompress(packed.read_bytes()) == data  # an older laptop unpacks it in one pass


def test_a_single_stream_and_padding_between_streams_are_read_too(tmp_path: Path) -> None:
    a, b = _sample(5000), _sample(7000)[::-1]
    path = tmp_path / "p.xz"
    path.write_bytes(lzma.compress(a) + b"\0" * 8 + lzma.compress(b))
    xz_streams.unpack(path, tmp_path / "out")
    assert (tmp_path / "out").read_bytes() == a + b
    path.write_bytes(lzma.compress(a, preset=9))
    xz_streams.unpack(path, tmp_path / "out")
    assert (tmp_path / "out").read_bytes() == a


def test_damaged_or_cut_files_are_refused_not_unpacked_into_something_else(tmp_path: Path) -> None:
    data = _sample(300_000)
    packed = _packed(tmp_path, data, part_bytes=100_000)
    whole = packed.read_bytes()
    for damaged in (whole[: len(whole) // 2], whole[:-3], whole[:100] + bytes([whole[100] ^ 0xFF]) + whole[101:]):
        packed.write_bytes(damaged)
        with pytest.raises((xz_streams.XzLayoutError, lzma.LZMAError, EOFError)):
            xz_streams.unpack(packed, tmp_path / "out")
    packed.write_bytes(b"not xz at all, just text that is long enough")
    with pytest.raises(xz_streams.XzLayoutError):
        xz_streams.unpack(packed, tmp_path / "out")
