"""Files fetched by HTTP Range into a partial file that a broken link resumes: the first
pull's snapshots and attachment files alike."""

from __future__ import annotations

from pathlib import Path

from kcdesk.db.store import Store
from kcdesk.progress import Progress
from kcdesk.sync.errors import Offline
from kcdesk.sync.transport import Transport


def work_dir(store: Store) -> Path:
    """Where partial downloads wait beside the database (<db>-sync-tmp)."""
    folder = store.path.with_name(store.path.stem + "-sync-tmp")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def fetch_range(
    transport: Transport,
    path: str,
    target: Path,
    start: int,
    size: int,
    progress: Progress,
    stage: str,
    piece: int = 4 * 1024 * 1024,
) -> None:
    """Fetch [start, size) in bounded pieces (memory stays small), appending to target.
    Each piece is on disk before progress is reported, so a cancel there loses nothing."""
    mode = "ab" if start > 0 else "wb"
    with target.open(mode) as fh:
        while start < size:
            progress.check()
            end = min(size, start + piece) - 1
            headers = {"Range": f"bytes={start}-{end}", "Accept-Encoding": "identity"}
            response = transport.call("GET", path, headers=headers, ok=(200, 206))
            if response.status_code == 206:
                data = response.content
            elif response.status_code == 200:  # the server ignored the range: take the part we asked for
                data = response.content[start : end + 1]
            else:
                raise Offline("Máy chủ không gửi được tệp ({status}).", status=response.status_code)
            if not data:
                raise Offline("Máy chủ không gửi được tệp ({status}).", status=response.status_code)
            fh.write(data)
            fh.flush()
            start += len(data)
            progress.step(start, size, stage)
