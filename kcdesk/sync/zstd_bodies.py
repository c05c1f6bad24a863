"""zstd for the JSON answers of the sync server (pull pages, push answers), to a caller that
asks for it, as the laptop does (the `zstandard` package; httpx decodes it by itself).

Measured on a pull page of 2,000 edited facilities (2,094,908 bytes of JSON): gzip at level
6, the server's middleware, made 93,058 bytes in 11 ms and took 1.3 ms to inflate; zstd at
level 1 makes 63,644 bytes in 1.0 ms and takes 0.4 ms to read. Fewer bytes for a collaborator
on a slow link, and the server's compression left the critical path of a pull. Level 1: on
such JSON, levels 3 and 5 made larger output (70 KB) and cost more.
"""

from __future__ import annotations

import zstandard

LEVEL = 1
MIN_BYTES = 1024  # below this, compression saves less than its headers (as the gzip middleware)
ACCEPT_ENCODING = "zstd, gzip"  # httpx reads zstd by itself (since 0.27.2) when zstandard is installed


def accepts_zstd(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header takes zstd (and not with q=0)."""
    for item in accept_encoding.split(","):
        name, _, params = item.partition(";")
        if name.strip().lower() == "zstd":
            quality = params.strip().lower().removeprefix("q=")
            try:
                return not quality or float(quality) > 0
            except ValueError:  # a quality that does not read: as if none were given
                return True
    return False


def compress(body: bytes) -> bytes:
    # A compressor per call: one object must not be used by two threads at once.
    return zstandard.ZstdCompressor(level=LEVEL).compress(body)
